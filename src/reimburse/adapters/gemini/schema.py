"""Wire DTOs for Gemini structured output, and the JSON schema sent as `response_json_schema`.

The model writes amounts as strings (exactly as printed) and dates as ISO strings; they become
Decimal and date only when mapped to the domain, where a bad value is an error, never a guess.
"""

from __future__ import annotations

import enum
import functools
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

import msgspec

from reimburse.domain.verdict.policy import CapUnit, Period

Amount = Annotated[
    str,
    msgspec.Meta(
        description="A number as printed in the document, digits and one decimal point only, e.g. 1234.50"
    ),
]
IsoDate = Annotated[str, msgspec.Meta(description="ISO date YYYY-MM-DD")]


def _doc(text: str) -> msgspec.Meta:
    return msgspec.Meta(description=text)


class LineItemWire(msgspec.Struct, kw_only=True):
    description: str
    amount: Amount
    quantity: Annotated[str | None, _doc("Quantity if printed")] = None


class ConfidenceWire(msgspec.Struct, kw_only=True):
    total: Annotated[float, msgspec.Meta(ge=0, le=1)] = 1.0
    invoice_date: Annotated[float, msgspec.Meta(ge=0, le=1)] = 1.0
    category: Annotated[float, msgspec.Meta(ge=0, le=1)] = 1.0


class InvoiceWire(msgspec.Struct, kw_only=True):
    """Every key must be present; null when the document does not print it."""

    total: Annotated[str | None, _doc("Amount charged, taxes included, as printed; null if none is printed")]
    currency: Annotated[str | None, _doc("ISO 4217 code, e.g. INR, EUR, USD")]
    vendor: str | None
    invoice_number: str | None
    invoice_date: Annotated[str | None, _doc("Issue date, YYYY-MM-DD")]
    category: Annotated[str | None, _doc("One of the allowed category names, or null if none fits")]
    line_items: list[LineItemWire]
    subtotal: Annotated[str | None, _doc("Amount before taxes, as printed")] = None
    taxes: Annotated[str | None, _doc("Sum of all taxes, as printed")] = None
    dates: Annotated[list[IsoDate], _doc("Every other date printed (service, travel, check-in/out)")] = []
    names: Annotated[list[str], _doc("Customer, guest or passenger names printed")] = []
    nights: Annotated[int | None, _doc("Number of nights for a stay")] = None
    period_start: Annotated[str | None, _doc("Service start / check-in, YYYY-MM-DD")] = None
    period_end: Annotated[str | None, _doc("Service end / check-out, YYYY-MM-DD")] = None
    candidate_totals: Annotated[list[Amount], _doc("Every different amount labelled as a total")] = []
    confidence: ConfidenceWire | None = None


class CategoryWire(msgspec.Struct, kw_only=True):
    name: Annotated[str, _doc("Short lower-case category name, e.g. meals, cab, hotel, flight")]
    synonyms: Annotated[list[str], _doc("Words that identify this category on an invoice")]
    clause: Annotated[str, _doc("The policy sentence this comes from, quoted verbatim")]


class ConditionWire(msgspec.Struct, kw_only=True):
    grades: Annotated[
        list[str],
        _doc(
            "Employee grades, bands or levels the limit is for, as printed ('Band A', 'M1-M3'); empty = all"
        ),
    ] = []
    locations: Annotated[
        list[str],
        _doc("Cities, city classes, zones or countries the limit is for, as printed; empty = everywhere"),
    ] = []
    other: Annotated[
        str | None,
        _doc("Any other condition, quoted ('for trips longer than ten days'); null when there is none"),
    ] = None


class CapWire(msgspec.Struct, kw_only=True):
    category: str
    amount: Amount
    currency: Annotated[str | None, _doc("ISO 4217 code; null means the policy's currency")]
    unit: Annotated[CapUnit, _doc("What the cap amount is per")]
    clause: str
    period: Annotated[
        Period,
        _doc(
            "What the amount is shared by: invoice (each bill alone), or the employee's total per day, "
            "week, month, quarter or year ('INR 600 per day in total', 'INR 1,000 a month')"
        ),
    ] = Period.INVOICE
    period_length: Annotated[
        int, msgspec.Meta(ge=1), _doc("3 for 'in any 3-year period' (period year); otherwise 1")
    ] = 1
    claims: Annotated[
        int,
        msgspec.Meta(ge=0),
        _doc("N for 'up to N claims per period' ('one phone bill a month': 1); else 0"),
    ] = 0
    condition: Annotated[
        ConditionWire | None,
        _doc(
            "When the limit holds only for some grades or places (a row or column of a table); null otherwise"
        ),
    ] = None
    meal: Annotated[
        str | None, _doc("breakfast, lunch or dinner when the limit is for one meal of the day; else null")
    ] = None


