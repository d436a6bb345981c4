"""The verdict engine: deterministic judgment of one extracted invoice against a policy.

Extraction (by adapters, possibly an LLM) says what the document states; this module alone
decides what is reimbursed. It never sees raw document text, so instructions hidden in an
invoice cannot reach it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

import msgspec

from reimburse.domain.verdict.fx import FxTable, day_text
from reimburse.domain.verdict.invoice import Invoice, LineItem
from reimburse.domain.verdict.ledger import Ledger, LedgerEntry, period_text
from reimburse.domain.verdict.money import Money, quantize
from reimburse.domain.verdict.policy import AmountRule, CapRule, CapUnit, Condition, ExclusionRule, Policy
from reimburse.domain.verdict.verdict import AppliedRule, Flag, FlagCode, RuleEffect, Status, Verdict

TOLERANCE = Decimal("0.01")
ZERO = Decimal(0)


class Claim(msgspec.Struct, frozen=True):
    """Who claims the invoice, when, and what the application already knows about it."""

    employee_name: str
    submitted_on: date
    duplicate_of: str | None = None
    extra_flags: tuple[Flag, ...] = ()
    employee_grade: str | None = None
    location: str | None = None
    # Quantities a rate is multiplied by, keyed by unit ("mile", "km", "day"): the distance driven.
    quantities: dict[str, Decimal] = msgspec.field(default_factory=dict)
    # The invoice's own id: its previous grant in the ledger is replaced, never counted against it.
    invoice_id: str = ""


def decide(
    policy: Policy,
    invoice: Invoice,
    claim: Claim,
    ledger: Ledger | None = None,
    fx: FxTable | None = None,
) -> Verdict:
    """The verdict on one invoice. Period caps are judged against `ledger` (the employee's earlier
    grants); a cap in another currency is converted with `fx`, or left to a reviewer."""
    total = quantize(invoice.total)
    currency = invoice.currency or policy.currency
    flags = [*claim.extra_flags, *invoice.reading_flags, *_quality_flags(policy, invoice, claim, currency)]
    category = policy.category(invoice.category)
    if any(f.code == FlagCode.CREDIT_NOTE for f in invoice.reading_flags):
        why = "The document is a credit note: money returned to the buyer, not an expense."
        return _declined(total, currency, invoice.category, flags, why, [])
    if total <= ZERO:
        return _declined(total, currency, invoice.category, flags, "The invoice total is not positive.", [])
    if category is None:
        if invoice.category is None:
            flags.append(Flag(FlagCode.UNKNOWN_CATEGORY, "The expense category could not be determined."))
            why = "The expense category could not be determined from the invoice."
        else:
            covered = ", ".join(c.name for c in policy.categories) or "none"
            why = f"'{invoice.category}' expenses are not covered by the policy (covered: {covered})."
        return _declined(total, currency, invoice.category, flags, why, [])

    applied = [AppliedRule(f"category:{category.name}", category.clause, RuleEffect.CATEGORY)]
    violations: list[str] = []

    late = _late_by(policy, invoice, claim)
    if late is not None and policy.deadline is not None:
        rule = policy.deadline
        applied.append(AppliedRule(rule.rule_id, rule.clause, RuleEffect.DEADLINE))
        why = (
            f"Submitted {late} days after the invoice date, beyond the {rule.wording} deadline "
            f'("{rule.clause}").'
        )
        return _declined(total, currency, category.name, flags, why, applied, [why])

    excluded, excluded_rules = _excluded_amount(policy, invoice, category.name, total)
    for exclusion, items in excluded_rules:
        applied.append(AppliedRule(exclusion.rule_id, exclusion.clause, RuleEffect.EXCLUDE))
        names = ", ".join(i.description for i in items)
        violations.append(
            f'{exclusion.name.capitalize()} is not reimbursable ({names}): "{exclusion.clause}".'
        )
    flags += _conditional_exclusion_flags(policy, invoice, category.name, excluded_rules)
    eligible = total - excluded

    reimbursable = eligible
    rates = policy.rates_for(category.name)
    if rates:
        reimbursable = _apply_rate(rates, invoice, claim, currency, reimbursable, applied, violations, flags)
    notes: list[str] = []
    # Per-invoice caps first: a period limit is spent by what each invoice may get on its own.
    caps = sorted(_applicable_caps(policy, category.name, claim, flags), key=lambda c: c.spans_invoices)
    for cap in caps:
        factor, conversion = Decimal(1), ""
        if cap.currency != currency:
            found = (
                fx.rate(cap.currency, currency, invoice.invoice_date or claim.submitted_on) if fx else None
            )
            if found is None:
                flags = _note_unconverted_cap(flags, cap, currency)
                continue
            factor, rate = found
            conversion = rate.text(cap.currency, currency)
            notes.append(f"The {cap.amount} {cap.currency} limit was converted at {conversion}.")
        applied.append(AppliedRule(cap.rule_id, cap.clause, RuleEffect.CAP))
        if cap.spans_invoices and invoice.invoice_date is None:
            flags.append(
                Flag(
                    FlagCode.MISSING_DATE,
                    f"The {category.name} limit is {period_text(cap)}, and the invoice has no date: "
                    "it was judged alone.",
                )
            )
        elif cap.spans_invoices and invoice.invoice_date is not None:
            reimbursable = _period_cap(
                cap,
                category.name,
                invoice.invoice_date,
                claim,
                ledger or Ledger(),
                fx,
                currency,
                factor,
                reimbursable,
                violations,
                notes,
                flags,
            )
            if cap.claims == 0:
                continue  # the period amount replaces the per-invoice one
        units = _units(cap.unit, invoice)
        limit = quantize(cap.amount * units * factor)
        if reimbursable > limit:
            per = f" × {units} {cap.unit}s" if units > 1 else ""
            where = f" for {cap.scope}" if cap.scope else ""
            converted = f" = {limit} {currency} at {conversion}" if conversion else ""
            violations.append(
                f"{category.name.capitalize()} is capped at {cap.amount} {cap.currency} per {cap.unit}{per}"
                f"{where} = {quantize(cap.amount * units)} {cap.currency}{converted} "
                f'("{cap.clause}").'
            )
            reimbursable = limit

    reimbursable = min(max(quantize(reimbursable), ZERO), total)
    status = _status(reimbursable, total)
    reason = _reason(status, category.name, total, reimbursable, currency, violations, applied, notes)
    return Verdict(
        status=status,
        total=total,
        reimbursable=reimbursable,
        currency=currency,
        category=category.name,
        reason=reason,
        violations=tuple(violations),
        flags=tuple(_unique(flags)),
        rules_applied=tuple(applied),
    )


def _period_cap(
    cap: CapRule,
    category: str,
    on: date,
    claim: Claim,
    ledger: Ledger,
    fx: FxTable | None,
    currency: str,
    factor: Decimal,
    reimbursable: Decimal,
    violations: list[str],
    notes: list[str],
    flags: list[Flag],
) -> Decimal:
    """A cap shared by the employee's claims in a period: what is left of it after the grants
    already in the ledger (this invoice's own earlier grant excluded)."""
    usage = ledger.used(cap, on, currency, exclude=claim.invoice_id, fx=fx)
    if usage.unconverted:
        kinds = ", ".join(sorted({e.granted.currency for e in usage.unconverted}))
        flags.append(
            Flag(
                FlagCode.CURRENCY_MISMATCH,
                f"Earlier {category} grants in {kinds} have no configured rate to {currency} and were "
                f"not counted against the limit {period_text(cap)}.",
            )
        )
    name = category.capitalize()
    where = f" for {cap.scope}" if cap.scope else ""
    claimed = quantize(reimbursable)
    if cap.claims > 0:
        if usage.claims < cap.claims:
            return reimbursable
        violations.append(
            f"{name} are limited to {cap.claims} claim{'s' if cap.claims > 1 else ''} {period_text(cap)}"
            f"{where}; {usage.claims} {'were' if usage.claims > 1 else 'was'} already paid "
            f"({_on_days(usage.entries)}), so nothing of {claimed} {currency} is reimbursed "
            f'("{cap.clause}").'
        )
        return ZERO
    limit = quantize(cap.amount * factor)
    left = max(limit - usage.amount, ZERO)
    limit_text = f"{cap.amount} {cap.currency}" + (
        f" ({limit} {currency})" if cap.currency != currency else ""
    )
    used = (
        f"{usage.amount} {currency} was already granted {_on_days(usage.entries)}"
        if usage.entries
        else "nothing was granted before in that period"
    )
    if reimbursable > left:
        paid = f"{left} of {claimed} {currency} is" if left > ZERO else f"nothing of {claimed} {currency} is"
        violations.append(
            f"{name} are limited to {limit_text} {period_text(cap)}{where}; {used}, so {paid} reimbursed "
            f'("{cap.clause}").'
        )
        return left
    if usage.entries:
        notes.append(
            f"{name} are limited to {limit_text} {period_text(cap)}{where}; {used}, so "
            f"{quantize(left - reimbursable)} {currency} is left after this claim."
        )
    return reimbursable


def _on_days(entries: Sequence[LedgerEntry]) -> str:
    days = sorted({e.on for e in entries})
    shown = ", ".join(day_text(d) for d in days[:3])
    more = f" and {len(days) - 3} more days" if len(days) > 3 else ""
    return f"on {shown}{more}"


def grant(verdict: Verdict, invoice: Invoice, claim: Claim) -> LedgerEntry | None:
    """The ledger entry of a fresh verdict (None when it cannot be placed in a period)."""
    if invoice.invoice_date is None or verdict.category is None:
        return None
    caps = tuple(a.rule_id for a in verdict.rules_applied if a.effect is RuleEffect.CAP)
    money = Money(verdict.reimbursable, verdict.currency)
    return LedgerEntry(claim.invoice_id, verdict.category, invoice.invoice_date, money, caps)


def decide_batch(
    policy: Policy,
    items: Sequence[tuple[Invoice, Claim]],
    ledger: Ledger | None = None,
    fx: FxTable | None = None,
) -> tuple[tuple[Verdict, ...], Ledger]:
    """Verdicts for a batch (in the order given) and the ledger after it. Invoices are judged by
    invoice date, then by their order in the batch (undated last), each against the ledger holding
    every earlier grant, so the result never depends on the order files finished reading."""
    book = ledger or Ledger()
    order = sorted(range(len(items)), key=lambda i: (items[i][0].invoice_date or date.max, i))
    out: dict[int, Verdict] = {}
    for i in order:
        invoice, claim = items[i]
        if not claim.invoice_id:  # ids keep a batch's own grants apart
            claim = msgspec.structs.replace(claim, invoice_id=f"#batch-{i}")
        verdict = decide(policy, invoice, claim, book, fx)
        out[i] = verdict
        entry = grant(verdict, invoice, claim)
        if entry is not None:
            book = book.record(entry)
    return tuple(out[i] for i in range(len(items))), book


def _applicable_caps(policy: Policy, category: str, claim: Claim, flags: list[Flag]) -> list[CapRule]:
    """Unconditional caps, caps whose condition the claim matches, and, where the claim lacks a fact
    a cap depends on, the lowest of the caps that might apply (the amount payable whatever the
    missing fact is) with a flag naming the fact: a reviewer decides the rest, never a guessed row."""
    out: list[CapRule] = []
    undecided: dict[tuple[CapUnit, str], list[CapRule]] = {}
    matched: set[tuple[CapUnit, str]] = set()
    all_caps = policy.caps_for(category)
    for cap in all_caps:
        holds = _holds(cap, all_caps, claim)
        if holds is None:
            undecided.setdefault((cap.unit, cap.currency), []).append(cap)
        elif holds:
            out.append(cap)
            if cap.condition is not None:
                matched.add((cap.unit, cap.currency))
    # A row that matches the claim's facts is more specific than the general limit of its unit
    # ("$75 a day; $100 in major cities"), so it replaces it.
    out = [c for c in out if c.condition is not None or (c.unit, c.currency) not in matched]
    for key, caps in undecided.items():
        if key in matched:
            continue  # a row that matches the claim's facts wins over rows needing other facts
        missing = sorted(
            {
                m
                for c in caps
                for m in (
                    *(c.condition.missing(claim.employee_grade, claim.location) if c.condition else ()),
                    *(("the meal of the day",) if c.meal else ()),
                )
            }
        )
        lowest = min(caps, key=lambda c: c.amount)
        flags.append(
            Flag(
                FlagCode.MISSING_FACT,
                f"The {category} limit depends on {', '.join(missing)}, which the claim does not give "
                f"(rows: {_rows(caps)}); only the lowest row was applied.",
            )
        )
        out.append(lowest)
    out += _unmatched_table(category, all_caps, out, set(undecided), claim, flags)
    return out


def _unmatched_table(
    category: str,
    all_caps: tuple[CapRule, ...],
    applied: list[CapRule],
    undecided: set[tuple[CapUnit, str]],
    claim: Claim,
    flags: list[Flag],
) -> list[CapRule]:
    """A claim whose place or grade is in no row of a limit table with no "elsewhere" row (Toronto
    under a table of regions): some row surely applies, but which is a reviewer's call. Paying it
    uncapped would be a guess too, so the lowest row applies and the invoice goes to review. A
    condition every row shares is no choice between rows ("in London, 150 a night"; a table of
    grades for domestic travel): it caps only where it holds."""
    covered = {(c.unit, c.currency) for c in applied} | undecided
    tables: dict[tuple[CapUnit, str], list[CapRule]] = {}
    for cap in all_caps:
        if cap.condition is not None and (cap.unit, cap.currency) not in covered:
            tables.setdefault((cap.unit, cap.currency), []).append(cap)
    out: list[CapRule] = []
    place, grade = (claim.location or "").strip(), (claim.employee_grade or "").strip()
    for rows in tables.values():
        conditions = [c.condition for c in rows if c.condition is not None]
        facts = []
        if (
            place
            and len({c.locations for c in conditions}) > 1
            and all(c.locations and not c.fallback and c.names_location(place) is False for c in conditions)
        ):
            facts.append(f"location {place!r}")
        if (
            grade
            and len({c.grades for c in conditions}) > 1
            and all(c.grades and not c.grade_fallback and not c.names_grade(grade) for c in conditions)
        ):
            facts.append(f"grade {grade!r}")
        if not facts:
            continue
        flags.append(
            Flag(
                FlagCode.MISSING_FACT,
                f"The claim's {' and '.join(facts)} match none of the {category} limit's "
                f"rows ({_rows(rows)}); only the lowest row was applied.",
            )
        )
        out.append(min(rows, key=lambda c: c.amount))
    return out


def _rows(caps: Sequence[CapRule]) -> str:
    return "; ".join(f"{c.amount} {c.currency} per {c.unit} ({c.scope or 'any'})" for c in caps)


def _holds(cap: CapRule, caps: tuple[CapRule, ...], claim: Claim) -> bool | None:
    held = _condition_holds(cap, caps, claim)
    # A per-meal row ("Breakfast: $30"): the invoice does not say which meal it was.
    return None if cap.meal and held else held


def _condition_holds(cap: CapRule, caps: tuple[CapRule, ...], claim: Claim) -> bool | None:
    condition = cap.condition
    if condition is None:
        return True
    if not (condition.fallback or condition.grade_fallback):
        return condition.holds(claim.employee_grade, claim.location)
    others = [c.condition for c in caps if c is not cap and c.unit is cap.unit and c.condition is not None]
    grades, locations = condition.grades, condition.locations
    if condition.fallback:
        # "Elsewhere": holds when the claim's location is none of the other rows' locations.
        if not (claim.location and claim.location.strip()):
            return None
        named = [c.names_location(claim.location) for c in others if not c.fallback]
        if True in named:
            return False
        if None in named:
            return None  # the claim may be in a named row's place ("London" for "Inner London")
        locations = ()
    if condition.grade_fallback:
        # "Other grades": holds when the claim's grade is none of the other rows' grades.
        if not (claim.employee_grade and claim.employee_grade.strip()):
            return None
        if any(c.names_grade(claim.employee_grade) for c in others if not c.grade_fallback):
            return False
        grades = ()
    return Condition(grades, locations, condition.other).holds(claim.employee_grade, claim.location)


def _apply_rate(
    rates: tuple[AmountRule, ...],
    invoice: Invoice,
    claim: Claim,
    currency: str,
    reimbursable: Decimal,
    applied: list[AppliedRule],
    violations: list[str],
    flags: list[Flag],
) -> Decimal:
    """A rate (0.67 USD per mile) pays rate × quantity; without the quantity nothing is certain."""
    usable = [r for r in rates if r.currency == currency and r.condition is None]
    for rate in usable:
        unit = rate.unit.value if rate.unit else ""
        quantity = claim.quantities.get(unit) if unit else None
        if quantity is None and rate.unit is not None:
            units = _units(rate.unit, invoice)
            quantity = Decimal(units) if rate.unit in (CapUnit.DAY, CapUnit.NIGHT) and units > 1 else None
        applied.append(AppliedRule(rate.rule_id, rate.clause, RuleEffect.RATE))
        if quantity is None or quantity < 0:
            flags.append(
                Flag(
                    FlagCode.MISSING_FACT,
                    f"The allowance is {rate.amount} {rate.currency} per {unit or 'unit'}, and the claim does "
                    f"not give the number of {unit or 'units'}.",
                )
            )
            violations.append(
                f'The allowance cannot be computed without the number of {unit or "units"} ("{rate.clause}").'
            )
            return ZERO
        allowance = quantize(rate.amount * quantity)
        if reimbursable > allowance:
            violations.append(
                f"The allowance is {rate.amount} {rate.currency} per {unit} × {quantity} = {allowance} "
                f'{rate.currency} ("{rate.clause}").'
            )
            return allowance
        return reimbursable
    if rates:
        flags.append(
            Flag(FlagCode.MISSING_FACT, "The policy pays this category at a rate that could not be applied.")
        )
    return reimbursable


def _note_unconverted_cap(flags: list[Flag], cap: CapRule, currency: str) -> list[Flag]:
    """A cap in another currency cannot be compared: say so on the (single) currency flag."""
    note = (
        f"The cap of {cap.amount} {cap.currency} per {cap.unit} was not applied; a reviewer must convert it."
    )
    for i, flag in enumerate(flags):
        if flag.code == FlagCode.CURRENCY_MISMATCH:
            flags[i] = Flag(flag.code, f"{flag.message} {note}")
            return flags
    return [*flags, Flag(FlagCode.CURRENCY_MISMATCH, f"The invoice is in {currency}. {note}")]


def _status(reimbursable: Decimal, total: Decimal) -> Status:
    if reimbursable <= ZERO:
        return Status.DECLINED
    if reimbursable >= total:
        return Status.FULLY_REIMBURSED
    return Status.PARTIALLY_REIMBURSED


def _declined(
    total: Decimal,
    currency: str,
    category: str | None,
    flags: list[Flag],
    why: str,
    applied: list[AppliedRule],
    violations: list[str] | None = None,
) -> Verdict:
    return Verdict(
        status=Status.DECLINED,
        total=total,
        reimbursable=quantize(ZERO),
        currency=currency,
        category=category,
        reason=f"Declined: {why}",
        violations=tuple(violations or [why]),
        flags=tuple(_unique(flags)),
        rules_applied=tuple(applied),
    )


def _late_by(policy: Policy, invoice: Invoice, claim: Claim) -> int | None:
    rule = policy.deadline
    if rule is None or invoice.invoice_date is None:
        return None
    age = (claim.submitted_on - invoice.invoice_date).days
    if rule.months:
        return age if claim.submitted_on > _add_months(invoice.invoice_date, rule.months) else None
    if rule.business_days:
        return age if _weekdays_between(invoice.invoice_date, claim.submitted_on) > rule.days else None
    return age if age > rule.days else None


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):  # the 31st of a shorter month is its last day
        try:
            return date(year, month, d)
        except ValueError:
            continue
    return date(year, month, 28)


