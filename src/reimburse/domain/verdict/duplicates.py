"""Is this bill one the employee already claimed? Pure matching rules, no storage.

The same file (same bytes) is the same claim and replaces itself; this module is about the same
*bill* under another file: a reissued copy, a second scan, a photo of a paid receipt. A sure copy
is declined (it is never paid twice); a near match goes to a reviewer, because declining a real
second bill is worse than asking.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from difflib import SequenceMatcher

import msgspec

from reimburse.domain.verdict.money import quantize
from reimburse.domain.verdict.verdict import Flag, FlagCode, Status, Verdict

# Vendor keys at least this alike (difflib ratio) are "another spelling" of one vendor:
# 'Uber BV' / 'Uber B.V. India' / 'UBER' agree, 'Uber' / 'Ola' do not.
NEAR_VENDOR_RATIO = 0.6
# A copy's flag message starts with this, so a stored copy is never taken for an original.
COPY_PREFIX = "Already claimed as invoice"


def bill_key(value: str | None) -> str:
    """Letters and digits only, case-folded: 'INV-0042' and 'inv 0042', 'Uber B.V.' and 'UBER BV'."""
    return "".join(ch for ch in (value or "").casefold() if ch.isalnum())


class ClaimedBill(msgspec.Struct, frozen=True):
    """What the matching needs of a claim: the bill's identity and when it was claimed."""

    invoice_id: str
    vendor: str | None
    invoice_number: str | None
    invoice_date: date | None
    total: Decimal
    claimed_on: date
    currency: str
    # A stored claim that was itself declined as a copy: never the original of a later one.
    is_copy: bool = False


class MatchKind(enum.StrEnum):
    SAME_NUMBER = "same_number"  # same vendor, invoice number and amount
    SAME_DAY_AMOUNT = "same_day_amount"  # no number printed: same vendor, date and amount
    NEAR = "near"  # same date and amount under another vendor spelling, or a half-read number


_STRENGTH = {MatchKind.SAME_NUMBER: 0, MatchKind.SAME_DAY_AMOUNT: 1, MatchKind.NEAR: 2}


class DuplicateMatch(msgspec.Struct, frozen=True):
    original: ClaimedBill
    kind: MatchKind
    detail: str

    @property
    def declines(self) -> bool:
        return self.kind is not MatchKind.NEAR

    def describe(self) -> str:
        o = self.original
        return f"invoice {o.invoice_id} (claimed on {o.claimed_on.isoformat()}; {self.detail})"

    def flag(self) -> Flag:
        if self.declines:
            return Flag(FlagCode.DUPLICATE, f"{COPY_PREFIX} {self.describe()}.")
        return Flag(FlagCode.DUPLICATE, f"Possibly the same bill as {self.describe()}.")


def _same_amount(a: ClaimedBill, b: ClaimedBill) -> bool:
    # Exact currency match: "same as anything" for a blank one would make matching non-transitive,
    # and then which copy is paid could depend on the order.
    return a.currency == b.currency and quantize(a.total) == quantize(b.total)


def _alike(a: str, b: str) -> bool:
    if not a or not b:
        return True  # one vendor unread: the spelling cannot tell them apart
    if a in b or b in a:
        return True
    return SequenceMatcher(None, a, b).ratio() >= NEAR_VENDOR_RATIO


def _kind(bill: ClaimedBill, other: ClaimedBill) -> tuple[MatchKind, str] | None:
    vendor, other_vendor = bill_key(bill.vendor), bill_key(other.vendor)
    number, other_number = bill_key(bill.invoice_number), bill_key(other.invoice_number)
    same_vendor = bool(vendor) and vendor == other_vendor
    same_day = bill.invoice_date is not None and bill.invoice_date == other.invoice_date
    amount = _same_amount(bill, other)
    if same_vendor and number and number == other_number:
        if amount:
            return MatchKind.SAME_NUMBER, f"same vendor, number {other.invoice_number} and amount"
        return MatchKind.NEAR, f"same vendor and number {other.invoice_number}, another amount"
    if not (same_day and amount):
        return None
    if number and other_number and number != other_number:
        return None  # two numbers printed and they differ: two bills, whatever the vendor
    if same_vendor and not number and not other_number:
        return MatchKind.SAME_DAY_AMOUNT, "same vendor, date and amount, no number printed"
    if same_vendor:
        return MatchKind.NEAR, "same vendor, date and amount; only one shows a number"
    if _alike(vendor, other_vendor):
        spelled = f"'{bill.vendor or '?'}' / '{other.vendor or '?'}'"
        return MatchKind.NEAR, f"same date and amount, vendor spelled {spelled}"
    return None


def find_duplicate(bill: ClaimedBill, earlier: Iterable[ClaimedBill]) -> DuplicateMatch | None:
    """The strongest match among `earlier` (given in claim order); the first of that strength.

    The bill's own id is skipped: a re-upload of the same file is the same claim, not a copy.
    """
    best: DuplicateMatch | None = None
    for other in earlier:
        if other.invoice_id == bill.invoice_id or other.is_copy:
            continue
        found = _kind(bill, other)
        if found is None:
            continue
        match = DuplicateMatch(other, *found)
        if best is None or _STRENGTH[match.kind] < _STRENGTH[best.kind]:
            best = match
    return best


def decline_copy(verdict: Verdict, match: DuplicateMatch) -> Verdict:
    """The verdict of a sure copy: nothing paid, the reason naming the original claim."""
    why = f"The bill was already claimed as {match.describe()}; a copy is not paid twice."
    kept = [f for f in verdict.flags if f.code != FlagCode.DUPLICATE]
    return msgspec.structs.replace(
        verdict,
        status=Status.DECLINED,
        reimbursable=quantize(Decimal(0)),
        reason=f"Declined: {why}",
        violations=(why,),
        flags=(*kept, match.flag()),
    )


def judge_duplicates(
    bills: Iterable[ClaimedBill], stored: Iterable[ClaimedBill]
) -> list[DuplicateMatch | None]:
    """Each bill of a batch (in decision order) against the stored claims and the batch's earlier
    bills: the first of a set of copies is the original, every later one a copy."""
    prior = list(stored)
    out: list[DuplicateMatch | None] = []
    for bill in bills:
        match = find_duplicate(bill, prior)
        out.append(match)
        prior.append(msgspec.structs.replace(bill, is_copy=match is not None and match.declines))
    return out


def decision_order(dates: Sequence[date | None]) -> list[int]:
    """Positions of a batch (given in ZIP order) in the order it is decided: invoice date, then ZIP
    order, undated invoices last. Deterministic, so the first of two copies is always the one paid."""
    return sorted(range(len(dates)), key=lambda i: (dates[i] is None, dates[i] or date.min, i))
