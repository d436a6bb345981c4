"""The Flutter client's models, read with the Dart runtime's rules, so a test can parse our responses
exactly as the app does.

The published integration guide shows `InvoiceAnalysisResponse` and `ChatResponse` in full, and
how the services call `fromJson` for the rest; the other models carry the contract's fields
(API_CONTRACT.md) with the same reading style. What Dart does, and these readers copy:

- `json.decode` gives an `int` for a number written without a fraction or exponent and a
  `double` otherwise (Python's `json` makes the same split, so bodies are decoded with it);
- `json['k']` on a missing key is `null`, and assigning `null` (or a value of another type) to a
  non-nullable field throws a TypeError at run time: no defaults, no coercion;
- `x?.toDouble()` takes any `num`; `bool` is not a number;
- `DateTime.parse` accepts only its own grammar (the regular expression below, from dart:core);
- `List<T>.from` / `.cast<T>()` throw on the first element of another type.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

T = TypeVar("T")
Json = dict[str, Any]

# dart:core DateTime.parse (sdk/lib/core/date_time.dart, _parseFormat)
_DART_DATE_TIME = re.compile(
    r"^([+-]?\d{4,6})-?(\d\d)-?(\d\d)"
    r"(?:[ T](\d\d)(?::?(\d\d)(?::?(\d\d)(?:[.,](\d+))?)?)?"
    r"( ?[zZ]| ?([-+])(\d\d)(?::?(\d\d))?)?)?$"
)


class DartTypeError(AssertionError):
    """What the Dart runtime would throw while a model reads a response."""


def _where(cls: str, key: str) -> str:
    return f"{cls}.fromJson: json['{key}']"


def as_map(value: Any, cls: str) -> Json:
    if not isinstance(value, dict):
        raise DartTypeError(f"{cls}.fromJson: {type(value).__name__} is not a Map<String, dynamic>")
    return value


def string(json: Json, key: str, cls: str) -> str:
    value = json.get(key)
    if not isinstance(value, str):
        raise DartTypeError(f"{_where(cls, key)} is {value!r}, not a String")
    return value


def string_or_null(json: Json, key: str, cls: str) -> str | None:
    return None if json.get(key) is None else string(json, key, cls)


def integer(json: Json, key: str, cls: str) -> int:
    value = json.get(key)
    if type(value) is not int:  # bool is not an int in Dart; 2.0 is a double
        raise DartTypeError(f"{_where(cls, key)} is {value!r}, not an int")
    return value


def boolean(json: Json, key: str, cls: str) -> bool:
    value = json.get(key)
    if type(value) is not bool:
        raise DartTypeError(f"{_where(cls, key)} is {value!r}, not a bool")
    return value


def to_double(json: Json, key: str, cls: str) -> float:
    """`(json['k'] as num).toDouble()`."""
    value = json.get(key)
    if type(value) not in (int, float):
        raise DartTypeError(f"{_where(cls, key)} is {value!r}, not a num")
    return float(value)  # type: ignore[arg-type]  # checked just above


def to_double_or_null(json: Json, key: str, cls: str) -> float | None:
    """`json['k']?.toDouble()`."""
    return None if json.get(key) is None else to_double(json, key, cls)


def parse_date_time(text: Any, what: str) -> datetime:
    """`DateTime.parse(text)`: the grammar only (Dart rolls 2024-02-30 over; the test needs no calendar)."""
    if not isinstance(text, str):
        raise DartTypeError(f"{what} is {text!r}, not a String for DateTime.parse")
    match = _DART_DATE_TIME.match(text)
    if match is None:
        raise DartTypeError(f"{what}: DateTime.parse throws FormatException on {text!r}")
    year, month, day, hour, minute, second, fraction = match.groups()[:7]
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    return datetime(
        int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), micro
    )


def date_time(json: Json, key: str, cls: str) -> datetime:
    return parse_date_time(json.get(key), _where(cls, key))


def date_time_or_null(json: Json, key: str, cls: str) -> datetime | None:
    return None if json.get(key) is None else date_time(json, key, cls)


def strings(json: Json, key: str, cls: str) -> list[str]:
    value = json.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DartTypeError(f"{_where(cls, key)} is {value!r}, not a List<String>")
    return list(value)


def strings_or_null(json: Json, key: str, cls: str) -> list[str] | None:
    """`json['k']?.cast<String>()`."""
    return None if json.get(key) is None else strings(json, key, cls)


def objects(json: Json, key: str, cls: str, parse: Callable[[Any], T]) -> list[T]:
    value = json.get(key)
    if not isinstance(value, list):
        raise DartTypeError(f"{_where(cls, key)} is {value!r}, not a List")
    return [parse(v) for v in value]


def objects_or_null(json: Json, key: str, cls: str, parse: Callable[[Any], T]) -> list[T] | None:
    """`json['k']?.map<T>((e) => T.fromJson(e)).toList()`."""
    return None if json.get(key) is None else objects(json, key, cls, parse)


def dart_iso8601(moment: datetime) -> str:
    """`DateTime.toIso8601String()`: milliseconds always, microseconds when set, `Z` only for UTC."""
    text = moment.strftime("%Y-%m-%dT%H:%M:%S") + f".{moment.microsecond // 1000:03d}"
    if moment.microsecond % 1000:
        text += f"{moment.microsecond % 1000:03d}"
    return text + ("Z" if moment.tzinfo is not None else "")


# ---- health -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuickHealth:
    status: str
    timestamp: datetime
    uptime: float

    @classmethod
    def from_json(cls, raw: Any) -> QuickHealth:
        j = as_map(raw, "QuickHealth")
        return cls(
            string(j, "status", "QuickHealth"),
            date_time(j, "timestamp", "QuickHealth"),
            to_double(j, "uptime", "QuickHealth"),
        )


@dataclass(frozen=True)
class ServiceHealth:
    name: str
    status: str
    response_time_ms: float | None
    detail: str | None

    @classmethod
    def from_json(cls, raw: Any) -> ServiceHealth:
        j, c = as_map(raw, "ServiceHealth"), "ServiceHealth"
        return cls(
            string(j, "name", c),
            string(j, "status", c),
            to_double_or_null(j, "response_time_ms", c),
            string_or_null(j, "detail", c),
        )


@dataclass(frozen=True)
class HealthResponse:
    status: str
    version: str
    timestamp: datetime
    uptime_seconds: float
    services: list[ServiceHealth]

    @classmethod
    def from_json(cls, raw: Any) -> HealthResponse:
        j, c = as_map(raw, "HealthResponse"), "HealthResponse"
        return cls(
            string(j, "status", c),
            string(j, "version", c),
            date_time(j, "timestamp", c),
            to_double(j, "uptime_seconds", c),
            objects(j, "services", c, ServiceHealth.from_json),
        )


# ---- errors ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ErrorResponse:
    """What `_handleError` reads (message, details), plus the rest of the contract's error body."""

    success: bool
    error: str
    message: str
    details: list[Any] | None
    request_id: str
    timestamp: datetime

    @classmethod
    def from_json(cls, raw: Any) -> ErrorResponse:
        j, c = as_map(raw, "ErrorResponse"), "ErrorResponse"
        details = j.get("details")
        if details is not None and not isinstance(details, list):
            raise DartTypeError(f"{_where(c, 'details')} is {details!r}, not a List<dynamic>?")
        return cls(
            boolean(j, "success", c),
            string(j, "error", c),
            string(j, "message", c),
            details,
            string(j, "request_id", c),
            date_time(j, "timestamp", c),
        )


