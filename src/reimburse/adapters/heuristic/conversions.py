"""A sum printed again in another currency, for information: a conversion, not the invoice's total.

Hotels, shops and card terminals print the bill's total converted at a rate ("Total EUR (Kurs 1.0650,
zur Information) 652.21", "Total USD 108.50 (exchange rate 1.085)", "Tasso 1 EUR = 1.0894 USD",
"à titre indicatif"): the line names its exchange rate or says it informs. The invoice is in the
currency of its other total; the larger number of the conversion is no reason to pay it.
"""

from __future__ import annotations

import re

_RATE = re.compile(
    # the rate's word with its figure ("Kurs 1.0650", "koers: 0,92", "tečaj 7,5345")
    r"(?i:(?<![^\W\d_])(?:(?:wechsel)?kurs|koers|kurz|te[čc]aj|kurssi|v[äa]xelkurs|vekselkurs)\s*:?\s*\d)|"
    r"(?i:(?<![^\W\d_])(?:(?:exchange|conversion|fx)\s+rate|rate\s+of\s+exchange|taux\s+de\s+change|"
    r"tasso\s+di\s+cambio|tipo\s+de\s+cambio|taxa\s+de\s+c[âa]mbio|wisselkoers|umrechnungskurs)(?![^\W\d_]))|"
    # "1 EUR = 1.0894 USD": one unit of a currency code
    r"(?<![\d.,])1\s*[A-Z]{3}\s*=\s*\d"
)
_FOR_INFORMATION = re.compile(
    r"(?i)(?<![^\W\d_])(?:zur\s+info(?:rmation)?|(?:for|pour)\s+(?:your\s+)?information|"
    r"[àa]\s+titre\s+(?:indicatif|informatif)|a\s+titolo\s+informativo|a\s+t[íi]tulo\s+informativo|"
    r"ter\s+informatie|informativ|indicative)(?![^\W\d_])"
)


def conversion_line(text: str) -> bool:
    """The line states an exchange rate or that its amount is only for information."""
    return bool(_RATE.search(text) or _FOR_INFORMATION.search(text))
