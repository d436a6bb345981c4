"""One guard for every path that makes an exclusion keyword (issue 19): sentences, bullets under a
"non-reimbursable" heading, table cells. A keyword names a concrete bought thing; never a place, a
time, an organisation, a lone qualifier, or a word that would hit ordinary lines ("life" in
"Lifestyle", "rental" in "Car Rental"). Texts are synthetic paraphrases of published
non-reimbursable lists (several universities and firms), never a corpus policy."""

from __future__ import annotations

import re

import pytest

from reimburse.adapters.heuristic.exclusions import find_exclusions, list_item, table_exclusions
from reimburse.adapters.heuristic.lexicon import EXCLUDED, ExcludedKind
from tests.policy_text import keywords, names, read

HEADING = "Non-Reimbursable Expenses\nThe following items will not be reimbursed:\n"


# Words no keyword may be: each would decline ordinary invoices of a covered kind, or names a
# place, a time or who pays.
FORBIDDEN = {
    "life",
    "rental",
    "rentals",
    "weekend",
    "weekends",
    "vacation",
    "holiday",
    "holidays",
    "home",
    "campus",
    "office",
    "city",
    "department",
    "university",
    "company",
    "service",
    "services",
    "expenses",
    "personal",
    "additional",
    "other",
}


def _on(phrase: str, line: str) -> bool:
    """The domain's keyword match: at the start of a word, hyphens and spaces alike."""
    words = [re.escape(w) for w in re.split(r"[\s-]+", phrase.lower()) if w]
    return re.search(r"(?<![^\W\d_])" + r"[\s-]*".join(words), line.lower()) is not None


@pytest.mark.parametrize(
    ("bullets", "wanted", "ordinary_line"),
    [
        # English coordination shares the last head: the first conjunct alone names nothing.
        (["Life or travel accident insurance premiums"], {"insurance"}, "Lifestyle store voucher"),
        # "Rentals of X": the thing is X; "rental" alone would decline every car rental.
        (["Rentals of convertible automobiles"], {"convertible automobiles"}, "Car Rental - compact"),
        (["Hire of luxury yachts"], {"luxury yachts"}, "Car hire, 3 days"),
        # A time or a place is no thing.
        (["Weekends", "Personal vacation days", "Campus"], set(), "Weekend rate, room 12"),
        # Organisations pay or decide; they are not bought.
        (["Expenses of the department"], set(), "Department store parking"),
    ],
)
def test_bullets_under_a_non_reimbursable_heading(
    bullets: list[str], wanted: set[str], ordinary_line: str
) -> None:
    policy = read(HEADING + "\n".join(f"• {b}" for b in bullets) + "\n")
    assert names(policy) == wanted
    kws = keywords(policy)
    assert not kws & FORBIDDEN
    assert not any(_on(k, ordinary_line) for k in kws)


@pytest.mark.parametrize(
    "phrase",
    [
        "meals considered lavish",  # cut to "meals ... lavish": an adjective head
        "costs deemed unnecessary",
        "extravagant",
        "other",
        "additional",
        "weekend",
        "the home city",
        "holidays",
    ],
)
def test_phrases_that_name_no_thing_give_no_exclusion(phrase: str) -> None:
    item, qualified = list_item(phrase)
    assert qualified or not find_exclusions(item)


@pytest.mark.parametrize(
    ("bullet", "kind", "bill_line"),
    [
        # Each kind is named in the non-reimbursable lists of at least two issuers.
        ("Clothing or toiletry items", "clothing", "Clothing - shirt"),
        ("Luggage and briefcases", "luggage purchases", "Samsonite suitcase"),
        ("Health club fees, saunas, massages", "fitness", "Gym day pass"),
        ("Helicopter services for airport transfers", "helicopter services", "Helicopter transfer"),
        ("Charitable or political contributions", "donations", "Donation to the museum"),
        ("Excess luggage charges", "excess baggage", "Excess luggage 5 kg"),
        ("Gratuities", "tips", "Gratuities"),
        ("Fines and penalties", "fines", "Late penalties"),
    ],
)
def test_published_list_items_become_lexicon_kinds(bullet: str, kind: str, bill_line: str) -> None:
    policy = read(HEADING + f"• {bullet}\n")
    rule = next(e for e in policy.exclusions if e.name == kind)
    assert any(_on(k, bill_line) for k in rule.keywords)


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("Gym and fitness center fees will not be reimbursed.", "fitness"),
        ("The university will not pay for clothing or briefcases.", "clothing"),
    ],
)
def test_negative_sentences_name_the_new_kinds(sentence: str, wanted: str) -> None:
    assert wanted in names(read(sentence + "\n"))


