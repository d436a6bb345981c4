"""Every ISO 4217 currency and the symbols CLDR lists for it, from Babel's data (no hand table).

Built once at import; nothing is downloaded. The policy reader and the invoice reader read the same
table, so a currency Babel knows is known to both.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from babel import Locale, localedata
from babel.core import get_global
from babel.languages import get_official_languages
from babel.numbers import get_territory_currencies, list_currencies

_EN = Locale("en")
CODES: frozenset[str] = frozenset(list_currencies())

# Letter symbols that are also words or units ("KM", "L", "Le", "SR") would read prose as money.
# East Africa's shillings as printed: CLDR's Ksh, USh, TSh, also with a dot or as "Kshs".
SHILLINGS = frozenset(f"{s}{end}" for s in ("Ksh", "USh", "TSh") for end in ("", ".", "s", "s."))
LETTER_SYMBOLS = frozenset({"Rs", "Rs.", "kr", "RM", "Rp", "Ft", "Kč", "Fr.", "Rp."}) | SHILLINGS


def _distinctive(symbol: str) -> bool:
    if not symbol.strip("\u200b\u200e\u200f \u00a4"):
        return False  # CLDR's placeholders: a zero-width space, the generic sign ¤
    letters = [ch for ch in symbol if ch.isalpha()]
    # a slash is no part of a word: Peru's "S/ 95.00", Panama's "B/. 20.00"
    return not letters or not symbol.isascii() or "$" in symbol or "/" in symbol or symbol in LETTER_SYMBOLS


def _symbol_table() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """symbol -> ISO codes it can mean; ISO code -> territories that use it."""
    symbols: dict[str, set[str]] = {}
    countries: dict[str, set[str]] = {}
    today = date.today()
    for territory in get_global("territory_currencies"):
        codes = get_territory_currencies(territory, today)
        for code in codes:
            countries.setdefault(code, set()).add(territory)
        for language in get_official_languages(territory) or ():
            name = f"{language}_{territory}"
            if not localedata.exists(name):
                continue
            local = Locale.parse(name).currency_symbols
            for code in codes:
                if (symbol := local.get(code)) and symbol != code:
                    symbols.setdefault(symbol.strip("\u200e\u200f"), set()).add(code)
    for code, symbol in _EN.currency_symbols.items():
        if symbol != code and code in CODES:
            symbols.setdefault(symbol, set()).add(code)
    # "Rs"/"Rs." is the Indian rupee's everyday symbol (CLDR gives ₹), besides PKR/LKR/NPR/MUR.
    symbols.setdefault("Rs", set()).update({"INR", "PKR", "LKR", "NPR"})
    symbols.setdefault("Rs.", set()).update(symbols["Rs"])
    # A dollar is told apart in English by its country's or its code's letters before the sign:
    # "CA$", "AU$", "HK$" (CLDR gives some), "CAD$", "AUD$"; "C$", "S$", "Can$" are the everyday
    # Canadian and Singapore forms (C$ is also the Nicaraguan córdoba's sign, which CLDR gives).
    dollars = {c for sym, cs in symbols.items() if "$" in sym for c in cs if c in countries}
    for code in dollars:
        symbols.setdefault(f"{code}$", set()).add(code)
        for territory in countries[code]:
            if territory.isalpha() and len(territory) == 2:
                symbols.setdefault(f"{territory}$", set()).add(code)
    for sign, code in (("C$", "CAD"), ("Can$", "CAD"), ("S$", "SGD")):
        symbols.setdefault(sign, set()).add(code)
    for alias in SHILLINGS:
        symbols.setdefault(alias, set()).update(symbols.get(alias.rstrip(".s"), ()))
    return (
        {s: frozenset(c) for s, c in symbols.items() if _distinctive(s)},
        {c: frozenset(t) for c, t in countries.items()},
    )


SYMBOLS, COUNTRIES = _symbol_table()
# The currencies some territory pays in today (ISO 4217's current list, as CLDR records it).
CURRENT: frozenset[str] = frozenset(COUNTRIES)
COUNTRIES_DOLLARS = sorted(c for sym, cs in SYMBOLS.items() if sym == "$" for c in cs)


def _a_sign(symbol: str) -> bool:
    """A symbol printed as a sign, not as a word: no letters ("₦", "₴"), a currency sign among
    them ("GH₵"), a dollar's "$" ("NT$", "RD$"), a slash ("S/") or a letter symbol above ("Ksh").
    Abbreviated words in other scripts ("сом", "ден.", "ج.م.") are left out: a reader of amounts
    next to words in those scripts would take a word ("ден", a day) for money."""
    if symbol in LETTER_SYMBOLS or "$" in symbol or "/" in symbol:
        return True
    return any(unicodedata.category(ch) == "Sc" for ch in symbol) or not any(ch.isalpha() for ch in symbol)


# ISO codes that are also words, abbreviations or units printed in capitals on receipts ("ALL
# ITEMS", "CUP 2.50", "SHP" shipping, "MNT" maintenance, "STN" station, "KGS" kilograms, "AWG" a
# wire gauge, "TMT" steel bars, "SDN BHD" a Malaysian company, "HNL" and "GYD" airports on a
# ticket, "SDG" a development goal): they count only in a currency field or printed with amounts
# the way a currency is (see `currency.py`).
WORD_CODES = frozenset(
    {"ALL", "AMD", "BAM", "BOB", "BTN", "CDF", "COP", "CRC", "CUP", "CVE", "DOP", "ERN", "GEL", "GIP"}
    | {"LAK", "LRD", "MAD", "MGA", "MNT", "MOP", "MRU", "NAD", "PEN", "SCR", "SHP", "SOS", "TOP"}
    | {"TRY", "RON", "SAR", "PHP", "RUB", "BHD", "KGS", "AWG", "TMT", "MDL", "IRR", "STN", "WST"}
    | {"TTD", "BND", "YER", "ANG", "HNL", "GYD", "SDG"}
)

# A sign that names one current currency alone -> that currency ("₦" NGN, "GH₵" GHS, "Ksh" KES).
# "$", "£", "kr", "Rs" and "C$" name several: the readers settle those by the country.
SIGNS: dict[str, str] = {
    s: next(iter(cs))
    for s, cs in SYMBOLS.items()
    if len(cs) == 1 and cs <= CURRENT and _a_sign(s) and s.strip()
}


def territory_names(territory: str) -> frozenset[str]:
    """A territory's names in English and in its own (official or de facto) languages."""
    locales = [
        Locale.parse(f"{lang}_{territory}")
        for lang in get_official_languages(territory, de_facto=True) or ()
        if localedata.exists(f"{lang}_{territory}")
    ]
    names = {_EN.territories.get(territory, "")} | {loc.territories.get(territory, "") for loc in locales}
    return frozenset(n for n in names if len(n) >= 4)


def _dollar_sign_lands() -> dict[str, tuple[str, frozenset[str]]]:
    """Territory -> (its currency, its names in English and its own languages), for every
    territory that prints its money with a bare "$" (dollars, and the pesos of Mexico, Colombia,
    Chile, Argentina...). De facto official languages count here: CLDR lists Mexico's Spanish only so."""
    today = date.today()
    lands: dict[str, tuple[str, frozenset[str]]] = {}
    for territory in get_global("territory_currencies"):
        if not (territory.isalpha() and len(territory) == 2):
            continue
        codes = get_territory_currencies(territory, today)
        languages = [
            f"{lang}_{territory}"
            for lang in get_official_languages(territory, de_facto=True) or ()
            if localedata.exists(f"{lang}_{territory}")
        ]
        locales = [Locale.parse(name) for name in languages]
        dollar = [c for c in codes[:1] if any(loc.currency_symbols.get(c) == "$" for loc in locales)]
        dollar = dollar or [c for c in codes[:1] if c in SYMBOLS.get("$", ())]
        if not dollar:
            continue
        lands[territory] = (dollar[0], territory_names(territory))
    return lands


DOLLAR_SIGN_LANDS = _dollar_sign_lands()
