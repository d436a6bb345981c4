"""JSON encoding for the wire: Decimals become JSON numbers, as the mobile clients expect."""

from __future__ import annotations

import msgspec

encoder = msgspec.json.Encoder(decimal_format="number")
