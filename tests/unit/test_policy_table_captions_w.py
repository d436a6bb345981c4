"""A limit table's caption or the name of its row-header column scopes its rows (issue 19, sets R
and W): an occasion (business or hosted meals, meals in town) always, the traveller's own trip
("while traveling") only beside a table of another occasion; a generic caption names none."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.heuristic.captions import caption_occasion
from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.adapters.heuristic.tables import read_table
from reimburse.domain.verdict.document import Document, Page
from reimburse.domain.verdict.policy import Policy

Table = tuple[tuple[str, ...], ...]


def _read(text: str, *tables: Table) -> Policy:
    page = Page(1, 600.0, 800.0, tables=tables)
    return HeuristicPolicyInterpreter().read(Document("p.pdf", "cd" * 32, text, (text,), (page,)))


def _conditions(policy: Policy) -> dict[Decimal, str]:
    return {cap.amount: cap.condition.other if cap.condition else "" for cap in policy.caps}


def test_a_caption_line_naming_an_occasion_conditions_every_row() -> None:
    rows: list[tuple[str, ...]] = [("Meal", "Most allowed"), ("Breakfast", "$22.00"), ("Dinner", "$61.00")]
    limits = read_table(rows, "Per guest, the most a hosted business meal may cost is:")
    assert [(lim.meal, lim.condition.other if lim.condition else "") for lim in limits] == [
        ("breakfast", "business meal"),
        ("dinner", "business meal"),
    ]


def test_a_generic_caption_gives_no_condition() -> None:
    rows: list[tuple[str, ...]] = [("Meal", "Maximum per person"), ("Lunch", "$18.00"), ("Dinner", "$44.00")]
    for caption in ("Meal limits", "Maximum reimbursement rates", ""):
        assert [lim.condition for lim in read_table(rows, caption)] == [None, None]


def test_a_full_sentence_above_a_table_is_no_caption() -> None:
    # Prose that happens to mention business meals is read by the sentence rules, not as a caption.
    caption = "Travellers who attend business meals on a trip claim their own meals at the rates below."
    assert caption_occasion(caption) == ("", "")


def test_a_negated_occasion_is_none() -> None:
    assert caption_occasion("Non-entertainment meal rates") == ("", "")
    assert caption_occasion("Meals (excluding hospitality)")[0] == ""


def test_the_row_header_column_names_the_occasion_up_to_its_note() -> None:
    # "as permitted by the Travel & Entertainment Policy" cites a policy: its "Entertainment" is no
    # occasion of the rows, which are the traveller's own meals.
    hosted, trip = caption_occasion(
        "", "Meals While Traveling, as permitted by the Travel & Entertainment Policy"
    )
    assert (hosted, trip) == ("", "Meals While Traveling")


TRAVELING: Table = (("Meals While Traveling", "Maximum per person"), ("Breakfast", "$19"), ("Dinner", "$66"))
IN_TOWN: Table = (("In Town Meals", "Maximum per person"), ("Breakfast", "$17"), ("Dinner", "$58"))


def test_travel_and_in_town_tables_each_keep_their_caption() -> None:
    text = "\n".join(
        [
            "Spending limits",
            "Meals While Traveling Maximum per person",
            "Breakfast $19",
            "Dinner $66",
            "In Town Meals Maximum per person",
            "Breakfast $17",
            "Dinner $58",
        ]
    )
    found = _conditions(_read(text, TRAVELING, IN_TOWN))
    assert found == {
        Decimal("19"): "Meals While Traveling",
        Decimal("66"): "Meals While Traveling",
        Decimal("17"): "In Town Meals",
        Decimal("58"): "In Town Meals",
    }


def test_a_lone_travel_table_is_what_the_policy_is_about_not_a_condition() -> None:
    text = "\n".join(
        ["Travel policy", "Meals While Traveling Maximum per person", "Breakfast $19", "Dinner $66"]
    )
    assert _conditions(_read(text, TRAVELING)) == {Decimal("19"): "", Decimal("66"): ""}


_WORDS = st.sampled_from(
    ["Meal", "limits", "Maximum", "per", "person", "rates", "allowance", "daily", "amounts"]
)


@given(st.lists(_WORDS, min_size=1, max_size=6))
def test_captions_of_generic_words_never_give_an_occasion(words: list[str]) -> None:
    assert caption_occasion(" ".join(words), " ".join(reversed(words))) == ("", "")


def test_amounts_allowed_for_hosted_guests_keep_that_condition_and_the_ordinary_pair_stays() -> None:
    text = "\n".join(
        [
            "Meal Limits",
            "Lunch should normally cost no more than $28 per person and dinner no more than $70 per person.",
            "A dinner of up to $140 per person and a lunch of up to $45 per person are allowed for meetings"
            " with donors or visiting dignitaries.",
        ]
    )
    found = _conditions(_read(text))
    assert found[Decimal("28")] == "" and found[Decimal("70")] == ""
    assert "donors" in found[Decimal("140")] and "donors" in found[Decimal("45")]


def test_an_allowance_for_a_trip_is_left_to_the_trip_rules() -> None:
    text = "Breakfast up to $12 and dinner up to $30 are allowed for each day of travel."
    assert set(_conditions(_read(text)).values()) == {""}


GUEST_TABLE: Table = (("Meal", "Limit"), ("Lunch", "$27.00/person"), ("Dinner", "$64.00/person"))


def test_the_sentence_above_a_table_saying_whose_limits_it_holds_conditions_its_rows() -> None:
    text = "\n".join(
        [
            "Gift funds may pay for food. The office has set spending",
            "limits for meals with visitors or student groups paid from",
            "discretionary funds.",
            "",
            "Meal Limit",
            "Lunch $27.00/person",
            "Dinner $64.00/person",
        ]
    )
    found = _conditions(_read(text, GUEST_TABLE))
    assert found == {Decimal("27.00"): "meals with visitors", Decimal("64.00"): "meals with visitors"}


def test_a_sentence_above_a_table_naming_no_guests_after_limits_for_gives_no_condition() -> None:
    text = "\n".join(
        [
            "The office has set spending limits for travel; meals with visitors follow another page.",
            "Meal Limit",
            "Lunch $27.00/person",
            "Dinner $64.00/person",
        ]
    )
    assert set(_conditions(_read(text, GUEST_TABLE)).values()) == {""}


def test_row_labels_under_an_event_column_are_the_occasions_of_their_amounts() -> None:
    rows: list[tuple[str, ...]] = [
        ("Event Type", "Reimbursement Amount"),
        ("Group Lunch", "$21/person"),
        ("Lab Breakfast", "$11/person"),
    ]
    found = [(lim.meal, lim.condition.other if lim.condition else "") for lim in read_table(rows)]
    assert found == [("lunch", "Group Lunch"), ("breakfast", "Lab Breakfast")]
    # The same rows under a "Meal" column are meal times, no occasion.
    plain = [("Meal", "Reimbursement Amount"), *rows[1:]]
    assert [lim.condition for lim in read_table(plain)] == [None, None]


def test_a_closing_bracket_naming_the_occasion_is_kept() -> None:
    # Review s16 finding 4: dropping the bracket made hosting limits the traveller's own.
    hosted, _ = caption_occasion("Per person meal limits (while hosting guests)")
    assert "guest" in hosted.lower()
    hosted, _ = caption_occasion("Meal maximums (business entertainment)")
    assert "entertainment" in hosted.lower()
    # A bracket saying what the amounts include is still no occasion.
    assert caption_occasion("Meal maximums for staff (amounts include the tip)") == ("", "")
