"""The main language of a document, from its most frequent short words.

Used for conventions that follow the language, like the order of day and month in numeric
dates: only English documents (and only American ones among them) write the month first.
"""

from __future__ import annotations

import re
from collections import Counter

# Function words and invoice words that are frequent in one language and rare in the others.
_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of for your with from this is are to you invoice amount date thank please total",
        "de": "der die das und mit für von ihre sie bitte nicht rechnung datum betrag summe ist wir zu "
        "den dem des eine einer auf bei",
        "fr": "le la les et des du pour votre vous avec une sur facture montant merci date est au aux "
        "nous par",
        "nl": "het een en van voor met uw u factuur bedrag totaal datum bij betaald wij zijn te op naar",
        "es": "el los las y del para con su factura importe gracias por fecha es una usted al",
        "it": "il lo gli e di del della per con fattura importo grazie data totale è una sono al",
    }.items()
}
_WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> str | None:
    """ISO 639-1 code of the best-scoring language, or None when too few words say so."""
    counts = Counter(w.lower() for w in _WORD.findall(text[:20000]))
    scores = {lang: sum(counts[w] for w in words) for lang, words in _WORDS.items()}
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < 3 or top < 1.3 * second:
        return None
    return best
