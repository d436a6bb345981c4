"""The currency a policy is written in: an explicit statement ("Currency: ILS", "all amounts in
Canadian dollars") wins; otherwise the majority of the printed money amounts, with the country the
policy names as the tie-breaker (and to tell which dollar or rupee a bare "$" or "Rs" is).

Symbols come from Babel's CLDR data (every ISO 4217 currency and the symbols its countries print),
shared with the invoice reader in `currency_table`.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from babel import Locale

from reimburse.adapters.heuristic.currency_table import CODES, COUNTRIES, COUNTRIES_DOLLARS, SYMBOLS
from reimburse.adapters.heuristic.places import US_STATES

__all__ = ["CODES", "COUNTRIES", "COUNTRIES_DOLLARS", "SYMBOLS"]

_EN = Locale("en")
# ISO codes that are also common upper-case words in policies ("ALL EMPLOYEES 5 DAYS").
_WORD_CODES = frozenset({"ALL", "TOP", "CUP", "MOP", "BOB", "GEL", "PEN", "SOS", "MAD", "BAM", "LAK", "MRU"})
# The currency a symbol means when nothing else tells: the one of the largest economy using it.
_USUAL = {
    "$": "USD",
    "C$": "CAD",
    "£": "GBP",
    "¥": "JPY",
    "kr": "SEK",
    "Rs": "INR",
    "Rs.": "INR",
    "R": "ZAR",
    "pesos": "MXN",
}
_TERRITORY_NAMES = {
    name.casefold(): code for code, name in _EN.territories.items() if code.isalpha() and len(code) == 2
}
_DEMONYMS = {
    "american": "US",
    "canadian": "CA",
    "australian": "AU",
    "british": "GB",
    "indian": "IN",
    "israeli": "IL",
    "sri lankan": "LK",
    "pakistani": "PK",
    "singapore": "SG",
    "new zealand": "NZ",
    "hong kong": "HK",
    "mexican": "MX",
    "swiss": "CH",
}

_NUMBER = r"\d[\d,.' ]*\d|\d"
# A symbol counts only beside a number: "₪ 250", "250₪", "CA$ 40", "40 kr".
_SYMBOL_ALT = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True) if s.strip())
_MONEY = re.compile(
    rf"(?<![^\W\d_])(?P<pre>{_SYMBOL_ALT}|[A-Z]{{3}})\s?(?:{_NUMBER})"
    rf"|(?:{_NUMBER})\s?(?P<post>{_SYMBOL_ALT}|[A-Z]{{3}})(?![^\W\d_])"
)
_NAMES = {name.casefold(): code for code, name in _EN.currencies.items() if code in CODES}
_PLURAL_NAMES = {f"{n}s": c for n, c in _NAMES.items()}
_NAME_ALT = "|".join(
    re.escape(n) for n in sorted({**_NAMES, **_PLURAL_NAMES}, key=len, reverse=True) if len(n) > 3
)
_STATED = re.compile(
    rf"(?i)(?:\bcurrency\s*(?:is|:|=|-)\s*|\b(?:all\s+)?(?:amounts|figures|limits|rates|prices)\s+"
    rf"(?:are\s+|shown\s+|stated\s+|given\s+|expressed\s+)*(?:in|as)\s+(?:the\s+)?)"
    rf"(?P<cur>[A-Z]{{3}}\b|{_NAME_ALT})"
)


# "Canadian $ (taxes included)", "50 Australian dollars", "US dollars": a dollar named by its
# country, with or without an amount beside it.
_DOLLAR_NAMES: dict[str, str] = {n[: -len(" dollar")]: c for n, c in _NAMES.items() if n.endswith(" dollar")}
_NAMED_DOLLAR = re.compile(
    r"(?i)(?<![^\W\d_])(?P<who>"
    + "|".join(re.escape(n) for n in sorted({*_DOLLAR_NAMES, *_DEMONYMS}, key=len, reverse=True))
    + r")\s?(?:\$|dollars?(?![^\W\d_]))"
)


def _named_dollar(who: str) -> str | None:
    who = who.casefold()
    if who in _DOLLAR_NAMES:
        return _DOLLAR_NAMES[who]
    territory = _DEMONYMS.get(who)
    codes = [c for c in COUNTRIES_DOLLARS if territory in COUNTRIES[c]] if territory else []
    return codes[0] if len(codes) == 1 else None


def _code(token: str) -> str | None:
    token = token.strip()
    if token.isalpha() and token.isupper() and len(token) == 3:
        return token if token in CODES and token not in _WORD_CODES else None
    return None


# "outside the continental United States and Canada": the US named first with Canada is the region
# a US policy's trips go to (a US college's faculty travel had read as Canadian dollars), so the
# pair counts for neither. Canada named first ("within Canada and the U.S.") is a Canadian writer's
# home first, and still counts. A bare "US" only in capitals: "contact us, Canada ..." is a pronoun.
_US_AND_CANADA = re.compile(
    r"(?i)(?<![^\W\d_])(?:the\s+)?(?:(?:continental|contiguous)\s+)?"
    r"(?:united\s+states(?:\s+of\s+america)?|u\.\s?s\.(?:a\.)?|usa|(?-i:US))"
    r"\s*(?:,|and|&|or|/)\s*canada(?![^\W\d_])"
)


def countries_named(text: str) -> Counter[str]:
    """Territory codes the text names ("Canada", "Canadian", "Israel"), with how often.

    The US named first with Canada ("the continental United States and Canada") is a region of
    trips and counts for neither country; Canada named first counts for Canada.
    """
    found: Counter[str] = Counter()
    low = _US_AND_CANADA.sub(" ", text).casefold()
    for name, code in (*_TERRITORY_NAMES.items(), *_DEMONYMS.items()):
        if len(name) >= 4 and name in low:
            n = len(re.findall(rf"(?<![^\W\d_]){re.escape(name)}(?![^\W\d_])", low))
            if n:
                found[code] += n
    return found


# "kr" is the crown of the language it is printed in: Swedish "och", Norwegian "av", Danish "af"
# (function words the three do not share). The Nordic policies seldom name their country.
_CROWN_WORDS = {
    "SEK": frozenset(["och", "inte", "är", "att", "från", "vid"]),
    "NOK": frozenset(["av", "etter", "reise", "reiser", "reisen", "hvis", "satser", "dekkes"]),
    "DKK": frozenset(["af", "efter", "rejse", "rejser", "hvis", "satserne", "dækkes"]),
}


@functools.lru_cache(maxsize=8)  # asked once per "kr" amount, about the same text
def _crown_language(text: str) -> str | None:
    words = Counter(w.casefold() for w in re.findall(r"[^\W\d_]+", text[:20000]))
    scores = {code: sum(words[w] for w in markers) for code, markers in _CROWN_WORDS.items()}
    best = max(scores, key=lambda c: scores[c])
    ranked = sorted(scores.values(), reverse=True)
    return best if ranked[0] >= 2 and ranked[0] >= 2 * ranked[1] else None


def _resolve(candidates: frozenset[str], countries: Counter[str], symbol: str, text: str = "") -> str:
    if len(candidates) == 1:
        return next(iter(candidates))
    crown = _crown_language(text) if symbol == "kr" and text else None
    scored = sorted(
        candidates,
        key=lambda c: (
            sum(countries[t] for t in COUNTRIES.get(c, ())),
            c == crown,
            c == _USUAL.get(symbol),
        ),
        reverse=True,
    )
    return scored[0]


# Words that place a text in one dollar country without naming it: states, provinces and cities,
# tax offices and numbers, phone prefixes and web domains. Used only to tell which dollar a bare
# "$" is, and only on a clear majority (a US policy's table of foreign per diems names many places).
_STATES = {
    "AU": "New South Wales|Queensland|Tasmania|Western Australia|South Australia|Northern Territory|"
    "Australian Capital Territory",
    "NZ": "Aotearoa|KiwiSaver",
    "CA": "Ontario|Quebec|Québec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|"
    "Newfoundland|Prince Edward Island|Yukon|Nunavut|Northwest Territories",
    "US": "|".join(US_STATES) + "|District of Columbia|Internal Revenue Service",
}
# Cities share their names with towns elsewhere ("Perth and Kinross", "Boston, Lincolnshire",
# "Wellington, Somerset"): they add to other evidence but never count alone.
_CITIES = {
    "AU": "Sydney|Melbourne|Brisbane|Perth|Adelaide|Canberra|Hobart",
    "NZ": "Auckland|Wellington|Christchurch|Dunedin",
    "CA": "Toronto|Montreal|Montréal|Vancouver|Calgary|Ottawa|Edmonton|Winnipeg",
    "US": "Chicago|Los Angeles|San Francisco|Boston|Seattle|Houston|Philadelphia",
}
_ABBREVIATIONS = {
    # Upper case only: "NSW", "QLD", an ABN, the ATO; New Zealand's IRD; Canada's HST; the US IRS,
    # GSA and its CONUS / M&IE per-diem terms.
    "AU": "NSW|QLD|ABN|ATO",
    "NZ": "IRD",
    "CA": "HST|CRA",
    "US": "IRS|GSA|CONUS|OCONUS|M&IE",
}
_EVIDENCE = [
    (code, re.compile(rf"(?<![^\W\d_])(?:{names})(?![^\W\d_])")) for code, names in _STATES.items()
] + [(code, re.compile(rf"(?<![\w&])(?:{names})(?![\w&])")) for code, names in _ABBREVIATIONS.items()]
_CITY_EVIDENCE = [
    (code, re.compile(rf"(?<![^\W\d_])(?:{names})(?![^\W\d_])")) for code, names in _CITIES.items()
]
# India's civil services: the Indian Revenue Service (IRS) is listed beside the IAS and paid TA/DA.
_INDIAN_SERVICES = re.compile(r"(?<![\w&])(?:IAS|IPS|IFS|TA\s?/\s?DA)(?![\w&])")
_PHONE_OR_DOMAIN = [
    ("AU", re.compile(r"\+\s?61[\s\d(]|\b[\w-]+\.(?:(?:com|gov|edu|org|net|asn|id)\.)?au\b")),
    ("NZ", re.compile(r"\+\s?64[\s\d(]|\b[\w-]+\.(?:(?:co|govt|org|ac|net|school)\.)?nz\b")),
    ("CA", re.compile(r"\b[\w-]+\.(?:(?:gc|on|bc|qc|ab)\.)?ca\b")),
    ("US", re.compile(r"\b[\w-]+\.(?:edu|gov)\b(?!\.)")),
]


def dollar_country(text: str, countries: Counter[str], least: int = 2) -> str | None:
    """The territory a bare "$" belongs to when the text's evidence clearly points to one dollar
    country: at least `least` different pieces (names, places, tax words, phone or web), and twice as
    many as any other dollar country has. None when the evidence is thin or split. A country's name,
    its demonym ("American Express") or a city is never enough alone: with `least=1` the one piece
    must be a state, a tax office or a web or phone address."""
    dollar_lands = {t for c in COUNTRIES_DOLLARS for t in COUNTRIES[c]}
    seen: dict[str, set[str]] = {}
    weak: dict[str, set[str]] = {}
    for territory, n in countries.items():
        if territory in dollar_lands:
            seen.setdefault(territory, set()).update(f"name{k}" for k in range(n))
            weak.setdefault(territory, set()).update(f"name{k}" for k in range(n))
    indian_services = _INDIAN_SERVICES.search(text) is not None
    for territory, pattern in (*_EVIDENCE, *_PHONE_OR_DOMAIN, *_CITY_EVIDENCE):
        for m in pattern.finditer(text):
            if territory == "US" and indian_services and m.group(0) == "IRS":
                continue  # "IRS and IAS officers": India's revenue service
            seen.setdefault(territory, set()).add(m.group(0).casefold())
    for territory, pattern in _CITY_EVIDENCE:
        for m in pattern.finditer(text):
            weak.setdefault(territory, set()).add(m.group(0).casefold())
    ranked = sorted(((len(v), t) for t, v in seen.items()), reverse=True)
    if not ranked or ranked[0][0] < least or (len(ranked) > 1 and ranked[0][0] < 2 * ranked[1][0]):
        return None
    top = ranked[0][1]
    if ranked[0][0] < 2 and seen[top] <= weak.get(top, set()):
        return None
    codes = [c for c in COUNTRIES_DOLLARS if top in COUNTRIES[c]]
    return codes[0] if len(codes) == 1 else None


def _only_dollar_lands(countries: Counter[str]) -> bool:
    dollar_lands = {t for c in COUNTRIES_DOLLARS for t in COUNTRIES[c]}
    return all(t in dollar_lands for t in countries)


def stated_currency(text: str) -> str | None:
    m = _STATED.search(text)
    if m is None:
        return None
    token = m.group("cur")
    return _code(token) or _NAMES.get(token.casefold()) or _PLURAL_NAMES.get(token.casefold())


def named_currency(word: str) -> str | None:
    """The currency one word names alone: its code, its name or a plural ("EUR", "Euro", "RANDS")."""
    return _BARE_NAMES.get(word.casefold()) or stated_currency(f"currency: {word}")


def money_currencies(text: str, countries: Counter[str] | None = None) -> Counter[str]:
    """How many printed money amounts are in each currency."""
    countries = countries if countries is not None else countries_named(text)
    dollar = dollar_country(text, countries) if "$" in text else None
    out: Counter[str] = Counter()
    for m in _MONEY.finditer(text):
        token = (m.group("pre") or m.group("post") or "").strip()
        code = _code(token)
        # The look-behind sees before `pos`: five characters hold "USD \n" before the sign.
        spaced = _SPACED_DOLLAR.search(text, max(0, m.start() - 5), m.start()) if token == "$" else None
        if spaced and f"{spaced.group('who')}$" in SYMBOLS:
            token = f"{spaced.group('who')}$"  # "US $150", "AU $0.78": the US$ and AU$ signs, spaced
            code = _resolve(SYMBOLS[token], countries, token, text)
        elif token == "$" and _PESOS_AFTER.match(text, m.end()):
            code = _resolve(_PESOS, countries, "pesos")  # "$750.00 pesos diarios": the peso's "$"
        elif token == "$" and dollar:
            code = dollar
        elif code is None and token in SYMBOLS:
            code = _resolve(SYMBOLS[token], countries, token, text)
        if code:
            out[code] += 1
    # "R67,50", "R139.00": the South African rand's sign, glued to the number (CLDR's "R" is left
    # out of SYMBOLS: as a bare letter it is also a grade, a form or a row name).
    if rands := len(_RAND.findall(text)):
        out["ZAR"] += rands
    if francs := len(FRANC_WORDS.findall(text)):
        out["CHF"] += francs
    if NIGERIA.search(text) and (naira := len(NAIRA.findall(text))):
        out["NGN"] += naira
    for m in _NAMED_DOLLAR.finditer(text):
        if m.group(0) in SYMBOLS or m.group("who") == "us":
            continue  # "US$ 50" counted above; "us" the pronoun
        if code := _named_dollar(m.group("who")):
            out[code] += 1
    return out


# "27.50 Franken", "10 franchi": the Swiss franc written out after the amount in German and
# Italian ("Franken" before a number is also the Franconia region).
FRANC_WORDS = re.compile(r"(?<=\d)\s?(?:Franken|[Ff]ranchi)(?![^\W\d_])")
# The naira's ASCII sign glued to the number ("N37500/night"), read only in a text naming Nigeria.
NAIRA = re.compile(r"(?<![^\W\d_])N(?=\d)")
NIGERIA = re.compile(r"\bNigeria(?:n|ns)?\b")
_SPACED_DOLLAR = re.compile(r"(?<![^\W\d_])(?P<who>[A-Z]{2,3}) $")
_RAND = re.compile(r"(?<![^\W\d_])R(?=\d)\d{1,3}(?:[ ,]\d{3})*[.,]\d\d(?!\d)")
_PESOS = frozenset(c for n, c in _NAMES.items() if re.fullmatch(r"[a-z]+ peso", n))
_PESOS_AFTER = re.compile(r"(?i)\s*pesos?(?![^\W\d_])")
# Currency words printed without an amount: a table's column says "RANDS" over bare numbers.
_BARE_NAMES = {"rand": "ZAR", "rands": "ZAR"}
_BARE_NAME = re.compile(r"(?i)(?<![^\W\d_])(?:rands?)(?![^\W\d_])")
# "45p per mile", "20p a mile": a mileage rate in pence is British money (HMRC's approved rates),
# even in a policy that prints no pound sign.
_PENCE_RATE = re.compile(r"(?<![\w.])\d{1,2}(?:\.\d+)?p\s*(?:per|a|/)\s*mile\b")


def symbol_currency(symbol: str, policy_currency: str | None, text: str = "") -> str | None:
    """What a printed symbol means in this policy: the policy's own currency when the symbol can
    mean it ("$" in a Canadian policy is CAD), else its usual meaning."""
    candidates = SYMBOLS.get(symbol.strip())
    if not candidates:
        return _code(symbol)
    if policy_currency in candidates or (symbol.strip() == "$" and policy_currency in _PESOS):
        return policy_currency
    return _resolve(candidates, countries_named(text), symbol.strip(), text)


def policy_currency(text: str) -> str | None:
    stated = stated_currency(text)
    if stated:
        return stated
    countries = countries_named(text)
    counts = money_currencies(text, countries)
    if not counts:
        named = Counter(_BARE_NAMES[m.group(0).casefold()] for m in _BARE_NAME.finditer(text))
        named.update("GBP" for _ in _PENCE_RATE.finditer(text))
        # A policy that prints no money ("mileage at the IRS rate") is still in its country's
        # currency when the text clearly places it in one dollar country. With no amount to
        # mislead, one piece of evidence is enough ("Ohio State University", "IRS", a .edu
        # address) when the text names no country outside the dollar lands (India's TA/DA
        # rules keep the default; "Georgia" the country is named too, so it stays split).
        if named:
            return named.most_common(1)[0][0]
        return dollar_country(text, countries, least=1 if _only_dollar_lands(countries) else 2)
    ranked = counts.most_common()
    best = ranked[0][1]
    tied = [c for c, n in ranked if n == best]
    if len(tied) == 1:
        return tied[0]
    return max(tied, key=lambda c: sum(countries[t] for t in COUNTRIES.get(c, ())))