# ---- analysis -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResultFlag:
    code: str
    message: str

    @classmethod
    def from_json(cls, raw: Any) -> ResultFlag:
        j = as_map(raw, "ResultFlag")
        return cls(string(j, "code", "ResultFlag"), string(j, "message", "ResultFlag"))


@dataclass(frozen=True)
class RuleApplied:
    rule_id: str
    clause: str
    effect: str

    @classmethod
    def from_json(cls, raw: Any) -> RuleApplied:
        j, c = as_map(raw, "RuleApplied"), "RuleApplied"
        return cls(string(j, "rule_id", c), string(j, "clause", c), string(j, "effect", c))


@dataclass(frozen=True)
class InvoiceAnalysisResult:
    invoice_id: str
    filename: str
    status: str
    reason: str
    total_amount: float
    reimbursement_amount: float
    currency: str
    categories: list[str] | None
    policy_violations: list[str] | None
    invoice_date: datetime | None
    invoice_number: str | None
    vendor: str | None
    review_required: bool
    flags: list[ResultFlag]
    rules_applied: list[RuleApplied]

    @classmethod
    def from_json(cls, raw: Any) -> InvoiceAnalysisResult:
        j, c = as_map(raw, "InvoiceAnalysisResult"), "InvoiceAnalysisResult"
        return cls(
            string(j, "invoice_id", c),
            string(j, "filename", c),
            string(j, "status", c),
            string(j, "reason", c),
            to_double(j, "total_amount", c),
            to_double(j, "reimbursement_amount", c),
            string(j, "currency", c),
            strings_or_null(j, "categories", c),
            strings_or_null(j, "policy_violations", c),
            date_time_or_null(j, "invoice_date", c),
            string_or_null(j, "invoice_number", c),
            string_or_null(j, "vendor", c),
            boolean(j, "review_required", c),
            objects(j, "flags", c, ResultFlag.from_json),
            objects(j, "rules_applied", c, RuleApplied.from_json),
        )


