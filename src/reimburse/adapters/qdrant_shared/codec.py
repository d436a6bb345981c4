"""Record <-> Qdrant payload, shared by the embedded (Edge) and server store adapters.

The payload holds the whole record as msgspec builtins (Decimals as strings, dates as ISO strings,
so a round trip is exact) plus a few derived keys that exist only to be indexed and filtered on.
"""

from __future__ import annotations

import enum
import time
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec

from reimburse.domain.chat.session import ChatMessage
from reimburse.domain.record import InvoiceRecord, normalise_name
from reimburse.domain.verdict.duplicates import bill_key
from reimburse.domain.verdict.policy import Policy
from reimburse.domain.verdict.review import HistoryEvent
from reimburse.ports.policy_store import ClauseHit

INVOICES = "invoices"
POLICIES = "policies"
CHAT_MESSAGES = "chat_messages"
INVOICE_HISTORY = "invoice_history"

SPARSE_VECTOR = "bm25"
DENSE_VECTOR = "dense"

# Fixed namespace: point ids must stay stable across processes and releases.
_NAMESPACE = uuid.UUID("6f1c3a2e-9d4b-5e7a-8c1f-2b3d4e5f6a7b")

POLICY_KIND = "policy"
CLAUSE_KIND = "clause"


class IndexType(enum.StrEnum):
    KEYWORD = "keyword"
    FLOAT = "float"
    DATETIME = "datetime"


# Every index costs a file fsync on each Edge flush (~2-3 ms): index what is filtered, ordered or faceted.
INVOICE_INDEXES: dict[str, IndexType] = {
    "employee_name": IndexType.KEYWORD,
    "employee_key": IndexType.KEYWORD,
    "status": IndexType.KEYWORD,
    "category_keys": IndexType.KEYWORD,
    "invoice_date": IndexType.DATETIME,
    "total_amount_f": IndexType.FLOAT,
    "reimbursement_amount_f": IndexType.FLOAT,
    "batch_id": IndexType.KEYWORD,
    "policy_id": IndexType.KEYWORD,
    "analyzed_at": IndexType.DATETIME,
    "file_sha256": IndexType.KEYWORD,
    "vendor_key": IndexType.KEYWORD,
    "invoice_number_key": IndexType.KEYWORD,
    "review_key": IndexType.KEYWORD,
    "decided_key": IndexType.KEYWORD,
}

HISTORY_INDEXES: dict[str, IndexType] = {
    "invoice_id": IndexType.KEYWORD,
    "employee_key": IndexType.KEYWORD,
    "at": IndexType.DATETIME,
}

POLICY_INDEXES: dict[str, IndexType] = {
    "kind": IndexType.KEYWORD,
    "policy_id": IndexType.KEYWORD,
    "saved_at": IndexType.DATETIME,
}

CHAT_INDEXES: dict[str, IndexType] = {
    "session_id": IndexType.KEYWORD,
    "timestamp": IndexType.DATETIME,
    "owner": IndexType.KEYWORD,
}


def point_id(kind: str, key: str) -> str:
    """Deterministic point id: the same key always lands on the same point (upsert, never duplicate)."""
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{key}"))


def dedupe_key(value: str | None) -> str:
    """The indexed form of a vendor or invoice number: the domain's matching key, so the index
    finds exactly what duplicates.py compares ('INV-0042' and 'inv 0042' are one number)."""
    return bill_key(value)


def review_key(flag: bool) -> str:
    return "yes" if flag else "no"


def category_key(value: str) -> str:
    return normalise_name(value)


def _builtins(obj: msgspec.Struct) -> dict[str, Any]:
    # A JSON round trip yields plain lists/dicts/str that every Qdrant client accepts.
    out: dict[str, Any] = msgspec.json.decode(msgspec.json.encode(obj))
    return out


def invoice_to_payload(record: InvoiceRecord) -> dict[str, Any]:
    payload = _builtins(record)
    payload["employee_key"] = record.employee_key
    payload["category_keys"] = [category_key(c) for c in record.categories]
    payload["total_amount_f"] = float(record.total_amount)
    payload["reimbursement_amount_f"] = float(record.reimbursement_amount)
    payload["vendor_key"] = dedupe_key(record.vendor)
    payload["invoice_number_key"] = dedupe_key(record.invoice_number)
    # A keyword, not a bool: qdrant_edge 0.9 turns MatchValue(True) into the integer 1.
    payload["review_key"] = review_key(record.review_required)
    payload["decided_key"] = review_key(record.review is not None)
    return payload


