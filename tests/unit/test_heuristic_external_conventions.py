"""Reading conventions that real receipts outside the corpus showed (issue 11): a sentence that
speaks to the customer is never the vendor, a dotted date glued to its label's abbreviation, a
small business's one- or two-digit invoice number, the yen printed after the amount, Japanese
receipt numbers and Japanese street numbers that look like dates. Texts written for these tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.amounts import find_amounts
from reimburse.adapters.heuristic.dates import find_dates
from reimburse.adapters.heuristic.fields import read_number, read_vendor
from reimburse.adapters.heuristic.text import normalize
from reimburse.adapters.heuristic.totals import analyse_lines
from tests.text_receipts import read


def _lines(text: str):  # type: ignore[no-untyped-def]
    return analyse_lines(normalize(text).split("\n"))


# A till's closing sentence sits right above a line with an "@" or a phone: before, the footer
# letterhead rule took the sentence as the issuer's name.
@pytest.mark.parametrize(
    "sentence",
    [
        "Für diesen Einkauf erhalten Sie",
        "Bei Fragen erreichen Sie uns",
        "Wir danken Ihnen herzlich",
        "We hope you enjoyed it",
        "Nous espérons vous revoir",
        "Tot ziens bij uw bakker",
    ],
)
def test_a_sentence_to_the_customer_is_not_the_vendor(sentence: str) -> None:
    text = (
        "~~ ## ~~\n"
        "1 Brot   2,10\n1 Milch   1,09\n1 Käse   3,49\n1 Saft   1,99\n1 Apfel   0,89\n"
        "1 Tee   2,49\nSUMME EUR 12,05\nBAR EUR 20,00\nRückgeld EUR 7,95\n"
        f"{sentence}\n"
        "Punkte @ sammeln\n"
    )
    assert read_vendor(_lines(text))[0] != sentence


@pytest.mark.parametrize(
    ("text", "vendor"),
    [
        # a name that starts with a pronoun keeps it: only a pronoun after the first word speaks
        ("Your Corner Shop\nHigh Street 4\nTotal 5.00 GBP", "Your Corner Shop"),
        ("Café du Parc\n3 rue Haute\nTotal 5,00 EUR", "Café du Parc"),
        ("Bäckerei Sonnenschein\nAm Markt 3\nSUMME EUR 4,20", "Bäckerei Sonnenschein"),
    ],
)
def test_names_without_an_address_to_the_reader_stay(text: str, vendor: str) -> None:
    assert read_vendor(_lines(text))[0] == vendor


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dat.31.08.2015 Zeit 19:22", date(2015, 8, 31)),
        ("Datum.02.01.2016", date(2016, 1, 2)),
        ("Kasse 1 Dat.05.11.2019 Bon 12", date(2019, 11, 5)),
    ],
)
def test_a_dotted_date_glued_to_its_label_is_read(text: str, value: date) -> None:
    assert [d.value for d in find_dates(text)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Artikel 12.31.08.2015",  # a digit's dot before it: still no date (as before)
        "Ver.1.2.3",  # no four-digit year
    ],
)
def test_glued_dates_need_a_letter_and_a_full_year(text: str) -> None:
    assert all(d.value.year != 2015 for d in find_dates(text))


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Pixel Studio Ltd\nBILL TO Invoice Number: 14\nTotal £120.00", "14"),
        ("Atelier Nord\nRechnung Nr.: 7   Datum: 03.02.2024\nGesamt 80,00 EUR", "7"),
        ("Lakeside Design\nInvoice # 12\nTotal $50.00", "12"),
        ("AEON\nレジ 0171\nレシートNo.18\n合計 ¥550", "18"),
        ("サンリブ\nレジ0071\nレシートNo7803\n合計 ¥725", "7803"),
    ],
)
def test_short_and_japanese_receipt_numbers(text: str, number: str) -> None:
    assert read_number(_lines(text))[0] == number


@pytest.mark.parametrize(
    "text",
    [
        "Pixel Studio Ltd\nInvoice 1 of 2\nTotal £120.00",  # a page count, not a number
        "Pixel Studio Ltd\nInvoice No 3 items\nTotal £120.00",  # no colon: a count of items
        "井筒屋\nレジNO : 8911\n合計 ¥2,182",  # the till's number is not the receipt's
    ],
)
def test_counts_and_till_numbers_are_not_the_invoice_number(text: str) -> None:
    assert read_number(_lines(text))[0] is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("合計 4,820円", Decimal("4820")), ("4820円", Decimal("4820")), ("小計 ¥660", Decimal("660"))],
)
def test_yen_after_the_amount(text: str, value: Decimal) -> None:
    amounts = find_amounts(text)
    assert [(a.value, a.currency) for a in amounts] == [(value, "JPY")]


def test_a_japanese_fuel_receipt_reads_total_currency_and_date() -> None:
    invoice = read(
        "ENEOS 領収書\n(有)山田石油\n福岡県北九州市小倉北区中町2-11-15\n"
        "2025年7月9日\n11:35\nレギュラー\n30.00 L\n@170.0\n5100円\n合計\n5,100円\n釣銭\n0円"
    )
    assert (invoice.total, invoice.currency, invoice.invoice_date) == (
        Decimal("5100"),
        "JPY",
        date(2025, 7, 9),
    )


@pytest.mark.parametrize("text", ["小倉北区片野3-14-13", "東京都港区芝公園4-2-8"])
def test_japanese_block_numbers_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


# Japanese tills name their money lines 合計 / 計 / 現計 (total), 小計 (subtotal), お預り (cash
# handed over) and お釣り (change); before, the subtotal or the cash handed over was taken.
@pytest.mark.parametrize(
    ("text", "total"),
    [
        (
            "ホームセンター\n2025年 5月2日\n工具 ¥1,200\nネジ ¥300\n小計 2点\n¥1,500\n"
            "10.0% 消費税等\n¥150\n現計\n¥1,650\nお預り\n¥2,000\nお釣り\n¥350",
            Decimal("1650"),
        ),
        (
            "自転車店\n2025-06-01 10:00\n自転車\n¥50,000\n部品\n¥4,000\n内税\n¥4,909\n計\n¥54,000\n"
            "お預り ¥60,000\nお\n釣\n¥6,000",
            Decimal("54000"),
        ),
    ],
)
def test_japanese_total_labels(text: str, total: Decimal) -> None:
    assert read(text).total == total
