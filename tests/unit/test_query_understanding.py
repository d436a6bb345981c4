"""Query understanding: names from the stored list only, statuses, categories, dates, amounts, follow-ups."""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reimburse.domain.chat.query_understanding import ParsedQuery, Vocabulary, understand
from reimburse.domain.chat.query_vocabulary import build_categories
from reimburse.domain.chat.session import GroupBy, Intent, Metric, Order
from reimburse.domain.chat.suggestions import suggest

STORED = ("Rani Sharma", "Hardik Patel", "Ana María López", "John O'Brien", "Wei Chen", "Amit Sharma")
TODAY = date(2025, 1, 20)
VOCAB = Vocabulary(STORED, build_categories([("food", ("restaurant",)), ("cab", ("taxi",)), ("lodging", ())]))


def parse(question: str, previous: ParsedQuery | None = None, vocab: Vocabulary = VOCAB) -> ParsedQuery:
    return understand(question, vocab, TODAY, previous.state() if previous else None)


# --- names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("invoices for Rani Sharma", ("Rani Sharma",)),
        ("RANI SHARMA's invoices", ("Rani Sharma",)),
        ("rani sharma’s claims", ("Rani Sharma",)),
        ("show Sharma Rani invoices", ("Rani Sharma",)),
        ("hardik's invoices", ("Hardik Patel",)),
        ("hardiks invoices", ("Hardik Patel",)),
        ("invoices of patel", ("Hardik Patel",)),
        ("what did ana maria lopez spend", ("Ana María López",)),
        ("john o'brien's taxi rides", ("John O'Brien",)),
        ("compare Wei and Hardik", ("Wei Chen", "Hardik Patel")),
        ("invoices for Rani that were declined", ("Rani Sharma",)),
    ],
)
def test_names_are_matched_against_the_stored_names(question: str, names: tuple[str, ...]) -> None:
    assert parse(question).filters.employee_names == names


def test_the_words_after_a_name_are_never_part_of_it() -> None:
    q = parse("invoices for Rani that were declined")
    assert q.filters.employee_names == ("Rani Sharma",)
    assert q.filters.statuses == ("declined",)


def test_names_come_only_from_the_store() -> None:
    empty = Vocabulary((), VOCAB.categories)
    assert parse("invoices for Rani Sharma", vocab=empty).filters.employee_names == ()
    other = Vocabulary(("Priya Nair",), VOCAB.categories)
    assert parse("how much did priya claim?", vocab=other).filters.employee_names == ("Priya Nair",)


def test_a_shared_name_part_matches_everyone_who_has_it_and_says_so() -> None:
    q = parse("how many invoices did sharma submit?")
    assert set(q.filters.employee_names) == {"Rani Sharma", "Amit Sharma"}
    assert q.ambiguous_names == (("sharma", ("Amit Sharma", "Rani Sharma")),)
    assert q.confidence < parse("how many invoices did rani sharma submit?").confidence


def test_an_ordinary_word_that_is_also_a_name_needs_a_possessive() -> None:
    vocab = Vocabulary(("Will Smith", "June Park"), VOCAB.categories)
    assert parse("which invoices will be declined?", vocab=vocab).filters.employee_names == ()
    assert parse("will's invoices", vocab=vocab).filters.employee_names == ("Will Smith",)
    june = parse("June Park's invoices in March 2024", vocab=vocab)
    assert june.filters.employee_names == ("June Park",)
    assert (june.filters.date_from, june.filters.date_to) == (date(2024, 3, 1), date(2024, 3, 31))


name_forms = st.sampled_from(
    [
        lambda n: n,
        lambda n: n.upper(),
        lambda n: n.lower(),
        lambda n: n.title(),
        lambda n: n + "'s",
        lambda n: n.lower() + "’s",
        lambda n: " ".join(reversed(n.split())),
    ]
)
templates = st.sampled_from(
    [
        "how many invoices did {} submit?",
        "show {} invoices that were declined",
        "total spent by {} in June 2024",
        "{} claims",
        "what about {}?",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(STORED), name_forms, templates)
def test_any_stored_name_in_any_case_possessive_or_order_is_found(
    name: str, form: object, template: str
) -> None:
    question = template.format(form(name))  # type: ignore[operator]
    assert name in parse(question).filters.employee_names


# --- statuses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "statuses"),
    [
        ("declined invoices", ("declined",)),
        ("which claims were rejected", ("declined",)),
        ("denied invoices", ("declined",)),
        ("partially reimbursed invoices", ("partially_reimbursed",)),
        ("invoices that were partly paid", ("partially_reimbursed",)),
        ("partial reimbursements", ("partially_reimbursed",)),
        ("fully reimbursed invoices", ("fully_reimbursed",)),
        ("approved invoices", ("fully_reimbursed",)),
        ("invoices reimbursed in full", ("fully_reimbursed",)),
        ("invoices that were not reimbursed", ("declined",)),
        ("invoices that were not declined", ("fully_reimbursed", "partially_reimbursed")),
        ("invoices not fully reimbursed", ("partially_reimbursed", "declined")),
        ("which invoices were reimbursed", ("fully_reimbursed", "partially_reimbursed")),
        ("show the full list of invoices", ()),
    ],
)
def test_statuses(question: str, statuses: tuple[str, ...]) -> None:
    assert parse(question).filters.statuses == statuses


