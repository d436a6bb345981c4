"""A date a scanner's OCR text layer cut short after a separator ("2024-02-") is written whole where
our OCR of the same picture prints exactly one date that completes it (no date ends in its
separator); anything else in the layer stays as the scanner wrote it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.ocr.confidence import completed
from reimburse.domain.verdict.document import Line, Page, TextSource, Word


def page(*rows: tuple[tuple[str, float], ...], source: TextSource = TextSource.TEXT_LAYER) -> Page:
    lines = []
    for i, row in enumerate(rows):
        words = tuple(
            Word(text, 40.0 * j, 20.0 * i, 40.0 * j + 30, 20.0 * i + 12, conf)
            for j, (text, conf) in enumerate(row)
        )
        lines.append(Line(text=" ".join(w.text for w in words), words=words))
    return Page(number=1, width=595, height=842, lines=tuple(lines), source=source)


def text_of(p: Page) -> str:
    return "\n".join(line.text for line in p.lines)


THEIRS = page(
    (("Check", 1.0), ("3047", 1.0), ("2024-02-", 1.0), ("18:01", 1.0)), (("Subtotal", 1.0), ("247.00", 1.0))
)


def test_a_date_the_layer_cut_short_is_written_as_our_ocr_reads_it_whole() -> None:
    ours = page((("Check", 1.0), ("3047", 1.0), ("2024-02-08", 0.97), ("18:01", 1.0)), source=TextSource.OCR)
    text, fixed = completed(text_of(THEIRS), THEIRS, ours)
    assert text == "Check 3047 2024-02-08 18:01\nSubtotal 247.00"
    assert fixed.lines[0].text == "Check 3047 2024-02-08 18:01"
    assert [(w.text, w.confidence) for w in fixed.lines[0].words][2] == ("2024-02-08", 0.97)
    assert fixed.lines[1] == THEIRS.lines[1]


def test_without_one_whole_reading_of_ours_the_layer_stays_as_written() -> None:
    nothing = page((("Check", 1.0), ("2O24-O2-O8", 0.6)), source=TextSource.OCR)
    two = page((("2024-02-08", 0.9),), (("2024-02-09", 0.9),), source=TextSource.OCR)
    for ours in (nothing, two):
        assert completed(text_of(THEIRS), THEIRS, ours) == (text_of(THEIRS), THEIRS)


def test_a_day_and_month_with_a_closing_dot_is_a_whole_german_date() -> None:
    theirs = page((("Datum", 1.0), ("08.02.", 1.0)))
    ours = page((("Datum", 1.0), ("08.02.2024", 0.99)), source=TextSource.OCR)
    assert completed(text_of(theirs), theirs, ours) == (text_of(theirs), theirs)


@given(st.integers(1, 28), st.integers(1, 12), st.integers(2000, 2030), st.sampled_from("-/"))
def test_a_whole_date_in_the_layer_is_never_changed(day: int, month: int, year: int, mark: str) -> None:
    printed = f"{year}{mark}{month:02d}{mark}{day:02d}"
    theirs = page((("Date", 1.0), (printed, 1.0)))
    ours = page((("Date", 1.0), (printed + "7", 0.9)), source=TextSource.OCR)
    assert completed(text_of(theirs), theirs, ours) == (text_of(theirs), theirs)
