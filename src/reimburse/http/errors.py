"""One mapping from every failure to the contract's error body. No stack trace ever leaves."""

from __future__ import annotations

import errno
import logging
import re
import traceback
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
    ReaderUnavailable,
    StoreUnavailable,
)
from reimburse.http.request_context import ensure_request_id

log = logging.getLogger("reimburse.http")
_MISSING_FIELD = re.compile(r"missing required field `([^`]+)`")

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
    507: "InsufficientStorage",
}
_DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})
RETRY_AFTER_SECONDS = "30"


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
            key, message = item.get("key") or item.get("field"), str(item.get("message", ""))
            missing = _MISSING_FIELD.search(message)
            if missing:  # msgspec reports a missing field at its parent ("data" for the body itself)
                key = missing.group(1) if key in (None, "data") else f"{key}.{missing.group(1)}"
            details.append(ErrorDetail(key, message))
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


def _causes(exc: BaseException | None) -> list[BaseException]:
    chain: list[BaseException] = []
    while exc is not None and len(chain) < 8:
        chain.append(exc)
        exc = exc.__cause__ or exc.__context__
    return chain


def _disk_full(exc: BaseException) -> bool:
    """A full disk (or quota) anywhere in the exception's chain of causes."""
    return any(isinstance(e, OSError) and e.errno in _DISK_FULL for e in _causes(exc))


def _insufficient_storage(request: Request[Any, Any, Any], exc: BaseException) -> Response[ErrorBody]:
    # 507, not 500: the request was fine and nothing was half-written; it can be retried once space is freed
    log.error("disk full: %s", exc)
    return error_response(
        request,
        507,
        "The server is out of storage space; nothing was saved. Retry later.",
        headers={"Retry-After": RETRY_AFTER_SECONDS},
    )


def handle_domain(request: Request[Any, Any, Any], exc: DomainError) -> Response[ErrorBody]:
    if isinstance(exc, StoreUnavailable):
        if _disk_full(exc):
            return _insufficient_storage(request, exc)
        log.error("store unavailable: %s", exc)
        return error_response(
            request,
            503,
            f"Storage is unavailable: {exc}",
            exc.code,
            headers={"Retry-After": RETRY_AFTER_SECONDS},
        )
    if isinstance(exc, ReaderUnavailable):  # not the file at fault: a 503 to retry, not a 422
        what = "policy" if isinstance(exc, PolicyError) else "document"
        log.error("%s not read, the language model is unavailable: %s", what, exc)
        return error_response(
            request,
            503,
            f"The {what} could not be read because the language model is unavailable; retry later.",
            "ServiceUnavailable",
            headers={"Retry-After": RETRY_AFTER_SECONDS},
        )
    field = "policy_file" if isinstance(exc, PolicyError | DocumentError) else None
    if isinstance(exc, ArchiveError):
        field = "invoices_zip"
    details = [ErrorDetail(field, str(exc))] if field else []
    return error_response(request, 422, str(exc), exc.code, details)


_BODY_DECODERS = frozenset({"decode_json", "parse_multipart_form", "parse_url_encoded_form_data"})


def _undecodable_body(exc: Exception) -> str | None:
    """Body decoding failures Litestar lets through as plain exceptions: the client's fault, not ours.

    Only when raised inside Litestar's body decoders, so a bug of ours is never passed off as a 400.
    """
    if not isinstance(exc, UnicodeDecodeError | RecursionError):
        return None
    frames = traceback.walk_tb(exc.__traceback__)
    if not any(frame.f_code.co_name in _BODY_DECODERS for frame, _ in frames):
        return None
    if isinstance(exc, UnicodeDecodeError):
        return "The request body is not valid UTF-8"
    return "The request body is nested too deeply"


def handle_unexpected(request: Request[Any, Any, Any], exc: Exception) -> Response[ErrorBody]:
    bad_body = _undecodable_body(exc)
    if bad_body is not None:
        return error_response(request, 400, bad_body, "ValidationError")
    if _disk_full(exc):  # e.g. spooling an upload to a full temp dir
        return _insufficient_storage(request, exc)
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return error_response(request, 500, "The service could not complete the request")


EXCEPTION_HANDLERS: dict[type[Exception] | int, Any] = {
    HTTPException: handle_http,
    DomainError: handle_domain,
    Exception: handle_unexpected,
}
