"""A flat amount for staying with friends, relatives or in other private lodging is paid when no
hotel is used: it is no limit on a hotel bill. Seen at four issuers of the external set (two
Canadian universities' rate pages, a third's travel handbook, a South African department's
circular); the texts here are written for the tests and keep those shapes."""

from __future__ import annotations

from decimal import Decimal

from tests.policy_text import read


def _caps(text: str) -> set[tuple[str, Decimal]]:
    return {(c.category, c.amount) for c in read(text).caps}


def test_the_rate_for_accommodation_with_friends_is_no_hotel_cap() -> None:
    caps = _caps(
        "The maximum rate for accommodation with relatives or friends on university business is $35.00 per night.\n"
    )
    assert all(amount != Decimal("35.00") for _, amount in caps)


def test_a_private_accommodation_row_is_no_hotel_cap() -> None:
    caps = _caps("Approved rates\nDinner $48.00 per day\nPrivate accommodation $25 per night\n")
    assert all(amount != Decimal("25") for _, amount in caps)
    assert ("meals", Decimal("48.00")) in caps


def test_non_commercial_lodging_paid_without_receipts_is_no_cap() -> None:
    caps = _caps(
        "When staying with family, or in other non-commercial lodging, the rate is $45.00 per night.\n"
    )
    assert all(amount != Decimal("45.00") for _, amount in caps)


def test_the_hotel_limit_before_a_private_lodging_clause_stays_a_limit() -> None:
    caps = _caps(
        "Hotel rooms are reimbursed up to $160 per night; staying with friends is paid at $30 per night.\n"
    )
    assert ("hotel", Decimal("160")) in caps
    assert all(amount != Decimal("30") for _, amount in caps)
