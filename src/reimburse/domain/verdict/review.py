"""A reviewer's decision on an invoice, and the events of an invoice's history.

The engine's verdict is never changed: a decision sits beside it, and `final_*` say what is paid.
"""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal

import msgspec

from reimburse.domain.verdict.verdict import Status

MAX_NOTE = 2000


class Action(enum.StrEnum):
    APPROVE = "approve"
    ADJUST = "adjust"
    REJECT = "reject"


class EventKind(enum.StrEnum):
    ANALYSED = "analysed"
    REANALYSED = "reanalysed"
    REVIEWED = "reviewed"


class InvalidDecision(ValueError):
    """The decision is malformed (HTTP 422): a bad amount or a missing note."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class StaleVersion(Exception):
    """The invoice changed since the reviewer loaded it (HTTP 409)."""

    def __init__(self, expected: int, current: int) -> None:
        super().__init__(f"the invoice is at version {current}, not {expected}: reload it and decide again")
        self.expected = expected
        self.current = current


class Review(msgspec.Struct, frozen=True):
    action: str
    amount: Decimal
    note: str | None
    reviewer: str
    decided_at: datetime


class Outcome(msgspec.Struct, frozen=True):
    """What is paid for an invoice at one moment: the engine's verdict, or a decision over it."""

    status: str
    amount: Decimal
    version: int
    decided: bool = False


class HistoryEvent(msgspec.Struct, frozen=True):
    event_id: str
    invoice_id: str
    employee_name: str
    event: str
    actor: str
    at: datetime
    status: str
    amount: Decimal
    note: str | None = None
    action: str | None = None
    before: Outcome | None = None
    after: Outcome | None = None


def status_for_amount(amount: Decimal, total: Decimal) -> str:
    if amount <= 0:
        return Status.DECLINED.value
    return Status.FULLY_REIMBURSED.value if amount >= total else Status.PARTIALLY_REIMBURSED.value


def decide(
    action: str,
    *,
    total: Decimal,
    engine_amount: Decimal,
    amount: Decimal | None,
    note: str | None,
    reviewer: str,
    at: datetime,
) -> Review:
    """A valid Review, or InvalidDecision. approve keeps the engine's amount; adjust needs
    0 <= amount <= total and a note; reject needs a note and pays nothing."""
    try:
        kind = Action(action)
    except ValueError:
        raise InvalidDecision("action", "action must be approve, adjust or reject") from None
    text = (note or "").strip() or None
    if text is not None and len(text) > MAX_NOTE:
        raise InvalidDecision("note", f"note must be at most {MAX_NOTE} characters")
    if kind is Action.APPROVE:
        if amount is not None and amount != engine_amount:
            raise InvalidDecision("amount", "approve keeps the engine's amount; use adjust to change it")
        return Review(kind.value, engine_amount, text, reviewer, at)
    if text is None:
        raise InvalidDecision("note", f"{kind.value} needs a note saying why")
    if kind is Action.REJECT:
        return Review(kind.value, Decimal(0), text, reviewer, at)
    if amount is None:
        raise InvalidDecision("amount", "adjust needs an amount")
    if not amount.is_finite() or amount < 0 or amount > max(total, Decimal(0)):
        raise InvalidDecision("amount", f"amount must be between 0 and the invoice total ({total})")
    exponent, given = total.as_tuple().exponent, amount.as_tuple().exponent
    if isinstance(exponent, int) and isinstance(given, int) and given > exponent:
        amount = amount.quantize(Decimal(1).scaleb(exponent))  # 100.5 of 233.00 is 100.50
    return Review(kind.value, amount, text, reviewer, at)


def final_status(review: Review | None, status: str, total: Decimal) -> str:
    if review is None or review.action == Action.APPROVE:
        return status
    if review.action == Action.REJECT:
        return Status.DECLINED.value
    return status_for_amount(review.amount, total)


def final_amount(review: Review | None, engine_amount: Decimal) -> Decimal:
    return engine_amount if review is None else review.amount
