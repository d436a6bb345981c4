"""A heading that refuses a kind of expense ("Non-Reimbursable Expenses") over a list printed without
bullet signs (a web page printed to PDF keeps none): each short line below it is an item of the
refused list, not a heading of its own (issue 19, set L: SUNY Delhi, Louisville, Old Dominion; set J:
Washington State). Texts are short paraphrases, not copies."""

from __future__ import annotations

from tests.policy_text import names, read


def test_short_lines_under_a_refusing_heading_are_its_items() -> None:
    policy = read(
        "Travel\n\nNon-reimbursable Miscellaneous Expenses\n\nSpeeding fines\nLaundry charges\n"
        "In-room movies\nHealth club fees\n"
    )
    assert {"fines", "laundry", "entertainment", "fitness"} <= names(policy)


def test_a_sentence_between_the_heading_and_its_list_does_not_end_it() -> None:
    policy = read(
        "Non-Allowable Expenses\nThe items below apply to every employee, student and guest of the\n"
        "university alike.\n\nGolf fees\nMini-bar refreshments\nPet care fees\n"
    )
    assert names(policy) >= {"recreation", "minibar", "pet care"}


def test_a_second_group_after_a_blank_line_stays_under_the_heading() -> None:
    policy = read("Unallowable Expenses\n\nGolf fees\nPet care fees\n\nMini-bar charges\nAlcohol\n")
    assert names(policy) >= {"recreation", "pet care", "minibar", "alcohol"}


def test_a_line_over_a_paragraph_is_no_list() -> None:
    # After the refused list, "Procedures: Expenses" heads a paragraph, not a second list: its
    # next line is a wrapped sentence, and nothing in that paragraph is refused.
    policy = read(
        "Expenses Not Reimbursable\n\nPet care fees\nGolf fees\n\nProcedures: Expenses\n"
        "Laundry and meals paid with personal funds can be reimbursed with cash for small purchases or with\n"
        "the expense form, with the receipt that shows the business purpose and the amount.\n"
    )
    assert "laundry" not in names(policy)


def test_a_heading_that_refuses_nothing_leads_no_list() -> None:
    policy = read("Reimbursable Expenses\n\nGolf fees\nLaundry charges\n")
    assert not policy.exclusions
