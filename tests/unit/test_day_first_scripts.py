"""Pages written mostly in Greek, Cyrillic, Hebrew, Arabic or Thai script come from countries that all
write numeric dates day first: 05/11/2025 is the 5th of November, not a doubt (issue 11)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.text_receipts import read


@pytest.mark.parametrize(
    ("head", "date_word", "total_word"),
    [
        ("فندق النخيل\nشارع البحر، المنامة", "تاريخ الفاتورة", "الإجمالي"),
        ("מלון הים התיכון\nרחוב הנמל 3, חיפה", "תאריך", "סה״כ לתשלום"),
        ("Ξενοδοχείο Ακρογιάλι\nΟδός Λιμένος 8, Χανιά", "Ημερομηνία έκδοσης", "Σύνολο"),
    ],
)
def test_a_numeric_date_reads_day_first(head: str, date_word: str, total_word: str) -> None:
    inv = read(f"{head}\n{date_word}: 05/11/2025\nRoom   650.00\nBreakfast   85.00\n{total_word}   735.00\n")
    assert inv.invoice_date == date(2025, 11, 5)
    assert not any(f.code == "ambiguous_date" for f in inv.reading_flags)


def test_an_english_page_with_a_greek_name_keeps_its_doubt() -> None:
    inv = read("Harbor Cafe\nServed by Νίκος\nDate: 05/11/2025\nCoffee   3.50\nCake   4.00\nTotal   7.50\n")
    assert inv.invoice_date is None or any(f.code == "ambiguous_date" for f in inv.reading_flags)
