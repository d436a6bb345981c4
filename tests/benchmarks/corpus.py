"""Invoice PDFs and ZIPs for the benchmarks, built in memory.

- `simple_invoices`: the one-page cab and restaurant invoices of tests/conftest.py, each with its own
  number, date and amounts (the fake Gemini's correct model reads exactly these).
- `example_invoices`: the readable one-page invoices of docs/examples (varied real-world layouts:
  GST invoices with tables, thermal receipts, tickets, folios), cycled to the size asked for.
- `pad_pdf`: grows a PDF to a target size with incompressible bytes, kept a valid PDF.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from functools import cache
from pathlib import Path

import pdfplumber

from reimburse.adapters.pdf.pdfplumber_document_reader import PdfplumberDocumentReader
from reimburse.domain.errors import DocumentError
from tests.conftest import cab_invoice, meal_invoice

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
EXAMPLE_POLICY = EXAMPLES / "policy.pdf"
EXAMPLE_EMPLOYEE = "Rani Sharma"
EXAMPLE_SUBMITTED_ON = "2024-12-31"


def simple_invoices(count: int, tag: str) -> dict[str, bytes]:
    """`count` distinct invoices; `tag` makes their numbers unique across batches."""
    rng = random.Random(f"simple:{tag}")
    files: dict[str, bytes] = {}
    for i in range(count):
        day = f"{1 + i % 28:02d}/12/2024"
        if i % 2:
            food, beer = f"{rng.randint(200, 900)}.00", f"{rng.randint(0, 3) * 150}.00"
            files[f"meal-{tag}-{i:04d}.pdf"] = meal_invoice(f"M-{tag}-{i}", food, beer, when=day)
        else:
            total = f"{rng.randint(80, 900)}.{rng.randint(0, 99):02d}"
            files[f"cab-{tag}-{i:04d}.pdf"] = cab_invoice(f"CAB-{tag}-{i}", total, when=day)
    return files


@cache
def _readable_examples() -> tuple[tuple[str, bytes], ...]:
    """The example invoices the service reads without error, one page each (scans, locked,
    corrupt and multi-page files are left out: this corpus measures reading, not rejecting)."""
    reader = PdfplumberDocumentReader()
    kept = []
    for path in sorted((EXAMPLES / "invoices").glob("*.pdf")):
        data = path.read_bytes()
        try:
            document = reader.read(data, path.name)
        except DocumentError:
            continue
        if len(document.pages) == 1:
            kept.append((path.name, data))
    return tuple(kept)


def example_invoices(count: int, tag: str) -> dict[str, bytes]:
    """`count` files cycled from the examples, each made byte-unique by a trailing PDF comment
    (after %%EOF, which readers ignore) so no two share a hash."""
    examples = _readable_examples()
    files: dict[str, bytes] = {}
    for i in range(count):
        name, data = examples[i % len(examples)]
        files[f"{i:04d}-{name}"] = data + f"\n% bench copy {tag}-{i}\n".encode()
    return files


def example_kinds() -> int:
    return len(_readable_examples())


def pad_pdf(data: bytes, target_size: int, seed: int) -> bytes:
    """The same PDF, `target_size` bytes long: an incremental update appends one unreferenced
    stream object of random bytes (incompressible, like an embedded photo) with its own xref
    section. Readers never load the object, so the text and the reading work are unchanged."""
    room = target_size - len(data) - 256
    if room <= 0:
        return data
    startxref = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    trailer = re.findall(rb"trailer\s*<<(.*?)>>\s*startxref", data, re.S)[-1]
    root_ref = re.search(rb"/Root\s+(\d+\s+\d+\s+R)", trailer)
    size_ref = re.search(rb"/Size\s+(\d+)", trailer)
    if root_ref is None or size_ref is None:
        raise ValueError("cannot pad a PDF without /Root and /Size in its trailer")
    number = int(size_ref.group(1))
    body = data if data.endswith(b"\n") else data + b"\n"
    filler = random.Random(seed).randbytes(room)
    obj_at = len(body)
    obj = b"%d 0 obj\n<< /Length %d >>\nstream\n" % (number, len(filler)) + filler + b"\nendstream\nendobj\n"
    xref_at = obj_at + len(obj)
    xref = b"xref\n%d 1\n%010d 00000 n \n" % (number, obj_at)
    tail = b"trailer\n<< /Size %d /Root %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        number + 1,
        root_ref.group(1),
        startxref,
        xref_at,
    )
    return body + obj + xref + tail


def zip_bytes(files: dict[str, bytes], compresslevel: int = 6) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def write_zip(path: Path, files: dict[str, bytes], compresslevel: int = 1) -> int:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path.stat().st_size


def page_count(data: bytes) -> int:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)
