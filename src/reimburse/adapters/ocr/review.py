"""Reading flags for documents read by OCR: a total or date the page does not clearly support.

A wrong amount or date read from a photo must go to review, never be paid silently. The total's
own confidence cap is in `confidence.py`; these checks add what that cap cannot see:

- the invoice date is printed only in words whose letters or digits the engine was unsure of (a
  separator between digits or a comma read unsurely, "20," at 0.43 with its digits at 0.99,
  changes no date; a glyph at a word's edge that may be a lost 1 or 7, "/2.05.2024", still counts);
- the total is printed in one place only, and that place was read unsurely (a total a receipt
  prints twice, Total then Cash/Paid, and reads the same twice is corroborated by the page; a
  decimal mark or currency sign read unsurely beside sure digits is not held against it where the
  page's other amounts or the currency settle the mark, `settled_mark`; nor is a total the page's
  labelled amounts, read surely, reach exactly: subtotal plus tax, cash less change; nor one the
  run of unlabelled items right above its labelled line adds up to exactly, `corroborate`);
- the invoice date is printed only at the start of lines, its day (or month) one digit and the
  next field padded with a 0 ("3-05-2021"): numeric dates pad both fields or neither, so a digit
  was most likely cut off by the frame or a thumb ("13-05-2021"), `cut_day`;
- the total is printed nowhere on the OCR'd page as read (it was put together from pieces, a
  decimal point joined or a look-alike read as a digit); on the rendered receipts it caught 4
  wrong totals, 2 of them caught by nothing else, and sent 8 right ones to review, all from
  receipts with faded decimal marks;
- the total is a whole number printed without decimals, in a currency whose amounts are written
  with two: worn print loses its decimal marks first, and OCR then reads "85.75" as "8575" with
  full confidence, so no threshold catches it (`lost_decimal_mark`);
- a line whose label a thumb or the frame cut (its first word, of letters, doubted: `cut_ends`)
  prints an amount larger than the total (`cut_label_over`): the cut label may have been the
  total's ("TAL 59.26", "OTAL TTC 66,59" below "ubtotal 51.53"), and the reader, not knowing the
  tail, took the subtotal; what the page cannot settle goes to review;
- a line labelled only as a part of the total (subtotal, tax, tip) prints an amount larger than
  the total: on curved or tilted paper the amounts drift a row against their labels and the
  reader takes a sure but wrong amount (`parts.part_over_total`); or the total read is printed
  only on lines labelled as a tax or a tip, never the whole (`parts.total_only_as_added_part`);
- the total is printed with one decimal only ("49.6"), in a currency whose amounts are written
  with two: a frame or a thumb that cuts a line's end just past a digit leaves the box short of
  the edge, so `cut_ends` cannot see it (`short_cents`).

A date whose characters `date_repair` put right carries a lower word confidence (`layout`), so
the date check above covers repaired dates too. (On the rendered receipts all 6 repaired dates
were right; none was a wrong reading that the lowered confidence caught.)

A total printed once that no arithmetic of the page reaches (two amounts adding up to it, cash
less change, a run of items) was tried and dropped: on 3 of the 10 development images whose total
is printed once and read right, only a chance sum with a quantity ("20.00" + "1") reached it, so
the check rests on coincidence and would send clean receipts to review; it caught no development
miss. Items summed against the total were tried and dropped here too: the item reader takes labelled
amounts ("Amount 6.60", "Due 19.20") for items on receipts, so the sum flagged clean documents (as
evidence that clears a doubt, the page's own run of unlabelled amounts right above the total's
labelled line, taken whole, is used: `corroborate.items_sum`). The
reader's `items_over_total` judges items only above a labelled total, on any page, with those items,
running sums and reductions ruled out.

Text-layer and e-invoice pages are not judged here (their words are what the file says), except a
scanner's OCR text layer whose numbers our own OCR of the page did not confirm (`cross_read`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import msgspec

from reimburse.adapters.ocr.confidence import (
    AMOUNT_WORD,
    REPAIRED_CONFIDENCE,
    TWO_DECIMALS,
    amount_confidence,
    amount_places,
    amount_value,
    digits_sure,
    read_by_ocr,
    shows_cents,
)
from reimburse.adapters.ocr.corroborate import cash_sum, items_sum, labelled_sum
from reimburse.adapters.ocr.parts import part_over_total, total_only_as_added_part
from reimburse.domain.currency_names import SIGNS
from reimburse.domain.verdict.document import Document, Line, Page, Word
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.money_format import ZERO_DECIMALS
from reimburse.domain.verdict.verdict import Flag, FlagCode

# Both thresholds rest on wrong readings, not on the edge of the right ones (tests/eval/ocr_calibration,
# 35 development OCR'd documents and 578 rendered, degraded receipts). Each is the lowest value that
# still sends every wrong reading there to review (with the other checks as they are), rounded up to
# the next 0.05. Right and wrong readings overlap (right dates down to 0.20, right single-place totals
# down to 0.31), so no value separates them; a higher one only sends more right readings to review.
# The highest date confidence of a wrong date only this check caught was 0.58.
DATE_MIN_CONFIDENCE = 0.6
# The highest of a wrong total printed once that only this check caught was 0.76. Wrong single-place
# totals at 0.93 and 0.95 were caught by other checks; the engine is sure of some misreads (a word
# missing its decimal mark at 0.99), which only corroboration, not a threshold, can catch.
SINGLE_PLACE_MIN_CONFIDENCE = 0.8
# Currencies whose bills print whole units although ISO 4217 gives them two decimals (Indian bills
# print "Thali 450 / TOTAL 600"; forint and rupiah have no coins below the unit in use), and those
# with three decimals: a whole amount there is no sign of a lost mark.
# A decimal mark read unsurely between sure digits counts as read when the page prints at least
# this many amounts (their digits read surely) with two decimals after that mark, none after the other.
CONVENTION_MIN_AMOUNTS = 2
# Exactly one mark: read as ',' or '.', the amount is the same.
_ONE_MARK = re.compile(r"[^\d.,]{0,3}-?\d+([.,])\d{2}")
# A label word: at least two letters (a cut "TAL", "otal", "ubtotal"; not a quantity "1").
_LABEL_WORD = re.compile(r"[^\W\d_]{2}")
# A numeric date whose first field has one digit and whose second is padded ("3-05-2021").
_HALF_PADDED = re.compile(r"\d[./-]0\d[./-]\d{2,4}")
# One digit after the last mark, at the number's end ("49.6", "EUR34,1"; not "49.61", "1.250").
_ONE_DECIMAL = re.compile(r"\d[.,]\d(?!\d)")
_WHOLE_UNITS = ZERO_DECIMALS | {"INR", "HUF", "IDR", "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"}


def ocr_pages(document: Document) -> list[Page]:
    return [page for page in document.layout if read_by_ocr(page)]


def with_ocr_review(document: Document, invoice: Invoice) -> Invoice:
    """`invoice` with the OCR review flags added to its reading flags."""
    flags = ocr_review_flags(document, invoice)
    return (
        msgspec.structs.replace(invoice, reading_flags=(*invoice.reading_flags, *flags)) if flags else invoice
    )


def ocr_review_flags(document: Document, invoice: Invoice) -> tuple[Flag, ...]:
    """LOW_CONFIDENCE flags for the total and date of an OCR'd document; () for a text layer."""
    pages = ocr_pages(document)
    if not pages:
        return ()
    flags = []
    if invoice.invoice_date is not None:
        sureness = date_confidence(pages, invoice.invoice_date)
        if sureness is not None and sureness < DATE_MIN_CONFIDENCE:
            flags.append(
                Flag(
                    FlagCode.LOW_CONFIDENCE.value,
                    f"The invoice date {invoice.invoice_date} was read from a photo or scan whose "
                    f"digits OCR was unsure of ({sureness:.2f})"
                    f"{second_look(date_words(pages, invoice.invoice_date))}.",
                )
            )
    if invoice.invoice_date is not None and cut_day(pages, invoice.invoice_date):
        flags.append(
            Flag(
                FlagCode.LOW_CONFIDENCE.value,
                f"The invoice date {invoice.invoice_date} is printed at a line's start with one digit "
                "before a padded field on the photo or scan: a digit may have been cut off.",
            )
        )
    places = total_places(pages, abs(invoice.total), invoice.currency)
    if (
        len(places) == 1
        and places[0] < SINGLE_PLACE_MIN_CONFIDENCE
        and labelled_sum(pages, abs(invoice.total), SINGLE_PLACE_MIN_CONFIDENCE) is None
        and items_sum(pages, abs(invoice.total)) is None
    ):
        flags.append(
            Flag(
                FlagCode.LOW_CONFIDENCE.value,
                f"The total {invoice.total} is printed once on the photo or scan and OCR was unsure "
                f"of it ({places[0]:.2f})"
                f"{second_look([w for p in pages for w in p.words if _prints(w, abs(invoice.total))])}.",
            )
        )
    elif not places and invoice.total and not _printed_on_text_pages(document, abs(invoice.total)):
        flags.append(
            Flag(
                FlagCode.LOW_CONFIDENCE.value,
                f"The total {invoice.total} is not printed as such on the photo or scan (read from "
                "pieces OCR split or misread).",
            )
        )
    larger = cut_label_over(pages, abs(invoice.total))
    if larger is not None:
        flags.append(
            Flag(
                FlagCode.LOW_CONFIDENCE.value,
                f"A line whose label was cut or unreadable on the photo or scan prints {larger}, more "
                f"than the total {invoice.total}: that label may have been the total's.",
            )
        )
    part = part_over_total(pages, abs(invoice.total))
    if part is not None:
        flags.append(
            Flag(
                FlagCode.LOW_CONFIDENCE.value,
                f"A subtotal, tax or tip on the photo or scan prints {part}, more than the total "
                f"{invoice.total}: labels and amounts may have been paired across rows.",
            )
        )
    if total_only_as_added_part(pages, abs(invoice.total)):
        flags.append(
            Flag(
                FlagCode.LOW_CONFIDENCE.value,
                f"The total {invoice.total} is printed on the photo or scan only on a tax or tip "
                "line: labels and amounts may have been paired across rows.",
            )
        )
    if short_cents(pages, invoice):
        flags.append(
            Flag(
                FlagCode.LOW_CONFIDENCE.value,
                f"The total {invoice.total} is printed with one decimal on the photo or scan, where "
                f"{invoice.currency or 'most currencies'} amounts have two: a digit may have been cut "
                "off or lost.",
            )
        )
    if lost_decimal_mark(pages, invoice):
        flags.append(
            Flag(
                FlagCode.LOW_CONFIDENCE.value,
                f"The total {invoice.total} is printed without decimals on the photo or scan, where "
                f"{invoice.currency or 'most currencies'} amounts have two: OCR may have lost the "
                "decimal mark.",
            )
        )
    return tuple(flags)


