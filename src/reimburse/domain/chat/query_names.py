"""Employee names in questions, matched only against the names actually stored.

"rani's", "RANI SHARMA", "Sharma Rani" and (when only one stored name has it) "Rani" all find
"Rani Sharma". A name is only ever a run of words that equals a stored name, so the words after
it ("invoices for Rani that were declined") are never swallowed into it.

Full names are matched first, before dates and statuses claim their words (an employee called
"June Park" is a person, not a month); single words of a name are matched last, after everything
else has had its say.
"""

from __future__ import annotations

from collections import Counter

import msgspec

from reimburse.domain.chat.query_text import Workspace, words

# Ordinary words that are also first names. Alone, such a word names someone only when written
# as a possessive ("will's invoices"); a full-name match always works.
_COMMON_TEXT = """
    a an and any are as at be by can did do for from had has have how i in is it its me my no not of on or
    our show so than that the their them then there these they this those to up us was we were what when
    where which who why with you your all each per total many much more most less least over under
    above below between since before after during last next year month week day today new old
    will may june march april august hope bill cash
    invoice invoices receipt receipts bills claim claims status reimbursed declined partial partially
    fully approved rejected denied pending amount amounts sum average count list
    """
_COMMON = frozenset(_COMMON_TEXT.split())


class NameMatch(msgspec.Struct, frozen=True):
    names: tuple[str, ...] = ()  # stored spellings, in the order the question mentions them
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (word, the stored names it could be)

    def plus(self, other: NameMatch) -> NameMatch:
        names = self.names + tuple(n for n in other.names if n not in self.names)
        return NameMatch(names, self.ambiguous + other.ambiguous)


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(words(name))


def _same(word: str, part: str) -> bool:
    """Exact, or a possessive written without its apostrophe ("hardiks")."""
    return word == part or (len(part) >= 3 and word == part + "s")


def _equal_any_order(window: list[str], parts: tuple[str, ...]) -> bool:
    if Counter(window) == Counter(parts):
        return True
    remaining = list(parts)
    for w in window:
        match = next((p for p in remaining if _same(w, p)), None)
        if match is None:
            return False
        remaining.remove(match)
    return not remaining


class EmployeeMatcher:
    def __init__(self, known: list[str]) -> None:
        self._stored = sorted({n for n in known if _tokens(n)}, key=lambda n: (-len(_tokens(n)), n))
        self._by_word: dict[str, set[str]] = {}
        for name in self._stored:
            for part in _tokens(name):
                self._by_word.setdefault(part, set()).add(name)

    def full_names(self, ws: Workspace) -> NameMatch:
        """Runs of words equal (in any order) to a whole stored name; longest names first."""
        hits: list[tuple[int, str]] = []
        for name in self._stored:
            parts = _tokens(name)
            width = len(parts)
            free = ws.free_words()
            i = 0
            while i + width <= len(free):
                window = free[i : i + width]
                start, end = window[0][0], window[-1][1]
                plain = [w for _, _, w in window]
                lone_common = width == 1 and parts[0] in _COMMON and not ws.is_possessive(start, end)
                if ws.is_free(start, end) and not lone_common and _equal_any_order(plain, parts):
                    ws.claim(start, end)
                    hits.append((start, name))
                    i += width
                else:
                    i += 1
        return NameMatch(tuple(_ordered(hits)))

    def single_words(self, ws: Workspace) -> NameMatch:
        """One word of a multi-word name (first or last name) that points to one stored person.

        A word shared by several stored names is reported as ambiguous and matches all of them,
        so the answer can say which people it covered.
        """
        hits: list[tuple[int, str]] = []
        ambiguous: list[tuple[str, tuple[str, ...]]] = []
        for start, end, word in ws.free_words():
            if len(word) < 2 or word.isdigit():
                continue
            if word in _COMMON and not ws.is_possessive(start, end):
                continue
            owners = self._by_word.get(word)
            if not owners and word.endswith("s") and len(word) > 3:
                owners = self._by_word.get(word[:-1])
            if not owners:
                continue
            ws.claim(start, end)
            if len(owners) > 1:
                ambiguous.append((word, tuple(sorted(owners))))
            hits.extend((start, owner) for owner in sorted(owners))
        return NameMatch(tuple(_ordered(hits)), tuple(ambiguous))


def _ordered(hits: list[tuple[int, str]]) -> list[str]:
    names: list[str] = []
    for _, name in sorted(hits, key=lambda h: h[0]):
        if name not in names:
            names.append(name)
    return names


__all__ = ["EmployeeMatcher", "NameMatch"]
