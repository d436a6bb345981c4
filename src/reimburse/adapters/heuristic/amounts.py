"""Money amounts and currencies as printed on invoices and policies.

Handles 1,234.56 / 1.234,56 / 1 234,56 / 1,23,456.00 (Indian grouping) / 1234 / Rs.233/- /
INR 233.00 / 233,00 € / ₹233, with the currency before or after the number.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from reimburse.adapters.heuristic import currency_table
from reimburse.adapters.heuristic.dates import find_dates
from reimburse.domain.currency_names import SIGNS, WORDS

# The hand table's readings win where both know a sign ("$" is USD, "C$" CAD until the country
# says otherwise); Babel's single-meaning signs add the rest ("₦", "₴", "GH₵", "Ksh", "NT$").
_BABEL_SIGNS = {s: c for s, c in currency_table.SIGNS.items() if s.casefold() not in SIGNS}
_SYMBOLS = {**{s.casefold(): c for s, c in _BABEL_SIGNS.items()}, **SIGNS}
_WORDS = WORDS
# Every current ISO code but those that are also words ("ALL", "CUP"): currency.py weighs those.
_ISO_CODES = {c.casefold(): c for c in currency_table.CURRENT - currency_table.WORD_CODES}
_DOLLAR_CODES = {"USD", "SGD", "AUD", "CAD", "NZD", "HKD"}

# Signs that begin with a letter ("NT$", "Ksh") never begin inside a word ("AMOUNT$ 50" holds no
# "NT$"); Babel's count as written ("Ft" capitalised: "12 ft" is a length), the hand table's in any
# case. Signs without letters ("₦", "€") count anywhere.
_LETTER_SIGN_RE = "|".join(
    re.escape(s) for s in sorted(_BABEL_SIGNS, key=len, reverse=True) if s[:1].isalpha()
)
_HAND_LETTER_SIGN_RE = "|".join(re.escape(s) for s in sorted(SIGNS, key=len, reverse=True) if s[:1].isalpha())
_SIGN_RE = "|".join(
    re.escape(s) for s in sorted({*SIGNS, *_BABEL_SIGNS}, key=len, reverse=True) if not s[:1].isalpha()
)
# Codes count in upper case only (SAR, TRY, CAD are also words); the common ones in any case.
_CODES = "|".join(
    # RM: the ringgit sign; RMB: the renminbi as Chinese bills abbreviate it (not ISO 4217)
    sorted({*_WORDS.values(), *_ISO_CODES.values(), "RM", "RMB"}, key=len, reverse=True)
)
_ANYCASE = r"rupees?|euros?|dollars?|pounds?|inr|usd|eur|gbp|kn|kr|kc|zl|rp"
# "Ft" (forint) only capitalised: "12 ft" is a length.
# "Fr. 12.50", "SFr. 1'250.-": the Swiss franc, before a price only ("Fr." is also a title and,
# in German, Friday: "Fr. 7 Uhr").
# "R1 250,00", "R 89.90": the rand, South Africa's way, only before money printed with its cents.
_RAND = r"R(?=\s?\d{1,3}(?:[ ,]\d{3})*[.,]\d\d(?!\d))"
_CUR = (
    rf"(?:(?i:{_SIGN_RE})|(?<![^\W\d_])(?:[Rr][Ss]\.?|R[Ee]\.(?=\s?\d)|S?Fr\.(?=\s?\d+(?:'\d{{3}})*[.,](?:\d\d|-))|(?i:{_ANYCASE})|"
    rf"(?i:{_HAND_LETTER_SIGN_RE})|{_LETTER_SIGN_RE}|{_CODES}|Ft|{_RAND})(?![^\W\d_]))"
)
# Printed only after an amount: "45,50 lei" (the Italian "lei" before a number is a pronoun).
_CUR_AFTER = rf"(?:{_CUR}|(?<![^\W\d_])(?i:lei)(?![^\W\d_]))"
_NUM = r"(?:\d{1,3}(?:[,.']\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:[.,]\d{1,2})?"
_SPACED = r"(?:\d{1,3}(?: \d{3})+(?:[.,]\d{1,2})?)"
_START = r"(?<![\d.,])"
_STOP = r"(?!\d)(?![.,]\d)"

AMOUNT_RE = re.compile(
    rf"(?P<neg>(?<![\w.])-\s?)?(?:"
    rf"(?P<pre>{_CUR})\s{{0,2}}(?P<n1>{_SPACED}|{_NUM}){_STOP}(?:\s*/-)?(?:\s{{0,2}}(?P<post1>{_CUR_AFTER}))?"
    rf"|{_START}(?P<n2>{_SPACED}|{_NUM}){_STOP}\s{{0,2}}(?P<post>{_CUR_AFTER})"
    rf"|{_START}(?P<n3>{_NUM}){_STOP}(?:\s*/-)?"
    rf")"
)
CURRENCY_RE = re.compile(_CUR)
# "1 234,56" without a currency, as a column's whole value (at the line start, after a column gap
# or a colon): space-grouped thousands, the French and Nordic way. Elsewhere "Qty 1 200,00" stays
# a quantity and an amount.
_SPACED_COLUMN = re.compile(
    rf"(?:^|(?<=\s\s)|(?<=:)|(?<=:\s))(?P<neg>-\s?)?(?P<n>\d{{1,3}}(?: \d{{3}})+[.,]\d{{1,2}}){_STOP}(?=\s*$|\s{{2}})"
)
_TIME_RE = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?!\d)")
_MAX = Decimal("1e9")


@dataclass(frozen=True)
class AmountMatch:
    value: Decimal
    currency: str | None
    start: int
    end: int
    has_decimals: bool
    # the number as printed ("1,699"), when find_amounts read it: its marks say what it is
    raw: str = field(default="", compare=False)

    @property
    def explicit(self) -> bool:
        """Printed like money (a currency or cents), not a bare integer such as a room number."""
        return self.currency is not None or self.has_decimals


_FRANCS = {"fr": "CHF", "sfr": "CHF"}  # kept out of WORDS: the chat reads "fr" as a word


def currency_code(token: str) -> str | None:
    t = token.strip().rstrip(".").lower()
    if token.strip() == "R":
        return "ZAR"  # only ever matched before an amount with cents (_RAND)
    dotted = token.strip().lower()  # a sign whose dot is its own ("B/.")
    return _SYMBOLS.get(t) or _SYMBOLS.get(dotted) or _WORDS.get(t) or _FRANCS.get(t) or _ISO_CODES.get(t)


# Compiled once: find_amounts runs on every line of every invoice (bench item 2).
_NUMBER = re.compile(r"(.*?)(?:([.,])(\d{1,2}))?")
_CENTS = re.compile(r"[.,]\d{1,2}$")
_GROUPED = re.compile(r"\d[,.' ]\d{3}")
_PERCENT = re.compile(r"\s*%")


def parse_number(raw: str) -> Decimal | None:
    """'1,234.56' / '1.234,56' / '1 234,56' / '1,23,456' -> Decimal. The last separator followed by
    one or two digits is the decimal mark; any other separator groups thousands."""
    s = raw.replace(" ", "").replace("'", "")
    m = _NUMBER.fullmatch(s)
    if m is None:
        return None
    whole, _, cents = m.groups()
    whole = whole.replace(",", "").replace(".", "")
    if not whole.isdigit() and not (whole == "" and cents):
        return None
    try:
        return Decimal(f"{whole or '0'}.{cents}") if cents else Decimal(whole)
    except InvalidOperation:
        return None


def _mask(text: str) -> str:
    """Blank out dates and times so their digits are not read as amounts (positions kept)."""
    chars = list(text)
    spans = [(d.start, d.end) for d in find_dates(text)]
    spans += [(m.start(), m.end()) for m in _TIME_RE.finditer(text)]
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def find_amounts(text: str, *, masked: bool = False) -> list[AmountMatch]:
    """Every amount in `text`, in order. Percentages, dates, times and codes like 'INV2024' are skipped."""
    source = text if masked else _mask(text)
    out: list[AmountMatch] = []
    spaced = [m for m in _SPACED_COLUMN.finditer(source) if parse_number(m.group("n")) is not None]
    for m in AMOUNT_RE.finditer(source):
        if any(s.start() <= m.start() < s.end() and " " not in m.group(0).strip() for s in spaced):
            continue
        raw = m.group("n1") or m.group("n2") or m.group("n3")
        value = parse_number(raw)
        if value is None or value >= _MAX:
            continue
        token = m.group("pre") or m.group("post") or m.group("post1")
        currency = currency_code(token) if token else None
        has_decimals = bool(_CENTS.search(raw.replace(" ", "")))
        grouped = bool(_GROUPED.search(raw))
        end = m.end()
        after = source[end : end + 3]
        if _PERCENT.match(after):
            continue
        before = source[m.start() - 1] if m.start() > 0 else " "
        attached = (before.isalpha() and token is None) or (after[:1].isalpha() and not m.group("post"))
        if attached and not (has_decimals or grouped or currency):
            continue
        if " " in raw and currency is None:
            continue
        if currency is None and _split_group(source, m.start(), end, raw):
            continue
        if m.group("neg"):
            value = -value
        out.append(AmountMatch(value, currency, m.start(), end, has_decimals, raw))
    for s in spaced:
        if not any(a.start <= s.start() < a.end for a in out):
            value = parse_number(s.group("n")) or Decimal(0)
            value = -value if s.group("neg") else value
            out.append(AmountMatch(value, None, s.start(), s.end(), True, s.group("n")))
    return sorted(out, key=lambda a: a.start)


# A space-grouped number without a currency beside it ("1 510 400 F", "R8 970,00" unread): its
# head or its last group alone is no amount. Decimal commas and whole numbers only: "1 100.00"
# is as often a quantity and a price.
_GROUP_BEFORE = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})* $")
_GROUP_AFTER = re.compile(r" \d{3}(?: \d{3})*(?:,\d{1,2})?(?![\d.,]?\d)")


def _split_group(source: str, start: int, end: int, raw: str) -> bool:
    if "." in raw:
        return False
    tail = re.fullmatch(r"\d{3}(?:,\d{1,2})?", raw) is not None and _GROUP_BEFORE.search(source, 0, start)
    head = re.fullmatch(r"\d{1,3}", raw) is not None and _GROUP_AFTER.match(source, end)
    return bool(tail or head)


def detect_currency(text: str) -> str | None:
    """The currency most often printed in `text`, or None when none is stated."""
    codes = Counter(c for c in (currency_code(m.group(0)) for m in CURRENCY_RE.finditer(text)) if c)
    if not codes:
        return None
    if "USD" in codes:
        # A bare "$" counts for the dollar the document names explicitly (S$, AUD, ...).
        named = [c for c in codes if c in _DOLLAR_CODES and c != "USD"]
        if named and not re.search(r"US\$|USD|(?i:dollars?)", text):
            codes[named[0]] += codes.pop("USD")
    return codes.most_common(1)[0][0]