def total_confidence(document: Document, total: Decimal) -> float:
    """How surely OCR read `total` (`amount_confidence`: its best-read place), or at least
    SINGLE_PLACE_MIN_CONFIDENCE when the cash tendered less the change, both read surely, reach it
    exactly (`corroborate.cash_sum`). The extractor caps the total's confidence with this and the
    engine sends a total under 0.5 to review; a total the cash proves is not sent there for a
    currency prefix or a label glued to its digits ("RM29.30" at 0.39 over "Cash RM30.30 / Change
    RM1.00"). Subtotal plus tax does not lift it: the subtotal shares the total's leading digits and
    font, so one look-alike in the same place of both ("Subtotal 70.00 / TOTAL 70.80" for 10.00 and
    10.80) keeps the sum exact. A total read at 0.31 whose items add up to it stays under review."""
    sure = amount_confidence(document, total)
    if sure >= SINGLE_PLACE_MIN_CONFIDENCE or not (pages := ocr_pages(document)):
        return sure
    if cash_sum(pages, abs(total), SINGLE_PLACE_MIN_CONFIDENCE) is None:
        return sure
    return SINGLE_PLACE_MIN_CONFIDENCE


def total_places(pages: list[Page], total: Decimal, currency: str | None = None) -> list[float]:
    """One confidence per OCR'd line that prints `total`: its best-read spelling there, a decimal
    mark the page's convention or the currency settles not counted (`settled_mark`)."""
    mark = decimal_convention(pages, total)
    cents = writes_cents(currency)
    return [
        max(
            max(conf for _, conf in found),
            *(settled_mark(w, total, mark, cents, currency) for w in line.words),
        )
        for page in pages
        for line in page.lines
        if (found := amount_places(line, total))
    ]


