"""Evidence for the OCR doubt thresholds (review.py, confidence.py): what each check sees on
readings that came out RIGHT and on readings that came out WRONG.

    python -m tests.eval.ocr_calibration corpus          # development OCR'd documents only
    python -m tests.eval.ocr_calibration synthetic [N]   # N rendered, degraded receipts (default 120)
    python -m tests.eval.ocr_calibration synthetic N SEED SAVE 0.15 0.5   # half of them taxed

For every document read by OCR it records the values the checks compare with their thresholds:
the invoice date's word confidence, the number of places printing the total and the best of their
confidences, whether the total is printed at all, the total confidence the extractor reports (and
which cap set it), and whether the reading was right. The synthetic run also records the engine's
confidence of every digit-bearing word, split by whether the word was read exactly as printed.

It never reads a held-out corpus file: the corpus run keeps `is_held_out` files out before opening.
A dev tool, not a test: it takes minutes (every document goes through the real OCR engine).
"""

from __future__ import annotations

import asyncio
import difflib
import json
import random
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from reimburse.adapters.ocr import confidence as conf_mod
from reimburse.adapters.ocr import review
from reimburse.adapters.ocr.corroborate import items_sum, labelled_sum
from reimburse.adapters.ocr.layout import REPAIRED_CONFIDENCE
from reimburse.domain.verdict.document import Document, Page
from reimburse.domain.verdict.invoice import Invoice
from tests.eval import invoice_eval
from tests.eval.corpus import corpus_dir, is_held_out, load_labels
from tests.image_factory import encode, scanned_pdf


@dataclass
class Reading:
    """What the doubt checks see on one OCR'd document, and whether its fields were read right."""

    name: str
    total_right: bool
    date_right: bool | None  # None: no date to compare with
    date_conf: float | None  # the read date's worst word where it is printed best
    date_repaired: bool  # a word of the read date was put right by date_repair
    places: list[float] = field(default_factory=list)  # best confidence of each line printing the total
    printed_elsewhere: bool = False  # a text-layer page prints the total
    total_conf: float = 1.0  # what the extractor reports (decide.py: < 0.5 is review)
    ocr_total_conf: float = 1.0  # amount_confidence alone
    lost_decimal: bool = False  # the total is whole and printed without the decimals its currency has
    uncorroborated: bool = False  # a place of the total was doubted by cross_read
    labelled_sum: bool = False  # the page's labelled amounts reach the total (corroborate.py)
    items_sum: bool = False  # the run of items above the total's line adds up to it (corroborate.py)
    flags: tuple[str, ...] = ()  # the reading flags of the verdict
    review: bool = False


def measure(
    name: str, document: Document, invoice: Invoice, want_total: Decimal, want_date: date | None
) -> Reading:
    pages = review.ocr_pages(document)
    total = abs(invoice.total)
    date_conf = review.date_confidence(pages, invoice.invoice_date) if invoice.invoice_date else None
    places = [
        found for page in pages for line in page.lines if (found := conf_mod.amount_places(line, total))
    ]
    return Reading(
        name=name,
        total_right=abs(invoice.total - want_total) <= Decimal("0.01"),
        date_right=None if want_date is None else invoice.invoice_date == want_date,
        date_conf=date_conf,
        date_repaired=invoice.invoice_date is not None and _date_repaired(pages, invoice.invoice_date),
        places=review.total_places(pages, total),
        printed_elsewhere=review._printed_on_text_pages(document, total),
        total_conf=invoice.confidence.get("total", 1.0),
        ocr_total_conf=conf_mod.amount_confidence(document, invoice.total),
        lost_decimal=review.lost_decimal_mark(pages, invoice),
        uncorroborated=any(c == conf_mod.UNCORROBORATED_CONFIDENCE for found in places for _, c in found),
        labelled_sum=labelled_sum(pages, total, review.SINGLE_PLACE_MIN_CONFIDENCE) is not None,
        items_sum=items_sum(pages, total) is not None,
    )


def _date_repaired(pages: list[Page], value: date) -> bool:
    for page in pages:
        for line in page.lines:
            for start, end in review._date_spans(line.text, value):
                if any(
                    c == REPAIRED_CONFIDENCE for s, e, c in review._word_spans(line) if s < end and e > start
                ):
                    return True
    return False


