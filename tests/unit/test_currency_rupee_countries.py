"""Whose rupee "Rs" is: India, Nepal, Pakistan and Sri Lanka all print it. The issuer's country
settles it ("Kathmandu", a Bikram Sambat date, "+977"; "GSTIN", a PIN code, "+91"); with no such
evidence the reading stays what it was (INR beside an amount, nothing for a rupee in words)."""

from __future__ import annotations

import hashlib

import pytest

from reimburse.adapters.heuristic import HeuristicInvoiceExtractor
from reimburse.adapters.heuristic.currency import currency_reading
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Category, Policy


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Balaju, Kathmandu\nNet Amount : 185.00\nRs. One hundred eighty-five only", "NPR"),
        ("Lakeside, Pokhara\nTotal Rs. 450.00", "NPR"),
        ("Phone +977 1 4412345\nTotal Rs 450.00", "NPR"),
        # a Bikram Sambat date beside the Gregorian one: the convention of Nepal's tax invoices
        ("Date: 07/05/2024\nMiti: 21/03/2081\nTotal Rs. 90.00", "NPR"),
        ("GSTIN: 29ABCDE1234F1Z5\nTotal Rs. 450.00\nRupees Four hundred fifty only", "INR"),
        ("MG Road, Bengaluru\nGrand Total : 450.00\nRs. Four hundred fifty only", "INR"),
        ("Shop 4, PIN: 400 001\nAmount 450.00\nRupees four hundred fifty only", "INR"),
        ("Clifton, Karachi\nTotal Rs. 1,200.00", "PKR"),
        ("Galle Road, Colombo 03, Sri Lanka\nTotal Rs. 1,200.00", "LKR"),
    ],
)
def test_the_country_says_whose_rupee(text: str, want: str) -> None:
    assert currency_reading(text).code == want


def test_a_rupee_in_words_with_a_country_counts_as_stated_not_guessed() -> None:
    reading = currency_reading("Kathmandu\nNet Amount : 185.00\nRs. One hundred eighty-five only")
    assert reading.code == "NPR"
    assert not reading.guessed


def test_india_own_sign_is_never_overruled() -> None:
    assert currency_reading("Sold at Kathmandu airport\nTotal ₹ 450.00").code == "INR"


def test_without_evidence_the_reading_is_unchanged() -> None:
    assert currency_reading("Total Rs. 450.00").code == "INR"
    assert currency_reading("Net Amount : 185.00\nRs. One hundred eighty-five only").code is None


def test_evidence_for_two_countries_equally_settles_nothing() -> None:
    text = "Head office Kathmandu\nBranch Bengaluru\nNet Amount : 185.00\nRs. One hundred eighty-five only"
    assert currency_reading(text).code is None


def _read_under(text: str, currency: str) -> Invoice:
    policy = Policy(policy_id="pol", currency=currency, categories=(Category("other"),))
    doc = Document("x.pdf", hashlib.sha256(text.encode()).hexdigest(), text, (text,))
    return HeuristicInvoiceExtractor().read(doc, policy)


NEPALI_BILL = (
    "Himal Grocers Pvt. Ltd.\nNew Road, Kathmandu\nDate: 12/08/2024\nSugar 1kg   120.00\nTotal   Rs. 120.00\n"
)
INDIAN_BILL = (
    "Annapurna Stores\nMG Road, Bengaluru\nDate: 12/08/2024\nSugar 1kg   120.00\nTotal   Rs. 120.00\n"
)


def test_a_nepali_rs_total_is_not_taken_for_the_indian_policy_currency() -> None:
    assert _read_under(NEPALI_BILL, "INR").currency == "NPR"


def test_an_indian_rs_total_still_takes_the_indian_policy_currency() -> None:
    assert _read_under(INDIAN_BILL, "INR").currency == "INR"
    assert _read_under(INDIAN_BILL, "NPR").currency == "INR"