def decimal_convention(pages: list[Page], total: Decimal) -> str | None:
    """The decimal mark of the page's amounts: '.' or ',' when at least two amounts other than
    `total` whose digits were read surely print two decimals after it, and none after the other
    mark; None when the page does not say. The marks' own confidence is left out: on phone photos
    the engine doubts every comma of a page (0.5-0.87) while reading its digits at 0.98 and more."""
    marks = [
        m.group(1)
        for page in pages
        for word in page.words
        if digits_sure(word) >= SINGLE_PLACE_MIN_CONFIDENCE
        and (m := TWO_DECIMALS.fullmatch(word.text))
        and not _prints(word, total)
    ]
    kinds = set(marks)
    return marks[0] if len(marks) >= CONVENTION_MIN_AMOUNTS and len(kinds) == 1 else None


def settled_mark(
    word: Word, amount: Decimal, mark: str | None, cents: bool = False, currency: str | None = None
) -> float:
    """How surely `word` prints `amount` when its one decimal mark, read unsurely, between digits
    with two after it is settled: the page's own (`mark`), or any mark in a currency written with
    two decimals (`cents`: its amounts always carry a mark, so this one is no speck). Then its
    letters' and digits' confidence counts, as either mark there gives the same amount. 0.0 when it
    does not apply: not settled, a second mark (thousands), no per-character scores, or a currency
    sign the engine left out of the digits that is not the read currency's ("$" may be a 5 or 8)."""
    shape = _ONE_MARK.fullmatch(word.text)
    if shape is None or word.digit_confidence is None or not (cents or shape.group(1) == mark):
        return 0.0
    if any(unicodedata.category(ch) == "Sc" and not _sign_of(ch, currency) for ch in word.text):
        return 0.0
    return word.digit_confidence if _prints(word, amount) else 0.0


