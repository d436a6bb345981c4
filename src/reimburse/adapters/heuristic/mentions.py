"""Where a policy sentence names expense kinds ("bus, train and flight tickets", "cab rides")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reimburse.adapters.heuristic.lexicon import KINDS, TRAVEL

_COMPOUND = r"kosten|gebühren|gebühr|spesen|fahrten|fahrt|rechnungen|rechnung|tickets?|kaarten|kaart"


def _compile() -> tuple[re.Pattern[str], list[str]]:
    pairs = sorted(
        {(alias.lower(), k.name) for k in KINDS for alias in (k.name, *k.aliases)},
        key=lambda p: len(p[0]),
        reverse=True,
    )
    parts = []
    for i, (alias, _) in enumerate(pairs):
        body = r"[\s\-]*".join(re.escape(w) for w in alias.split())
        parts.append(f"(?P<k{i}>{body})")
    # German and Dutch write the cost as one word: "Taxikosten", "Hotelkosten", "Taxifahrt".
    pattern = r"(?<![^\W\d_])(?:" + "|".join(parts) + r")(?:s|es|" + _COMPOUND + r")?(?![^\W\d_])"
    return re.compile(pattern, re.IGNORECASE), [kind for _, kind in pairs]


_REGEX, _KINDS = _compile()
_UNIT_USE = re.compile(r"(?i)(?:\bper|/|\beach|\bevery|\bpro|\bpar|\bje)\s*$")
# What may sit between two kinds of one enumeration: "bus, train and flight", "cab/auto", "taxi (Uber)".
_ENUM_GAP = re.compile(
    r"(?i)^\s*(?:[^\W\d_]+\s*)?[,/&:()]*\s*(?:and|or|und|oder|et|ou|en|of|y|o|e|as well as|including|"
    r"incl\.?|like|such as|e\.g\.|i\.e\.)?\s*[,/&:()]*\s*$"
)


@dataclass(frozen=True)
class Mention:
    kind: str
    start: int
    end: int
    as_unit: bool  # "per meal", "/ride": the word is a unit, not the subject


def find_mentions(text: str) -> list[Mention]:
    out = []
    for m in _REGEX.finditer(text):
        kind = _KINDS[int((m.lastgroup or "k0")[1:])]
        out.append(Mention(kind, m.start(), m.end(), bool(_UNIT_USE.search(text[: m.start()]))))
    return out


def group_from(text: str, mentions: list[Mention], first: int) -> list[Mention]:
    """The mention at `first` plus the kinds enumerated right after it."""
    group = [mentions[first]]
    for nxt in mentions[first + 1 :]:
        if nxt.as_unit or not _ENUM_GAP.match(text[group[-1].end : nxt.start]):
            break
        group.append(nxt)
    return group


def specific(kinds: list[str]) -> list[str]:
    """Drop the generic 'travel' when specific transport kinds are named with it."""
    unique = list(dict.fromkeys(kinds))
    return [k for k in unique if k != TRAVEL] or unique
