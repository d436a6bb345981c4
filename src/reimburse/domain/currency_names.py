"""How currencies are written: signs, words and codes, in one table.

The invoice and policy readers, the chat's question understanding and money formatting all read it,
so a currency learnt once is known everywhere. Longer signs come first where a reader builds a
pattern from them ("US$" before "$").
"""

from __future__ import annotations

# A sign printed before or after an amount -> ISO 4217 code. "$" alone is the US dollar unless the
# document says otherwise (the readers weigh the country and the other amounts).
SIGNS: dict[str, str] = {
    "us$": "USD",
    "ca$": "CAD",
    "au$": "AUD",
    "nz$": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "a$": "AUD",
    "c$": "CAD",
    "r$": "BRL",
    "₹": "INR",
    "₨": "INR",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "円": "JPY",  # Japanese receipts print the yen after the amount ("4,820円"); Chinese writes 元
    "kč": "CZK",
    "zł": "PLN",
    "$": "USD",
    "₩": "KRW",
    "nt$": "TWD",
    "mx$": "MXN",
    "₱": "PHP",
    "฿": "THB",
    "₫": "VND",
    "₺": "TRY",
    "₽": "RUB",
    "₪": "ILS",
    # The CFA franc, written "F CFA" or "FCFA" after the amount: West Africa's (XOF); Central
    # Africa writes its own (XAF) the same way, and the issuer's country settles which (currency.py).
    "f cfa": "XOF",
    "fcfa": "XOF",
    # Signs written as words after the amount in one country each (issue 11): the lev ("11,40 лв."),
    # the rouble ("530 руб."), the hryvnia ("210,00 грн"), the Serbian dinar in Cyrillic ("640 дин."),
    # the dong ("65.000đ"), the Turkish lira ("45,00 TL"), the Saudi riyal ("43.50 ر.س"), the UAE
    # dirham's abbreviation (د.إ; the word درهم is Morocco's too), the baht (บาท), the won (원) and
    # the renminbi (人民币). Not "din" (DIN A4) nor 元 (China, Taiwan and Hong Kong alike).
    "лв": "BGN",
    "руб": "RUB",
    "грн": "UAH",
    "дин": "RSD",
    "đ": "VND",
    "tl": "TRY",
    "ر.س": "SAR",
    "د.إ": "AED",
    "บาท": "THB",
    "원": "KRW",
    "人民币": "CNY",
}

# Words and codes people write for a currency -> ISO 4217 code.
WORDS: dict[str, str] = {
    "rs": "INR",
    "re": "INR",  # "Re. 1": the singular rupee
    "inr": "INR",
    "rupee": "INR",
    "rupees": "INR",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "jpy": "JPY",
    "chf": "CHF",
    "aed": "AED",
    "sgd": "SGD",
    "aud": "AUD",
    "cad": "CAD",
    "nzd": "NZD",
    "hkd": "HKD",
    "sek": "SEK",
    "nok": "NOK",
    "dkk": "DKK",
    "pln": "PLN",
    "czk": "CZK",
    "huf": "HUF",
    "cny": "CNY",
    "rmb": "CNY",
    "zar": "ZAR",
    "thb": "THB",
    "myr": "MYR",
    "idr": "IDR",
    "lkr": "LKR",
    "npr": "NPR",
    "bdt": "BDT",
    "pkr": "PKR",
    "sar": "SAR",
    "qar": "QAR",
    "brl": "BRL",
    "mxn": "MXN",
    "krw": "KRW",
    "try": "TRY",
    "hrk": "HRK",
    "kn": "HRK",  # kuna, printed after the amount
    "kr": "SEK",  # krona/krone: the country settles SEK, NOK or DKK (currency.py)
    "rm": "MYR",  # ringgit, printed before the amount
    "kc": "CZK",  # Kč as OCR reads it, without its háček
    "zl": "PLN",  # zł likewise
    "ft": "HUF",  # forint, printed after the amount ("4 500 Ft"); the readers take it capitalised only
    "forint": "HUF",
    "ron": "RON",
    "bgn": "BGN",
    "isk": "ISK",
    "franc": "CHF",
    "francs": "CHF",
    "yen": "JPY",
    "lei": "RON",  # the leu's plural, printed after the amount ("45,50 lei")
    "rp": "IDR",  # rupiah, printed before the amount ("Rp 50.000")
    "php": "PHP",
    "vnd": "VND",
    "twd": "TWD",
    "ils": "ILS",
    "rub": "RUB",
    "xof": "XOF",
    "xaf": "XAF",
    # South American pesos by their codes ("ARS 486.000,00"); their "$" is read as the dollar's
    "ars": "ARS",
    "clp": "CLP",
    "uyu": "UYU",
}

# The sign money is shown with; other currencies are shown with their code.
DISPLAY_SIGNS: dict[str, str] = {"INR": "₹", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}

__all__ = ["DISPLAY_SIGNS", "SIGNS", "WORDS"]
