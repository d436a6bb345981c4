"""Policy-as-data (issue 19, part 8): an admin writes the rules in a TOML file instead of a PDF.

The schema is documented in docs/policy-format.md (example: docs/examples/policy.toml). Amounts
are exact decimals: TOML floats are parsed as Decimal, never as binary floats. Unknown keys are an
error, so a misspelt key cannot silently drop a rule.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal

import msgspec

from reimburse.domain.verdict.policy import (
    AmountRule,
    CapRule,
    CapUnit,
    Category,
    Condition,
    DeadlineRule,
    ExclusionRule,
    Period,
    Policy,
    RuleType,
)

INTERPRETER = "policy-as-data"
_PDF_MAGIC = b"%PDF"


class InvalidPolicyData(ValueError):
    pass


class CategoryData(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    name: str
    synonyms: tuple[str, ...] = ()
    clause: str = ""


class LimitData(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    category: str
    amount: Decimal
    unit: CapUnit
    clause: str = ""
    currency: str | None = None
    grades: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    other: str = ""
    rule_id: str | None = None
    # A limit shared over a period (issue 13): day, week, month, quarter, year; `period_length` 3
    # with year is "in any 3-year period"; `claims` N is "up to N claims per period".
    period: Period = Period.INVOICE
    period_length: int = 1
    claims: int = 0
    # The meal of the day a per-meal row is for ("Breakfast: 30"): what is capped, not a condition.
    meal: str = ""


class ExclusionData(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    name: str
    keywords: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    clause: str = ""
    condition: str = ""  # "if the trip is under five days": a matching item goes to a reviewer


class DeadlineData(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    days: int = 0
    months: int = 0
    business_days: bool = False
    clause: str = ""


class PolicyData(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    currency: str
    title: str = ""
    categories: tuple[CategoryData, ...] = ()
    caps: tuple[LimitData, ...] = ()
    rates: tuple[LimitData, ...] = ()
    exclusions: tuple[ExclusionData, ...] = ()
    deadline: DeadlineData | None = None


def is_policy_data(filename: str, data: bytes) -> bool:
    """A `.toml` upload that is not a PDF in disguise."""
    return filename.lower().endswith(".toml") and _PDF_MAGIC not in data[:1024]


def parse_policy_data(data: bytes) -> PolicyData:
    try:
        raw = tomllib.loads(data.decode("utf-8"), parse_float=Decimal)
        return msgspec.convert(raw, PolicyData)
    except UnicodeDecodeError:
        raise InvalidPolicyData("the policy file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise InvalidPolicyData(f"the policy file is not valid TOML: {exc}") from None
    except msgspec.ValidationError as exc:
        raise InvalidPolicyData(f"the policy file does not follow the schema: {exc}") from None


def _condition(limit: LimitData) -> Condition | None:
    if not (limit.grades or limit.locations or limit.other):
        return None
    return Condition(grades=limit.grades, locations=limit.locations, other=limit.other)


def _meal(limit: LimitData) -> str:
    return limit.meal.strip().lower()


def _ids(prefix: str, keys: list[str]) -> list[str]:
    """`cap:meals:meal`, then `cap:meals:meal:2` for the next row with the same category and unit."""
    seen: dict[str, int] = {}
    out = []
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
        out.append(f"{prefix}:{key}" + (f":{seen[key]}" if seen[key] > 1 else ""))
    return out


def policy_from_data(data: PolicyData, policy_id: str, sha256: str = "") -> Policy:
    """The Policy the file states. Check it with correct_policy.check_rules before use."""
    currency = data.currency.strip().upper()
    names = {c.name for c in data.categories}
    for named in [r.category for r in data.rates] + [c for e in data.exclusions for c in e.categories]:
        if named not in names:
            raise InvalidPolicyData(f"category '{named}' is not among the categories")
    # A meal row's id names its meal: `cap:meals:meal:breakfast`.
    cap_ids = _ids(
        "cap", [f"{c.category}:{c.unit.value}" + (f":{_meal(c)}" if c.meal else "") for c in data.caps]
    )
    rate_ids = _ids("rate", [f"{r.category}:{r.unit.value}" for r in data.rates])
    deadline = None
    if data.deadline is not None:
        d = data.deadline
        days = d.days or d.months * 30
        deadline = DeadlineRule("deadline", days, d.clause, months=d.months, business_days=d.business_days)
    return Policy(
        policy_id=policy_id,
        currency=currency,
        categories=tuple(Category(c.name, c.synonyms, c.clause) for c in data.categories),
        caps=tuple(
            CapRule(
                c.rule_id or rid,
                c.category,
                c.amount,
                (c.currency or currency).upper(),
                c.unit,
                c.clause,
                condition=_condition(c),
                period=c.period,
                period_length=c.period_length,
                claims=c.claims,
                meal=_meal(c),
            )
            for c, rid in zip(data.caps, cap_ids, strict=True)
        ),
        amounts=tuple(
            AmountRule(
                r.rule_id or rid,
                RuleType.RATE,
                r.amount,
                (r.currency or currency).upper(),
                r.clause,
                category=r.category,
                unit=r.unit,
                condition=_condition(r),
            )
            for r, rid in zip(data.rates, rate_ids, strict=True)
        ),
        exclusions=tuple(
            ExclusionRule(
                f"exclude:{e.name}",
                e.name,
                e.keywords or (e.name,),
                e.clause,
                e.categories,
                condition=e.condition,
            )
            for e in data.exclusions
        ),
        deadline=deadline,
        title=data.title,
        source_sha256=sha256,
        interpreter=INTERPRETER,
        corrected=True,
    )
