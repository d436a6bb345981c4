"""The engine finds a rule's excluded bill lines with one pattern for all its keywords (bench
item 2): it must pick exactly the lines that one search per keyword would."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from reimburse.domain.verdict.decide import _excluded_items, _keyword_pattern
from reimburse.domain.verdict.invoice import LineItem
from reimburse.domain.verdict.policy import ExclusionRule

# Letters, digits, separators and regex metacharacters: words, phrases, "no-show", "(wine)".
TEXT = st.text(alphabet="abwineNOSHW 1-._()*+?é\t", max_size=12)


def _one_by_one(rule: ExclusionRule, items: tuple[LineItem, ...]) -> list[LineItem]:
    patterns = [_keyword_pattern(k) for k in rule.keywords if k.strip()]
    return [i for i in items if any(p.search(i.description.lower()) for p in patterns)]


@given(keywords=st.lists(TEXT, max_size=6), descriptions=st.lists(TEXT, max_size=6))
def test_one_pattern_excludes_the_lines_each_keyword_would(
    keywords: list[str], descriptions: list[str]
) -> None:
    rule = ExclusionRule("x1", "drinks", tuple(keywords), "no drinks")
    items = tuple(LineItem(description=d, amount=Decimal("1.00")) for d in descriptions)
    assert _excluded_items(rule, items) == _one_by_one(rule, items)


def test_start_of_word_and_phrases_still_hold() -> None:
    rule = ExclusionRule("x1", "drinks", ("wine", "no show", " "), "no drinks")
    lines = ("House Wines", "Swine roast", "No-show fee", "Room")
    items = tuple(LineItem(description=d, amount=Decimal("1.00")) for d in lines)
    assert [i.description for i in _excluded_items(rule, items)] == ["House Wines", "No-show fee"]


def test_a_rule_without_keywords_excludes_nothing() -> None:
    rule = ExclusionRule("x1", "drinks", ("", "  "), "no drinks")
    assert _excluded_items(rule, (LineItem(description="Wine", amount=Decimal("1.00")),)) == []
