"""The currency of an invoice: what its amounts are printed with, else the issuer's country.

Evidence, strongest first: a currency field ("Währung: GBP"), codes and symbols printed with
amounts, ISO codes standing alone. A symbol standing alone counts for nothing (OCR turns stray
marks into "¥"). "$" and "kr" name several currencies, and many receipts print no symbol at all:
the issuer's country settles those, from its address, tax words and registration numbers, the
way a reader would ("MwSt" and no symbol on a German invoice means euros).
"""

from __future__ import annotations

import re
from collections import Counter

from reimburse.adapters.heuristic.amounts import currency_code, find_amounts

_FIELD = re.compile(r"(?i:currency|währung|devise|valuta|moneda|divisa|měna|waluta)\s*[:=]?\s*([A-Z]{3})\b")
_ISO = re.compile(
    r"(?<![A-Za-z])(EUR|USD|GBP|CHF|CAD|AUD|NZD|SGD|HKD|INR|JPY|CNY|SEK|NOK|DKK|PLN|CZK|HUF|HRK|RON|BGN|"
    r"ISK|MYR|THB|IDR|ZAR|AED|SAR|QAR|TRY|BRL|MXN|KRW)(?![A-Za-z])"
)
_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|"
    "NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
_YEAR = re.compile(r"(?<!\d)(?:19[89]\d|20[0-4]\d)(?!\d)")

# (currency, evidence of the issuer's country). Every kind of evidence found counts once per
# occurrence and the best-supported country wins, so a German invoice's "DE 80333" (which looks
# like a Delaware ZIP) is outvoted by its "Rechnung", "USt" and "Betrag".
_COUNTRIES: list[tuple[str, re.Pattern[str]]] = [
    (
        "CAD",
        re.compile(
            r"\bCanad[aá]\b|\b(?:AB|BC|MB|NB|NL|NS|ON|PE|QC|SK)\b[ ,.]+[A-Z]\d[A-Z] ?\d[A-Z]\d\b|\bGST/HST\b|"
            r"\bHST\b|\bTPS\b|\bTVQ\b|\bQST\b|\bToronto\b|\bMontr[ée]al\b|\bVancouver\b|\bOttawa\b|\bCalgary\b"
        ),
    ),
    (
        "USD",
        re.compile(
            rf",\s*(?:{_US_STATES})\.?\s+\d{{5}}(?:-\d{{4}})?\b|\bUnited States\b|\bU\.S\.A\.?\b|\bUSA\b|"
            rf"\b(?:{_US_STATES.replace('DE|', '')})\s+\d{{5}}(?:-\d{{4}})?\b"
        ),
    ),
    ("HKD", re.compile(r"\bHong Kong\b|\bKowloon\b|香港")),
    ("SGD", re.compile(r"\bSingapore\b|\bUEN\b")),
    ("AUD", re.compile(r"\bAustralia\b|\bABN\b")),
    ("NZD", re.compile(r"\bNew Zealand\b|\bGST No\b.*\bNZ\b")),
    ("INR", re.compile(r"\bGSTIN\b|\bCGST\b|\bSGST\b|\bIGST\b|\bIndia\b")),
    (
        "MYR",
        re.compile(
            r"(?i:\bSdn\.?\s*Bhd\b)|\bMalaysia\b|\((?:RM)\)|\b(?:Selangor|Johor|Kuala\s?Lumpur|Penang|"
            r"Pulau Pinang|Melaka|Perak|Kedah|Pahang|Sabah|Sarawak|Negeri Sembilan|Terengganu|Kelantan)\b",
            re.IGNORECASE,
        ),
    ),
    ("CHF", re.compile(r"\bCHE-\d{3}\.\d{3}\.\d{3}\b|\bSchweiz\b|\bSuisse\b|\bSvizzera\b|\bMWST\b")),
    ("NOK", re.compile(r"\bMVA\b|\bNorge\b|\.no\b")),
    ("DKK", re.compile(r"\bCVR\b|\bDanmark\b|\.dk\b")),
    ("SEK", re.compile(r"\bOrg\.?\s?nr\b|\bMoms\b|\bSverige\b|\.se\b")),
    ("HRK", re.compile(r"\bOIB\b|\bPDV\b|\bHrvatska\b|\bkn\b")),
    ("CZK", re.compile(r"\bDPH\b|\bIČO?\b|\bDIČ\b|\bKč\b|\bPraha\b|\bČeská\b")),
    ("PLN", re.compile(r"\bNIP\b|\bzł\b|\bPolska\b|\bSp\. z o\.o\.|\bWarszawa\b")),
    (
        "GBP",
        re.compile(
            r"\bUnited Kingdom\b|\bVAT Reg(?:istration)?\.? No\b|\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b|"
            r"\bGB ?\d{3} ?\d{4} ?\d{2}\b"
        ),
    ),
    (
        "EUR",
        re.compile(
            r"\b(?:MwSt|Mwst|USt|Umsatzsteuer|Mehrwertsteuer|TVA|BTW|Btw|btw|IVA|UID|ATU\d{8}|KMKR|ALV)\b|"
            r"\b(?:Rechnung|Quittung|Kassenbon|Facture|Factuur|Kassabon|Factura|Fattura|Ricevuta|Summe|"
            r"Gesamt|Betrag|Totaal|Bedrag|Montant|Importe|Importo|Ireland|Éire|Eesti|Tallinn|Österreich|"
            r"Deutschland|France|España|Italia|Nederland|Belgi[eëq]ue?)\b|"
            # the thanks, till and cash words of euro-area receipts
            r"(?i:\b(?:merci|caisse|espèces|danke|kasse|bedankt|kassa|gracias|efectivo|grazie|scontrino|"
            r"contanti)\b)"
        ),
    ),
]
_AMBIGUOUS = {"USD": ("CAD", "AUD", "NZD", "SGD", "HKD"), "SEK": ("NOK", "DKK")}


