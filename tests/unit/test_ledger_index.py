"""The indexed claim ledger answers exactly what a plain scan of every grant answers (issue 15)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from unittest.mock import patch

import msgspec
from hypothesis import given, settings
from hypothesis import strategies as st

from reimburse.domain.verdict import ledger as ledger_module
from reimburse.domain.verdict.fx import FxRate, FxTable
from reimburse.domain.verdict.ledger import Ledger, LedgerEntry, Usage, window
from reimburse.domain.verdict.money import Money, quantize
from reimburse.domain.verdict.policy import CapRule, CapUnit, Period

ZERO = Decimal(0)
CATEGORIES = ("meals", "cab", "hotel")
IDS = tuple(f"inv_{i}" for i in range(12))  # few ids: re-recording one is common
# A rate for USD only from 2024-06-01 on, none for EUR: grants converted, and grants left aside.
FX = FxTable((FxRate("USD", "INR", date(2024, 6, 1), Decimal("83.1")),))
days = st.dates(date(2023, 11, 1), date(2025, 3, 31))
amounts = st.one_of(
    st.just(ZERO), st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999"), places=2)
)
entries = st.builds(
    LedgerEntry,
    invoice_id=st.sampled_from(IDS),
    category=st.sampled_from(CATEGORIES),
    on=days,
    granted=st.builds(Money, amounts, st.sampled_from(("INR", "INR", "INR", "USD", "EUR"))),
)
caps = st.builds(
    CapRule,
    rule_id=st.just("cap"),
    category=st.sampled_from(CATEGORIES),
    amount=st.just(Decimal(1000)),
    currency=st.sampled_from(("INR", "USD")),
    unit=st.just(CapUnit.DAY),
    clause=st.just("limit"),
    period=st.sampled_from(tuple(Period)),
    period_length=st.sampled_from((1, 1, 2, 3)),
    claims=st.sampled_from((0, 0, 1, 2)),
)
# An operation on the ledger: record a grant, or drop an invoice's grant.
operations = st.lists(st.one_of(entries, st.sampled_from(IDS)), max_size=30)


def naive_used(
    grants: list[LedgerEntry], cap: CapRule, on: date, currency: str, exclude: str, fx: FxTable | None
) -> Usage:
    """Every grant looked at, every window summed from scratch."""
    first, _ = window(cap.period, cap.period_length, on, earliest=True)
    _, last = window(cap.period, cap.period_length, on)
    relevant, unconverted = [], []
    for e in grants:
        if e.invoice_id == exclude or e.category != cap.category or not first <= e.on < last:
            continue
        if e.granted.currency == currency:
            relevant.append((e, e.granted.amount))
            continue
        found = fx.rate(e.granted.currency, currency, e.on) if fx is not None else None
        if found is None:
            unconverted.append(e)
        else:
            relevant.append((e, quantize(e.granted.amount * found[0])))
    starts = {on} | ({e.on for e, _ in relevant if e.on <= on} if cap.period_length > 1 else set())
    best = Usage(ZERO, 0, unconverted=tuple(unconverted))
    for start in sorted(starts):
        lo, hi = window(cap.period, cap.period_length, start)
        if not lo <= on < hi:
            continue
        inside = [(e, a) for e, a in relevant if lo <= e.on < hi]
        amount = quantize(sum((a for _, a in inside), ZERO))
        claims = len([a for _, a in inside if a > ZERO])
        if (amount, claims) > (best.amount, best.claims):
            ordered = tuple(sorted((e for e, _ in inside), key=lambda e: (e.on, e.invoice_id)))
            best = Usage(amount, claims, ordered, tuple(unconverted))
    return best


def in_inr(entry: LedgerEntry) -> LedgerEntry:
    return msgspec.structs.replace(entry, granted=Money(entry.granted.amount, "INR"))


def replay(initial: list[LedgerEntry], ops: list[LedgerEntry | str]) -> tuple[Ledger, list[LedgerEntry]]:
    """The same history twice: as a Ledger, and as a plain list (a grant replaces its invoice's)."""
    ledger, plain = Ledger(initial), list(initial)
    for op in ops:
        dropped = op if isinstance(op, str) else op.invoice_id
        plain = [e for e in plain if e.invoice_id != dropped]
        if isinstance(op, str):
            ledger = ledger.without(op)
        else:
            ledger, plain = ledger.record(op), [*plain, op]
    return ledger, plain


@settings(max_examples=300, deadline=None)
@given(
    initial=st.lists(entries, max_size=40),
    ops=operations,
    queries=st.lists(
        st.tuples(caps, days, st.sampled_from(("", *IDS)), st.sampled_from((FX, None))),
        min_size=1,
        max_size=6,
    ),
    bound=st.sampled_from((None, 1, 4)),
    only_inr=st.booleans(),
)
def test_used_equals_a_plain_scan_amount_for_amount(
    initial: list[LedgerEntry],
    ops: list[LedgerEntry | str],
    queries: list[tuple[CapRule, date, str, FxTable | None]],
    bound: int | None,
    only_inr: bool,
) -> None:
    if only_inr:  # every grant in the cap's currency: a period's total comes from running sums
        initial, ops = (
            [in_inr(e) for e in initial],
            [in_inr(e) if isinstance(e, LedgerEntry) else e for e in ops],
        )
    # `bound` folds the recorded changes into a fresh index after that many (the service uses 256).
    with patch.object(ledger_module, "_CHANGES", bound or ledger_module._CHANGES):
        ledger, plain = replay(initial, ops)
    assert ledger.entries == tuple(plain)
    for cap, on, exclude, fx in queries:
        assert ledger.used(cap, on, cap.currency, exclude=exclude, fx=fx) == naive_used(
            plain, cap, on, cap.currency, exclude, fx
        )


@settings(max_examples=100, deadline=None)
@given(initial=st.lists(entries, max_size=20), ops=operations, more=operations, cap=caps, on=days)
def test_a_ledger_never_changes_once_made(
    initial: list[LedgerEntry],
    ops: list[LedgerEntry | str],
    more: list[LedgerEntry | str],
    cap: CapRule,
    on: date,
) -> None:
    # Ledgers derived from one another share an index; deriving must never alter the earlier one.
    with patch.object(ledger_module, "_CHANGES", 2):
        ledger, plain = replay(initial, ops)
        before = ledger.used(cap, on, cap.currency, fx=FX)
        later = ledger
        for op in more:
            later = later.record(op) if isinstance(op, LedgerEntry) else later.without(op)
    assert ledger.entries == tuple(plain)
    assert (
        ledger.used(cap, on, cap.currency, fx=FX)
        == before
        == naive_used(plain, cap, on, cap.currency, "", FX)
    )


def test_same_day_grants_of_one_period_are_all_counted() -> None:
    day = date(2025, 3, 3)
    grants = [LedgerEntry(f"m{i}", "meals", day, Money(Decimal("100.00"), "INR")) for i in range(5)]
    ledger = Ledger(grants[:3]).record(grants[3]).record(grants[4]).without("m1")
    cap = CapRule("c", "meals", Decimal(1000), "INR", CapUnit.DAY, "limit", period=Period.WEEK)
    usage = ledger.used(cap, day + timedelta(days=2), "INR", exclude="m4")
    assert usage.amount == Decimal("300.00") and usage.claims == 3
    assert [e.invoice_id for e in usage.entries] == ["m0", "m2", "m3"]