def _weekdays_between(start: date, end: date) -> int:
    """Weekdays after `start` up to and including `end`."""
    if end <= start:
        return 0
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    extra = sum(1 for i in range(1, rest + 1) if (start.weekday() + i) % 7 < 5)
    return weeks * 5 + extra


@functools.lru_cache(maxsize=1024)
def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    # Start-of-word match: "wine" matches "Wines" and "House wine", not "Swine". A phrase matches
    # whatever joins its words: "no show" is "No-show", "one-day admission" is "one day admission".
    words = [re.escape(w) for w in re.split(r"[\s-]+", keyword.lower()) if w]
    return re.compile(r"(?<![^\W\d_])" + r"[\s-]*".join(words))


@functools.lru_cache(maxsize=256)
def _any_keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern[str] | None:
    # One search per bill line instead of one per keyword (a rule lists dozens): an alternation
    # matches exactly where one of its keywords would.
    parts = [f"(?:{_keyword_pattern(k).pattern})" for k in keywords if k.strip()]
    return re.compile("|".join(parts)) if parts else None


def _excluded_items(rule: ExclusionRule, items: tuple[LineItem, ...]) -> list[LineItem]:
    pattern = _any_keyword_pattern(rule.keywords)
    if pattern is None:
        return []
    return [i for i in items if pattern.search(i.description.lower())]


