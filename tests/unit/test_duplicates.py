"""The same bill is never paid twice: matching rules and their properties (domain/verdict/duplicates.py)."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import msgspec
from hypothesis import given
from hypothesis import strategies as st

from reimburse.domain.verdict.duplicates import (
    ClaimedBill,
    MatchKind,
    bill_key,
    decision_order,
    decline_copy,
    find_duplicate,
    judge_duplicates,
)
from reimburse.domain.verdict.verdict import Flag, FlagCode, Status, Verdict

DAY = date(2025, 3, 3)


def bill(
    invoice_id: str,
    vendor: str | None = "Uber B.V.",
    number: str | None = "INV-001",
    when: date | None = DAY,
    total: str = "250.00",
    claimed_on: date = date(2025, 3, 10),
    currency: str = "INR",
) -> ClaimedBill:
    return ClaimedBill(invoice_id, vendor, number, when, Decimal(total), claimed_on, currency)


# --- examples ---------------------------------------------------------------------------


def test_same_vendor_and_number_spelled_differently_is_a_copy() -> None:
    original = bill("inv_a", claimed_on=date(2025, 3, 5))
    copy = bill("inv_b", vendor="UBER BV", number="inv 001", total="250")
    match = find_duplicate(copy, [original])
    assert match is not None and match.kind is MatchKind.SAME_NUMBER and match.declines
    assert match.original.invoice_id == "inv_a"


def test_a_copy_is_declined_with_a_reason_naming_the_original_and_its_claim_date() -> None:
    original = bill("inv_a", claimed_on=date(2025, 3, 5))
    match = find_duplicate(bill("inv_b"), [original])
    assert match is not None
    verdict = decline_copy(
        Verdict(
            Status.FULLY_REIMBURSED,
            Decimal("250.00"),
            Decimal("250.00"),
            "INR",
            "cab",
            "Fully reimbursed.",
            flags=(Flag(FlagCode.NAME_MISMATCH, "x"),),
        ),
        match,
    )
    assert verdict.status is Status.DECLINED
    assert verdict.reimbursable == Decimal("0.00")
    assert "inv_a" in verdict.reason and "2025-03-05" in verdict.reason
    assert verdict.reason.startswith("Declined:")
    assert [f.code for f in verdict.flags] == [FlagCode.NAME_MISMATCH, FlagCode.DUPLICATE]
    assert verdict.category == "cab"  # what the bill is stays known


def test_without_a_number_same_vendor_date_and_amount_is_a_copy() -> None:
    original = bill("inv_a", number=None)
    match = find_duplicate(bill("inv_b", number=""), [original])
    assert match is not None and match.kind is MatchKind.SAME_DAY_AMOUNT and match.declines


def test_another_vendor_spelling_on_the_same_day_and_amount_is_only_near() -> None:
    original = bill("inv_a", vendor="Uber India Systems", number=None)
    match = find_duplicate(bill("inv_b", vendor="Uber India Sys.", number=None), [original])
    assert match is not None and match.kind is MatchKind.NEAR and not match.declines
    assert match.flag().code == FlagCode.DUPLICATE
    assert "Possibly the same bill" in match.flag().message


def test_an_unrelated_vendor_on_the_same_day_and_amount_is_no_match() -> None:
    assert find_duplicate(bill("inv_b", vendor="Ola Cabs", number=None), [bill("inv_a", number=None)]) is None


def test_two_printed_numbers_that_differ_are_two_bills() -> None:
    # Two identical lunches on one day: same vendor, date and amount, but each has its own number.
    assert find_duplicate(bill("inv_b", number="INV-002"), [bill("inv_a", number="INV-001")]) is None


def test_same_number_with_another_amount_goes_to_review_not_decline() -> None:
    match = find_duplicate(bill("inv_b", total="260.00"), [bill("inv_a")])
    assert match is not None and match.kind is MatchKind.NEAR


def test_one_number_unread_is_near_not_a_copy() -> None:
    match = find_duplicate(bill("inv_b", number=None), [bill("inv_a")])
    assert match is not None and match.kind is MatchKind.NEAR


def test_another_currency_is_no_sure_copy() -> None:
    match = find_duplicate(bill("inv_b", currency="EUR"), [bill("inv_a")])
    assert match is not None and match.kind is MatchKind.NEAR
    assert find_duplicate(bill("inv_b", number=None, currency="EUR"), [bill("inv_a", number=None)]) is None


def test_the_same_file_again_is_the_same_claim_not_a_copy() -> None:
    assert find_duplicate(bill("inv_a"), [bill("inv_a")]) is None


def test_a_stored_copy_is_never_an_original() -> None:
    original = bill("inv_a", claimed_on=date(2025, 3, 1))
    copy = msgspec.structs.replace(bill("inv_b", claimed_on=date(2025, 3, 2)), is_copy=True)
    # Re-analysing the original after its copy was declined: the original is not a copy of its copy.
    assert find_duplicate(original, [copy]) is None
    match = find_duplicate(bill("inv_c"), [original, copy])
    assert match is not None and match.original.invoice_id == "inv_a"


def test_a_sure_copy_wins_over_an_earlier_near_match() -> None:
    near = bill("inv_a", vendor="Uber Indya", number=None)
    sure = bill("inv_b")
    match = find_duplicate(bill("inv_c"), [near, sure])
    assert match is not None and match.original.invoice_id == "inv_b" and match.declines


def test_decision_order_is_date_then_zip_order_undated_last() -> None:
    dates = [date(2025, 3, 4), None, date(2025, 3, 1), date(2025, 3, 4), None]
    assert decision_order(dates) == [2, 0, 3, 1, 4]


# --- properties -------------------------------------------------------------------------

vendors = st.sampled_from(["Uber B.V.", "UBER BV", "Uber India", "Ola", "Spice Garden", None])
numbers = st.sampled_from(["INV-001", "inv 001", "INV-002", "77", None, ""])
days = st.sampled_from([date(2025, 3, 1), date(2025, 3, 2), None])
totals = st.sampled_from(["100.00", "100", "250.00", "99.99"])


@st.composite
def batches(draw: st.DrawFn) -> list[ClaimedBill]:
    n = draw(st.integers(0, 10))
    return [
        bill(
            f"inv_{i}",
            draw(vendors),
            draw(numbers),
            draw(days),
            draw(totals),
            currency=draw(st.sampled_from(["INR", "EUR"])),
        )
        for i in range(n)
    ]


def _paid_total(bills: list[ClaimedBill], stored: list[ClaimedBill] | None = None) -> Decimal:
    order = decision_order([b.invoice_date for b in bills])
    ordered = [bills[i] for i in order]
    matches = judge_duplicates(ordered, stored or [])
    return sum(
        (b.total for b, m in zip(ordered, matches, strict=True) if m is None or not m.declines), Decimal(0)
    )


@given(st.integers(1, 8), st.sampled_from(["INV-7", None]))
def test_k_copies_of_a_bill_in_one_batch_pay_exactly_once(k: int, number: str | None) -> None:
    copies = [bill(f"inv_{i}", number=number, total="250.00") for i in range(k)]
    matches = judge_duplicates(copies, [])
    assert sum(1 for m in matches if m is None or not m.declines) == 1
    assert matches[0] is None  # the first in decision order is the one paid
    assert _paid_total(copies) == Decimal("250.00")


@given(st.integers(1, 6))
def test_copies_of_a_stored_bill_pay_nothing(k: int) -> None:
    stored = [bill("inv_stored", claimed_on=date(2025, 3, 5))]
    copies = [bill(f"inv_{i}", vendor="uber b v", number="INV 001") for i in range(k)]
    assert _paid_total(copies, stored) == Decimal(0)


@given(batches(), st.randoms())
def test_the_order_of_a_batch_never_changes_what_is_paid(
    bills: list[ClaimedBill], rnd: random.Random
) -> None:
    shuffled = list(bills)
    rnd.shuffle(shuffled)
    assert _paid_total(shuffled) == _paid_total(bills)


@given(batches())
def test_only_bills_sharing_a_number_or_a_day_and_amount_are_ever_declined(bills: list[ClaimedBill]) -> None:
    matches = judge_duplicates(bills, [])
    for b, m in zip(bills, matches, strict=True):
        if m is not None and m.declines:
            o = m.original
            assert o.invoice_id != b.invoice_id
            assert o.total == b.total and o.currency == b.currency
            same_number = bill_key(o.invoice_number) != "" and bill_key(o.invoice_number) == bill_key(
                b.invoice_number
            )
            assert same_number or o.invoice_date == b.invoice_date is not None
            assert bill_key(o.vendor) == bill_key(b.vendor) != ""


@given(batches())
def test_every_declined_copy_names_a_paid_original(bills: list[ClaimedBill]) -> None:
    matches = judge_duplicates(bills, [])
    declined = {b.invoice_id for b, m in zip(bills, matches, strict=True) if m is not None and m.declines}
    for m in matches:
        if m is not None and m.declines:
            assert m.original.invoice_id not in declined
