"""Backup and restore of the embedded store, in process: what comes back is exactly what was kept,
a damaged backup changes nothing, and restore refuses what it should."""

from __future__ import annotations

import asyncio
import shutil
import tarfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reimburse.adapters.qdrant_edge import QdrantEdgeChatStore, QdrantEdgeInvoiceStore, QdrantEdgePolicyStore
from reimburse.adapters.qdrant_edge.collection import EdgeCollection
from reimburse.adapters.qdrant_edge.snapshot import EdgeStoreBackup
from reimburse.cli import main
from reimburse.domain.chat.session import ChatMessage
from reimburse.domain.record import InvoiceRecord
from reimburse.ports.store_backup import BackupRefused
from tests import chat_dataset
from tests.store_dump import canonical_dump, tree_digest


async def _seed(data_dir: Path, n: int = 300) -> None:
    invoices, policies, chats = (
        QdrantEdgeInvoiceStore(data_dir),
        QdrantEdgePolicyStore(data_dir),
        QdrantEdgeChatStore(data_dir),
    )
    try:
        await invoices.upsert(chat_dataset.records(n))
        await policies.save(chat_dataset.policy())
        for i in range(4):
            await chats.append(
                ChatMessage(f"m{i}", "s1", "user", f"question {i}", datetime(2025, 1, 1, 9, i, tzinfo=UTC))
            )
    finally:
        for store in (invoices, policies, chats):
            await store.close()


