"""Deterministic identifiers: the same inputs always give the same id, so re-uploads update."""

from __future__ import annotations

import hashlib
import uuid

from reimburse.domain.record import normalise_name


def policy_id_for(sha256: str) -> str:
    return f"pol_{sha256[:16]}"


def invoice_id_for(employee_name: str, file_sha256: str) -> str:
    digest = hashlib.sha256(f"{normalise_name(employee_name)}\n{file_sha256}".encode()).hexdigest()
    return f"inv_{digest[:24]}"


def new_batch_id() -> str:
    return f"bat_{uuid.uuid4().hex[:20]}"
