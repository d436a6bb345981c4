"""Which expense an invoice is, and which of the policy's categories that is.

Weighted keyword scoring over the lexicon (the vendor line counts double), then a mapping onto the
policy's categories through the kinds each category names (its name and synonyms).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reimburse.adapters.heuristic.lexicon import KIND_BY_NAME, KINDS, TRAVEL
from reimburse.adapters.heuristic.mentions import find_mentions
from reimburse.adapters.heuristic.text import count_term, find_term
from reimburse.domain.verdict.policy import Category, Policy

THRESHOLD = 2.5
_KNOWN_WORDS = {w.lower() for k in KINDS for w in k.words}


def kinds_named_in(text: str) -> set[str]:
    """The kinds a policy phrase names ("air travel" names flights, not generic travel)."""
    return {m.kind for m in find_mentions(text)}


# Each kind's keywords with their first word, split once: the containment test below runs ~500
# times an invoice (bench item 2).
_KEYWORDS = tuple((k.name, tuple((kw, w, kw.split()[0]) for kw, w in k.keywords)) for k in KINDS)


def kind_scores(text: str, vendor: str | None) -> dict[str, float]:
    scores: dict[str, float] = {}
    lowered = text.lower()
    # A word is in the text only if its first three letters are: one pass over the text spares
    # most of the ~500 substring scans.
    grams = {lowered[i : i + 3] for i in range(len(lowered) - 2)}
    for name, keywords in _KEYWORDS:
        score = 0.0
        for keyword, weight, first in keywords:
            # Cheap containment test first; the word-boundary regex only where it can match.
            seen = (len(first) < 3 or first[:3] in grams) and first in lowered
            n = count_term(text, keyword) if seen else 0
            if n:
                score += weight * (1 + 0.5 * (min(n, 3) - 1))
                if vendor and find_term(vendor, keyword):
                    score += weight
        scores[name] = score
    return scores


@dataclass(frozen=True)
class CategoryChoice:
    category: str | None
    confidence: float
    kind: str | None  # the best lexicon kind, even when the policy does not cover it


def _terms(category: Category) -> list[str]:
    return list(dict.fromkeys(t.strip().lower() for t in (category.name, *category.synonyms) if t.strip()))


@functools.lru_cache(maxsize=512)
def _links(category: Category) -> frozenset[str]:
    return frozenset().union(*(kinds_named_in(t) for t in _terms(category)))


def choose_category(scores: dict[str, float], text: str, policy: Policy) -> CategoryChoice:
    best_kind = max(scores, key=lambda k: scores[k], default=None)
    if best_kind is not None and scores[best_kind] < THRESHOLD:
        best_kind = None
    links = {c.name: _links(c) for c in policy.categories}
    claimed: frozenset[str] = frozenset().union(*links.values())
    ranked: list[tuple[float, int, str]] = []
    for c in policy.categories:
        linked = links[c.name]
        score = max((scores.get(k, 0.0) for k in linked if k != TRAVEL), default=0.0)
        if TRAVEL in linked:
            if any(KIND_BY_NAME[k].parent == TRAVEL for k in linked):
                # Generic ticket words only tip the balance between specific transport kinds.
                score += 0.3 * scores.get(TRAVEL, 0.0)
            else:
                # A generic "travel" category takes any transport kind no other category names.
                unclaimed = [scores[k.name] for k in KINDS if k.parent == TRAVEL and k.name not in claimed]
                score = max([scores.get(TRAVEL, 0.0), *unclaimed])
        # Category words the lexicon does not know (a custom "Stationery: pens, notebooks").
        direct = sum(min(count_term(text, t), 3) for t in _terms(c) if t not in _KNOWN_WORDS and len(t) >= 3)
        ranked.append((score + direct, -len(linked), c.name))
    ranked.sort(reverse=True)
    if not ranked or ranked[0][0] < THRESHOLD:
        return CategoryChoice(None, 0.0, best_kind)
    top = ranked[0][0]
    runner = ranked[1][0] if len(ranked) > 1 else 0.0
    confidence = round(min(0.95, 0.5 + 0.5 * (top - runner) / top), 2)
    return CategoryChoice(ranked[0][2], confidence, best_kind)
