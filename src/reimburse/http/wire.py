"""JSON encoding for the wire: Decimals become JSON numbers, as the mobile clients expect."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Response
from litestar.response.base import MEDIA_TYPE_APPLICATION_JSON_PATTERN
from litestar.serialization import default_serializer
from litestar.types import Serializer

encoder = msgspec.json.Encoder(decimal_format="number")
_response_encoder = msgspec.json.Encoder(enc_hook=default_serializer, decimal_format="number")


class MoneyJsonResponse(Response[Any]):
    """Litestar's Response, but JSON money is an exact number (233.00), not a string or a float."""

    def render(self, content: Any, media_type: str, enc_hook: Serializer = default_serializer) -> bytes:
        if isinstance(content, bytes | str) or not MEDIA_TYPE_APPLICATION_JSON_PATTERN.match(media_type):
            return super().render(content, media_type, enc_hook)
        if enc_hook is default_serializer:  # the common case: reuse one encoder
            return _response_encoder.encode(content)
        return msgspec.json.Encoder(enc_hook=enc_hook, decimal_format="number").encode(content)
