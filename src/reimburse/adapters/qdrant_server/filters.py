"""Neutral store conditions -> qdrant-client filter models."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from qdrant_client import models

from reimburse.adapters.qdrant_shared.filters import AnyOf, Condition, Equals, Excludes, FloatRange


def _day_start(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, tzinfo=UTC)


def to_condition(cond: Condition) -> models.FieldCondition:
    assert not isinstance(cond, Excludes), "Excludes goes to must_not (to_filter)"
    if isinstance(cond, AnyOf):
        if len(cond.values) == 1:
            return models.FieldCondition(key=cond.key, match=models.MatchValue(value=cond.values[0]))
        return models.FieldCondition(key=cond.key, match=models.MatchAny(any=list(cond.values)))
    if isinstance(cond, Equals):
        return models.FieldCondition(key=cond.key, match=models.MatchValue(value=cond.value))
    if isinstance(cond, FloatRange):
        return models.FieldCondition(key=cond.key, range=models.Range(gte=cond.gte, lte=cond.lte))
    # Dates are stored as ISO days; [from 00:00, day after `to` 00:00) is inclusive of whole days.
    return models.FieldCondition(
        key=cond.key,
        range=models.DatetimeRange(
            gte=None if cond.gte is None else _day_start(cond.gte),
            lt=None if cond.lte is None else _day_start(cond.lte + timedelta(days=1)),
        ),
    )


def to_filter(conditions: Sequence[Condition]) -> models.Filter | None:
    """All conditions must hold; None (no filter) when there are none."""
    must: list[models.Condition] = [to_condition(c) for c in conditions if not isinstance(c, Excludes)]
    must_not: list[models.Condition] = [
        models.FieldCondition(key=c.key, match=models.MatchValue(value=c.value))
        for c in conditions
        if isinstance(c, Excludes)
    ]
    if not must and not must_not:
        return None
    return models.Filter(must=must or None, must_not=must_not or None)
