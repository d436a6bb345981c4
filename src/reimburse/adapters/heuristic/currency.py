"""The currency of an invoice: what its amounts are printed with, else the issuer's country.

Evidence, strongest first: a currency field ("Währung: GBP"), codes and symbols printed with
amounts, ISO codes standing alone. A symbol standing alone counts for nothing (OCR turns stray
marks into "¥"). "$" and "kr" name several currencies, and many receipts print no symbol at all:
the issuer's country settles those, the way a reader would. The country comes first from what
names one country (an address, a VAT id or IBAN prefix, a phone prefix, a tax number); only when
none does, from the words of a language spoken mostly in the euro area ("MwSt" and "Rechnung"
with no symbol mean euros in Germany and Austria, but not in Switzerland). A currency read from
the country or the language is a guess, and `currency_reading` says so.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from reimburse.adapters.heuristic import currency_table
from reimburse.adapters.heuristic.amounts import AmountMatch, currency_code, find_amounts, parse_number
from reimburse.adapters.heuristic.dates import second_calendar
from reimburse.adapters.heuristic.language import guess_language
from reimburse.adapters.heuristic.parties import issuer_side
from reimburse.adapters.invoice_labels.labels import Label, find_labels

_FIELD = re.compile(r"(?i:currency|währung|devise|valuta|moneda|divisa|měna|waluta)\s*[:=]?\s*([A-Z]{3})\b")
# Every current ISO 4217 code (Babel's list), and the kuna, still printed on older receipts.
_KNOWN_CODES = currency_table.CURRENT | {"HRK"}
# Codes that are also English words or names ("TRY OUR APP", "SERVER: RON", "ALL ITEMS"): on their
# own they state nothing; in a currency field they count, and beside amounts as set out below.
_WORD_CODES = currency_table.WORD_CODES
_ISO = re.compile(r"(?<![A-Za-z])(" + "|".join(sorted(_KNOWN_CODES - _WORD_CODES)) + r")(?![A-Za-z])")
# A word code the amount reader does not take ("CUP 2.50" is an item as often as Cuban pesos)
# counts when printed beside two different amounts written as money (cents or grouped
# thousands), the total among them: the way an invoice repeats its currency on the net, the
# tax and the total ("Latte CUP 2.50, Mocha CUP 3.00, Total 5.50" states no currency).
_MONEY_SHAPED = r"\d{1,3}(?:[,.' ]\d{3})*[.,]\d{2}(?![\d.,]\d)|\d{1,3}(?:[,.' ]\d{3})+(?![\d.,]\d)"
_UNREAD_WORD_CODES = sorted(c for c in _WORD_CODES if currency_code(c) is None)
_WORD_CODE_AMOUNT = re.compile(
    rf"(?<![^\W\d_])(?P<before>{'|'.join(_UNREAD_WORD_CODES)})\s?(?P<n1>{_MONEY_SHAPED})"
    rf"|(?<![\d.,])(?P<n2>{_MONEY_SHAPED})\s?(?P<after>{'|'.join(_UNREAD_WORD_CODES)})(?![^\W\d_])"
)
# "DE" is left out: a German postcode ("DE 80333 München") reads exactly like a Delaware ZIP.
_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|"
    "NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
_YEAR = re.compile(r"(?<!\d)(?:19[89]\d|20[0-4]\d)(?!\d)")
_EURO_AREA = [
    "AT",
    "BE",
    "CY",
    "DE",
    "EE",
    "EL",
    "ES",
    "FI",
    "FR",
    "GR",
    "IE",
    "IT",
    "LT",
    "LU",
    "LV",
    "MT",
    "NL",
    "PT",
    "SI",
    "SK",
]

# ISO country -> currency, for VAT ids, IBANs and web domains. Croatia is "HRK" here and becomes
# euros from 2023 on (see `country_currency`).
_BY_COUNTRY: dict[str, str] = {
    **dict.fromkeys(_EURO_AREA, "EUR"),
    "CH": "CHF",
    "LI": "CHF",
    "GB": "GBP",
    "UK": "GBP",
    "PL": "PLN",
    "CZ": "CZK",
    "HU": "HUF",
    "HR": "HRK",
    "SE": "SEK",
    "DK": "DKK",
    "NO": "NOK",
    "RO": "RON",
    "BG": "BGN",
}
# E.164 calling codes (a prefix-free set, so "+4989..." splits one way only). +1 is left out: it
# is both the US and Canada.
_CALLING: dict[str, str] = {
    **dict.fromkeys(
        [
            "30",
            "31",
            "32",
            "33",
            "34",
            "351",
            "352",
            "353",
            "356",
            "357",
            "358",
            "370",
            "371",
            "372",
            "386",
            "39",
            "421",
            "43",
            "49",
        ],
        "EUR",
    ),
    **{"41": "CHF", "423": "CHF", "44": "GBP", "48": "PLN", "420": "CZK", "36": "HUF", "385": "HRK"},
    **{"46": "SEK", "45": "DKK", "47": "NOK", "40": "RON", "359": "BGN", "91": "INR", "60": "MYR"},
    **{"65": "SGD", "61": "AUD", "64": "NZD", "852": "HKD", "81": "JPY", "86": "CNY", "971": "AED"},
    **{"27": "ZAR", "55": "BRL", "52": "MXN", "66": "THB", "62": "IDR", "90": "TRY", "82": "KRW"},
    **{"977": "NPR", "92": "PKR", "94": "LKR"},
    # the CFA francs: West Africa (Senegal, Mali, Côte d'Ivoire, Burkina Faso, Niger, Togo, Benin,
    # Guinea-Bissau) and Central Africa (Cameroon, Gabon, Congo, Chad, Central African Republic,
    # Equatorial Guinea)
    **dict.fromkeys(["221", "223", "225", "226", "227", "228", "229", "245"], "XOF"),
    **dict.fromkeys(["237", "241", "242", "235", "236", "240"], "XAF"),
}
# A phone number goes on for six digits or more after its code; "+44.50" is a signed amount.
_PHONE = re.compile(
    r"\+\s?\(?(" + "|".join(sorted(_CALLING, key=len, reverse=True)) + r")\)?(?=(?:[\s\-/.()]{0,2}\d){6})"
)
# Written without a space: "INVOICE NO 12345678" is no Norwegian VAT id (those end in "MVA").
_VAT_COUNTRIES = [c for c in _BY_COUNTRY if c not in ("NO", "UK")]
# A VAT id is its country's code and digits (DE123456789, ATU12345678, FR12345678901,
# ESB12345678, NL123456789B01, IE1234567X); an IBAN is the code, two check digits and the account.
_VAT_ID = re.compile(
    r"(?<![A-Za-z0-9])(" + "|".join(_VAT_COUNTRIES) + r")"
    r"(?:U\d{8}|\d{8,12}|\d{9}B\d{2}|[A-Z]\d{7}[A-Z0-9]|\d{7}[A-Z]{1,2}|[0-9A-Z]{2}\d{9})(?![A-Za-z0-9])"
)
_IBAN = re.compile(
    r"(?<![A-Za-z0-9])("
    + "|".join(_BY_COUNTRY)
    + r")\d{2}(?:\s?[A-Z0-9]{4}){3,7}(?:\s?[A-Z0-9]{1,3})?(?![A-Za-z0-9])"
)
_DOMAIN_TLDS = {
    **{c.lower(): v for c, v in _BY_COUNTRY.items() if c not in ("GB", "EL", "UK")},
    "uk": "GBP",
    "gr": "EUR",
    "in": "INR",
    "my": "MYR",
    "sg": "SGD",
    "au": "AUD",
    "ca": "CAD",
    "hk": "HKD",
    "nz": "NZD",
}
_DOMAIN = re.compile(
    r"(?i:(?:www\.|@\s?|https?://)[\w\-]+(?:\.[\w\-]+)*?\.(" + "|".join(_DOMAIN_TLDS) + r"))(?![\w\-]|\.\w)"
)
# "D-80333 München", "A-1010 Wien", "CH-8001 Zürich": the old European postcode prefixes.
_POSTCODE_PREFIX = re.compile(r"(?<![\w\-])(D|A|F|I|B|L|NL|CH|FL)-\d{4,5}\s+[^\W\d_]{2}")
_POSTCODE_COUNTRIES = {"CH": "CHF", "FL": "CHF"}

# (currency, evidence that names the issuer's country): an address, a country, a tax or
# registration number of that country alone, a currency word of its own.
_COUNTRIES: list[tuple[str, re.Pattern[str]]] = [
    (
        "CAD",
        re.compile(
            r"\bCanad[aá]\b|\b(?:AB|BC|MB|NB|NL|NS|ON|PE|QC|SK)\b[ ,.]+[A-Z]\d[A-Z] ?\d[A-Z]\d\b|\bGST/HST\b|"
            r"\bHST\b|\bTPS\b|\bTVQ\b|\bQST\b|\bToronto\b|\bMontr[ée]al\b|\bVancouver\b|\bOttawa\b|\bCalgary\b|"
            # the GST/HST account: a 9-digit business number, "RT" and 4 digits (CRA convention)
            r"(?<!\d)\d{9}\s?RT\s?\d{4}(?!\d)|"
            r"\b(?:Ontario|Qu[ée]bec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick)\b"
        ),
    ),
    (
        "USD",
        re.compile(
            rf",\s*(?:{_US_STATES})\.?\s+\d{{5}}(?:-\d{{4}})?\b|\bUnited States\b|\bU\.S\.A\.?\b|\bUSA\b|"
            rf"\b(?:{_US_STATES})\s+\d{{5}}(?:-\d{{4}})?\b"
        ),
    ),
    ("HKD", re.compile(r"\bHong Kong\b|\bKowloon\b|香港")),
    ("SGD", re.compile(r"\bSingapore\b|\bUEN\b")),
    (
        "CAD",
        # British Columbia, Saskatchewan and Manitoba print a provincial sales tax beside the GST
        # ("PST" alone is also Pacific Standard Time on a US till slip).
        re.compile(r"\bPST\b(?=[\s\S]*\bGST\b)|\bGST\b(?=[\s\S]*\bPST\b)"),
    ),
    (
        "AUD",
        # a state and its four-digit postcode, whose first digit the state owns (Australia Post)
        re.compile(
            r"\bAustralia\b|\bABN\b|\b(?:NSW\s+[12]|ACT\s+(?:02|2[6-9])|VIC\s+[38]|QLD\s+[49]|SA\s+5|WA\s+6|"
            r"TAS\s+7|NT\s+08)\d{2,3}(?!\d)(?<=\s\d{4})|\b(?:Sydney|Melbourne|Brisbane|Adelaide|Canberra)\b"
        ),
    ),
    ("NZD", re.compile(r"\bNew Zealand\b|\bGST No\b.*\bNZ\b|\bAuckland\b|\bChristchurch\b|\bAotearoa\b")),
    (
        "INR",
        re.compile(
            r"\bGSTIN\b|\bCGST\b|\bSGST\b|\bIGST\b|\bIndia\b|\bFSSAI\b|"
            # a six-digit PIN code after its word, the postal convention of India alone
            r"\bPIN(?:\s?CODE)?\s?[:\-]?\s?[1-8]\d{2}\s?\d{3}(?!\d)|"
            r"\b(?:Maharashtra|Karnataka|Tamil\s?Nadu|Kerala|Telangana|Andhra\s?Pradesh|Uttar\s?Pradesh|"
            r"Madhya\s?Pradesh|Gujarat|Rajasthan|West\s?Bengal|Haryana|Odisha|Bihar|Goa|"
            r"Mumbai|New\s?Delhi|Delhi|Bengaluru|Bangalore|Chennai|Kolkata|Pune|Ahmedabad|"
            r"Gurugram|Gurgaon|Noida|Jaipur)\b",
            re.IGNORECASE,
        ),
    ),
    # Nepal: its name and towns (its Bikram Sambat dates count too, see `_country_votes`)
    (
        "NPR",
        re.compile(
            r"\bNepal\b|नेपाल|\b(?:Kathmandu|Lalitpur|Bhaktapur|Pokhara|Biratnagar|Birgunj)\b", re.IGNORECASE
        ),
    ),
    ("PKR", re.compile(r"\bPakistan\b|\b(?:Karachi|Lahore|Islamabad|Rawalpindi)\b", re.IGNORECASE)),
    ("LKR", re.compile(r"\bSri\s?Lanka\b", re.IGNORECASE)),  # not "Colombo": an Italian surname too
    ("IDR", re.compile(r"\bIndonesia\b|\bJakarta\b|\bNPWP\b")),  # before MYR: both say "Jalan"
    (
        "MYR",
        # Malay street words (Jalan, Taman, Lorong) head the addresses of Malaysian receipts; OCR
        # often glues "SDNBHD" to the name before it.
        re.compile(
            # SST: the Sales and Service Tax, Malaysia's since 2018
            r"SDN\.?\s*BHD\b|(?<![^\W\d_])(?:Jalan|Jln|Taman|Lorong)\b|\bMalaysia\b|\((?:RM)\)|\bSST\b|"
            r"\b(?:Selangor|Johor|Kuala\s?Lumpur|Penang|"
            r"Pulau Pinang|Melaka|Perak|Kedah|Pahang|Sabah|Sarawak|Negeri Sembilan|Terengganu|Kelantan)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "CHF",
        re.compile(
            r"\bCHE-\d{3}\.\d{3}\.\d{3}\b|\bSchweiz\b|\bSuisse\b|\bSvizzera\b|\bSwitzerland\b|\bLiechtenstein\b|"
            r"\bZürich\b|\bGenève\b|\bBasel\b|\bLuzern\b|\bLausanne\b"
        ),
    ),
    ("NOK", re.compile(r"\bMVA\b|\bNorge\b|\bNorway\b|\.no\b")),
    ("DKK", re.compile(r"\bCVR\b|\bDanmark\b|\bDenmark\b|\bKøbenhavn\b|\.dk\b")),
    ("SEK", re.compile(r"\bOrg\.?\s?nr\b|\bMoms\b|\bSverige\b|\bSweden\b|\.se\b")),
    ("HRK", re.compile(r"\bOIB\b|\bPDV\b|\bHrvatska\b|\bCroatia\b|\bkn\b")),
    ("CZK", re.compile(r"\bDPH\b|\bIČO?\b|\bDIČ\b|\bKč\b|\bPraha\b|\bČeská\b|\bCzech(?:ia)?\b")),
    (
        "PLN",
        re.compile(r"\bNIP\b|\bzł\b|\bPolska\b|\bPoland\b|\bSp\. z o\.o\.|\bWarszawa\b|\bKraków\b|\bPTU\b"),
    ),
    # Romania: its tax number "RO" + digits after CIF or CUI (CIF is Spain's word too), its name, its capital
    (
        "RON",
        re.compile(
            r"\b(?:CIF|CUI|Cod fiscal)\W{0,3}RO\s?\d{2,10}\b|\bRomânia\b|\bRomania\b|\bBucure[sșş]ti\b"
        ),
    ),
    ("HUF", re.compile(r"\bKft\.|\bZrt\.|\bÁFA\b|\bMagyarország\b|\bHungary\b|\bBudapest\b|(?<=\d )Ft\b")),
    (
        "GBP",
        re.compile(
            r"\bUnited Kingdom\b|\bVAT Reg(?:istration)?\.? No\b|\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b|"
            r"\bGB ?\d{3} ?\d{4} ?\d{2}\b|\bEngland\b|\bScotland\b|\bWales\b|\bGreat Britain\b"
        ),
    ),
    (
        "EUR",
        re.compile(
            r"\bATU\d{8}\b|\bKMKR\b|\bIreland\b|\bÉire\b|\bEesti\b|\bTallinn\b|\bÖsterreich\b|\bAustria\b|"
            r"\bDeutschland\b|\bGermany\b|\bFrance\b|\bEspaña\b|\bSpain\b|\bItalia\b|\bItaly\b|\bNederland\b|"
            r"\bNetherlands\b|\bBelgi(?:[eëq]ue?|um)\b|\bPortugal\b|\bLuxembourg\b|\bFinland\b|\bSuomi\b|"
            r"\bSIRET\b|\bSIREN\b|\bKvK\b|\bP\.\s?IVA\b|\bPartita IVA\b|\bNIF\b|\bCIF\b|\bHRB\b|\bSteuernummer\b"
        ),
    ),
]
# OCR glues the words of an upper-case address ("75012PARISFRANCE", "84600,PAGOHJOHOR"): a country
# or state name ending such a run still names the country (each name also counts on its own above).
_GLUED_NAMES: dict[str, str] = {
    **dict.fromkeys(
        [
            "FRANCE",
            "GERMANY",
            "DEUTSCHLAND",
            "AUSTRIA",
            "ÖSTERREICH",
            "ITALIA",
            "ITALY",
            "ESPAÑA",
            "SPAIN",
            "NEDERLAND",
            "NETHERLANDS",
            "BELGIUM",
            "BELGIQUE",
            "PORTUGAL",
            "IRELAND",
            "FINLAND",
            "LUXEMBOURG",
        ],
        "EUR",
    ),
    **dict.fromkeys(["SCHWEIZ", "SUISSE", "SVIZZERA", "SWITZERLAND"], "CHF"),
    **dict.fromkeys(
        [
            "MALAYSIA",
            "SELANGOR",
            "JOHOR",
            "PENANG",
            "MELAKA",
            "PERAK",
            "KEDAH",
            "PAHANG",
            "SABAH",
            "SARAWAK",
            "TERENGGANU",
            "KELANTAN",
        ],
        "MYR",
    ),
    **{"SINGAPORE": "SGD", "INDIA": "INR", "CANADA": "CAD", "AUSTRALIA": "AUD", "POLSKA": "PLN"},
}
_GLUED = re.compile(r"(?<=[A-Z0-9,])(" + "|".join(_GLUED_NAMES) + r")(?![^\W\d_])")

# Words of languages and tax systems mostly of the euro area: a guess, outweighed by anything
# that names a country (Swiss invoices say "Rechnung" and "MwSt" too).
_EURO_WORDS = re.compile(
    r"\b(?:MwSt|Mwst|USt|Umsatzsteuer|Mehrwertsteuer|TVA|BTW|Btw|btw|IVA|UID|ALV)\b|"
    # Greek: VAT (ΦΠΑ), invoice, receipt; Greek is written in the euro area only (Greece, Cyprus)
    r"(?<![^\W\d_])(?:ΦΠΑ|Φ\.Π\.Α\.|(?i:τιμολ[οό]γιο|απ[οό]δειξη))(?![^\W\d_])|"
    r"\b(?:Rechnung|Quittung|Kassenbon|Facture|Factuur|Kassabon|Factura|Fattura|Fatura|Ricevuta|Recibo|"
    r"Summe|Gesamt|Betrag|Totaal|Bedrag|Montant|Importe|Importo)\b|"
    # the thanks, till and cash words of euro-area receipts
    r"(?i:\b(?:(?:re)?merci(?:e|ons)?|caisse|espèces|danke|kasse|bedankt|kassa|gracias|efectivo|grazie|scontrino|"
    r"contanti|obrigad[oa])\b)"
)
_SWISS_WORDS = re.compile(r"\bMWST\b")
_EURO_LANGUAGES = frozenset({"de", "fr", "it", "es", "nl", "pt"})
# Anything naming a country counts this many times a language word.
COUNTRY_WEIGHT = 3
_AMBIGUOUS = {"USD": ("CAD", "AUD", "NZD", "SGD", "HKD"), "SEK": ("NOK", "DKK"), "XOF": ("XAF",)}
# The United States levies no GST: a "$" beside a GST at a national rate is that country's dollar
# (Canada 5%, Australia 10%, New Zealand 15%, Singapore 7% to 2022, 8% in 2023, 9% since 2024).
_GST_RATE = re.compile(
    r"(?<![^\W\d_])GST(?![^\W\d_])[^\n\d%]{0,12}?(\d{1,2}(?:[.,]0+)?)\s?%|"
    r"(?<![\d.,])(\d{1,2}(?:[.,]0+)?)\s?%\s*GST(?![^\W\d_])"
)
# Dollars named in words: "in US Dollars", "U.S. dollars", "Australian dollars", "dollars canadiens".
_SPELLED_DOLLARS = (
    (
        "USD",
        re.compile(r"(?i)(?<![^\W\d_])(?:U\.?S\.?|united\s+states|american)\s*-?\s*dollars?(?![^\W\d_])"),
    ),
    ("AUD", re.compile(r"(?i)(?<![^\W\d_])(?:australian\s+dollars?|dollars?\s+australiens?)(?![^\W\d_])")),
    ("CAD", re.compile(r"(?i)(?<![^\W\d_])(?:canadian\s+dollars?|dollars?\s+canadiens?)(?![^\W\d_])")),
    ("NZD", re.compile(r"(?i)(?<![^\W\d_])new\s+zealand\s+dollars?(?![^\W\d_])")),
    ("SGD", re.compile(r"(?i)(?<![^\W\d_])singapore\s+dollars?(?![^\W\d_])")),
    ("HKD", re.compile(r"(?i)(?<![^\W\d_])hong\s+kong\s+dollars?(?![^\W\d_])")),
)
_GST_DOLLARS = {5: "CAD", 10: "AUD", 15: "NZD", 7: "SGD", 8: "SGD", 9: "SGD"}


def _gst_dollar(text: str) -> str | None:
    """The dollar a GST rate names, when every GST rate printed names the same one."""
    named = {
        _GST_DOLLARS.get(int(float((m.group(1) or m.group(2)).replace(",", "."))))
        for m in _GST_RATE.finditer(text)
    }
    return named.pop() if len(named) == 1 and None not in named else None


def _country_votes(text: str) -> Counter[str]:
    """Votes for the currency of the issuer's country, from evidence that names one country."""
    votes: Counter[str] = Counter()
    for code, evidence in _COUNTRIES:
        found = len(evidence.findall(text))
        if found:
            votes[code] += found
    for pattern, table in ((_VAT_ID, _BY_COUNTRY), (_IBAN, _BY_COUNTRY), (_PHONE, _CALLING)):
        for m in pattern.finditer(text):
            votes[table[m.group(1)]] += 1
    for m in _DOMAIN.finditer(text):
        votes[_DOMAIN_TLDS[m.group(1).lower()]] += 1
    for m in _GLUED.finditer(text):
        votes[_GLUED_NAMES[m.group(1)]] += 1
    for m in _POSTCODE_PREFIX.finditer(text):
        votes[_POSTCODE_COUNTRIES.get(m.group(1), "EUR")] += 1
    if second_calendar(text):  # Bikram Sambat dates beside Gregorian ones: Nepal's tax invoices
        votes["NPR"] += 1
    return votes


