"""Exact figures over a stream of records: count, per-currency sums and averages, group breakdowns.

Fed every matching record (the whole filtered set, never a top-k), in Decimal throughout; amounts
in different currencies are never added together.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from reimburse.domain.chat.session import Aggregate, GroupBy, GroupFigures, Metric, Order
from reimburse.domain.figures import InvoiceFigures, figures_of
from reimburse.domain.record import InvoiceRecord
from reimburse.domain.verdict.money import quantize

NO_CATEGORY = "uncategorised"
NO_DATE = "undated"


def group_keys(record: InvoiceRecord | InvoiceFigures, group_by: GroupBy) -> tuple[str, ...]:
    """The group(s) a record counts in. An invoice with two categories counts in both."""
    if group_by is GroupBy.EMPLOYEE:
        return (record.employee_name,)
    if group_by is GroupBy.STATUS:
        return (record.final_status,)  # what was decided, when a reviewer decided
    if group_by is GroupBy.MONTH:
        return (record.invoice_date.strftime("%Y-%m"),) if record.invoice_date else (NO_DATE,)
    return tuple(dict.fromkeys(c.strip().lower() for c in record.categories if c.strip())) or (NO_CATEGORY,)


class _Tally:
    def __init__(self) -> None:
        self.count = 0
        self.counts: dict[str, int] = defaultdict(int)
        self.totals: dict[str, Decimal] = defaultdict(Decimal)
        self.reimbursed: dict[str, Decimal] = defaultdict(Decimal)
        self.decided = 0

    def add(self, r: InvoiceFigures) -> None:
        self.count += 1
        self.counts[r.currency] += 1
        self.totals[r.currency] += r.total_amount
        self.reimbursed[r.currency] += r.final_amount  # a reviewer's decided amount, else the engine's
        self.decided += r.decided


class AggregateBuilder:
    def __init__(self, group_by: GroupBy | None = None) -> None:
        self._group_by = group_by
        self._all = _Tally()
        self._groups: dict[str, _Tally] = {}
        self._display: dict[str, str] = {}  # normalised employee key -> first spelling seen

    def add(self, record: InvoiceRecord) -> None:
        self.add_figures(figures_of(record))

    def add_figures(self, record: InvoiceFigures) -> None:
        """The same as add, from the aggregate columns a store keeps (no full record needed)."""
        self._all.add(record)
        if self._group_by is None:
            return
        for key in group_keys(record, self._group_by):
            norm = " ".join(key.casefold().split()) if self._group_by is GroupBy.EMPLOYEE else key
            if norm not in self._groups:
                self._display[norm] = key
                self._groups[norm] = _Tally()
            self._groups[norm].add(record)

    def result(
        self, metric: Metric = Metric.TOTAL, order: Order = Order.AMOUNT_DESC, by_count: bool = False
    ) -> Aggregate:
        groups = [
            GroupFigures(self._display[k], t.count, dict(t.totals), dict(t.reimbursed))
            for k, t in self._groups.items()
        ]
        if self._group_by is GroupBy.MONTH:
            groups.sort(key=lambda g: g.key)
        else:
            main = primary_currency(self._all.counts)

            def weight(g: GroupFigures) -> Decimal:
                if by_count:
                    return Decimal(g.count)
                amounts = g.reimbursed if metric is Metric.REIMBURSED else g.totals
                return amounts.get(main, Decimal(0)) if main else Decimal(g.count)

            ascending = order is Order.AMOUNT_ASC
            groups.sort(key=lambda g: g.key.casefold())
            groups.sort(key=weight, reverse=not ascending)
        return Aggregate(
            count=self._all.count,
            totals=dict(self._all.totals),
            reimbursed=dict(self._all.reimbursed),
            by_group={g.key: g.count for g in groups},
            counts=dict(self._all.counts),
            group_by=self._group_by,
            groups=tuple(groups),
            decided=self._all.decided,
        )


def primary_currency(counts: dict[str, int]) -> str | None:
    """The currency most invoices are in (ties: alphabetical), used to rank groups."""
    if not counts:
        return None
    return min(counts, key=lambda c: (-counts[c], c))


def averages(amounts: dict[str, Decimal], counts: dict[str, int]) -> dict[str, Decimal]:
    """Per-currency mean, rounded half-up to cents."""
    return {c: quantize(v / counts[c]) for c, v in amounts.items() if counts.get(c)}


__all__ = ["NO_CATEGORY", "NO_DATE", "AggregateBuilder", "averages", "group_keys", "primary_currency"]
