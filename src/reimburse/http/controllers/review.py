"""Reviewers decide: the review queue, decisions and their history, originals, batches, policies, export.

Paths and shapes follow API_CONTRACT.md ("Review, documents, exports"). Reviewer and admin roles
only, except the document and the batches, which employees see for their own invoices.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated
from urllib.parse import quote

import msgspec
from litestar import Controller, Response, get, post
from litestar.di import NamedDependency
from litestar.openapi import ResponseSpec
from litestar.openapi.spec import (
    OpenAPIFormat,
    OpenAPIMediaType,
    OpenAPIResponse,
    OpenAPIType,
    Operation,
    Schema,
)
from litestar.params import FromPath, JSONBody, QueryParameter
from litestar.response import Stream

from reimburse.application.batches import BatchView, GetBatch, ListBatches, ListPolicies, PolicySummary
from reimburse.application.documents import GetDocument
from reimburse.application.export import ExportInvoices
from reimburse.application.results import AnalysisResult
from reimburse.application.review import GetInvoiceHistory, ReviewInvoice, ReviewQueue
from reimburse.domain.access import AccessDenied, Viewer
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.verdict.review import MAX_NOTE, HistoryEvent, InvalidDecision, StaleVersion
from reimburse.domain.verdict.verdict import Status
from reimburse.http.controllers.invoices import InvoicePage
from reimburse.http.errors import ApiError, ErrorBody
from reimburse.http.openapi_docs import errors

STATUSES = [s.value for s in Status]
EXPORT_ROWS_PER_CHUNK = 256
DOCUMENT_TYPES = (
    "application/pdf",
    "application/xml",
    "image/jpeg",
    "image/png",
    "image/webp",
    "image/tiff",
    "image/heic",
    "image/heif",
    "application/octet-stream",
)
# The original is untrusted: nothing in it may run. An XML file could carry XHTML with script, so
# everything but a PDF is also sandboxed; the console (same origin) may frame it.
DOCUMENT_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'"
PDF_CSP = "default-src 'none'; object-src 'self'; img-src 'self' data:; frame-ancestors 'self'"


class ReviewRequest(msgspec.Struct, frozen=True, forbid_unknown_fields=False):
    action: str
    amount: Decimal | None = None
    note: Annotated[str, msgspec.Meta(max_length=MAX_NOTE)] | None = None
    version: int | None = None


class BatchPage(msgspec.Struct, frozen=True):
    items: list[BatchView]
    total: int
    limit: int
    offset: int


def _error(status: int, description: str) -> ResponseSpec:
    return ResponseSpec(ErrorBody, description=description, generate_examples=False)


@dataclass
class _DocumentOperation(Operation):
    """The original keeps its own type: declare each type an original can have."""

    def __post_init__(self) -> None:
        if self.responses is not None:
            binary = Schema(type=OpenAPIType.STRING, format=OpenAPIFormat.BINARY)
            self.responses["200"] = OpenAPIResponse(
                description="The original file, `Content-Disposition: inline`",
                content={t: OpenAPIMediaType(schema=binary) for t in DOCUMENT_TYPES},
            )


@dataclass
class _CsvOperation(Operation):
    def __post_init__(self) -> None:
        if self.responses is not None:
            self.responses["200"] = OpenAPIResponse(
                description="UTF-8 CSV, one row per invoice, header first",
                content={"text/csv": OpenAPIMediaType(schema=Schema(type=OpenAPIType.STRING))},
            )


def content_disposition(filename: str) -> str:
    """inline, with an ASCII fallback name and the exact name per RFC 6266 / 5987."""
    base = filename.rsplit("/", 1)[-1] or "document"
    ascii_name = "".join(c if 32 <= ord(c) < 127 and c not in '"\\;' else "_" for c in base)
    return f"inline; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(base, safe='')}"


def _status(status: str | None) -> str | None:
    if status is not None and status not in STATUSES:
        raise ApiError(400, f"status must be one of {', '.join(STATUSES)}", field="status")
    return status


async def _csv_chunks(rows: AsyncIterator[list[str]]) -> AsyncIterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    pending = 0
    async for row in rows:
        writer.writerow(row)
        pending += 1
        if pending >= EXPORT_ROWS_PER_CHUNK:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
            pending = 0
    if pending:
        yield buffer.getvalue().encode("utf-8")


class ReviewController(Controller):
    path = "/"
    tags = ["review"]

    @post(
        "/invoices/{invoice_id:str}/review",
        status_code=200,
        summary="Approve, adjust or reject an invoice (reviewer, admin)",
        description=(
            "`approve` keeps the engine's amount; `adjust` needs `amount` (0 <= amount <= total) and a "
            "`note`; `reject` needs a `note`. Send the `version` you saw: a stale one answers 409. The "
            "engine's verdict stays; the item gains `review`, `final_status` and `final_amount`."
        ),
        responses={
            **errors(404, 413, 415),
            409: _error(409, "The invoice changed since that version was read; reload it"),
            422: _error(422, "A bad amount, a missing note or an unknown action"),
        },
    )
    async def review(
        self,
        invoice_id: FromPath[str],
        data: JSONBody[ReviewRequest],
        review_invoice: NamedDependency[ReviewInvoice],
        viewer: NamedDependency[Viewer],
    ) -> AnalysisResult:
        try:
            result = await review_invoice(
                viewer, invoice_id, data.action, data.amount, data.note, data.version
            )
        except InvalidDecision as exc:
            raise ApiError(422, str(exc), error="ValidationError", field=exc.field) from exc
        except StaleVersion as exc:
            raise ApiError(409, str(exc), error="Conflict", field="version") from exc
        if result is None:
            raise ApiError(404, f"invoice {invoice_id} was not found")
        return result

    @get(
        "/invoices/{invoice_id:str}/history",
        summary="Analyses, re-analyses and decisions, oldest first",
        responses=errors(404),
    )
    async def history(
        self,
        invoice_id: FromPath[str],
        get_invoice_history: NamedDependency[GetInvoiceHistory],
        viewer: NamedDependency[Viewer],
    ) -> list[HistoryEvent]:
        if not viewer.sees_everything:
            raise AccessDenied("the history of decisions is for reviewers and admins")
        events = await get_invoice_history(viewer, invoice_id)
        if events is None:
            raise ApiError(404, f"invoice {invoice_id} was not found")
        return events

    @get(
        "/invoices/{invoice_id:str}/document",
        summary="The original file of an invoice (employees: their own)",
        responses=errors(404),
        operation_class=_DocumentOperation,
    )
    async def document(
        self,
        invoice_id: FromPath[str],
        get_document: NamedDependency[GetDocument],
        viewer: NamedDependency[Viewer],
    ) -> Response[bytes]:
        doc = await get_document(viewer, invoice_id)
        if doc is None:
            raise ApiError(404, f"no original document for invoice {invoice_id}")
        headers = {
            "Content-Disposition": content_disposition(doc.filename),
            "Content-Security-Policy": PDF_CSP
            if doc.media_type == "application/pdf"
            else f"sandbox; {DOCUMENT_CSP}",
            "X-Frame-Options": "SAMEORIGIN",
            "Cache-Control": "private, max-age=0, must-revalidate",
        }
        return Response(doc.data, media_type=doc.media_type, headers=headers)

    @get(
        "/review-queue",
        summary="Flagged invoices without a decision, oldest first (reviewer, admin)",
        responses=errors(),
    )
    async def review_queue(
        self,
        review_queue: NamedDependency[ReviewQueue],
        viewer: NamedDependency[Viewer],
        employee_name: Annotated[str | None, QueryParameter(max_length=100)] = None,
        category: Annotated[str | None, QueryParameter(max_length=60)] = None,
        status: Annotated[str | None, QueryParameter(max_length=40)] = None,
        batch_id: Annotated[str | None, QueryParameter(max_length=100)] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=500)] = 50,
        offset: Annotated[int, QueryParameter(ge=0, le=1_000_000)] = 0,
    ) -> InvoicePage:
        flt = InvoiceFilter(
            employee_names=(employee_name,) if employee_name else (),
            categories=(category.lower(),) if category else (),
            statuses=(s,) if (s := _status(status)) else (),
            batch_id=batch_id or None,
        )
        items, total = await review_queue(viewer, flt, limit, offset)
        return InvoicePage(items, total, limit, offset)

    @get(
        "/batches",
        summary="Batches, newest first, with counts and sums per status (employees: their own)",
        responses=errors(),
    )
    async def list_batches(
        self,
        list_batches: NamedDependency[ListBatches],
        viewer: NamedDependency[Viewer],
        employee_name: Annotated[str | None, QueryParameter(max_length=100)] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=500)] = 50,
        offset: Annotated[int, QueryParameter(ge=0, le=1_000_000)] = 0,
    ) -> BatchPage:
        flt = InvoiceFilter(employee_names=(employee_name,) if employee_name else ())
        items, total = await list_batches(viewer, flt, limit, offset)
        return BatchPage(items, total, limit, offset)

    @get(
        "/batches/{batch_id:str}",
        summary="One batch with counts and sums per status (employees: their own)",
        responses=errors(404),
    )
    async def get_batch(
        self,
        batch_id: FromPath[str],
        get_batch: NamedDependency[GetBatch],
        viewer: NamedDependency[Viewer],
    ) -> BatchView:
        batch = await get_batch(viewer, batch_id)
        if batch is None:
            raise ApiError(404, f"batch {batch_id} was not found")
        return batch

    @get("/policies", summary="The policies analysed so far (reviewer, admin)", responses=errors())
    async def list_policies(
        self, list_policies: NamedDependency[ListPolicies], viewer: NamedDependency[Viewer]
    ) -> list[PolicySummary]:
        return await list_policies(viewer)

    @get(
        "/exports/invoices.csv",
        summary="Payroll export as CSV, streamed (reviewer, admin)",
        description="Columns as in the contract; text cells starting with = + - @ get a leading '.",
        responses=errors(),
        operation_class=_CsvOperation,
    )
    async def export_csv(
        self,
        export_invoices: NamedDependency[ExportInvoices],
        viewer: NamedDependency[Viewer],
        employee_name: Annotated[str | None, QueryParameter(max_length=100)] = None,
        status: Annotated[str | None, QueryParameter(max_length=40)] = None,
        category: Annotated[str | None, QueryParameter(max_length=60)] = None,
        date_from: Annotated[date | None, QueryParameter()] = None,
        date_to: Annotated[date | None, QueryParameter()] = None,
        decided: Annotated[bool | None, QueryParameter()] = None,
        batch_id: Annotated[str | None, QueryParameter(max_length=100)] = None,
    ) -> Stream:
        flt = InvoiceFilter(
            employee_names=(employee_name,) if employee_name else (),
            statuses=(s,) if (s := _status(status)) else (),
            categories=(category.lower(),) if category else (),
            date_from=date_from,
            date_to=date_to,
            decided=decided,
            batch_id=batch_id or None,
        )
        rows = export_invoices.rows(viewer, flt)  # raises AccessDenied before anything is sent
        return Stream(
            _csv_chunks(rows),
            media_type="text/csv",
            headers={
                "Content-Disposition": 'attachment; filename="invoices.csv"',
                "Cache-Control": "no-store",
            },
        )
