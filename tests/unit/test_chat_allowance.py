"""What is left of a period limit, as the chat says it (issue 13)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from reimburse.domain.chat.allowance import allowance_lines, allowances_left, asks_allowance_left
from reimburse.domain.verdict.ledger import Ledger, LedgerEntry
from reimburse.domain.verdict.money import Money
from reimburse.domain.verdict.policy import CapRule, CapUnit, Period

MEALS = CapRule("cap:meals", "meals", Decimal(600), "INR", CapUnit.DAY, "600 a day", period=Period.DAY)
CABS = CapRule("cap:cab", "cab", Decimal(1000), "INR", CapUnit.MONTH, "1,000 a month", period=Period.MONTH)
PHONE = CapRule(
    "cap:phone", "phone", Decimal(800), "INR", CapUnit.INVOICE, "one a month", period=Period.MONTH, claims=1
)
HOTEL = CapRule("cap:hotel", "hotel", Decimal(4000), "INR", CapUnit.NIGHT, "4,000 a night")
LEDGER = Ledger(
    (
        LedgerEntry("a", "cab", date(2025, 3, 5), Money(Decimal("400"), "INR")),
        LedgerEntry("b", "cab", date(2025, 3, 10), Money(Decimal("450"), "INR")),
        LedgerEntry("c", "cab", date(2025, 2, 10), Money(Decimal("999"), "INR")),
        LedgerEntry("d", "phone", date(2025, 3, 2), Money(Decimal("700"), "INR")),
    )
)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("How much of my meal allowance is left this month?", True),
        ("What is the remaining cab limit for Rani?", True),
        ("How much can I still claim for meals?", True),
        ("How much did we reimburse Rani for meals in March?", False),
        ("What is the meal limit?", False),
    ],
)
def test_the_question(question: str, asks: bool) -> None:
    assert asks_allowance_left(question) is asks


def test_what_is_left_in_the_period_of_the_day_asked_about() -> None:
    rows = allowances_left((MEALS, CABS, PHONE, HOTEL), LEDGER, date(2025, 3, 20))
    lines = allowance_lines(rows, (MEALS, CABS, PHONE, HOTEL), "Rani Sharma")
    assert len(rows) == 3  # a per-night cap is no period limit
    assert (
        lines[0]
        == "Meals: 600 INR per day; on 20 Mar 2025 nothing was granted to Rani Sharma yet, so 600.00 INR is left."
    )
    assert lines[1] == (
        "Cab: 1000 INR per month; in March 2025 850.00 INR was granted to Rani Sharma "
        "(on 5 Mar 2025, 10 Mar 2025), so 150.00 INR is left."
    )
    assert lines[2] == "Phone: 1 claim per month, each up to 800 INR; Rani Sharma has 0 left in March 2025."


def test_the_lines_are_the_offline_answer_and_facts_for_gemini() -> None:
    from reimburse.adapters.gemini.answerer import build_prompt
    from reimburse.domain.chat.answer_text import render_answer
    from reimburse.domain.chat.session import AnswerContext, Intent
    from reimburse.domain.filters import InvoiceFilter

    line = (
        "Cab: 1000 INR per month; in March 2025 850.00 INR was granted to Rani Sharma, so 150.00 INR is left."
    )
    context = AnswerContext("how much is left?", Intent.SUM, InvoiceFilter(), (), None, allowances=(line,))
    assert render_answer(context) == line
    assert "ALLOWANCE LEFT" in build_prompt(context) and line in build_prompt(context)