def _sign_of(sign: str, currency: str | None) -> bool:
    """Whether `sign` is written for `currency` ("$" for every dollar, "€" for the euro)."""
    if currency is None:
        return False
    if sign == "$":
        return any(s.endswith("$") and code == currency for s, code in SIGNS.items())
    return SIGNS.get(sign) == currency


def writes_cents(currency: str | None) -> bool:
    """Whether the currency's amounts are written with two decimals (None: not known, so no)."""
    return currency is not None and len(currency) == 3 and currency not in _WHOLE_UNITS


def _prints(word: Word, amount: Decimal) -> bool:
    return bool(amount_places(Line(text=word.text, words=(word,)), amount))


def cut_label_over(pages: list[Page], total: Decimal) -> Decimal | None:
    """The largest amount above `total` printed with two decimals on an OCR'd line whose first
    word, of letters, was cut by a cover or the frame or read no better (confidence at most
    REPAIRED_CONFIDENCE); None when there is none. A thumb over a corner cuts the start of the
    labels at the foot of a receipt: "TAL 59.26" or "OTAL TTC 66,59" is no label the reader knows,
    so it takes "ubtotal 51.53" or "Sous-total 60,54" and pays the subtotal. A line cut so, with
    an amount the total's size or more, may have been the total's; items and taxes are smaller."""

    over = [
        value
        for page in pages
        for line in page.lines
        if line.words
        and line.words[0].confidence <= REPAIRED_CONFIDENCE
        and _LABEL_WORD.search(line.words[0].text)
        for word in line.words[1:]
        if AMOUNT_WORD.fullmatch(word.text)
        and (value := amount_value(word.text)) is not None
        and value > total
    ]
    return max(over, default=None)


def short_cents(pages: list[Page], invoice: Invoice) -> bool:
    """Whether every OCR'd place printing the total shows one digit after its decimal mark, in a
    currency written with two (most currencies, when none was read). Amounts there are printed
    with two decimals; "49.6" for "49.61" is a line whose end the frame cut just past a digit (the
    box then stops short of the edge, where whole lines of tight scans stop too) or a thumb hid.
    On the thumb and frame-cut photos of seeds 71, 73, 79 and 83 (320) the total was printed so
    21 times: 20 wrong, one right (a "46.80" whose 0 was cut)."""
    total = abs(invoice.total)
    if not total or invoice.currency in _WHOLE_UNITS:
        return False
    printed = [text for page in pages for line in page.lines for text, _ in amount_places(line, total)]
    return bool(printed) and all(_ONE_DECIMAL.search(t) and not shows_cents(t) for t in printed)