@dataclass(frozen=True)
class StoredInvoice:
    """A listing item: a result plus who, which batch and when."""

    result: InvoiceAnalysisResult
    employee_name: str
    batch_id: str
    analyzed_at: datetime

    @classmethod
    def from_json(cls, raw: Any) -> StoredInvoice:
        j, c = as_map(raw, "StoredInvoice"), "StoredInvoice"
        return cls(
            InvoiceAnalysisResult.from_json(j),
            string(j, "employee_name", c),
            string(j, "batch_id", c),
            date_time(j, "analyzed_at", c),
        )


@dataclass(frozen=True)
class InvoicePage:
    items: list[StoredInvoice]
    total: int
    limit: int
    offset: int

    @classmethod
    def from_json(cls, raw: Any) -> InvoicePage:
        j, c = as_map(raw, "InvoicePage"), "InvoicePage"
        return cls(
            objects(j, "items", c, StoredInvoice.from_json),
            integer(j, "total", c),
            integer(j, "limit", c),
            integer(j, "offset", c),
        )


@dataclass(frozen=True)
class ProcessingError:
    filename: str | None
    file: str
    error: str
    message: str

    @classmethod
    def from_json(cls, raw: Any) -> ProcessingError:
        j, c = as_map(raw, "ProcessingError"), "ProcessingError"
        return cls(
            string_or_null(j, "filename", c),
            string(j, "file", c),
            string(j, "error", c),
            string(j, "message", c),
        )


@dataclass(frozen=True)
class InvoiceAnalysisResponse:
    """As published, with the contract's batch and policy ids."""

    success: bool
    message: str
    employee_name: str
    batch_id: str
    policy_id: str
    total_invoices: int
    processed_invoices: int
    failed_invoices: int
    results: list[InvoiceAnalysisResult] | None
    processing_errors: list[ProcessingError] | None
    timestamp: datetime

    @classmethod
    def from_json(cls, raw: Any) -> InvoiceAnalysisResponse:
        j, c = as_map(raw, "InvoiceAnalysisResponse"), "InvoiceAnalysisResponse"
        return cls(
            boolean(j, "success", c),
            string(j, "message", c),
            string(j, "employee_name", c),
            string(j, "batch_id", c),
            string(j, "policy_id", c),
            integer(j, "total_invoices", c),
            integer(j, "processed_invoices", c),
            integer(j, "failed_invoices", c),
            objects_or_null(j, "results", c, InvoiceAnalysisResult.from_json),
            objects_or_null(j, "processing_errors", c, ProcessingError.from_json),
            date_time(j, "timestamp", c),
        )


@dataclass(frozen=True)
class AnalysisMetadata:
    employee_name: str
    total_invoices: int
    batch_id: str

    @classmethod
    def from_json(cls, raw: Any) -> AnalysisMetadata:
        j, c = as_map(raw, "AnalysisMetadata"), "AnalysisMetadata"
        return cls(string(j, "employee_name", c), integer(j, "total_invoices", c), string(j, "batch_id", c))


@dataclass(frozen=True)
class AnalysisProgress:
    current_invoice: int
    total_invoices: int
    processed_invoices: int
    failed_invoices: int
    stage: str
    filename: str | None
    current_filename: str

    @classmethod
    def from_json(cls, raw: Any) -> AnalysisProgress:
        j, c = as_map(raw, "AnalysisProgress"), "AnalysisProgress"
        return cls(
            integer(j, "current_invoice", c),
            integer(j, "total_invoices", c),
            integer(j, "processed_invoices", c),
            integer(j, "failed_invoices", c),
            string(j, "stage", c),
            string_or_null(j, "filename", c),
            string(j, "current_filename", c),
        )


@dataclass(frozen=True)
class StreamChunk:
    """`InvoiceAnalysisStreamChunk` and `ChatStreamChunk`: type, untyped data, timestamp."""

    type: str
    data: Any
    timestamp: datetime

    @classmethod
    def from_json(cls, raw: Any) -> StreamChunk:
        j, c = as_map(raw, "StreamChunk"), "StreamChunk"
        return cls(string(j, "type", c), j.get("data"), date_time(j, "timestamp", c))


ANALYSIS_PAYLOADS: dict[str, Callable[[Any], object]] = {
    "metadata": AnalysisMetadata.from_json,
    "progress": AnalysisProgress.from_json,
    "result": InvoiceAnalysisResult.from_json,
    "error": ProcessingError.from_json,
    "done": InvoiceAnalysisResponse.from_json,
}


