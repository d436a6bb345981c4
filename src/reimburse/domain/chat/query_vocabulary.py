"""Words for statuses and expense categories, and how to find them in a question.

Categories come from the policies actually stored (their names and synonyms) plus a small set of
everyday groupings ("food" and "dinner" mean meals; "uber" means a cab), so "meal invoices" finds
invoices categorised "meals", "food" or "meal" alike.
"""

from __future__ import annotations

import functools
import re

import msgspec

from reimburse.domain.chat.query_text import Workspace, fold
from reimburse.domain.verdict.verdict import Status

# Everyday groupings: the first word is the label shown in answers.
DEFAULT_CATEGORY_GROUPS: tuple[tuple[str, ...], ...] = (
    (
        "meals",
        "meal",
        "food",
        "foods",
        "dinner",
        "lunch",
        "breakfast",
        "brunch",
        "restaurant",
        "dining",
        "snacks",
        "snack",
        "cafe",
        "coffee",
        "team lunch",
        "business meal",
    ),
    (
        "cab",
        "cabs",
        "taxi",
        "taxis",
        "uber",
        "ola",
        "lyft",
        "rideshare",
        "ride share",
        "ride",
        "rides",
        "auto rickshaw",
        "local conveyance",
        "local travel",
    ),
    (
        "hotel",
        "hotels",
        "stay",
        "stays",
        "accommodation",
        "accommodations",
        "lodging",
        "motel",
        "hostel",
        "airbnb",
        "room",
        "rooms",
    ),
    (
        "flight",
        "flights",
        "airfare",
        "airfares",
        "air ticket",
        "air tickets",
        "air travel",
        "airline",
        "plane",
    ),
    ("train", "trains", "rail", "railway", "railways", "irctc", "train ticket", "train tickets"),
    ("fuel", "petrol", "diesel", "gasoline", "mileage"),
    ("travel", "travels", "transport", "transportation", "conveyance"),
    ("parking", "parking fee", "parking fees", "toll", "tolls"),
    ("internet", "broadband", "wifi", "phone", "mobile", "telephone", "data plan"),
    ("office supplies", "office supply", "stationery", "supplies"),
    ("medical", "medicine", "medicines", "pharmacy", "doctor", "health"),
    ("training", "course", "courses", "certification", "conference", "conferences", "seminar"),
)


class CategoryTerm(msgspec.Struct, frozen=True):
    """One category as a question may name it: a label, the stored names it covers, and its words."""

    label: str
    stored: tuple[str, ...]
    words: tuple[str, ...]


def _variants(word: str) -> set[str]:
    w = fold(word)
    out = {w}
    if w.endswith("ies"):
        out.add(w[:-3] + "y")
    elif w.endswith("s") and not w.endswith("ss"):
        out.add(w[:-1])
    else:
        out.add(w + "s")
    return out


def build_categories(policy_categories: list[tuple[str, tuple[str, ...]]]) -> tuple[CategoryTerm, ...]:
    """Merge the policies' categories (name, synonyms) with the everyday groupings.

    A policy category whose name or synonyms meet a grouping joins it, so "dinner" finds the
    policy's "food" category; a category no grouping knows stands on its own.
    """
    groups: list[tuple[str, set[str], set[str]]] = []  # label, stored names, words
    for group in DEFAULT_CATEGORY_GROUPS:
        words = set().union(*(_variants(w) for w in group))
        groups.append((group[0], set(), words))
    for name, synonyms in policy_categories:
        if not name.strip():
            continue
        own = _variants(name).union(*(_variants(s) for s in synonyms if s.strip()))
        home = next((g for g in groups if fold(name) in g[2]), None)
        home = home or next((g for g in groups if own & g[2]), None)
        if home is None:
            groups.append((fold(name), {name}, own))
        else:
            home[1].add(name)
            home[2].update(own)
    terms = []
    for label, stored, words in groups:
        # the filter matches the stored names plus every word of the grouping, so a category
        # stored under any of those words (by any policy) is found
        covered = sorted({fold(s) for s in stored} | words | {label})
        terms.append(CategoryTerm(label, tuple(covered), tuple(sorted(words, key=lambda w: (-len(w), w)))))
    return tuple(terms)


