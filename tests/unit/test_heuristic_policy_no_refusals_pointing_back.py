"""Exclusions the fresh external policies word in ways the reader missed (issue 19): a refusal
that opens with "No" ("No agent charges will be reimbursed"; an Indian and a South African
policy), "these items" pointing back to the examples of the sentence before (a British policy;
the mirror of "Examples include ..."), and a "Y/N" status column. The texts are written for
these tests."""

from __future__ import annotations

from reimburse.adapters.heuristic.exclusions import table_exclusions
from tests.policy_text import names, read


def test_a_refusal_opening_with_no_excludes_the_item() -> None:
    assert "alcohol" in names(read("No alcohol will be reimbursed by the company.\n"))


def test_a_no_refusal_after_a_condition_keeps_the_condition() -> None:
    policy = read("For trips shorter than 3 days, no laundry allowance can be claimed.\n")
    laundry = [e for e in policy.exclusions if e.name == "laundry"]
    assert laundry and "3 days" in laundry[0].condition


def test_no_with_a_process_word_is_no_item() -> None:
    assert not read("No claims will be paid after 60 days.\n").exclusions


def test_these_items_refuses_the_examples_of_the_sentence_before() -> None:
    policy = read(
        "You must settle any extra purchases at the hotel yourself (e.g. items from the mini bar, "
        "wine, newspapers and gym fees). You cannot reclaim these items through expenses.\n"
    )
    assert {"minibar", "alcohol", "reading material", "fitness"} <= names(policy)


def test_examples_without_a_refusal_pointing_back_exclude_nothing() -> None:
    policy = read(
        "You may buy small extras at the hotel (e.g. items from the mini bar, wine and newspapers). "
        "Keep the receipts of these items for the claim.\n"
    )
    assert not {"minibar", "alcohol", "reading material"} & names(policy)


def test_items_pointed_back_under_a_condition_are_not_excluded() -> None:
    policy = read(
        "Staff may buy small extras at the hotel (e.g. wine and newspapers). "
        "Such purchases cannot be reclaimed without an itemised receipt.\n"
    )
    assert not {"alcohol", "reading material"} & names(policy)


def test_a_y_n_column_of_a_ruled_table_excludes_the_no_rows() -> None:
    table = (("Expense", "Y/N", "Limitations"), ("Baggage fees", "Yes", "One bag"), ("Donations", "No", ""))
    found = {f.name for f, _ in table_exclusions(table)}
    assert found == {"donations"}
