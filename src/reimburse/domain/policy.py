"""The structured reading of a reimbursement policy. Every rule keeps the clause it came from."""

from __future__ import annotations

import enum
from decimal import Decimal

import msgspec


class CapUnit(enum.StrEnum):
    MEAL = "meal"
    TRIP = "trip"
    NIGHT = "night"
    DAY = "day"
    RIDE = "ride"
    MONTH = "month"
    INVOICE = "invoice"


class Category(msgspec.Struct, frozen=True):
    """A covered expense category. `synonyms` are the words that identify it on an invoice."""

    name: str
    synonyms: tuple[str, ...] = ()
    clause: str = ""

    def matches(self, word: str) -> bool:
        w = word.strip().lower()
        return w == self.name.lower() or w in (s.lower() for s in self.synonyms)


class CapRule(msgspec.Struct, frozen=True):
    rule_id: str
    category: str
    amount: Decimal
    currency: str
    unit: CapUnit
    clause: str


class ExclusionRule(msgspec.Struct, frozen=True):
    """Items never reimbursed. `keywords` identify the line items; empty `categories` means all."""

    rule_id: str
    name: str
    keywords: tuple[str, ...]
    clause: str
    categories: tuple[str, ...] = ()

    def applies_to(self, category: str) -> bool:
        return not self.categories or category in self.categories


class DeadlineRule(msgspec.Struct, frozen=True):
    rule_id: str
    days: int
    clause: str


class Policy(msgspec.Struct, frozen=True):
    policy_id: str
    currency: str
    categories: tuple[Category, ...] = ()
    caps: tuple[CapRule, ...] = ()
    exclusions: tuple[ExclusionRule, ...] = ()
    deadline: DeadlineRule | None = None
    title: str = ""
    source_sha256: str = ""
    interpreter: str = ""

    def category(self, word: str | None) -> Category | None:
        if not word:
            return None
        return next((c for c in self.categories if c.matches(word)), None)

    def caps_for(self, category: str) -> tuple[CapRule, ...]:
        return tuple(c for c in self.caps if c.category == category)

    @property
    def rule_count(self) -> int:
        return len(self.categories) + len(self.caps) + len(self.exclusions) + (1 if self.deadline else 0)
