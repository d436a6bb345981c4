"""Receipts photographed badly: the damage real phone photos carry that the other rendered sets lack.

`synthetic_dates` and `ocr_calibration` render flat pages with blur, JPEG, small rotations, low
contrast and fading. A phone photo brings more: the paper at an angle (keystone), the receipt small
in a frame of table or a dark cloth, a shadow across the text, curved or crumpled paper, few pixels,
heavy compression, half the thermal print faded, a thumb over a corner, and a picture upside down
with no EXIF to turn it (and, only when asked for with `--kinds`, a frame that cuts a side off). This renders receipts of four layouts (till receipt, restaurant bill with
a tip line, card slip, A4 invoice photographed) in seven languages, applies one damage each from a
fixed seed, reads them through the service's own OCR and invoice reader, and reports per damage
kind, for the total, the date and the vendor: right / wrong but flagged for review / SILENTLY
wrong / unread.

`python -m tests.eval.photo_damage [--n 100] [--seed 31] [--cache DIR] [--misses] [--kinds a,b]`

OCR words are cached per image in DIR (keyed by its bytes), so a change to the field reading or
to the doubt checks re-runs in seconds; a change to the OCR engine or its preprocessing needs a
fresh DIR. A dev tool, run by hand: one image costs 1-4 CPU seconds.
"""

from __future__ import annotations

import argparse
import math
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from reimburse.domain.verdict.invoice import Invoice
from tests.eval.synthetic_dates import CachedOcrReader, read_receipt
from tests.image_factory import encode

_FONTS = Path("/usr/share/fonts/truetype")
_FACES = (
    "dejavu/DejaVuSans.ttf",
    "dejavu/DejaVuSansMono.ttf",
    "liberation/LiberationMono-Regular.ttf",
    "liberation/LiberationSans-Regular.ttf",
    "dejavu/DejaVuSansCondensed.ttf",
)


@dataclass(frozen=True)
class Words:
    """A language's receipt vocabulary (written for this set, not copied from any receipt)."""

    code: str
    currency: str
    money: str  # "{}" is the amount with the language's decimal mark
    comma: bool  # decimal comma
    date: Callable[[date], str]
    total: str
    subtotal: str
    tip: str
    tax: str
    card: str
    approved: str
    invoice: str
    inv_date: str
    table: str
    thanks: str
    vendors: tuple[str, ...]
    streets: tuple[str, ...]
    items: tuple[str, ...]


