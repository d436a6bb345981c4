"""An analysed invoice as stored: the verdict plus who, when and from which file."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import msgspec

from reimburse.domain.verdict.review import Review, final_amount, final_status
from reimburse.domain.verdict.verdict import AppliedRule, Flag


def normalise_name(name: str) -> str:
    """Case- and space-insensitive form used for matching employee names."""
    return " ".join(name.casefold().split())


class InvoiceRecord(msgspec.Struct, frozen=True):
    invoice_id: str
    employee_name: str
    batch_id: str
    policy_id: str
    filename: str
    file_sha256: str
    analyzed_at: datetime
    submitted_on: date
    status: str
    reason: str
    total_amount: Decimal
    reimbursement_amount: Decimal
    currency: str
    categories: tuple[str, ...] = ()
    policy_violations: tuple[str, ...] = ()
    invoice_date: date | None = None
    invoice_number: str | None = None
    vendor: str | None = None
    review_required: bool = False
    flags: tuple[Flag, ...] = ()
    rules_applied: tuple[AppliedRule, ...] = ()
    names: tuple[str, ...] = ()
    text: str = ""
    owner: str | None = None
    # Issue 19: the facts the claim gave for conditional limits, and the policy version judged under.
    employee_grade: str | None = None
    location: str | None = None
    policy_version: int = 1
    # Added for issue 11; defaults keep records stored before it readable.
    amount_due: Decimal | None = None
    extractor: str = ""
    # Added for issue 14: a reviewer's decision beside the verdict, and a version that every
    # re-analysis and decision increments (a decision names the version it was made on).
    review: Review | None = None
    version: int = 1
    policy_filename: str = ""

    @property
    def employee_key(self) -> str:
        return normalise_name(self.employee_name)

    @property
    def final_status(self) -> str:
        return final_status(self.review, self.status, self.total_amount)

    @property
    def final_amount(self) -> Decimal:
        return final_amount(self.review, self.reimbursement_amount)
