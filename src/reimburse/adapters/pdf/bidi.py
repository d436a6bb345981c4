"""Right-to-left lines (Hebrew, Arabic) back in reading order.

Glyphs are read left to right by their position on the page, which is the visual order: a Hebrew
or Arabic word comes out with its letters reversed ("םולשתל" for "לתשלום") and a line's words in
the opposite order to the one they are read in. Unicode's bidirectional algorithm, simplified to
what a line of a receipt needs: each word of right-to-left letters is reversed (a number inside it
kept as written, mirrored brackets swapped back), and on a line mostly in those scripts the runs
are read from right to left: one right-to-left word, one number, or consecutive left-to-right
words ("Hotel ABC", with any number between them). Lines without such letters are untouched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_RTL = re.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_LETTER = re.compile(r"[^\W\d_]")
# a number keeps its own left-to-right order inside a reversed word ("14/10/2025", "18.00")
_TOKEN = re.compile(r"\d+(?:[.,:/\-]\d+)*|.", re.DOTALL)
_MIRROR = str.maketrans("()[]{}<>«»", ")(][}{><»«")


def has_rtl(text: str) -> bool:
    return bool(_RTL.search(text))


def logical_word(text: str) -> str:
    """One word as read, from its glyphs' left-to-right order (before NFKC, so that a lam-alef
    ligature, one glyph, unfolds in reading order)."""
    if not has_rtl(text):
        return text
    return "".join(reversed(_TOKEN.findall(text))).translate(_MIRROR)


def _kind(word: str) -> str:
    if has_rtl(word):
        return "R"
    return "L" if _LETTER.search(word) else "N"


def logical_line(words: Sequence[str], separators: Sequence[str]) -> str:
    """A line's text in reading order, from its words (each already read by logical_word) in
    visual order and the separator before each (the first is not used)."""
    joined = _join(words, separators)
    if not has_rtl(joined):  # nearly every line: one search, no per-word work
        return joined
    kinds = [_kind(w) for w in words]
    if kinds.count("R") <= kinds.count("L"):
        return joined
    for i, kind in enumerate(kinds):  # a number between two left-to-right words belongs to them
        if kind == "N":
            before = next((k for k in reversed(kinds[:i]) if k != "N"), None)
            after = next((k for k in kinds[i + 1 :] if k != "N"), None)
            if before == after == "L":
                kinds[i] = "L"
    runs: list[list[int]] = []
    for i, kind in enumerate(kinds):
        if runs and kind == "L" and kinds[runs[-1][-1]] == "L":
            runs[-1].append(i)
        else:
            runs.append([i])
    out: list[str] = []
    for k, run in enumerate(reversed(runs)):
        if k:  # the separator between this run and the one read before it (right of it on the page)
            out.append(separators[runs[len(runs) - k][0]])
        out.append(_join([words[i] for i in run], [separators[i] for i in run]))
    return "".join(out)


def _join(texts: Sequence[str], separators: Sequence[str]) -> str:
    return "".join((separators[i] if i else "") + t for i, t in enumerate(texts))
