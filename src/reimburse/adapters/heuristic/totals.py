"""Labelled amounts on an invoice and the choice of its total, subtotal and taxes.

A label owns the amounts printed after it on its line, up to the next label; a label with no
amount there takes the amount printed just before it, or the amount on the next line when the
label stands alone (values printed under their labels, or a column of labels then a column of
values). The total is never invented: no labelled amount, no total.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from reimburse.adapters.heuristic.amounts import CURRENCY_RE, AmountMatch, find_amounts
from reimburse.adapters.heuristic.labels import AMOUNT_LABELS, Label, LabelHit, find_labels, label_only

CENT = Decimal("0.01")
ROUNDING_SLACK = Decimal("1.00")


@dataclass(frozen=True)
class Labelled:
    label: Label
    label_text: str
    amount: AmountMatch
    line: int

    @property
    def value(self) -> Decimal:
        return self.amount.value


@dataclass(frozen=True)
class LineInfo:
    text: str
    hits: list[LabelHit]
    amounts: list[AmountMatch]

    @property
    def amount_only(self) -> bool:
        if not self.amounts:
            return False
        rest = CURRENCY_RE.sub(" ", _blank(self.text, [(a.start, a.end) for a in self.amounts]))
        return not re.search(r"[^\W\d_]{2,}", rest)

    @property
    def label_only(self) -> bool:
        return not self.amounts and label_only(self.text, self.hits)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def analyse_lines(lines: list[str]) -> list[LineInfo]:
    return [LineInfo(line, find_labels(line), find_amounts(line)) for line in lines]


def _pick(amounts: list[AmountMatch]) -> AmountMatch:
    explicit = [a for a in amounts if a.explicit]
    return (explicit or amounts)[-1]


def _free(infos: list[LineInfo], i: int | None, claimed: set[tuple[int, int]]) -> list[AmountMatch]:
    if i is None or not infos[i].amount_only:
        return []
    return [a for a in infos[i].amounts if (i, a.start) not in claimed]


def labelled_amounts(infos: list[LineInfo]) -> list[Labelled]:
    out: list[Labelled] = []
    claimed: set[tuple[int, int]] = set()
    pending: list[LabelHit] = []  # label-only lines waiting for a value below them
    filled = [i for i, info in enumerate(infos) if info.text.strip()]

    def take(i: int, hit: LabelHit, amount: AmountMatch) -> None:
        claimed.add((i, amount.start))
        out.append(Labelled(hit.label, hit.text, amount, i))

    for n, i in enumerate(filled):
        info = infos[i]
        if not info.hits:
            free = _free(infos, i, claimed)
            if pending and free:
                take(i, pending.pop(0), _pick(free))
            else:
                pending.clear()
            continue
        unresolved: list[LabelHit] = []
        for k, hit in enumerate(info.hits):
            end = info.hits[k + 1].start if k + 1 < len(info.hits) else len(info.text)
            if hit.label not in AMOUNT_LABELS:
                continue
            own = [a for a in info.amounts if hit.end <= a.start and a.end <= end]
            before = [a for a in info.amounts if a.end <= hit.start] if k == 0 else []
            if own:
                take(i, hit, _pick(own))
            elif before and not any((i, a.start) in claimed for a in before):
                take(i, hit, before[-1])
            else:
                unresolved.append(hit)
        if not info.label_only:
            pending.clear()
            continue
        above = _free(infos, filled[n - 1] if n else None, claimed)
        below = _free(infos, filled[n + 1] if n + 1 < len(filled) else None, claimed)
        if unresolved and above and not below and not pending:
            # A value printed above its label ("₹ 742.00" over "Total Bill").
            take(filled[n - 1], unresolved.pop(0), _pick(above))
        pending.extend(unresolved)
    return out


@dataclass
class TotalsReading:
    total: Decimal
    currency: str | None
    candidates: tuple[Decimal, ...]
    subtotal: Decimal | None
    taxes: Decimal | None
    confidence: float
    label: str
    notes: list[str] = field(default_factory=list)


def _close(a: Decimal, b: Decimal, slack: Decimal = CENT) -> bool:
    return abs(a - b) <= slack


def _values(items: list[Labelled], *labels: Label) -> list[Decimal]:
    return [x.value for x in items if x.label in labels and x.value > 0]


def _taxes(items: list[Labelled]) -> Decimal | None:
    summary = _values(items, Label.TAX_TOTAL)
    if summary:
        return max(summary)
    values = [x.value for x in items if x.label is Label.TAX and x.value > 0]
    return sum(values, Decimal(0)) if values else None


def _distinct_taxes(items: list[Labelled]) -> Decimal | None:
    """Taxes with repeats dropped: the same line printed again in a tax summary table."""
    seen = {(re.sub(r"\W", "", x.label_text.lower()), x.value) for x in items if x.label is Label.TAX}
    values = [v for _, v in seen if v > 0]
    return sum(values, Decimal(0)) if values else None


def read_totals(items: list[Labelled]) -> TotalsReading | None:
    """Choose the total among labelled amounts; None when nothing is labelled as a total."""
    taxes = _taxes(items)
    discounts = sum((abs(x.value) for x in items if x.label is Label.DISCOUNT), Decimal(0))
    rounding = sum((x.value for x in items if x.label is Label.ROUNDING), Decimal(0))
    grand = [x for x in items if x.label is Label.GRAND and x.value > 0]
    plain = [x for x in items if x.label is Label.TOTAL and x.value > 0]
    net = [x for x in items if x.label is Label.NET and x.value > 0]
    subtotals = _values(items, Label.SUBTOTAL)
    best_total = max((x.value for x in grand + plain), default=None)
    if best_total is not None and any(n.value < best_total for n in net):
        subtotals += [n.value for n in net if n.value < best_total]
        net = [n for n in net if n.value >= best_total]
    tiers: list[tuple[list[Labelled], float]] = [
        (grand, 0.95),
        (plain + net, 0.9),
        ([x for x in items if x.label is Label.PAID and x.value > 0], 0.7),
        ([x for x in items if x.label is Label.WEAK and x.value > 0], 0.45),
    ]
    tier, confidence = next(((t, c) for t, c in tiers if t), ([], 0.0))
    if not tier:
        return None
    chosen = max(tier, key=lambda x: x.value)
    total = chosen.value
    others = {x.value for x in grand + plain + net} - {total}
    tax = taxes or Decimal(0)

    def explained(v: Decimal) -> bool:
        # A pre-tax or pre-discount "Total" is part of the arithmetic that leads to the total, not a rival.
        steps = [v + a * tax - b * discounts + c * rounding for a in (0, 1) for b in (0, 1) for c in (0, 1)]
        return any(_close(v, s) for s in subtotals) or any(_close(s, total) for s in steps[1:])

    rivals = sorted(v for v in others if not explained(v))
    subtotals += [v for v in others if explained(v) and v < total]
    subtotal = _best_subtotal(subtotals, total, tax, rounding)
    distinct = _distinct_taxes(items)
    # Per-night taxes repeat on purpose; a summary table repeats by accident: the sum decides.
    if (
        subtotal is not None
        and distinct is not None
        and not _close(subtotal + tax + rounding, total)
        and _close(subtotal + distinct + rounding, total)
    ):
        taxes = tax = distinct
    notes: list[str] = []
    if rounding and taxes is not None:
        notes.append(f"taxes include a rounding of {rounding}")
        taxes += rounding
    if rivals:
        confidence = min(confidence, 0.6)
    elif subtotal is not None and taxes is not None and _close(subtotal + taxes, total):
        confidence = max(confidence, 0.99)
    return TotalsReading(
        total=total,
        currency=chosen.amount.currency,
        candidates=tuple(sorted({total, *rivals})),
        subtotal=subtotal,
        taxes=taxes,
        confidence=confidence,
        label=chosen.label_text,
        notes=notes,
    )


def _best_subtotal(values: list[Decimal], total: Decimal, tax: Decimal, rounding: Decimal) -> Decimal | None:
    fitting = [v for v in values if _close(v + tax + rounding, total)]
    if fitting:
        return fitting[0]
    below = [v for v in values if v <= total]
    return max(below) if below else (values[0] if values else None)
