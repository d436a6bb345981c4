"""Filters for erasure and retention on a Qdrant server."""

from __future__ import annotations

from datetime import UTC, datetime

from qdrant_client import models

from reimburse.adapters.qdrant_server.collection import ServerCollection
from reimburse.adapters.qdrant_shared.codec import payload_to_chat
from reimburse.domain.erasure import message_involves


def before(key: str, cutoff: datetime) -> models.Filter:
    when = (cutoff if cutoff.tzinfo else cutoff.replace(tzinfo=UTC)).astimezone(UTC)
    return models.Filter(must=[models.FieldCondition(key=key, range=models.DatetimeRange(lt=when))])


def matches(key: str, value: str) -> models.Filter:
    return models.Filter(must=[models.FieldCondition(key=key, match=models.MatchValue(value=value))])


async def delete_matching(col: ServerCollection, flt: models.Filter) -> int:
    removed = await col.count(flt)
    if removed:
        await col.delete(flt)
    return removed


async def sessions_involving(col: ServerCollection, employee_name: str) -> list[str]:
    found: set[str] = set()
    async for p in col.scroll_payloads(None):
        if message_involves(payload_to_chat(p), employee_name):
            found.add(str(p["session_id"]))
    return sorted(found)


def any_session(sessions: list[str]) -> models.Filter:
    return models.Filter(must=[models.FieldCondition(key="session_id", match=models.MatchAny(any=sessions))])
