"""How legible a page's text is: the share of its words a reader would recognise as words.

A scanner's OCR text layer can be garbled ("utNDR!CHS7R.114A", "lo'tal;", Arabic or CJK glyphs
on a Latin-script receipt): then reading the page's picture again with our own OCR engine gives
better words. The measure needs no dictionary: a legible word is letters of one script in one
case pattern (Word, word, WORD), a number, amount or date, or a code of capitals and digits.
"""

from __future__ import annotations

import re
import unicodedata

_EDGE = "\"'()[]{}.,:;!?*«»„“”‘’-–/|#&+"
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-.](?=[^\W\d_]))*")
_NUMERIC = re.compile(r"[-+#]?[$€£¥₹]?\d[\d.,:/\-'%]*[$€£¥₹%]?")
_CODE = re.compile(r"(?=.*\d)[A-Z0-9][A-Z0-9\-/.#]*")
# Word, word, WORD, and names built of capitalised parts ("McDonald's", "DoubleTree", "d.d.").
_CASES = re.compile(r"(?:[A-Z]?[a-z]+)+[A-Z]?|[A-Z]+|[a-z]*")
MIN_WORDS = 12  # fewer words than this: too little to judge


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if name else "?"


def _legible(token: str) -> bool:
    core = token.strip(_EDGE)
    if not core:
        return True
    if _NUMERIC.fullmatch(core) or _CODE.fullmatch(core):
        return True
    if re.fullmatch(r"\d+-?[^\W\d_]+|[^\W\d_]+-?\d+", core):  # "7-Eleven", "25hours", "Rm12"
        core = re.sub(r"[\d-]", "", core)
    if not _WORD.fullmatch(core.replace("&", "")):  # "H&M", "AT&T"
        return False
    letters = [ch for ch in core if ch.isalpha()]
    if not letters:
        return False
    if len({_script(ch) for ch in letters}) > 1:
        return False
    # Case is checked on the letters folded to ASCII where they have a base letter ("Ü" -> "U").
    folded = "".join(unicodedata.normalize("NFKD", ch)[0] for ch in letters)
    if not folded.isascii():
        return all(ch.islower() for ch in letters[1:]) or all(ch.isupper() for ch in letters)
    return bool(_CASES.fullmatch(folded))


def _words(text: str) -> list[str]:
    return [t for t in text.split() if any(ch.isalnum() for ch in t)]


def legibility(text: str) -> float | None:
    """The share of legible words among the page's words; None when it has too few to judge."""
    tokens = _words(text)
    if len(tokens) < MIN_WORDS:
        return None
    return sum(_legible(t) for t in tokens) / len(tokens)