@pytest.mark.parametrize(
    "sentence",
    [
        # "fine" before a noun is an adjective, not a penalty.
        "Fine dining restaurants are not reimbursable.",
        # "contributions" alone may be a pension or a co-payment.
        "Employer contributions to retirement plans are not reimbursable.",
    ],
)
def test_words_with_another_sense_name_no_kind(sentence: str) -> None:
    assert not names(read(sentence + "\n")) & {"fines", "donations"}


@pytest.mark.parametrize(
    ("bullet", "wanted"),
    [
        # A word with another sense on bills keeps its noun: "spa visit" is safe, "spa" is water.
        ("Spa visits", {"spa visit"}),
        ("Smoking room charges", {"smoking room"}),
    ],
)
def test_a_word_with_another_sense_on_bills_keeps_its_noun(bullet: str, wanted: set[str]) -> None:
    assert wanted <= keywords(read(HEADING + f"• {bullet}\n"))


def test_a_bare_word_with_another_sense_on_bills_makes_no_rule() -> None:
    """Named only by "spa", the rule's keywords (massage, sauna...) are not what the policy wrote,
    and "spa" itself would decline a bottle of Spa water."""
    assert not read(HEADING + "• Spa\n").exclusions
    assert {"massage"} <= keywords(read(HEADING + "• Saunas, massages, spa\n"))


def test_table_cells_pass_the_same_guard() -> None:
    table = (
        ("Expense", "Not reimbursable"),
        ("Travel", "Weekends\nLife or travel accident insurance\nRentals of convertible automobiles"),
    )
    found = {f.name for f, _ in table_exclusions(table)}
    assert found == {"insurance", "convertible automobiles"}


# Triggers no invoice keyword may repeat: on a bill they mean something else ("non-smoking room",
# "Spa" mineral water).
_UNSAFE_ON_BILLS = {("tobacco", "smoking"), ("spa", "spa")}


@pytest.mark.parametrize("kind", EXCLUDED, ids=lambda k: k.name)
def test_what_a_policy_names_an_invoice_keyword_finds(kind: ExcludedKind) -> None:
    """A kind the policy names by a word its invoice keywords do not find would decline other
    lines than the ones the policy meant, and none of the ones it named."""
    uncovered = {(kind.name, t) for t in kind.triggers if not any(_on(k, t) for k in kind.keywords)}
    assert uncovered <= _UNSAFE_ON_BILLS


@pytest.mark.parametrize(
    ("bullet", "wanted"),
    [
        # A vague head with examples: the examples the lexicon knows are the excluded things.
        (
            "Costs incurred at home, such as childcare, pet care or lawn care",
            {"child care", "pet care", "house sitting"},
        ),
        ("All expenses of personal negligence, such as fines for parking", {"fines"}),
        # "Tickets for X": the tickets are what X costs, X is the thing.
        ("Tickets for parking violations", {"fines"}),
        ("Traffic tickets", {"fines"}),
        # A means of paying, a mishap, a possessive or a word on every flight is no keyword.
        ("Lost or stolen personal belongings, including cash", {"lost property"}),
        ("Loss or theft of cash", {"lost property"}),
        ("Expenses of travel companions, including their meals", {"travel companions"}),
        ("Luggage and briefcases", {"luggage purchases"}),
        ("Pet care and boarding", {"pet care"}),
        ("Airline club membership dues", {"memberships"}),
        ("Movie rentals and theater tickets", {"entertainment"}),
    ],
)
def test_published_bullets_give_exactly_their_things(bullet: str, wanted: set[str]) -> None:
    policy = read(HEADING + f"• {bullet}\n")
    assert names(policy) == wanted
    assert not keywords(policy) & {"cash", "loss", "luggage", "boarding", "their meals", "tickets"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Alcohol may not be charged to university funds.",
        "Alcohol is not a reimbursable expense.",
        "Alcoholic beverages are personal expenses.",
        "Alcohol is at the traveler's own expense.",
        "Alkohol wird nicht übernommen.",
        "Les boissons alcoolisées ne seront pas remboursées.",
        "Las bebidas alcohólicas no serán reembolsadas.",
        "Gli alcolici non saranno rimborsati.",
        "Alcoholic beverages are the traveler's own responsibility.",
    ],
)
def test_more_ways_to_say_not_reimbursed(sentence: str) -> None:
    assert "alcohol" in names(read(sentence + "\n"))


def test_a_sentence_about_who_is_charged_excludes_nothing() -> None:
    assert not read("Hotel costs are charged to the department.\n").exclusions


def test_a_personal_expenses_heading_heads_a_list_of_exclusions() -> None:
    policy = read("Personal Expenses\n• Haircuts and shoe shines\n• Newspapers\n")
    assert names(policy) == {"grooming services", "reading material"}
    # The same words inside a sentence that pays or routes nothing are no heading.
    assert not read("Personal expenses are paid with a personal card.\n").exclusions