def test_partially_reimbursed_never_means_fully() -> None:
    for phrase in ("partially reimbursed", "partially-reimbursed", "Partially Reimbursed", "partial"):
        assert parse(f"how many {phrase} invoices for Rani?").filters.statuses == ("partially_reimbursed",)


# --- categories -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "label", "covers"),
    [
        ("meal invoices", "meals", "food"),
        ("dinner bills", "meals", "food"),
        ("what did we spend on food", "meals", "meals"),
        ("uber rides", "cab", "cab"),
        ("taxi invoices", "cab", "taxi"),
        ("hotel stays", "hotel", "lodging"),
        ("flights in June", "flight", "airfare"),
        ("train tickets", "train", "railway"),
    ],
)
def test_categories_and_their_synonyms(question: str, label: str, covers: str) -> None:
    q = parse(question)
    assert q.category_labels == (label,)
    assert covers in q.filters.categories


def test_a_policy_category_no_grouping_knows_stands_on_its_own() -> None:
    vocab = Vocabulary(STORED, build_categories([("visa fees", ("visa",))]))
    q = parse("how much was spent on visa fees?", vocab=vocab)
    assert q.category_labels == ("visa fees",) and "visa fees" in q.filters.categories


# --- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("invoices in June 2024", date(2024, 6, 1), date(2024, 6, 30)),
        ("invoices in June", date(2024, 6, 1), date(2024, 6, 30)),
        ("invoices from january", date(2025, 1, 1), date(2025, 1, 31)),
        ("invoices since january", date(2025, 1, 1), None),
        ("invoices from 15/06/2024", date(2024, 6, 15), date(2024, 6, 15)),
        ("invoices dated 12/31/2024", date(2024, 12, 31), date(2024, 12, 31)),
        ("cab receipts from last week", date(2025, 1, 13), date(2025, 1, 19)),
        ("last month", date(2024, 12, 1), date(2024, 12, 31)),
        ("between 1 and 15 Dec", date(2024, 12, 1), date(2024, 12, 15)),
        ("between 1 dec and 15 dec 2023", date(2023, 12, 1), date(2023, 12, 15)),
        ("from Dec 1 to Dec 15, 2024", date(2024, 12, 1), date(2024, 12, 15)),
        ("this year", date(2025, 1, 1), date(2025, 12, 31)),
        ("in 2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("last year", date(2024, 1, 1), date(2024, 12, 31)),
        ("since March", date(2024, 3, 1), None),
        ("before June 2024", None, date(2024, 5, 31)),
        ("after May 2024", date(2024, 6, 1), None),
        ("Q3", date(2024, 7, 1), date(2024, 9, 30)),
        ("in q1 2024", date(2024, 1, 1), date(2024, 3, 31)),
        ("second half of 2024", date(2024, 7, 1), date(2024, 12, 31)),
        ("between March and May 2024", date(2024, 3, 1), date(2024, 5, 31)),
        ("from 2024-03-05 to 2024-04-01", date(2024, 3, 5), date(2024, 4, 1)),
        ("on 5th December 2024", date(2024, 12, 5), date(2024, 12, 5)),
        ("in the last 7 days", date(2025, 1, 14), date(2025, 1, 20)),
        ("in 2024, how much in June?", date(2024, 6, 1), date(2024, 6, 30)),
        ("june of last year", date(2024, 6, 1), date(2024, 6, 30)),
    ],
)
def test_dates(question: str, start: date | None, end: date | None) -> None:
    f = parse(question).filters
    assert (f.date_from, f.date_to) == (start, end)


def test_may_is_a_month_only_when_it_reads_as_one() -> None:
    assert parse("may I see the declined invoices?").filters.date_from is None
    assert parse("invoices in May 2024").filters.date_from == date(2024, 5, 1)


MONTH_NAMES = [calendar.month_name[m] for m in range(1, 13)]


@settings(max_examples=120, deadline=None)
@given(
    st.integers(1, 12),
    st.integers(2015, 2030),
    st.sampled_from(["in {m} {y}", "{m} {y}", "during {m} of {y}"]),
)
def test_any_month_and_year_parse_to_that_whole_month(month: int, year: int, template: str) -> None:
    f = parse("invoices " + template.format(m=MONTH_NAMES[month - 1], y=year)).filters
    assert f.date_from == date(year, month, 1)
    assert f.date_to == date(year, month, calendar.monthrange(year, month)[1])


