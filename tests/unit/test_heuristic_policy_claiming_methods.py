"""Private US colleges' limit pages (set N, issue 19): a meal's rate set by how it is claimed, with or
without an itemized receipt. The texts are synthetic paraphrases of the shapes several college
pages print (a two-column table by receipt, a sentence on travellers without receipts)."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from reimburse.adapters.heuristic.conditions import governing_in
from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Policy

D = Decimal


def read(text: str) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency="USD").read(Document("p.pdf", sha, text, (text,)))


def limits(policy: Policy) -> set[tuple[str, Decimal, str, str]]:
    return {
        (c.category, c.amount, c.unit.value, c.condition.text if c.condition else "") for c in policy.caps
    }


def test_columns_by_receipt_give_each_amount_its_claiming_method() -> None:
    policy = read(
        "Meeting meals\nOff-campus meeting meals should not exceed these per-person amounts:\n\n"
        "Meal   Without Itemized Receipt   With Itemized Receipt\n"
        "Breakfast   $6.00   up to $9.00\nLunch   $11.00   up to $14.00\n"
    )
    assert limits(policy) == {
        ("meals", D("6.00"), "meal", "Without Itemized Receipt"),
        ("meals", D("9.00"), "meal", "With Itemized Receipt"),
        ("meals", D("11.00"), "meal", "Without Itemized Receipt"),
        ("meals", D("14.00"), "meal", "With Itemized Receipt"),
    }
    assert not [a for a in policy.amounts if a.amount in {D("6.00"), D("9.00"), D("11.00"), D("14.00")}]


def test_receipts_the_claim_must_carry_are_no_condition() -> None:
    policy = read(
        "Meals\nA meal allowance of $32 per day shall be paid with itemized receipts being submitted.\n"
    )
    assert limits(policy) == {("meals", D(32), "day", "")}


def test_claiming_without_receipts_is_a_governing_condition() -> None:
    assert [w for _, _, w in governing_in("Travelers without meal receipts are paid")] == [
        "without meal receipts"
    ]
    assert [w for _, _, w in governing_in("per diem in lieu of receipts")] == ["in lieu of receipts"]
    assert governing_in("with receipts being submitted") == []
