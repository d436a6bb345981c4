"""Counter-examples from the session-11 review of the policy-reader rules landed that day: each
rule kept its gain on the sets but misread these ordinary layouts. The texts are synthetic."""

from __future__ import annotations

from decimal import Decimal

from reimburse.adapters.heuristic.clauses import split_clauses
from reimburse.adapters.heuristic.tables import read_table
from reimburse.domain.verdict.policy import Policy
from tests.policy_text import keywords, read


def _caps(policy: Policy) -> set[tuple[str, Decimal, str, str]]:
    return {(c.category, c.amount, c.unit.value if c.unit else "", c.meal) for c in policy.caps}


def test_a_bare_list_ends_at_a_heading_over_its_own_sentence() -> None:
    # No blank line between the refused list and the next sections: "Dry cleaning" heads a
    # sentence that pays it, so it is no refused item.
    policy = read(
        "Trip Costs\n"
        "The following costs are not reimbursable:\n"
        "Alcoholic beverages\n"
        "Movies and other entertainment\n"
        "Dry cleaning\n"
        "Dry cleaning is repaid on trips that last eight nights or longer.\n"
        "Parking\n"
        "Airport parking is repaid up to $18 per day.\n"
    )
    found = keywords(policy)
    assert any("alcohol" in k for k in found)
    assert not any("clean" in k for k in found)
    assert not any("parking" in k for k in found)


def test_the_last_item_over_an_unrelated_sentence_stays_an_item() -> None:
    policy = read(
        "The following costs are not reimbursable:\n"
        "Alcoholic beverages\n"
        "Movies and other entertainment\n"
        "Dry cleaning is repaid on trips that last eight nights or longer.\n"
    )
    found = keywords(policy)
    assert any("alcohol" in k for k in found)
    assert any("movie" in k for k in found)


def test_rows_under_a_daily_amount_do_not_condition_the_next_section() -> None:
    policy = read(
        "Travel Rules\n"
        "Staff who take the per diem method may claim $50 a day:\n"
        "$12 - Breakfast\n"
        "$13 - Lunch\n"
        "$25 - Dinner\n"
        "Lodging\n"
        "Hotel rooms are limited to $140 per night.\n"
    )
    hotel = [c for c in policy.caps if c.amount == Decimal(140)]
    assert len(hotel) == 1
    assert hotel[0].condition is None


def test_a_narrow_column_wrapping_before_its_amount_keeps_the_sentence_whole() -> None:
    # Lines under 50 characters wrap a sentence just before its amount: "$230 per night ..." goes on
    # the sentence above, not a row of its own.
    policy = read(
        "Hotel rooms are repaid at cost.\n"
        "Rooms in costly cities such as\n"
        "Boston may be repaid up to\n"
        "$230 per night with prior approval.\n"
        "Meals on day trips are limited to\n"
        "$16 per person, excluding tips.\n"
    )
    hotel = [c for c in policy.caps if c.amount == Decimal(230)]
    assert len(hotel) == 1
    assert hotel[0].condition is not None and "Boston" in hotel[0].condition.locations
    assert {c.category for c in policy.caps if c.amount == Decimal(16)} == {"meals"}


def test_in_a_meal_line_joined_by_dashes_each_amount_keeps_the_meal_before_it() -> None:
    for line in (
        "In-state meal limits: Breakfast $9 - Lunch $14 - Dinner $27",
        "Breakfast: $9 - Lunch: $14 - Dinner: $27",
    ):
        policy = read(f"Meal Allowances\n{line}\n")
        meals = {(c.meal, c.amount) for c in policy.caps if c.category == "meals"}
        assert meals == {("breakfast", Decimal(9)), ("lunch", Decimal(14)), ("dinner", Decimal(27))}, line


def test_rows_that_open_with_their_amount_still_name_the_meal_after_the_dash() -> None:
    policy = read("Meal Allowances\nDaily meal amounts:\n$9 - Breakfast\n$14 - Lunch\n$27 - Dinner\n")
    meals = {(c.meal, c.amount) for c in policy.caps if c.category == "meals"}
    assert meals == {("breakfast", Decimal(9)), ("lunch", Decimal(14)), ("dinner", Decimal(27))}


def test_a_table_that_signs_only_its_first_amount_column_keeps_the_other() -> None:
    policy = read(
        "Meal limits per day:\n\n"
        "| Location | In-State | Out-of-State |\n"
        "|---|---|---|\n"
        "| Meals per day | $40 | 55 |\n"
        "| Lodging per night | $105 | 145 |\n"
    )
    found = {(c.category, c.amount, c.condition.text if c.condition else "") for c in policy.caps}
    assert {c[:2] for c in found} == {
        ("meals", Decimal(40)),
        ("meals", Decimal(55)),
        ("hotel", Decimal(105)),
        ("hotel", Decimal(145)),
    }
    assert all(c[2] for c in found), "each limit keeps its side"


def test_a_short_number_under_a_code_column_is_still_a_code() -> None:
    rows: list[tuple[str, ...]] = [("Meal", "Object code", "Rate"), ("Dinner", "5120", "$19.00")]
    assert {limit.finding.amount.value for limit in read_table(rows, "Daily rates")} == {Decimal("19.00")}


def test_a_status_under_an_items_own_line_does_not_lead_the_next_item() -> None:
    policy = read(
        "Cost Guide\n\n"
        "Guest or spouse travel\n"
        "Not reimbursable\n\n"
        "Laundry\n"
        "Reimbursable on trips of eight nights or longer\n\n"
        "Parking\n"
        "Reimbursable up to $18 per day\n"
    )
    found = keywords(policy)
    assert not any("laundry" in k for k in found)
    assert not any("parking" in k for k in found)


def test_a_maximum_with_its_own_case_after_one_meal_stays_per_meal() -> None:
    for line, amount in (
        ("Lunch $16 or a maximum of $22 in high-cost cities.", Decimal(22)),
        ("Dinner $32, or a maximum of $48 when a guest is hosted.", Decimal(48)),
    ):
        caps = [c for c in read(f"Meal Allowances\n{line}\n").caps if c.amount == amount]
        assert caps, line
        assert all(c.unit is not None and c.unit.value == "meal" for c in caps), line


def test_a_meal_named_with_total_is_that_meals_limit_not_a_total_row() -> None:
    rows: list[tuple[str, ...]] = [
        ("Meal", "Limit", "Notes"),
        ("Breakfast", "$11", ""),
        ("Dinner total", "$32", "tip included"),
    ]
    assert {limit.finding.amount.value for limit in read_table(rows, "Meal limits")} == {
        Decimal(11),
        Decimal(32),
    }
    rows = [("Meal", "Limit"), ("Breakfast", "$11"), ("Meals total", "$43"), ("Total", "$43")]
    assert {limit.finding.amount.value for limit in read_table(rows, "Meal limits")} == {Decimal(11)}


def test_an_item_line_stopping_short_of_the_margin_ends_its_item() -> None:
    # The longest line sets the right margin; an item line of 50+ characters that stops well
    # before it ended, so the next capitalised line is the next item, not its continuation.
    text = (
        "Costs of a trip are repaid when they serve the school's work and stay reasonable in amount, as the rules allow.\n"
        "The following costs are not reimbursable:\n"
        "Alcoholic beverages bought on the road, wine and beer included\n"
        "Movie rentals in the hotel room\n"
    )
    texts = [c.text for c in split_clauses(text)]
    assert "Alcoholic beverages bought on the road, wine and beer included" in texts
    assert "Movie rentals in the hotel room" in texts
