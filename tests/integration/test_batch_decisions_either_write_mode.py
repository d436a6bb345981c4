"""A batch written in one go (POST /analyze-invoices) stores each original as its file is read and
starts every invoice's store look-ups together when deciding begins (a few at a time), instead of
one by one in decision order. It must decide exactly as one by one does: the same verdicts, amounts, reasons, flags, in the
same order, and the same stored records, on batches full of what depends on earlier claims (period
limits, claim counts, copies of a stored bill, copies and repeats inside the batch, re-uploads)."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import msgspec

from reimburse.application.analyze_batch import BatchRequest
from reimburse.container import Container, close_container, open_container
from reimburse.domain.filters import InvoiceFilter
from tests import pdf_factory
from tests.conftest import cab_invoice, make_settings, make_zip, meal_invoice, offline_container

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "period-limits"
EMPLOYEE = "Vikram Rao"
_BATCH_ID = re.compile(r"bat_[0-9A-Za-z_-]+")
# A duplicate's reason names the day the stored copy was analysed: the two runs may straddle midnight.
_ANALYSED_ON = re.compile(r"analysed \d{4}-\d{2}-\d{2}")


def _members(name: str) -> dict[str, bytes]:
    with zipfile.ZipFile(EXAMPLE / name) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()}


def _cab(vendor: str, number: str | None, total: str, when: str, note: str = "") -> bytes:
    lines = [f"{vendor} Trip Receipt", f"Invoice No: {number}" if number else "", f"Date: {when}"]
    lines += ["Rider: Vikram Rao", "Trip fare from Airport to Office", f"Total: INR {total}", note]
    return pdf_factory.text_pdf(*[line for line in lines if line])


def batches() -> list[tuple[str, dict[str, bytes]]]:
    kept = cab_invoice("CAB-9", "410.00", when="07/03/2025", rider=EMPLOYEE)
    first = {**_members("batch-1.zip"), "kept-cab.pdf": kept, "lunch.pdf": meal_invoice("M-5", "380.00", "0")}
    twice = _cab("Ola Cabs", "OLA-77", "350.00", "18/03/2025")
    second = {
        **_members("batch-2.zip"),
        "kept-cab-again.pdf": kept,  # the same bytes: a re-upload of a stored claim
        "kept-cab-reprint.pdf": _cab("Uber India", "CAB-9", "410.00", "07/03/2025", "Reprinted"),
        "ola-1.pdf": twice,
        "ola-1-again.pdf": twice,  # the same file twice in one batch
        "ola-2-reprint.pdf": _cab("Ola Cabs", "OLA-77", "350.00", "18/03/2025", "Duplicate copy"),
        "near.pdf": _cab("Uber Indya", None, "410.00", "07/03/2025"),  # a near match: review
        "late-cab.pdf": _cab("Meru", "MR-1", "900.00", "25/03/2025"),
    }
    return [("2025-03-10", first), ("2025-03-29", second)]


def _plain(value: Any) -> Any:
    """Results and records as builtins, without what differs between any two runs."""
    data = msgspec.to_builtins(value)
    for key in ("batch_id", "analyzed_at"):
        data.pop(key, None)
    text = _BATCH_ID.sub("bat_", msgspec.json.encode(data).decode())
    return msgspec.json.decode(_ANALYSED_ON.sub("analysed on", text))


async def _analyse_all(container: Container, lookups_at_once: int) -> tuple[list[Any], list[Any]]:
    await open_container(container)
    try:
        use_case, policy = container.analyze_batch(), (EXAMPLE / "policy.pdf").read_bytes()
        use_case.lookups_at_once = lookups_at_once
        seen: list[Any] = []
        for submitted_on, files in batches():
            request = BatchRequest(
                EMPLOYEE, policy, "policy.pdf", submitted_on=date.fromisoformat(submitted_on)
            )
            archive = io.BytesIO(make_zip(files))
            summary = await use_case.run(request, archive)
            assert summary.success and not summary.processing_errors, summary.message
            seen.append([_plain(result) for result in summary.results])
        stored = await container.invoice_store().find(InvoiceFilter(), 1000, 0)
        records = sorted((_plain(r) for r in stored.items), key=lambda r: r["invoice_id"])
        return seen, records
    finally:
        await close_container(container)


async def test_look_ups_made_together_decide_as_one_by_one(tmp_path: Path) -> None:
    together = await _analyse_all(offline_container(make_settings(tmp_path / "together")), 4)
    one_by_one = await _analyse_all(offline_container(make_settings(tmp_path / "one-by-one")), 0)
    (first, second), records = together
    # the batches exercise what depends on earlier claims: copies declined, limits reached, repeats
    statuses = [r["status"] for r in second]
    assert "declined" in statuses and "partially_reimbursed" in statuses
    assert any("already claimed as invoice" in r["reason"] for r in second)
    assert any(f["code"] == "duplicate" and "Possibly" in f["message"] for r in second for f in r["flags"])
    assert sum("same file as" in f["message"] for r in second for f in r["flags"]) == 1
    assert len(first) + len(second) - 2 == len(records)  # two re-uploads replace their records
    assert together == one_by_one