LANGS = (
    Words(
        "en_gb",
        "GBP",
        "£{}",
        False,
        lambda d: d.strftime("%d/%m/%Y"),
        "TOTAL",
        "Subtotal",
        "Gratuity",
        "VAT 20%",
        "CARD PAYMENT",
        "AUTHORISED",
        "INVOICE",
        "Invoice date:",
        "Table",
        "Thank you, see you soon",
        ("Millbrook Tea Rooms", "Kestrel Hardware Ltd", "The Copper Kettle"),
        ("22 Bridge Street, York YO1 6DA", "5 Mill Lane, Bath BA2 4BG"),
        ("Scone", "Tea pot", "Toastie", "Soup of day", "Flapjack", "Screws 4x40"),
    ),
    Words(
        "en_us",
        "USD",
        "${}",
        False,
        lambda d: d.strftime("%m/%d/%Y"),
        "TOTAL",
        "Subtotal",
        "Tip",
        "Sales Tax",
        "CREDIT CARD SALE",
        "APPROVED",
        "INVOICE",
        "Invoice Date:",
        "Table",
        "Thanks for stopping by",
        ("Redwood Grill House", "Pinecrest Office Supply", "Lakeside Taqueria"),
        ("410 Market St, Denver, CO 80202", "77 Elm Ave, Portland, OR 97205"),
        ("Burger", "Iced tea", "Fish tacos", "Printer paper", "Nachos", "Lemonade"),
    ),
    Words(
        "de",
        "EUR",
        "{} EUR",
        True,
        lambda d: d.strftime("%d.%m.%Y"),
        "SUMME",
        "Zwischensumme",
        "Trinkgeld",
        "MwSt 19%",
        "KARTENZAHLUNG",
        "GENEHMIGT",
        "RECHNUNG",
        "Rechnungsdatum:",
        "Tisch",
        "Vielen Dank für Ihren Besuch",
        ("Gasthaus Zum Hirschen", "Eisenwaren Krüger GmbH", "Café Kranzler Eck"),
        ("Lindenallee 8, 50667 Köln", "Marktplatz 3, 80331 München"),
        ("Schnitzel", "Apfelschorle", "Brezel", "Kaffee", "Spätzle", "Schrauben"),
    ),
    Words(
        "fr",
        "EUR",
        "{} €",
        True,
        lambda d: d.strftime("%d/%m/%Y"),
        "TOTAL TTC",
        "Sous-total",
        "Pourboire",
        "TVA 10%",
        "PAIEMENT CARTE",
        "ACCEPTE",
        "FACTURE",
        "Date de facture :",
        "Table",
        "Merci de votre visite",
        ("Bistrot des Halles", "Quincaillerie Moreau", "Le Petit Zinc"),
        ("12 rue Lepic, 75018 Paris", "3 place Bellecour, 69002 Lyon"),
        ("Croque-monsieur", "Café crème", "Salade niçoise", "Eau minérale", "Tarte", "Vis"),
    ),
    Words(
        "es",
        "EUR",
        "{} €",
        True,
        lambda d: d.strftime("%d/%m/%Y"),
        "TOTAL",
        "Subtotal",
        "Propina",
        "IVA 10%",
        "PAGO CON TARJETA",
        "APROBADA",
        "FACTURA",
        "Fecha factura:",
        "Mesa",
        "Gracias por su visita",
        ("Taberna La Bodeguilla", "Ferretería Ortiz S.L.", "Cafetería Alameda"),
        ("Calle Serrano 14, 28001 Madrid", "Av. Diagonal 90, 08019 Barcelona"),
        ("Tortilla", "Caña", "Croquetas", "Café con leche", "Pulpo", "Tornillos"),
    ),
    Words(
        "it",
        "EUR",
        "EUR {}",
        True,
        lambda d: d.strftime("%d/%m/%Y"),
        "TOTALE",
        "Subtotale",
        "Mancia",
        "IVA 22%",
        "PAGAMENTO CARTA",
        "AUTORIZZATO",
        "FATTURA",
        "Data fattura:",
        "Tavolo",
        "Grazie e arrivederci",
        ("Osteria del Ponte", "Ferramenta Bianchi Srl", "Bar Centrale"),
        ("Via Garibaldi 7, 10122 Torino", "Corso Italia 31, 50123 Firenze"),
        ("Cappuccino", "Lasagne", "Acqua", "Tiramisù", "Cornetto", "Viti"),
    ),
    Words(
        "nl",
        "EUR",
        "€ {}",
        True,
        lambda d: d.strftime("%d-%m-%Y"),
        "TOTAAL",
        "Subtotaal",
        "Fooi",
        "BTW 9%",
        "PINBETALING",
        "GOEDGEKEURD",
        "FACTUUR",
        "Factuurdatum:",
        "Tafel",
        "Bedankt en tot ziens",
        ("Eetcafé Het Anker", "IJzerwaren Visser BV", "Brasserie De Molen"),
        ("Oudegracht 45, 3511 AB Utrecht", "Grote Markt 2, 9711 LV Groningen"),
        ("Tosti", "Koffie", "Bitterballen", "Appeltaart", "Soep", "Schroeven"),
    ),
)
LAYOUTS = ("till", "restaurant", "card slip", "A4 invoice")


@dataclass(frozen=True)
class Truth:
    total: Decimal
    date: date
    vendor: str
    currency: str


def _amount(value: Decimal, lang: Words) -> str:
    text = f"{value:,.2f}"
    if lang.comma:
        text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    return lang.money.format(text)


Row = str | tuple[str, str]


