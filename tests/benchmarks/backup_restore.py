"""7. Backup and restore time per 10,000 invoices (embedded store), with `reimburse serve`'s writers
in mind: how long a backup takes, how long writers wait for it, and how long a restore takes.

The store is seeded once: invoices (the chat dataset's records with an invoice-sized text), the
dataset's policy and some chat messages. Each run, with the invoice store open in this process
as the server holds it, takes a backup through EdgeStoreBackup (the code `reimburse backup` runs),
verifies it (`verify-backup`), and restores it into an empty directory (`restore`). The baseline,
timed in the same run, is a plain copy of the same DATA_DIR that keeps holes (what `cp
--sparse=always -r` does), so the ratio says what the manifest, hashes, counts and archive add.
"""

from __future__ import annotations

import asyncio
import shutil
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec

from reimburse.adapters.qdrant_edge import QdrantEdgeChatStore, QdrantEdgeInvoiceStore, QdrantEdgePolicyStore
from reimburse.adapters.qdrant_edge.snapshot import EdgeStoreBackup, _sparse_copy
from reimburse.domain.chat.session import ChatMessage
from reimburse.domain.record import InvoiceRecord
from tests import chat_dataset
from tests.benchmarks.harness import Profile, Section, log

PER = 10_000
SEED_BATCH = 2_000
CHAT_MESSAGES = 200
LINE = "Item {i}: service charge, CGST 9% SGST 9%, HSN 9963, qty 1, rate {amount}"


def _records(n: int) -> list[InvoiceRecord]:
    """The chat dataset's records, each with ~1,500 characters of invoice text (as stored)."""
    out = []
    for r in chat_dataset.records(n):
        lines = [r.text] + [LINE.format(i=i, amount=r.total_amount) for i in range(20)]
        out.append(msgspec.structs.replace(r, text="\n".join(lines)))
    return out


async def _seed(data_dir: Path, n: int) -> None:
    invoices, policies, chats = (
        QdrantEdgeInvoiceStore(data_dir),
        QdrantEdgePolicyStore(data_dir),
        QdrantEdgeChatStore(data_dir),
    )
    try:
        records = _records(n)
        for i in range(0, n, SEED_BATCH):
            await invoices.upsert(records[i : i + SEED_BATCH])
        await policies.save(chat_dataset.policy())
        start = datetime(2025, 1, 1, tzinfo=UTC)
        for i in range(CHAT_MESSAGES):
            await chats.append(
                ChatMessage(f"m{i}", f"s{i // 4}", "user", f"question {i}", start + timedelta(minutes=i))
            )
    finally:
        for store in (invoices, policies, chats):
            await store.close()


def _du(path: Path) -> int:
    return sum(p.stat().st_blocks * 512 for p in path.rglob("*") if p.is_file())


def run(profile: Profile, work: Path) -> Section:
    n = profile.backup_invoices
    scale = PER / n
    section = Section(7, "Backup and restore time per 10,000 invoices")
    backup = section.figure(f"backup (online, store open), per {PER:,} invoices", "s", headline=True)
    restore = section.figure(f"restore into an empty DATA_DIR, per {PER:,} invoices", "s", headline=True)
    paused = section.figure("write gate held exclusive (the longest a writer can wait)", "ms")
    verify = section.figure(f"verify-backup, per {PER:,} invoices", "s")
    baseline = section.figure("plain sparse copy of DATA_DIR (baseline)", "s")
    ratio = section.figure("backup / plain copy", "x")
    size = section.figure("backup file", "MB")
    on_disk = section.figure("DATA_DIR on disk (allocated blocks)", "MB")

    data = work / "data"
    started = time.perf_counter()
    asyncio.run(_seed(data, n))
    log(f"7. seeded {n:,} invoices in {time.perf_counter() - started:.0f} s")

    async def one_run(i: int) -> None:
        here = work / f"run{i}"
        here.mkdir()
        store = QdrantEdgeInvoiceStore(data)  # held open, as `reimburse serve` holds it
        try:
            report = await EdgeStoreBackup(data).backup(here / "backup.tar")
        finally:
            await store.close()
        t0 = time.perf_counter()
        await EdgeStoreBackup(data).verify(Path(report.path))
        t_verify = time.perf_counter() - t0
        restored = await EdgeStoreBackup(here / "restored").restore(Path(report.path), force=False)
        if restored.manifest.collections.get("invoices") != n:
            raise AssertionError("the restored store does not hold every invoice")
        t0 = time.perf_counter()
        shutil.copytree(data, here / "copy", copy_function=_sparse_copy)
        t_copy = time.perf_counter() - t0
        backup.add(report.seconds * scale)
        restore.add(restored.seconds * scale)
        paused.add(report.writes_paused_seconds * 1000)
        verify.add(t_verify * scale)
        baseline.add(t_copy)
        ratio.add(report.seconds / t_copy)
        size.add(report.size_bytes / 1e6)
        on_disk.add(_du(data) / 1e6)
        log(
            f"7. run {i}: backup {report.seconds:.2f} s (paused {report.writes_paused_seconds * 1000:.0f} ms), "
            f"restore {restored.seconds:.2f} s, copy {t_copy:.2f} s"
        )
        shutil.rmtree(here)

    for i in range(1, profile.runs + 1):
        asyncio.run(one_run(i))

    section.method = [
        f"{n:,} invoices (`tests/chat_dataset.py` records with ~1,500 characters of invoice text each, "
        f"as the service stores them), the dataset's policy and {CHAT_MESSAGES} chat messages, in the "
        "embedded store. Each run: `EdgeStoreBackup.backup` with the invoice store open in the same "
        "process (the server's situation), which holds the write gate while it copies the shard "
        "directories (holes kept), then counts the copy's points, hashes every file and writes one tar; "
        "`verify` (read and hash everything); `restore` into an empty directory (verify, unpack with "
        "hashing, open every collection and count, swap in). Times are scaled to "
        f"{PER:,} invoices{'' if n == PER else f' from {n:,}'}. The baseline is a plain hole-keeping "
        "copy of the same DATA_DIR, in the same run.",
    ]
    section.notes = [
        f"The write gate was held exclusive for {paused.median:.0f} ms at the median while the backup "
        "copied: the longest any write (analyses, chat) could wait; reads never wait. "
        f"everything else ({backup.median:.1f} s in all per {PER:,} invoices) happens on the private "
        f"copy while the server serves. The backup file is {size.median:.0f} MB for {n:,} invoices "
        f"(Qdrant preallocates its files; the trailing holes are not stored, so the file is close to "
        f"the {on_disk.median:.0f} MB the store occupies on disk).",
    ]
    return section
