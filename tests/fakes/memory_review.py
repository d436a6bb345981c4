"""In-memory InvoiceHistory and DocumentStore: real classes implementing the ports, for use-case tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from reimburse.domain.documents import document_key, require_key
from reimburse.domain.record import normalise_name
from reimburse.domain.verdict.review import HistoryEvent


def _aware(ts: datetime) -> datetime:
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


class InMemoryInvoiceHistory:
    def __init__(self) -> None:
        self._events: dict[str, tuple[int, HistoryEvent]] = {}
        self._seq = 0

    async def append(self, events: Sequence[HistoryEvent]) -> None:
        for event in events:
            self._seq += 1
            self._events[event.event_id] = (self._seq, event)

    async def events(self, invoice_id: str) -> list[HistoryEvent]:
        mine = [(e.at.timestamp(), seq, e) for seq, e in self._events.values() if e.invoice_id == invoice_id]
        return [e for _, _, e in sorted(mine, key=lambda x: (x[0], x[1]))]

    async def erase_employee(self, employee_name: str) -> int:
        key = normalise_name(employee_name)
        gone = [i for i, (_, e) in self._events.items() if normalise_name(e.employee_name) == key]
        for i in gone:
            del self._events[i]
        return len(gone)

    async def erase_before(self, cutoff: datetime) -> int:
        gone = [i for i, (_, e) in self._events.items() if _aware(e.at) < _aware(cutoff)]
        for i in gone:
            del self._events[i]
        return len(gone)

    async def close(self) -> None:
        return None


class InMemoryDocumentStore:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    async def put(self, data: bytes) -> str:
        key = document_key(data)
        self.files[key] = data
        return key

    async def get(self, sha256: str) -> bytes | None:
        return self.files.get(require_key(sha256))

    async def exists(self, sha256: str) -> bool:
        return require_key(sha256) in self.files

    async def delete(self, sha256: str) -> bool:
        return self.files.pop(require_key(sha256), None) is not None

    async def close(self) -> None:
        return None