def _country_votes(text: str) -> Counter[str]:
    votes: Counter[str] = Counter()
    for code, evidence in _COUNTRIES:
        found = len(evidence.findall(text))
        if found:
            votes[code] = found
    return votes


def country_currency(text: str, among: tuple[str, ...] | None = None) -> str | None:
    """The currency of the issuer's country, from its address and tax words; None when unsure.
    `among` limits the answer (which dollar a "$" is)."""
    votes = _country_votes(text)
    ranked = [
        code for code, _ in sorted(votes.items(), key=lambda kv: -kv[1]) if among is None or code in among
    ]
    if not ranked:
        return None
    code = ranked[0]
    if code == "HRK":  # Croatia has paid in euros since 2023
        years = [int(y) for y in _YEAR.findall(text)]
        return "HRK" if years and max(years) <= 2022 else "EUR"
    return code


def document_currency(text: str, printed: str | None = None) -> str | None:
    """The invoice's currency. `printed` is the currency printed with the chosen total, if any."""
    votes: Counter[str] = Counter()
    for m in _FIELD.finditer(text):
        if currency_code(m.group(1)):
            votes[m.group(1).upper()] += 5
    for line in text.split("\n"):
        for amount in find_amounts(line):
            if amount.currency:
                votes[amount.currency] += 2
    for m in _ISO.finditer(text):
        votes[m.group(1)] += 1
    if printed:
        votes[printed] += 2
    if not votes:
        return country_currency(text)
    best = votes.most_common(1)[0][0]
    if {"EUR", "HRK"} <= set(votes) and best in ("EUR", "HRK"):
        # Croatian receipts showed kuna and euro side by side around the 2023 changeover.
        years = [int(y) for y in _YEAR.findall(text)]
        best = "EUR" if years and max(years) >= 2023 else "HRK"
    if best in _AMBIGUOUS and not re.search(rf"\b{best}\b|US\$", text):
        # A bare "$" or "kr": the country says which dollar or crown.
        local = country_currency(text, among=_AMBIGUOUS[best])
        if local is not None:
            return local
    return best
