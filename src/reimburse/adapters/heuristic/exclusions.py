"""Exclusions in a policy sentence: "Alcohol is not reimbursable", "Minibar and laundry charges will
not be reimbursed", "The following are excluded: souvenirs, gym fees".

Known kinds (alcohol, tobacco, minibar...) take their item words from the lexicon; anything else
gets item words from the sentence itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reimburse.adapters.heuristic.lexicon import EXCLUDED, ExcludedKind
from reimburse.adapters.heuristic.mentions import find_mentions
from reimburse.adapters.heuristic.text import find_term

NEGATIVE = re.compile(
    r"(?i)(not\s+(?:be\s+)?reimburs\w*|non[-\s]?reimbursable|"
    r"(?:do|does|will|shall|can|would)\s*(?:not|n't)\s+(?:reimburse|pay\s+for|cover)|"
    r"won't\s+(?:reimburse|pay\s+for|cover|be\s+reimbursed)|never\s+(?:be\s+)?reimburs\w*|(?:will|shall|would|can|may|must)\s*not\s+be\s+"
    r"(?:reimbursed|paid|covered|accepted|allowed|claimed|refunded)|cannot\s+be\s+(?:claimed|reimbursed)|"
    r"(?:is|are)\s+not\s+(?:reimbursable|covered|allowed|permitted|eligible|claimable|accepted|refunded|payable)|"
    r"(?:is|are)\s+excluded|\bexcluded\b|\bexclusions?\b|not\s+covered|not\s+eligible|\bineligible\b|"
    r"not\s+allowed|not\s+permitted|not\s+claimable|\bdisallowed\b|\bprohibited\b|no\s+reimbursement|"
    r"will\s+be\s+rejected|must\s+be\s+borne|borne\s+by\s+the\s+employee|at\s+(?:the\s+)?employee'?s?\s+own\s+"
    r"(?:cost|expense)|nicht\s+erstattungsfähig|nicht\s+erstattet|werden\s+nicht\s+erstattet|"
    r"ausgeschlossen|non\s+remboursables?|ne\s+sont\s+pas\s+rembours|exclus|niet\s+vergoed|"
    r"worden\s+niet\s+vergoed|uitgesloten|no\s+(?:son|serán|será|es)\s+reembolsab|no\s+reembolsables?|"
    r"excluidos?|non\s+(?:sono\s+)?rimborsabil|esclus[io]|(?:is|are)\s+not\s*\.?$)"
)
# Sentences about process, not items: "expenses without receipts will not be reimbursed".
_PROCESS = re.compile(
    r"(?i)(receipt|approval|approved|invoice|bill\b|bills\b|claim|document|proof|original|without|late\b|"
    r"submitted|submission|excess|above|beyond|exceed|limit|cap\b|ceiling|deadline|older\s+than|after\s+\d|"
    r"scope|listed|section|policy|outside)"
)
_DROP = re.compile(
    r"(?i)^(?:the\s+following(?:\s+\w+)?|following|any|all|the|other|such\s+as|e\.g\.|including|items?\s+like|"
    r"expenses?|costs?|charges?|purchases?|claims?|for|on|of|towards|related\s+to|incurred|spent|items?|"
    r"are|is|will|be|not|reimbursable|reimbursed|excluded|exclusions?|covered|\W)+"
)
_TAIL = re.compile(r"(?i)(\s+(?:expenses?|costs?|charges?|bills?|items?|fees?|purchases?|products?))+$")
_PARTS = re.compile(
    r"(?i)\s*(?:,|;|/|&|\band\b|\bor\b|\bnor\b|\bnoch\b|\bund\b|\boder\b|\bet\b|\bou\b|\ben\b|\by\b|\be\b)\s*"
)
_GENERIC = {
    "personal",
    "other",
    "misc",
    "miscellaneous",
    "expenses",
    "items",
    "things",
    "anything",
    "everything",
}


@dataclass(frozen=True)
class ExclusionFinding:
    name: str
    keywords: tuple[str, ...]


def is_negative(text: str) -> bool:
    return NEGATIVE.search(text) is not None


def known_kinds(text: str) -> list[ExcludedKind]:
    hits = []
    for kind in EXCLUDED:
        positions = [m.start() for t in (*kind.triggers, *kind.keywords) if (m := find_term(text, t))]
        if positions:
            hits.append((min(positions), kind))
    hits.sort(key=lambda h: h[0])
    return [k for _, k in hits]


def find_exclusions(subject_text: str) -> list[ExclusionFinding]:
    """Exclusions named in the subject of a negative sentence (or a bullet under an exclusion lead).

    Each enumerated part is a lexicon kind, or else its own words; parts naming an expense category
    ("fuel expenses are not reimbursable") are no item exclusion: they mean the category is not covered.
    """
    if _PROCESS.search(subject_text) and not known_kinds(subject_text):
        return []
    text = re.sub(r"\([^)]*\)", " ", subject_text)
    out: dict[str, ExclusionFinding] = {}
    for part in _PARTS.split(text):
        kinds = known_kinds(part)
        for kind in kinds:
            # Item words come from the curated lexicon only: a policy's "spa" must not hit "Spa rood".
            out[kind.name] = ExclusionFinding(kind.name, kind.keywords)
        if kinds or find_mentions(part) or _PROCESS.search(part):
            continue
        phrase = _TAIL.sub("", _DROP.sub("", part.strip(" .:;-"))).strip(" .:;-").lower()
        words = phrase.split()
        if (
            1 <= len(words) <= 3
            and len(phrase) >= 3
            and phrase not in _GENERIC
            and not re.search(r"\d", phrase)
        ):
            out.setdefault(phrase, ExclusionFinding(phrase, (phrase,)))
    return list(out.values())


def subject_of(sentence: str) -> str:
    """The part of a negative sentence naming what is excluded: before the negation, or after a
    leading 'Not reimbursable:' / 'Exclusions:'."""
    m = NEGATIVE.search(sentence)
    if m is None:
        return sentence
    head, tail = sentence[: m.start()], sentence[m.end() :]
    if _DROP.sub("", head).strip():
        return (
            head + " " + tail
            if re.match(r"\s*[:,-]?\s*(?:such as|like|e\.g\.|including)", tail, re.I)
            else head
        )
    return tail
