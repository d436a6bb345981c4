"""PolicyStore contract: one suite, every backend (fake, Edge, qdrant-client local, real server)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reimburse.domain.verdict.policy import CapRule, CapUnit, Category, DeadlineRule, ExclusionRule, Policy
from reimburse.ports.policy_store import PolicyStore
from tests.contract.store_backends import HYBRID, StoreFactory
from tests.fakes.hash_embedder import HashEmbedder


@pytest.fixture
def store(stores: StoreFactory) -> PolicyStore:
    return stores.policies()


MEAL_CLAUSE = "Meals are reimbursed up to ₹1,000 per meal."
HOTEL_CLAUSE = "Hotel stays are covered up to ₹5,000 per night."
ALCOHOL_CLAUSE = "Alcoholic beverages will not be reimbursed."
DEADLINE_CLAUSE = "Claims must be submitted within 30 days of the invoice date."


def policy(policy_id: str = "pol-a", title: str = "Travel & Expense Policy 2024") -> Policy:
    return Policy(
        policy_id=policy_id,
        currency="INR",
        categories=(
            Category("meals", ("food", "restaurant"), MEAL_CLAUSE),
            Category("hotel", ("lodging",), HOTEL_CLAUSE),
        ),
        caps=(
            CapRule("cap_meal", "meals", Decimal("1000.00"), "INR", CapUnit.MEAL, MEAL_CLAUSE),
            CapRule("cap_hotel", "hotel", Decimal("5000"), "INR", CapUnit.NIGHT, HOTEL_CLAUSE),
        ),
        exclusions=(ExclusionRule("excl_alcohol", "alcohol", ("wine", "beer"), ALCOHOL_CLAUSE, ("meals",)),),
        deadline=DeadlineRule("deadline", 30, DEADLINE_CLAUSE),
        title=title,
        source_sha256="ab" * 32,
        interpreter="heuristic",
    )


async def test_save_then_get_round_trips_exactly(store: PolicyStore) -> None:
    p = policy()
    await store.save(p)
    got = await store.get("pol-a")
    assert got == p
    assert got is not None and got.caps[0].unit is CapUnit.MEAL and str(got.caps[0].amount) == "1000.00"
    assert await store.get("missing") is None


async def test_latest_is_the_most_recently_saved(store: PolicyStore) -> None:
    assert await store.latest() is None
    a, b = policy("pol-a"), policy("pol-b", title="Revised")
    await store.save(a)
    await store.save(b)
    assert await store.latest() == b
    await store.save(a)  # saving again makes it the latest
    assert await store.latest() == a


async def test_resave_replaces_the_policy_and_its_clauses(store: PolicyStore) -> None:
    await store.save(policy())
    slim = Policy(
        "pol-a", "INR", categories=(Category("meals", (), MEAL_CLAUSE),), title="Slim", interpreter="gemini"
    )
    await store.save(slim)
    assert await store.get("pol-a") == slim
    assert await store.search_clauses("alcoholic beverages", "pol-a", 5) == []
    hits = await store.search_clauses("meals reimbursed", "pol-a", 5)
    assert [h.clause for h in hits] == [MEAL_CLAUSE]


async def test_search_clauses_ranks_the_matching_clause_first(store: PolicyStore) -> None:
    await store.save(policy())
    hits = await store.search_clauses("are alcoholic beverages reimbursed?", None, 3)
    assert hits and hits[0].clause == ALCOHOL_CLAUSE and hits[0].rule_id == "excl_alcohol"
    assert hits[0].policy_id == "pol-a" and hits[0].score > 0
    deadline = await store.search_clauses("how many days to submit claims", "pol-a", 2)
    assert deadline[0].clause == DEADLINE_CLAUSE
    # two rules quote the meal clause; it comes back once
    meals = await store.search_clauses("meal", "pol-a", 10)
    assert [h.clause for h in meals].count(MEAL_CLAUSE) == 1
    assert len(await store.search_clauses("hotel night meal", "pol-a", 1)) == 1


async def test_search_clauses_filters_by_policy(store: PolicyStore) -> None:
    other = Policy(
        "pol-z", "USD", exclusions=(ExclusionRule("x", "tobacco", ("cigar",), "Tobacco is excluded."),)
    )
    await store.save(policy())
    await store.save(other)
    assert [h.policy_id for h in await store.search_clauses("tobacco excluded", None, 5)] == ["pol-z"]
    assert await store.search_clauses("tobacco excluded", "pol-a", 5) == []


async def test_hybrid_clause_search_uses_the_dense_vector(stores: StoreFactory) -> None:
    if stores.backend not in HYBRID:
        pytest.skip("backend has no dense path")
    store = stores.policies(HashEmbedder(64, aliases={"booze": "alcoholic"}))
    await store.save(policy())
    hits = await store.search_clauses("booze", None, 2)
    assert hits and hits[0].clause == ALCOHOL_CLAUSE


async def test_policies_survive_close_and_reopen(stores: StoreFactory) -> None:
    if not stores.persistent:
        pytest.skip("backend keeps data in memory only")
    first = stores.policies()
    await first.save(policy("pol-a"))
    await first.save(policy("pol-b"))
    await first.close()
    again = stores.policies()
    assert await again.get("pol-a") == policy("pol-a")
    assert (await again.latest()) == policy("pol-b")
    assert (await again.search_clauses("alcoholic", "pol-b", 1))[0].clause == ALCOHOL_CLAUSE
