"""The shared lexicon: aliases link policy categories back to one kind, and excluded-item words
(matched by the verdict engine at the start of a word) do not hit ordinary food or services."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.classify import kinds_named_in
from reimburse.adapters.heuristic.lexicon import EXCLUDED, KINDS
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.invoice import Invoice, LineItem
from reimburse.domain.verdict.policy import Category, ExclusionRule, Policy
from reimburse.domain.verdict.verdict import Status


def test_aliases_name_exactly_one_kind() -> None:
    counts = Counter(alias.lower() for kind in KINDS for alias in set(kind.aliases))
    assert [alias for alias, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_keywords_have_no_spelling_duplicates(kind: object) -> None:
    # "check in" already matches "check-in" and "checkin"; a second spelling would count twice.
    words = [re.sub(r"[\s\-]", "", w.lower()) for w, _ in kind.keywords]  # type: ignore[attr-defined]
    assert len(words) == len(set(words))


@pytest.mark.parametrize(
    ("phrase", "kinds"),
    [
        ("air travel", {"flight"}),
        ("local conveyance", {"cab"}),
        ("bus, train and flight tickets", {"bus", "train", "flight", "travel"}),
        ("Hotel accommodation", {"hotel"}),
        ("Übernachtungen", {"hotel"}),
    ],
)
def test_policy_phrases_name_their_kinds(phrase: str, kinds: set[str]) -> None:
    assert kinds_named_in(phrase) == kinds


def _verdict(descriptions: list[str]) -> tuple[Status, Decimal]:
    rules = tuple(
        ExclusionRule(f"exclude:{k.name}", k.name, k.keywords, f"{k.name} is not reimbursable")
        for k in EXCLUDED
    )
    policy = Policy("pol", "INR", categories=(Category("meals"),), exclusions=rules)
    items = tuple(LineItem(d, Decimal(100)) for d in descriptions)
    invoice = Invoice(total=Decimal(100 * len(items)), line_items=items, category="meals")
    verdict = decide(policy, invoice, Claim("Rani", date(2024, 1, 1)))
    return verdict.status, verdict.reimbursable


@pytest.mark.parametrize(
    "item",
    [
        "Ginger Ale",
        "Rumali Roti",
        "Barbecue Chicken",
        "Chicken Vindaloo",
        "Spaghetti Aglio Olio",
        "Spa rood",
        "Fine dining set menu",
        "Virgin Mojito Mocktail",
        "Sulaimani Chai",
        "Mineral water",
        "Vinegar salad",
        "Bournvita",
        "Barley water",
    ],
)
def test_ordinary_items_are_not_excluded(item: str) -> None:
    assert _verdict([item]) == (Status.FULLY_REIMBURSED, Decimal("100.00"))


@pytest.mark.parametrize(
    "item",
    [
        "Kingfisher Premium Beer 650ml",
        "Sula Sauvignon Blanc Wine (glass)",
        "Black Dog Whisky 60ml",
        "Classic Mojito Cocktail",
        "Gin & Tonic",
        "Glass of House Wine",
        "Huiswijn",
        "Minibar",
        "Laundry - 3 shirts",
        "Marlboro Cigarettes",
        "In-room movie",
        "Swedish massage",
    ],
)
def test_excluded_items_are_recognised(item: str) -> None:
    assert _verdict([item, "Veg Thali"]) == (Status.PARTIALLY_REIMBURSED, Decimal("100.00"))