def receipt_rows(layout: str, lang: Words, rng: random.Random) -> tuple[list[Row], Truth, int]:
    """The text rows of a receipt (a (label, amount) pair is set in two columns), its truth, and
    the row index of the vendor (printed larger)."""
    vendor = rng.choice(lang.vendors)
    when = date(rng.randint(2021, 2025), rng.randint(1, 12), rng.randint(1, 28))
    printed = lang.date(when)
    clock = f"{rng.randint(8, 21):02d}:{rng.randint(0, 59):02d}"
    items = rng.sample(lang.items, 3)
    prices = [Decimal(rng.randint(180, 2490)) / 100 for _ in items]
    subtotal = sum(prices, Decimal(0))
    street = rng.choice(lang.streets)
    rows: list[Row] = [vendor, street]
    if layout == "till":
        total = subtotal
        rows += [f"{printed} {clock}   #{rng.randint(1000, 9999)}"]
        rows += [(f"1 x {i}", _amount(p, lang)) for i, p in zip(items, prices, strict=True)]
        rows += [(lang.total, _amount(total, lang)), lang.tax, lang.thanks]
    elif layout == "restaurant":
        tip = (subtotal * Decimal(rng.choice((10, 12, 15))) / 100).quantize(Decimal("0.01"))
        total = subtotal + tip
        rows += [f"{lang.table} {rng.randint(1, 30)}   {printed}   {clock}"]
        rows += [(f"1 {i}", _amount(p, lang)) for i, p in zip(items, prices, strict=True)]
        rows += [(lang.subtotal, _amount(subtotal, lang)), (lang.tip, _amount(tip, lang))]
        rows += [(lang.total, _amount(total, lang)), lang.tax, lang.thanks]
    elif layout == "card slip":
        total = subtotal
        rows += [lang.card, f"VISA  **** **** **** {rng.randint(1000, 9999)}", f"{printed}  {clock}"]
        rows += [(lang.total, _amount(total, lang)), lang.approved, f"AUTH {rng.randint(100000, 999999)}"]
        rows += [lang.thanks]
    else:  # A4 invoice
        total = subtotal
        rows += [
            lang.invoice,
            f"No. {rng.randint(2021, 2025)}-{rng.randint(100, 999)}",
            f"{lang.inv_date} {printed}",
        ]
        rows += [""]
        rows += [(f"{i}   1", _amount(p, lang)) for i, p in zip(items, prices, strict=True)]
        rows += ["", (lang.total, _amount(total, lang)), lang.tax, "", lang.thanks]
    return rows, Truth(total, when, vendor, lang.currency), 0


def render_paper(rows: list[Row], layout: str, rng: random.Random) -> Image.Image:
    """The receipt on white paper, flat and sharp."""
    size = rng.randint(24, 30)
    face = ImageFont.truetype(str(_FONTS / rng.choice(_FACES)), size)
    big = ImageFont.truetype(str(_FONTS / "dejavu/DejaVuSans-Bold.ttf"), int(size * 1.25))
    width = 1240 if layout == "A4 invoice" else rng.randint(600, 680)
    step = int(size * 1.7)
    height = step * len(rows) + 3 * size
    if layout == "A4 invoice":
        height = max(height + 200, int(width * 1.414))
    paper = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(paper)
    top = size + (80 if layout == "A4 invoice" else 0)
    for i, row in enumerate(rows):
        y = top + i * step
        if isinstance(row, tuple):
            right = width - size - (200 if layout == "A4 invoice" else 0)
            draw.text((size + (60 if layout == "A4 invoice" else 0), y), row[0], fill="black", font=face)
            draw.text((right - draw.textlength(row[1], font=face), y), row[1], fill="black", font=face)
        elif i == 0:  # the vendor, larger and centred (A4: left)
            x = 60 if layout == "A4 invoice" else (width - draw.textlength(row, font=big)) / 2
            draw.text((x, y), row, fill="black", font=big)
        else:
            x = size + (60 if layout == "A4 invoice" else 0)
            draw.text((x, y), row, fill="black", font=face)
    return paper


# -- damage -------------------------------------------------------------------------------------


