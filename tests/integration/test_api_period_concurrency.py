"""Two batches of one employee analysed at once never grant more than a period limit together
(issue 13): the ledger is loaded, the invoices decided and stored inside the employee's critical
section. The batches are forced to overlap: every ledger read waits until both batches' files have
been extracted, so without the lock both would read an empty ledger and each pay in full."""

from __future__ import annotations

from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any

from dependency_injector import providers
from litestar.testing import TestClient

from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from reimburse.http.app import create_app
from tests.conftest import analysis_files, make_settings, make_zip, offline_container
from tests.integration.test_api_claim_concurrency import CountingExtractor, Overlap
from tests.integration.test_api_period_limits import POLICY, meal

FORM = {"employee_name": "Rani Sharma", "submitted_on": "2025-03-20"}
ONE = {"lunch.pdf": meal("L-1", "400.00", "03/03/2025")}
TWO = {"dinner.pdf": meal("D-1", "400.00", "03/03/2025")}


class WaitingLedgerStore:
    """The real store; reading the ledger waits until every file of both batches is extracted."""

    def __init__(self, inner: Any, overlap: Overlap) -> None:
        self._inner, self._overlap = inner, overlap

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    async def iterate(self, flt: InvoiceFilter) -> AsyncIterator[InvoiceRecord]:
        await self._overlap.wait()
        async for record in self._inner.iterate(flt):
            yield record


def test_two_batches_at_once_share_the_days_limit(tmp_path: Path) -> None:
    container = offline_container(make_settings(tmp_path))
    overlap = Overlap(files=2)
    container.extractor.override(providers.Object(CountingExtractor(container.extractor(), overlap)))
    container.invoice_store.override(providers.Object(WaitingLedgerStore(container.invoice_store(), overlap)))
    with TestClient(create_app(container)) as client, ThreadPoolExecutor(2) as pool:
        futures = [
            pool.submit(
                client.post, "/api/v1/analyze-invoices", data=FORM, files=analysis_files(make_zip(f), POLICY)
            )
            for f in (ONE, TWO)
        ]
        responses = [f.result() for f in futures]
        assert all(r.status_code == 200 for r in responses), [r.text for r in responses]
        paid = sorted(Decimal(str(r.json()["results"][0]["reimbursement_amount"])) for r in responses)
        stored = client.get("/api/v1/invoices", params={"employee_name": "Rani Sharma"}).json()["items"]
    assert paid == [Decimal(200), Decimal(400)]  # 600 per day in total, whichever batch came first
    assert sum(Decimal(str(r["reimbursement_amount"])) for r in stored) == Decimal(600)
