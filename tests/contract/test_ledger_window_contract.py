"""The claim ledger read through each store backend with date spans (issue 15): a grant is loaded
exactly when its day is within its category's [first, last) span, on every backend."""

from __future__ import annotations

from datetime import date

from reimburse.application.ledger import load_ledger
from tests.contract.store_backends import StoreFactory
from tests.unit.test_claim_ledger_loading import stored

SPANS = {
    "meals": (date(2025, 3, 1), date(2025, 4, 1)),  # a month
    "cab": (date(2025, 1, 1), date(2025, 4, 1)),  # a quarter
    "hotel": (date(2025, 3, 1), date(2025, 4, 1)),  # the same span as meals: one read for both
}


async def test_only_grants_within_their_categorys_span_are_loaded(stores: StoreFactory) -> None:
    store = stores.invoices()
    await store.upsert(
        [
            stored("m_before", "Rani Sharma", "meals", "10.00", date(2025, 2, 28)),
            stored("m_first", "Rani Sharma", "meals", "10.00", date(2025, 3, 1)),
            stored("m_last", "Rani Sharma", "meals", "10.00", date(2025, 3, 31)),
            stored("m_after", "Rani Sharma", "meals", "10.00", date(2025, 4, 1)),
            stored("c_early", "Rani Sharma", "cab", "20.00", date(2025, 1, 1)),
            stored("c_late", "Rani Sharma", "cab", "20.00", date(2024, 12, 31)),
            stored("h_in", "Rani Sharma", "hotel", "30.00", date(2025, 3, 15)),
            stored("p_in", "Rani Sharma", "phone", "5.00", date(2025, 3, 15)),  # no span: not read
            stored("o_in", "Arjun Rao", "meals", "10.00", date(2025, 3, 15)),  # another employee
            stored("u_none", "Rani Sharma", "meals", "10.00", None),  # undated: in no period
        ]
    )
    ledger = await load_ledger(store, "Rani Sharma", ("cab", "hotel", "meals", "phone"), SPANS)
    assert sorted(e.invoice_id for e in ledger.entries) == ["c_early", "h_in", "m_first", "m_last"]
    whole = await load_ledger(store, "Rani Sharma", ("cab", "hotel", "meals", "phone"))
    assert len(whole.entries) == 8
