"""Makes /schema/openapi.json honest about what the API really answers.

Litestar documents only the success response (and its own 400 body, which this service never
sends). Every error here is the contract's ErrorBody, so each handler declares, in its decorator,
the error statuses it can return with that body (`errors(...)`). The analysis handlers parse their multipart form by hand
(to check sizes and magic bytes before buffering), so their operation class declares the request
body, and the streaming handlers' operation classes declare text/event-stream with the schema of each event (OpenAPI 3.1:
for an event stream, `schema` describes one event; its `data` is JSON, given by contentSchema).
Money goes over the wire as exact JSON numbers (see wire.py), so Decimal is documented as a
number, not as Litestar's default string.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

import msgspec
from litestar.openapi import ResponseSpec
from litestar.openapi.spec import (
    OpenAPIFormat,
    OpenAPIMediaType,
    OpenAPIResponse,
    OpenAPIType,
    Operation,
    RequestBody,
    Schema,
)
from litestar.plugins import OpenAPISchemaPlugin
from litestar.typing import FieldDefinition

from reimburse.application.chat.messages import ChatFailed, ChatStarted
from reimburse.application.results import BatchProgress, BatchStarted
from reimburse.http.errors import ErrorBody
from reimburse.http.forms import MAX_NAME

EVENT_STREAM = "text/event-stream"
_DESCRIPTIONS = {
    400: "The request is not valid (ValidationError)",
    401: "A bearer token is missing, invalid or expired (auth enabled)",
    403: "The caller's role or identity does not allow this",
    404: "No such resource (or not visible to the caller)",
    413: "The request body or an uploaded file is too large",
    415: "A content type or file type is not accepted",
    422: "The upload was understood but cannot be processed (e.g. not a usable policy or archive)",
    429: "Rate limit exceeded; see Retry-After",
    503: "Storage is unavailable; see Retry-After",
    507: "The server's disk is full; nothing was half-written; see Retry-After",
}
# every operation that authenticates, is rate limited and touches the store
_COMMON = (400, 401, 403, 429, 503)


class DecimalAsNumber(OpenAPISchemaPlugin):
    """Decimal is sent (MoneyJsonResponse) and accepted (msgspec) as a JSON number."""

    @staticmethod
    def is_plugin_supported_type(value: Any) -> bool:
        return isinstance(value, type) and issubclass(value, Decimal)

    def to_openapi_schema(self, field_definition: FieldDefinition, schema_creator: Any) -> Schema:
        return Schema(type=OpenAPIType.NUMBER)


def _analysis_form() -> RequestBody:
    form = Schema(
        type=OpenAPIType.OBJECT,
        required=["employee_name", "policy_file", "invoices_zip"],
        properties={
            "employee_name": Schema(type=OpenAPIType.STRING, min_length=1, max_length=MAX_NAME),
            "policy_file": Schema(
                type=OpenAPIType.STRING, format=OpenAPIFormat.BINARY, description="the policy PDF"
            ),
            "invoices_zip": Schema(
                type=OpenAPIType.STRING, format=OpenAPIFormat.BINARY, description="a ZIP of invoice PDFs"
            ),
            "submitted_on": Schema(
                type=OpenAPIType.STRING,
                format=OpenAPIFormat.DATE,
                description="the date deadline rules are judged against (default: today)",
            ),
            "employee_grade": Schema(
                type=OpenAPIType.STRING,
                max_length=MAX_NAME,
                description="the employee's grade, band or level, for limits that depend on it (optional)",
            ),
            "location": Schema(
                type=OpenAPIType.STRING,
                max_length=MAX_NAME,
                description="the trip's city, city class, zone, region or domestic/international (optional)",
            ),
        },
    )
    return RequestBody(content={"multipart/form-data": OpenAPIMediaType(schema=form)}, required=True)


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


def _inline(cls: type[msgspec.Struct]) -> dict[str, Any]:
    """The struct's JSON schema; nested types refer to the app's components of the same name.

    A tagged struct's tag is optional: some streams send it inside `data`, others drop it.
    """
    _, components = msgspec.json.schema_components([cls], ref_template="#/components/schemas/{name}")
    schema = dict(components[cls.__name__])
    tag_field = cls.__struct_config__.tag_field
    schema["required"] = [name for name in schema.get("required", []) if name != tag_field]
    return schema


def _analysis_events() -> dict[str, Any]:
    return {
        "metadata": _inline(BatchStarted),
        "progress": _inline(BatchProgress),
        "result": _ref("AnalysisResult"),
        "error": _ref("ProcessingError"),
        "done": _ref("BatchSummary"),
    }


def _chat_events() -> dict[str, Any]:
    return {
        "metadata": _inline(ChatStarted),
        "content": {"type": "string"},
        "suggestions": {"type": "array", "items": {"type": "string"}},
        "error": _inline(ChatFailed),
        "done": {"oneOf": [_ref("ChatAnswer"), {"type": "null"}]},
    }


def _event_stream_response(payloads: dict[str, Any]) -> OpenAPIResponse:
    envelopes = [
        {
            "type": "object",
            "required": ["type", "data", "timestamp"],
            "properties": {
                "type": {"const": kind},
                "data": payload,
                "timestamp": {"type": "string", "format": "date-time"},
            },
        }
        for kind, payload in payloads.items()
    ]
    event = {
        "type": "object",
        "required": ["data"],
        "properties": {
            "event": {"type": "string"},
            "id": {"type": "string"},
            "data": {
                "type": "string",
                "contentMediaType": "application/json",
                "contentSchema": {"oneOf": envelopes},
            },
        },
    }
    kinds = ", ".join(f"`{kind}`" for kind in payloads)
    return OpenAPIResponse(
        description=f'Server-Sent Events, each `data: {{"type", "data", "timestamp"}}`: {kinds}; the last is `done`',
        # a plain JSON Schema: Litestar's Schema has no contentMediaType/contentSchema
        content={EVENT_STREAM: OpenAPIMediaType(schema=cast(Schema, event))},
    )


def _operation_class(request_body: RequestBody | None, events: dict[str, Any] | None) -> type[Operation]:
    """An Operation that adds what Litestar cannot infer from a hand-parsed or streaming handler."""

    @dataclass
    class DocumentedOperation(Operation):
        def __post_init__(self) -> None:
            if request_body is not None:
                self.request_body = request_body
            if events is not None and self.responses is not None:
                self.responses["200"] = _event_stream_response(events)

    return DocumentedOperation


def errors(*extra: int) -> dict[int, ResponseSpec]:
    """The error responses of an API operation: the common ones plus `extra` (404 for a path with an
    id, 413 and 415 for a request body, 422 and 507 for an analysis), each with the ErrorBody."""
    return {
        status: ResponseSpec(ErrorBody, description=_DESCRIPTIONS[status], generate_examples=False)
        for status in sorted({*_COMMON, *extra})
    }


# what Litestar cannot infer from the hand-parsed and streaming handlers
AnalysisOperation = _operation_class(_analysis_form(), None)
AnalysisStreamOperation = _operation_class(_analysis_form(), _analysis_events())
ChatStreamOperation = _operation_class(None, _chat_events())
