"""Repair dates OCR broke, before any reader sees the words (issue 12).

Recognition models trade look-alike glyphs and split spaced dates into pieces. The field readers
match dates by their printed shape, so a date OCR bent out of shape is simply not found. The
repairs below, each only where the result is a calendar date (and the one that could take a
"number/year" invoice number, "Fattura n. 1203/2019", only before a time), so other words are
never touched:

- look-alike letters inside a numeric date: "O1/O3/2Ol9" -> "01/03/2019" (O/o/D -> 0, I/l/| -> 1,
  S -> 5, B -> 8, Z -> 2); at least four real digits must be there already;
- look-alike digits inside a month name between numbers: "12-0CT-2019", "5 N0v 2019" -> "OCT",
  "Nov";
- a date OCR split into words, "12 / 03 / 2019" or "12. 03. 2019": the words are joined into one;
- a comma read for one of a date's two points, "12,03.2019" -> "12.03.2019" (a thousands group has
  three digits, so no amount has this shape);
- a separator read twice, "12//03/2023" -> "12/03/2023" (a repair that shortens a word), or one of
  two lost, "16.122019" -> "16.12.2019", and "2607/2019 11:30" -> "26/07/2019 11:30" only before a
  time (one that lengthens it);
- one wrong letter in a month name of five letters or more between a day and a year,
  "12 Novembcr 2019" -> "November", when only one month is that close;
- a short month name (three or four letters) with one letter OCR commonly confuses ("Dcc", "Auq",
  "JUI", "Noy", "Jun3"), when only one month is reached that way;
- an accented month name with its accented letter misread ("ao0t", "aoot": août), when only one
  month is reached that way; a year may be glued to the month ("26 a0ut2024");
- the same month repairs where the month comes first, before a day and a year ("0ct 12, 2019",
  "0ct 15,2025", "0ct8,2020"), or glued between a day and a year ("02N0V24");
- a date glued to a time whose digits have look-alikes too ("12/03/20l9l0:31").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from itertools import pairwise

from reimburse.domain.month_names import ACCENTED_LATIN, MONTHS

_AS_DIGIT = str.maketrans(
    {"O": "0", "o": "0", "D": "0", "I": "1", "l": "1", "|": "1", "S": "5", "B": "8", "Z": "2"}
)
_AS_LETTER = str.maketrans({"0": "o", "1": "l", "3": "e", "5": "s", "8": "b"})
# Letters recognition models trade for each other in print (lower case, after `_AS_LETTER`): tried
# one at a time on a short month name, where any one-letter change would be a guess ("jun"/"jul").
_CONFUSED = {
    "c": "eo",
    "e": "c",
    "o": "c",
    "q": "g",
    "g": "q",
    "y": "v",
    "v": "y",
    "i": "l",
    "l": "i",
    "n": "rm",
    "r": "n",
    "m": "n",
    "h": "b",
    "b": "h",
}
_LOOKS = "0-9OoDIl|SBZ"
# day/month/year (or year/month/day) with one separator kind; look-alikes allowed in the digits
_NUMERIC_DATE = re.compile(
    rf"(?<![\w.,/-])(?P<date>[{_LOOKS}]{{1,4}}(?P<sep>[/.\-])[{_LOOKS}]{{1,2}}(?P=sep)[{_LOOKS}]{{2,4}})"
    rf"(?=$|[^\w/]|[{_LOOKS}]{{1,2}}:)"
)
_MIN_REAL_DIGITS = 4
# a day.month.year with a comma for one of its points (one comma only: see `_comma`)
_COMMA_DATE = re.compile(
    r"(?<![\w.,/-])(?P<date>\d{1,2}[.,]\d{1,2}[.,](?:\d{4}|\d{2}))(?=$|[^\w/,]|\d{1,2}:)"
)
# a three-letter name with one letter free reaches too much ("jon" would be jän, not jun)
_DIACRITIC_MIN_LETTERS = 4
FUZZY_MONTH_MIN_LETTERS = 5  # shorter names are a letter apart from each other ("juni", "juli")
# a month-like word between a day and a year: "12-0CT-2019", "5 N0v 2019"
# ("26 a0ut2024": the year may be glued on, two or four digits)
# ("9. Apri1 2021": German and Czech put a point and a space after the day; "19 de marz0 de 2020":
# Spanish and Portuguese put "de" around the month)
_MONTH_LIKE = re.compile(
    r"(?:(?<=\d[\-/. ])|(?<=\d\. )|(?<=\d [dD][eE] ))(?P<mon>[A-Za-z01358]{3,10})"
    r"(?=\.?(?:[\-/. ]\d|\d{2})| [dD][eE] \d)"
)
# ... or glued to both, as receipts print "02NOV24" ("02N0V24"); the name starts with a letter, so
# the day's digits stay the day's
_MONTH_GLUED = re.compile(
    r"(?<![\w.,/-])(?P<day>\d{1,2})(?P<mon>[A-Za-z][A-Za-z01358]{2,9})(?P<year>\d{4}|\d{2})(?![\w/.-])"
)
# ... and the short form "13OCT22" whose month begins with a look-alike ("130cT22", "135EP23"): a
# two-digit day and a three-letter month, so the boundary is known
_MONTH_GLUED_SHORT = re.compile(
    r"(?<![\w.,/-])(?P<day>\d{2})(?P<mon>[A-Za-z01358]{3})(?P<year>\d{4}|\d{2})(?![\w/.-])"
)
# ... or before a day and a year: "0ct 12, 2019", "Dcc. 5 2019", the day glued on as recognition
# drops spaces ("Date:0ct8,2020"; the readers take "Oct8,2020"); glued only after a letter, or
# the name would swallow a day's first 0, 1 or 3 ("0ct18,2020")
_MONTH_FIRST = re.compile(
    r"(?<![\w.])(?P<mon>[A-Za-z01358]{3,10})"
    r"(?=(?:\.?[\-/ ]|(?<=[A-Za-z]))\d{1,2}(?:st|nd|rd|th)?(?:,?[\-/ ]|,)(?:\d{4}|\d{2})(?!\d))"
)
# a piece of a split date: digits (one or two parts) with a separator before and/or after, or a
# separator alone; only pieces that join into a whole calendar date are joined
_PIECE = re.compile(r"[/.\-]?\d{1,4}(?:[/.\-]\d{1,4})?[/.\-]?|[/.\-]")
_SPLIT_DATE = re.compile(r"\d{1,2}([/.\-])\d{1,2}\1(?:\d{4}|\d{2})|\d{4}([/.\-])\d{1,2}\2\d{1,2}")


# a separator OCR doubled ("12//03/2023", "12..03.2023"); the date must read without it
_DOUBLED_SEP = re.compile(
    r"(?<![\w.,/-])(?P<date>\d{1,4}(?P<sep>[/.\-])(?P=sep)?\d{1,2}(?P=sep)(?P=sep)?(?:\d{4}|\d{2}))"
    r"(?=$|[^\w/.\-]|\d{1,2}:)"
)


# a date with one of its two separators lost ("16.122019", "06/232020", "2607/2019 11:30"): two
# digits each for day and month before a four-digit year, so the digits split one way only. The
# "ddmm/yyyy" shape is also how Polish, Italian, Spanish and German invoices number themselves
# ("Faktura VAT nr 0512/2019", "Fattura n. 1203/2019"): it is read as a date only before a time,
# as tills print the sale's date.
_TIME_AFTER = r"(?= +\d{1,2}:\d{2}(?!\d))"
_LOST_SEP = (
    re.compile(r"(?<![\w.,/-])(?P<date>\d{2}(?P<sep>[/.\-])\d{2})(?P<year>(?:19|20)\d{2})(?=$|[^\w/.\-])"),
    re.compile(r"(?<![\w.,/-])(?P<date>\d{2})(?P<rest>\d{2}(?P<sep>[/.\-])(?:19|20)\d{2})" + _TIME_AFTER),
)


def _lost(match: re.Match[str]) -> str:
    groups = match.groupdict()
    sep = groups["sep"]
    fixed = match.group("date") + sep + (groups.get("year") or groups.get("rest") or "")
    return fixed if is_calendar_date(fixed) else match.group(0)


def repair_text(text: str) -> str:
    """`text` with look-alike characters inside its dates put right."""
    text = _DOUBLED_SEP.sub(_doubled, text)
    for pattern in _LOST_SEP:  # lengthens the word: `repair_words` then repairs word by word
        text = pattern.sub(_lost, text)
    text = _COMMA_DATE.sub(_comma, text)
    text = _NUMERIC_DATE.sub(_digits, text)
    text = _MONTH_LIKE.sub(_month, text)
    text = _MONTH_GLUED.sub(_glued, text)
    text = _MONTH_GLUED_SHORT.sub(_glued, text)
    return _MONTH_FIRST.sub(_month, text)


def repair_words(texts: Sequence[str]) -> list[str]:
    """The words of one line, repaired; a month name is judged with the words around it."""
    texts = [_DOUBLED_SEP.sub(_doubled, t) for t in texts]  # the one repair that changes a length
    texts = _before_time(texts)
    line = " ".join(texts)
    fixed = repair_text(line)
    if fixed == line or len(fixed) != len(line):  # every repair keeps the length
        return [repair_text(t) for t in texts]
    out, position = [], 0
    for text in texts:
        out.append(fixed[position : position + len(text)])
        position += len(text) + 1
    return out


def _digits(match: re.Match[str]) -> str:
    raw = match.group("date")
    if sum(ch.isdigit() for ch in raw) < _MIN_REAL_DIGITS:
        return raw
    fixed = raw.translate(_AS_DIGIT)
    if fixed == raw or not is_calendar_date(fixed):
        return raw
    return fixed


def _doubled(match: re.Match[str]) -> str:
    raw, sep = match.group("date"), match.group("sep")
    fixed = raw.replace(sep + sep, sep)
    return fixed if fixed != raw and is_calendar_date(fixed) else raw


def _glued(match: re.Match[str]) -> str:
    return match.group("day") + _month(match) + match.group("year")


def _comma(match: re.Match[str]) -> str:
    raw = match.group("date")
    fixed = raw.replace(",", ".")
    # one comma and one point: two commas are as likely a list of numbers as a date
    return fixed if raw.count(",") == 1 and is_calendar_date(fixed) else raw


def _month(match: re.Match[str]) -> str:
    raw = match.group("mon")
    if not any(ch.isalpha() for ch in raw) or raw.lower() in MONTHS:
        return raw
    fixed = raw.translate(_AS_LETTER)
    if fixed.lower() not in MONTHS:
        near = None
        if fixed.isalpha():
            word = fixed.lower()
            near = _one_letter_off(word) or _one_confusion_off(word) or _diacritic_off(word)
        if near is None:
            return raw
        fixed = "".join(n.upper() if f.isupper() else n for f, n in zip(fixed, near, strict=True))
    return fixed.upper() if raw.isupper() else fixed


def _one_letter_off(word: str) -> str | None:
    """The month name `word` misses by one letter, when the name is long and only one month is near."""
    if len(word) < FUZZY_MONTH_MIN_LETTERS:
        return None
    near = {
        name
        for name in MONTHS
        if len(name) == len(word) and sum(a != b for a, b in zip(name, word, strict=True)) == 1
    }
    return min(near) if len({MONTHS[n] for n in near}) == 1 else None


def _one_confusion_off(word: str) -> str | None:
    """The short month name `word` becomes by one commonly confused letter, when only one month is
    reached so; longer names are `_one_letter_off`'s."""
    if len(word) >= FUZZY_MONTH_MIN_LETTERS:
        return None
    near = set()
    for i, letter in enumerate(word):
        for other in _CONFUSED.get(letter, ""):
            candidate = word[:i] + other + word[i + 1 :]
            if candidate in MONTHS:
                near.add(candidate)
    return min(near) if near and len({MONTHS[n] for n in near}) == 1 else None


