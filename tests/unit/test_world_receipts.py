"""Till receipts and invoices in the languages of world_labels.py, read on the text path (issue 11).
The texts are our own paraphrases of each language's usual wording, with made-up shops."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.text_receipts import low, read


def _till(total_word: str, cash: str, change: str, head: str = "Mira Shop\nStreet 1\n27/11/2026\n") -> str:
    return f"{head}Item A   12,00\nItem B   11,50\n{total_word}   23,50\n{cash}   30,00\n{change}   6,50\n"


@pytest.mark.parametrize(
    "words",
    [
        ("ΣΥΝΟΛΟ", "ΜΕΤΡΗΤΑ", "ΡΕΣΤΑ"),  # Greek capitals, no accents
        ("Σύνολο", "Μετρητά", "Ρέστα"),
        ("Összesen", "Készpénz", "Visszajáró"),
        ("Skupaj za plačilo", "Gotovina", "Vračilo"),
        ("Spolu", "Hotovosť", "Vrátené"),
        ("Обща сума", "В брой", "Ресто"),
        ("Итого", "Наличными", "Сдача"),
        ("Сума", "Готівка", "Решта"),
        ("Genel Toplam", "Nakit", "Para Üstü"),
        ("合计", "现金", "找零"),
        ("합계", "현금", "거스름돈"),
        ("รวมทั้งสิ้น", "เงินสด", "เงินทอน"),
        ("Tổng cộng", "Tiền mặt", "Tiền thừa"),
        ("الإجمالي", "نقدا", "الباقي"),
        ('סה"כ לתשלום', "מזומן", "עודף"),  # a plain quote for the gershayim
        ("Jumlah Besar", "Tunai", "Baki"),
        ("Total Bayar", "Tunai", "Kembalian"),
    ],
)
def test_the_bill_is_the_total_not_the_cash(words: tuple[str, str, str]) -> None:
    inv = read(_till(*words))
    assert inv.total == Decimal("23.50")
    assert not low(inv)


def test_a_tax_number_is_no_tax_amount() -> None:
    # "Mã số thuế" (tax number) holds the word for tax; its digits are no tax
    inv = read(
        "Quán Mai\nMã số thuế: 0401234567\n27/11/2026\nPhở   65.000\nTrà   5.000\nTổng cộng:   70.000\n"
    )
    assert inv.total == Decimal("70000")
    assert inv.taxes is None


def test_the_numero_sign_as_nfkc_writes_it() -> None:
    inv = read("ООО Ромашка\nСчёт No 4512 от 05.11.2025\nУслуга   1 000,00\nИтого к оплате   1 000,00\n")
    assert inv.invoice_number == "4512"


def test_a_romanian_tax_number_says_lei() -> None:
    inv = read("Cafenea Mica S.R.L.\nCIF: RO31245678\n14.10.2025\nCafea   14,00\nApa   8,00\nTOTAL   22,00\n")
    assert inv.currency == "RON"