def lost_decimal_mark(pages: list[Page], invoice: Invoice) -> bool:
    """Whether the total is whole and every OCR'd place printing it lacks the two decimals its
    currency (most currencies, when none was read) is written with. On the 41 development documents
    read by OCR every total, the 17 whole ones too, was printed with two decimals, whatever the
    currency; on rendered receipts whose decimal marks were faded, most wrong totals were such
    readings ("8575" for "85.75", engine confidence 1.0), which no other check sent to review."""
    total = abs(invoice.total)
    if not total or total != total.to_integral_value():
        return False
    if invoice.currency in _WHOLE_UNITS:  # an unknown currency is judged as most are: with cents
        return False
    printed = [text for page in pages for line in page.lines for text, _ in amount_places(line, total)]
    return bool(printed) and not any(shows_cents(text) for text in printed)


def _printed_on_text_pages(document: Document, amount: Decimal) -> bool:
    """Whether a page read from the file's own text (not OCR'd) prints `amount`: in a PDF whose
    scanned page is a receipt stapled to a typed invoice, the total is often on the typed page."""
    return any(
        amount_places(line, amount)
        for page in document.layout
        if not read_by_ocr(page)
        for line in page.lines
    )


def date_confidence(pages: list[Page], value: date) -> float | None:
    """The best confidence among the OCR'd places that print `value`; None when none does."""
    best: float | None = None
    for page in pages:
        for line in page.lines:
            for start, end in _date_spans(line.text, value):
                words = [
                    conf for w_start, w_end, conf in _word_spans(line) if w_start < end and w_end > start
                ]
                if words:
                    best = max(best or 0.0, min(words))
    return best


def second_look(words: list[Word]) -> str:
    """What a second look at the same pixels (`reread`) read where it printed other digits than
    `words`, as a clause of a flag's message; "" when it did not."""
    pairs = [f'"{w.text}" then "{w.second_reading}"' for w in words if w.second_reading]
    return f": read {', '.join(pairs)} on a second look at the same pixels" if pairs else ""


def date_words(pages: list[Page], value: date) -> list[Word]:
    """The OCR'd words that print `value` (or a part of it)."""
    out = []
    for page in pages:
        for line in page.lines:
            spans = list(_date_spans(line.text, value))
            for word, (start, stop, _) in zip(line.words, _word_spans(line), strict=False):
                if any(start < end and stop > begin for begin, end in spans):
                    out.append(word)
    return out


def cut_day(pages: list[Page], value: date) -> bool:
    """Whether every OCR'd place printing `value` starts its line with a half-padded numeric date
    ("3-05-2021"). Dates pad both fields or neither; a frame or thumb that cuts a line's start just
    before a digit leaves the box short of the edge, where tight scans' whole lines start too, so
    `cut_ends` cannot see it. Frame-cut card slips of seed 83 (Italian and Dutch): "23/04/2021"
    read as "3/04/2021", "13-05-2021" as "3-05-2021", both at 0.99."""
    places = [
        _HALF_PADDED.fullmatch(line.text[start:end]) is not None and not line.text[:start].strip()
        for page in pages
        for line in page.lines
        for start, end in _date_spans(line.text, value)
    ]
    return bool(places) and all(places)


def _date_spans(text: str, value: date) -> Iterator[tuple[int, int]]:
    # Imported here: the heuristic package imports this module (its extractor adds these flags).
    from reimburse.adapters.heuristic.dates import find_dates

    for match in find_dates(text):
        if value in (match.value, match.alternative):
            yield match.start, match.end


def _word_spans(line: Line) -> Iterator[tuple[int, int, float]]:
    """Where each word sits in the line's text (words joined by a space or a column gap)."""
    position = 0
    for word in line.words:
        start = line.text.find(word.text, position)
        if start < 0:
            return
        position = start + len(word.text)
        yield start, position, digits_sure(word)
