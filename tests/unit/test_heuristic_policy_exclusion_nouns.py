"""Exclusion keywords are concrete things (issue 19): a sentence's subject or object is a keyword only
when it names something the lexicon knows is bought; never a name, a generic head or a lone
qualifier. Texts are synthetic paraphrases of published non-reimbursable lists and sentences."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.exclusions import find_exclusions, table_exclusions
from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.document import Document, Page
from reimburse.domain.verdict.invoice import Invoice, LineItem
from reimburse.domain.verdict.policy import Category, ExclusionRule, Policy
from reimburse.domain.verdict.verdict import Status
from tests.policy_text import BASE, names, read


@pytest.mark.parametrize(
    "sentence",
    [
        # Names of an organisation or a place, as subject or object.
        "Acme Global Solutions will not reimburse Harbor Point Lodge invoices.",
        "Harbor Point Lodge bookings are not reimbursable.",
        # Generic or process heads with nothing concrete before them.
        "Personal days are not reimbursable.",
        "Additional travel costs will not be reimbursed.",
        # A phrase the lexicon does not know: a reviewer reads the clause, no keyword declines lines.
        "Limousine services are not reimbursable.",
        # "other ...": the rest of something said before.
        "Expenses for other office supplies will not be reimbursed.",
    ],
)
def test_sentences_that_name_no_known_thing_give_no_keyword(sentence: str) -> None:
    assert not read(sentence + "\n").exclusions


def test_the_thing_a_generic_noun_is_of_is_the_excluded_one() -> None:
    policy = read("The use of personal frequent flyer miles for university travel is not reimbursable.\n")
    assert names(policy) == {"frequent flyer miles"}
    assert "entertainment" in names(read("Charges for in-room movies are not reimbursable.\n"))


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Babysitting and pet boarding costs are not reimbursable.", {"child care", "pet care"}),
        (
            "Kinderbetreuung und Zeitschriften sind nicht erstattungsfähig.",
            {"child care", "reading material"},
        ),
        ("Les amendes et les contraventions ne sont pas remboursées.", {"fines"}),
        ("Any comprehensive or collision damage will not be reimbursed.", {"vehicle repairs"}),
        ("Parking citations will not be reimbursed.", {"fines"}),
    ],
)
def test_excluded_things_known_in_several_languages(text: str, kinds: set[str]) -> None:
    assert names(read(text + "\n")) == kinds


def test_list_items_use_the_lexicon_and_drop_lone_qualifiers_and_names() -> None:
    policy = read(
        "The following expenses are not reimbursable:\n"
        "- Magazines and newspapers\n- Haircuts\n- Towing of personal vehicles\n"
        "- Credit card annual fees\n- Prescription medication\n- Theft of personal property\n"
        "- Travel Office Fees\n- Additional costs\n- Miscellaneous items\n- Umbrellas\n"
    )
    assert names(policy) == {
        "reading material",
        "grooming services",
        "vehicle repairs",
        "card fees",
        "medical",
        "lost property",
        "umbrellas",
    }


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        ("UM parking permits", {"parking permits"}),  # the issuer's acronym qualifies the thing
        ("15-passenger vans", {"passenger vans"}),  # so does a count
        ("New Path", set()),  # capitalised words only: a name
        ("travel with the Campus Shuttle Office", set()),
        ("streaming services", {"streaming services"}),  # a thing before a generic head
        ("personal services", set()),
    ],
)
def test_phrase_guards(part: str, expected: set[str]) -> None:
    assert {f.name for f in find_exclusions(part)} == expected


def test_a_plural_phrase_also_matches_its_singular_on_a_bill() -> None:
    policy = read("The following are not reimbursable:\n- Umbrellas\n")
    invoice = Invoice(
        total=Decimal(120),
        line_items=(LineItem("Umbrella (travel size)", Decimal(20)), LineItem("Room night", Decimal(100))),
        category="hotel",
    )
    verdict = decide(policy, invoice, Claim("Ada", date(2025, 1, 10)))
    assert verdict.status is Status.PARTIALLY_REIMBURSED
    assert verdict.reimbursable == Decimal("100.00")


@pytest.mark.parametrize(
    "item",
    ["Checked bag fee", "Hotel room", "Taxi ride to airport", "Rental car - compact", "Commuter rail ticket"],
)
def test_ordinary_bill_lines_hit_no_new_kind(item: str) -> None:
    policy = read(
        "The following expenses are not reimbursable:\n- Babysitting\n- Pet care\n- Haircuts\n- Newspapers\n"
        "- Car repairs and towing\n- Club memberships\n- Credit card annual fees\n- Lost baggage\n"
        "- Prescriptions\n- Sightseeing\n- Frequent flyer miles\n- House sitting\n"
    )
    invoice = Invoice(total=Decimal(100), line_items=(LineItem(item, Decimal(100)),), category="hotel")
    assert decide(policy, invoice, Claim("Ada", date(2025, 1, 10))).reimbursable == Decimal("100.00")


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("Airline club memberships are considered personal expenses.", {"memberships"}),
        ("In-room movies are the personal responsibility of the traveler.", {"entertainment"}),
        ("Employees will not be reimbursed for parking fines.", {"fines"}),
        ("Reimbursement will not be made for in-room movies.", {"entertainment"}),
        ("No reimbursement will be made for golf or sightseeing.", {"recreation"}),
        (
            "Examples of non-reimbursable items are babysitting, pet care and magazines.",
            {"child care", "pet care", "reading material"},
        ),
    ],
)
def test_more_ways_of_saying_not_reimbursed(sentence: str, kinds: set[str]) -> None:
    assert names(read(sentence + "\n")) == kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "If a traveler chooses a premium seat, the additional cost is considered a personal expense.",
        "Travelers will not be reimbursed for expenses without receipts.",
        "Payment will not be made until the report is approved.",
        "Non-reimbursable items are listed in Appendix B.",
    ],
)
def test_those_ways_name_no_thing_when_the_sentence_names_none(sentence: str) -> None:
    assert not read(sentence + "\n").exclusions


def test_an_excluded_thing_the_lexicon_does_not_know_is_listed_for_a_reviewer() -> None:
    policy = read(
        "Limousine services are not reimbursable.\n"
        "The use of 12- and 15-passenger vans will not be reimbursed.\n"
        "Acme Global Solutions will not reimburse Harbor Point Lodge invoices.\n"
        "Personal days are not reimbursable.\n"
        "Laundry is not reimbursed if the trip is under five nights.\n"
    )
    # No keyword declines a line: the laundry rule holds only under its condition (a reviewer checks it).
    assert [(e.name, e.condition) for e in policy.exclusions] == [
        ("laundry", "if the trip is under five nights")
    ]
    listed = {r.name: r.checked for r in policy.process_rules if r.name.startswith("excluded:")}
    # Names, generic phrases and conditional exclusions are not listed.
    assert listed == {"excluded: limousine services": False, "excluded: passenger vans": False}


@pytest.mark.parametrize(
    ("keyword", "line"),
    [
        ("one-day admission", "One day admission pass"),
        ("no show", "No-show charge"),
        ("pay per view", "Pay-per-view movie"),
    ],
)
def test_a_phrase_keyword_matches_whatever_joins_its_words(keyword: str, line: str) -> None:
    policy = Policy(
        "pol",
        "USD",
        categories=(Category("hotel"),),
        exclusions=(ExclusionRule("exclude:x", keyword, (keyword,), "not reimbursable"),),
    )
    items = (LineItem(line, Decimal(20)), LineItem("Room night", Decimal(100)))
    invoice = Invoice(total=Decimal(120), line_items=items, category="hotel")
    verdict = decide(policy, invoice, Claim("Ada", date(2025, 1, 10)))
    assert verdict.reimbursable == Decimal("100.00")


def test_excluded_table_cells_and_rows_a_status_column_says_no_to() -> None:
    by_column = table_exclusions(
        (
            ("Expense", "Reimbursable", "Not reimbursable"),
            ("Airfare", "Economy class", "First class upgrades"),
            ("Lodging", "Standard room", "Minibar\nIn-room movies"),
            ("Meals", "Business meals", "Alcohol if over the limit"),  # refused only under a condition
        )
    )
    assert {(f.name, f.condition, clause) for f, clause in by_column} == {
        ("upgrades", "", "Not reimbursable: First class upgrades"),
        ("minibar", "", "Not reimbursable: Minibar"),
        ("entertainment", "", "Not reimbursable: In-room movies"),
        ("alcohol", "if over the limit", "Not reimbursable: Alcohol if over the limit"),
    }
    by_status = table_exclusions(
        (
            ("Item", "Reimbursable?"),
            ("Haircuts", "No"),
            ("Umbrellas", "Not reimbursable"),
            ("Taxi", "No limit"),  # a "no" that is no answer
            ("Laundry", "Yes"),
        )
    )
    assert {f.name for f, _ in by_status} == {"grooming services", "umbrellas"}
    assert "Haircuts | No" in {clause for _, clause in by_status}


def test_the_reader_takes_exclusions_from_a_ruled_table() -> None:
    text = BASE + "Expense Reimbursable Not reimbursable\nLodging Standard room Minibar\n"
    table = (("Expense", "Reimbursable", "Not reimbursable"), ("Lodging", "Standard room", "Minibar"))
    page = Page(1, 600.0, 800.0, tables=(table,))
    document = Document("p.pdf", hashlib.sha256(text.encode()).hexdigest(), text, (text,), layout=(page,))
    policy = HeuristicPolicyInterpreter(default_currency="USD").read(document)
    (minibar,) = [e for e in policy.exclusions if e.name == "minibar"]
    assert minibar.clause == "Not reimbursable: Minibar"