# "Rs", "Rs." and "Rupees" name the rupees of India, Nepal, Pakistan and Sri Lanka alike (the
# readers take them for INR); "₹" and "INR" are India's own.
_RUPEES = ("INR", "NPR", "PKR", "LKR")
_RUPEE_SIGN = re.compile(r"(?<![^\W\d_])(?:R[Ss]\.?|Rupees?|RUPEES?)(?![^\W\d_])")
_INDIAN_SIGN = re.compile(r"₹|(?<![A-Za-z])INR(?![A-Za-z])")


def _rupee(text: str) -> str | None:
    """Which rupee a printed "Rs" is, when evidence of one country alone outweighs the others;
    "" when two countries' evidence weighs the same (nothing settles it)."""
    if not _RUPEE_SIGN.search(text):
        return None
    votes = _country_votes(text)
    ranked = sorted(((votes[c], c) for c in _RUPEES if votes[c]), reverse=True)
    if not ranked:
        return None
    return "" if len(ranked) > 1 and ranked[0][0] == ranked[1][0] else ranked[0][1]


# A bare "R" is the rand's sign, but also a "₹" or an "R$" that lost a stroke in OCR, or a row's
# letter: it is the rand only beside South African evidence, its code or name, the country (its
# name, "+27") or a South African VAT number (ten digits starting with 4).
_SOUTH_AFRICAN = re.compile(
    r"(?<![^\W\d_])(?:ZAR|[Rr]ands?|RANDS?|(?i:south\s+africa|suid-afrika))(?![^\W\d_])|"
    r"(?i:(?<![^\W\d_])VAT\s*(?:reg(?:istration)?\.?\s*)?(?:no\.?|number|#)?\s*:?\s*)4\d{9}(?!\d)"
)


