"""Currencies as their countries print them: signs and words beside amounts, and the evidence of
the issuer's country when only an ambiguous "$" is printed. One synthetic receipt per convention."""

from __future__ import annotations

import pytest

from reimburse.adapters.heuristic.amounts import find_amounts
from reimburse.adapters.heuristic.currency import currency_reading


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Total   45,50 lei", "RON"),  # Romania: the leu's plural after the amount
        ("TOTAL   Rp 50.000", "IDR"),  # Indonesia: rupiah before the amount
        ("TOTAL   ₱ 1,250.00", "PHP"),
        ("รวม   ฿ 120.00", "THB"),
        ("Tổng   150.000 ₫", "VND"),
        ("Toplam   ₺ 85,00", "TRY"),
        ("Итого   ₽ 900,00", "RUB"),
        ("סה״כ   ₪ 42.00", "ILS"),
        ("Total   NT$ 300", "TWD"),
        ("Suma   12,50 zł", "PLN"),
        ("Celkem   250 Kč", "CZK"),
        ("Amount (INR)   233.00", "INR"),
        ("TOTAL   RM 12.50", "MYR"),
        ("Total   S$ 18.90", "SGD"),
        ("Total   HK$ 88.00", "HKD"),
    ],
)
def test_a_sign_or_word_beside_the_total_names_its_currency(line: str, code: str) -> None:
    reading = currency_reading(f"Shop\n{line}")
    assert (reading.code, reading.basis) == (code, "printed") or (reading.code, reading.basis) == (
        code,
        "stated",
    )


@pytest.mark.parametrize(
    "line",
    ["Amount/ Số tiền (VND)", "Total (VND)   6.769.980", "Thành tiền   1.250.000 VND"],
)
def test_the_iso_code_of_the_dong_names_its_currency(line: str) -> None:
    # ISO 4217 "VND", printed beside an amount or in a column's heading (a hotel folio)
    assert currency_reading(f"Hotel\n{line}\nTotal   1.800.000").code == "VND"


@pytest.mark.parametrize(
    "evidence",
    [
        "GST/HST Reg. 123456789 RT0001",  # the CRA business number of a GST/HST account
        "123 Main St, Halifax, Nova Scotia",
        "Edmonton, Alberta",
    ],
)
def test_canadian_evidence_makes_a_bare_dollar_canadian(evidence: str) -> None:
    assert currency_reading(f"Coffee Shop\n{evidence}\nTotal   $ 12.50").code == "CAD"


def test_a_bare_dollar_without_canadian_evidence_stays_us() -> None:
    assert currency_reading("Coffee Shop\nSeattle, WA 98101\nTotal   $ 12.50").code == "USD"


@pytest.mark.parametrize(
    "line",
    [
        "Acme Corp 12.00",  # "rp" inside a word is no rupiah
        "Per lei 2019",  # an Italian pronoun before a year, no amount in lei
    ],
)
def test_currency_words_only_count_as_words_beside_an_amount(line: str) -> None:
    assert all(a.currency is None for a in find_amounts(line))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Diner\nSeattle, WA 98101\nTRY OUR NEW MENU\nTotal   12.50", "USD"),  # an English verb
        ("Pub\nSERVER: RON\nTotal   12.50\nVAT Reg No 123 4567 89", "GBP"),  # a name
        ("Firma\nToplam   85,00 TRY", "TRY"),  # beside an amount it is the code
        ("Firma\nCurrency: RON\nTotal   85,00", "RON"),  # in a currency field too
    ],
)
def test_a_code_that_is_also_a_word_states_a_currency_only_beside_an_amount(text: str, code: str) -> None:
    assert currency_reading(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("上海小笼馆\n合计   ¥128.00\n谢谢惠顾", "CNY"),  # Chinese: no kana, yuan with their cents
        ("杭州书店\n实收   ￥56.50", "CNY"),  # the full-width sign
        ("東京ラーメン\n合計   ¥1,280\nありがとうございました", "JPY"),  # kana: Japanese
        ("東京駅売店\n合計   ¥1,280", "JPY"),  # no kana, but whole yen: nothing says yuan
        ("喫茶店\n合計   ¥980.00\n980円", "JPY"),  # the yen named
        ("Sushi bar\nTotal   ¥1,280.00", "JPY"),  # no Chinese text
    ],
)
def test_the_yen_sign_is_the_yuan_in_chinese_text(text: str, code: str) -> None:
    assert currency_reading(text).code == code


def test_rmb_beside_an_amount_is_the_renminbi() -> None:
    assert [a.currency for a in find_amounts("Total   RMB 128.00")] == ["CNY"]
    assert currency_reading("Shanghai Noodle House\nTotal   RMB 128.00").code == "CNY"


@pytest.mark.parametrize(
    "text",
    [
        "ΤΑΒΕΡΝΑ Ο ΓΙΑΝΝΗΣ\nΑΠΟΔΕΙΞΗ ΛΙΑΝΙΚΗΣ\nΣΥΝΟΛΟ   23,50",  # a Greek till receipt
        "Ξενοδοχείο Άλφα\nΤιμολόγιο\nΣύνολο   120,00",
        "Καφέ\nΦΠΑ 24%   2,90\nΣύνολο   15,00",  # Greek VAT
    ],
)
def test_greek_words_without_a_sign_guess_the_euro(text: str) -> None:
    # Greek is written in the euro area only (Greece, Cyprus): a guess, as other euro words are.
    assert (currency_reading(text).code, currency_reading(text).basis) == ("EUR", "language")