# ---- chat -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentSource:
    document_id: str
    filename: str
    employee_name: str
    status: str
    similarity_score: float
    excerpt: str

    @classmethod
    def from_json(cls, raw: Any) -> DocumentSource:
        j, c = as_map(raw, "DocumentSource"), "DocumentSource"
        return cls(
            string(j, "document_id", c),
            string(j, "filename", c),
            string(j, "employee_name", c),
            string(j, "status", c),
            to_double(j, "similarity_score", c),
            string(j, "excerpt", c),
        )


@dataclass(frozen=True)
class ChatResponse:
    """As published."""

    response: str
    session_id: str
    sources: list[DocumentSource] | None
    retrieved_documents: int
    query_type: str
    confidence_score: float | None
    suggestions: list[str] | None
    timestamp: datetime

    @classmethod
    def from_json(cls, raw: Any) -> ChatResponse:
        j, c = as_map(raw, "ChatResponse"), "ChatResponse"
        return cls(
            string(j, "response", c),
            string(j, "session_id", c),
            objects_or_null(j, "sources", c, DocumentSource.from_json),
            integer(j, "retrieved_documents", c),
            string(j, "query_type", c),
            to_double_or_null(j, "confidence_score", c),
            strings_or_null(j, "suggestions", c),
            date_time(j, "timestamp", c),
        )


@dataclass(frozen=True)
class ChatStreamMetadata:
    session_id: str
    sources: list[DocumentSource]
    retrieved_documents: int

    @classmethod
    def from_json(cls, raw: Any) -> ChatStreamMetadata:
        j, c = as_map(raw, "ChatStreamMetadata"), "ChatStreamMetadata"
        return cls(
            string(j, "session_id", c),
            objects(j, "sources", c, DocumentSource.from_json),
            integer(j, "retrieved_documents", c),
        )


def chat_content(raw: Any) -> str:
    if not isinstance(raw, str):
        raise DartTypeError(f"content chunk data is {raw!r}, not a String")
    return raw


def chat_suggestions(raw: Any) -> list[str]:
    return strings({"data": raw}, "data", "ChatStreamChunk")


@dataclass(frozen=True)
class StreamError:
    error: str
    message: str

    @classmethod
    def from_json(cls, raw: Any) -> StreamError:
        j = as_map(raw, "StreamError")
        return cls(string(j, "error", "StreamError"), string(j, "message", "StreamError"))


CHAT_PAYLOADS: dict[str, Callable[[Any], object]] = {
    "metadata": ChatStreamMetadata.from_json,
    "content": chat_content,
    "suggestions": chat_suggestions,
    "error": StreamError.from_json,
    "done": lambda raw: raw,  # the client stops at `done`; it reads nothing from it
}


@dataclass(frozen=True)
class ChatMessage:
    role: str
    content: str
    timestamp: datetime
    sources: list[DocumentSource] | None

    @classmethod
    def from_json(cls, raw: Any) -> ChatMessage:
        j, c = as_map(raw, "ChatMessage"), "ChatMessage"
        return cls(
            string(j, "role", c),
            string(j, "content", c),
            date_time(j, "timestamp", c),
            objects_or_null(j, "sources", c, DocumentSource.from_json),
        )


def chat_history(raw: Any) -> list[ChatMessage]:
    """`(response.data as List).map((json) => ChatMessage.fromJson(json)).toList()`."""
    if not isinstance(raw, list):
        raise DartTypeError(f"chat history is {type(raw).__name__}, not a List")
    return [ChatMessage.from_json(m) for m in raw]


@dataclass(frozen=True)
class ClearHistoryResponse:
    success: bool
    message: str
    session_id: str

    @classmethod
    def from_json(cls, raw: Any) -> ClearHistoryResponse:
        j, c = as_map(raw, "ClearHistoryResponse"), "ClearHistoryResponse"
        return cls(boolean(j, "success", c), string(j, "message", c), string(j, "session_id", c))


@dataclass(frozen=True)
class SearchFilters:
    """The request side: `SearchFilters.toJson()`, dates written by `toIso8601String()`."""

    employee_name: str | None = None
    status: str | None = None
    categories: list[str] | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None
    min_amount: float | None = None
    max_amount: float | None = None

    def to_json(self) -> Json:
        return {
            "employee_name": self.employee_name,
            "status": self.status,
            "categories": self.categories,
            "date_from": dart_iso8601(self.date_from) if self.date_from else None,
            "date_to": dart_iso8601(self.date_to) if self.date_to else None,
            "min_amount": self.min_amount,
            "max_amount": self.max_amount,
        }
