"""Rules about how to claim, not what is paid: duplicates, receipts in one's own name, weekend
claims, original receipts, pre-approval. The engine checks some of them (as review flags); the
others are listed for the reviewer as not checked automatically."""

from __future__ import annotations

import re

from reimburse.adapters.heuristic.exclusions import unknown_excluded_things

# (name, pattern, whether the engine checks it): duplicates and names are flags the engine raises.
PROCESS_RULES: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    (
        "duplicate claims",
        re.compile(
            r"(?i)\b(duplicate|submitted\s+(?:more\s+than\s+)?(?:once|twice)|claimed\s+twice|same\s+expense\s+twice)"
        ),
        True,
    ),
    (
        "receipts in the claimant's name",
        re.compile(
            r"(?i)(in\s+the\s+(?:name|names)\s+of\s+(?:the\s+)?(?:employee|traveler|traveller|claimant)|"
            r"(?:employee|traveler|traveller|claimant)'?s\s+(?:own\s+)?name|personal\s+name|"
            r"name\s+of\s+another\s+(?:person|employee))"
        ),
        True,
    ),
    (
        "weekend expenses",
        re.compile(r"(?i)\b(weekends?|saturdays?|sundays?|public\s+holidays?)\b"),
        False,
    ),
    (
        "original itemized receipts",
        re.compile(
            r"(?i)\b(original|itemi[sz]ed)\s+(?:\w+\s+)?receipts?\b|receipts?\s+(?:are|is)\s+required"
        ),
        False,
    ),
    (
        "prior approval",
        re.compile(
            r"(?i)\b(pre-?approv\w*|prior\s+(?:written\s+)?approval|approved\s+in\s+advance|pre-?authori[sz]\w*)"
        ),
        False,
    ),
    (
        # "by the 5th of the following month": a calendar cut-off, no count of days a deadline holds.
        "submission by a day of the following month",
        re.compile(
            r"(?i)\bby\s+the\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:day\s+)?of\s+the\s+(?:following|next|subsequent)\s+month|"
            r"\bbis\s+zum\s+\d{1,2}\.\s+(?:des\s+)?(?:Folgemonats|folgenden\s+Monats)|"
            r"\bavant\s+le\s+\d{1,2}\s+du\s+mois\s+suivant"
        ),
        False,
    ),
)
# Only sentences that set a rule: "must", "required", "will not", "only".
_RULE = re.compile(
    r"(?i)\b(must|required|requires|shall|will\s+not|cannot|may\s+not|only|not\s+(?:be\s+)?(?:reimburs|accept|allow)|"
    r"müssen|doivent|doit)"
)


def process_rules_in(sentence: str) -> list[tuple[str, bool]]:
    if not _RULE.search(sentence):
        return []
    found = [(name, checked) for name, pattern, checked in PROCESS_RULES if pattern.search(sentence)]
    # An excluded thing the lexicon does not know gives no keyword (it could decline ordinary
    # lines): it is listed for the reviewer instead, as not checked automatically.
    return found + [(f"excluded: {thing}", False) for thing in unknown_excluded_things(sentence)]
