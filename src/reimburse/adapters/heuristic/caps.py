"""Caps in a policy sentence: "up to ₹3,000 per night", "capped at $50 per meal", "a daily allowance
of €40", "reimbursed at actuals subject to a ceiling of Rs. 1,500", "Hotel 3000/night" (a table row).

An amount is a cap when a cap phrase leads to it, when a unit follows it, or when the sentence is
about allowances/reimbursement; "above ₹5,000" is a threshold, unless the sentence says the part
above it is not reimbursed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reimburse.adapters.heuristic.amounts import AmountMatch, find_amounts
from reimburse.adapters.heuristic.lexicon import UNIT_ADVERBS, UNIT_WORDS
from reimburse.domain.policy import CapUnit

_CAP = re.compile(
    r"(?i)(up\s*-?\s*to|upto|capped\s+(?:at|to)|cap\s+(?:of|is|at)|cap:|maximum(?:\s+of)?|max\.?|"
    r"not\s+(?:to\s+)?exceed(?:ing)?|shall\s+not\s+exceed|should\s+not\s+exceed|must\s+not\s+exceed|"
    r"cannot\s+exceed|can't\s+exceed|does\s+not\s+exceed|limit(?:ed)?\s+(?:of|to|is|at)|limit:|"
    r"ceiling(?:\s+of)?|subject\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than|allowance(?:\s+of)?|"
    r"allowance\s+for\s+[^.;]{0,40}?\s+is|eligible\s+for|entitled\s+to|reimbursed\s+at|budget(?:\s+of)?|"
    r"per\s+diem(?:\s+of)?|rate\s+of|bis\s+zu|bis\s+maximal|höchstens|maximal|tot\s+een\s+maximum\s+van|"
    r"tot\s+maximaal|maximaal|jusqu'?\s*à|plafonné(?:e|s)?\s+à|plafond\s+de|dans\s+la\s+limite\s+de|"
    r"hasta(?:\s+un\s+máximo\s+de)?|máximo(?:\s+de)?|fino\s+a|massimo(?:\s+di)?)[\s\w.,()-]{0,12}$"
)
# "The allowance for dinner is INR 800", "Meals: ₹500": a cap only in a sentence about money.
_WEAK_CAP = re.compile(r"(?i)(\bis|\bare|:)[\s\w.,()-]{0,12}$")
_ABOVE = re.compile(
    r"(?i)(above|over|exceed(?:s|ing)?|in\s+excess\s+of|more\s+than|greater\s+than|beyond|higher\s+than|"
    r"below|under|less\s+than|minimum(?:\s+of)?|at\s+least|starting\s+from|boven|über|au-delà\s+de|"
    r"plus\s+de|más\s+de|oltre)[\s\w.,()-]{0,12}$"
)
_NEGATED_ABOVE = re.compile(r"(?i)(not|no)\s+(?:be\s+)?(?:to\s+)?$")
_EXCESS_REJECTED = re.compile(
    r"(?i)(not\s+(?:be\s+)?reimburs|non-?reimbursable|borne\s+by|employee'?s?\s+(?:own\s+)?(?:cost|expense|account)|"
    r"will\s+not\s+be\s+paid|excess\s+(?:will|shall|is)|disallowed|nicht\s+erstatt|niet\s+vergoed|non\s+rembours)"
)
_ABOUT_MONEY = re.compile(
    r"(?i)(allowance|reimburs|limit|entitle|eligible|cap\b|capped|ceiling|budget|per\s+diem|maximum|"
    r"max\b|up\s*to|vergoed|erstatt|rembours|reembols|rimbors|plafond|höchst)"
)
_THRESHOLD = re.compile(
    r"(?i)(approv|pre-?approv|receipt|bill\s+is\s+required|sign[- ]?off|justif|authori[sz])"
)

_UNIT_INDEX = {w: unit for unit, words in UNIT_WORDS.items() for w in words}
_UNIT_WORDS = "|".join(sorted(_UNIT_INDEX, key=len, reverse=True))
_PER = re.compile(
    rf"(?i)(?:\bper|/|\beach|\bevery|\bpro|\bpar|\bpor|\bje|\bpour|\bfor\s+(?:each|every|one)|\ba|\ban)\s*"
    rf"(?:[^\W\d_]+\s+)?(?P<u>{_UNIT_WORDS})(?:s|es)?(?![^\W\d_])"
)
_ADVERB = re.compile(
    r"(?i)(?<![^\W\d_])(" + "|".join(re.escape(a) for a in sorted(UNIT_ADVERBS, key=len, reverse=True)) + r")"
)


@dataclass(frozen=True)
class CapFinding:
    amount: AmountMatch
    unit: CapUnit | None
    person: bool  # "per person"/"per head": a meal unit only for meals
    strong: bool  # led by a cap phrase ("capped at"), not just "is" / ":" or a unit


def _unit(text: str) -> tuple[CapUnit | None, bool]:
    m = _PER.search(text)
    if m is None:
        return None, False
    word = m.group("u").lower()
    return _UNIT_INDEX[word], word in ("person", "head", "cover")


def find_caps(sentence: str) -> list[CapFinding]:
    amounts = [a for a in find_amounts(sentence) if a.value > 0]
    out: list[CapFinding] = []
    for i, a in enumerate(amounts):
        lo = amounts[i - 1].end if i else 0
        hi = amounts[i + 1].start if i + 1 < len(amounts) else len(sentence)
        before = sentence[max(lo, a.start - 70) : a.start]
        after = sentence[a.end : min(hi, a.end + 45)]
        if a.currency is None and re.match(
            r"\s*(?!per\b|for\b|and\b|or\b|in\b|on\b|each\b|a\b|an\b)[^\W\d_]", after, re.I
        ):
            continue  # "2 meals", "30 days", "3 star": a count, not money
        strong = _CAP.search(before)
        cap_phrase = strong or _WEAK_CAP.search(before)
        weak = strong is None
        above = _ABOVE.search(before)
        if above and (cap_phrase is None or above.start() > cap_phrase.start()):
            if _NEGATED_ABOVE.search(before[: above.start()]):
                pass  # "not exceeding" is a cap
            elif not _EXCESS_REJECTED.search(sentence):
                continue
        elif cap_phrase is None or weak:
            unit_follows = _PER.match(after.lstrip(" :-")) is not None or re.match(r"\s*/", after)
            if not (unit_follows or (a.currency and _ABOUT_MONEY.search(sentence))):
                continue
            if _THRESHOLD.search(sentence) and not unit_follows:
                continue
        unit, person = _unit(after)
        adverb = _ADVERB.search(sentence)
        if unit is None and adverb:
            unit = UNIT_ADVERBS[adverb.group(1).lower()]
        if unit is None:
            unit, person = _unit(before)
        out.append(CapFinding(a, unit, person, strong is not None))
    return out
