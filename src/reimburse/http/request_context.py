"""The request id: accepted from X-Request-ID when sane, otherwise created; kept in the ASGI scope."""

from __future__ import annotations

import re
import uuid
from typing import Any

HEADER = "x-request-id"
_SANE = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")
_KEY = "request_id"


def ensure_request_id(scope: Any) -> str:
    state = scope.setdefault("state", {})
    existing = state.get(_KEY)
    if existing:
        return str(existing)
    sent = ""
    for name, value in scope.get("headers", []):
        if name == HEADER.encode():
            sent = value.decode("latin-1").strip()
            break
    request_id = sent if _SANE.match(sent) else f"req_{uuid.uuid4().hex[:20]}"
    state[_KEY] = request_id
    return request_id
