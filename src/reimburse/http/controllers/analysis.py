"""POST /analyze-invoices and /analyze-invoices-stream: parse the form, run AnalyzeBatch, map the result."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from litestar import Controller, Request, Response, post
from litestar.di import NamedDependency
from litestar.enums import RequestEncodingType
from litestar.response import Stream

from reimburse.application.analyze_batch import AnalyzeBatch, Batch, BatchRequest
from reimburse.application.results import (
    BatchDone,
    BatchProgress,
    BatchStarted,
    BatchSummary,
    InvoiceFailed,
    InvoiceJudged,
)
from reimburse.config import Settings
from reimburse.domain.access import Viewer
from reimburse.http.errors import ApiError
from reimburse.http.forms import AnalysisForm, parse_analysis_form
from reimburse.http.observability import Metrics
from reimburse.http.openapi_docs import AnalysisOperation, AnalysisStreamOperation, errors
from reimburse.http.sse import frame, with_pings

SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no", "Connection": "keep-alive"}


async def _read_form(request: Request[Any, Any, Any], settings: Settings) -> AnalysisForm:
    content_type = request.headers.get("content-type", "")
    if not content_type.lower().startswith(RequestEncodingType.MULTI_PART.value):
        raise ApiError(415, "send the analysis as multipart/form-data")
    form = await request.form()
    return parse_analysis_form(form, settings.max_file_size, settings.max_zip_size)


def _request(form: AnalysisForm, viewer: Viewer) -> BatchRequest:
    form.policy.file.seek(0)
    return BatchRequest(
        employee_name=form.employee_name,
        policy_bytes=form.policy.file.read(),
        policy_filename=form.policy.filename or "policy.pdf",
        submitted_on=form.submitted_on,
        owner=viewer.subject,
        employee_grade=form.employee_grade,
        location=form.location,
    )


def _count(metrics: Metrics, summary: BatchSummary) -> None:
    for result in summary.results:
        metrics.invoices.labels(result.status).inc()
    if summary.failed_invoices:
        metrics.invoices.labels("processing_error").inc(summary.failed_invoices)


async def _sse(use_case: AnalyzeBatch, batch: Batch, metrics: Metrics) -> AsyncIterator[bytes]:
    async for event in use_case.stream(batch):
        if isinstance(event, BatchStarted):
            yield frame("metadata", event)
        elif isinstance(event, BatchProgress):
            yield frame("progress", event)
        elif isinstance(event, InvoiceJudged):
            metrics.invoices.labels(event.result.status).inc()
            yield frame("result", event.result)
        elif isinstance(event, InvoiceFailed):
            if event.error.filename:
                metrics.invoices.labels("processing_error").inc()
            yield frame("error", event.error)
        elif isinstance(event, BatchDone):
            yield frame("done", event.summary)


class AnalysisController(Controller):
    path = "/"
    tags = ["analysis"]

    @post(
        "/analyze-invoices",
        status_code=200,
        summary="Analyse a ZIP of invoices against a policy",
        responses=errors(413, 415, 422, 507),
        operation_class=AnalysisOperation,
    )
    async def analyze(
        self,
        request: Request[Any, Any, Any],
        analyze_batch: NamedDependency[AnalyzeBatch],
        settings: NamedDependency[Settings],
        viewer: NamedDependency[Viewer],
        metrics: NamedDependency[Metrics],
    ) -> BatchSummary:
        form = await _read_form(request, settings)
        batch_request = _request(form, viewer)
        try:
            summary = await analyze_batch.run(batch_request, form.invoices.file, viewer)
        finally:
            await form.invoices.close()
            await form.policy.close()
        _count(metrics, summary)
        return summary

    @post(
        "/analyze-invoices-stream",
        status_code=200,
        summary="Analyse a ZIP of invoices, streaming results as Server-Sent Events",
        responses=errors(413, 415, 422, 507),
        operation_class=AnalysisStreamOperation,
    )
    async def analyze_stream(
        self,
        request: Request[Any, Any, Any],
        analyze_batch: NamedDependency[AnalyzeBatch],
        settings: NamedDependency[Settings],
        viewer: NamedDependency[Viewer],
        metrics: NamedDependency[Metrics],
    ) -> Response[Any]:
        form = await _read_form(request, settings)
        batch_request = _request(form, viewer)
        batch = analyze_batch.start(batch_request, form.invoices.file, viewer)

        async def frames() -> AsyncIterator[bytes]:
            try:
                async for chunk in with_pings(_sse(analyze_batch, batch, metrics), settings.sse_ping_seconds):
                    yield chunk
            finally:
                await form.invoices.close()
                await form.policy.close()

        return Stream(frames(), media_type="text/event-stream", headers=SSE_HEADERS)
