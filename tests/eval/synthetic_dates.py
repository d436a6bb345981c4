"""Invoice dates on synthetic receipt photos, read through the service's own OCR and reader (issue 12).

The corpus has 25 development images and no date miss left among them, so this measures the date
reading on a larger sample of receipts drawn here: several languages, the date formats receipts
print, the date after a label, in a header line with other text or alone, and the damage phone
photos and thermal paper bring. Every image is drawn from a fixed seed, so runs are comparable.

`python -m tests.eval.synthetic_dates [--n 240] [--seed 12] [--cache DIR] [--misses]`

The OCR words of each image are cached in DIR (keyed by the image's bytes), so a run after a change
to the date reading (date repair, line building, field reading) costs seconds instead of minutes;
a change to the OCR engine itself needs a fresh DIR. Results per format, per damage kind and per
placement: right, wrong but sent to review, silently wrong, and no date read.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import pickle
import random
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont

from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from tests.image_factory import encode

_FONTS = Path("/usr/share/fonts/truetype")
_FACES = (
    "dejavu/DejaVuSans.ttf",
    "dejavu/DejaVuSansMono.ttf",
    "liberation/LiberationMono-Regular.ttf",
    "liberation/LiberationSans-Regular.ttf",
    "dejavu/DejaVuSansCondensed.ttf",
)


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split())


@dataclass(frozen=True)
class Lang:
    code: str
    label: str  # the date's label
    vendor: str
    address: str
    total: str  # the total's label
    tax: str
    money: str  # how an amount is printed: "{:.2f}" with its currency around it
    months: tuple[str, ...]  # long month names for "12 March 2023"-style dates
    long_date: str  # "{d} {m} {y}" in the language's order and words
    header: str  # a header line around the date: "{date}" is replaced
    due: str  # the label of a due date


_EN_MONTHS = _names("January February March April May June July August September October November December")
LANGS = {
    "en_gb": Lang(
        "en_gb",
        "Date:",
        "THE CORNER CAFE",
        "14 High Street, Leeds LS1 4DY",
        "TOTAL",
        "VAT 20% incl.",
        "£{}",
        _EN_MONTHS,
        "{d} {m} {y}",
        "Till 2  Rcpt 0481  {date}",
        "Due date:",
    ),
    "en_us": Lang(
        "en_us",
        "Date:",
        "BLUE BONNET DINER",
        "820 Congress Ave, Austin, TX 78701",
        "TOTAL",
        "Sales Tax 8.25%",
        "${}",
        _EN_MONTHS,
        "{m} {d}, {y}",
        "Server: Amy  Table 7  {date}",
        "Due date:",
    ),
    "de": Lang(
        "de",
        "Datum:",
        "Bäckerei Sonnenschein",
        "Hauptstraße 12, 10115 Berlin",
        "SUMME EUR",
        "MwSt 7%",
        "{} EUR",
        _names("Januar Februar März April Mai Juni Juli August September Oktober November Dezember"),
        "{d}. {m} {y}",
        "Kasse 3  Bon 4711  {date}",
        "Fällig am:",
    ),
    "fr": Lang(
        "fr",
        "Date :",
        "Brasserie du Marché",
        "8 rue de la Paix, 75002 Paris",
        "TOTAL TTC",
        "TVA 10%",
        "{} €",
        _names("janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
        "{d} {m} {y}",
        "Caisse 1  Ticket 552  {date}",
        "Échéance :",
    ),
    "es": Lang(
        "es",
        "Fecha:",
        "Bar Restaurante El Puerto",
        "Calle Mayor 5, 28013 Madrid",
        "TOTAL",
        "IVA 10% incluido",
        "{} €",
        _names("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"),
        "{d} de {m} de {y}",
        "Caja 2  Ticket 0931  {date}",
        "Vencimiento:",
    ),
    "it": Lang(
        "it",
        "Data:",
        "Trattoria da Mario",
        "Via Roma 21, 00184 Roma",
        "TOTALE",
        "IVA 10%",
        "EUR {}",
        _names(
            "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"
        ),
        "{d} {m} {y}",
        "Cassa 1  Scontrino 77  {date}",
        "Scadenza:",
    ),
    "pt": Lang(
        "pt",
        "Data:",
        "Pastelaria Lisboa",
        "Rua Augusta 40, 1100-053 Lisboa",
        "TOTAL",
        "IVA 23%",
        "{} €",
        _names("janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"),
        "{d} de {m} de {y}",
        "Caixa 1  Fatura 2031  {date}",
        "Vencimento:",
    ),
    "nl": Lang(
        "nl",
        "Datum:",
        "Eetcafé De Gracht",
        "Prinsengracht 10, 1015 DV Amsterdam",
        "TOTAAL",
        "BTW 9%",
        "€ {}",
        _names("januari februari maart april mei juni juli augustus september oktober november december"),
        "{d} {m} {y}",
        "Kassa 2  Bon 318  {date}",
        "Vervaldatum:",
    ),
}

_SHORT = [m[:3] for m in _EN_MONTHS]


def _num(fmt: str) -> Callable[[date, Lang], str]:
    return lambda d, _lang: d.strftime(fmt)


# format name -> (how it prints a date, the languages whose receipts print it)
FORMATS: dict[str, tuple[Callable[[date, Lang], str], tuple[str, ...]]] = {
    "DD/MM/YYYY": (_num("%d/%m/%Y"), ("en_gb", "fr", "es", "it", "pt")),
    "DD.MM.YY": (_num("%d.%m.%y"), ("de",)),
    "DD.MM.YYYY": (_num("%d.%m.%Y"), ("de",)),
    "DD-MM-YYYY": (_num("%d-%m-%Y"), ("nl",)),
    "YYYY-MM-DD": (_num("%Y-%m-%d"), ("en_gb", "de", "fr", "nl")),
    "DD-Mon-YYYY": (lambda d, _l: f"{d.day:02d}-{_SHORT[d.month - 1]}-{d.year}", ("en_gb",)),
    "D Mon YYYY": (lambda d, _l: f"{d.day} {_SHORT[d.month - 1]} {d.year}", ("en_gb",)),
    "Mon D, YYYY": (lambda d, _l: f"{_SHORT[d.month - 1]} {d.day}, {d.year}", ("en_us",)),
    "DDMONYY": (lambda d, _l: f"{d.day:02d}{_SHORT[d.month - 1].upper()}{d.year % 100:02d}", ("en_gb",)),
    "MM/DD/YYYY (US)": (_num("%m/%d/%Y"), ("en_us",)),
    "long name": (
        lambda d, lang: lang.long_date.format(d=d.day, m=lang.months[d.month - 1], y=d.year),
        ("de", "fr", "es", "it", "pt", "nl"),
    ),
    "date + time": (
        lambda d, lang: d.strftime("%m/%d/%Y" if lang.code == "en_us" else "%d/%m/%Y") + " 14:22",
        ("en_gb", "en_us", "fr", "es", "it"),
    ),
    "DD.MM.YYYY + time": (lambda d, _l: d.strftime("%d.%m.%Y %H:%M").replace("00:00", "18:47"), ("de",)),
}
PLACEMENTS = ("label", "header", "alone", "label, then due date")
CURRENCIES = {"en_gb": "GBP", "en_us": "USD"}


def _plain(image: Image.Image, rng: random.Random) -> Image.Image:
    return image


def _small(image: Image.Image, rng: random.Random) -> Image.Image:
    scale = rng.uniform(0.33, 0.45)
    return image.resize((int(image.width * scale), int(image.height * scale)), Image.Resampling.BILINEAR)


def _blur(image: Image.Image, rng: random.Random) -> Image.Image:
    return image.filter(ImageFilter.GaussianBlur(rng.uniform(1.6, 2.4)))


def _rotate(image: Image.Image, rng: random.Random) -> Image.Image:
    angle = rng.choice((-1, 1)) * rng.uniform(1.0, 3.5)
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor="white")


def _low_contrast(image: Image.Image, rng: random.Random) -> Image.Image:
    return ImageEnhance.Contrast(image).enhance(rng.uniform(0.15, 0.25))


def _uneven(image: Image.Image, rng: random.Random) -> Image.Image:
    """A shadow across the page, darkest in one corner, as a phone held over the receipt casts."""
    shade = Image.linear_gradient("L").resize(image.size)
    if rng.random() < 0.5:
        shade = shade.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    shade = shade.rotate(rng.uniform(-40, 40), fillcolor=255)
    dark = Image.new("RGB", image.size, (70, 65, 60))
    mask = shade.point(lambda v: int(v * rng.uniform(0.6, 0.75)))
    return Image.composite(dark, image, mask)


def _phone(image: Image.Image, rng: random.Random) -> Image.Image:
    """A hand-held photo: turned a little, shaded, slightly out of focus (and saved as JPEG)."""
    turned = _rotate(image, rng).filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.1)))
    return _uneven(turned, rng)


def _faded(image: Image.Image, rng: random.Random) -> Image.Image:
    """Thermal paper fading: grey ink with dropped-out specks and a warm paper tone."""
    grey = image.convert("L")
    light = grey.point(lambda v: 255 - int((255 - v) * rng.uniform(0.3, 0.42)))
    specks = Image.effect_noise(image.size, 70).point(lambda v: 255 if v > 165 else 0)
    faded = Image.composite(Image.new("L", image.size, 250), light, specks)
    return Image.merge("RGB", (faded, faded, faded.point(lambda v: int(v * 0.93))))


DAMAGES: dict[str, Callable[[Image.Image, random.Random], Image.Image]] = {
    "clean": _plain,
    "small font": _small,
    "blur": _blur,
    "jpeg 30-60": _plain,  # the encoding is the damage
    "rotation": _rotate,
    "low contrast": _low_contrast,
    "uneven light": _uneven,
    "faded": _faded,
    "phone (combined)": _phone,
}


@dataclass(frozen=True)
class Sample:
    index: int
    lang: str
    fmt: str
    placement: str
    damage: str
    want: date
    date_text: str
    data: bytes


def _font(rng: random.Random, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(_FONTS / rng.choice(_FACES)), size)


def _lines(lang: Lang, date_line: str, rng: random.Random) -> list[str | tuple[str, str]]:
    items = rng.sample(["Coffee", "Sandwich", "Water", "Soup", "Salad", "Tea", "Cake", "Juice"], 3)
    prices = [rng.randint(150, 1490) / 100 for _ in items]
    total = sum(prices)
    lines: list[str | tuple[str, str]] = [lang.vendor, lang.address, date_line]
    lines += [(f"1 x {item}", lang.money.format(f"{p:.2f}")) for item, p in zip(items, prices, strict=True)]
    lines += [(lang.total, lang.money.format(f"{total:.2f}")), lang.tax, "Thank you!"]
    if lang.code not in {"en_gb", "en_us"}:
        lines[-1] = {"de": "Vielen Dank!", "fr": "Merci !", "es": "¡Gracias!", "it": "Grazie!"}.get(
            lang.code, "Obrigado!" if lang.code == "pt" else "Bedankt!"
        )
    return lines


def _draw(lines: list[str | tuple[str, str]], face: ImageFont.FreeTypeFont, width: int) -> Image.Image:
    size = int(face.size)
    height = int(size * 1.7)
    image = Image.new("RGB", (width, height * len(lines) + 2 * size), "white")
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        y = size + i * height
        if isinstance(line, tuple):
            draw.text((size, y), line[0], fill="black", font=face)
            draw.text(
                (width - size - draw.textlength(line[1], font=face), y), line[1], fill="black", font=face
            )
        else:
            draw.text((size, y), line, fill="black", font=face)
    return image


def samples(n: int, seed: int) -> list[Sample]:
    """`n` receipts cycling through formats, placements and damages, the rest drawn from `seed`."""
    rng = random.Random(seed)
    formats, damages = list(FORMATS), list(DAMAGES)
    out = []
    for i in range(n):
        fmt = formats[i % len(formats)]
        damage = damages[(i // len(formats)) % len(damages)]
        placement = PLACEMENTS[(i // (len(formats) * len(damages)) + i) % len(PLACEMENTS)]
        printer, langs = FORMATS[fmt]
        lang = LANGS[rng.choice(langs)]
        want = date(rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28))
        text = printer(want, lang)
        if placement.startswith("label"):
            line = f"{lang.label} {text}"
        elif placement == "header":
            line = lang.header.format(date=text)
        else:
            line = text
        lines = _lines(lang, line, rng)
        if placement == "label, then due date":  # a later date with a role of its own
            lines.insert(3, f"{lang.due} {printer(want + timedelta(days=14), lang)}")
        image = _draw(lines, _font(rng, rng.randint(24, 30)), 620)
        image = DAMAGES[damage](image, rng)
        quality = rng.randint(30, 60) if damage in {"jpeg 30-60", "phone (combined)"} else 90
        out.append(
            Sample(i, lang.code, fmt, placement, damage, want, line, encode(image, "JPEG", quality=quality))
        )
    return out


@dataclass
class Outcome:
    sample: Sample
    got: date | None
    review: bool  # a reading flag sends it to review
    flags: tuple[str, ...]
    text: str

    @property
    def kind(self) -> str:
        if self.got == self.sample.want:
            return "right, flagged" if self.review else "right"
        if self.got is None:
            return "none"
        return "wrong, flagged" if self.review else "SILENT wrong"


class CachedOcrReader:
    """The service's image reader with the engine's words cached per image (`--cache`)."""

    def __init__(self, cache: Path | None) -> None:
        from reimburse.adapters.ocr.rapidocr_document_reader import RapidOcrDocumentReader

        self.reader = RapidOcrDocumentReader()
        self.cache = cache

    def read(self, data: bytes, filename: str) -> Document:
        from reimburse.adapters.ocr import images
        from reimburse.adapters.ocr.layout import build_page
        from reimburse.adapters.ocr.rapidocr_document_reader import document_from_layout
        from reimburse.adapters.ocr.rapidocr_engine import recognise

        pages = []
        for number, (image, scale) in enumerate(images.pages(data, filename, 5), start=1):
            key = (
                self.cache / f"{hashlib.sha256(data).hexdigest()[:24]}-{number}.pickle"
                if self.cache
                else None
            )
            if key is not None and key.exists():
                words = pickle.loads(key.read_bytes())
            else:
                words = recognise(image, 1)
                if key is not None:
                    key.write_bytes(pickle.dumps(words))
            pages.append(build_page(words, number, image.width, image.height, scale))
        return document_from_layout(data, filename, tuple(pages))


def read_receipt(
    reader: CachedOcrReader, data: bytes, filename: str, currency: str
) -> tuple[Invoice | None, tuple[str, ...], bool, str]:
    """A rendered receipt through `reader` and the offline extractor, read under a policy with no
    currency (as the corpus evaluation) and judged under one in `currency`: (the invoice or None,
    the verdict's flags, whether a reading flag is among them, the document's text or the error).
    Only a reading flag counts: a category the policy lacks sends a receipt to review too."""
    from reimburse.adapters.heuristic.invoice_extractor import HeuristicInvoiceExtractor
    from reimburse.domain.errors import DocumentError, ExtractionError
    from reimburse.domain.verdict.decide import Claim, decide
    from tests.eval.invoice_eval import FAR_FUTURE, NO_CURRENCY, READING_FLAGS, _open_policy

    try:
        document = reader.read(data, filename)
        invoice = asyncio.run(HeuristicInvoiceExtractor().extract(document, _open_policy(NO_CURRENCY)))
    except (DocumentError, ExtractionError) as exc:
        return None, ("error",), True, str(exc)
    verdict = decide(_open_policy(currency), invoice, Claim(employee_name="", submitted_on=FAR_FUTURE))
    flags = tuple(str(f.code) for f in verdict.flags)
    return invoice, flags, any(f in READING_FLAGS for f in flags), document.text


def run(batch: list[Sample], cache: Path | None) -> list[Outcome]:
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    reader = CachedOcrReader(cache)
    out = []
    for s in batch:
        currency = CURRENCIES.get(s.lang, "EUR")
        invoice, flags, flagged, text = read_receipt(reader, s.data, f"receipt-{s.index}.jpg", currency)
        out.append(Outcome(s, invoice.invoice_date if invoice else None, flagged, flags, text))
    return out


def table(outcomes: list[Outcome], key: Callable[[Sample], str], title: str) -> list[str]:
    """Per group: dates read right (of which flagged anyway), wrong, and not read."""
    kinds = ("right, flagged", "wrong, flagged", "SILENT wrong", "none")
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for o in outcomes:
        groups[key(o.sample)][o.kind] += 1
        groups["all"][o.kind] += 1
    rows = [f"| {title} | n | right | " + " | ".join(kinds) + " |", "|---|---|---|---|---|---|---|"]
    for name, counts in sorted(groups.items(), key=lambda kv: (kv[0] == "all", kv[0])):
        n = sum(counts.values())
        right = counts["right"] + counts["right, flagged"]
        rows.append(
            f"| {name} | {n} | {right} ({100 * right / n:.0f}%) | "
            + " | ".join(str(counts[k]) for k in kinds)
            + " |"
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=240)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--misses", action="store_true", help="print each miss with its OCR'd date line")
    args = parser.parse_args()
    outcomes = run(samples(args.n, args.seed), args.cache)
    for key, title in (
        (lambda s: s.fmt, "format"),
        (lambda s: s.damage, "damage"),
        (lambda s: s.placement, "placement"),
    ):
        print("\n".join(table(outcomes, key, title)), end="\n\n")
    if args.misses:
        for o in outcomes:
            if not o.kind.startswith("right"):
                s = o.sample
                print(
                    f"#{s.index} {s.fmt} / {s.damage} / {s.placement} / {s.lang}: want {s.want} got {o.got}"
                    f" ({o.kind}; {', '.join(o.flags)})\n  printed: {s.date_text!r}"
                )
                near = [ln for ln in o.text.splitlines() if any(ch.isdigit() for ch in ln)][:4]
                print("  ocr:     " + "\n           ".join(repr(ln) for ln in near))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