def _excluded_amount(
    policy: Policy, invoice: Invoice, category: str, total: Decimal
) -> tuple[Decimal, list[tuple[ExclusionRule, list[LineItem]]]]:
    hits: list[tuple[ExclusionRule, list[LineItem]]] = []
    seen: set[int] = set()
    excluded = ZERO
    for rule in policy.exclusions:
        if rule.condition or not rule.applies_to(category):
            continue  # a conditional exclusion never cuts the amount (see below)
        items = [i for i in _excluded_items(rule, invoice.line_items) if id(i) not in seen]
        if not items:
            continue
        seen.update(id(i) for i in items)
        hits.append((rule, items))
        excluded += sum((max(i.amount, ZERO) for i in items), ZERO)
    # Excluded items carry their share of tax: scale by total/subtotal when both are known.
    subtotal = invoice.subtotal
    if excluded > ZERO and subtotal is not None and subtotal > ZERO and total > subtotal:
        excluded = excluded * total / subtotal
    return min(quantize(excluded), total), hits


def _conditional_exclusion_flags(
    policy: Policy,
    invoice: Invoice,
    category: str,
    excluded: list[tuple[ExclusionRule, list[LineItem]]],
) -> list[Flag]:
    """Items a policy refuses only under a condition ("laundry, unless the stay is 5 days or
    more"): the engine cannot tell whether it held, so a reviewer decides; nothing is cut."""
    cut = {id(i) for _, items in excluded for i in items}
    flags: list[Flag] = []
    for rule in policy.exclusions:
        if not rule.condition or not rule.applies_to(category):
            continue
        items = [i for i in _excluded_items(rule, invoice.line_items) if id(i) not in cut]
        if items:
            names = ", ".join(i.description for i in items)
            flags.append(
                Flag(
                    FlagCode.MISSING_FACT,
                    f'{rule.name.capitalize()} ({names}) is excluded only under a condition ("{rule.condition}") '
                    f'that the claim does not show, so it was not deducted; a reviewer decides: "{rule.clause}".',
                )
            )
    return flags


