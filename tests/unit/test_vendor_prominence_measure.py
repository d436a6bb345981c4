"""The development measurement of whether the issuer is the largest text at the top of page 1
(tests/eval/vendor_prominence.py): it must name what the tallest top line is, so its counts mean
what the report says."""

from __future__ import annotations

from reimburse.domain.verdict.document import Document, Page
from tests.eval.vendor_prominence import category, names_vendor
from tests.layout_lines import line_of_cells


def _document(*rows: tuple[str, float]) -> Document:
    """One A4 page of (text, font size) rows, 20 points apart from the top."""
    lines = tuple(
        line_of_cells((50, text), top=40 + 20 * n, size=size) for n, (text, size) in enumerate(rows)
    )
    page = Page(number=1, width=595, height=842, lines=lines)
    text = "\n".join(line.text for line in lines)
    return Document(filename="x.pdf", sha256="0" * 64, text=text, pages=(text,), layout=(page,))


def test_a_big_title_over_the_letterhead_is_counted_as_a_title() -> None:
    document = _document(
        ("RECHNUNG", 20),
        ("Bergblick Hotel GmbH", 10),
        ("Talstraße 4, 83700 Rottach", 10),
        ("Rechnungsnummer: 2024-118", 10),
        ("Zimmer 12   3 Nächte   420,00 EUR", 10),
    )
    what, ratio, kept = category(document, "Bergblick Hotel GmbH")
    assert (what, kept) == ("title", None)
    assert ratio == 2.0


def test_a_big_brand_over_the_address_is_counted_as_the_vendor() -> None:
    document = _document(
        ("Bergblick", 24),
        ("Talstraße 4, 83700 Rottach", 9),
        ("Rechnungsnummer: 2024-118", 9),
        ("Zimmer 12   3 Nächte   420,00 EUR", 9),
    )
    what, ratio, kept = category(document, "Bergblick Hotel GmbH")
    assert (what, kept) == ("vendor", "Bergblick")
    assert ratio > 2


def test_a_big_customer_line_is_counted_as_the_customer_and_leaves_no_name() -> None:
    document = _document(
        ("Herr Jens Walter", 16),
        ("Ahornweg 3", 10),
        ("50667 Köln", 10),
        ("Bergblick Hotel GmbH   Talstraße 4   83700 Rottach", 10),
        ("Rechnungsnummer: 2024-118", 10),
    )
    what, _, kept = category(document, "Bergblick Hotel GmbH")
    assert (what, kept) == ("customer", None)


def test_a_fragment_of_the_name_is_not_the_vendor_but_its_brand_is() -> None:
    assert not names_vendor("YOU", "Only YOU Hotel Atocha")
    assert names_vendor("VALAMAR   Fax: +385 20 435", "Valamar Argosy Hotel")
    assert names_vendor("First City Parking Sdn Bhd", "AMPANG 210 FIRST CITY PARKING SDN BHD")
