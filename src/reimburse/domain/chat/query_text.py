"""Question text as the parsers see it: folded to plain lower case, with spans marked once understood.

Every recogniser reads the same normalised string and blanks out what it understood, so a word
is never claimed twice ("15 Dec" is a date, so it can no longer be read as an amount) and what is
left over is the free text for the search.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*", re.UNICODE)


def fold(text: str) -> str:
    """Lower case without accents, one kind of apostrophe, single spaces: "José’s" -> "jose's"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.split())


def strip_possessive(word: str) -> str:
    """ "rani's" -> "rani", "james'" -> "james"; other words unchanged."""
    if word.endswith("'s"):
        return word[:-2]
    return word.rstrip("'")


def words(text: str) -> list[str]:
    """Folded words with possessives removed: the unit names and categories are compared in."""
    return [strip_possessive(m.group(0)) for m in WORD.finditer(fold(text))]


class Workspace:
    """The folded question plus which characters have been understood already."""

    def __init__(self, question: str) -> None:
        self.text = fold(question)
        self._free = list(self.text)

    @property
    def remaining(self) -> str:
        """The text with understood spans blanked (same length as `text`, so offsets agree)."""
        return "".join(self._free)

    def claim(self, start: int, end: int) -> None:
        for i in range(max(start, 0), min(end, len(self._free))):
            self._free[i] = " "

    def is_free(self, start: int, end: int) -> bool:
        return all(ch == c for ch, c in zip(self._free[start:end], self.text[start:end], strict=True))

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Matches in the unclaimed text only."""
        return pattern.finditer(self.remaining)

    def free_words(self) -> list[tuple[int, int, str]]:
        """(start, end, word) of every unclaimed word, possessive kept in the span but not the word."""
        return [(m.start(), m.end(), strip_possessive(m.group(0))) for m in WORD.finditer(self.remaining)]

    def is_possessive(self, start: int, end: int) -> bool:
        """The word ending at `end` is written as a possessive ("rani's", "james'")."""
        word = self.text[start:end]
        return word.endswith("'s") or self.text[end : end + 1] == "'"
