"""A verdict on one invoice: status, reimbursable amount, reasons citing the policy, review flags."""

from __future__ import annotations

import enum
from decimal import Decimal

import msgspec


class Status(enum.StrEnum):
    FULLY_REIMBURSED = "fully_reimbursed"
    PARTIALLY_REIMBURSED = "partially_reimbursed"
    DECLINED = "declined"


class RuleEffect(enum.StrEnum):
    CATEGORY = "category"
    CAP = "cap"
    EXCLUDE = "exclude"
    DEADLINE = "deadline"
    RATE = "rate"


class FlagCode(enum.StrEnum):
    TOTAL_MISMATCH = "total_mismatch"
    MULTIPLE_TOTALS = "multiple_totals"
    MISSING_DATE = "missing_date"
    DATE_CONFLICT = "date_conflict"
    FUTURE_DATE = "future_date"
    CURRENCY_MISMATCH = "currency_mismatch"
    NAME_MISMATCH = "name_mismatch"
    DUPLICATE = "duplicate"
    UNKNOWN_CATEGORY = "unknown_category"
    LOW_CONFIDENCE = "low_confidence"
    EXTRACTOR_FALLBACK = "extractor_fallback"
    AMOUNT_NOT_IN_TEXT = "amount_not_in_text"
    AMBIGUOUS_DATE = "ambiguous_date"  # day/month order not settled by the document
    EINVOICE_MISMATCH = "einvoice_mismatch"  # embedded XML and visible page disagree
    CREDIT_NOTE = "credit_note"  # the e-invoice is a credit note: money back, not a charge
    MISSING_FACT = "missing_fact"


class Flag(msgspec.Struct, frozen=True):
    code: str
    message: str


class AppliedRule(msgspec.Struct, frozen=True):
    rule_id: str
    clause: str
    effect: RuleEffect


class Verdict(msgspec.Struct, frozen=True):
    status: Status
    total: Decimal
    reimbursable: Decimal
    currency: str
    category: str | None
    reason: str
    violations: tuple[str, ...] = ()
    flags: tuple[Flag, ...] = ()
    rules_applied: tuple[AppliedRule, ...] = ()

    @property
    def review_required(self) -> bool:
        return bool(self.flags)
