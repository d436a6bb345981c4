"""A schedule whose grid was lost: a place's heading, a line that is only the currency, then rows of
a label and one sign-less amount (currency_columns.py)."""

from decimal import Decimal

from reimburse.adapters.heuristic.currency_columns import currency_header
from reimburse.domain.verdict.policy import ELSEWHERE, CapUnit
from tests.policy_text import read

SCHEDULE = """Subsistence while abroad
Dublin
                                   EURO
  • Overnight Rate - Period of 24 Hours        212.40
  • Vouched Accommodation Rate                  150.00
  • Day Time Rate - Over 10 Hours               61.25
  • Day Time Rate - Over 5 Hours                30.10
All Other Places
                                   EURO
  • Overnight Rate - Period of 24 Hours        180.00
  • Day Time Rate - Over 10 Hours               50.00
"""


def _caps(text: str) -> dict[tuple[Decimal, str], tuple[str, CapUnit, tuple[str, ...], str]]:
    policy = read(text)
    return {
        (c.amount, c.currency): (
            c.category,
            c.unit,
            c.condition.locations if c.condition else (),
            c.condition.other if c.condition else "",
        )
        for c in policy.caps
    }


def test_each_row_under_a_currency_line_is_a_limit_for_the_heading_place() -> None:
    caps = _caps(SCHEDULE)
    assert caps[(Decimal("212.40"), "EUR")][:3] == ("meals", CapUnit.NIGHT, ("Dublin",))
    assert caps[(Decimal("150.00"), "EUR")][:3] == ("hotel", CapUnit.NIGHT, ("Dublin",))
    assert caps[(Decimal("61.25"), "EUR")][:3] == ("meals", CapUnit.DAY, ("Dublin",))


def test_the_hours_in_a_row_label_keep_two_day_rates_apart() -> None:
    caps = _caps(SCHEDULE)
    assert "10 Hours" in caps[(Decimal("61.25"), "EUR")][3]
    assert "5 Hours" in caps[(Decimal("30.10"), "EUR")][3]


def test_a_heading_for_every_other_place_is_the_fallback_row() -> None:
    caps = _caps(SCHEDULE)
    assert caps[(Decimal("180.00"), "EUR")][2] == (ELSEWHERE,)


def test_a_list_under_a_heading_that_names_no_place_gives_no_limits() -> None:
    text = "Notes\n                 EURO\n  • Overnight Rate        212.40\n  • Day Time Rate     61.25\n"
    assert not [c for c in read(text).caps if c.amount in (Decimal("212.40"), Decimal("61.25"))]


def test_a_currency_line_is_a_code_or_a_name_only_one_currency_has() -> None:
    assert currency_header("RANDS") == "ZAR"
    assert currency_header("  EUR ") == "EUR"
    assert currency_header("Euro") == "EUR"
    assert currency_header("Dollars") is None  # several countries' dollars
    assert currency_header("ALL") is None  # an English word before it is the lek's code
    assert currency_header("Cape Town") is None
