from __future__ import annotations

import hashlib
import io
import pickle
import time

import pytest
from reportlab.pdfgen.canvas import Canvas

from reimburse.adapters.pdf import PdfplumberDocumentReader
from reimburse.domain.errors import CorruptDocument, EncryptedDocument, NoTextLayer, TooManyPages
from tests import pdf_factory as pf

LINES = [
    "Total Amount Paid Rs 233.00",
    "Trip fare 180.50 Booking fee 12.00",
    "Rider Rani Sharma 17May2024 Pickup: MG Road, Bengaluru",
]


@pytest.fixture
def reader() -> PdfplumberDocumentReader:
    return PdfplumberDocumentReader(max_pages=10)


def test_reads_text_hash_and_pages(reader: PdfplumberDocumentReader) -> None:
    data = pf.text_pdf("Invoice No. 4471", "Grand Total 1,092.00")
    doc = reader.read(data, "bill.pdf")
    assert doc.filename == "bill.pdf"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.pages == ("Invoice No. 4471\nGrand Total 1,092.00",)
    assert doc.text == doc.pages[0]


@pytest.mark.parametrize(
    ("char_gap", "space_factor"),
    [(0.0, 1.0), (0.2, 0.6), (0.0, 0.4), (1.0, 1.0), (0.5, 0.5)],
    ids=["touching", "tight", "very-tight-words", "loose-letters", "half-space"],
)
def test_glyphs_drawn_one_by_one_come_out_as_words(
    reader: PdfplumberDocumentReader, char_gap: float, space_factor: float
) -> None:
    data = pf.char_by_char_pdf(LINES, char_gap=char_gap, space_factor=space_factor)
    assert reader.read(data, "cab.pdf").text.splitlines() == LINES


def test_letter_spaced_heading_stays_one_word(reader: PdfplumberDocumentReader) -> None:
    data = pf.char_by_char_pdf(["TAX INVOICE"], char_gap=3.0)
    assert reader.read(data, "r.pdf").text == "TAX INVOICE"


def test_label_and_value_columns_share_a_line_with_a_column_gap(reader: PdfplumberDocumentReader) -> None:
    rows = [("Subtotal", "1,580.00"), ("CGST @ 2.5%", "39.50"), ("Grand Total", "INR 1,659.00")]
    text = reader.read(pf.columns_pdf(rows, value_font="Helvetica-Bold"), "bill.pdf").text
    assert text.splitlines() == [f"{label}   {value}" for label, value in rows]


def test_mixed_font_sizes_on_one_baseline_are_one_line(reader: PdfplumberDocumentReader) -> None:
    buf = io.BytesIO()
    c = Canvas(buf, invariant=True)
    c.setFont("Helvetica", 8)
    c.drawString(72, 700, "Amount due")
    c.setFont("Helvetica-Bold", 20)
    c.drawString(300, 700, "742.00")
    c.setFont("Helvetica", 8)
    c.drawString(72, 660, "Thank you")
    c.showPage()
    c.save()
    assert reader.read(buf.getvalue(), "x.pdf").text.splitlines() == ["Amount due   742.00", "", "Thank you"]


def test_rotated_page_reads_as_lines_not_one_word_per_line(reader: PdfplumberDocumentReader) -> None:
    buf = io.BytesIO()
    c = Canvas(buf, invariant=True)
    c.setPageRotation(90)
    c.setFont("Helvetica", 10)
    c.drawString(72, 700, "Hotel folio total")
    c.drawString(72, 686, "Balance due 0.00")
    c.showPage()
    c.save()
    assert reader.read(buf.getvalue(), "x.pdf").text.splitlines() == ["Hotel folio total", "Balance due 0.00"]


def test_glyph_drawn_twice_for_fake_bold_is_read_once(reader: PdfplumberDocumentReader) -> None:
    buf = io.BytesIO()
    c = Canvas(buf, invariant=True)
    c.setFont("Helvetica", 10)
    for dx in (0.0, 0.4):
        c.drawString(72 + dx, 700, "TOTAL 500.00")
    c.showPage()
    c.save()
    assert reader.read(buf.getvalue(), "x.pdf").text == "TOTAL 500.00"