# --- the development corpus ------------------------------------------------------------------


def corpus_readings() -> list[Reading]:
    corpus = corpus_dir()
    labels = [
        label
        for label in load_labels(corpus / "labels.json")
        if not is_held_out(label["file"]) and label.get("total") is not None
    ]
    reader, extractor = _pipeline(corpus)
    out = []
    for label in labels:
        path = corpus / label["file"]
        try:
            document = reader.read(path.read_bytes(), path.name)
        except Exception:
            continue
        if not review.ocr_pages(document):
            continue
        reading = _read(label["file"], document, extractor, Decimal(str(label["total"])), label.get("date"))
        if reading is not None:
            out.append(reading)
    return out


def _pipeline(corpus: Path) -> tuple[Any, Any]:
    from dependency_injector import providers

    from reimburse.config import Settings
    from reimburse.container import build_container

    container = build_container(Settings(data_dir=str(corpus / ".unused"), log_dir=str(corpus / ".unused")))
    container.executor.override(providers.Object(None))
    return container.reader(), container.extractor()


def _read(
    name: str, document: Document, extractor: Any, total: Decimal, when: str | date | None
) -> Reading | None:
    from reimburse.domain.errors import ExtractionError
    from reimburse.domain.verdict.decide import Claim, decide

    try:
        invoice = asyncio.run(
            extractor.extract(document, invoice_eval._open_policy(invoice_eval.NO_CURRENCY))
        )
    except ExtractionError:
        return None
    want = date.fromisoformat(when) if isinstance(when, str) else when
    reading = measure(name, document, invoice, total, want)
    verdict = decide(
        invoice_eval._open_policy("EUR"),
        invoice,
        Claim(employee_name="", submitted_on=invoice_eval.FAR_FUTURE),
    )
    reading.flags = tuple(f.code for f in verdict.flags if f.code in invoice_eval.READING_FLAGS)
    reading.review = verdict.review_required
    return reading


# --- synthetic receipts ----------------------------------------------------------------------

_FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf",
]
_VENDORS = ["Cafe Lindenhof", "Harbour Grill Ltd", "Stadtbäckerei Meyer", "Trattoria Sole", "Northside Taxi"]
_ITEMS = ["Coffee", "Sandwich", "Soup", "Water", "Pasta", "Salad", "Fare", "Tea", "Cake", "Beer"]
_STYLES = ("dmy_slash", "dmy_dot", "iso", "mdy_slash", "d_mon_y", "dmy_short")
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass
class Receipt:
    lines: list[str | tuple[str, str]]
    total: Decimal
    when: date
    comma: bool  # decimal comma
    total_line: int  # where the total is printed


def make_receipt(rng: random.Random, taxed: float = 0.0) -> Receipt:
    """A till receipt; with probability `taxed` it prints a subtotal and a tax (and now and then a
    tip or a rounding line) above the total, which they add up to (the labelled arithmetic
    `corroborate` checks). At 0.0 the random draws are those of earlier runs, seed for seed."""
    comma = rng.random() < 0.4
    when = date(2021, 1, 1) + timedelta(days=rng.randrange(1500))
    style = rng.choice(_STYLES)
    if style == "mdy_slash":  # said in words too, so the day/month order is settled by the page
        when = when.replace(day=max(when.day, 13))
    items = [(rng.choice(_ITEMS), Decimal(rng.randrange(150, 9000)) / 100) for _ in range(rng.randint(1, 5))]
    if rng.random() < 0.2:  # four-digit totals too (a thousands mark)
        items[0] = (items[0][0], items[0][1] + Decimal(rng.randrange(100000, 300000)) / 100)
    total = sum((p for _, p in items), Decimal(0))
    extra: list[tuple[str, Decimal]] = []
    if taxed and rng.random() < taxed:
        rate = rng.choice([Decimal(7), Decimal(10), Decimal(19), Decimal(20)])
        tax = (total * rate / 100).quantize(Decimal("0.01"))
        extra = [(rng.choice(["Subtotal", "Sub-total", "Zwischensumme"]), total)]
        extra.append((rng.choice([f"VAT {rate}%", f"MwSt {rate}%", "Tax"]), tax))
        total += tax
        if rng.random() < 0.3:
            tip = Decimal(rng.randrange(50, 1500)) / 100
            extra.append(("Tip", tip))
            total += tip
        if rng.random() < 0.2:
            rounding = Decimal(rng.choice([-2, -1, 1, 2])) / 100
            extra.append(("Rounding", rounding))
            total += rounding

    def money(value: Decimal) -> str:
        text = f"{value:,.2f}"
        if comma:
            text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
        return text

    label = rng.choice(["Date", "Datum", "Date:", "Invoice date", "Rechnungsdatum:"])
    lines: list[str | tuple[str, str]] = [rng.choice(_VENDORS), f"{rng.randint(1, 99)} Market Street"]
    lines.append(
        f"{label} {_date_text(when, style)}"
        + (f" {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}" if rng.random() < 0.4 else "")
    )
    lines += [(name, money(price)) for name, price in items]
    lines += [(name, money(value)) for name, value in extra]
    total_line = len(lines)
    lines.append((rng.choice(["TOTAL", "Total", "Summe", "Total EUR", "Gesamt"]), money(total)))
    if rng.random() < 0.5:
        paid = total + Decimal(rng.randrange(0, 2000)) / 100
        lines.append(("Cash", money(paid)))
        lines.append(("Change", money(paid - total)))
    lines.append("Thank you")
    return Receipt(lines, total, when, comma, total_line)


