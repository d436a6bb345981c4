"""Currency signs written as words after the amount, one country each (issue 11)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.amounts import find_amounts


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [
        ("Обща сума 12,60 лв.", "12.60", "BGN"),
        ("Итого 2 480,00 руб.", "2480.00", "RUB"),
        ("До сплати 315,00 грн", "315.00", "UAH"),
        ("Укупно 980,00 дин.", "980.00", "RSD"),
        ("Thành tiền 85.000đ", "85000", "VND"),
        ("Genel toplam 1.250,00 TL", "1250.00", "TRY"),
        ("الإجمالي 61.00 ر.س", "61.00", "SAR"),
        ("الإجمالي 240.00 د.إ", "240.00", "AED"),
        ("รวม 320.00 บาท", "320.00", "THB"),
        ("합계 27,500원", "27500", "KRW"),
    ],
)
def test_the_sign_after_the_amount_names_its_currency(text: str, value: str, code: str) -> None:
    found = find_amounts(text)
    assert [(a.value, a.currency) for a in found] == [(Decimal(value), code)]


def test_a_paper_size_is_no_dinar() -> None:
    assert all(a.currency is None for a in find_amounts("Papier DIN A4 4,90"))