def test_multi_page_keeps_pages_apart(reader: PdfplumberDocumentReader) -> None:
    doc = reader.read(pf.n_page_pdf(3), "three.pdf")
    assert doc.page_count == 3
    assert [p.splitlines()[0] for p in doc.pages] == ["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]
    assert doc.text == "\n\n".join(doc.pages)


def test_latin_symbols_from_standard_fonts(reader: PdfplumberDocumentReader) -> None:
    text = reader.read(pf.text_pdf("Café Total TTC € 42,50"), "fr.pdf").text
    assert text == "Café Total TTC € 42,50"


def test_rupee_sign_and_nfkc_normalisation(reader: PdfplumberDocumentReader) -> None:
    font = pf.unicode_font()
    if font is None:
        pytest.skip("no TTF font with the rupee sign on this machine")
    # NBSP, thin space and ligatures are normalised; the rupee sign survives.
    data = pf.text_pdf("Total\u00a0₹\u20091,234.50", "ﬁnal ﬂat fee", font=font)
    assert reader.read(data, "inr.pdf").text.splitlines() == ["Total ₹ 1,234.50", "final flat fee"]


def test_paragraph_gap_becomes_a_blank_line_but_line_breaks_stay(reader: PdfplumberDocumentReader) -> None:
    data = pf.pages_pdf([["first line", "second line", "", "", "new paragraph"]])
    assert reader.read(data, "p.pdf").text == "first line\nsecond line\n\nnew paragraph"


def test_image_only_pdf_is_no_text_layer(reader: PdfplumberDocumentReader) -> None:
    with pytest.raises(NoTextLayer, match="scan"):
        reader.read(pf.image_only_pdf(), "scan.pdf")


def test_password_protected_pdf_is_encrypted_document(reader: PdfplumberDocumentReader) -> None:
    with pytest.raises(EncryptedDocument, match="password"):
        reader.read(pf.encrypted_pdf(), "locked.pdf")


def test_owner_password_only_pdf_is_readable(reader: PdfplumberDocumentReader) -> None:
    data = pf.encrypted_pdf("Invoice 12", "Total 100.00", user_password="")
    assert reader.read(data, "restricted.pdf").text == "Invoice 12\nTotal 100.00"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (pf.corrupt_bytes(), "not a PDF"),
        (pf.broken_pdf(), "damaged"),
        (pf.truncated_pdf(), "truncated"),
    ],
    ids=["empty", "not-a-pdf", "garbage-body", "truncated"],
)
def test_unreadable_files_are_corrupt_documents(
    reader: PdfplumberDocumentReader, data: bytes, message: str
) -> None:
    with pytest.raises(CorruptDocument, match=message) as info:
        reader.read(data, "bad.pdf")
    assert "bad.pdf" in str(info.value)


def test_page_limit_is_inclusive(reader: PdfplumberDocumentReader) -> None:
    assert reader.read(pf.n_page_pdf(10), "ten.pdf").page_count == 10
    with pytest.raises(TooManyPages, match="10"):
        reader.read(pf.n_page_pdf(11), "eleven.pdf")


def test_huge_page_count_is_rejected_before_reading_text() -> None:
    data = pf.n_page_pdf(600)
    reader = PdfplumberDocumentReader(max_pages=50)
    started = time.perf_counter()
    with pytest.raises(TooManyPages):
        reader.read(data, "huge.pdf")
    # Reading 600 pages of text takes seconds; rejecting from the page tree takes milliseconds.
    assert time.perf_counter() - started < 1.0


def test_reader_survives_pickling_for_the_process_pool() -> None:
    clone = pickle.loads(pickle.dumps(PdfplumberDocumentReader(max_pages=7)))
    assert clone.max_pages == 7
    assert clone.read(pf.text_pdf("Total 5.00 due now"), "a.pdf").text == "Total 5.00 due now"


def test_layout_gives_words_with_boxes_from_the_top_left(reader: PdfplumberDocumentReader) -> None:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(612, 792), invariant=True)
    c.setFont("Helvetica", 10)
    c.drawString(72, 700, "Grand Total")
    c.drawString(400, 700, "1,092.00")
    c.drawString(72, 100, "Thank you")
    c.showPage()
    c.save()
    doc = reader.read(buf.getvalue(), "x.pdf")
    (page,) = doc.layout
    assert (page.number, page.width, page.height) == (1, 612, 792)
    assert [line.text for line in page.lines] == [line for line in doc.text.splitlines() if line]
    grand, total, value = page.lines[0].words
    assert (grand.text, total.text, value.text) == ("Grand", "Total", "1,092.00")
    # Baseline 700 from the bottom: the glyphs sit just above y = 792 - 700 = 92 from the top.
    assert 80 < value.top < value.bottom <= 95
    assert grand.x0 == pytest.approx(72, abs=0.5)
    assert value.x0 == pytest.approx(400, abs=0.5)
    assert grand.x1 < total.x0 < total.x1 < value.x0
    assert page.lines[1].top > 680  # "Thank you" is near the bottom of the page


def test_layout_of_a_rotated_page_stays_inside_the_displayed_page(reader: PdfplumberDocumentReader) -> None:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(612, 792), invariant=True)
    c.setPageRotation(90)  # reportlab then writes a landscape MediaBox (792 x 612), shown turned
    c.setFont("Helvetica", 10)
    c.drawString(72, 500, "Balance due 0.00")
    c.showPage()
    c.save()
    (page,) = reader.read(buf.getvalue(), "x.pdf").layout
    assert (page.width, page.height) == (612, 792)  # as displayed: the landscape box turned upright
    assert page.lines[0].text == "Balance due 0.00"
    for word in page.lines[0].words:
        assert 0 <= word.x0 < word.x1 <= page.width
        assert 0 <= word.top < word.bottom <= page.height


def test_document_with_layout_survives_pickling(reader: PdfplumberDocumentReader) -> None:
    doc = reader.read(pf.text_pdf("Invoice No. 4471", "Grand Total 1,092.00"), "bill.pdf")
    assert pickle.loads(pickle.dumps(doc)) == doc
