"""Invoice dates on rendered till receipts and bills, in the forms tills print them and with the
damage OCR does to them (issues 11 and 12): no false `missing_date`, no silently wrong date.

`photo_damage` prints one date form per language in a clean row. Tills and scanned bills print
many more: the date glued to a time ("18/03/2018 13:45:12", "2018-03-18T13:45"), to its label
("DATE:18/03/2018", "Datum18.03.18"), two-digit years, "18-Mar-18", "MAR 18 2018", date and time in
one token ("18.03.18/13:45"), the date among cashier, terminal and table numbers, the date in the
footer only, and a second date that is not the invoice date (a return-by date, points valid until,
a card's expiry). OCR then trades look-alike glyphs (O/0, l/1/I, S/5, B/8), loses or doubles a
separator, or splits the date with a space; this set prints those damaged forms on the paper, so
the engine reads them as printed.

Each receipt is drawn from a fixed seed (layouts and languages of `photo_damage`, one photo damage
each), read through the service's own OCR and invoice reader, and its date scored: right / right but
sent to review / wrong but sent to review / SILENT wrong / unread. A printed form whose damage leaves
the date unsure (a glyph that could be two digits) is right when read right or when flagged; only a
silent wrong date and an unread date count against it.

`python -m tests.eval.receipt_dates [--n 120] [--seed 7] [--cache DIR] [--misses]`

A dev tool, run by hand: one image costs 1-4 CPU seconds (the OCR words are cached per image in DIR).
"""

from __future__ import annotations

import argparse
import random
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from tests.eval.photo_damage import DAMAGES, LANGS, Words, _amount, render_paper
from tests.eval.photo_damage import Row as PaperRow
from tests.eval.synthetic_dates import CachedOcrReader, read_receipt
from tests.image_factory import encode

_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# The date label tills print, by language (short, as on a till roll)
_LABEL = {
    "en_gb": "DATE",
    "en_us": "DATE",
    "de": "Datum",
    "fr": "Date",
    "es": "Fecha",
    "it": "Data",
    "nl": "Datum",
}
_CASHIER = {
    "en_gb": ("Till", "Op", "Trans"),
    "en_us": ("Reg", "Cashier", "Trans"),
    "de": ("Kasse", "Bed", "Bon"),
    "fr": ("Caisse", "Op", "Ticket"),
    "es": ("Caja", "Op", "Ticket"),
    "it": ("Cassa", "Op", "Scontrino"),
    "nl": ("Kassa", "Kass", "Bon"),
}
# A second date that is not the invoice date, in the language's words: (words, days after the sale)
_OTHER_DATE = {
    "en_gb": (("Return by", 28), ("Points valid until", 365)),
    "en_us": (("Return by", 30), ("Rewards expire", 180)),
    "de": (("Umtausch bis", 14), ("Punkte gültig bis", 365)),
    "fr": (("Échange jusqu'au", 30), ("Points valables jusqu'au", 365)),
    "es": (("Devolución hasta", 30), ("Puntos válidos hasta", 365)),
    "it": (("Cambio entro il", 30), ("Punti validi fino al", 365)),
    "nl": (("Ruilen tot", 14), ("Punten geldig tot", 365)),
}


def _numeric(d: date, lang: Words, year: str = "%Y") -> str:
    """The language's numeric date (US month-first), `year` "%Y" or "%y"."""
    if lang.code == "en_us":
        return d.strftime(f"%m/%d/{year}")
    sep = "." if lang.code == "de" else "-" if lang.code == "nl" else "/"
    return d.strftime(f"%d{sep}%m{sep}{year}")


def _clock(rng: random.Random, seconds: bool = False) -> str:
    text = f"{rng.randint(8, 21):02d}:{rng.randint(0, 59):02d}"
    return text + f":{rng.randint(0, 59):02d}" if seconds else text


# -- the forms: each returns the rows that print the date (and any other date) -----------------

Form = Callable[[date, Words, random.Random], list[str]]


def _glued_seconds(d: date, lang: Words, rng: random.Random) -> list[str]:
    return [f"{_numeric(d, lang)} {_clock(rng, True)}"]


def _iso_t(d: date, lang: Words, rng: random.Random) -> list[str]:
    return [f"{d:%Y-%m-%d}T{_clock(rng, rng.random() < 0.5)}"]


def _label_glued(d: date, lang: Words, rng: random.Random) -> list[str]:
    sep = ":" if rng.random() < 0.5 else ""
    year = "%y" if lang.code == "de" else "%Y"
    return [f"{_LABEL[lang.code]}{sep}{_numeric(d, lang, year)}  {_clock(rng)}"]


def _two_digit_year(d: date, lang: Words, rng: random.Random) -> list[str]:
    return [f"{_numeric(d, lang, '%y')}  {_clock(rng)}"]


