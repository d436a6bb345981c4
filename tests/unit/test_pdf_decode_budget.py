"""The decode budget: pdfminer's expanding decoders, bounded, decode exactly as before within it."""

from __future__ import annotations

import zlib
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pdfminer.lzw import lzwdecode as original_lzwdecode
from pdfminer.runlength import rldecode as original_rldecode

from reimburse.adapters.pdf import decode_budget
from reimburse.adapters.pdf.decode_budget import DecodeBudgetExceeded, limited
from reimburse.adapters.pdf.pdfplumber_document_reader import PdfplumberDocumentReader
from reimburse.domain.errors import UnsupportedFile
from tests.hostile import raw_pdf

LINES = ["Spice Garden Restaurant", "Bill No: RL-1", "Date: 21/12/2024", "Grand Total: INR 640.00"]


def runlength(data: bytes) -> bytes:
    """RunLengthDecode's encoder: repeats of 3+ bytes as runs, the rest as literals."""
    out, i = bytearray(), 0
    while i < len(data):
        run = 1
        while i + run < len(data) and run < 128 and data[i + run] == data[i]:
            run += 1
        if run >= 3:
            out += bytes([257 - run, data[i]])
            i += run
            continue
        literal = data[i : i + 128]
        out += bytes([len(literal) - 1]) + literal
        i += len(literal)
    return bytes(out + b"\x80")


def lzw(data: bytes) -> bytes:
    """LZWDecode's encoder (PDF flavour: clear 256, EOD 257, 9-12 bit codes, early change).

    Code widths follow the decoder's table, which trails the encoder's by one entry.
    """
    codes: list[tuple[int, int]] = []
    state = {"width": 9, "decoder_table": 258, "first": True}

    def emit(code: int) -> None:
        codes.append((code, state["width"]))
        if code == 256:
            state.update(width=9, decoder_table=258, first=True)
            return
        if state["first"]:
            state["first"] = False  # the decoder adds no entry for the first code after a clear
        else:
            state["decoder_table"] += 1
        size = state["decoder_table"]
        state["width"] = 9 if size < 511 else 10 if size < 1023 else 11 if size < 2047 else 12

    table = {bytes([i]): i for i in range(256)}
    next_code, current = 258, b""
    emit(256)
    for byte in data:
        candidate = current + bytes([byte])
        if candidate in table:
            current = candidate
            continue
        emit(table[current])
        table[candidate] = next_code
        next_code += 1
        current = bytes([byte])
        if next_code >= 4000:  # well before 12 bits run out
            emit(table[current])
            emit(256)
            table = {bytes([i]): i for i in range(256)}
            next_code, current = 258, b""
    if current:
        emit(table[current])
    emit(257)
    bits = "".join(format(code, f"0{width}b") for code, width in codes)
    bits += "0" * (-len(bits) % 8)
    return int(bits, 2).to_bytes(len(bits) // 8, "big")


@given(st.binary(max_size=2000))
def test_runlength_decodes_like_pdfminer(data: bytes) -> None:
    encoded = runlength(data)
    assert decode_budget._rldecode(encoded) == original_rldecode(encoded) == data


@given(st.binary(max_size=20_000))
def test_lzw_decodes_like_pdfminer(data: bytes) -> None:
    encoded = lzw(data)
    assert decode_budget._lzwdecode(encoded) == original_lzwdecode(encoded) == data


@given(st.binary(max_size=4000), st.integers(min_value=1, max_value=9))
def test_zlib_stand_in_matches_zlib_within_budget(data: bytes, level: int) -> None:
    packed = zlib.compress(data, level)
    with limited(len(data)):
        assert decode_budget._BoundedZlib.decompress(packed) == data


def test_zlib_stand_in_keeps_zlibs_errors() -> None:
    packed = zlib.compress(b"invoice total 100.00" * 50)
    with limited(10**6), pytest.raises(zlib.error):
        decode_budget._BoundedZlib.decompress(packed[: len(packed) // 2])
    with limited(10**6), pytest.raises(zlib.error):
        decode_budget._BoundedZlib.decompress(b"not deflate at all")


@pytest.mark.parametrize(
    ("name", "encode", "decode"),
    [
        ("flate", zlib.compress, decode_budget._BoundedZlib.decompress),
        ("lzw", lzw, decode_budget._lzwdecode),
        ("runlength", runlength, decode_budget._rldecode),
    ],
)
def test_each_decoder_stops_at_the_budget(
    name: str, encode: Callable[[bytes], bytes], decode: Callable[[bytes], bytes]
) -> None:
    expanding = encode(b"\x00" * 200_000)
    with limited(199_999), pytest.raises(DecodeBudgetExceeded):
        decode(expanding)
    with limited(200_000):
        assert decode(expanding) == b"\x00" * 200_000
    assert decode(expanding) == b"\x00" * 200_000  # no budget, no limit


def test_budget_is_per_document_and_shared_by_its_streams() -> None:
    piece = zlib.compress(b"x" * 600)
    with limited(1000):
        decode_budget._BoundedZlib.decompress(piece)
        with pytest.raises(DecodeBudgetExceeded):
            decode_budget._BoundedZlib.decompress(piece)
    with limited(1000):  # a new document starts afresh
        decode_budget._BoundedZlib.decompress(piece)


def _content_stream_pdf(filters: bytes, data: bytes) -> bytes:
    stream = raw_pdf.stream(data, b"/Filter " + filters + b" ")
    return raw_pdf.assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            stream,
            raw_pdf.FONT,
        ]
    )


@pytest.mark.parametrize(
    ("filters", "encode"),
    [(b"/FlateDecode", zlib.compress), (b"/LZWDecode", lzw), (b"/RunLengthDecode", runlength)],
)
def test_reader_reads_real_streams_and_refuses_bombs(
    filters: bytes, encode: Callable[[bytes], bytes]
) -> None:
    reader = PdfplumberDocumentReader(max_decoded_bytes=1_000_000)
    content = raw_pdf.text_content(LINES)
    document = reader.read(_content_stream_pdf(filters, encode(content)), "ok.pdf")
    assert "Grand Total: INR 640.00" in document.text

    padded = content + b"\n" + b" " * 2_000_000  # blanks: valid content, twice the budget
    with pytest.raises(UnsupportedFile, match="decompresses to more than"):
        reader.read(_content_stream_pdf(filters, encode(padded)), "bomb.pdf")