def _bare_rand(text: str) -> CurrencyReading:
    """The currency of a text whose only sign is a bare "R" and that names nothing South African:
    the country evidence's, or none."""
    ranked, basis = _ranked(text, None)
    if ranked and basis == "country":
        return CurrencyReading(_after_changeover(ranked[0], text), basis)
    return CurrencyReading(None, "none")


def _language_votes(text: str) -> Counter[str]:
    """Votes from words of a language or tax system shared by several countries: a guess."""
    votes: Counter[str] = Counter()
    if found := len(_EURO_WORDS.findall(text)):
        votes["EUR"] += found
    if guess_language(text) in _EURO_LANGUAGES:
        votes["EUR"] += 1
    if found := len(_SWISS_WORDS.findall(text)):
        votes["CHF"] += found
    return votes


def _support(text: str) -> tuple[Counter[str], Counter[str]]:
    """Each currency's support (countries weigh COUNTRY_WEIGHT, language words one), and the
    country evidence alone."""
    country = _country_votes(text)
    votes = Counter({code: COUNTRY_WEIGHT * n for code, n in country.items()})
    votes.update(_language_votes(text))
    return votes, country


def _ranked(text: str, among: tuple[str, ...] | None) -> tuple[list[str], str]:
    """Currencies by support (countries weigh COUNTRY_WEIGHT, language words one), and the basis
    of the best: "country" when some evidence names a country for it, else "language"."""
    votes, country = _support(text)
    ranked = [
        code for code, _ in sorted(votes.items(), key=lambda kv: -kv[1]) if among is None or code in among
    ]
    basis = "country" if ranked and ranked[0] in country else "language"
    return ranked, basis


