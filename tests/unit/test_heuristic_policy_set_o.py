"""Rules from policy set O (issue 19: English-language policies outside the US). The texts are
written for the tests in the shapes seen there: a British university's lodging table whose cells print
"inc. VAT" after each amount and whose row label wraps around its amounts, a Scottish council's
"Bed & Breakfast" maxima, and Indian pay tables whose rows are headed by grade pay or pay range."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from reimburse.adapters.heuristic.deadlines import find_deadline
from reimburse.adapters.heuristic.policy_currency import policy_currency
from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.adapters.heuristic.tables import read_table
from reimburse.domain.verdict.document import Document, Page
from reimburse.domain.verdict.policy import CapUnit, Policy
from tests.policy_text import read


def _cells(limits: list) -> dict[str, tuple[Decimal, list[str]]]:
    return {
        "/".join((*lim.condition.grades, *lim.condition.locations)): (lim.finding.amount.value, lim.kinds)
        for lim in limits
    }


def test_a_tax_note_after_each_amount_leaves_the_row_a_row_of_amounts() -> None:
    rows = [
        ("", "London limit", "Rest of UK limit"),
        ("Hotel room", "£180.00 inc. VAT", "£120.00 incl. VAT"),
    ]
    limits = read_table(rows, "Accommodation limits per night")
    assert {lim.finding.amount.value for lim in limits} == {Decimal("180.00"), Decimal("120.00")}


def test_a_tax_note_in_text_columns_is_no_word_of_a_sentence() -> None:
    text = (
        "Overnight stays\nThe following limits apply per night:\nLondon limit   Rest of UK limit\n"
        "Hotel room   £180.00 inc. VAT   £120.00 inc. VAT\n"
    )
    caps = read(text).caps
    assert sorted(c.amount for c in caps) == [Decimal("120.00"), Decimal("180.00")]
    # Read as the table's cells: each the column's place alone, no heading left for a reviewer.
    assert {(c.condition.locations, c.condition.other) for c in caps if c.condition} == {
        (("London",), ""),
        (("elsewhere",), ""),
    }


def test_a_net_price_excluding_tax_is_no_limit_on_a_gross_bill() -> None:
    # "excl. VAT" prices are net: cut from a bill that includes the tax, the tax would be lost.
    rows = [("", "London", "Rest of UK"), ("Hotel room", "£150.00 excl. VAT", "£100.00 exc. VAT")]
    assert read_table(rows, "Accommodation limits per night") == []
    text = (
        "Overnight stays\nThe following limits apply per night:\nLondon   Rest of UK\n"
        "Hotel room   £150.00 excl. VAT   £100.00 excl. VAT\n"
    )
    # Not read as the table's clean cells: the heading stays a condition a reviewer must see.
    assert all(c.condition and c.condition.other for c in read(text).caps)


def test_bed_and_breakfast_is_a_nights_lodging_not_a_breakfast() -> None:
    policy = read("Overnight accommodation\nOvernight in London for Bed & Breakfast £140\n")
    (cap,) = policy.caps
    assert (cap.category, cap.unit, cap.amount) == ("hotel", CapUnit.NIGHT, Decimal("140"))
    rows = [("", "London", "Elsewhere"), ("Bed & breakfast", "£150", "£95")]
    limits = read_table(rows, "Limits when staying overnight")
    # No meal of the day: the unit is left to the kind (a night for lodging).
    assert all(lim.kinds == ["hotel"] and lim.meal == "" and lim.finding.unit is None for lim in limits)
    assert len(limits) == 2


def test_a_breakfast_row_is_still_a_meal() -> None:
    rows = [("", "London", "Elsewhere"), ("Breakfast", "£12", "£9")]
    limits = read_table(rows, "Meal limits")
    assert all(lim.kinds == ["meals"] and lim.meal == "breakfast" for lim in limits)


def test_rows_headed_by_grade_pay_or_pay_range_are_grades_not_amounts() -> None:
    grade_pay = [
        ("Grade Pay", "Hotel Accommodation", "Food Bill"),
        ("GP>=10,000", "Rs.7500", "Rs.750"),
        ("7600 <=GP<= 8900", "Rs.4500", "Rs.450"),
    ]
    cells = _cells(read_table(grade_pay, "Daily allowance rates"))
    assert cells["GP>=10,000"][0] in {Decimal(7500), Decimal(750)}
    assert {v for v, _ in cells.values()} <= {Decimal(7500), Decimal(750), Decimal(4500), Decimal(450)}
    amounts = sorted(lim.finding.amount.value for lim in read_table(grade_pay, "Daily allowance rates"))
    assert amounts == [Decimal(450), Decimal(750), Decimal(4500), Decimal(7500)]
    pay_range = [("Pay Range", "Hotel, cities", "Hotel, towns"), ("E-9", "Rs 3700", "Rs 3200")]
    limits = read_table(pay_range, "Lodging per night")
    assert {lim.condition.grades for lim in limits} == {("E-9",)}
    assert sorted(lim.finding.amount.value for lim in limits) == [Decimal(3200), Decimal(3700)]


def test_without_a_grade_header_a_numbered_label_is_still_skipped() -> None:
    rows = [("Band", "Hotel"), ("1", "Rs 3000")]
    assert [lim.condition.grades for lim in read_table(rows, "Hotel per night")] == [("1",)]
    rows = [("Pay", "Hotel"), ("GP>=10,000", "Rs 3000")]
    assert read_table(rows, "Hotel per night") == []


def _ruled(text: str, table: tuple[tuple[str, ...], ...]) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    page = Page(1, 600, 800, tables=(table,))
    return HeuristicPolicyInterpreter(default_currency="GBP").read(
        Document("p.pdf", sha, text, (text,), layout=(page,))
    )


TABLE = (
    ("", "London limit", "Rest of UK limit"),
    ("Bed & breakfast", "£200.00", "£140.00"),
    ("Evening meal", "£45.00", "£35.00"),
)


def test_the_lines_a_wrapped_ruled_table_left_are_not_read_again_as_sentences() -> None:
    # The text layer wraps the row labels around their amounts: "Bed &" / amounts / "breakfast".
    # `_table_lines` alone drops the amounts lines: this fails without it.
    text = (
        "Subsistence\nIf you stay overnight, these limits apply:\nLondon limit   Rest of UK limit\n"
        "Bed &\n£200.00   £140.00\nbreakfast\nEvening\n£45.00   £35.00\nmeal\n"
    )
    caps = _ruled(text, TABLE).caps
    assert all(c.condition is not None for c in caps), caps  # no stray row without its column
    assert sorted(c.amount for c in caps) == [
        Decimal("35.00"),
        Decimal("45.00"),
        Decimal("140.00"),
        Decimal("200.00"),
    ]


def test_a_sentence_after_a_ruled_table_is_still_read() -> None:
    text = (
        "Subsistence\nIf you stay overnight, these limits apply:\nLondon limit   Rest of UK limit\n"
        "Bed &\n£200.00   £140.00\nbreakfast\nEvening\n£45.00   £35.00\nmeal\n\n"
        "Taxis are reimbursed up to £30 per ride.\n"
    )
    caps = _ruled(text, TABLE).caps
    assert any(c.amount == Decimal(30) and c.category == "cab" for c in caps), caps


def test_a_policy_printing_only_pence_mileage_rates_is_in_pounds() -> None:
    text = "Trustees may claim car mileage at the HMRC approved rate, currently 45p per mile, and 20p a mile by bicycle."
    assert policy_currency(text) == "GBP"
    assert policy_currency("Mileage is paid at the approved rate per mile.") is None


def test_a_meals_own_hours_in_a_bracket_are_its_condition() -> None:
    text = (
        "Meals\nBreakfast Allowance £8.00 (before 12 noon)\nLunch Allowance £12.00\n"
        "(between 12 noon and 16.00hrs)\nDinner Allowance £25.00 (after 16.00 hours)\n"
    )
    got = {c.amount: c.condition.other if c.condition else None for c in read(text).caps}
    assert got == {
        Decimal("8.00"): "before 12 noon",
        Decimal("12.00"): "between 12 noon and 16.00hrs",
        Decimal("25.00"): "after 16.00 hours",
    }


def test_a_bracket_that_is_no_hour_gives_no_condition() -> None:
    (cap,) = read("Meals\nDinner Allowance £25.00 (receipts required)\n").caps
    assert cap.condition is None


def test_the_payers_time_and_a_reply_to_a_request_are_no_claim_deadline() -> None:
    assert find_deadline("Claims are processed and payment is made within fourteen days.") is None
    assert (
        find_deadline(
            "If evidence is not provided within 60 days of it being requested, the allowance is repaid."
        )
        is None
    )
    assert find_deadline("Claims must be submitted within 30 days of travel.") == 30
    assert find_deadline("Claims must be submitted within fourteen days; payment is made monthly.") == 14


def test_a_claim_for_payment_made_within_a_time_is_the_claimants_deadline() -> None:
    # "for payment" names what the claim asks for: the claimant's time, not the payer's.
    assert find_deadline("Claims for payment shall be made within three months of the journey.") == 90
    assert find_deadline("Expense claims for payment will be made within 30 days of return.") == 30


def test_an_item_number_column_is_no_row_label() -> None:
    rows = [
        ("Item", "If the meal is", "then the allowance is ($)"),
        ("1.", "breakfast", "19.10"),
        ("2.", "dinner", "36.20"),
    ]
    got = {lim.meal: lim.finding.amount.value for lim in read_table(rows, "Rates of meal allowance")}
    assert got == {"breakfast": Decimal("19.10"), "dinner": Decimal("36.20")}


def test_a_first_column_of_grades_under_no_item_header_stays() -> None:
    rows = [("Band", "Hotel"), ("1", "$150"), ("2", "$120")]
    assert [lim.condition.grades for lim in read_table(rows, "Hotel per night")] == [("1",), ("2",)]


def test_an_amending_instruments_omit_and_substitute_amounts_are_no_limits() -> None:
    text = "Meal allowances, additional duty, formula\nomit $21.90\nsubstitute\n$22.60\n"
    assert read(text).caps == ()
    assert [c.amount for c in read("Meal allowances\nDinner: $22.60 per meal.\n").caps] == [Decimal("22.60")]


def test_substitute_alone_is_plain_english_and_keeps_the_limit() -> None:
    # No "omit": the amount replaces actual costs, a daily meal limit, not an amended text's words.
    (cap,) = read("Meals\nEmployees may substitute $45 per day for actual meal costs.\n").caps
    assert (cap.amount, cap.unit) == (Decimal("45"), CapUnit.DAY)
