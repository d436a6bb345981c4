"""Filters for erasure and retention on the embedded store."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import qdrant_edge as qe

from reimburse.adapters.qdrant_edge.collection import EdgeCollection
from reimburse.adapters.qdrant_shared.codec import payload_to_chat
from reimburse.domain.erasure import message_involves


def before(key: str, cutoff: datetime) -> qe.Filter:
    when = (cutoff if cutoff.tzinfo else cutoff.replace(tzinfo=UTC)).astimezone(UTC)
    return qe.Filter(must=[qe.FieldCondition(key, range=qe.RangeDateTime(lt=when.isoformat()))])


def matches(key: str, value: str) -> qe.Filter:
    return qe.Filter(must=[qe.FieldCondition(key, match=qe.MatchValue(value))])


async def delete_matching(col: EdgeCollection, flt: qe.Filter) -> int:
    removed = await asyncio.to_thread(col.count, flt)  # a read over the whole shard: off the loop
    if removed:
        await col.write([qe.UpdateOperation.delete_points_by_filter(flt)])
    return removed


def sessions_involving(col: EdgeCollection, employee_name: str) -> list[str]:
    return sorted(
        {
            str(p["session_id"])
            for p in col.scroll_payloads(None)
            if message_involves(payload_to_chat(p), employee_name)
        }
    )


def any_session(sessions: list[str]) -> qe.Filter:
    return qe.Filter(must=[qe.FieldCondition("session_id", match=qe.MatchAny(sessions))])
