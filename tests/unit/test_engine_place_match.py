"""A claim's place against a limit row's place: what a reviewer would expect (issue 19)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.money import quantize
from reimburse.domain.verdict.policy import CapRule, CapUnit, Category, Condition, Policy, place_match
from reimburse.domain.verdict.verdict import FlagCode

DAY = date(2024, 6, 1)


@pytest.mark.parametrize(
    ("claim", "row"),
    [
        ("London, UK", "London rate"),
        ("Greater London", "London rate"),
        ("LONDON", "London rate"),
        ("New York, NY", "New York City"),
        ("NYC", "New York City"),
        ("Manchester, U.K.", "UK"),
        ("Boston, USA", "United States"),
        ("Canada", "United States and Canada"),
        ("London", "UK - London"),
        ("London, UK", "UK - London"),
    ],
)
def test_a_claim_place_naming_the_row_place_matches(claim: str, row: str) -> None:
    assert place_match(claim, row) is True


@pytest.mark.parametrize(
    ("claim", "row"),
    [
        ("York", "New York City"),
        ("New York", "York"),
        ("Outer London", "Inner London"),
        ("Leeds", "London"),
        ("Leeds, UK", "UK - London"),
    ],
)
def test_another_place_does_not_match(claim: str, row: str) -> None:
    assert place_match(claim, row) is False


@pytest.mark.parametrize("claim", ["London", "London, UK", "Greater London"])
def test_a_claim_that_may_lie_outside_the_row_part_of_its_city_is_undecided(claim: str) -> None:
    # Outer London is London too: the claim does not say which part, so a reviewer decides.
    assert place_match(claim, "Inner London") is None


_CITIES = st.sampled_from(["London", "New York", "Paris", "Tier 1", "Sao Paulo", "Dublin"])
_PUNCT = st.sampled_from(["", ".", ",", " "])


@settings(max_examples=200)
@given(_CITIES, _CITIES, st.booleans(), _PUNCT)
def test_case_and_trailing_punctuation_never_change_the_match(
    claim: str, row: str, upper: bool, punct: str
) -> None:
    shouted = claim.upper() if upper else claim.lower()
    assert place_match(shouted + punct, row) == place_match(claim, row)
    assert place_match(claim, row) is (claim == row)


@settings(max_examples=100)
@given(_CITIES, st.sampled_from(["UK", "USA", "France", "NY", "Ireland"]))
def test_a_country_or_state_after_a_comma_keeps_the_city_match(city: str, region: str) -> None:
    assert place_match(f"{city}, {region}", city) is True
    assert place_match(f"{city}, {region}", region) is True


def _policy(*caps: CapRule) -> Policy:
    return Policy("p", "GBP", categories=(Category("hotel", ("hotel",), "Hotels."),), caps=caps)


def _hotel(total: Decimal) -> Invoice:
    return Invoice(total=total, currency="GBP", category="hotel", invoice_date=DAY, nights=1)


def test_a_london_rate_row_applies_to_a_claim_in_london_uk() -> None:
    policy = _policy(
        CapRule(
            "cap:l", "hotel", Decimal(160), "GBP", CapUnit.NIGHT, "l", Condition(locations=("London rate",))
        ),
        CapRule(
            "cap:e", "hotel", Decimal(100), "GBP", CapUnit.NIGHT, "e", Condition(locations=("elsewhere",))
        ),
    )
    v = decide(policy, _hotel(Decimal(150)), Claim("Rani", DAY, location="London, UK"))
    assert v.reimbursable == Decimal("150.00")
    assert not v.review_required


@settings(max_examples=100)
@given(
    st.decimals(min_value=Decimal("1"), max_value=Decimal("500"), places=2),
    st.decimals(min_value=Decimal("1"), max_value=Decimal("300"), places=2),
    st.decimals(min_value=Decimal("1"), max_value=Decimal("300"), places=2),
)
def test_london_for_an_inner_london_row_pays_the_lower_row_and_asks_a_reviewer(
    total: Decimal, inner: Decimal, other: Decimal
) -> None:
    policy = _policy(
        CapRule("cap:i", "hotel", inner, "GBP", CapUnit.NIGHT, "i", Condition(locations=("Inner London",))),
        CapRule("cap:e", "hotel", other, "GBP", CapUnit.NIGHT, "e", Condition(locations=("elsewhere",))),
    )
    v = decide(policy, _hotel(total), Claim("Rani", DAY, location="London"))
    assert v.reimbursable == min(quantize(total), quantize(min(inner, other)))
    assert v.review_required
    assert any(f.code is FlagCode.MISSING_FACT and "Inner London" in f.message for f in v.flags)