def _after_changeover(code: str, text: str) -> str:
    if code == "HRK":  # Croatia has paid in euros since 2023
        years = [int(y) for y in _YEAR.findall(text)]
        return "HRK" if years and max(years) <= 2022 else "EUR"
    return code


def country_currency(text: str, among: tuple[str, ...] | None = None) -> str | None:
    """The currency of the issuer's country, from its address and tax words; None when unsure.
    `among` limits the answer (which dollar a "$" is)."""
    ranked, _ = _ranked(text, among)
    return _after_changeover(ranked[0], text) if ranked else None


@dataclass(frozen=True)
class CurrencyReading:
    """The invoice's currency and what it rests on: "printed" with amounts, "stated" as a code or
    field, or guessed from the issuer's "country" or the document's "language"."""

    code: str | None
    basis: str

    @property
    def guessed(self) -> bool:
        return self.basis in ("country", "language")


def document_currency(text: str, printed: str | None = None) -> str | None:
    """The invoice's currency. `printed` is the currency printed with the chosen total, if any."""
    return currency_reading(text, printed).code


def sign_is_sure(text: str, printed: str) -> bool:
    """Whether an amount printed with the sign read as `printed` is surely in that currency: "Rs"
    read as INR is not when the issuer's country is Nepal, Pakistan or Sri Lanka."""
    return printed != "INR" or _INDIAN_SIGN.search(text) is not None or _rupee(text) in (None, "", "INR")


