"""Erasure of one employee (admin-only endpoint and CLI) and RETENTION_DAYS, on the embedded store."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec
import pytest
from litestar.testing import TestClient

from reimburse.adapters.qdrant_edge import QdrantEdgeChatStore, QdrantEdgeInvoiceStore
from reimburse.application.erasure import ApplyRetention
from reimburse.cli import main
from reimburse.domain.access import Role
from reimburse.domain.chat.session import ChatMessage, Source
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from reimburse.http.app import create_app
from tests import chat_dataset
from tests.conftest import make_settings, offline_container
from tests.fakes.fixed_clock import FixedClock
from tests.integration.test_security import SECRET, bearer

RANI = "Rani Sharma"
ADMIN = bearer("ops-1", Role.ADMIN, ttl=timedelta(hours=24))  # minted at collection
AT = datetime(2025, 1, 2, 9, tzinfo=UTC)


def _message(mid: str, session: str, content: str, owner: str | None = None, **kw: Any) -> ChatMessage:
    return ChatMessage(mid, session, "user", content, AT, owner=owner, **kw)


CHATS = [
    _message("a1", "rani-own", "how much did I spend?", owner=RANI),
    _message("b1", "about-rani", "list rani  SHARMA's cab rides"),  # names her: the whole session goes
    _message("b2", "about-rani", "she has three"),
    _message(
        "c1",
        "cites-rani",
        "which invoices are over 5000?",
        sources=(Source("inv_000000", "x.pdf", RANI, "declined", 1.0, "..."),),
    ),
    _message("d1", "unrelated", "how many flights did Wei Chen take?"),
    _message("e1", "other-sharma", "what did Amit Sharma claim?"),
]


def _seed(data_dir: Path, records: list[InvoiceRecord]) -> None:
    async def run() -> None:
        invoices, chats = QdrantEdgeInvoiceStore(data_dir), QdrantEdgeChatStore(data_dir)
        try:
            await invoices.upsert(records)
            for m in CHATS:
                await chats.append(m)
        finally:
            await invoices.close()
            await chats.close()

    asyncio.run(run())


@pytest.fixture
def secure(tmp_path: Path) -> Iterator[TestClient[Any]]:
    settings = make_settings(tmp_path, auth_enabled=True, secret_key=SECRET, rate_limit_per_minute=1000)
    _seed(Path(settings.data_dir), chat_dataset.records(120))
    with TestClient(create_app(offline_container(settings))) as client:
        yield client


def _total(client: TestClient[Any], name: str) -> int:
    body = client.get("/api/v1/invoices", params={"employee_name": name}, headers=ADMIN).json()
    return int(body["total"])


def _session_exists(client: TestClient[Any], session: str) -> bool:
    return bool(client.get(f"/api/v1/chat/history/{session}", headers=ADMIN).json())


def test_an_admin_erases_every_record_and_session_of_one_employee(
    secure: TestClient[Any], caplog: pytest.LogCaptureFixture
) -> None:
    rani_before = _total(secure, RANI)
    others = {n: _total(secure, n) for n in chat_dataset.EMPLOYEES if n != RANI}
    assert rani_before > 0

    with caplog.at_level(logging.INFO, logger="reimburse.audit"):
        response = secure.delete("/api/v1/admin/employees/rani%20sharma", headers=ADMIN)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["invoices_removed"] == rani_before
    assert body["chat_messages_removed"] == 4  # a1, b1, b2, c1

    assert _total(secure, RANI) == 0
    assert {n: _total(secure, n) for n in others} == others, "no one else's records went"
    for session in ("rani-own", "about-rani", "cites-rani"):
        assert not _session_exists(secure, session)
    assert _session_exists(secure, "unrelated") and _session_exists(secure, "other-sharma")
    names = secure.get("/api/v1/invoices", params={"limit": 100}, headers=ADMIN).json()["items"]
    assert all(i["employee_name"] != RANI for i in names)

    audit = [r for r in caplog.records if r.name == "reimburse.audit"]
    assert len(audit) == 1
    event = audit[0].audit  # type: ignore[attr-defined]
    assert event["event"] == "employee_erased" and event["erasure_id"] == body["erasure_id"]
    assert event["invoices_removed"] == rani_before
    text = audit[0].getMessage().casefold()
    assert "rani" not in text and "sharma" not in text, "the audit event keeps no personal data"


@pytest.mark.parametrize(
    "headers",
    [
        bearer(RANI, Role.EMPLOYEE, ttl=timedelta(hours=24)),
        bearer("hr-1", Role.REVIEWER, ttl=timedelta(hours=24)),
        {},
    ],
    ids=["the employee herself", "a reviewer", "no token"],
)
def test_only_an_admin_may_erase(secure: TestClient[Any], headers: dict[str, str]) -> None:
    before = _total(secure, RANI)
    response = secure.delete("/api/v1/admin/employees/Rani%20Sharma", headers=headers)
    assert response.status_code in (401, 403)
    assert response.json()["success"] is False
    assert _total(secure, RANI) == before


def test_the_cli_erases_and_asks_for_confirmation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    _seed(data, chat_dataset.records(60))
    assert main(["erase-employee", RANI, "--data-dir", str(data)]) == 2  # no --yes
    assert main(["erase-employee", RANI, "--yes", "--data-dir", str(data), "--json"]) == 0
    report = msgspec.json.decode(capsys.readouterr().out.strip().splitlines()[-1])
    assert report["invoices_removed"] > 0

    async def left() -> int:
        store = QdrantEdgeInvoiceStore(data)
        try:
            return await store.count(InvoiceFilter(employee_names=(RANI,)))
        finally:
            await store.close()

    assert asyncio.run(left()) == 0


def _aged(records: list[InvoiceRecord], start: datetime) -> list[InvoiceRecord]:
    """One record per day from `start`."""
    return [msgspec.structs.replace(r, analyzed_at=start + timedelta(days=i)) for i, r in enumerate(records)]


async def test_retention_removes_what_is_older_than_the_window(tmp_path: Path) -> None:
    records = _aged(chat_dataset.records(90), datetime(2025, 1, 1, 12, tzinfo=UTC))
    invoices, chats = QdrantEdgeInvoiceStore(tmp_path), QdrantEdgeChatStore(tmp_path)
    try:
        await invoices.upsert(records)
        for i in range(10):
            ts = datetime(2025, 3, 1, tzinfo=UTC) + timedelta(days=i)
            await chats.append(ChatMessage(f"m{i}", f"s{i}", "user", "q", ts))
        clock = FixedClock(date(2025, 4, 1))  # now = 2025-04-01 12:00
        report = await ApplyRetention(invoices, chats, clock, days=30)()
        assert report.cutoff.date() == date(2025, 3, 2)
        left = [r async for r in invoices.iterate(InvoiceFilter())]
        assert {r.invoice_id for r in left} == {
            r.invoice_id for r in records if r.analyzed_at >= report.cutoff
        }
        assert report.invoices_removed == 90 - len(left) > 0
        assert report.chat_messages_removed == 2  # 03-01 and 03-02 at 00:00, before the 12:00 cutoff
    finally:
        await invoices.close()
        await chats.close()


def test_retention_is_off_by_default_and_runs_at_startup_when_set(tmp_path: Path) -> None:
    old = _aged(chat_dataset.records(20), datetime(2020, 1, 1, tzinfo=UTC))
    fresh = _aged(chat_dataset.records(25)[20:], datetime.now(UTC) - timedelta(hours=1))
    off = make_settings(tmp_path / "off")
    _seed(Path(off.data_dir), old + fresh)
    with TestClient(create_app(offline_container(off))) as client:
        assert client.get("/api/v1/invoices").json()["total"] == 25

    on = msgspec.structs.replace(off, retention_days=365)
    with TestClient(create_app(offline_container(on))) as client:
        items = client.get("/api/v1/invoices").json()
        assert items["total"] == 5
        assert {i["invoice_id"] for i in items["items"]} == {r.invoice_id for r in fresh}


@pytest.mark.parametrize("backend", ["edge", "server-memory"])
async def test_both_store_adapters_erase_the_same_records(tmp_path: Path, backend: str) -> None:
    """The RecordEraser methods of the embedded and the server adapters remove the same things."""
    from reimburse.adapters.qdrant_server import QdrantServerChatStore, QdrantServerInvoiceStore
    from reimburse.adapters.qdrant_server.collection import IN_MEMORY

    records = _aged(chat_dataset.records(60), datetime(2025, 1, 1, 12, tzinfo=UTC))
    client = IN_MEMORY.client() if backend == "server-memory" else None
    invoices: Any = QdrantServerInvoiceStore(client) if client else QdrantEdgeInvoiceStore(tmp_path / "data")
    chats: Any = QdrantServerChatStore(client) if client else QdrantEdgeChatStore(tmp_path / "data")
    try:
        await invoices.upsert(records)
        for m in CHATS:
            await chats.append(m)
        rani = sum(1 for r in records if r.employee_name == RANI)
        assert await invoices.erase_employee("  RANI sharma ") == rani
        assert await invoices.count(InvoiceFilter(employee_names=(RANI,))) == 0
        assert await chats.erase_employee(RANI) == 4
        assert [m.message_id for m in await chats.history("unrelated")] == ["d1"]
        assert await chats.history("about-rani") == []

        cutoff = datetime(2025, 2, 1, 12, tzinfo=UTC)
        older = sum(1 for r in records if r.employee_name != RANI and r.analyzed_at < cutoff)
        assert await invoices.erase_before(cutoff) == older
        assert all(r.analyzed_at >= cutoff for r in [r async for r in invoices.iterate(InvoiceFilter())])
        assert await chats.erase_before(datetime(2025, 1, 3, tzinfo=UTC)) == 2  # d1 and e1 (Jan 2)
    finally:
        await invoices.close()
        await chats.close()
        if client is not None:
            await client.close()