def _date_text(when: date, style: str) -> str:
    match style:
        case "dmy_slash":
            return f"{when.day:02d}/{when.month:02d}/{when.year}"
        case "dmy_dot":
            return f"{when.day:02d}.{when.month:02d}.{when.year}"
        case "iso":
            return when.isoformat()
        case "mdy_slash":
            return f"{when.month:02d}/{when.day:02d}/{when.year}"
        case "d_mon_y":
            return f"{when.day} {_MONTHS[when.month - 1]} {when.year}"
        case _:
            return f"{when.day:02d}.{when.month:02d}.{when.year % 100:02d}"


def render(receipt: Receipt, rng: random.Random, faded_marks: float = 0.15) -> tuple[Image.Image, str]:
    """The receipt drawn in a random font and size, then degraded; and a note of how. With
    probability `faded_marks` the amounts' decimal marks are printed faintly, as worn thermal
    print loses its smallest dots first."""
    size = rng.choice([14, 16, 18, 22, 26, 30])
    face = ImageFont.truetype(rng.choice(_FONTS), size)
    width = size * 24
    line_height = int(size * rng.uniform(1.3, 1.9))
    ink = rng.choice([0, 0, 40, 90, 130])  # 130: faded thermal paper
    paper = rng.choice([255, 255, 235, 210])
    image = Image.new("L", (width, line_height * len(receipt.lines) + 2 * size), paper)
    draw = ImageDraw.Draw(image)
    mark_ink = ink + (paper - ink) * 4 // 5 if rng.random() < faded_marks else ink
    for i, line in enumerate(receipt.lines):
        y = size + i * line_height
        if isinstance(line, tuple):
            draw.text((size, y), line[0], fill=ink, font=face)
            x = width - size - draw.textlength(line[1], font=face)
            for ch in line[1]:  # glyph by glyph, so a decimal mark can be fainter than the digits
                draw.text((x, y), ch, fill=mark_ink if ch in ".," else ink, font=face)
                x += draw.textlength(ch, font=face)
        else:
            draw.text((size, y), line, fill=ink, font=face)
    notes = [f"size {size}", f"ink {ink}/{paper}"] + (["faded marks"] if mark_ink != ink else [])
    if rng.random() < 0.6:
        radius = rng.choice([0.6, 1.0, 1.4, 1.8])
        image = image.filter(ImageFilter.GaussianBlur(radius))
        notes.append(f"blur {radius}")
    if rng.random() < 0.4:
        angle = rng.uniform(-4, 4)
        image = image.rotate(angle, expand=True, fillcolor=paper)
        notes.append(f"rot {angle:.1f}")
    if rng.random() < 0.3:  # thermal speckle
        pixels = image.load()
        assert pixels is not None
        for _ in range(image.width * image.height // 60):
            x, y = rng.randrange(image.width), rng.randrange(image.height)
            value = pixels[x, y]
            assert isinstance(value, int)  # a greyscale ("L") image
            pixels[x, y] = min(255, value + rng.randrange(60, 160))
        notes.append("speckle")
    return image.convert("RGB"), ", ".join(notes)


@dataclass
class Digits:
    right: list[float] = field(default_factory=list)
    wrong: list[tuple[float, str, str]] = field(default_factory=list)  # (confidence, read, printed)


def digit_words(pages: Sequence[Page], printed: Iterable[str], into: Digits) -> None:
    """Each OCR word with a digit, against what was printed. Right: the word's digits and marks
    are those of one printed token, or of a few printed side by side that OCR joined into one word
    ("Date:12.03.2024" is right; either decimal mark is the same value). Wrong: it is not, yet it
    resembles a printed token ("8.32" read "832", "11.84" read "11.04")."""
    runs: set[str] = set()
    tokens: set[str] = set()
    for line in printed:
        keys = [k for k in map(_key, line.split()) if any(ch.isdigit() for ch in k)]
        tokens.update(keys)
        runs.update(
            "".join(keys[i:j]) for i in range(len(keys)) for j in range(i + 1, min(i + 3, len(keys)) + 1)
        )
    for page in pages:
        for word in page.words:
            key = _key(word.text)
            if not any(ch.isdigit() for ch in key):
                continue
            if key in runs:
                into.right.append(word.confidence)
                continue
            best = max(tokens, key=lambda t: difflib.SequenceMatcher(None, t, key).ratio(), default=None)
            if best and difflib.SequenceMatcher(None, best, key).ratio() >= 0.6:
                into.wrong.append((word.confidence, word.text, best))


def _key(text: str) -> str:
    """Digits and the marks between them, either decimal mark written '.' (labels dropped)."""
    return re.sub(r"[^0-9./:-]", "", text.replace(",", ".")).strip(".:-")


def synthetic_readings(
    count: int, seed: int = 7, faded_marks: float = 0.15, taxed: float = 0.0
) -> tuple[list[Reading], Digits]:
    rng = random.Random(seed)
    reader, extractor = _pipeline(corpus_dir())
    digits = Digits()
    out = []
    for n in range(count):
        receipt = make_receipt(rng, taxed)
        image, how = render(receipt, rng, faded_marks)
        form = rng.random()
        want = receipt.total
        if form < 0.2:
            data, name, how = scanned_pdf(image), f"synthetic_{n}.pdf", how + ", scanned pdf"
        elif form < 0.4:  # a scanner's OCR text layer over the picture, right or with the total misread
            data, name, how, want = _with_scanner_layer(receipt, image, n, how, rng)
        else:
            quality = rng.choice([20, 35, 50, 75, 90])
            data, name, how = (
                encode(image, "JPEG", quality=quality),
                f"synthetic_{n}.jpg",
                how + f", jpeg {quality}",
            )
        try:
            document = reader.read(data, name)
        except Exception:
            continue
        printed = [line if isinstance(line, str) else " ".join(line) for line in receipt.lines]
        digit_words(review.ocr_pages(document), printed, digits)
        reading = _read(f"{name} ({how})", document, extractor, want, receipt.when)
        if reading is not None:
            out.append(reading)
    return out, digits


def _with_scanner_layer(
    receipt: Receipt, image: Image.Image, n: int, how: str, rng: random.Random
) -> tuple[bytes, str, str, Decimal]:
    """The picture with the printed lines as an invisible text layer; half the time the layer
    misreads the total as a scanner can ("61871.00" for "€1,871.00"): then the truth the reading is
    judged by stays the printed total, and only the check can send it to review."""
    from tests.integration.test_pdf_reocr import _scan_with_layer

    layer = [line if isinstance(line, str) else "   ".join(line) for line in receipt.lines]
    if rng.random() < 0.5:
        total_line = receipt.lines[receipt.total_line]
        assert isinstance(total_line, tuple)
        label, amount = total_line
        layer[receipt.total_line] = f"{label}   {rng.choice('6789')}{amount}"
        how += ", scanner layer with the total misread"
    else:
        how += ", scanner layer"
    return _scan_with_layer(image, layer), f"synthetic_{n}.pdf", how, receipt.total


# --- the report ------------------------------------------------------------------------------


def _span(values: Sequence[float]) -> str:
    vs = sorted(v for v in values)
    if not vs:
        return "-"
    return f"{vs[0]:.2f}..{vs[-1]:.2f} (n={len(vs)})" if len(vs) > 1 else f"{vs[0]:.2f}"


def report(readings: list[Reading]) -> list[str]:
    dated = [r for r in readings if r.date_right is not None and r.date_conf is not None]
    date_ok = [r.date_conf for r in dated if r.date_right and r.date_conf is not None]
    date_bad = [r.date_conf for r in dated if not r.date_right and r.date_conf is not None]
    single = [r for r in readings if len(r.places) == 1]
    none = [r for r in readings if not r.places and not r.printed_elsewhere]
    out = [
        f"documents: {len(readings)}; total wrong {sum(not r.total_right for r in readings)}, "
        f"date wrong {sum(r.date_right is False for r in readings)}; under the current thresholds: "
        f"wrong and not sent to review {outcome(readings, Thresholds())[1]}, "
        f"right and sent to review {outcome(readings, Thresholds())[0]}",
        "",
        "| check | values, field read right | values, field read wrong |",
        "|---|---|---|",
        f"| date word confidence | {_span(date_ok)} | {_span(date_bad)} |",
        f"| date repaired (right / wrong) | {sum(r.date_repaired and bool(r.date_right) for r in dated)} "
        f"| {sum(r.date_repaired and not r.date_right for r in dated)} |",
        f"| single-place total confidence | {_span([r.places[0] for r in single if r.total_right])} "
        f"| {_span([r.places[0] for r in single if not r.total_right])} |",
        f"| places printing the total, >= 2: best of them | "
        f"{_span([max(r.places) for r in readings if len(r.places) > 1 and r.total_right])} | "
        f"{_span([max(r.places) for r in readings if len(r.places) > 1 and not r.total_right])} |",
        f"| total not printed as read | {sum(r.total_right for r in none)} | {sum(not r.total_right for r in none)} |",
        f"| extractor total confidence | {_span([r.total_conf for r in readings if r.total_right])} "
        f"| {_span([r.total_conf for r in readings if not r.total_right])} |",
        f"| lost decimal mark | {sum(r.lost_decimal and r.total_right for r in readings)} "
        f"| {sum(r.lost_decimal and not r.total_right for r in readings)} |",
        f"| uncorroborated cap | {sum(r.uncorroborated and r.total_right for r in readings)} "
        f"| {sum(r.uncorroborated and not r.total_right for r in readings)} |",
        f"| labelled amounts reach the total | {sum(r.labelled_sum and r.total_right for r in readings)} "
        f"| {sum(r.labelled_sum and not r.total_right for r in readings)} |",
        f"| items above the total reach it | {sum(r.items_sum and r.total_right for r in readings)} "
        f"| {sum(r.items_sum and not r.total_right for r in readings)} |",
    ]
    out += [
        "",
        "| document | total | date | date conf | places | total conf | flags |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in readings:
        out.append(
            f"| {r.name} | {'ok' if r.total_right else 'WRONG'} | "
            f"{'-' if r.date_right is None else 'ok' if r.date_right else 'WRONG'}"
            f"{' (repaired)' if r.date_repaired else ''} | "
            f"{'-' if r.date_conf is None else f'{r.date_conf:.2f}'} | "
            f"{' '.join(f'{p:.2f}' for p in r.places) or ('text page' if r.printed_elsewhere else 'none')} | "
            f"{r.total_conf:.2f}{' lost-decimal' if r.lost_decimal else ''}"
            f"{' uncorroborated' if r.uncorroborated else ''} | {' '.join(r.flags)} |"
        )
    return out


def digit_report(digits: Digits) -> list[str]:
    right = sorted(digits.right)
    out = [
        "",
        f"digit words read exactly: {len(right)}; lowest {right[:8] if right else '-'}",
        "share of right digit words under 0.5/0.6/0.7/0.8/0.9: "
        + " / ".join(f"{sum(c < t for c in right)}" for t in (0.5, 0.6, 0.7, 0.8, 0.9)),
        f"digit words misread: {len(digits.wrong)}",
        "| confidence | read | printed |",
        "|---|---|---|",
    ]
    out += [f"| {c:.3f} | {read} | {printed} |" for c, read, printed in sorted(digits.wrong, reverse=True)]
    return out


@dataclass(frozen=True)
class Thresholds:
    date: float = review.DATE_MIN_CONFIDENCE
    single_place: float = review.SINGLE_PLACE_MIN_CONFIDENCE
    total: float = 0.5  # decide.py: a total confidence under this is review
    not_printed: bool = True


def flagged(r: Reading, t: Thresholds) -> bool:
    """Whether `r` goes to review under thresholds `t`: its other reading flags stay as they were."""
    if any(f != "low_confidence" for f in r.flags):
        return True
    return (
        (r.date_conf is not None and r.date_conf < t.date)
        or (len(r.places) == 1 and r.places[0] < t.single_place and not (r.labelled_sum or r.items_sum))
        or (t.not_printed and not r.places and not r.printed_elsewhere)
        or r.total_conf < t.total
        or r.lost_decimal
    )


def wrong(r: Reading) -> bool:
    return not r.total_right or r.date_right is False


def outcome(readings: Sequence[Reading], t: Thresholds) -> tuple[int, int]:
    """(right readings sent to review, wrong readings not sent to review) under `t`."""
    return (
        sum(flagged(r, t) for r in readings if not wrong(r)),
        sum(not flagged(r, t) for r in readings if wrong(r)),
    )


def sweep(readings: Sequence[Reading]) -> list[str]:
    """For each threshold, the others as they are: the lowest value that leaves no wrong reading
    silent (the fewest right ones flagged with every wrong one flagged), and both counts around it."""
    now = Thresholds()
    steps = [round(0.01 * i, 2) for i in range(101)]
    out = [
        "",
        "| threshold | now: right flagged / wrong silent | lowest with none silent | right flagged there |",
    ]
    out.append("|---|---|---|---|")
    for name in ("date", "single_place", "total"):
        lowest = next((v for v in steps if outcome(readings, _at(now, name, v))[1] == 0), None)
        there = "-" if lowest is None else outcome(readings, _at(now, name, lowest))[0]
        out.append(f"| {name} {getattr(now, name)} | {outcome(readings, now)} | {lowest} | {there} |")
    off = replace(now, not_printed=False)
    out.append(f"| not printed as read, dropped | {outcome(readings, off)} | - | - |")
    return out


def _at(now: Thresholds, name: str, value: float) -> Thresholds:
    """`now` with the threshold called `name` set to `value`."""
    if name == "date":
        return replace(now, date=value)
    if name == "single_place":
        return replace(now, single_place=value)
    return replace(now, total=value)


def save(readings: Sequence[Reading], path: Path) -> None:
    path.write_text("\n".join(json.dumps(asdict(r)) for r in readings) + "\n", encoding="utf-8")


def load(paths: Iterable[Path]) -> list[Reading]:
    return [
        Reading(**json.loads(line))
        for path in paths
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def main(argv: list[str]) -> int:
    """corpus [SAVE] | synthetic [N [SEED [SAVE [FADED_MARKS [TAXED]]]]] | sweep SAVED..."""
    what = argv[1] if len(argv) > 1 else "corpus"
    if what == "sweep":
        readings = load(Path(p) for p in argv[2:])
        print("\n".join(report(readings)[:12] + sweep(readings)))
        return 0
    if what == "corpus":
        readings, extra = corpus_readings(), []
        target = argv[2] if len(argv) > 2 else None
    else:
        count = int(argv[2]) if len(argv) > 2 else 120
        seed, faded = int(argv[3]) if len(argv) > 3 else 7, float(argv[5]) if len(argv) > 5 else 0.15
        taxed = float(argv[6]) if len(argv) > 6 else 0.0
        readings, digits = synthetic_readings(count, seed=seed, faded_marks=faded, taxed=taxed)
        extra, target = digit_report(digits), argv[4] if len(argv) > 4 else None
    print("\n".join(report(readings) + sweep(readings) + extra))
    if target:
        save(readings, Path(target))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