def _dd_mon_yy(d: date, lang: Words, rng: random.Random) -> list[str]:
    return [f"{d.day:02d}-{_SHORT[d.month - 1]}-{d:%y} {_clock(rng)}"]


def _mon_dd_yyyy(d: date, lang: Words, rng: random.Random) -> list[str]:
    return [f"{_SHORT[d.month - 1].upper()} {d.day:02d} {d.year}  {_clock(rng)}"]


def _one_token(d: date, lang: Words, rng: random.Random) -> list[str]:
    glue = rng.choice(("/", "-", " - "))
    return [f"{_numeric(d, lang, '%y')}{glue}{_clock(rng)}"]


def _among_numbers(d: date, lang: Words, rng: random.Random) -> list[str]:
    till, op, trans = _CASHIER[lang.code]
    return [
        f"{till} {rng.randint(1, 9)} {op} {rng.randint(10, 99)}  {_numeric(d, lang)} {_clock(rng)}",
        f"{trans} {rng.randint(1000, 9999)}  {lang.table} {rng.randint(1, 30)}",
    ]


def _other_date(d: date, lang: Words, rng: random.Random) -> list[str]:
    words, days = rng.choice(_OTHER_DATE[lang.code])
    other = f"{words} {_numeric(d + timedelta(days=days), lang)}"
    own = f"{_numeric(d, lang)}  {_clock(rng)}"
    return [other, own] if rng.random() < 0.5 else [own, other]


def _card_expiry(d: date, lang: Words, rng: random.Random) -> list[str]:
    expiry = d + timedelta(days=rng.randint(200, 1400))
    return [f"EXP {expiry:%m/%y}   {_numeric(d, lang)} {_clock(rng)}"]


# OCR's damage, printed: a look-alike glyph in the date, a separator lost or doubled, a space in it
_LOOK_ALIKE = {"0": "O", "1": "l", "5": "S", "8": "B"}


def _look_alike(d: date, lang: Words, rng: random.Random) -> list[str]:
    text = _numeric(d, lang)
    spots = [i for i, ch in enumerate(text) if ch in _LOOK_ALIKE]
    if spots:
        i = rng.choice(spots)
        glyph = "I" if text[i] == "1" and rng.random() < 0.5 else _LOOK_ALIKE[text[i]]
        text = text[:i] + glyph + text[i + 1 :]
    return [f"{text}  {_clock(rng)}"]


def _lost_separator(d: date, lang: Words, rng: random.Random) -> list[str]:
    text = _numeric(d, lang)
    sep = text[2]
    cut = text.rfind(sep) if rng.random() < 0.5 else text.find(sep)
    return [f"{text[:cut] + text[cut + 1 :]}  {_clock(rng)}"]


def _doubled_separator(d: date, lang: Words, rng: random.Random) -> list[str]:
    text = _numeric(d, lang)
    sep = text[2]
    at = text.rfind(sep) if rng.random() < 0.5 else text.find(sep)
    return [f"{text[:at] + sep + text[at:]}  {_clock(rng)}"]


def _space_inside(d: date, lang: Words, rng: random.Random) -> list[str]:
    text = _numeric(d, lang)
    at = rng.choice([i for i in range(1, len(text)) if text[i - 1] != " "])
    return [f"{text[:at]} {text[at:]}  {_clock(rng)}"]


FORMS: dict[str, Form] = {
    "date time:seconds": _glued_seconds,
    "ISO with T": _iso_t,
    "label glued": _label_glued,
    "two-digit year": _two_digit_year,
    "DD-Mon-YY": _dd_mon_yy,
    "MON DD YYYY": _mon_dd_yyyy,
    "date+time one token": _one_token,
    "among till numbers": _among_numbers,
    "footer only": _two_digit_year,  # printed below the thanks line (`receipt`)
    "second date (return, points)": _other_date,
    "card expiry beside": _card_expiry,
    "look-alike glyph": _look_alike,
    "separator lost": _lost_separator,
    "separator doubled": _doubled_separator,
    "space inside": _space_inside,
}
LAYOUTS = ("till", "restaurant", "card slip")


@dataclass(frozen=True)
class Sample:
    index: int
    lang: str
    layout: str
    form: str
    damage: str
    want: date
    printed: tuple[str, ...]
    currency: str
    data: bytes