_SUM_LABELS = frozenset(
    {Label.GRAND, Label.TOTAL, Label.NET, Label.PAID, Label.SUBTOTAL, Label.TAX, Label.TAX_TOTAL, Label.DUE}
)


def _word_codes_with_amounts(text: str, total: Decimal | None) -> Counter[str]:
    """Votes for word codes printed beside two different money amounts or more on net, tax and total
    lines, the total one of them."""
    amounts: dict[str, list[Decimal | None]] = {}
    if total is None:
        return Counter()
    for line in text.split("\n"):
        matches = list(_WORD_CODE_AMOUNT.finditer(line))
        # on the net, tax and total only: items may be named like codes ("TOP 40.00", "GEL 8.50")
        if not matches or not any(h.label in _SUM_LABELS for h in find_labels(line)):
            continue
        for m in matches:
            code = m.group("before") or m.group("after")
            amounts.setdefault(code, []).append(parse_number(m.group("n1") or m.group("n2")))
    return Counter(
        {code: 2 * len(seen) for code, seen in amounts.items() if len(set(seen)) >= 2 and total in seen}
    )


def _address_countries(names: dict[str, str]) -> re.Pattern[str]:
    """A country named where an address names it: at the end of a line, alone or after a comma
    ("Bogotá, Colombia"; "Chile Relleno" on a menu names no country)."""
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?m)(?:^|,)[ \t]*({alternatives})\.?[ \t]*(?:[-\d]*[ \t]*)$")


