"""Neutral store conditions -> qdrant_edge filter types."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import qdrant_edge as qe

from reimburse.adapters.qdrant_shared.filters import AnyOf, Condition, Equals, Excludes, FloatRange


def _day_start(d: date) -> str:
    return f"{d.isoformat()}T00:00:00Z"


def to_condition(cond: Condition) -> qe.FieldCondition:
    assert not isinstance(cond, Excludes), "Excludes goes to must_not (to_filter)"
    if isinstance(cond, AnyOf):
        if len(cond.values) == 1:
            return qe.FieldCondition(cond.key, match=qe.MatchValue(cond.values[0]))
        return qe.FieldCondition(cond.key, match=qe.MatchAny(list(cond.values)))
    if isinstance(cond, Equals):
        return qe.FieldCondition(cond.key, match=qe.MatchValue(cond.value))
    if isinstance(cond, FloatRange):
        return qe.FieldCondition(cond.key, range=qe.RangeFloat(gte=cond.gte, lte=cond.lte))
    # Dates are stored as ISO days; [from 00:00, day after `to` 00:00) is inclusive of whole days.
    return qe.FieldCondition(
        cond.key,
        range=qe.RangeDateTime(
            gte=None if cond.gte is None else _day_start(cond.gte),
            lt=None if cond.lte is None else _day_start(cond.lte + timedelta(days=1)),
        ),
    )


def to_filter(conditions: Sequence[Condition]) -> qe.Filter | None:
    """All conditions must hold; None (no filter) when there are none."""
    must: list[qe.ConditionType] = [to_condition(c) for c in conditions if not isinstance(c, Excludes)]
    must_not: list[qe.ConditionType] = [
        qe.FieldCondition(c.key, match=qe.MatchValue(c.value)) for c in conditions if isinstance(c, Excludes)
    ]
    if not must and not must_not:
        return None
    return qe.Filter(must=must or None, must_not=must_not or None)