def receipt(
    layout: str, form: str, lang: Words, rng: random.Random
) -> tuple[list[PaperRow], date, list[str]]:
    """A receipt's rows, its true invoice date and the rows printing dates."""
    vendor = rng.choice(lang.vendors)
    when = date(rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28))
    dated = FORMS[form](when, lang, rng)
    items = rng.sample(lang.items, 3)
    prices = [Decimal(rng.randint(180, 2490)) / 100 for _ in items]
    total = sum(prices, Decimal(0))
    rows: list[PaperRow] = [vendor, rng.choice(lang.streets)]
    top = [] if form == "footer only" else dated
    if layout == "till":
        rows += top
        rows += [(f"1 x {i}", _amount(p, lang)) for i, p in zip(items, prices, strict=True)]
        rows += [(lang.total, _amount(total, lang)), lang.tax, lang.thanks]
    elif layout == "restaurant":
        rows += [f"{lang.table} {rng.randint(1, 30)}", *top]
        rows += [(f"1 {i}", _amount(p, lang)) for i, p in zip(items, prices, strict=True)]
        rows += [(lang.total, _amount(total, lang)), lang.tax, lang.thanks]
    else:  # card slip
        rows += [lang.card, f"VISA  **** **** **** {rng.randint(1000, 9999)}", *top]
        rows += [(lang.total, _amount(total, lang)), lang.approved, f"AUTH {rng.randint(100000, 999999)}"]
        rows += [lang.thanks]
    if form == "footer only":
        rows += dated
    return rows, when, dated


def samples(n: int, seed: int) -> list[Sample]:
    """`n` receipts cycling through forms, layouts and languages; the damage and the rest from `seed`.
    Two in three are photographed cleanly (the date form is the subject), one in three damaged."""
    rng = random.Random(seed)
    forms, damages = list(FORMS), [k for k in DAMAGES if k != "clean (on table)"]
    out = []
    for i in range(n):
        form = forms[i % len(forms)]
        layout = LAYOUTS[(i // len(forms)) % len(LAYOUTS)]
        lang = LANGS[(i // len(forms) + i) % len(LANGS)]
        damage = "clean (on table)" if i % 3 else rng.choice(damages)
        rows, want, dated = receipt(layout, form, lang, rng)
        photo = DAMAGES[damage](render_paper(rows, layout, rng), rng)
        quality = rng.randint(8, 20) if damage.startswith("heavy jpeg") else rng.randint(80, 92)
        data = encode(photo, "JPEG", quality=quality)
        out.append(Sample(i, lang.code, layout, form, damage, want, tuple(dated), lang.currency, data))
    return out


# -- reading and scoring --------------------------------------------------------------------------

KINDS = ("right", "right, flagged", "wrong, flagged", "SILENT wrong", "unread")


@dataclass
class Outcome:
    sample: Sample
    got: date | None
    review: bool
    flags: tuple[str, ...]
    text: str

    @property
    def kind(self) -> str:
        if self.got is None:
            return "unread"
        if self.got == self.sample.want:
            return "right, flagged" if self.review else "right"
        return "wrong, flagged" if self.review else "SILENT wrong"


def run(batch: list[Sample], cache: Path | None) -> list[Outcome]:
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    reader = CachedOcrReader(cache)
    out = []
    for s in batch:
        invoice, flags, flagged, text = read_receipt(reader, s.data, f"receipt-{s.index}.jpg", s.currency)
        out.append(Outcome(s, invoice.invoice_date if invoice else None, flagged, flags, text))
    return out


def table(outcomes: list[Outcome], key: Callable[[Sample], str], title: str) -> list[str]:
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for o in outcomes:
        groups[key(o.sample)][o.kind] += 1
        groups["all"][o.kind] += 1
    rows = [f"| {title} | n | " + " | ".join(KINDS) + " |", "|---|---|" + "---|" * len(KINDS)]
    for name, counts in sorted(groups.items(), key=lambda kv: (kv[0] == "all", kv[0])):
        rows.append(
            f"| {name} | {sum(counts.values())} | " + " | ".join(str(counts[k]) for k in KINDS) + " |"
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--n", type=int, default=120)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--misses", action="store_true", help="print each date not read right and unflagged")
    args = parser.parse_args()
    outcomes = run(samples(args.n, args.seed), args.cache)
    print(f"seed {args.seed}, n {args.n}; cells: " + " / ".join(KINDS) + "\n")
    for key, title in ((lambda s: s.form, "form"), (lambda s: s.damage, "damage")):
        print("\n".join(table(outcomes, key, title)), end="\n\n")
    if args.misses:
        for o in outcomes:
            if o.kind == "right":
                continue
            s = o.sample
            print(
                f"#{s.index} {s.form} / {s.damage} / {s.layout} / {s.lang}: want {s.want} got {o.got} ({o.kind})"
            )
            print(f"  printed: {list(s.printed)!r}; flags: {', '.join(o.flags)}")
            near = [ln for ln in o.text.splitlines() if any(ch.isdigit() for ch in ln)][:5]
            print("  ocr:     " + "\n           ".join(repr(ln) for ln in near))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
