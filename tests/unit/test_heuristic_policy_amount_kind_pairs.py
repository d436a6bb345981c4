"""Issue 19: each amount of a policy sentence with the kind the sentence pairs it with, whichever
side the kind is named on (own paraphrases, no policy's wording)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.heuristic.caps import find_caps
from reimburse.adapters.heuristic.mentions import find_mentions
from reimburse.adapters.heuristic.pairing import kind_named_after, respective_kind, same_sentence
from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document, Page

Limit = tuple[str, Decimal, str, str]  # category, amount, unit, meal


def _limits(text: str) -> set[Limit]:
    document = Document("p.pdf", "ab" * 32, text, (text,), (Page(1, 600.0, 800.0),))
    policy = HeuristicPolicyInterpreter().read(document)
    return {(c.category, c.amount, c.unit.value, c.meal) for c in policy.caps}


def test_each_kind_named_right_after_its_amount_is_that_amounts() -> None:
    # The Houston shape: before, the second amount took the first one's "for lodging".
    assert _limits("Staff may claim up to $80/day for lodging and $40/day for meals.") == {
        ("hotel", Decimal("80"), "day", ""),
        ("meals", Decimal("40"), "day", ""),
    }


def test_the_kind_after_wins_over_a_generic_travel_subject_before() -> None:
    text = "Trips to unlisted places are paid at the standard rate, which is now $70/day for lodging and $52/day for meals."
    assert _limits(text) == {("hotel", Decimal("70"), "day", ""), ("meals", Decimal("52"), "day", "")}


def _after_pairs(sentence: str) -> list[int | None]:
    spans = [c.amount for c in find_caps(sentence)]
    mentions = find_mentions(sentence)
    return [kind_named_after(sentence, spans, i, mentions) for i in range(len(spans))]


def test_a_subject_of_another_kind_keeps_the_for_words_as_occasions() -> None:
    # "for conferences", "for travel" say when the meals are paid, not what is paid.
    assert _after_pairs("Meals are capped at $60 per day for conferences and $40 per day for travel.") == [
        None,
        None,
    ]
    assert _after_pairs("Up to $60 per day for conferences and $40 per day for travel.") == [0, 1]


def test_amounts_each_for_a_meal_of_the_day_are_left_to_the_meal_rules() -> None:
    # One kind after every amount: nothing to pair apart, the meal list is read as before.
    assert _after_pairs("Claims may not exceed $14 for breakfast and $19 for lunch.") == [None, None]


def test_a_list_of_amounts_then_a_list_of_meals_pairs_in_order() -> None:
    assert _limits("Claims may not exceed $9, $15 and $27 for breakfast, lunch and dinner.") == {
        ("meals", Decimal("9"), "meal", "breakfast"),
        ("meals", Decimal("15"), "meal", "lunch"),
        ("meals", Decimal("27"), "meal", "dinner"),
    }


def test_kinds_then_amounts_respectively_pair_in_order() -> None:
    assert _limits("Breakfast, lunch and dinner are reimbursed up to $12, $18 and $30 respectively.") == {
        ("meals", Decimal("12"), "meal", "breakfast"),
        ("meals", Decimal("18"), "meal", "lunch"),
        ("meals", Decimal("30"), "meal", "dinner"),
    }


def test_lists_of_unequal_length_are_not_paired() -> None:
    sentence = "Claims may not exceed $15 and $27 for breakfast, lunch and dinner."
    spans = [c.amount for c in find_caps(sentence)]
    mentions = find_mentions(sentence)
    assert [respective_kind(sentence, spans, i, mentions) for i in range(len(spans))] == [None, None]


@given(st.permutations(["lodging", "meals", "parking"]))
def test_respective_kinds_follow_their_list_order(kinds: list[str]) -> None:
    sentence = f"Limits are $150, $60 and $20 per day for {kinds[0]}, {kinds[1]} and {kinds[2]} respectively."
    spans = [c.amount for c in find_caps(sentence)]
    mentions = find_mentions(sentence)
    paired = [respective_kind(sentence, spans, i, mentions) for i in range(len(spans))]
    assert [sentence[mentions[k].start : mentions[k].end] for k in paired if k is not None] == kinds


def test_a_passive_grant_keeps_every_meal_amount() -> None:
    # Before: only the lunch amount was a limit, and it took breakfast, named before it.
    assert _limits("Staff are repaid $11 for breakfast, $17 for lunch, and $29 for dinner.") == {
        ("meals", Decimal("11"), "meal", "breakfast"),
        ("meals", Decimal("17"), "meal", "lunch"),
        ("meals", Decimal("29"), "meal", "dinner"),
    }


def test_no_kind_across_a_sentence_end_the_splitter_left() -> None:
    sentence = "Claims up to $65 per day are paid. Lodging is booked by the office."
    assert same_sentence(sentence, sentence.index("$65"), find_mentions(sentence)) == []
    # An abbreviation's full stop, and a cell the text layer wrapped, end no sentence.
    for kept in ("The allowance is $65 per day Incl. Tips.", "Up to $65 per night.\nlodging"):
        assert len(same_sentence(kept, kept.index("$65"), find_mentions(kept))) == 1


def test_a_sentence_telling_the_former_limits_gives_no_limit() -> None:
    text = (
        "Previously, the board set limits of $90/day for lodging and $31/day for meals. "
        "Since 2020 the limits are $120/day for lodging and $55/day for meals."
    )
    assert _limits(text) == {("hotel", Decimal("120"), "day", ""), ("meals", Decimal("55"), "day", "")}


def test_limits_that_were_formerly_lower_are_no_limits() -> None:
    text = "Meals were formerly capped at $60 per day. The meal limit is now $48 per day."
    assert _limits(text) == {("meals", Decimal("48"), "day", "")}


def test_the_current_limit_said_after_now_in_the_same_sentence_stays() -> None:
    text = "Previously, meals were capped at $40 per day, but they are now capped at $50 per day."
    assert _limits(text) == {("meals", Decimal("50"), "day", "")}
