"""Which expense kind a policy sentence pairs with each of its amounts, when the sentence pairs them
by its shape: "$77/day for lodging and $46/day for meals" (each kind right after its amount), and
the respective lists "$12, $18 and $30 for breakfast, lunch and dinner" / "Breakfast, lunch and
dinner ... $12, $18 and $30 respectively" (in order). Other sentences are left to the caller."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reimburse.adapters.heuristic.amounts import AmountMatch
from reimburse.adapters.heuristic.lexicon import TRAVEL
from reimburse.adapters.heuristic.mentions import Mention

_WORD = r"[^\W\d_]+"
_UNIT = rf"(?:\s*/\s*{_WORD}|\s+(?:per|a|an|each)\s+{_WORD})?"
# "$77/day for lodging", "$77 maximum for lodging", "$90 per day for meals": the kind after "for".
_FOR = re.compile(rf"(?i){_UNIT}\s*(?:(?:maximum|limit|cap|ceiling)\s+)?for\s+(?:the\s+|all\s+|any\s+)?")
# From the end of one amount's kind to the next amount: only a joiner ("and", ", ", "; and up to").
_NEXT = re.compile(
    rf"(?i)(?:\s+{_WORD}){{0,2}}\s*[,;]?\s*(?:(?:and|or|plus)\s+)?"
    r"(?:(?:up\s+to|a\s+maximum\s+of|maximum\s+of|at\s+most)\s+)?"
)
# Between two amounts of a list: "$12, $18 and $30", each perhaps with its unit.
_LIST_GAP = re.compile(rf"(?i){_UNIT}\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)")
_JOINED = re.compile(r"(?i)\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)")
_RESPECTIVELY = re.compile(rf"(?i){_UNIT}\s*,?\s*respectively\b")


# A sentence end the clause splitter left inside a clause (a wrapped row "Meals $100 per day.
# Overnight ..."): a capital after the full stop; not an abbreviation's ("Incl. Tips", "U.S."). A
# small letter after it is a cell wrapped by the text layer ("$300 per night.\nlodging").
_SENTENCE_END = re.compile(
    r"(?<![^\W\d_])(?!(?i:incl|excl|approx|max|min|etc|nos?|vs|ca|resp|esp|dept|govt)\.)"
    r"[^\W\d_]{3,}[.!?]\s+(?=[A-Z])"
)


def same_sentence(sentence: str, position: int, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions in the same sentence as `position`: a kind is never paired with an amount
    across a sentence end."""
    ends = [m.end() for m in _SENTENCE_END.finditer(sentence)]
    lo = max((e for e in ends if e <= position), default=0)
    hi = min((e for e in ends if e > position), default=len(sentence))
    return [m for m in mentions if lo <= m.start < hi]


def _after(sentence: str, end: int, mentions: Sequence[Mention]) -> int | None:
    """The mention named right after an amount's unit and "for"."""
    m = _FOR.match(sentence, end)
    return next((j for j, k in enumerate(mentions) if m and k.start == m.end()), None)


def kind_named_after(
    sentence: str, amounts: Sequence[AmountMatch], i: int, mentions: Sequence[Mention]
) -> int | None:
    """ "$77/day for lodging and $46/day for meals": when a neighbouring amount is paired the same way
    with another kind and only a joiner stands between the two, each amount's kind is the one right
    after it, not a kind named before (the sentence's subject, or the previous amount's "for lodging").
    A subject of another kind keeps the sentence ("Hotels: $200 per night for conferences and $150
    for other stays": the "for" words say when, not what)."""
    own = _after(sentence, amounts[i].end, mentions)
    if own is None:
        return None
    for j in (i - 1, i + 1):
        if not 0 <= j < len(amounts):
            continue
        first, second = (j, i) if j < i else (i, j)
        kind = own if first == i else _after(sentence, amounts[first].end, mentions)
        other = _after(sentence, amounts[second].end, mentions)
        if kind is None or other is None or mentions[kind].kind == mentions[other].kind:
            continue
        lo = amounts[first - 1].end if first else 0
        named = {m.kind for m in mentions if lo <= m.start < amounts[first].start}
        if not named <= {TRAVEL, mentions[kind].kind, mentions[other].kind}:
            continue
        if _NEXT.fullmatch(sentence, mentions[kind].end, amounts[second].start):
            return own
    return None


def _joined_run(sentence: str, mentions: Sequence[Mention], first: int, count: int) -> bool:
    if first < 0 or first + count > len(mentions):
        return False
    return all(
        _JOINED.fullmatch(sentence, mentions[k].end, mentions[k + 1].start)
        for k in range(first, first + count - 1)
    )


def respective_kind(
    sentence: str, amounts: Sequence[AmountMatch], i: int, mentions: Sequence[Mention]
) -> int | None:
    """ "$12, $18 and $30 for breakfast, lunch and dinner", "Breakfast, lunch and dinner ... $12, $18
    and $30 respectively": a list of amounts and a list of as many kinds pair in order."""
    lo = i
    while lo and _LIST_GAP.fullmatch(sentence, amounts[lo - 1].end, amounts[lo].start):
        lo -= 1
    hi = i
    while hi + 1 < len(amounts) and _LIST_GAP.fullmatch(sentence, amounts[hi].end, amounts[hi + 1].start):
        hi += 1
    count = hi - lo + 1
    if count < 2:
        return None
    after = _after(sentence, amounts[hi].end, mentions)
    # The kinds' list is the whole coordinated phrase: no further kind joined after it.
    if (
        after is not None
        and _joined_run(sentence, mentions, after, count)
        and (
            after + count == len(mentions)
            or not _JOINED.fullmatch(sentence, mentions[after + count - 1].end, mentions[after + count].start)
        )
    ):
        return after + i - lo
    if _RESPECTIVELY.match(sentence, amounts[hi].end):
        before = [k for k, m in enumerate(mentions) if m.end <= amounts[lo].start]
        first = len(before) - count
        # The kinds' list is the whole coordinated phrase: no further kind joined before it.
        whole = first == 0 or (
            first > 0 and not _JOINED.fullmatch(sentence, mentions[first - 1].end, mentions[first].start)
        )
        if before and whole and _joined_run(sentence, mentions, first, count):
            return first + i - lo
    return None