def _table(size: tuple[int, int], rng: random.Random, dark: bool = False) -> Image.Image:
    """A background: wood-like grain, a grey desk, or a dark cloth, with some noise."""
    w, h = size
    g = np.random.default_rng(rng.randint(0, 2**31))
    if dark:
        base = np.full((h, w, 3), rng.randint(25, 55), np.float32)
    elif rng.random() < 0.5:  # grain
        ys = np.arange(h, dtype=np.float32)[:, None]
        xs = np.arange(w, dtype=np.float32)[None, :]
        grain = 20 * np.sin(xs / rng.uniform(9, 19) + 3 * np.sin(ys / rng.uniform(60, 140)))
        base = np.stack([150 + grain, 105 + grain * 0.8, 65 + grain * 0.6], axis=-1)
    else:
        base = np.full((h, w, 3), rng.randint(120, 170), np.float32)
    base += g.normal(0, 8, (h, w, 1))
    return Image.fromarray(np.clip(base, 0, 255).astype(np.uint8))


def _on_table(paper: Image.Image, rng: random.Random, share: float, dark: bool = False) -> Image.Image:
    """`paper` lying on a table, its width `share` of the frame (3:4 portrait frame)."""
    fw = int(paper.width / share)
    fh = max(int(fw * 4 / 3), int(paper.height * 1.08))
    frame = _table((fw, fh), rng, dark)
    frame.paste(paper, ((fw - paper.width) // 2, (fh - paper.height) // 2))
    return frame


def _warp_quad(image: Image.Image, dst: np.ndarray, size: tuple[int, int], bg: Image.Image) -> Image.Image:
    import cv2

    src = np.float32([[0, 0], [image.width, 0], [image.width, image.height], [0, image.height]])
    matrix = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    out = cv2.warpPerspective(np.asarray(image), matrix, size, flags=cv2.INTER_LINEAR, borderValue=(0, 0, 0))
    mask = cv2.warpPerspective(np.full((image.height, image.width), 255, np.uint8), matrix, size)
    return Image.composite(Image.fromarray(out), bg, Image.fromarray(mask))


def perspective(paper: Image.Image, rng: random.Random) -> Image.Image:
    """Photographed at an angle: the far edge narrower (keystone), the paper a little turned."""
    w, h = paper.size
    fw, fh = int(w * 1.3), int(max(h * 1.15, w * 1.3 * 4 / 3))
    squeeze = rng.uniform(0.12, 0.22) * w
    tilt = rng.uniform(-0.04, 0.04) * h
    x0, y0 = (fw - w) / 2, (fh - h) / 2
    if rng.random() < 0.5:  # top edge farther away
        dst = np.array(
            [[x0 + squeeze, y0 + tilt], [x0 + w - squeeze, y0 - tilt], [x0 + w, y0 + h], [x0, y0 + h]]
        )
    else:  # one side farther away
        dst = np.array(
            [[x0, y0], [x0 + w, y0 + squeeze * 0.6], [x0 + w, y0 + h - squeeze * 0.6], [x0, y0 + h]]
        )
    return _warp_quad(paper, dst, (fw, fh), _table((fw, fh), rng))


def small_on_table(paper: Image.Image, rng: random.Random) -> Image.Image:
    """The receipt a third to a half of the frame's width, on grain, a desk or a dark cloth."""
    return _on_table(paper, rng, rng.uniform(0.32, 0.5), dark=rng.random() < 0.5)


def shadow(paper: Image.Image, rng: random.Random) -> Image.Image:
    """A hard-edged shadow (a phone or hand) across part of the text, over uneven light."""
    w, h = paper.size
    arr = np.asarray(paper).astype(np.float32)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    light = 1.0 - rng.uniform(0.2, 0.35) * (xs / w if rng.random() < 0.5 else 1 - xs / w)
    angle = rng.uniform(-0.5, 0.5)
    edge = (ys - h * rng.uniform(0.3, 0.6)) * math.cos(angle) + (xs - w / 2) * math.sin(angle)
    soft = 1 / (1 + np.exp(np.clip(-edge / rng.uniform(4, 14), -50, 50)))
    dim = 1.0 - rng.uniform(0.5, 0.65) * soft
    return Image.fromarray(np.clip(arr * (light * dim)[..., None], 0, 255).astype(np.uint8))


def curved(paper: Image.Image, rng: random.Random) -> Image.Image:
    """Curled or crumpled paper: a smooth vertical displacement that bends the lines."""
    import cv2

    w, h = paper.size
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    amp = rng.uniform(5, 10)
    wave = amp * np.sin(xs / w * math.pi * rng.uniform(1.0, 2.0) + rng.uniform(0, math.pi))
    wave += rng.uniform(3, 6) * np.sin(ys / h * math.pi * rng.uniform(2, 4))
    out = cv2.remap(np.asarray(paper), xs, ys + wave, cv2.INTER_LINEAR, borderValue=(255, 255, 255))
    return _on_table(Image.fromarray(out), rng, 0.85)


def low_resolution(paper: Image.Image, rng: random.Random) -> Image.Image:
    """The receipt 400-700 px wide (a thumbnail, a messaging app's copy)."""
    width = rng.randint(400, 700) if paper.width > 900 else rng.randint(400, 520)
    scale = width / paper.width
    return paper.resize((width, int(paper.height * scale)), Image.Resampling.BILINEAR)


def heavy_jpeg(paper: Image.Image, rng: random.Random) -> Image.Image:
    return paper.filter(ImageFilter.GaussianBlur(0.6))  # the encoding (quality 8-20) is the damage


def half_faded(paper: Image.Image, rng: random.Random) -> Image.Image:
    """Thermal print faded on one half (top, bottom or a side): ink at 15-30% of its strength."""
    w, h = paper.size
    arr = np.asarray(paper.convert("L")).astype(np.float32)
    keep = rng.uniform(0.15, 0.3)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    side = rng.choice(("top", "bottom", "left", "right"))
    t = {"top": 1 - ys / h, "bottom": ys / h, "left": 1 - xs / w, "right": xs / w}[side]
    strength = 1 - (1 - keep) * np.clip((t - 0.4) / 0.2, 0, 1)  # full ink up to 40%, faded past 60%
    faded = 255 - (255 - arr) * strength
    tone = np.stack([faded, faded * 0.99, faded * 0.93], axis=-1)
    return Image.fromarray(np.clip(tone, 0, 255).astype(np.uint8))


def thumb(paper: Image.Image, rng: random.Random) -> Image.Image:
    """A thumb (or a cup) over one corner of the receipt."""
    frame = _on_table(paper, rng, 0.8)
    left, top = (frame.width - paper.width) // 2, (frame.height - paper.height) // 2
    draw = ImageDraw.Draw(frame)
    r = rng.uniform(0.09, 0.14) * paper.width
    cx = left + rng.choice((0, paper.width))
    cy = top + rng.choice((0, paper.height))
    colour = (rng.randint(190, 225), rng.randint(140, 170), rng.randint(115, 140))
    draw.ellipse((cx - r, cy - 1.6 * r, cx + r, cy + 1.6 * r), fill=colour)
    return frame


def upside_down(paper: Image.Image, rng: random.Random) -> Image.Image:
    """Taken upside down; the file has no EXIF orientation to put it right."""
    return _on_table(paper, rng, 0.85).rotate(180)


def clean(paper: Image.Image, rng: random.Random) -> Image.Image:
    return _on_table(paper, rng, 0.85)


def frame_cut(paper: Image.Image, rng: random.Random) -> Image.Image:
    """Framed too tight: the picture's edge cuts 5-11% off the receipt's left or right side, so the
    lines there lose their first or last characters (a label's start, an amount's end)."""
    frame = _on_table(paper, rng, 0.85)
    left = (frame.width - paper.width) // 2
    cut = int(rng.uniform(0.05, 0.11) * paper.width)
    if rng.random() < 0.5:
        return frame.crop((left + cut, 0, frame.width, frame.height))
    return frame.crop((0, 0, left + paper.width - cut, frame.height))


DAMAGES: dict[str, Callable[[Image.Image, random.Random], Image.Image]] = {
    "clean (on table)": clean,
    "perspective": perspective,
    "small on background": small_on_table,
    "shadow": shadow,
    "curved paper": curved,
    "low resolution": low_resolution,
    "heavy jpeg 8-20": heavy_jpeg,
    "half faded": half_faded,
    "thumb over corner": thumb,
    "upside down": upside_down,
}
# Kinds drawn only when asked for (`--kinds`): the default set, and so every seed's figures, stay as
# they were.
EXTRA_DAMAGES: dict[str, Callable[[Image.Image, random.Random], Image.Image]] = {"frame cut": frame_cut}


@dataclass(frozen=True)
class Sample:
    index: int
    lang: str
    layout: str
    damage: str
    truth: Truth
    data: bytes


def samples(n: int, seed: int, kinds: tuple[str, ...] = tuple(DAMAGES)) -> list[Sample]:
    """`n` receipts cycling through damage kinds, layouts and languages, the rest from `seed`."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        damage = kinds[i % len(kinds)]
        layout = LAYOUTS[(i // len(kinds)) % len(LAYOUTS)]
        lang = LANGS[(i // len(kinds) + i) % len(LANGS)]
        rows, truth, _ = receipt_rows(layout, lang, rng)
        photo = (DAMAGES | EXTRA_DAMAGES)[damage](render_paper(rows, layout, rng), rng)
        quality = rng.randint(8, 20) if damage.startswith("heavy jpeg") else rng.randint(80, 92)
        out.append(Sample(i, lang.code, layout, damage, truth, encode(photo, "JPEG", quality=quality)))
    return out


# -- reading and scoring --------------------------------------------------------------------------

FIELDS = ("total", "date", "vendor", "currency")
KINDS = ("right", "flagged", "SILENT", "unread")


# The doubt check behind each reading flag, told by its message (review.py, decide.py): the flag
# code alone cannot say which check sent a right reading to review.
CHECKS = (
    ("digits OCR was unsure of", "date unsure"),
    ("one digit before a padded field", "date cut day"),
    ("printed once on the photo or scan and OCR was unsure", "total printed once, unsure"),
    ("is not printed as such", "total not printed"),
    ("whose label was cut", "cut label over total"),
    ("only on a tax or tip line", "total only on a tax or tip line"),
    ("labels and amounts may have been paired across rows", "part over total"),
    ("printed with one decimal", "short cents"),
    ("printed without decimals", "lost decimal mark"),
    ("The total was read with low confidence", "total confidence < 0.5"),
)


def checks_fired(messages: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """The checks that raised reading flags given as (code, message): a review.py check by name,
    any other reading flag by its code."""
    from tests.eval.invoice_eval import READING_FLAGS

    out = []
    for code, message in messages:
        if code not in READING_FLAGS:
            continue
        names = [name for phrase, name in CHECKS if phrase in message]
        out.append(names[0] if names else code)
    return tuple(dict.fromkeys(out))


@dataclass
class Outcome:
    sample: Sample
    got: dict[str, object]
    review: bool
    flags: tuple[str, ...]
    text: str
    checks: tuple[str, ...] = ()  # `checks_fired`

    def kind(self, name: str) -> str:
        got, want = self.got.get(name), getattr(self.sample.truth, name)
        if got is None or got == "":
            return "unread"
        right = same_vendor(str(got), str(want)) if name == "vendor" else got == want
        if right:
            return "right"
        return "flagged" if self.review else "SILENT"


def same_vendor(got: str, want: str) -> bool:
    from tests.eval.invoice_eval import same_vendor as same

    return same(got, want)


def run(batch: list[Sample], cache: Path | None) -> list[Outcome]:
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    reader = CachedOcrReader(cache)
    out = []
    for s in batch:
        invoice, flags, flagged, text = read_receipt(reader, s.data, f"photo-{s.index}.jpg", s.truth.currency)
        got: dict[str, object] = {}
        checks: tuple[str, ...] = ("error",) if invoice is None else ()
        if invoice is not None:
            checks = checks_fired(messages(invoice, s.truth.currency))
            got = {
                "total": invoice.total,
                "date": invoice.invoice_date,
                "vendor": invoice.vendor,
                "currency": invoice.currency,
            }
        out.append(Outcome(s, got, flagged, flags, text, checks))
    return out


def messages(invoice: Invoice, currency: str) -> list[tuple[str, str]]:
    """The verdict's flags as (code, message), judged as `read_receipt` judges them."""
    from reimburse.domain.verdict.decide import Claim, decide
    from tests.eval.invoice_eval import FAR_FUTURE, _open_policy

    verdict = decide(_open_policy(currency), invoice, Claim(employee_name="", submitted_on=FAR_FUTURE))
    return [(str(f.code), f.message) for f in verdict.flags]


def by_check(outcomes: list[Outcome]) -> list[str]:
    """Per check: the readings it sent to review whose total and date were right (false review) and
    those with a wrong total or date (caught). A reading flagged by two checks counts for each;
    "alone" counts those only that check flagged."""
    right: Counter[str] = Counter()
    right_alone: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    caught_alone: Counter[str] = Counter()
    for o in outcomes:
        if not o.review:
            continue
        clean = all(o.kind(f) == "right" for f in ("total", "date"))
        for check in o.checks:
            (right if clean else caught)[check] += 1
            if len(o.checks) == 1:
                (right_alone if clean else caught_alone)[check] += 1
    rows = [
        "| check | right but flagged (alone) | wrong, flagged (alone) |",
        "|---|---|---|",
    ]
    for check in sorted(set(right) | set(caught), key=lambda c: (-right[c], c)):
        rows.append(
            f"| {check} | {right[check]} ({right_alone[check]}) | {caught[check]} ({caught_alone[check]}) |"
        )
    return rows


def table(outcomes: list[Outcome], key: Callable[[Sample], str], title: str) -> list[str]:
    """Per group and field: right / wrong but flagged / silently wrong / unread."""
    groups: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for o in outcomes:
        for name in FIELDS:
            for group in (key(o.sample), "all"):
                groups[group][name][o.kind(name)] += 1
    head = " | ".join(FIELDS)
    rows = [
        f"| {title} | n | {head} | clean ones flagged |",
        "|---|---|" + "---|" * len(FIELDS) + "---|",
    ]
    for name, fields in sorted(groups.items(), key=lambda kv: (kv[0] == "all", kv[0])):
        members = [o for o in outcomes if name == "all" or key(o.sample) == name]
        n = len(members)
        clean = [o for o in members if all(o.kind(f) == "right" for f in ("total", "date"))]
        cells = ["/".join(str(fields[f][k]) for k in KINDS) for f in FIELDS]
        flagged = sum(o.review for o in clean)
        rows.append(f"| {name} | {n} | " + " | ".join(cells) + f" | {flagged}/{len(clean)} |")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=31)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--kinds", default="", help="comma-separated damage kinds (default: all)")
    parser.add_argument("--misses", action="store_true", help="print each silent or unread field")
    args = parser.parse_args()
    kinds = tuple(k for k in args.kinds.split(",") if k) or tuple(DAMAGES)
    outcomes = run(samples(args.n, args.seed, kinds), args.cache)
    print("cells: right/flagged/SILENT/unread; 'clean ones flagged': total and date right, yet review\n")
    for key, title in ((lambda s: s.damage, "damage"), (lambda s: s.layout, "layout")):
        print("\n".join(table(outcomes, key, title)), end="\n\n")
    print("\n".join(by_check(outcomes)), end="\n\n")
    if args.misses:
        for o in outcomes:
            bad = [f for f in FIELDS if o.kind(f) in {"SILENT", "unread"}]
            if o.review and all(o.kind(f) == "right" for f in ("total", "date")):
                s = o.sample
                print(
                    f"#{s.index} {s.damage} / {s.layout} / {s.lang}: right but review, "
                    f"checks={','.join(o.checks)}"
                )
            if bad:
                s = o.sample
                print(
                    f"#{s.index} {s.damage} / {s.layout} / {s.lang}: "
                    + "; ".join(
                        f"{f} want {getattr(s.truth, f)!r} got {o.got.get(f)!r} ({o.kind(f)})" for f in bad
                    )
                    + f"  checks={','.join(o.checks)}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
