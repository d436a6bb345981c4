"""One mapping from every failure to the contract's error body. No stack trace ever leaves."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import msgspec
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException

from reimburse.domain.errors import (
    ArchiveError,
    DocumentError,
    DomainError,
    PolicyError,
    StoreUnavailable,
)
from reimburse.http.request_context import ensure_request_id

log = logging.getLogger("reimburse.http")

_NAMES = {
    400: "ValidationError",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    405: "MethodNotAllowed",
    413: "PayloadTooLarge",
    415: "UnsupportedMediaType",
    422: "UnprocessableEntity",
    429: "RateLimitExceeded",
    500: "InternalServerError",
    503: "ServiceUnavailable",
}


class ErrorDetail(msgspec.Struct, frozen=True):
    field: str | None
    message: str


class ErrorBody(msgspec.Struct, frozen=True):
    success: bool
    error: str
    message: str
    details: list[ErrorDetail]
    request_id: str
    timestamp: datetime


class ApiError(HTTPException):
    """An error with a contract name and per-field details."""

    def __init__(
        self, status_code: int, message: str, error: str | None = None, field: str | None = None
    ) -> None:
        super().__init__(detail=message, status_code=status_code)
        self.error = error or _NAMES.get(status_code, "Error")
        self.details = [ErrorDetail(field, message)] if field else []


def error_response(
    request: Request[Any, Any, Any],
    status: int,
    message: str,
    error: str | None = None,
    details: list[ErrorDetail] | None = None,
    headers: dict[str, str] | None = None,
) -> Response[ErrorBody]:
    body = ErrorBody(
        success=False,
        error=error or _NAMES.get(status, "Error"),
        message=message,
        details=details or [],
        request_id=ensure_request_id(request.scope),
        timestamp=datetime.now(UTC),
    )
    return Response(body, status_code=status, headers=headers, media_type="application/json")


def _validation_details(exc: ValidationException) -> list[ErrorDetail]:
    extra = exc.extra if isinstance(exc.extra, list) else []
    details = []
    for item in extra:
        if isinstance(item, dict):
            details.append(ErrorDetail(item.get("key") or item.get("field"), str(item.get("message", ""))))
    return details


def handle_http(request: Request[Any, Any, Any], exc: HTTPException) -> Response[ErrorBody]:
    status = exc.status_code
    headers = dict(exc.headers or {})
    if isinstance(exc, ApiError):
        return error_response(request, status, exc.detail, exc.error, exc.details, headers)
    if isinstance(exc, ValidationException):
        details = _validation_details(exc)
        message = exc.detail if exc.detail and exc.detail != "Bad Request" else "The request is not valid"
        if details and message.startswith("Validation failed"):
            message = "; ".join(f"{d.field}: {d.message}" if d.field else d.message for d in details)
        return error_response(request, 400, message, "ValidationError", details, headers)
    if status == 404:
        message = "The requested resource was not found"
    elif status == 405:
        message = f"Method {request.method} is not allowed here"
    elif status == 413:
        message = "The request body is too large"
    elif status == 429:
        reset = headers.get("RateLimit-Reset") or headers.get("ratelimit-reset")
        headers.setdefault("Retry-After", str(max(int(reset), 1)) if reset and reset.isdigit() else "60")
        message = f"Too many requests; retry after {headers['Retry-After']} s"
    else:
        message = exc.detail or _NAMES.get(status, "Error")
    if status >= 500:
        log.error("http error %s: %s", status, exc.detail)
        message = "The service could not complete the request"
    return error_response(request, status, message, None, None, headers)


def handle_domain(request: Request[Any, Any, Any], exc: DomainError) -> Response[ErrorBody]:
    if isinstance(exc, StoreUnavailable):
        log.error("store unavailable: %s", exc)
        return error_response(
            request, 503, f"Storage is unavailable: {exc}", exc.code, headers={"Retry-After": "30"}
        )
    field = "policy_file" if isinstance(exc, PolicyError | DocumentError) else None
    if isinstance(exc, ArchiveError):
        field = "invoices_zip"
    details = [ErrorDetail(field, str(exc))] if field else []
    return error_response(request, 422, str(exc), exc.code, details)


def handle_unexpected(request: Request[Any, Any, Any], exc: Exception) -> Response[ErrorBody]:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return error_response(request, 500, "The service could not complete the request")


EXCEPTION_HANDLERS: dict[type[Exception] | int, Any] = {
    HTTPException: handle_http,
    DomainError: handle_domain,
    Exception: handle_unexpected,
}