def _units(unit: CapUnit, invoice: Invoice) -> int:
    if unit is CapUnit.NIGHT:
        if invoice.nights:
            return max(invoice.nights, 1)
        if invoice.period_start and invoice.period_end:
            return max((invoice.period_end - invoice.period_start).days, 1)
    if unit is CapUnit.DAY and invoice.period_start and invoice.period_end:
        return max((invoice.period_end - invoice.period_start).days + 1, 1)
    return 1


def _name_tokens(name: str) -> set[str]:
    return {t for t in re.split(r"[^\w]+", name.lower()) if len(t) >= 2}


def _quality_flags(policy: Policy, invoice: Invoice, claim: Claim, currency: str) -> list[Flag]:
    flags: list[Flag] = []
    total = invoice.total
    if invoice.subtotal is not None and invoice.taxes is not None:
        expected = invoice.subtotal + invoice.taxes
        if abs(expected - total) > TOLERANCE:
            flags.append(
                Flag(
                    FlagCode.TOTAL_MISMATCH,
                    f"Subtotal {invoice.subtotal} + taxes {invoice.taxes} = {expected}, "
                    f"but the printed total is {total}.",
                )
            )
    elif invoice.subtotal is not None and invoice.subtotal > total + TOLERANCE and not invoice.line_items:
        flags.append(
            Flag(FlagCode.TOTAL_MISMATCH, f"Subtotal {invoice.subtotal} is above the total {total}.")
        )
    distinct = sorted({quantize(t) for t in invoice.candidate_totals})
    if len(distinct) > 1:
        listed = ", ".join(str(t) for t in distinct)
        flags.append(Flag(FlagCode.MULTIPLE_TOTALS, f"Several different totals are printed: {listed}."))
    if invoice.invoice_date is None:
        flags.append(Flag(FlagCode.MISSING_DATE, "No invoice date was found; the deadline was not checked."))
    elif invoice.invoice_date > claim.submitted_on:
        flags.append(
            Flag(
                FlagCode.FUTURE_DATE, f"The invoice date {invoice.invoice_date} is after the submission date."
            )
        )
    if invoice.period_start and invoice.period_end and invoice.period_end < invoice.period_start:
        flags.append(
            Flag(
                FlagCode.DATE_CONFLICT,
                f"The service ends ({invoice.period_end}) before it starts ({invoice.period_start}).",
            )
        )
    if invoice.currency and invoice.currency != policy.currency:
        flags.append(
            Flag(
                FlagCode.CURRENCY_MISMATCH,
                f"The invoice is in {invoice.currency}; the policy is written in {policy.currency}.",
            )
        )
    employee = _name_tokens(claim.employee_name)
    if invoice.names and employee and not any(employee & _name_tokens(n) for n in invoice.names):
        flags.append(
            Flag(
                FlagCode.NAME_MISMATCH,
                f"The invoice names {', '.join(invoice.names)}, not {claim.employee_name}.",
            )
        )
    if claim.duplicate_of:
        flags.append(Flag(FlagCode.DUPLICATE, f"This invoice was already submitted ({claim.duplicate_of})."))
    if invoice.confidence.get("total", 1.0) < 0.5:
        flags.append(Flag(FlagCode.LOW_CONFIDENCE, "The total was read with low confidence."))
    return flags


def _unique(flags: list[Flag]) -> list[Flag]:
    seen: set[tuple[str, str]] = set()
    out: list[Flag] = []
    for f in flags:
        if (f.code, f.message) not in seen:
            seen.add((f.code, f.message))
            out.append(f)
    return out


def _reason(
    status: Status,
    category: str,
    total: Decimal,
    reimbursable: Decimal,
    currency: str,
    violations: list[str],
    applied: list[AppliedRule],
    notes: Sequence[str] = (),
) -> str:
    if status is Status.FULLY_REIMBURSED:
        caps = [a for a in applied if a.effect is RuleEffect.CAP]
        basis = f' within the policy limit ("{caps[0].clause}")' if caps else " and covered by the policy"
        cited = applied[0].clause
        cover = f' ("{cited}")' if cited and not caps else ""
        return " ".join(
            [f"Fully reimbursed: {category} expense of {total} {currency} is{basis}{cover}.", *notes]
        )
    head = (
        f"Partially reimbursed: {reimbursable} of {total} {currency}."
        if status is Status.PARTIALLY_REIMBURSED
        else f"Declined: nothing of {total} {currency} is reimbursable."
    )
    return " ".join([head, *violations, *notes])
