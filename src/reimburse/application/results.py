"""What analysis use cases return: shaped like the wire contract (API_CONTRACT.md), amounts as Decimal."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import msgspec

from reimburse.domain.record import InvoiceRecord
from reimburse.domain.verdict.review import Review
from reimburse.domain.verdict.verdict import AppliedRule, Flag


class AnalysisResult(msgspec.Struct, frozen=True):
    invoice_id: str
    filename: str
    status: str
    reason: str
    total_amount: Decimal
    reimbursement_amount: Decimal
    currency: str
    categories: tuple[str, ...]
    policy_violations: tuple[str, ...]
    invoice_date: date | None
    invoice_number: str | None
    vendor: str | None
    review_required: bool
    flags: tuple[Flag, ...]
    rules_applied: tuple[AppliedRule, ...]
    employee_name: str
    batch_id: str
    policy_id: str
    analyzed_at: datetime
    # Issue 19 (additive): the claim's facts for conditional limits, and the policy version used.
    employee_grade: str | None = None
    location: str | None = None
    policy_version: int = 1
    # Additive wire fields: what is still payable, and which reader produced the fields.
    amount_due: Decimal | None = None
    extractor: str = ""
    # Issue 14: the decision, if any, and what is paid; equal to status/reimbursement_amount until then.
    review: Review | None = None
    final_status: str = ""
    final_amount: Decimal | None = None
    version: int = 1

    @classmethod
    def from_record(cls, r: InvoiceRecord) -> AnalysisResult:
        return cls(
            invoice_id=r.invoice_id,
            filename=r.filename,
            status=r.status,
            reason=r.reason,
            total_amount=r.total_amount,
            reimbursement_amount=r.reimbursement_amount,
            currency=r.currency,
            categories=r.categories,
            policy_violations=r.policy_violations,
            invoice_date=r.invoice_date,
            invoice_number=r.invoice_number,
            vendor=r.vendor,
            review_required=r.review_required,
            flags=r.flags,
            rules_applied=r.rules_applied,
            employee_name=r.employee_name,
            batch_id=r.batch_id,
            policy_id=r.policy_id,
            analyzed_at=r.analyzed_at,
            employee_grade=r.employee_grade,
            location=r.location,
            policy_version=r.policy_version,
            amount_due=r.amount_due,
            extractor=r.extractor,
            review=r.review,
            final_status=r.final_status,
            final_amount=r.final_amount,
            version=r.version,
        )


class ProcessingError(msgspec.Struct, frozen=True):
    filename: str
    error: str
    message: str
    file: str = ""  # repeats filename: the original Flutter clients read `file`

    def __post_init__(self) -> None:
        if not self.file:
            msgspec.structs.force_setattr(self, "file", self.filename)


class BatchSummary(msgspec.Struct, frozen=True):
    success: bool
    message: str
    employee_name: str
    batch_id: str
    policy_id: str
    total_invoices: int
    processed_invoices: int
    failed_invoices: int
    results: tuple[AnalysisResult, ...]
    processing_errors: tuple[ProcessingError, ...]
    timestamp: datetime


# Events of a batch, in the order a client sees them (SSE maps them 1:1).
class BatchStarted(msgspec.Struct, frozen=True):
    employee_name: str
    total_invoices: int
    batch_id: str


class BatchProgress(msgspec.Struct, frozen=True):
    current_invoice: int
    total_invoices: int
    stage: str
    filename: str
    # what the original Flutter clients read: counts so far, and `current_filename` repeating filename
    processed_invoices: int = 0
    failed_invoices: int = 0
    current_filename: str = ""

    def __post_init__(self) -> None:
        if not self.current_filename:
            msgspec.structs.force_setattr(self, "current_filename", self.filename)


class InvoiceJudged(msgspec.Struct, frozen=True):
    result: AnalysisResult


class InvoiceFailed(msgspec.Struct, frozen=True):
    error: ProcessingError


class BatchDone(msgspec.Struct, frozen=True):
    summary: BatchSummary


BatchEvent = BatchStarted | BatchProgress | InvoiceJudged | InvoiceFailed | BatchDone