# A bare "$" abroad: the territories CLDR says print their money with "$" (the pesos of Mexico,
# Colombia, Chile, Argentina besides the dollars).
_DOLLAR_LAND_NAMES: dict[str, str] = {
    name: code
    for territory, (code, names) in currency_table.DOLLAR_SIGN_LANDS.items()
    if territory != "US"
    for name in names
}
_DOLLAR_LAND = _address_countries(_DOLLAR_LAND_NAMES)
# The Central African CFA franc's countries: their "F CFA" is XAF, not West Africa's XOF.
_XAF_LANDS = _address_countries(
    dict.fromkeys(
        (n for t in currency_table.COUNTRIES["XAF"] for n in currency_table.territory_names(t)), "XAF"
    )
)


def _dollar_land(text: str) -> str | None:
    """The currency of the one "$" country the issuer's address names, when no evidence places the issuer in
    the United States (a US receipt may name Mexico in a restaurant's name)."""
    if _country_votes(text)["USD"]:
        return None
    # The issuer's address only: a US seller's receipt to a customer in Mexico is in dollars.
    named = {_DOLLAR_LAND_NAMES[m.group(1)] for m in _DOLLAR_LAND.finditer(issuer_side(text))}
    return named.pop() if len(named) == 1 else None


# "¥" is the sign of the yen and of the yuan alike. Japanese writes kana on every receipt
# ("お預り", "レシート"), often "円" after the amount, and no decimals (the yen has no coin below
# one); Chinese writes no kana and prices in yuan with their two decimals ("¥128.00").
_HAN = re.compile(r"[\u4e00-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")
_YEN_NAMED = re.compile(r"円|(?<![A-Za-z])(?:JPY|[Yy]en)(?![A-Za-z])")
_SIGN_WITH_CENTS = re.compile(r"[¥￥]\s?\d{1,3}(?:,?\d{3})*\.\d\d(?!\d)")


