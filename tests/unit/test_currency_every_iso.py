"""The invoice reader knows every current ISO 4217 code and the signs CLDR lists for them (Babel's
data, shared with the policy reader), not a hand list of a few dozen.

Codes that are also English words ("ALL", "TOP", "CUP") count only in a currency field or beside
two amounts, the total among them; a bare "$" is a peso or a dollar abroad only when an address
ends with that country's name. Synthetic receipts, written for these tests.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic import HeuristicInvoiceExtractor
from reimburse.adapters.heuristic.amounts import find_amounts
from reimburse.adapters.heuristic.currency import currency_reading
from reimburse.adapters.heuristic.currency_table import CURRENT, SIGNS
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Category, Policy

POLICY = Policy(policy_id="pol", currency="EUR", categories=(Category("other"), Category("meals")))


def read(text: str) -> Invoice:
    doc = Document("x.pdf", hashlib.sha256(text.encode()).hexdigest(), text, (text,))
    return HeuristicInvoiceExtractor().read(doc, POLICY)


@pytest.mark.parametrize(
    ("text", "currency", "total"),
    [
        ("Lagoon Suites, Lagos\nTwo nights\nTotal ₦ 45,000.00", "NGN", "45000.00"),
        ("Tusker Grill\nTotal Ksh 1,200.00", "KES", "1200.00"),
        ("Rickshaw Rice House\nTotal ৳ 950.00", "BDT", "950.00"),
        ("Dnipro Taxi\nTotal 350,00 ₴", "UAH", "350.00"),
        ("Osu Guest House\nTotal GH₵ 420.00", "GHS", "420.00"),
        ("Nile Cab\nFare total EGP 150.00", "EGP", "150.00"),
        ("Ikeja Suites\nAmount due NGN 60,000.00", "NGN", "60000.00"),
        # a slash is no part of a word: Peru's sol and Panama's balboa as their receipts print them
        ("Cevicheria Lima\nTotal S/ 95.00", "PEN", "95.00"),
        ("Fonda Colón\nTotal B/. 20.00", "PAB", "20.00"),
        # a space-grouped amount is one number only beside a known sign: 2 500, not 500
        ("Steppe Taxi\nTotal 2 500 ₸", "KZT", "2500"),
    ],
)
def test_signs_and_codes_babel_lists(text: str, currency: str, total: str) -> None:
    invoice = read(text)
    assert (invoice.currency, invoice.total) == (currency, Decimal(total))


def test_every_current_code_is_known_and_signs_name_one_currency() -> None:
    assert {"NGN", "KES", "EGP", "BDT", "UAH", "GHS", "KZT", "PEN", "XOF"} <= CURRENT
    assert SIGNS["₦"] == "NGN" and SIGNS["Ksh"] == "KES" and SIGNS["GH₵"] == "GHS"
    assert "$" not in SIGNS and "£" not in SIGNS and "kr" not in SIGNS  # several countries print them


@pytest.mark.parametrize(
    ("address", "currency"),
    [
        ("Carrera 7 # 32-16\nBogotá, Colombia", "COP"),
        ("Av. Providencia 1234\nSantiago, Chile", "CLP"),
        ("Av. Corrientes 800\nBuenos Aires, Argentina", "ARS"),
        ("Paseo de la Reforma 222\nCiudad de México, México", "MXN"),
    ],
)
def test_a_bare_dollar_sign_is_the_peso_of_the_country_an_address_ends_with(
    address: str, currency: str
) -> None:
    assert read(f"Comedor Central\n{address}\nTotal $ 85.000").currency == currency


@pytest.mark.parametrize(
    "text",
    [
        "Taqueria Sol\nChile Relleno $12.00\nTotal $12.00",  # a dish, not a country
        "Mexico Lindo Grill\nChicago, IL 60601\nTotal $12.00",  # a US address outweighs a name
        "Harbour Cafe\n12 Main Street\nTotal $12.00",
    ],
)
def test_a_dollar_stays_usd_without_an_address_abroad(text: str) -> None:
    assert read(text).currency == "USD"


@pytest.mark.parametrize(
    "customer",
    [
        "Bill to\nMarta Ruiz\nAv. Insurgentes 100\nCiudad de México, 06600\nMexico",
        "Sold to: Pablo Vera, Calle 12 #4-50, Medellín, Colombia",
        "Guest: Inés Soto, Valparaíso, Chile",
    ],
)
def test_a_customer_address_abroad_does_not_make_the_dollar_a_peso(customer: str) -> None:
    # the issuer's country settles its sign, not its customer's: a US seller bills in dollars
    assert read(f"Lakeside Software, Inc.\nReceipt 7781\n{customer}\nTotal $15.00").currency == "USD"


def test_a_customer_address_does_not_make_the_cfa_franc_central_african() -> None:
    text = "Sahel Securite\nClient\nSociete Wouri\nDouala, Cameroun\nTotal 85 000 FCFA"
    assert read(text).currency == "XOF"


def test_codes_that_are_words_state_nothing_in_plain_english() -> None:
    text = "ALL ITEMS FINAL\nTOP RATED BY LOCALS\nPHP AND MAD SKILLS TEAM\nOPEN ALL WEEK"
    assert currency_reading(text).code is None


def test_word_codes_beside_item_prices_are_not_a_currency() -> None:
    cups = "Corner Cafe\nLatte CUP 2.50\nMocha CUP 3.00\nTotal 5.50"
    assert read(cups).currency is None
    menu = "Diner\nALL DAY BREAKFAST 12.50\nTOP SIRLOIN 22.00\nTotal 34.50"
    assert read(menu).currency is None


def test_item_names_like_codes_are_no_currency_when_a_discount_makes_one_the_total() -> None:
    # a free second item leaves one item's price equal to the total: still items, not a currency
    tops = "Fashion Corner\nTOP 25.00\nTOP 40.00\nBuy one get one -25.00\nTOTAL 40.00"
    assert read(tops).currency is None
    gels = "City Pharmacy\nGEL 8.50\nGEL 4.00\nCoupon -4.00\nTOTAL 8.50"
    assert read(gels).currency is None


def test_a_word_code_on_the_net_tax_and_total_is_the_currency() -> None:
    text = "Riad Atlas\nSous-total 500,00 MAD\nTVA 100,00 MAD\nTotal 600,00 MAD"
    assert read(text).currency == "MAD"
    # only once, beside the total alone: not enough to tell it from an item's size
    assert read("Riad Atlas\nTotal 600,00 MAD").currency is None


def test_a_word_code_in_a_currency_field_counts() -> None:
    assert currency_reading("Riad Atlas\nCurrency: MAD\nTotal 600,00").code == "MAD"


def test_letter_signs_count_only_as_words_of_their_own() -> None:
    # "NT$" (Taiwan) is no part of "AMOUNT$"; "Ft" stays capitalised only (12 ft is a length)
    assert [a.currency for a in find_amounts("AMOUNT$ 50.00")] != ["TWD"]
    assert [a.currency for a in find_amounts("Total NT$ 150")] == ["TWD"]
    assert [a.currency for a in find_amounts("ladder 12 ft")] == [None]


def test_the_cfa_franc_is_read_whole_and_settled_by_the_country() -> None:
    # "F CFA" groups thousands with spaces: 1 510 400, not 400 (a wrong total before)
    west = "Sahel Securite\nTOTAL HT 1 280 000 F CFA\nTVA 230 400 F CFA\nTOTAL TTC 1 510 400 F CFA"
    assert (read(west).currency, read(west).total) == ("XOF", Decimal("1510400"))
    central = "Hotel Wouri\nBonanjo, Douala\nDouala, Cameroun\nTotal 85 000 FCFA"
    assert (read(central).currency, read(central).total) == ("XAF", Decimal("85000"))


def test_an_airport_code_on_a_ticket_is_no_currency() -> None:
    ticket = "Island Air\nJFK - HNL\nHNL - JFK\nSeat 14C\nTotal 812.40"
    assert read(ticket).currency is None