@settings(max_examples=120, deadline=None)
@given(st.dates(date(2015, 1, 1), date(2030, 12, 31)), st.integers(0, 27))
def test_any_day_range_within_a_month_parses(start: date, span: int) -> None:
    end_day = min(start.day + span, calendar.monthrange(start.year, start.month)[1])
    month = calendar.month_abbr[start.month]
    f = parse(f"invoices between {start.day} and {end_day} {month} {start.year}").filters
    assert (f.date_from, f.date_to) == (start, start.replace(day=end_day))


# --- amounts ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "lo", "hi", "currency"),
    [
        ("invoices over ₹500", Decimal("500.01"), None, "INR"),
        ("more than 1000", Decimal("1000.01"), None, None),
        ("at least 1,200.50", Decimal("1200.50"), None, None),
        ("less than 100", None, Decimal("99.99"), None),
        ("under $50", None, Decimal("49.99"), "USD"),
        ("at most 300 EUR", None, Decimal(300), "EUR"),
        ("between 100 and 200", Decimal(100), Decimal(200), None),
        ("between ₹1,000 and ₹2,500", Decimal(1000), Decimal(2500), "INR"),
        ("2k or more", Decimal(2000), None, None),
        ("invoices of ₹233", Decimal(233), Decimal(233), "INR"),
    ],
)
def test_amounts(question: str, lo: Decimal | None, hi: Decimal | None, currency: str | None) -> None:
    q = parse(question)
    assert (q.filters.min_amount, q.filters.max_amount, q.currency) == (lo, hi, currency)


def test_numbers_that_are_not_amounts_stay_out_of_the_amount_filter() -> None:
    for question in ("more than 3 invoices", "invoices between 1 and 15 Dec", "invoice INV-2024 details"):
        f = parse(question).filters
        assert (f.min_amount, f.max_amount) == (None, None), question


@settings(max_examples=100, deadline=None)
@given(st.decimals(min_value=1, max_value=10**7, places=2), st.sampled_from(["over", "more than", "above"]))
def test_a_strict_lower_bound_is_one_cent_above(value: Decimal, word: str) -> None:
    assert parse(f"invoices {word} {value}").filters.min_amount == value + Decimal("0.01")


# --- intents --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "intent", "metric"),
    [
        ("how many invoices were declined?", Intent.COUNT, Metric.TOTAL),
        ("number of hotel invoices", Intent.COUNT, Metric.TOTAL),
        ("how much did we reimburse for meals?", Intent.SUM, Metric.REIMBURSED),
        ("total reimbursed to Rani", Intent.SUM, Metric.REIMBURSED),
        ("total spent on cabs", Intent.SUM, Metric.TOTAL),
        ("how much did Hardik claim?", Intent.SUM, Metric.TOTAL),
        ("average invoice amount", Intent.AVERAGE, Metric.TOTAL),
        ("average reimbursement per invoice", Intent.AVERAGE, Metric.REIMBURSED),
        ("list Rani's invoices", Intent.LIST, Metric.TOTAL),
        ("which invoices were declined", Intent.LIST, Metric.TOTAL),
        ("what is the meal limit?", Intent.POLICY, Metric.TOTAL),
        ("What is the deadline for submitting claims?", Intent.POLICY, Metric.TOTAL),
        ("which invoices exceeded the meal limit?", Intent.LIST, Metric.TOTAL),
        ("is alcohol covered by the policy?", Intent.POLICY, Metric.TOTAL),
        ("can I claim a hotel minibar?", Intent.POLICY, Metric.TOTAL),
        ("show invoice 397373", Intent.LOOKUP, Metric.TOTAL),
        ("what happened to cab-01.pdf", Intent.LOOKUP, Metric.TOTAL),
        ("hello", Intent.GENERAL, Metric.TOTAL),
    ],
)
def test_intents(question: str, intent: Intent, metric: Metric) -> None:
    q = parse(question)
    assert (q.intent, q.metric) == (intent, metric)


def test_lookup_keeps_the_reference() -> None:
    assert parse("show invoice no. INV-0042").invoice_ref == "inv-0042"
    assert parse("status of Cab-01.PDF?").invoice_ref == "cab-01.pdf"


def test_how_many_reimbursed_counts_paid_invoices_but_how_much_is_an_amount() -> None:
    count = parse("how many invoices were reimbursed?")
    assert count.filters.statuses == ("fully_reimbursed", "partially_reimbursed")
    amount = parse("how much was reimbursed?")
    assert amount.filters.statuses == () and amount.metric is Metric.REIMBURSED