class ExclusionWire(msgspec.Struct, kw_only=True):
    name: Annotated[str, _doc("What is excluded, e.g. alcohol")]
    keywords: Annotated[list[str], _doc("Words that identify excluded line items, e.g. beer, wine")]
    categories: Annotated[list[str], _doc("Categories it applies to; empty means all")]
    clause: str
    condition: Annotated[
        str | None,
        _doc(
            "The condition, quoted, when the item is excluded only sometimes ('if the stay is under 5 nights')"
        ),
    ] = None


class AmountKind(enum.StrEnum):
    """What a printed amount is when it is not a limit (domain RuleType without LIMIT)."""

    RATE = "rate"
    APPROVAL_THRESHOLD = "approval_threshold"
    ADVANCE = "advance"
    EXAMPLE = "example"
    REFERENCE = "reference"


class AmountWire(msgspec.Struct, kw_only=True):
    kind: Annotated[
        AmountKind,
        _doc(
            "rate: paid per km, mile or day without receipts; approval_threshold: who must approve above "
            "it; advance: money paid before the trip; example: an illustration; reference: anything else"
        ),
    ]
    amount: Amount
    currency: Annotated[str | None, _doc("ISO 4217 code; null means the policy's currency")] = None
    category: Annotated[str | None, _doc("The category it concerns, if any")] = None
    unit: Annotated[CapUnit | None, _doc("What a rate is per (km, mile, day...); null for the others")] = None
    condition: ConditionWire | None = None
    clause: str


class DeadlineWire(msgspec.Struct, kw_only=True):
    days: Annotated[int, msgspec.Meta(ge=0)]
    clause: str


class PolicyWire(msgspec.Struct, kw_only=True):
    title: str | None
    currency: Annotated[str | None, _doc("ISO 4217 code the policy's amounts are written in")]
    categories: list[CategoryWire]
    caps: list[CapWire]
    exclusions: list[ExclusionWire]
    deadline: Annotated[DeadlineWire | None, _doc("Submission deadline, if any")]
    amounts: Annotated[
        list[AmountWire],
        _doc(
            "Every other printed amount that is not a limit: rates, approval thresholds, advances, examples"
        ),
    ] = []


# JSON-Schema keywords kept: what Gemini's responseJsonSchema understands for our shapes.
_KEEP = {"type", "properties", "required", "items", "enum", "description", "anyOf", "minimum", "maximum"}


def gemini_schema(tp: Any) -> dict[str, Any]:
    """msgspec's JSON schema, with $refs inlined and unsupported keywords dropped.

    Built once per type (a few ms of msgspec introspection, which on every call was a fifth of the
    event loop's time per extraction); each caller gets its own copy to do with as it likes.
    """
    out: dict[str, Any] = msgspec.json.decode(_schema_json(tp))
    return out


@functools.cache
def _schema_json(tp: Any) -> bytes:
    raw = msgspec.json.schema(tp)
    defs = raw.get("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(n) for n in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            target = defs[node["$ref"].rsplit("/", 1)[-1]]
            node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "properties":
                out[key] = {name: walk(sub) for name, sub in value.items()}
            elif key in _KEEP and not (key == "required" and not value):
                out[key] = walk(value)
        if "enum" in out and "type" not in out and all(isinstance(v, str) for v in out["enum"]):
            out["type"] = "string"
        any_of = out.get("anyOf")
        if isinstance(any_of, list) and len(any_of) == 2 and {"type": "null"} in any_of:
            # Optional[X]: express as X with a "null" type alternative, Gemini's preferred form.
            other = next(a for a in any_of if a != {"type": "null"})
            if isinstance(other.get("type"), str) and "anyOf" not in other:
                merged = {**other, "type": [other["type"], "null"]}
                out.pop("anyOf")
                out = {**merged, **{k: v for k, v in out.items() if k != "type"}}
        return out

    result = walk(raw)
    assert isinstance(result, dict)
    return msgspec.json.encode(result)


class WireError(ValueError):
    """A decoded value that cannot be mapped to the domain (bad amount, bad date...)."""


_AMOUNT_CLEAN = re.compile(r"[^\d.,\-]")


def to_decimal(value: str, field: str) -> Decimal:
    text = _AMOUNT_CLEAN.sub("", value.strip())
    if "," in text and "." in text:
        # The later separator is the decimal one.
        text = (
            text.replace(",", "")
            if text.rfind(".") > text.rfind(",")
            else text.replace(".", "").replace(",", ".")
        )
    elif "," in text:
        head, _, tail = text.rpartition(",")
        text = head.replace(",", "") + ("." + tail if len(tail) in (1, 2) else tail)
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise WireError(f"{field}: {value!r} is not a number") from None
    if not amount.is_finite():
        raise WireError(f"{field}: {value!r} is not a number")
    return amount


def to_date(value: str | None, field: str) -> date | None:
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise WireError(f"{field}: {value!r} is not a YYYY-MM-DD date") from None


def to_currency(value: str | None) -> str | None:
    if value is None:
        return None
    code = value.strip().upper()
    return code if re.fullmatch(r"[A-Z]{3}", code) else None
