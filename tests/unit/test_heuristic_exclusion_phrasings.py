"""More ways real policies state exclusions (issue 19), and the sentences that look like one but are
a limit. Texts are synthetic paraphrases of published non-reimbursable lists (university and firm
pages of issuers outside the corpus), in the languages the reader knows."""

from __future__ import annotations

import pytest

from tests.policy_text import keywords, names, read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The negation in the subject.
        ("Neither alcohol nor tobacco will be reimbursed.\n", {"alcohol", "tobacco"}),
        ("Weder Alkohol noch Tabakwaren werden erstattet.\n", {"alcohol", "tobacco"}),
        # French feminine plural "prises en charge", and list items with their articles.
        (
            "Les dépenses suivantes ne sont pas prises en charge :\n- les amendes\n- le minibar\n",
            {"fines", "minibar"},
        ),
        # A two-column "Reimbursable | Not reimbursable" layout set in spaced columns.
        (
            "Reimbursable          Not reimbursable\n"
            "Economy airfare       Seat upgrades\n"
            "Hotel room            Minibar and in-room movies\n"
            "Taxi to the airport   Traffic fines\n",
            {"upgrades", "minibar", "entertainment", "fines"},
        ),
        # Kinds of several public lists.
        (
            "The following will not be reimbursed:\n- GPS navigation systems and satellite radio\n"
            "- Snacks\n- Valet parking\n",
            {"navigation devices", "snacks", "valet"},
        ),
        ("Parking fines and traffic tickets are the employee's responsibility.\n", {"fines"}),
        # The head is only "expenses" or a verb, and the things follow (Spanish, French, Dutch, Italian).
        ("Gastos no reembolsables: multas, minibar y tabaco.\n", {"fines", "minibar", "tobacco"}),
        ("Sont exclus : le minibar, les pourboires et les amendes.\n", {"minibar", "tips", "fines"}),
        ("Niet vergoed worden: minibar, boetes en fooien.\n", {"minibar", "fines", "tips"}),
        ("Non sono rimborsabili: minibar, multe e sigarette.\n", {"minibar", "fines", "tobacco"}),
        ("The traveler bears the cost of laundry and haircuts.\n", {"laundry", "grooming services"}),
        ("Toiletries and gym fees are the traveler's own expense.\n", {"personal items", "fitness"}),
        (
            "The company will not pay for minibar items, in-room movies or pet care.\n",
            {"minibar", "entertainment", "pet care"},
        ),
    ],
    ids=[
        "neither-nor",
        "weder-noch",
        "prises-en-charge",
        "two-columns",
        "new-kinds",
        "responsibility",
        "gastos",
        "sont-exclus",
        "niet-vergoed",
        "non-sono",
        "bears-the-cost",
        "own-expense",
        "will-not-pay",
    ],
)
def test_an_exclusion_phrasing_is_read(text: str, expected: set[str]) -> None:
    assert expected <= names(read(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Expenses personal in nature are not paid by the firm. Examples include in-flight movies, "
            "greens fees and honor bar charges.\n",
            {"entertainment", "recreation", "minibar"},
        ),
        (
            "Personal expenses will not be reimbursed. These include haircuts, toiletries and gym fees.\n",
            {"grooming services", "personal items", "fitness"},
        ),
        (
            "Personal services such as manicurists and beauticians are not reimbursed.\n",
            {"grooming services"},
        ),
    ],
    ids=["examples-include", "these-include", "grooming"],
)
def test_examples_of_an_exclusion_are_excluded(text: str, expected: set[str]) -> None:
    assert expected <= names(read(text))


def test_examples_after_a_covered_sentence_exclude_nothing() -> None:
    policy = read("Hotel stays are reimbursed up to $200 per night. Examples include golf resorts.\n")
    assert not policy.exclusions


def test_an_item_with_its_status_after_a_dash_is_a_rule_not_a_heading() -> None:
    policy = read(
        "Minibar - Not reimbursable\nTaxi to the airport - Reimbursable\nTraffic fines – Excluded\n"
    )
    assert names(policy) == {"minibar", "fines"}


@pytest.mark.parametrize(
    "heading",
    ["Personal Expenses - Not Reimbursable", "Expenses: not reimbursable", "Items Not Reimbursable:"],
)
def test_a_status_heading_over_a_list_still_heads_it(heading: str) -> None:
    assert names(read(f"{heading}\n- Golf\n- Alcohol\n")) == {"recreation", "alcohol"}


def test_only_the_not_reimbursable_column_is_excluded() -> None:
    policy = read(
        "Reimbursable          Not reimbursable\nBusiness meals        Alcoholic drinks\nTaxi fares            Traffic fines\n"
    )
    assert names(policy) == {"alcohol", "fines"}


@pytest.mark.parametrize(
    "text",
    [
        "Tips above 20% of the bill are not reimbursed.\n",
        "Gratuities exceeding 20% are not reimbursable.\n",
        "Alcoholic beverages in excess of two drinks per person are not reimbursable.\n",
        "Laundry charges beyond $40 per week will not be reimbursed.\n",
        "Minibar charges over $30 will not be reimbursed.\n",
        "Trinkgelder über 10 % hinaus werden nicht erstattet.\n",
        "Les pourboires au-delà de 10 % ne sont pas remboursés.\n",
        "The following are not reimbursable:\n- Tips in excess of 20 percent\n",
    ],
)
def test_what_is_refused_above_a_limit_is_no_excluded_item(text: str) -> None:
    # Only the part past the limit is refused: the item itself is paid up to it (a cap).
    assert not names(read(text)) & {"tips", "alcohol", "laundry", "minibar"}


@pytest.mark.parametrize(
    "text",
    [
        "Costs for the employee's personal convenience, such as upgrades or in-room movies, are not covered.\n",
        "The following are not reimbursable:\n- Expenses for other persons, such as spouses, children or friends\n",
        "Les dépenses suivantes ne sont pas prises en charge :\n- les films payants\n",
    ],
)
def test_no_keyword_is_a_person_a_reason_or_an_article(text: str) -> None:
    words = {w for k in keywords(read(text)) for w in k.replace("'", " ").split()}
    assert not words & {"s", "convenience", "children", "friends", "les", "le", "la"}


@pytest.mark.parametrize(
    "text",
    [
        "Business dinners\nNo more than two alcoholic drinks per person are reimbursable.\n",
        "Business dinners\nNo more than two glasses of wine per guest will be reimbursed.\n",
        "Hotels\nNo fewer than two nights of minibar use are covered by the sponsor.\n",
    ],
)
def test_no_more_than_n_is_a_quantity_limit_no_refusal(text: str) -> None:
    # "No more than two" pays up to two: refusing the whole item would cut what the policy allows.
    assert not names(read(text)) & {"alcohol", "minibar"}


def test_no_x_are_reimbursable_still_refuses_x() -> None:
    assert "alcohol" in names(read("Business dinners\nNo alcoholic drinks are reimbursable.\n"))