@pytest.mark.parametrize(
    ("question", "group_by", "order"),
    [
        ("total claimed per employee", GroupBy.EMPLOYEE, Order.NEWEST),
        ("breakdown by category", GroupBy.CATEGORY, Order.NEWEST),
        ("monthly spending", GroupBy.MONTH, Order.NEWEST),
        ("who spent the most on hotels?", GroupBy.EMPLOYEE, Order.AMOUNT_DESC),
        ("which employee claimed the least?", GroupBy.EMPLOYEE, Order.AMOUNT_ASC),
        ("which category has the most declined invoices?", GroupBy.CATEGORY, Order.AMOUNT_DESC),
        ("compare Rani and Hardik's total claims", GroupBy.EMPLOYEE, Order.NEWEST),
        ("how much for flights and trains in 2024?", GroupBy.CATEGORY, Order.NEWEST),
    ],
)
def test_breakdowns(question: str, group_by: GroupBy, order: Order) -> None:
    q = parse(question)
    assert (q.group_by, q.order) == (group_by, order)


def test_most_invoices_counts_but_most_money_sums() -> None:
    assert parse("who has the most declined invoices?").intent is Intent.COUNT
    assert parse("who spent the most?").intent is Intent.SUM


def test_shares_and_review_flags() -> None:
    share = parse("what percentage of Rani's invoices were declined?")
    assert (share.intent, share.share, share.filters.statuses) == (Intent.COUNT, True, ("declined",))
    assert share.text == ""
    review = parse("which invoices need review?")
    assert review.filters.review_required is True and review.text == ""


def test_superlatives_pick_one_or_a_few() -> None:
    one = parse("the most expensive taxi ride of Wei")
    assert (one.intent, one.order, one.limit) == (Intent.LIST, Order.AMOUNT_DESC, 1)
    few = parse("top 5 cheapest meals")
    assert (few.order, few.limit) == (Order.AMOUNT_ASC, 5)
    many = parse("the most expensive invoices of Wei")
    assert (many.order, many.limit) == (Order.AMOUNT_DESC, None)


def test_free_words_are_left_for_the_search() -> None:
    assert parse("anything about Starbucks?").text == "starbucks"
    assert parse("how many invoices mention alcohol").text == "alcohol"
    assert parse("show Rani's declined invoices please").text == ""


# --- follow-ups -------------------------------------------------------------------------------------


def test_follow_ups_carry_the_previous_turn_and_replace_what_changes() -> None:
    first = parse("How many invoices did Rani submit in June 2024?")
    second = parse("what about Hardik?", first)
    assert second.follow_up and second.intent is Intent.COUNT
    assert second.filters.employee_names == ("Hardik Patel",)
    assert (second.filters.date_from, second.filters.date_to) == (date(2024, 6, 1), date(2024, 6, 30))
    third = parse("and the declined ones?", second)
    assert third.filters.employee_names == ("Hardik Patel",) and third.filters.statuses == ("declined",)
    assert third.filters.date_from == date(2024, 6, 1)
    fourth = parse("how much was that?", third)
    assert fourth.intent is Intent.SUM and fourth.filters == third.filters
    fifth = parse("and in July?", fourth)
    assert fifth.intent is Intent.SUM
    assert (fifth.filters.date_from, fifth.filters.date_to) == (date(2024, 7, 1), date(2024, 7, 31))
    assert fifth.filters.statuses == ("declined",)


def test_a_new_question_does_not_inherit() -> None:
    first = parse("How many declined invoices did Rani submit in June 2024?")
    fresh = parse("show hardik's invoices", first)
    assert not fresh.follow_up
    assert fresh.filters.statuses == () and fresh.filters.date_from is None


def test_category_follow_up_keeps_the_label() -> None:
    first = parse("how much was spent on meals in 2024?")
    second = parse("and on taxis?", first)
    assert second.category_labels == ("cab",) and "taxi" in second.filters.categories
    assert second.filters.date_from == date(2024, 1, 1)


# --- suggestions ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "How many invoices did Rani submit?",
        "how much did we reimburse for meals in December?",
        "who spent the most on hotels?",
        "what is the meal limit?",
        "show invoice INV-100007",
        "hello",
        "average cab amount for Wei in 2024",
    ],
)
def test_suggestions_are_questions_the_parser_understands_fully(question: str) -> None:
    state = parse(question).state()
    suggestions = suggest(state, STORED)
    assert len(suggestions) == 3 and len(set(suggestions)) == 3
    for suggestion in suggestions:
        follow = understand(suggestion, VOCAB, TODAY, state)
        assert follow.intent is not Intent.GENERAL and follow.text == "", suggestion
        assert follow.confidence >= 0.9, suggestion