@pytest.fixture
async def seeded(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    await _seed(data)
    return data


async def test_a_restore_brings_back_every_point_of_every_collection(seeded: Path, tmp_path: Path) -> None:
    before = canonical_dump(seeded)
    (tmp_path / "backups").mkdir()
    report = await EdgeStoreBackup(seeded).backup(tmp_path / "backups")  # a directory: a dated file in it
    assert Path(report.path).parent == tmp_path / "backups"
    assert report.manifest.collections == {
        "invoices": 300,
        "policies": len(before["policies"]),
        "chat_messages": 4,
    }
    assert all(len(f.sha256) == 64 for f in report.manifest.files)

    target = tmp_path / "restored"
    restored = await EdgeStoreBackup(target).restore(Path(report.path), force=False)
    assert not restored.replaced_existing
    assert canonical_dump(target) == before
    assert not list(target.glob(".restore-*")), "the staging directory is removed"


async def test_backup_while_the_store_is_open_and_writing_keeps_every_acknowledged_write(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    store = QdrantEdgeInvoiceStore(data)
    records = chat_dataset.records(600)
    try:
        await store.upsert(records[:200])  # acknowledged before the backup begins
        writer = asyncio.create_task(_write_one_by_one(store, records[200:]))
        await asyncio.sleep(0)
        report = await EdgeStoreBackup(data).backup(tmp_path / "during.tar")
        await writer
    finally:
        await store.close()
    target = tmp_path / "restored"
    await EdgeStoreBackup(target).restore(Path(report.path), force=False)
    restored = QdrantEdgeInvoiceStore(target)
    try:
        for record in records[:200]:
            assert await restored.get(record.invoice_id) == record
        # whatever else made it in is whole: each write is in the backup entirely or not at all
        count = report.manifest.collections["invoices"]
        assert 200 <= count <= 600
        for record in records[200:count]:
            assert await restored.get(record.invoice_id) == record
    finally:
        await restored.close()


async def _write_one_by_one(store: QdrantEdgeInvoiceStore, records: list[InvoiceRecord]) -> None:
    for record in records:
        await store.upsert([record])


async def test_new_collections_and_the_documents_directory_are_included_without_code_changes(
    seeded: Path, tmp_path: Path
) -> None:
    reviews = EdgeCollection(seeded, "reviews", {}, None)  # a collection a later issue may add
    reviews.close()
    (seeded / "documents" / "inv_1").mkdir(parents=True)
    (seeded / "documents" / "inv_1" / "original.pdf").write_bytes(b"%PDF-1.4 original bytes")
    (seeded / "documents" / "tmp").mkdir()
    (seeded / "documents" / "tmp" / "abc.123").write_bytes(b"%PDF-1.4 half writ")  # a write in flight
    report = await EdgeStoreBackup(seeded).backup(tmp_path / "b.tar")
    assert "qdrant/reviews" in report.manifest.trees and "documents" in report.manifest.trees
    assert report.manifest.collections["reviews"] == 0
    target = tmp_path / "restored"
    await EdgeStoreBackup(target).restore(Path(report.path), force=False)
    assert (target / "documents" / "inv_1" / "original.pdf").read_bytes() == b"%PDF-1.4 original bytes"
    assert (target / "qdrant" / "reviews").is_dir()
    assert not any(f.path.startswith("documents/tmp") for f in report.manifest.files)


def _flip_a_byte(path: Path, in_manifest: bool) -> None:
    with tarfile.open(path) as tar:
        members = [m for m in tar.getmembers() if (m.name == "manifest.json") == in_manifest]
        member = max(members, key=lambda m: m.size)
        offset = member.offset_data + member.size // 2
    with path.open("r+b") as fh:
        fh.seek(offset)
        byte = fh.read(1)
        fh.seek(offset)
        fh.write(bytes([byte[0] ^ 0xFF]))


@pytest.mark.parametrize(
    "damage", ["flipped byte", "flipped byte in the manifest", "truncated", "not a backup"]
)
async def test_a_damaged_backup_is_refused_and_changes_nothing(
    seeded: Path, tmp_path: Path, damage: str
) -> None:
    report = await EdgeStoreBackup(seeded).backup(tmp_path / "good.tar")
    bad = tmp_path / "bad.tar"
    shutil.copyfile(report.path, bad)
    if damage.startswith("flipped byte"):
        _flip_a_byte(bad, in_manifest=damage.endswith("manifest"))
    elif damage == "truncated":
        with bad.open("r+b") as fh:
            fh.truncate(bad.stat().st_size // 2)
    else:
        bad.write_bytes(b"hello, not a tar")

    other = tmp_path / "other"
    await _seed(other, 40)
    before = tree_digest(other)
    with pytest.raises(BackupRefused) as refused:
        await EdgeStoreBackup(other).restore(bad, force=True)
    assert any(w in str(refused.value) for w in ("damaged", "partial", "not a reimburse backup"))
    if damage == "flipped byte":
        assert "does not match its SHA-256" in str(refused.value)
    assert tree_digest(other) == before
    assert not list(other.glob(".restore-*"))
    with pytest.raises(BackupRefused):
        await EdgeStoreBackup(other).verify(bad)
    # and into a directory that does not exist yet, nothing is created
    with pytest.raises(BackupRefused):
        await EdgeStoreBackup(tmp_path / "fresh").restore(bad, force=False)
    assert not (tmp_path / "fresh").exists()


async def test_restore_refuses_a_directory_with_data_unless_forced(seeded: Path, tmp_path: Path) -> None:
    report = await EdgeStoreBackup(seeded).backup(tmp_path / "b.tar")
    other = tmp_path / "other"
    await _seed(other, 40)
    before = tree_digest(other)
    with pytest.raises(BackupRefused, match="not empty"):
        await EdgeStoreBackup(other).restore(Path(report.path), force=False)
    assert tree_digest(other) == before

    forced = await EdgeStoreBackup(other).restore(Path(report.path), force=True)
    assert forced.replaced_existing
    assert canonical_dump(other) == canonical_dump(seeded)


async def test_restore_refuses_while_a_process_has_the_store_open(seeded: Path, tmp_path: Path) -> None:
    report = await EdgeStoreBackup(seeded).backup(tmp_path / "b.tar")
    store = QdrantEdgeInvoiceStore(seeded)
    try:
        with pytest.raises(BackupRefused, match="stop `reimburse serve`"):
            await EdgeStoreBackup(seeded).restore(Path(report.path), force=True)
    finally:
        await store.close()


def test_the_cli_backs_up_verifies_and_restores(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "cli.tar"
    assert main(["backup", str(dest), "--data-dir", str(seeded)]) == 0
    assert "invoices=300" in capsys.readouterr().out
    assert main(["verify-backup", str(dest)]) == 0
    target = tmp_path / "restored"
    assert main(["restore", str(dest), "--data-dir", str(target)]) == 0
    assert canonical_dump(target) == canonical_dump(seeded)
    assert main(["restore", str(dest), "--data-dir", str(target)]) == 2
    assert "not empty" in capsys.readouterr().err
