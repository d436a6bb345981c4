"""Validation of the analysis form (multipart): field presence, types, sizes, names and dates."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, timedelta
from typing import Any

import msgspec
from litestar.datastructures import UploadFile

from reimburse.http.errors import ApiError

MAX_NAME = 100
# the furthest-ahead time zone (UTC+14) is a day ahead of UTC; beyond that a date is in the future
CLOCK_SKEW = timedelta(days=1)


class AnalysisForm(msgspec.Struct):
    employee_name: str
    policy: UploadFile
    invoices: UploadFile
    submitted_on: date | None
    # Issue 19: the facts conditional limits (by grade; by city class, zone or region) are judged by.
    employee_grade: str | None = None
    location: str | None = None


def _one(form: Any, field: str) -> Any:
    """The field's only value, or None. Sent twice is refused: which one was meant is a guess."""
    values = form.getall(field, []) if hasattr(form, "getall") else [form.get(field)]
    values = [v for v in values if v is not None]
    if len(values) > 1 or any(isinstance(v, list) for v in values):
        raise ApiError(400, f"{field} was sent more than once", field=field)
    return values[0] if values else None


def _text(form: Any, field: str) -> str | None:
    value = _one(form, field)
    if value is None:
        return None
    if isinstance(value, UploadFile):
        raise ApiError(400, f"{field} must be a text field", field=field)
    return str(value)


def _file(form: Any, field: str, magic: bytes, kind: str, limit: int) -> UploadFile:
    value = _one(form, field)
    if value is None:
        raise ApiError(400, f"{field} is required", field=field)
    if not isinstance(value, UploadFile):
        raise ApiError(400, f"{field} must be a file upload", field=field)
    handle = value.file
    handle.seek(0, 2)
    size = handle.tell()
    handle.seek(0)
    if size > limit:
        raise ApiError(413, f"{field} is {size} bytes; the limit is {limit}", field=field)
    if size == 0:
        raise ApiError(400, f"{field} is empty", field=field)
    head = handle.read(len(magic) + 1024)
    handle.seek(0)
    if magic not in head[: 1024 + len(magic)]:
        raise ApiError(415, f"{field} is not a {kind}", field=field)
    return value


def employee_name(raw: str | None) -> str:
    if raw is None or not raw.strip():
        raise ApiError(400, "employee_name is required", field="employee_name")
    name = " ".join(unicodedata.normalize("NFC", raw).split())
    if len(name) > MAX_NAME:
        raise ApiError(400, f"employee_name is longer than {MAX_NAME} characters", field="employee_name")
    if any(unicodedata.category(ch)[0] == "C" for ch in name):
        raise ApiError(400, "employee_name contains control characters", field="employee_name")
    return name


def submitted_on(raw: str | None) -> date | None:
    if raw is None or not raw.strip():
        return None
    try:
        value = date.fromisoformat(raw.strip())
    except ValueError:
        raise ApiError(400, "submitted_on must be an ISO date (YYYY-MM-DD)", field="submitted_on") from None
    # deadlines are judged against this date: a future one would decline every claim as late
    if value > datetime.now(UTC).date() + CLOCK_SKEW:
        raise ApiError(400, "submitted_on must not be in the future", field="submitted_on")
    return value


def claim_fact(raw: str | None, field: str) -> str | None:
    """An optional short fact about the claim (employee_grade, location); blank means not given."""
    if raw is None or not raw.strip():
        return None
    value = " ".join(raw.split())
    if len(value) > MAX_NAME:
        raise ApiError(400, f"{field} is longer than {MAX_NAME} characters", field=field)
    if any(unicodedata.category(ch)[0] == "C" for ch in value):
        raise ApiError(400, f"{field} contains control characters", field=field)
    return value


def parse_analysis_form(form: Any, max_file_size: int, max_zip_size: int) -> AnalysisForm:
    name = employee_name(_text(form, "employee_name"))
    when = submitted_on(_text(form, "submitted_on"))
    grade = claim_fact(_text(form, "employee_grade"), "employee_grade")
    location = claim_fact(_text(form, "location"), "location")
    # An admin may send the rules as a policy-as-data file (docs/policy-format.md) instead of a PDF.
    sent = _one(form, "policy_file")
    as_data = isinstance(sent, UploadFile) and (sent.filename or "").lower().endswith(".toml")
    policy = _file(form, "policy_file", b"" if as_data else b"%PDF", "PDF document", max_file_size)
    invoices = _file(form, "invoices_zip", b"PK", "ZIP archive", max_zip_size)
    return AnalysisForm(name, policy, invoices, when, grade, location)
