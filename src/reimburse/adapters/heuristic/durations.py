"""How long a trip or absence must last for a limit to hold, as Italian, German, French, Spanish,
Portuguese and Dutch policies write it ("supera le otto ore", "8 – 14 Stunden", "ab 8 bis 24 h",
"plus de 8 heures", "más de 8 horas"). Per-diem and meal limits in these countries are set by the
hours away (the German Verpflegungsmehraufwand: a rate from 8 hours, another for 24), so the
duration is the limit's condition. Read in one wording ("more than 8 hours", "8 to 14 hours") so
that a reviewer sees the same words whatever the policy's language. English is read in conditions.py."""

from __future__ import annotations

import re

# Numbers written as words up to twelve, and twenty-four (a whole day), per language.
_WORDS = {
    "1": "uno|una|un|une|ein|eine|um|uma|één|een",
    "2": "due|zwei|deux|dos|dois|duas|twee",
    "3": "tre|drei|trois|tres|três|drie",
    "4": "quattro|vier|quatre|cuatro|quatro",
    "5": "cinque|fünf|cinq|cinco|vijf",
    "6": "sei|sechs|six|seis|zes",
    "7": "sette|sieben|sept|siete|sete|zeven",
    "8": "otto|acht|huit|ocho|oito",
    "9": "nove|neun|neuf|nueve|negen",
    "10": "dieci|zehn|dix|diez|dez|tien",
    "11": "undici|elf|onze|once",
    "12": "dodici|zwölf|douze|doce|doze|twaalf",
    "14": "quattordici|vierzehn|quatorze|catorce|veertien",
    "24": "ventiquattro|vierundzwanzig|vingt-quatre|veinticuatro|vinte\\s+e\\s+quatro|vierentwintig",
}
_NUMBER_OF = {w: n for n, words in _WORDS.items() for w in words.split("|")}
_NUM = r"(?:\d{1,2}(?:[,.]5)?|" + "|".join(sorted(_NUMBER_OF, key=len, reverse=True)) + ")"
# "ore", "Stunden", "Std.", "h", "heures", "horas", "uur"; German "24-stündig(er)".
_HOURS = r"(?:ore|stunden|std\.?|h|heures?|horas?|uur)(?![^\W\d_])"
_DASH = r"\s*(?:-|–|—|bis(?:\s+zu)?|a|à|al|alle|to|tot|até)\s*"
_MORE = (
    r"(?:supera(?:no)?\s+(?:le\s+)?|superiore\s+(?:a|alle)\s+|(?:di\s+)?più\s+di\s+|oltre\s+(?:le\s+)?|"
    r"mehr\s+als\s+|über\s+|länger\s+als\s+|"
    r"plus\s+de\s+|supérieure?s?\s+à\s+|au-delà\s+de\s+|"
    r"más\s+de\s+|superior(?:es)?\s+a\s+|"
    r"mais\s+de\s+|"
    r"meer\s+dan\s+|langer\s+dan\s+)"
)
_LEAST = (
    r"(?:(?:almeno\s+)?pari\s+(?:a|alle)\s+|almeno\s+|non\s+inferiore\s+a(?:lle)?\s+|"
    r"mindestens\s+|ab\s+|von\s+mindestens\s+|"
    r"au\s+moins\s+|d'au\s+moins\s+|"
    r"al\s+menos\s+|como\s+mínimo\s+|"
    r"pelo\s+menos\s+|no\s+mínimo\s+|"
    r"ten\s+minste\s+|minstens\s+|vanaf\s+)"
)
_RANGE = re.compile(
    rf"(?i)(?<![^\W\d_])(?:(?:da|von|ab|de|entre|van)\s+)?({_NUM})\s*(?:{_HOURS})?{_DASH}({_NUM})\s*{_HOURS}"
)
_BOUND = re.compile(rf"(?i)(?<![^\W\d_])({_MORE}|{_LEAST})({_NUM})\s*{_HOURS}")
_ADJECTIVE = re.compile(r"(?i)(?<![^\W\d_])(\d{1,2})-?stündig\w*")
# "für den An- und Abreisetag: 14 Euro": the law's (§ 9 (4a) EStG) own row for the days a longer trip
# starts and ends on, paid whatever the hours away.
_TRAVEL_DAYS = re.compile(
    r"(?i)(?<![^\W\d_])(?:für\s+(?:den|die|jeden)\s+)?An-\s*(?:und|bzw\.|oder)\s*Abreisetag(?:e|en|es)?(?![^\W\d_])"
)
# A row labelled by its hours alone ("24 Stunden: 24 Euro"): the label's colon says it is a row.
_ROW = re.compile(rf"(?i)(?<![^\W\d_])({_NUM})\s*{_HOURS}\s*:")


def _number(word: str) -> str:
    word = re.sub(r"\s+", " ", word.lower())
    return _NUMBER_OF.get(word.replace(" ", "\\s+"), _NUMBER_OF.get(word, word.replace(",", ".")))


def durations_in(text: str) -> list[tuple[int, int, str]]:
    """Spans of the durations a limit is conditioned on, each with its words in one wording."""
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], words: str) -> None:
        if not any(lo < m.end() and m.start() < hi for lo, hi in taken):
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), words))

    for m in _RANGE.finditer(text):
        add(m, f"{_number(m.group(1))} to {_number(m.group(2))} hours")
    for m in _BOUND.finditer(text):
        least = re.match(_LEAST, m.group(1), re.IGNORECASE) is not None
        add(m, f"{'at least' if least else 'more than'} {_number(m.group(2))} hours")
    for m in _ADJECTIVE.finditer(text):
        add(m, f"{m.group(1)} hours")
    for m in _ROW.finditer(text):
        add(m, f"{_number(m.group(1))} hours")
    for m in _TRAVEL_DAYS.finditer(text):
        add(m, "arrival or departure day")
    found.sort()
    return found


# What may sit between the hours and the amount of a row: the absence's own words ("Reisetätigkeit",
# "Abwesenheit", "für den An- und Abreisetag") and a colon or dash, but no other number or sentence end.
_ROW_TAIL = re.compile(r"[^\d.;!?$€£¥₹]{0,40}$")


def labelled_by_hours(before: str) -> bool:
    """The amount's row is labelled by the hours of absence alone ("ab 8 bis 24h Reisetätigkeit:
    12 Euro", "bei einer Abwesenheit von mehr als 8 Stunden: 14 €"). In the German-speaking
    countries an allowance by hours away is the statutory meal allowance (Verpflegungsmehraufwand,
    § 9 (4a) EStG; Austria's and Switzerland's Taggeld), so the hours name what is paid."""
    found = durations_in(before)
    return bool(found) and _ROW_TAIL.fullmatch(before[found[-1][1] :]) is not None