def payload_to_invoice(payload: dict[str, Any]) -> InvoiceRecord:
    # Derived keys are ignored: Struct decoding skips unknown fields.
    return msgspec.convert(payload, InvoiceRecord)


def invoice_point_id(record_or_id: InvoiceRecord | str) -> str:
    key = record_or_id if isinstance(record_or_id, str) else record_or_id.invoice_id
    return point_id("invoice", key)


def invoice_search_text(record: InvoiceRecord) -> str:
    """What BM25 (and a dense embedder) index for one invoice."""
    parts = [
        record.employee_name,
        record.filename,
        record.vendor or "",
        record.invoice_number or "",
        " ".join(record.categories),
        record.status.replace("_", " "),
        record.reason,
        " ".join(record.policy_violations),
        " ".join(record.names),
        record.text,
    ]
    return "\n".join(p for p in parts if p)


def policy_to_payload(policy: Policy, saved_at: datetime) -> dict[str, Any]:
    return {
        "kind": POLICY_KIND,
        "policy_id": policy.policy_id,
        "saved_at": saved_at.isoformat(),
        "policy": _builtins(policy),
    }


def payload_to_policy(payload: dict[str, Any]) -> Policy:
    return msgspec.convert(payload["policy"], Policy)


def policy_point_id(policy_id: str) -> str:
    return point_id(POLICY_KIND, policy_id)


def policy_clauses(policy: Policy) -> list[tuple[str, str]]:
    """(rule_id, clause) for every rule that carries clause text, in policy order."""
    rules: list[tuple[str, str]] = [(f"category:{c.name}", c.clause) for c in policy.categories]
    rules += [(c.rule_id, c.clause) for c in policy.caps]
    rules += [(e.rule_id, e.clause) for e in policy.exclusions]
    if policy.deadline is not None:
        rules.append((policy.deadline.rule_id, policy.deadline.clause))
    return [(rule_id, clause.strip()) for rule_id, clause in rules if clause.strip()]


def clause_payload(policy_id: str, rule_id: str, clause: str) -> dict[str, Any]:
    return {"kind": CLAUSE_KIND, "policy_id": policy_id, "rule_id": rule_id, "clause": clause}


def clause_point_id(policy_id: str, rule_id: str) -> str:
    return point_id(CLAUSE_KIND, f"{policy_id}\x00{rule_id}")


def history_to_payload(event: HistoryEvent, seq: int) -> dict[str, Any]:
    payload = _builtins(event)
    payload["employee_key"] = normalise_name(event.employee_name)
    payload["seq"] = seq  # append order breaks ties of `at`
    return payload


def payload_to_history(payload: dict[str, Any]) -> HistoryEvent:
    return msgspec.convert(payload, HistoryEvent)


def history_point_id(event_id: str) -> str:
    return point_id("history", event_id)


def history_sort_key(payload: dict[str, Any]) -> tuple[float, int]:
    at = datetime.fromisoformat(payload["at"])
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return (at.timestamp(), int(payload.get("seq", 0)))


def chat_to_payload(message: ChatMessage, seq: int) -> dict[str, Any]:
    payload = _builtins(message)
    # Append order breaks timestamp ties, so history replays exactly as written.
    payload["seq"] = seq
    return payload


def payload_to_chat(payload: dict[str, Any]) -> ChatMessage:
    return msgspec.convert(payload, ChatMessage)


def chat_point_id(message_id: str) -> str:
    return point_id("chat", message_id)


def chat_sort_key(payload: dict[str, Any]) -> tuple[float, int]:
    ts = datetime.fromisoformat(payload["timestamp"])
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=UTC)
    return (ts.timestamp(), int(payload.get("seq", 0)))


def saved_at_now(previous: datetime | None) -> datetime:
    """Now, but strictly after `previous`: two saves in one clock tick still order correctly."""
    now = datetime.now(UTC)
    if previous is not None and now <= previous:
        now = previous + timedelta(microseconds=1)
    return now


def next_seq(previous: int) -> int:
    """A wall-clock sequence number that never repeats or goes back within a process."""
    return max(time.time_ns(), previous + 1)


def best_clause_hits(scored: Iterable[tuple[dict[str, Any], float]], limit: int) -> list[ClauseHit]:
    """Best-first hits, each (policy, clause text) once: several rules often quote one clause."""
    seen: set[tuple[str, str]] = set()
    hits: list[ClauseHit] = []
    for payload, score in scored:
        key = (payload["policy_id"], payload["clause"])
        if key in seen:
            continue
        seen.add(key)
        hits.append(ClauseHit(payload["policy_id"], payload["rule_id"], payload["clause"], score))
        if len(hits) == limit:
            break
    return hits
