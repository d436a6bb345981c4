"""Collects categories, caps, exclusions and the deadline found clause by clause into a Policy."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from reimburse.adapters.heuristic.caps import CapFinding
from reimburse.adapters.heuristic.conditions import scopes_in
from reimburse.adapters.heuristic.deadlines import DeadlineFinding
from reimburse.adapters.heuristic.exclusions import ExclusionFinding
from reimburse.adapters.heuristic.lexicon import KIND_BY_NAME, TRAVEL
from reimburse.adapters.heuristic.mentions import find_mentions
from reimburse.adapters.heuristic.periods import scope_of
from reimburse.adapters.heuristic.policy_currency import symbol_currency
from reimburse.domain.verdict.policy import (
    AmountRule,
    CapRule,
    CapUnit,
    Category,
    Condition,
    DeadlineRule,
    ExclusionRule,
    ProcessRule,
    RuleType,
)

_DEFAULT_UNIT = {TRAVEL: CapUnit.TRIP}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "rule"


MILEAGE = "mileage"
_MILEAGE_WORDS = ("mileage", "personal vehicle", "personal car", "private vehicle", "private car", "own car")


@dataclass
class _CategoryDraft:
    name: str
    kinds: list[str]
    synonyms: list[str]
    clause: str


@dataclass
class _CapDraft:
    category: str | None
    kinds: list[str]
    amount: Decimal
    currency: str | None
    unit: CapUnit | None
    person: bool
    clause: str
    condition: Condition | None = None
    section: str = ""
    symbol: str = ""  # the currency sign as printed ("$"), resolved against the policy's currency
    kind: RuleType = RuleType.LIMIT
    confidence: float = 1.0
    meal: str = ""  # "breakfast": the meal a per-meal limit is for


@dataclass
class PolicyBuilder:
    categories: dict[str, _CategoryDraft] = field(default_factory=dict)
    caps: list[_CapDraft] = field(default_factory=list)
    exclusions: dict[str, ExclusionRule] = field(default_factory=dict)
    deadline: DeadlineRule | None = None
    others: list[_CapDraft] = field(default_factory=list)
    process: dict[str, ProcessRule] = field(default_factory=dict)
    _deadline_score: int = -99
    # Travel scopes the whole policy names ("domestic", "international"): a limit printed for one
    # scope while the policy speaks of the other holds for its scope only.
    scopes: frozenset[str] = frozenset()

    def add_category(self, kinds: list[str], clause: str, label: str = "") -> str:
        name = category_name(kinds, label)
        allowed = set(kinds) | ({TRAVEL} if name == TRAVEL or TRAVEL in kinds else set())
        words = [label.lower()] if label else []
        for kind in (*kinds, *([TRAVEL] if TRAVEL in allowed and TRAVEL not in kinds else [])):
            words += [kind, *KIND_BY_NAME[kind].aliases, *(k for k, _ in KIND_BY_NAME[kind].keywords)]
        # Keep only words that name no other kind, so the category can be linked back unambiguously.
        synonyms = [w for w in dict.fromkeys(words) if w and {m.kind for m in find_mentions(w)} <= allowed]
        draft = self.categories.get(name)
        if draft is None:
            self.categories[name] = _CategoryDraft(name, list(kinds), synonyms, clause)
        else:
            draft.kinds = list(dict.fromkeys([*draft.kinds, *kinds]))
            draft.synonyms = list(dict.fromkeys([*draft.synonyms, *synonyms]))
        return name

    def add_cap(
        self,
        finding: CapFinding,
        kinds: list[str],
        clause: str,
        label: str = "",
        *,
        condition: Condition | None = None,
        section: str = "",
        symbol: str = "",
        confidence: float = 1.0,
        meal: str = "",
    ) -> None:
        category = self.add_category(kinds, clause, label) if kinds else None
        self._add_limit(finding, category, kinds, clause, condition, section, symbol, confidence, meal)

    def add_mileage_cap(
        self, finding: CapFinding, clause: str, *, condition: Condition | None, section: str, symbol: str
    ) -> None:
        """A limit on driving one's own car ("up to $300 per trip"): the category a distance rate
        pays, which no invoice kind names, so the policy names it itself for the engine to match."""
        if MILEAGE not in self.categories:
            self.categories[MILEAGE] = _CategoryDraft(MILEAGE, [], list(_MILEAGE_WORDS), clause)
        # 0.7: the category came from the words about the car, not a lexicon kind
        self._add_limit(finding, MILEAGE, [], clause, condition, section, symbol, 0.7, "")

    def _add_limit(
        self,
        finding: CapFinding,
        category: str | None,
        kinds: list[str],
        clause: str,
        condition: Condition | None,
        section: str,
        symbol: str,
        confidence: float,
        meal: str,
    ) -> None:
        a = finding.amount
        self.caps.append(
            _CapDraft(
                category,
                kinds,
                a.value,
                a.currency,
                finding.unit,
                finding.person,
                clause,
                condition,
                section,
                symbol,
                RuleType.LIMIT,
                confidence,
                meal,
            )
        )

    def add_amount(
        self,
        finding: CapFinding,
        kinds: list[str],
        clause: str,
        *,
        symbol: str = "",
        category: str | None = None,
    ) -> None:
        """A printed amount that is not a limit (rate, threshold, advance, example): kept so that
        HR sees it was read, and so that a rate can compute an allowance."""
        a = finding.amount
        name = category or (category_name(kinds, "") if kinds else None)
        if finding.kind is RuleType.RATE and name and name in KIND_BY_NAME:
            self.add_category(kinds, clause)
        self.others.append(
            _CapDraft(
                name,
                kinds,
                a.value,
                a.currency,
                finding.unit,
                finding.person,
                clause,
                None,
                "",
                symbol,
                finding.kind,
                0.7,  # what kind of number it is was read from the words around it
            )
        )

    def add_process_rule(self, name: str, clause: str, *, checked: bool) -> None:
        rule_id = f"process:{slug(name)}"
        if rule_id not in self.process:
            self.process[rule_id] = ProcessRule(rule_id, name, clause, checked)

    def add_exclusion(self, finding: ExclusionFinding, clause: str) -> None:
        rule_id = f"exclude:{slug(finding.name)}"
        old = self.exclusions.get(rule_id)
        keywords = tuple(dict.fromkeys([*(old.keywords if old else ()), *finding.keywords]))
        confidence = max(finding.confidence, old.confidence if old else 0.0)
        # Refused outright anywhere in the policy wins over refused only under a condition.
        condition = "" if old and not old.condition else finding.condition
        condition = old.condition if old and condition else condition
        self.exclusions[rule_id] = ExclusionRule(
            rule_id,
            finding.name,
            keywords,
            old.clause if old else clause,
            confidence=confidence,
            condition=condition,
        )

    def set_deadline(self, found: DeadlineFinding, clause: str) -> None:
        """The deadline most surely about submitting claims; the first one among equals."""
        if self.deadline is None or found.score > self._deadline_score:
            unit = (
                f"{found.months}m" if found.months else f"{found.days}{'bd' if found.business_days else 'd'}"
            )
            self.deadline = DeadlineRule(
                f"deadline:{unit}", found.days, clause, found.months, found.business_days
            )
            self._deadline_score = found.score

    def currency(self, fallback: str) -> str:
        counts = Counter(c.currency for c in self.caps if c.currency)
        return counts.most_common(1)[0][0] if counts else fallback

    def build_amounts(self, currency: str) -> tuple[AmountRule, ...]:
        out: dict[str, AmountRule] = {}
        for d in self.others:
            cur = _draft_currency(d, currency)
            rule_id = f"{d.kind}:{slug(d.category or 'any')}:{d.amount}".replace(".", "_")
            out.setdefault(
                rule_id,
                AmountRule(
                    rule_id, d.kind, d.amount, cur, d.clause, d.category, d.unit, d.condition, d.confidence
                ),
            )
        return tuple(out.values())

    def build_categories(self) -> tuple[Category, ...]:
        return tuple(Category(d.name, tuple(d.synonyms), d.clause) for d in self.categories.values())

    def build_caps(self, currency: str) -> tuple[CapRule, ...]:
        chosen: dict[tuple[str, CapUnit, str, str], CapRule] = {}
        _condition_by_section(self.caps)
        _drop_lone_scopes(self.caps, self.scopes)
        specific = [c for c in self.caps if c.category]
        general = [c for c in self.caps if not c.category]
        for draft in specific:
            category = draft.category or ""
            unit = _unit(draft, category)
            self._keep(chosen, category, unit, draft, currency)
        for draft in general:
            # "Any single claim is capped at ₹10,000": every category, unless it has its own cap.
            for category in self.categories:
                unit = draft.unit or CapUnit.INVOICE
                if not any(k[0] == category and k[1] is unit and not k[3] for k in chosen):
                    self._keep(chosen, category, unit, draft, currency)
        return tuple(chosen.values())

    @staticmethod
    def _keep(
        chosen: dict[tuple[str, CapUnit, str, str], CapRule],
        category: str,
        unit: CapUnit,
        draft: _CapDraft,
        currency: str,
    ) -> None:
        cur = _draft_currency(draft, currency)
        when = "; ".join(p for p in (draft.meal, draft.condition.text if draft.condition else "") if p)
        key = (category, unit, cur, when)
        old = chosen.get(key)
        # Two caps for one category, unit and condition: the invoice does not say which applies, so
        # keep the higher and let the clause text tell the reviewer.
        if old is not None and old.amount >= draft.amount:
            return
        rule_id = f"cap:{slug(category)}:{unit}"
        if any(k[:2] == (category, unit) and k[2] != cur for k in chosen):
            rule_id += f":{cur.lower()}"
        if when:
            rule_id += f":{slug(when)}"
        scope = scope_of(draft.clause, unit)  # shared over a period, or by a number of claims
        chosen[key] = CapRule(
            rule_id,
            category,
            draft.amount,
            cur,
            unit,
            draft.clause,
            draft.condition,
            draft.confidence,
            meal=draft.meal,
            period=scope.period,
            period_length=scope.length,
            claims=scope.claims,
        )


def _unit(draft: _CapDraft, category: str) -> CapUnit:
    meals = "meals" in draft.kinds or bool(draft.meal)  # a hosted breakfast is still per meal
    if draft.unit is not None:
        return CapUnit.INVOICE if draft.person and not meals else draft.unit
    if draft.meal:
        return CapUnit.MEAL
    if len(draft.kinds) == 1:
        return KIND_BY_NAME[draft.kinds[0]].unit
    if draft.kinds and all(KIND_BY_NAME[k].parent == TRAVEL or k == TRAVEL for k in draft.kinds):
        return CapUnit.TRIP
    return _DEFAULT_UNIT.get(category, CapUnit.INVOICE)


def category_name(kinds: list[str], label: str) -> str:
    if len(kinds) == 1:
        return kinds[0]
    if label and find_mentions(label):
        return re.sub(r"^[\d.\s)]+", "", label).strip().lower()
    # "Tolls and parking up to $30 per day" caps no fare: travel is the umbrella only over a fare.
    if all(KIND_BY_NAME[k].parent == TRAVEL or k == TRAVEL for k in kinds) and not set(kinds) <= _ROADSIDE:
        return TRAVEL
    return "/".join(kinds)


_ROADSIDE = frozenset(["parking", "toll"])


def _draft_currency(draft: _CapDraft, currency: str) -> str:
    if draft.symbol == "%":
        return "%"  # a percentage rate: no currency
    if draft.symbol:
        return symbol_currency(draft.symbol, currency) or draft.currency or currency
    return draft.currency or currency


def _condition_by_section(drafts: list[_CapDraft]) -> None:
    """Caps for one category and unit with different amounts in different sections ("Actual cost
    basis: Breakfast $30" and "State grants: Breakfast $6") are alternatives: each holds under its
    section, which the engine cannot check, so a reviewer sees the choice."""
    groups: dict[tuple[str, CapUnit | None, str], list[_CapDraft]] = {}
    for d in drafts:
        if d.category:
            when = d.condition.text if d.condition else ""
            groups.setdefault((d.category, d.unit, f"{d.meal};{when}"), []).append(d)
    for group in groups.values():
        sections = {d.section for d in group}
        if len(sections) < 2 or len({d.amount for d in group}) < 2:
            continue
        for d in group:
            if not d.section:
                continue
            base = d.condition or Condition()
            other = "; ".join(p for p in (base.other, d.section) if p)
            d.condition = Condition(base.grades, base.locations, other)
            d.confidence = min(d.confidence, 0.5)


_OPPOSITE = {"domestic": "international", "international": "domestic", "in-state": "out-of-state"}
_OPPOSITE["out-of-state"] = "in-state"


# Trips away from home: a limit printed for them alone says nothing of trips at home.
_AWAY = frozenset(["international", "out-of-state"])
# "For international travel, …", "When travelling abroad, …": the sentence opens with its scope.
_FRAMING = re.compile(
    r"(?i)^\W*(?:for|on|during|when|while|if|in\s+(?:the\s+)?case\s+of|bei|pour|en\s+cas\s+de|para|"
    r"en\s+caso\s+de|per|in\s+caso\s+di|voor|bij)\s[^,:;.]{0,60},"
)


def _real_restriction(draft: _CapDraft, scopes: set[str]) -> bool:
    """A lone scope still restricts its limit when its own sentence names it (a heading's scope may
    have ended) and it is a trip away from home, or the sentence opens with it as its condition;
    "Domestic air travel is reimbursed up to …" only describes."""
    own = {s.casefold() for s in scopes_in(draft.clause)}
    if any(s.casefold() in _AWAY and s.casefold() in own for loc in scopes for s in scopes_in(loc)):
        return True
    framing = _FRAMING.match(draft.clause)
    return framing is not None and bool(scopes_in(framing.group(0)))


def _drop_lone_scopes(drafts: list[_CapDraft], named: frozenset[str] = frozenset()) -> None:
    """ "Domestic air travel is reimbursed up to INR 12,000" with no international row: the scope
    describes the only limit the policy gives, it chooses between no rows, so it is no condition.
    Unless the policy speaks of the other scope ("international per diems follow State Department
    rates") or the scope is a real restriction (`_real_restriction`): then the limit holds for its
    own scope only."""
    scopes: dict[str, set[str]] = {}
    for d in drafts:
        if d.category and d.condition:
            for loc in d.condition.locations:
                if scopes_in(loc):
                    scopes.setdefault(d.category, set()).add(loc.casefold())
    for d in drafts:
        if not (d.category and d.condition) or len(scopes.get(d.category, ())) != 1:
            continue
        if any(_OPPOSITE.get(s) in named for s in scopes[d.category]) or _real_restriction(
            d, scopes[d.category]
        ):
            continue
        if any(
            o.category == d.category and o.unit == d.unit and o.meal == d.meal and o.amount != d.amount
            for o in drafts
        ):
            continue  # "$75 per day ($100 for international travel)": the scope chooses between rows
        kept = tuple(loc for loc in d.condition.locations if not scopes_in(loc))
        c = Condition(d.condition.grades, kept, d.condition.other)
        d.condition = c if (c.grades or c.locations or c.other) else None