@functools.lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w']){re.escape(word)}(?:'s)?(?![\w'])")


def find_categories(ws: Workspace, terms: tuple[CategoryTerm, ...]) -> list[CategoryTerm]:
    """Categories the question names (claiming their words), in the order they appear."""
    spans: list[tuple[int, int, CategoryTerm]] = []
    remaining = ws.remaining  # nothing is claimed until every span is found: build the text once
    for term in terms:
        for word in term.words:
            spans.extend((m.start(), m.end(), term) for m in _word_pattern(word).finditer(remaining))
    # longest phrases first, so "team lunch" beats "lunch" and "air ticket" beats nothing
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    found: list[tuple[int, CategoryTerm]] = []
    for start, end, term in spans:
        if not ws.is_free(start, end):
            continue
        ws.claim(start, end)
        if all(t.label != term.label for _, t in found):
            found.append((start, term))
    return [t for _, t in sorted(found, key=lambda f: f[0])]


# Statuses. Order matters: the negative and qualified phrases are claimed before bare words.
_NEG = r"(?:not|n't|never|weren't|wasn't|isn't|aren't)"
_STATUS_RULES: tuple[tuple[re.Pattern[str], tuple[Status, ...]], ...] = (
    (
        re.compile(
            rf"\b{_NEG}\s+(?:been\s+|be\s+|get\s+|got\s+)?(?:fully|completely|entirely)\s+(?:reimbursed|approved|paid)\b"
        ),
        (Status.PARTIALLY_REIMBURSED, Status.DECLINED),
    ),
    (
        re.compile(rf"\b{_NEG}\s+(?:been\s+|be\s+)?(?:declined|rejected|denied|refused|disallowed)\b"),
        (Status.FULLY_REIMBURSED, Status.PARTIALLY_REIMBURSED),
    ),
    (
        re.compile(
            rf"\b{_NEG}\s+(?:been\s+|be\s+|get\s+|got\s+)?(?:reimbursed|approved|paid)(?:\s+at\s+all)?\b"
        ),
        (Status.DECLINED,),
    ),
    (
        re.compile(
            r"\b(?:(?:partially|partly|partial)(?:[\s-]+(?:reimbursed|reimbursement|approved|paid|refunded|covered))?|part[\s-]+(?:reimbursed|paid|approved))\b"
        ),
        (Status.PARTIALLY_REIMBURSED,),
    ),
    (
        re.compile(
            r"(?:\b(?:fully|completely|entirely|wholly)(?:[\s-]+(?:reimbursed|reimbursement|approved|paid|refunded|covered))?|\b(?:full|100%)[\s-]+(?:reimbursed|reimbursement|approved|paid|refunds?))\b"
        ),
        (Status.FULLY_REIMBURSED,),
    ),
    (re.compile(r"\breimbursed\s+in\s+full\b"), (Status.FULLY_REIMBURSED,)),
    (
        re.compile(
            r"\b(?:declined|decline|declines|rejected|reject|rejections?|denied|refused|disallowed|unreimbursed|non[\s-]?reimbursed|turned\s+down|not\s+approved)\b"
        ),
        (Status.DECLINED,),
    ),
    (re.compile(r"\b(?:approved|accepted)\b"), (Status.FULLY_REIMBURSED,)),
)
# "were reimbursed", "got reimbursed", "reimbursed invoices": any money paid back (fully or partly).
_REIMBURSED_STATUS = re.compile(
    r"\b(?:(?:were|was|been|be|got|get|are|is)\s+(?:\w+\s+)?reimbursed|reimbursed\s+(?:invoices?|claims?|receipts?|bills?|ones?|expenses?))\b"
)


def find_statuses(ws: Workspace, *, bare_reimbursed: bool) -> tuple[str, ...]:
    """Statuses named in the question (claiming their words). `bare_reimbursed` reads a plain
    "were reimbursed" as fully-or-partially; a sum question leaves it to mean the reimbursed amount."""
    found: list[Status] = []
    for pattern, statuses in _STATUS_RULES:
        for m in list(ws.finditer(pattern)):
            ws.claim(m.start(), m.end())
            found.extend(s for s in statuses if s not in found)
    if bare_reimbursed and not found:
        for m in list(ws.finditer(_REIMBURSED_STATUS)):
            ws.claim(m.start(), m.end())
            found.extend(s for s in (Status.FULLY_REIMBURSED, Status.PARTIALLY_REIMBURSED) if s not in found)
    order = {s: i for i, s in enumerate(Status)}
    return tuple(s.value for s in sorted(found, key=lambda s: order[s]))


STATUS_LABELS = {
    Status.FULLY_REIMBURSED.value: "fully reimbursed",
    Status.PARTIALLY_REIMBURSED.value: "partially reimbursed",
    Status.DECLINED.value: "declined",
}

__all__ = [
    "DEFAULT_CATEGORY_GROUPS",
    "STATUS_LABELS",
    "CategoryTerm",
    "build_categories",
    "find_categories",
    "find_statuses",
]