def _by_length(names: frozenset[str]) -> dict[int, tuple[str, ...]]:
    lengths = {len(name) for name in names}
    return {n: tuple(sorted(name for name in names if len(name) == n)) for n in lengths}


# Accented Latin month names by length (a Cyrillic name has no such miss): only these can be
# missed at their accents alone.
_ACCENTED_BY_LENGTH = _by_length(ACCENTED_LATIN)


def _diacritic_off(word: str) -> str | None:
    """The accented month name `word` misses only at its accented letters ("aoot", "ao0t": août), when
    one month is that close: the recognition model lacks those glyphs and reads another letter."""
    if len(word) < _DIACRITIC_MIN_LETTERS:
        return None
    near = {
        name
        for name in _ACCENTED_BY_LENGTH.get(len(word), ())
        if all(a == b or not a.isascii() for a, b in zip(name, word, strict=True))
    }
    return min(near) if near and len({MONTHS[n] for n in near}) == 1 else None


def is_calendar_date(text: str) -> bool:
    """True when `text` (digits and one kind of separator) reads as a date either way round."""
    parts = re.split(r"[/.\-]", text)
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return False
    first, middle, last = (int(p) for p in parts)
    if len(parts[0]) == 4:
        candidates = [(first, middle, last)]
    else:
        year = last if len(parts[2]) == 4 else 2000 + last
        candidates = [(year, middle, first), (year, first, middle)]
    for year, month, day in candidates:
        try:
            date(year, month, day)
        except ValueError:
            continue
        return True
    return False