def _chinese_yen_sign(text: str) -> bool:
    """Whether a "¥" read as yen stands in Chinese text: Han characters, no kana, no yen named,
    and an amount after the sign printed with two decimals."""
    return (
        bool(_HAN.search(text))
        and not _KANA.search(text)
        and not _YEN_NAMED.search(text)
        and bool(_SIGN_WITH_CENTS.search(text))
    )


def currency_reading(
    text: str,
    printed: str | None = None,
    found: list[list[AmountMatch]] | None = None,
    total: Decimal | None = None,
) -> CurrencyReading:
    """The invoice's currency and its basis. `printed` is the currency printed with the chosen total;
    `found` each of the text's lines' find_amounts, when the caller has them already; `total` the
    total read (a word code such as "MAD" counts beside amounts only when printed with it)."""
    votes: Counter[str] = Counter()
    with_amounts: Counter[str] = Counter()
    for m in _FIELD.finditer(text):
        if currency_code(m.group(1)) or m.group(1) in _KNOWN_CODES:
            votes[m.group(1).upper()] += 5
    for amounts in found if found is not None else map(find_amounts, text.split("\n")):
        for amount in amounts:
            if amount.currency:
                with_amounts[amount.currency] += 2
    with_amounts.update(_word_codes_with_amounts(text, total))
    for m in _ISO.finditer(text):
        if m.group(1) not in _WORD_CODES:
            votes[m.group(1)] += 1
    if printed:
        with_amounts[printed] += 2
    votes.update(with_amounts)
    if not votes:
        if (rupee := _rupee(text)) is not None:  # "Rs. One hundred only": its country says whose
            return CurrencyReading(rupee, "stated") if rupee else CurrencyReading(None, "none")
        ranked, basis = _ranked(text, None)
        return (
            CurrencyReading(_after_changeover(ranked[0], text), basis)
            if ranked
            else CurrencyReading(None, "none")
        )
    best = votes.most_common(1)[0][0]
    basis = "printed" if best in with_amounts else "stated"
    if best == "ZAR" and not _SOUTH_AFRICAN.search(text) and not _country_votes(text)["ZAR"]:
        return _bare_rand(text)  # "Total R 1,250.00" from Mumbai: an OCR'd "₹", not the rand
    if best == "INR" and not _INDIAN_SIGN.search(text) and (rupee := _rupee(text)):
        return CurrencyReading(rupee, basis)  # "Rs 185.00" on a bill from Kathmandu is NPR
    if {"EUR", "HRK"} <= set(votes) and best in ("EUR", "HRK"):
        # Croatian receipts showed kuna and euro side by side around the 2023 changeover.
        years = [int(y) for y in _YEAR.findall(text)]
        best = "EUR" if years and max(years) >= 2023 else "HRK"
    if best == "JPY" and _chinese_yen_sign(text):
        return CurrencyReading("CNY", basis)  # "合计 ¥128.00" on a bill from Shanghai is in yuan
    if best == "XOF" and not re.search(r"\bXOF\b", text) and _XAF_LANDS.search(issuer_side(text)):
        return CurrencyReading("XAF", basis)  # "F CFA" on a bill from Yaoundé, Cameroun
    if best in _AMBIGUOUS and not re.search(rf"\b{best}\b|US\$", text):
        # A bare "$" or "kr" whose dollar the text spells out ("All prices are in US dollars"):
        # that sentence outweighs a seller's address abroad.
        spelled = {code for code, name in _SPELLED_DOLLARS if name.search(text)}
        if len(spelled) == 1 and (code := spelled.pop()) in (best, *_AMBIGUOUS[best]):
            return CurrencyReading(code, basis)
        # A bare "$" or "kr": the country says which dollar or crown; another dollar's only when its
        # evidence outweighs the United States' ("2210 NE Alberta St, Portland, OR 97211" is no
        # Canadian address). "kr" has no country of its own: the best crown's country wins.
        ranked, _ = _ranked(text, _AMBIGUOUS[best])
        support, _ = _support(text)
        if ranked and (best != "USD" or support[ranked[0]] > support[best]):
            return CurrencyReading(_after_changeover(ranked[0], text), basis)  # a sign is printed
        if ranked:
            return CurrencyReading(best, basis)
        if best == "USD" and (dollar := _gst_dollar(text)) is not None:
            return CurrencyReading(dollar, basis)
        if best == "USD" and (dollar := _dollar_land(text)) is not None:
            return CurrencyReading(dollar, basis)
    return CurrencyReading(best, basis)
