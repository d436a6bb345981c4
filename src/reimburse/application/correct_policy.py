"""CorrectPolicy: an admin replaces the rules the machine read from a policy (issue 19, part 8).

The corrected policy keeps its id (the file's hash), so every later analysis of that file uses it;
its version goes up by one, and the version it replaces stays readable as `<policy_id>@v<n>`.
Verdicts record the version they were judged under, so an old verdict keeps pointing at the
rules it used.
"""

from __future__ import annotations

from decimal import Decimal

import msgspec

from reimburse.application.policy_data import InvalidPolicyData, parse_policy_data, policy_from_data
from reimburse.domain.access import AccessDenied, Role, Viewer
from reimburse.domain.verdict.policy import (
    AmountRule,
    CapRule,
    Category,
    DeadlineRule,
    ExclusionRule,
    Period,
    Policy,
)
from reimburse.ports.policy_store import PolicyStore


class RuleCorrection(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The corrected rules. A field left out keeps what was read; `deadline_days: 0` removes it."""

    currency: str | None = None
    categories: tuple[Category, ...] | None = None
    caps: tuple[CapRule, ...] | None = None
    exclusions: tuple[ExclusionRule, ...] | None = None
    amounts: tuple[AmountRule, ...] | None = None
    deadline: DeadlineRule | None = None
    remove_deadline: bool = False
    note: str = ""


class InvalidCorrection(ValueError):
    pass


# The meals of the day a per-meal limit can be for (as the policy reader writes them).
MEALS = ("breakfast", "brunch", "lunch", "dinner", "supper")


def version_id(policy_id: str, version: int) -> str:
    return f"{policy_id}@v{version}"


def check_rules(policy: Policy) -> None:
    """Raises InvalidCorrection when the rules cannot be judged by."""
    names = {c.name for c in policy.categories}
    for cap in policy.caps:
        if cap.category not in names:
            raise InvalidCorrection(
                f"cap {cap.rule_id}: category '{cap.category}' is not among the categories"
            )
        if cap.amount <= Decimal(0):
            raise InvalidCorrection(f"cap {cap.rule_id}: the amount must be positive")
        if cap.period_length < 1 or cap.claims < 0:
            raise InvalidCorrection(f"cap {cap.rule_id}: period_length must be 1 or more, claims 0 or more")
        if (cap.claims or cap.period_length > 1) and cap.period is Period.INVOICE:
            raise InvalidCorrection(f"cap {cap.rule_id}: claims and period_length need a period")
        if cap.meal and cap.meal not in MEALS:
            raise InvalidCorrection(f"cap {cap.rule_id}: meal must be one of {', '.join(MEALS)}")
    if policy.deadline is not None and policy.deadline.days <= 0:
        raise InvalidCorrection("the deadline must be a positive number of days")
    if len(policy.currency) != 3 or not policy.currency.isalpha():
        raise InvalidCorrection("currency must be an ISO 4217 code")
    ids = [c.rule_id for c in policy.caps] + [e.rule_id for e in policy.exclusions]
    ids += [a.rule_id for a in policy.amounts]
    if len(ids) != len(set(ids)):
        raise InvalidCorrection("rule ids must be unique")


class CorrectPolicy:
    def __init__(self, policies: PolicyStore) -> None:
        self._policies = policies

    async def __call__(self, viewer: Viewer, policy_id: str, correction: RuleCorrection) -> Policy | None:
        if viewer.role is not Role.ADMIN:
            raise AccessDenied("only an admin may correct a policy")
        current = await self._policies.get(policy_id)
        if current is None:
            return None
        changes: dict[str, object] = {
            name: value
            for name in ("currency", "categories", "caps", "exclusions", "amounts", "deadline")
            if (value := getattr(correction, name)) is not None
        }
        if correction.remove_deadline:
            changes["deadline"] = None
        corrected = msgspec.structs.replace(current, **changes, version=current.version + 1, corrected=True)
        check_rules(corrected)
        await self._save(current, corrected)
        return corrected

    async def from_data(self, viewer: Viewer, policy_id: str, data: bytes) -> Policy | None:
        """Replaces every rule of a stored policy with a policy-as-data file's (docs/policy-format.md)."""
        if viewer.role is not Role.ADMIN:
            raise AccessDenied("only an admin may correct a policy")
        current = await self._policies.get(policy_id)
        if current is None:
            return None
        try:
            written = policy_from_data(parse_policy_data(data), policy_id, current.source_sha256)
        except InvalidPolicyData as exc:
            raise InvalidCorrection(str(exc)) from None
        corrected = msgspec.structs.replace(written, version=current.version + 1)
        check_rules(corrected)
        await self._save(current, corrected)
        return corrected

    async def _save(self, current: Policy, corrected: Policy) -> None:
        # The version being replaced stays readable; the id without a version is the latest.
        await self._policies.save(
            msgspec.structs.replace(current, policy_id=version_id(current.policy_id, current.version))
        )
        await self._policies.save(corrected)