_NUMBERED = re.compile(r"(?:\d[.,]?|(?<![^\W\d_])de)$", re.I)  # a day ("20", "20.") or Spanish "de"


def joined_month_runs(texts: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) index ranges of consecutive words that together spell one month name of four
    letters or more ("Septe", "mber"; "deze", "m", "bro"), between a day and a year: the engine
    splits a word where its letters stand apart."""
    runs: list[tuple[int, int]] = []
    start = 1
    while start < len(texts) - 1:
        found = None
        if _NUMBERED.search(texts[start - 1]):
            joined = ""
            for end in range(start, min(start + 4, len(texts) - 1)):
                if not texts[end].isalpha():
                    break
                joined += texts[end]
                after = texts[end + 1]
                if (
                    end > start
                    and len(joined) >= 4
                    and joined.lower() in MONTHS
                    and (after[:1].isdigit() or after.lower() == "de")
                ):
                    found = end
        if found is not None:
            runs.append((start, found + 1))
            start = found + 2
        else:
            start += 1
    return runs


def joined_date_runs(texts: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) index ranges of consecutive words that together spell one numeric date
    ("12", "/", "03", "/", "2019"); each run has two words at least."""
    runs: list[tuple[int, int]] = []
    digits = [t.translate(_AS_DIGIT) for t in texts]  # look-alikes are put right once joined
    start = 0
    while start < len(texts):
        found = None
        if _PIECE.fullmatch(digits[start]):
            joined, real = digits[start], sum(ch.isdigit() for ch in texts[start])
            for end in range(start + 1, min(start + 5, len(texts))):
                if not _PIECE.fullmatch(digits[end]):
                    break
                joined += digits[end]
                real += sum(ch.isdigit() for ch in texts[end])
                if real >= _MIN_REAL_DIGITS and _SPLIT_DATE.fullmatch(joined) and is_calendar_date(joined):
                    found = end
        if found is not None:
            runs.append((start, found + 1))
            start = found + 1
        else:
            start += 1
    return runs


def _before_time(texts: list[str]) -> list[str]:
    """ "2607/2019" put right when the next word is a time: the line's repair cannot do it, as it
    lengthens the word and the line is then repaired word by word, where no time follows."""
    out = list(texts)
    for i, (text, after) in enumerate(pairwise(texts)):
        fixed = _LOST_SEP[1].sub(_lost, f"{text} {after}")
        if fixed.endswith(f" {after}"):
            out[i] = fixed[: -len(after) - 1]
    return out
