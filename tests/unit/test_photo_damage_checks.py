"""The photo_damage tool names the doubt check behind each reading flag, so a right reading sent
to review can be laid at the check that sent it."""

from __future__ import annotations

from reimburse.adapters.ocr.review import ocr_review_flags
from tests.eval.photo_damage import by_check, checks_fired
from tests.unit.test_ocr_review import invoice, receipt


def fired(date_conf: float = 0.97, total_conf: float = 0.97) -> tuple[str, ...]:
    flags = ocr_review_flags(
        receipt(date_conf=date_conf, total_conf=total_conf, second_item="4.40"), invoice()
    )
    return checks_fired([(str(f.code), f.message) for f in flags])


def test_each_review_check_is_named_by_its_flag() -> None:
    assert fired() == ()
    assert fired(date_conf=0.3) == ("date unsure",)
    assert fired(total_conf=0.5) == ("total printed once, unsure",)
    assert fired(date_conf=0.3, total_conf=0.5) == ("date unsure", "total printed once, unsure")


def test_other_reading_flags_go_by_their_code_and_other_flags_are_left_out() -> None:
    assert checks_fired([("missing_date", "No date."), ("over_limit", "Over the limit.")]) == (
        "missing_date",
    )


def test_the_table_counts_right_readings_flagged_apart_from_wrong_ones() -> None:
    from datetime import date
    from decimal import Decimal

    from tests.eval.photo_damage import Outcome, Sample, Truth

    truth = Truth(total=Decimal("12.50"), date=date(2024, 3, 12), vendor="Trattoria", currency="EUR")
    sample = Sample(0, "en", "till", "shadow", truth, b"")
    right = {"total": Decimal("12.50"), "date": date(2024, 3, 12), "vendor": "Trattoria", "currency": "EUR"}
    wrong = right | {"total": Decimal("12.30")}
    rows = by_check(
        [
            Outcome(sample, right, True, ("low_confidence",), "", ("date unsure",)),
            Outcome(sample, right, True, ("low_confidence",), "", ("date unsure", "short cents")),
            Outcome(sample, wrong, True, ("low_confidence",), "", ("short cents",)),
            Outcome(sample, right, False, (), "", ()),
        ]
    )
    assert rows[2:] == ["| date unsure | 2 (1) | 0 (0) |", "| short cents | 1 (0) | 1 (1) |"]
