"""Labelled amounts on an invoice and the choice of its total, subtotal and taxes.

A label owns the amounts printed after it on its line, up to the next label; a label with no
amount there takes the amount printed just before it, the amount on the next line when the
label stands alone, or (with the page layout) the value beside it on its row or under it in its
column.

The total is the invoice's own gross amount, chosen by arithmetic: subtotal + taxes (+ tip,
- discount, + rounding) = total; taxes already inside a subtotal or total are not added again;
deposits and payments explain the gap between the total and the amount due (reported apart).
Flags rest on printed amounts that truly disagree: several unexplained totals, a tax above its
printed rate, or a subtotal and taxes that miss the total over a fully read block. The total is
never invented: with nothing labelled, only an amount printed twice stands in, as a weak reading.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from difflib import SequenceMatcher

from reimburse.adapters.heuristic.after_total import charged_after
from reimburse.adapters.heuristic.amounts import CURRENCY_RE, AmountMatch, currency_code, find_amounts
from reimburse.adapters.heuristic.carry_over import ends_on_carry_over
from reimburse.adapters.heuristic.conversions import conversion_line
from reimburse.adapters.heuristic.decimal_places import three_places
from reimburse.adapters.heuristic.due_contradiction import PrintedDue, due_contradiction
from reimburse.adapters.heuristic.layout import Layout
from reimburse.adapters.heuristic.statements import (
    adds_to_bill,
    carried_balances,
    carried_in_due,
    own_charges,
    sections_total,
)
from reimburse.adapters.invoice_labels.labels import AMOUNT_LABELS, Label, LabelHit, find_labels, label_only
from reimburse.domain.verdict.money import CENT
from reimburse.domain.verdict.verdict import Flag, FlagCode

ROUNDING_SLACK = Decimal("1.00")


@dataclass(frozen=True)
class Labelled:
    label: Label
    label_text: str
    amount: AmountMatch
    line: int
    qualified: bool = False  # words between label and amount: "Total 6% supplies", "Total Sales"

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
        # a currency named beside the label is part of it: "Total in EUR" over "157,30"
        unpriced = CURRENCY_RE.sub(lambda m: " " * len(m.group(0)), self.text)
        return not self.amounts and label_only(unpriced, self.hits)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def analyse_lines(
    lines: list[str], found: list[list[AmountMatch]] | None = None, *, decimal_comma: bool = False
) -> list[LineInfo]:
    """`found`: each line's find_amounts, when the caller has them already (read once, not twice).
    `decimal_comma`: the page prints one, so a repaired line's '1,699' is 1.699 as in `found`."""
    out = []
    for n, line in enumerate(lines):
        hits, amounts = find_labels(line), list(found[n]) if found is not None else find_amounts(line)
        if amounts and not any(h.label in AMOUNT_LABELS for h in hits):
            hits = sorted([*hits, *_ocr_total_label(line, amounts[-1].start)], key=lambda h: h.start)
        if any(h.label in _SUM_LABELS for h in hits) and _OCR_DECIMAL.search(line):
            repaired = _OCR_DECIMAL.sub(_join_decimal, line)
            again = _amounts_in(repaired, decimal_comma)
            amounts = [a for a in again if a.start >= hits[0].end] or amounts
        out.append(LineInfo(line, hits, amounts))
    return out


# An OCR text layer splits the decimal mark off a printed amount ("44 . 60", "44 ,60", "5)60").
# On a line labelled as a sum, the pieces are joined again; offsets keep their places.
_OCR_DECIMAL = re.compile(r"(?<![\d.,])(\d{1,6})(?: ([.,]) ?| ?([.,]) |\)| (?=\d{2}\s*$))(\d{2})(?![\d.,])")
_SUM_LABELS = frozenset({Label.GRAND, Label.TOTAL, Label.SUBTOTAL, Label.DUE, Label.PAID})


def _amounts_in(text: str, decimal_comma: bool) -> list[AmountMatch]:
    """find_amounts, with a lone 'd,ddd' read as three decimals on a page with a decimal comma."""
    found = find_amounts(text)
    return three_places(found) if decimal_comma else found


def _join_decimal(m: re.Match[str]) -> str:
    joined = f"{m.group(1)}{m.group(2) or m.group(3) or '.'}{m.group(4)}"
    return joined + " " * (len(m.group(0)) - len(joined))


# Total words as an OCR text layer garbles them ("1'otal", "lotaal", "Tota l", "Snbtotal"): a
# line's first cell, before its first amount, that is one letter or two off such a word.
_OCR_TOTALS = {
    "total": Label.TOTAL,
    "totaal": Label.TOTAL,
    "totale": Label.TOTAL,
    "summe": Label.TOTAL,
    "gesamt": Label.TOTAL,
    "subtotal": Label.SUBTOTAL,
    "gesamtbetrag": Label.GRAND,
    "rechnungsbetrag": Label.GRAND,
    "zahlbetrag": Label.DUE,
    "balance": Label.DUE,
    "betrag": Label.WEAK,
    "bedrag": Label.WEAK,
    "amount": Label.WEAK,
    "change": Label.CHANGE,
}
# Words of their own a letter away from one above: "Charge 17.28" is no change handed back.
_NOT_GARBLED = frozenset({"charge"})
# Letters OCR confuses in these words: "rn" for "m", digits for letters.
_OCR_FOLD = str.maketrans({"0": "o", "1": "l", "5": "s", "|": "l", "!": "l"})
_FIRST_CELL = re.compile(r"^\s*(\S+(?: \S+)?)(?=\s{3}|\s*$)")


def _ocr_total_label(line: str, last_amount: int) -> list[LabelHit]:
    m = _FIRST_CELL.match(line)
    if m is None or m.end(1) > last_amount:
        return []
    word = re.sub(r"[^a-z]", "", m.group(1).lower().translate(_OCR_FOLD).replace("rn", "m"))
    if not 4 <= len(word) <= 16 or word in _NOT_GARBLED:
        return []
    # Only words whose cheap upper bounds of the ratio reach 0.8 are matched in full: the same best
    # word (any word left out scores below 0.8), at a fraction of the cost on every priced line.
    ratios = {
        w: sm.ratio()
        for w in _OCR_TOTALS
        if (sm := SequenceMatcher(None, word, w)).real_quick_ratio() >= 0.8 and sm.quick_ratio() >= 0.8
    }
    best = max(ratios, key=ratios.__getitem__, default=None)
    if best is None or ratios[best] < 0.8:
        return []
    return [LabelHit(_OCR_TOTALS[best], m.start(1), m.end(1), m.group(1))]


# Stronger first: of two labels naming one value ("Ukupno / Total"), the stronger speaks.
_STRENGTH = [
    Label.GRAND,
    Label.TOTAL,
    Label.NET,
    Label.DUE,
    Label.SUBTOTAL,
    Label.TAX_TOTAL,
    Label.TAX,
    Label.PAID,
]


_COLUMN_HEADINGS = re.compile(
    r"(?i)(?<![^\W\d_])(description|desc|item|qty|quantity|price|rate|amount|amt|menge|preis|betrag|"
    r"bezeichnung|quantité|qté|prix|montant|désignation|aantal|prijs|bedrag|cantidad|precio|importe|"
    r"quantità|prezzo|importo|code|quantite|qte|designation|quantita|descrizione|descripción|descripcion|"
    # Portuguese invoices' columns ("Descrição   Qtd.   Preço   Total")
    r"descrição|descricao|qtd|quantidade|preço|preco)(?![^\W\d_])"
)


def heading_row(text: str) -> bool:
    """A table's heading row: two column headings at least (OCR may drop their accents)."""
    return len({m.group(0).lower() for m in _COLUMN_HEADINGS.finditer(text)}) >= 2


def _placed_value(
    layout: Layout | None, i: int, hit: LabelHit, info: LineInfo, decimal_comma: bool = False
) -> AmountMatch | None:
    """The money printed right of a sum label on its row (a value set on another baseline), or
    under it in its column, as the page lays it out ("...   Total" over "GBP 180.00")."""
    if layout is None or (hit.label not in _SUM_LABELS and not info.label_only):
        return None
    if heading_row(info.text):
        return None  # a table's heading row: what is under "Total" is a line item's amount
    placed = layout.placed(i)
    if placed is None:
        return None
    beside = layout.right_of(placed, hit.start, hit.end)
    # A label alone on its text line keeps the text rules for what is under it (a column of
    # labels, then a column of values); only a value on its own row is taken from the layout.
    under = (
        None if info.label_only or hit.label not in _SUM_LABELS else layout.below(placed, hit.start, hit.end)
    )
    # Beside it: the row's money up to the next words (another label); like a text line, the
    # last amount is the label's ("Total   624,24   78,74   702,98": base, tax, amount).
    row: list[AmountMatch] = []
    for cell in beside:
        if re.search(r"[^\W\d_]{3,}", CURRENCY_RE.sub(" ", cell)):
            break
        row += [a for a in _amounts_in(cell, decimal_comma) if a.explicit]
    # Words beside it stop the column below, unless they are the next heading of a row of
    # labels whose values are printed under them ("DATE   PLEASE PAY   DUE DATE" over a row of values).
    worded = beside and re.search(r"[^\W\d_]{3,}", beside[0]) and not _next_heading(beside[0], hit, info)
    if not row and not worded and under:
        row = [a for a in _amounts_in(under, decimal_comma) if a.explicit]
    if not row:
        return None
    a = row[-1]
    return AmountMatch(a.value, a.currency, -1, -1, a.has_decimals)


def _next_heading(cell: str, hit: LabelHit, info: LineInfo) -> bool:
    """The cell beside a label is another label of its line and nothing else."""
    text = cell.strip().lower()
    return any(h.start >= hit.end and h.text.strip().lower() == text for h in info.hits)


def _bilingual(line: str, hits: list[LabelHit]) -> list[LabelHit]:
    """Merge two amount labels printed as one ("Ukupno / Total", "Summe | Total"): the value
    after them belongs to both."""
    out: list[LabelHit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label in AMOUNT_LABELS
            and hit.label in AMOUNT_LABELS
            and re.fullmatch(r"\s*[/|]\s*", line[prev.end : hit.start])
        ):
            strength = [_rank(prev.label), _rank(hit.label)]
            label = prev.label if strength[0] <= strength[1] else hit.label
            out[-1] = LabelHit(label, prev.start, hit.end, line[prev.start : hit.end])
            continue
        out.append(hit)
    return out


def _rank(label: Label) -> int:
    return _STRENGTH.index(label) if label in _STRENGTH else len(_STRENGTH)


# A sum word followed by what it counts ("Total points 150", "Total saved 1.50", "Total savings",
# "Gesamtersparnis" is its own word): loyalty points, savings and item counts are not the amount
# charged. "Total tendered" is the cash handed over, a payment: the change printed with it is
# taken off as for any payment.
_NOT_CHARGED = re.compile(
    r"(?i)^[\s:(]{0,3}(?:loyalty\s+)?(?:points?|pts\.?|saved|savings?|items?|qty|quantity|pieces|pcs|weight|"
    r"miles|rewards?|punkte|ersparnis|économies|economies|ahorro|risparmio|besparing|"
    # the count in the other languages' tills: "TOTAL CANTIDAD 8", "Total articles 3", "Summe
    # Artikel 4", "Totaal aantal 2", "Totale pezzi 5"
    r"cantidad|unidades|art[ií]culos|articles?|quantit[éeàa]|qt[ée]|artikel|artikelen|st[üu]ck|stk|"
    r"aantal|stuks|articoli|pezzi)(?![^\W\d_])"
)
_TENDERED = re.compile(r"(?i)^[\s:(]{0,3}(?:tendered|tender|cash\s+tendered)(?![^\W\d_])")
_SUM_WORDS = frozenset({Label.GRAND, Label.TOTAL})


# US restaurant slips print a tip guide under the total ("Suggested tip: 18%: Tip 2.16 Total
# 15.23"): its totals are what the bill would be with that tip, not what was charged.
_TIP_GUIDE = re.compile(
    r"(?i)suggested\s+(?:tips?|gratuit(?:y|ies))|(?:tip|gratuity)\s+(?:guide|suggestions?|calculations?|calculator)|"
    r"(?:tip|gratuity)\s+amounts?\s+for\s+your\s+convenience"
)
_PERCENT = re.compile(r"(?<![\d.,])\d{1,2}(?:[.,]\d{1,2})?\s?%")
_TIP_WORD = re.compile(r"(?i)(?<![^\W\d_])(?:tip|gratuity)(?![^\W\d_])")


def _tip_settled(items: list[Labelled], chosen: Labelled, total: Decimal) -> Decimal | None:
    """The bill's total plus the tips printed after it, when a payment or sum after the tips
    prints exactly that amount; None otherwise (a tip with no such sum is not added)."""
    tips = [x for x in items if x.label is Label.TIP and x.value > 0 and x.line > chosen.line]
    if not tips:
        return None
    settled = total + sum((x.value for x in tips), Decimal(0))
    after = max(x.line for x in tips)
    sums = (Label.PAID, Label.GRAND, Label.TOTAL, Label.DUE)
    printed = any(x.label in sums and x.line > after and x.value == settled for x in items)
    return settled if printed else None


# The largest cash rounding step in use: the whole crown (SE, NO) rounds by at most half of it.
_CASH_STEP = Decimal("0.50")


def _paid_rounded(
    items: list[Labelled], paid: list[Labelled], total: Decimal, rounding: Decimal
) -> Decimal | None:
    """A payment printed under the rounding line that is the total with that rounding: cash paid
    in a country that rounds cash to its smallest coin (5 cents, 50 øre, a crown)."""
    if not rounding or abs(rounding) > _CASH_STEP:
        return None
    after = max(x.line for x in items if x.label is Label.ROUNDING)
    cash = [x.value for x in paid if x.line > after and _close(x.value, total + rounding)]
    return cash[0] if cash else None


def _tip_guide_lines(infos: list[LineInfo]) -> set[int]:
    """The lines of a tip guide: after its heading, each line with a percentage; anywhere, a line
    with a percentage that names both a tip and a total."""
    out: set[int] = set()
    guide = False
    for i, info in enumerate(infos):
        if _TIP_GUIDE.search(info.text):
            guide = True
        has_rate = bool(_PERCENT.search(info.text))
        if has_rate and (guide or (_TIP_WORD.search(info.text) and len(info.amounts) >= 2)):
            out.add(i)
        elif guide and info.text.strip() and not has_rate and not _TIP_GUIDE.search(info.text):
            guide = False  # the guide ends at the first line without a rate
    return out


def _charged(line: str, hits: list[LabelHit]) -> list[LabelHit]:
    """The hits with sum words that count points, savings or items dropped, and "Total tendered"
    read as the payment it is."""
    out = []
    for hit in hits:
        after = line[hit.end :]
        if hit.label in _SUM_WORDS and _NOT_CHARGED.match(after):
            continue
        if hit.label in _SUM_WORDS and _TENDERED.match(after):
            hit = LabelHit(Label.PAID, hit.start, hit.end, hit.text)
        out.append(hit)
    return out


# A tax word the line says does not apply: "Canone TV (non soggetto a IVA) 9,00", "exempt from VAT",
# "exonéré de TVA", "vrijgesteld van btw". The amount is a charge outside the tax, not a tax.
_UNTAXED = re.compile(
    r"(?i)(?<![^\W\d_])(?:non\s+soggett[oaie]\s+(?:ad?\s+)?|esent[ei]\s+(?:da(?:ll')?\s+)?|"
    r"not\s+subject\s+to\s+|exempt\s+from\s+|exent[oa]\s+(?:del?\s+)?|exonér[ée]e?s?\s+(?:de\s+(?:la\s+)?)?|"
    r"non\s+soumise?s?\s+(?:à\s+(?:la\s+)?)?|niet\s+onderworpen\s+aan\s+(?:de\s+)?|"
    r"vrijgesteld\s+van\s+(?:de\s+)?|befreit\s+von\s+der\s+)$"
)
_TAX_WORDS = frozenset({Label.TAX, Label.TAX_TOTAL, Label.TAX_INCLUDED})


def _untaxed(line: str, hit: LabelHit) -> bool:
    return hit.label in _TAX_WORDS and bool(_UNTAXED.search(line[: hit.start]))


def _header_cell(line: str, hit: LabelHit) -> bool:
    """A total word closing a row of column headings ("Status   Persons   Price   Total") heads a
    column; an amount beside it on that row is a cell of the table, not the invoice total."""
    cells = [c for c in line[: hit.start].split("   ") if c.strip()]
    return len(cells) >= 3 and not any(re.search(r"\d", c) for c in cells)


_PROSE = re.compile(r"(?<![^\W\d_])[a-zà-ÿ][a-zà-ÿ']+(?![^\W\d_])")
_SENTENCE_SENSITIVE = frozenset({Label.GRAND, Label.TOTAL, Label.DUE, Label.PAID, Label.WEAK, Label.PREPAID})


def _in_sentence(line: str, hit: LabelHit) -> bool:
    """A total word inside running text ("... d'un montant total de") labels nothing: a label
    starts its cell, after at most a couple of words."""
    cell = line[: hit.start].rsplit("   ", 1)[-1]
    return len(_PROSE.findall(cell)) >= 3


# A bare count followed by a unit of time is a term or a duration, not money: "den Rechnungsbetrag
# innerhalb von 14 Tagen", "amount due within 30 days", "entro 60 giorni", "Total working time: 300 min".
_TIME_UNIT = re.compile(
    r"\s*(?:(?:banking|business|working|calendar)\s+)?(?:days?|weeks?|months?|"
    r"min(?:s|utes?|uten|uti|utos)?|hours?|hrs?|stunden?|std|heures?|ore|horas|uren|"
    r"(?:werk|arbeits|kalender|bank)?tage?n?|wochen|monate?n?|jours?|semaines?|mois|giorni|"
    r"settimane|mesi|d[ií]as|semanas|meses|(?:werk)?dagen|weken|maanden)(?![^\W\d_])",
    re.I,
)


def _counts_time(line: str, amount: AmountMatch) -> bool:
    return not amount.explicit and bool(_TIME_UNIT.match(line, amount.end))


# "Totaal € 190,95 (inclusief € 33,14 BTW)", "Total £120.00 (includes £20.00 VAT)", "119,00 € inkl.
# 19,00 € MwSt.", "120,00 € dont 20,00 € TVA": after the total, the tax it includes, never the total.
_INCLUDES = re.compile(
    r"(?i)(?<![^\W\d_])(?:incl|inkl|inclusief|includes|including|inclusive|inclus|incluye|incluido|"
    r"dont|di\s+cui|davon|waarvan)(?![^\W\d_])"
)


def _before_included(line: str, amounts: list[AmountMatch]) -> list[AmountMatch]:
    """The amounts of a total's cell before an inclusion word that follows the first of them,
    when one of those is printed as money: a bare count there ("Total 2 nights incl. breakfast
    £240.00") is no total, so the cell is left whole."""
    if len(amounts) < 2:
        return amounts
    m = _INCLUDES.search(line, amounts[0].end)
    if not m or m.start() >= amounts[-1].start:
        return amounts
    kept = [a for a in amounts if a.start < m.start()]
    return kept if any(a.explicit for a in kept) else amounts


def _pick(amounts: list[AmountMatch]) -> AmountMatch:
    explicit = [a for a in amounts if a.explicit]
    last = (explicit or amounts)[-1]
    if last.value < 0:
        # a folio's total row: charges, then the payments that cancel them ("Total 200.00 -200.00")
        return next((a for a in amounts if a.value == -last.value), last)
    return last


def _free(infos: list[LineInfo], i: int | None, claimed: set[tuple[int, int]]) -> list[AmountMatch]:
    if i is None or not infos[i].amount_only:
        return []
    return [a for a in infos[i].amounts if (i, a.start) not in claimed]


def labelled_amounts(
    infos: list[LineInfo], layout: Layout | None = None, *, decimal_comma: bool = False
) -> list[Labelled]:
    """Each amount label with the amount it owns. With the page layout, a sum label whose text
    line holds no amount also reads the value beside it on its row or under it in its column."""
    out: list[Labelled] = []
    claimed: set[tuple[int, int]] = set()
    pending: list[LabelHit] = []  # label-only lines waiting for a value below them
    filled = [i for i, info in enumerate(infos) if info.text.strip()]

    def take(i: int, hit: LabelHit, amount: AmountMatch) -> None:
        claimed.add((i, amount.start))
        between = infos[i].text[hit.end : amount.start] if amount.start > hit.end else ""
        qualified = bool(re.search(r"[^\W\d_]{2,}", CURRENCY_RE.sub(" ", between)))
        out.append(Labelled(hit.label, hit.text, _label_currency(amount, between), i, qualified))

    guide = _tip_guide_lines(infos)
    for n, i in enumerate(filled):
        info = infos[i]
        hits = _charged(info.text, _bilingual(info.text, info.hits))
        if i in guide:
            hits = [h for h in hits if h.label not in _SUM_WORDS | {Label.TIP}]
        if not hits:
            free = _free(infos, i, claimed)
            if pending and free:
                take(i, pending.pop(0), _pick(free))
            else:
                pending.clear()
            continue
        unresolved: list[LabelHit] = []
        for k, hit in enumerate(hits):
            end = hits[k + 1].start if k + 1 < len(hits) else len(info.text)
            if hit.label not in AMOUNT_LABELS or _untaxed(info.text, hit):
                continue
            if hit.label in _SENTENCE_SENSITIVE and (
                _in_sentence(info.text, hit) or _header_cell(info.text, hit)
            ):
                continue
            own = [
                a
                for a in info.amounts
                if hit.end <= a.start and a.end <= end and not _counts_time(info.text, a)
            ]
            before = [a for a in info.amounts if a.end <= hit.start] if k == 0 else []
            own = _before_included(info.text, own)
            if hit.label in _SENTENCE_SENSITIVE:
                # "Den Rechnungsbetrag buchen wir am 15.11. von Ihrem Konto DE89 ... 13 ab": a bare
                # number after running words is part of the sentence (an account's digits), not money
                own = [a for a in own if a.explicit or len(_PROSE.findall(info.text[hit.end : a.start])) < 3]
            if own:
                take(i, hit, _pick(own))
            elif before and not any((i, a.start) in claimed for a in before):
                take(i, hit, before[-1])
            elif (placed := _placed_value(layout, i, hit, info, decimal_comma)) is not None and not (
                info.label_only and _drifted(placed, infos, filled, n, claimed)
            ):
                out.append(
                    Labelled(hit.label, hit.text, _label_currency(placed, info.text[hit.end : end]), i)
                )
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
    fallback = _repeated_amount(infos, out)
    return [*out, fallback] if fallback else out


def _drifted(
    placed: AmountMatch, infos: list[LineInfo], filled: list[int], n: int, claimed: set[tuple[int, int]]
) -> bool:
    """The value beside a label alone on its line is the amount the label of the line above owns
    already, while the line right under it prints an amount of its own: on curled paper the rows
    of amounts drift against the labels ("Tip $5.76" / "TOTAL" / "$53.76"). One printed amount
    belongs to one label; the label takes the amount under it."""
    above = filled[n - 1] if n else None
    if above is None or not _free(infos, filled[n + 1] if n + 1 < len(filled) else None, claimed):
        return False
    return any((above, a.start) in claimed and a.value == placed.value for a in infos[above].amounts)


def _label_currency(amount: AmountMatch, qualifier: str) -> AmountMatch:
    """The amount with the currency its label names ("Total EUR   100,00", "Total (in CHF)"),
    when the amount prints none itself: the sum is in that currency."""
    if amount.currency is not None:
        return amount
    codes = {c for m in CURRENCY_RE.finditer(qualifier) if (c := currency_code(m.group(0)))}
    return replace(amount, currency=codes.pop()) if len(codes) == 1 else amount


def _repeated_amount(infos: list[LineInfo], found: list[Labelled]) -> Labelled | None:
    """With no sum labelled at all (an OCR layer that garbled every total word), the largest
    money amount printed twice (the total line and the card slip) stands in, as a weak reading:
    the engine then asks for review rather than the file going unread."""
    if any(x.label in _SUM_LABELS | {Label.WEAK, Label.NET} and x.value > 0 for x in found):
        return None
    seen: dict[Decimal, tuple[int, AmountMatch]] = {}
    counts: Counter[Decimal] = Counter()
    for i, info in enumerate(infos):
        for a in info.amounts:
            if a.explicit and a.value > 0:
                counts[a.value] += 1
                seen.setdefault(a.value, (i, a))
    repeated = [v for v, n in counts.items() if n >= 2]
    if not repeated:
        return None
    i, amount = seen[max(repeated)]
    return Labelled(Label.WEAK, "(unlabelled, printed twice)", amount, i)


# Stems of total and payment words across languages, matched inside words and run-together
# text ("GESAMTBETRAG", "TotalAmount", "Celkem", "Razem", "Ukupno", "Summa", "à payer", "Yhteensä").
_TOTALISH = re.compile(
    r"(?i)total|summ?e?|betrag|amount|montant|importe|importo|bedrag|celkem|razem|ukupno|kokku|"
    r"suma|payer|pagar|pagare|zahl|due|payable|charged|[úu]hrad|zap[łl]at|platiti|betalen|betala|"
    # da/no "I alt", fi, hu, tr, ms/id, lv, lt, el, ru/bg, ro "de plată"
    r"(?<![^\W\d_])i\s?alt(?![^\W\d_])|yhteens[äa]|[öo]sszesen|toplam|jumlah|kop[āa]|i[šs] viso|σύνολο|"
    r"итого|всего|общо|plat[ăa]|"
    # the abbreviations of US and UK till slips: "TTL", "GRAND TTL", "Amt", and "Nett" (SG, MY, HK)
    r"(?<![^\W\d_])(?:ttl|amt|nett)(?![^\W\d_])"
)


def last_resort(infos: list[LineInfo]) -> Labelled | None:
    """When no label names a total, the document still prints one: the largest money amount on
    a line with a total-like word in any language, else the largest amount printed with its
    currency. Read as a weak guess, so the engine asks for review. Bare prices with neither are
    item lines that print no total: those stay unread."""
    tiers: list[list[tuple[int, AmountMatch]]] = [[], []]
    for i, info in enumerate(infos):
        for a in info.amounts:
            if a.value <= 0 or not a.explicit:
                continue
            if _TOTALISH.search(info.text[: a.start]):
                tiers[0].append((i, a))
            if a.currency is not None:
                tiers[1].append((i, a))
    for tier, label in zip(tiers, ("a total-like word", "its currency"), strict=True):
        if tier:
            i, amount = max(tier, key=lambda t: t[1].value)
            return Labelled(Label.WEAK, f"(the largest amount with {label})", amount, i)
    return None


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
    amount_due: Decimal | None = None
    flags: list[Flag] = field(default_factory=list)  # contradictions the printed amounts prove
    tax_options: list[Decimal] = field(default_factory=list)  # readings of the taxes considered
    net_only: bool = False  # a net amount with a tax beside it was all that named a total: review


def _close(a: Decimal, b: Decimal, slack: Decimal = CENT) -> bool:
    return abs(a - b) <= slack


def _values(items: list[Labelled], *labels: Label) -> list[Decimal]:
    return [x.value for x in items if x.label in labels and x.value > 0]


_TAXES = (Label.TAX, Label.TAX_TOTAL, Label.TAX_INCLUDED)


def _plausible(x: Labelled) -> bool:
    """A tax line's amount is printed as money; a bare integer beside a tax word is a rate, a
    guest count or an identifier (USt-Nr). A tax total may be a small whole amount."""
    if x.label is Label.TAX:
        return x.amount.explicit
    if x.label in _TAXES:
        return x.amount.explicit or abs(x.value) < 1000
    return True


_RATE = re.compile(r"(?<![\d.,])(\d{1,2}(?:[.,]\d{1,3})?)\s?%")


def tax_rates(infos: list[LineInfo]) -> list[Decimal]:
    """The highest rate printed on each tax line ("CGST 2.5%", "TASA DE IMPUESTO 15,00%")."""
    rates: list[Decimal] = []
    for info in infos:
        if any(h.label in (Label.TAX, Label.TAX_TOTAL) for h in info.hits):
            found = [Decimal(m.group(1).replace(",", ".")) for m in _RATE.finditer(info.text)]
            if found and max(found) > 0:
                rates.append(max(found))
    return rates


def _rate_contradiction(
    arithmetic: Arithmetic, rates: list[Decimal], printed_subtotal: bool, fixed: Decimal = Decimal(0)
) -> Flag | None:
    """Taxes above every printed rate applied to the subtotal cannot be right: no base of a
    partly exempt invoice is larger than its subtotal, so the sum of the rates bounds the tax,
    plus the taxes printed without a rate (`fixed`: a stay or tourist tax charged per night)."""
    if not rates or not printed_subtotal or arithmetic.subtotal is None or arithmetic.taxes is None:
        return None
    bound = arithmetic.subtotal * sum(rates, Decimal(0)) / 100 + fixed
    if arithmetic.subtotal <= 0 or arithmetic.taxes <= bound + max(Decimal(1), bound / 100):
        return None
    listed = " + ".join(f"{r.normalize()}%" for r in rates)
    return Flag(
        FlagCode.TOTAL_MISMATCH.value,
        f"Taxes {arithmetic.taxes} are more than {listed} of the subtotal {arithmetic.subtotal} "
        f"({bound.quantize(CENT)}).",
    )


def _gross_if_large(x: Labelled, items: list[Labelled]) -> Labelled:
    """ "Inclusive of GST: 116.28" names a gross amount, "incl. VAT 3.33" a tax: an amount under a
    tax-included label that no other sum on the invoice exceeds is the total, not its tax."""
    if x.label is not Label.TAX_INCLUDED:
        return x
    sums = [y.value for y in items if y.label in _SUM_LABELS and y is not x]
    if sums and x.value >= max(sums):
        return Labelled(Label.TOTAL, x.label_text, x.amount, x.line, True)
    return x


def read_totals_from(
    infos: list[LineInfo],
    layout: Layout | None = None,
    currency: str | None = None,
    *,
    decimal_comma: bool = False,
) -> TotalsReading | None:
    """The totals of analysed lines: labelled amounts (by text, then by layout), tax rates, and
    which lines print money (so a disagreement is claimed only over a fully read block).
    `currency` is the policy's: of totals in two currencies the page does not choose between, the
    one in the currency the claim is paid in."""
    amount_lines = {i for i, info in enumerate(infos) if info.amounts}
    line_amounts = {i: [a.value for a in info.amounts] for i, info in enumerate(infos) if info.amounts}
    found = labelled_amounts(infos, layout, decimal_comma=decimal_comma)
    rated, rates = _rated_amounts(infos), tax_rates(infos)
    signed = {(i, a.start) for i, info in enumerate(infos) for a in info.amounts if a.currency}
    page = Counter(_family(a.currency) for info in infos for a in info.amounts if a.currency)
    # and the amounts whose currency only their label names ("Total EUR   100,00")
    page.update(
        _family(x.amount.currency)
        for x in found
        if x.amount.currency and (x.line, x.amount.start) not in signed
    )
    carried = carried_balances(infos)
    texts = {i: info.text for i, info in enumerate(infos)}
    reading = read_totals(found, rates, amount_lines, line_amounts, rated, page, currency, carried, texts)
    if reading is None and (guess := last_resort(infos)) is not None:
        reading = read_totals(
            [*found, guess], rates, amount_lines, line_amounts, rated, page, currency, carried, texts
        )
        if reading is not None:  # weak (a review) unless subtotal and taxes add up to it
            reading.notes.append(f"no amount is labelled as a total; read {reading.total} {guess.label_text}")
    if reading is not None and reading.confidence <= 0.7 and reading.subtotal is not None:
        # A payment or weak label was all that named a total; if the subtotal and tax add up to
        # an amount printed on its own line ("29.80" under "ADD: GST 1.69"), that is the total.
        printed = {a.value for info in infos if info.amount_only for a in info.amounts if a.explicit}
        for tax in reading.tax_options:
            gross = reading.subtotal + tax
            if gross in printed and gross != reading.total:
                reading.notes.append(
                    f"total {gross} = subtotal {reading.subtotal} + taxes {tax}; "
                    f"{reading.total} was the {reading.label} line"
                )
                reading.candidates = (gross,)
                reading.total, reading.taxes, reading.confidence = gross, tax, 0.8
                reading.label = "subtotal + taxes"
                break
    if reading is not None and not reading.net_only:
        _corroborate_weak(reading, infos)
    if reading is not None and ends_on_carry_over(infos, found):
        reading.confidence = min(reading.confidence, WEAK_CONFIDENCE - 0.05)
        reading.notes.append("the document ends on a sum carried to a next page: its total is not printed")
    return reading


def _rated_amounts(infos: list[LineInfo]) -> list[tuple[Decimal, Decimal]]:
    """Each money amount on a line that prints a rate, with that rate ("Steuer 19%  1,90"): a
    tax whatever its word, if it is that rate of a net amount."""
    out = []
    for info in infos:
        rates = [Decimal(m.group(1).replace(",", ".")) for m in _RATE.finditer(info.text)]
        for rate in (r for r in rates if 0 < r < 100):
            out += [(rate, a.value) for a in info.amounts if a.explicit and 0 < a.value != rate]
    return out


WEAK_CONFIDENCE = 0.5  # the verdict engine's low-confidence line for a total
CORROBORATED_CONFIDENCE = 0.7


def _corroborate_weak(reading: TotalsReading, infos: list[LineInfo]) -> None:
    """A total read under a weak or unknown word ("Betrag", "Amount", a total-like word in another
    language, or only its currency) is sure enough when the page bears it out the way a careful
    reader checks it: it is the largest amount printed (apart from cash tendered), and either the
    page's own arithmetic reaches it (`_arithmetic_evidence`), or a word names it and it is printed
    again (the payment or card line repeats it). An amount printed only once with nothing adding up
    to it, a larger one beside it, or a rival total leave it a guess, for review."""
    if reading.confidence >= WEAK_CONFIDENCE or len(reading.candidates) > 1 or reading.total <= 0:
        return
    tendered = _tendered(reading.total, infos)
    printed = [
        a.value
        for info in infos
        for a in info.amounts
        if a.explicit and a.value > 0 and a.value not in tendered
    ]
    if not printed or reading.total < max(printed):
        return
    if (evidence := _arithmetic_evidence(reading.total, infos, tendered)) is not None:
        reading.confidence = CORROBORATED_CONFIDENCE
        reading.notes.append(f"{reading.total} is the largest amount printed and {evidence}")
        return
    printing = [info for info in infos if any(_close(a.value, reading.total) for a in info.amounts)]
    if len(printing) >= 2 and any(_PAYMENT.search(info.text) for info in printing):
        # the card slip or cash line pays it again: what was paid is the total, whatever its label
        reading.confidence = CORROBORATED_CONFIDENCE
        reading.notes.append(f"{reading.total} is the largest amount printed and was paid as printed")
        return
    if reading.label.startswith(("(unlabelled", "(the largest amount with its currency")):
        return  # no word names it: repetition alone is not enough
    lines = len(printing)
    if lines >= 2:
        reading.confidence = CORROBORATED_CONFIDENCE
        reading.notes.append(f"{reading.total} is the largest amount printed and is printed {lines} times")
        return
    if set(printed) == {reading.total} and _paid_alone(printing, infos):
        # a payment's receipt (often an e-mail) printing one amount, with what was paid named
        reading.confidence = CORROBORATED_CONFIDENCE
        reading.notes.append(f"{reading.total} is the only amount printed, and the page says it was paid")


# A receipt that says it acknowledges a payment: "Thanks for your payment", "Payment received",
# "Vielen Dank für Ihre Zahlung", "Merci pour votre paiement", "Gracias por su pago", "Grazie per
# il pagamento", "Bedankt voor uw betaling".
_PAYMENT_THANKS = re.compile(
    r"(?i)(?<![^\W\d_])(?:thanks?\s+(?:you\s+)?for\s+your\s+payment|payment\s+(?:received|confirmed)|"
    r"(?:vielen\s+)?dank\s+für\s+(?:ihre|deine)\s+zahlung|merci\s+pour\s+votre\s+(?:paiement|règlement)|"
    r"gracias\s+por\s+su\s+pago|grazie\s+per\s+(?:il|il\s+suo|il\s+tuo)\s+pagamento|"
    r"bedankt\s+voor\s+(?:uw|je)\s+betaling)(?![^\W\d_])"
)
# A unit price, not what was paid, whatever the unit: "per adult", "pro Nacht", "par nuit", "por noche",
# "je Person", "each", "pp", "cada uno", "45.00/kg". The preposition is enough; a list of units misses
# most ("per guest", "per ticket"). Title-case "Pro" names a plan ("Pro Monthly"), not a unit.
_PER_UNIT = re.compile(
    r"(?<![^\W\d_])(?:(?i:per|par|por|each|pp|cada)|pro|PRO|je|JE)(?![^\W\d_])|"
    r"(?<![^\W\d_])/\s*[^\W\d_]"
)
# Part of a price paid: a deposit or an instalment is paid, but it is not the expense's total.
_PART_PAYMENT = re.compile(
    r"(?i)(?<![^\W\d_])(?:deposit|down\s*payment|instal{1,2}ments?|part(?:ial)?\s*payment|acompte|arrhes|"
    r"anzahlung|teilzahlung|ratenzahlung|anticipo|seña|acconto|caparra|aanbetaling|termijnbetaling)"
    r"(?![^\W\d_])"
)


def _paid_alone(printing: list[LineInfo], infos: list[LineInfo]) -> bool:
    """Whether the one amount a page prints is named as paid: its line says so ("Importe abonado:",
    "Amount paid:") or the page thanks for the payment, its line prices no unit and the page pays
    no deposit or instalment."""
    line = printing[0].text if len(printing) == 1 else ""
    if not line or _PER_UNIT.search(line) or any(_PART_PAYMENT.search(info.text) for info in infos):
        return False
    return bool(_PAYMENT.search(line)) or any(_PAYMENT_THANKS.search(info.text) for info in infos)


# Payment words of till slips and card receipts, in the six languages.
_PAYMENT = re.compile(
    r"(?i)(?<![^\W\d_])(?:visa|master\s?card|maestro|amex|american\s+express|diners|discover|jcb|unionpay|"
    r"debit|credit|card|cash|contactless|eftpos|girocard|ec[\s-]?karte|karte|kartenzahlung|carte|cb|esp[èe]ces|"
    r"tarjeta|efectivo|carta|contanti|pin|pinnen|contant|paid|bezahlt|betaald|pay[ée]|pagado|pagato|payment|"
    r"abonad[oa])"
    r"(?![^\W\d_])"
)


def _tendered(total: Decimal, infos: list[LineInfo]) -> set[Decimal]:
    """Cash handed over: an amount that, less the change printed on a change line, is the total."""
    change = {
        a.value for info in infos if any(h.label is Label.CHANGE for h in info.hits) for a in info.amounts
    }
    change = {c for c in change if c > 0}
    return {
        a.value
        for info in infos
        for a in info.amounts
        if a.value > total and any(_close(a.value - c, total) for c in change)
    }


def _arithmetic_evidence(total: Decimal, infos: list[LineInfo], tendered: set[Decimal]) -> str | None:
    """How the page's own figures reach `total`, whatever words label them; None when they do not.

    - cash tendered less the change handed back;
    - a tax printed on a line with its rate that is that rate's share of the total (a net amount
      plus that tax makes the same total, to the cent), or, with several rates, the rows of the
      VAT summary whose grosses add up to it;
    - the amounts closing the item lines above it (two or more in a row) add up to it."""
    if tendered:
        return f"is the cash tendered ({max(tendered)}) less the change"
    for rate, tax in _rated_amounts(infos):
        if tax < total and _close(tax, (total * rate / (100 + rate)).quantize(CENT), Decimal("0.02")):
            return f"holds {tax} of {rate.normalize()}% tax"
    rows = _rate_rows(infos)
    if len(rows) >= 2 and any(
        _close(sum(pick, Decimal(0)), total, Decimal("0.02")) for pick in itertools.product(*rows[:6])
    ):
        return f"its {len(rows)} VAT rate rows (net and tax at each rate) add up to it"
    return _items_reach(total, infos)


def _rate_rows(infos: list[LineInfo]) -> list[set[Decimal]]:
    """The possible grosses of each row of a VAT summary ("7%  10,00  0,70", "19%  11,90  1,90"):
    a line with a rate and two amounts whose tax is that rate of the net, or that rate's share of
    the gross (at a low rate a rounded tax may fit both). Repeated rows count once."""
    rows: dict[tuple[Decimal, Decimal], set[Decimal]] = {}
    for info in infos:
        rates = [Decimal(m.group(1).replace(",", ".")) for m in _RATE.finditer(info.text)]
        values = [a.value for a in info.amounts if a.explicit and a.value > 0]
        for rate in (r for r in rates[:1] if 0 < r < 100):
            for base in values:
                for tax in (v for v in values if v < base and v != rate):
                    if _close(base * rate / 100, tax, Decimal("0.02")):
                        rows.setdefault((rate, tax), set()).add(base + tax)
                    if _close(base * rate / (100 + rate), tax, Decimal("0.02")):
                        rows.setdefault((rate, tax), set()).add(base)
    return list(rows.values())


def _items_reach(total: Decimal, infos: list[LineInfo]) -> str | None:
    """Two or more item lines in a row, above the total's first line, whose closing amounts add up
    to it: the item column the total sums."""
    first = next(
        (i for i, info in enumerate(infos) if any(_close(a.value, total) for a in info.amounts)), None
    )
    if first is None:
        return None
    column = [
        info.amounts[-1].value
        for info in infos[:first]
        if info.amounts and info.amounts[-1].explicit and info.amounts[-1].value > 0
    ]
    for start in range(len(column)):
        run = Decimal(0)
        for end in range(start, len(column)):
            run += column[end]
            if run > total:
                break
            if end > start and _close(run, total):
                return f"the {end - start + 1} item amounts above it add up to it"
    return None


def read_totals(
    items: list[Labelled],
    rates: list[Decimal] | None = None,
    amount_lines: set[int] | None = None,
    line_amounts: dict[int, list[Decimal]] | None = None,
    rated: list[tuple[Decimal, Decimal]] | None = None,
    page_currencies: Counter[str] | None = None,
    preferred: str | None = None,
    carried: list[Decimal] | None = None,
    texts: dict[int, str] | None = None,
) -> TotalsReading | None:
    """Choose the total among labelled amounts; None when nothing is labelled as a total.

    The gross total comes first (Grand Total, Bruttosumme, Total TTC), then a bare Total, then the
    amount due, a payment, a subtotal, a weak "Amount". What is still payable after deposits is
    reported apart (amount_due). Subtotal and taxes are the pair the arithmetic confirms.
    """
    items = _unconverted([_gross_if_large(x, items) for x in items if _plausible(x)], texts or {})
    grand = [x for x in items if x.label is Label.GRAND and x.value > 0]
    plain = [x for x in items if x.label is Label.TOTAL and x.value > 0]
    net = [x for x in items if x.label is Label.NET and x.value > 0]
    due = [x for x in items if x.label is Label.DUE]
    # A deposit is printed as money: "Acompte de 40% sur devis D-2025-064" heads a deposit invoice,
    # and its "064" is a quote's number, not a deposit paid.
    prepaid = [abs(x.value) for x in items if x.label is Label.PREPAID and x.value != 0 and x.amount.explicit]
    paid = [x for x in items if x.label is Label.PAID and x.value > 0 and x.amount.explicit]
    change = _values(items, Label.CHANGE)
    subtotal_items = [x for x in items if x.label is Label.SUBTOTAL and x.value > 0]
    best_total = max((x.value for x in grand + plain), default=None)
    if best_total is not None and any(n.value < best_total for n in net):
        net = [n for n in net if n.value >= best_total]
    # gross = net + VAT: a net amount is never chosen over a printed sum that is it plus its tax.
    grossed = [n for n in net + subtotal_items if _gross_printed(n, items, rated)]
    net = [n for n in net if n not in grossed]
    subtotal_items = [n for n in subtotal_items if n not in grossed]
    tiers: list[tuple[list[Labelled], float]] = [
        (grand, 0.95),
        (plain + net, 0.9),
        ([x for x in due if x.value > 0], 0.85),
        (paid, 0.7),
        (subtotal_items, 0.7),
        ([x for x in items if x.label is Label.WEAK and x.value > 0], 0.45),
    ]
    tier, confidence = next(((t, c) for t, c in tiers if t), ([], 0.0))
    sections: set[Decimal] = set()  # section totals the amount due is made of: parts, no rivals
    if tier and all(x.label is Label.TOTAL and x.qualified for x in tier):
        # "Total Electric 85.18", "Total Gas 41.39" and no total of the bill's own: the sections
        # are parts of the amount due they add up to ("Amount Due 126.57")
        last = max(x.line for x in tier)
        between = {
            x.line: [v[-1] for i, v in sorted((line_amounts or {}).items()) if last < i < x.line] for x in due
        }
        # "due = sections + what is between" holds whatever is between: a previous balance or another
        # invoice would pass it, so only a due with charges and taxes between counts
        charged = [
            (x.value, between[x.line])
            for x in due
            if all(adds_to_bill((texts or {}).get(i, "")) for i in (line_amounts or {}) if last < i < x.line)
        ]
        whole = sections_total([x.value for x in tier], charged)
        if whole is not None:
            sections = {x.value for x in tier}
            tier, confidence = [x for x in due if x.value == whole][-1:], 0.85
    tier = _page_currency(tier, page_currencies, preferred)
    tier = _after_discount(tier, items)
    currency_doubt = _currency_doubt(tier)
    notes: list[str] = []
    if tier:
        chosen = max(tier, key=lambda x: x.value)
        total = chosen.value
    else:
        # A corrective invoice or credit note prints its total below zero.
        negative = [x for x in items if x.label in (Label.GRAND, Label.TOTAL, Label.DUE) and x.value < 0]
        if not negative:
            return None
        chosen = min(negative, key=lambda x: x.value)
        total, confidence = chosen.value, 0.85
    net_only, net_gross = False, False
    if chosen.label in _NET_LABELS and (taxes := _net_taxes(total, items, rated)):
        net_only, net_gross = _net_alone(chosen, taxes, items, amount_lines, line_amounts)
        if net_gross:
            gross = next(total + t for t in taxes if _printed(total + t, line_amounts))
            notes.append(f"total {gross} = net {total} + taxes {gross - total}, printed; {total} is net")
            total = gross
    if (after := charged_after(chosen, items, amount_lines)) is not None:
        # "Total 273.00 / Sales Tax 19.11 / Balance Due 292.11": the total was the pre-tax sum
        notes.append(
            f"{after.label_text} {after.value} is the total {total} with what is printed between them"
        )
        chosen, total = after, after.value
    lost_point = total / 100
    if (
        not chosen.amount.has_decimals
        and total >= 100
        and any(
            _close(lost_point, x.value) for x in items if x.label in _SUM_LABELS and x.amount.has_decimals
        )
    ):
        # OCR dropped the decimal point ("GRANDTOTAL 1000" over "SUB TOTAL 10.00").
        notes.append(f"read {total} as {lost_point}: the other sums print {lost_point}")
        total = lost_point
    rounding = sum((x.value for x in items if x.label is Label.ROUNDING), Decimal(0))
    rounded = [x for x in grand + plain + due if rounding and _close(x.value, total + rounding)]
    if rounded and chosen.label is not Label.PAID:
        # "Total 29.28 / Rounding 0.02 / Total Rounded 29.30": what was charged is the rounded sum.
        notes.append(f"{total} rounded by {rounding} to {rounded[0].value}")
        chosen, total = rounded[0], rounded[0].value
    elif chosen.label is not Label.PAID and (cash := _paid_rounded(items, paid, total, rounding)) is not None:
        # "Total 17.97 / Cash rounding -0.02 / Total (cash) 17.95": the cash paid is the bill rounded
        notes.append(f"{total} rounded by {rounding} to {cash}, the cash paid")
        total = cash
    if chosen.label in _SUM_WORDS and (settled := _tip_settled(items, chosen, total)) is not None:
        # "Total 138.24 / Tips 24.00 / Paid Amount 162.24": the tip was added after the bill's
        # total, and the sum printed after it is what was charged.
        notes.append(f"total {total} + tip {settled - total} = {settled}, printed after it")
        total = settled
    if chosen.label is Label.PAID and change and max(change) < total:
        total -= max(change)  # cash tendered minus change handed back
        notes.append(f"paid {chosen.value} in cash, {max(change)} given back")
    elif chosen.label is Label.DUE and (own := own_charges(total, carried or [], prepaid)) is not None:
        # a statement: its payments settled the previous balance, no deposit on this bill
        if own != total:
            notes.append(f"amount due {total} carries {total - own} from the previous balance")
            total = own
    elif (
        chosen.label is Label.DUE
        and not prepaid
        and (own := carried_in_due(total, chosen.line, carried or [], line_amounts or {})) is not None
    ):
        # no payment read: the previous balance is still owed, the amount due carries it
        notes.append(f"amount due {total} carries the previous balance {total - own}")
        total = own
    elif chosen.label is Label.DUE and len(prepaid) == 1 and prepaid[0] < total:
        total += prepaid[0]  # only the balance is printed as a total: the deposit belongs to it
        notes.append(f"total includes a deposit of {prepaid[0]}")
    amount_due = _amount_due(due, prepaid, total)
    if amount_due is None and not prepaid:
        # "Att betala 0,00", "Totaal te betalen", "Razem do zapłaty": a total worded as what is to
        # pay says what is due; the last one printed, after any payment above it.
        to_pay = [x for x in items if x.label in (Label.GRAND, Label.TOTAL) and _TO_PAY.search(x.label_text)]
        if to_pay and to_pay[-1].value >= 0:
            amount_due = to_pay[-1].value

    arithmetic = _arithmetic(items, total, chosen.line, amount_lines)
    # A rival carries a total label of the same role as the chosen total: a grand total or a bare
    # "Total" beside it. A "Total" with words of its own beside a grand total is a part (a tax
    # rate's supplies, a section); a net amount below the total is its pre-tax part (net/gross);
    # only one above the total contradicts it (unless credits below zero are printed: then a part
    # may exceed the whole).
    peers = grand + [x for x in plain if not (chosen.label is Label.GRAND and x.qualified)]
    credits = any(x.value < 0 for x in items if x.label in (Label.GRAND, Label.TOTAL, Label.NET))
    above = [] if credits else [x for x in plain + net if x.value > total]
    others = [x for x in peers + above if x.value not in (total, chosen.value, *sections)]
    explained_by = {*arithmetic.parts, *(total - p for p in prepaid), *(x.value for x in due)}
    explained_by |= {total - x.value for x in paid}
    money = _currency_of(items, chosen)

    def explained(x: Labelled) -> bool:
        v = x.value
        if x.amount.currency is not None and money is not None and x.amount.currency != money:
            return True  # the same total in a second currency ("Total EUR 10,00 / HRK 75,35")
        if any(_close(a, total) for a in (line_amounts or {}).get(x.line, [])):
            return True  # a column of a row that prints the total too (a VAT summary's "Summe")
        return any(_close(v, e) for e in explained_by) or _steps_reach(v, total, arithmetic)

    unexplained = [x for x in others if not explained(x)]
    rivals = _not_parts(sorted({x.value for x in unexplained}), total)
    stepped = {
        x.value for x in unexplained if _difference_printed(x.value, total, x.line, chosen.line, line_amounts)
    }
    rivals = [v for v in rivals if v not in stepped]
    notes += arithmetic.notes
    printed = arithmetic.subtotal in {x.value for x in items if x.label is Label.SUBTOTAL}
    # a tax line with no rate on it is a fixed charge (a stay tax per night), outside the rates' bound
    fixed = sum(
        (
            x.value
            for x in items
            if x.label is Label.TAX and x.value > 0 and not any(_close(x.value, a) for _, a in rated or [])
        ),
        Decimal(0),
    )
    contradiction = (
        _rate_contradiction(arithmetic, rates or [], printed, fixed)
        or _discount_contradiction(items, total, chosen.line, arithmetic, amount_lines)
        or due_contradiction(
            total,
            # a due printed in a currency the total's line does not print is the same sum in a
            # second currency ("Total 1,200.00" then "Amount due EUR 1,398.00")
            [
                PrintedDue(x.value, (texts or {}).get(x.line, ""), x.amount.explicit)
                for x in sorted(due, key=lambda x: x.line)
                if x.amount.currency in (None, chosen.amount.currency)
            ],
            confirmed=arithmetic.confirmed,
            labels=[x.label for x in items if x.value != 0],
            carried=bool(carried),
            printed=[a for amounts in (line_amounts or {}).values() for a in amounts],
        )
    )
    over = (
        None
        if arithmetic.confirmed or chosen.label is not Label.PAID
        else _tendered_over(chosen, items, line_amounts)
    )
    if over is not None and over[1]:
        # cash tendered less the change printed under it: the bill the items reach was charged
        notes.append(f"paid {chosen.value}, {chosen.value - over[0]} given back: {over[0]} was charged")
        total, arithmetic = over[0], _arithmetic(items, over[0], chosen.line, amount_lines)
    elif over is not None:
        rivals = sorted({*rivals, over[0]})
        notes.append(f"{chosen.value} was paid, but the items reach {over[0]}, printed above it")
    if rivals:
        confidence = min(confidence, 0.6)
    elif arithmetic.confirmed:
        confidence = max(confidence, 0.99 if confidence >= 0.7 else 0.8)
    if over is not None and not over[1]:
        confidence = min(confidence, 0.45)  # a review: cash tendered is no expense
    if net_gross:
        confidence = min(confidence, 0.8)  # read from an unlabelled sum
    elif net_only:
        confidence = min(confidence, 0.45)
        notes.append(f"only a net amount ({total}) names a total and a tax is printed beside it")
    return TotalsReading(
        total=total,
        currency=chosen.amount.currency,
        candidates=tuple(sorted({total, *rivals})),
        subtotal=arithmetic.subtotal,
        taxes=arithmetic.taxes,
        confidence=confidence,
        label=chosen.label_text,
        notes=notes,
        amount_due=amount_due,
        flags=[f for f in (contradiction, currency_doubt) if f],
        tax_options=arithmetic.tax_options,
        net_only=net_only,
    )


def _unconverted(items: list[Labelled], texts: dict[int, str]) -> list[Labelled]:
    """The items without the sums printed again at an exchange rate or for information ("Total EUR
    (Kurs 1.0650, zur Information) 652.21"), when a sum of the invoice's own is printed too."""
    sums = (Label.GRAND, Label.TOTAL, Label.NET, Label.DUE)
    # a conversion names its currency, another than the invoice's own sums': "Kurs" with a number
    # is a course as often as a rate ("Razem kurs 3", "Totalt kurs 2")
    converted = [
        x
        for x in items
        if x.label in sums and x.amount.currency is not None and conversion_line(texts.get(x.line, ""))
    ]
    own = [x for x in items if x.label in sums and x.value > 0 and x not in converted]
    if not converted or not own or {x.amount.currency for x in converted} & {x.amount.currency for x in own}:
        return items
    return [x for x in items if x not in converted]


def _tendered_over(
    chosen: Labelled, items: list[Labelled], line_amounts: dict[int, list[Decimal]] | None
) -> tuple[Decimal, bool] | None:
    """A payment taken as the total while a smaller amount above it, on a line no known label
    names, is what the item lines right above that amount add up to: the payment may be cash
    tendered for that bill. (the bill, whether the next amount line after the payment prints
    payment - bill, the change handed back); None when no such amount is printed."""
    if not line_amounts:
        return None
    labelled = {x.line for x in items}
    lines = sorted(line_amounts)
    for i in (i for i in lines if i < chosen.line and i not in labelled):
        column = [line_amounts[j][-1] for j in lines if j < i and line_amounts[j][-1] > 0]
        for bill in (v for v in line_amounts[i] if 0 < v < chosen.value):
            if not _run_ends_at(column, bill):
                continue
            # charges printed between the bill and the payment (delivery, service) that make up the
            # difference: the payment is the bill with them, not cash tendered for it
            between = [line_amounts[j][-1] for j in lines if i < j < chosen.line and line_amounts[j][-1] > 0][
                :8
            ]
            if any(
                _close(bill + sum(pick, Decimal(0)), chosen.value)
                for n in range(1, len(between) + 1)
                for pick in itertools.combinations(between, n)
            ):
                continue
            after = next((j for j in lines if j > chosen.line), None)
            change = after is not None and after - chosen.line <= 2
            return bill, change and any(_close(a, chosen.value - bill) for a in line_amounts[after or 0])
    return None


def _run_ends_at(column: list[Decimal], total: Decimal) -> bool:
    """Two or more of the last amounts of `column`, read upwards from its end, add up to `total`."""
    run = Decimal(0)
    for n, value in enumerate(reversed(column), start=1):
        run += value
        if n > 1 and _close(run, total):
            return True
        if run > total:
            return False
    return False


# Pre-tax amounts (Netto, Subtotal, Total HT, Imponibile, Base imponible, Net amount).
_NET_LABELS = (Label.NET, Label.SUBTOTAL)


def _net_taxes(
    net: Decimal, items: list[Labelled], rated: list[tuple[Decimal, Decimal]] | None
) -> list[Decimal]:
    """The taxes printed beside a net amount: the labelled readings of the taxes (one line, their
    sum), and an amount on a line with a rate that is that rate of the net, whatever its word."""
    options = [t for t in _tax_options(items, net) if t > 0]
    options += [a for r, a in rated or [] if a < net and _close(net * r / 100, a, Decimal("0.02"))]
    return list(dict.fromkeys(options))


def _gross_printed(n: Labelled, items: list[Labelled], rated: list[tuple[Decimal, Decimal]] | None) -> bool:
    """A labelled sum, not itself net, prints this net amount plus a printed tax."""
    grosses = [y.value for y in items if y.label in _SUM_LABELS | {Label.WEAK} and y.label not in _NET_LABELS]
    return any(_close(g, n.value + t) for t in _net_taxes(n.value, items, rated) for g in grosses)


def _printed(value: Decimal, line_amounts: dict[int, list[Decimal]] | None) -> bool:
    return any(_close(value, a) for amounts in (line_amounts or {}).values() for a in amounts)


def _net_alone(
    chosen: Labelled,
    taxes: list[Decimal],
    items: list[Labelled],
    amount_lines: set[int] | None,
    line_amounts: dict[int, list[Decimal]] | None,
) -> tuple[bool, bool]:
    """(flag, take net + tax) for a net amount that is the only total read while a tax is
    printed. None of both when a smaller part plus a tax reaches it (an Indian "Net amount" is the
    payable gross; a "Subtotal" under "Net 220,54 / VAT 26.46" is the gross) or when the card or
    cash payment is that amount; net + tax where that sum is printed; else the net stays, for
    review."""
    own = _arithmetic(items, chosen.value, chosen.line, amount_lines)
    if own.confirmed and own.parts and not _close(own.parts[0], chosen.value):
        return False, False
    if any(_printed(chosen.value - t, line_amounts) for t in taxes):
        return False, False
    if any(_printed(chosen.value + t, line_amounts) for t in taxes):
        return False, True
    paid = [x.value for x in items if x.label is Label.PAID and x.amount.explicit]
    change = [x.value for x in items if x.label is Label.CHANGE and x.value > 0]
    if any(_close(v, chosen.value) for v in [*paid, *(p - c for p in paid for c in change)]):
        return False, False  # the card or cash paid it: nobody pays a pre-tax amount
    return True, False


def _after_discount(tier: list[Labelled], items: list[Labelled]) -> list[Labelled]:
    """ "Food Total 100,00 / Discount -10,00 / Total 90,00": the sum printed below the largest,
    less the discounts printed, is what was charged; the larger is the sum before them."""
    off = sum((abs(x.value) for x in items if x.label is Label.DISCOUNT), Decimal(0))
    if not off or len(tier) < 2:
        return tier
    top = max(tier, key=lambda x: x.value)
    after = [x for x in tier if x.line > top.line and _close(x.value, top.value - off)]
    return after[-1:] or tier


def _page_currency(
    tier: list[Labelled], page: Counter[str] | None, preferred: str | None = None
) -> list[Labelled]:
    """Totals printed in two currencies ("Total EUR 100,00 / Total USD 108,50", "Total CHF 50.00 /
    EUR 52.10"): the invoice's is the currency most of the page's amounts are printed in; the
    other total is a conversion, and the larger number of a weaker currency is not the larger
    total. With no currency ahead, the one in the policy's currency (what the claim is paid in);
    else all stay (the largest is taken, and flagged by _currency_doubt)."""
    families = {_family(x.amount.currency) for x in tier if x.amount.currency}
    if len(families) < 2:
        return tier
    ranked = [(page.get(f, 0), f) for f in families] if page else []
    best = max(ranked, default=(0, ""))
    if ranked and sum(n == best[0] for n, _ in ranked) == 1:
        return [x for x in tier if x.amount.currency is None or _family(x.amount.currency) == best[1]]
    if preferred and _family(preferred) in families:
        return [
            x for x in tier if x.amount.currency is None or _family(x.amount.currency) == _family(preferred)
        ]
    return tier


def _currency_doubt(tier: list[Labelled]) -> Flag | None:
    """Totals in two currencies that neither the page nor the policy chose between: the larger
    number is no reason to pay it ("Total GBP 200 / Total EUR 232")."""
    signed = sorted({(x.amount.currency, x.value) for x in tier if x.amount.currency})
    if len({_family(c) for c, _ in signed}) < 2:
        return None
    listed = " and ".join(f"{c} {v}" for c, v in signed)
    return Flag(
        FlagCode.MULTIPLE_TOTALS.value,
        f"Totals are printed as {listed}; nothing on the page says which currency the invoice is in.",
    )


# Lines that may stand between a subtotal and the total: the steps the arithmetic adds.
_STEP_LABELS = frozenset(
    {Label.DISCOUNT, Label.TAX, Label.TAX_TOTAL, Label.TIP, Label.ROUNDING, Label.TAX_INCLUDED}
)


def _discount_contradiction(
    items: list[Labelled],
    total: Decimal,
    total_line: int,
    arithmetic: Arithmetic,
    amount_lines: set[int] | None,
) -> Flag | None:
    """ "Subtotal 100 / Discount -5 / Total 90": a subtotal above the total, a discount between
    them and nothing else unread, and no sum of the printed steps reaches the total: the parts
    contradict it (the payout would rest on a number its own page does not support)."""
    if arithmetic.confirmed or amount_lines is None or total <= 0:
        return None
    above = [x for x in items if x.label is Label.SUBTOTAL and x.value > total and x.line < total_line]
    if not above:
        return None
    sub = max(above, key=lambda x: x.line)  # the one nearest the total
    between = [x for x in items if sub.line < x.line < total_line]
    off = [x for x in between if x.label is Label.DISCOUNT and x.value != 0]
    block = {i for i in amount_lines if sub.line < i < total_line}
    if not off or block - {x.line for x in between if x.label in _STEP_LABELS}:
        return None
    discounts = sum((abs(x.value) for x in off), Decimal(0))
    return Flag(
        FlagCode.TOTAL_MISMATCH.value,
        f"Subtotal {sub.value} less discounts of {discounts} is {sub.value - discounts}, "
        f"but the printed total is {total}.",
    )


# A "$" or "kr" is read as one dollar or crown before the country settles which: the same sign.
_FAMILIES = {
    **dict.fromkeys(("USD", "CAD", "AUD", "NZD", "SGD", "HKD"), "$"),
    "NOK": "kr",
    "DKK": "kr",
    "SEK": "kr",
}


def _family(code: str | None) -> str:
    return _FAMILIES.get(code or "", code or "")


def _currency_of(items: list[Labelled], chosen: Labelled) -> str | None:
    """The currency of the chosen total: its own, else the one most sums are printed with."""
    if chosen.amount.currency is not None:
        return chosen.amount.currency
    printed = Counter(x.amount.currency for x in items if x.label in _SUM_LABELS and x.amount.currency)
    return printed.most_common(1)[0][0] if printed else None


def _difference_printed(
    v: Decimal, total: Decimal, line: int, total_line: int, line_amounts: dict[int, list[Decimal]] | None
) -> bool:
    """A smaller total whose difference to the total is printed on its line, the total's line or
    a line between them is a step towards the total: a net and its tax (a VAT summary row,
    "Netto 84,03  MwSt 15,97"), a total before a tip or fee whose label was not read."""
    if line_amounts is None or not 0 < v < total:
        return False
    gap = total - v
    lines = range(min(line, total_line), max(line, total_line) + 1)
    return any(_close(a, gap) for i in lines for a in line_amounts.get(i, []))


def _not_parts(rivals: list[Decimal], total: Decimal) -> list[Decimal]:
    """Drop smaller totals that add up to the total (a folio's daily totals, a section each)."""
    smaller = [v for v in rivals if 0 < v < total][:10]
    for mask in range(1, 1 << len(smaller)):
        chosen = [v for k, v in enumerate(smaller) if mask >> k & 1]
        if len(chosen) >= 2 and _close(sum(chosen, Decimal(0)), total):
            return [v for v in rivals if v not in chosen]
    return rivals


_TO_PAY = re.compile(
    r"(?i)(?<![^\W\d_])(?:att\s+betala|te\s+betalen|[àa]\s+payer|a\s+pagar|zu\s+zahlen|to\s+pay|do\s+zap[łl]aty|"
    r"k\s+úhradě|at\s+betale|å\s+betale|da\s+pagare)(?![^\W\d_])"
)


def _amount_due(due: list[Labelled], prepaid: list[Decimal], total: Decimal) -> Decimal | None:
    # The last amount due printed is the one left to pay (a folio ends on "Balance 0.00"); one of
    # the other sign is a payment line's balance, not a debt.
    same_sign = [x.value for x in due if x.value == 0 or (x.value > 0) == (total > 0)]
    if same_sign:
        return same_sign[-1]
    if prepaid and total > 0 and sum(prepaid) <= total:
        return total - sum(prepaid)
    return None


@dataclass
class Arithmetic:
    """The subtotal and taxes that add up to the total, and which printed amounts took part."""

    subtotal: Decimal | None = None
    taxes: Decimal | None = None
    confirmed: bool = False
    parts: list[Decimal] = field(default_factory=list)
    adjustments: Decimal = Decimal(0)
    notes: list[str] = field(default_factory=list)
    tax_options: list[Decimal] = field(default_factory=list)
    steps: list[Decimal] = field(default_factory=list)  # tips, minus discounts, rounding


def _tax_options(items: list[Labelled], total: Decimal) -> list[Decimal]:
    """Ways to read the taxes: a printed tax total, the sum of tax lines, the sum without a
    repeated summary table, or one tax line alone (a "TVA 20%" column in the item table)."""
    limit = abs(total)
    summary = [x.value for x in items if x.label is Label.TAX_TOTAL and 0 < x.value < limit]
    lines = [x for x in items if x.label is Label.TAX and 0 < x.value < limit]
    options: list[Decimal] = []
    if summary:
        options.append(max(summary))
    if lines:
        options.append(sum((x.value for x in lines), Decimal(0)))
        seen = {(re.sub(r"\W", "", x.label_text.lower()), x.value) for x in lines}
        options.append(sum((v for _, v in seen), Decimal(0)))
        options += [x.value for x in lines]
    options += summary
    negative = [x.value for x in items if x.label in (Label.TAX, Label.TAX_TOTAL) and x.value < 0]
    if total < 0 and negative:
        options += [sum(negative, Decimal(0)), *negative]
    return list(dict.fromkeys(o for o in options if o != 0))


def _arithmetic(
    items: list[Labelled], total: Decimal, total_line: int = -1, amount_lines: set[int] | None = None
) -> Arithmetic:
    taxes = _tax_options(items, total)
    included = [x.value for x in items if x.label is Label.TAX_INCLUDED and 0 < x.value < abs(total)]
    subtotals = [x.value for x in items if x.label is Label.SUBTOTAL and x.value != 0]
    # Amounts a layout may print in the subtotal's place: a net, a lower "Total", the line under
    # a discount ("LESS DISCOUNT  1436").
    extra = [
        x.value
        for x in items
        if x.label in (Label.NET, Label.TOTAL, Label.GRAND, Label.DISCOUNT) and 0 < abs(x.value) < abs(total)
    ]
    tips = sum((x.value for x in items if x.label is Label.TIP and x.value > 0), Decimal(0))
    discounts = sum((abs(x.value) for x in items if x.label is Label.DISCOUNT), Decimal(0))
    rounding = sum((x.value for x in items if x.label is Label.ROUNDING), Decimal(0))
    out = Arithmetic(tax_options=taxes, steps=[tips, -discounts, rounding])
    # 1. Subtotal + taxes = total, as printed.
    for s in subtotals + extra:
        for t in taxes:
            if _close(s + t, total):
                return Arithmetic(s, t, True, [s, t], tax_options=taxes, steps=out.steps)
    # 2. With a tip, discount or rounding between them: the pre-tax amount is what remains.
    steps = [(tips, "a tip or service charge"), (-discounts, "a discount"), (rounding, "a rounding")]
    for s in subtotals + extra:
        for t in [*taxes, Decimal(0)]:
            for mask in range(1, 8):
                adjust = sum((v for k, (v, _) in enumerate(steps) if mask >> k & 1), Decimal(0))
                if adjust and _close(s + t + adjust, total, Decimal("0.02")):
                    named = ", ".join(n for k, (v, n) in enumerate(steps) if mask >> k & 1 and v)
                    note = f"the total includes {named} ({adjust:+})"
                    # Untaxed, a discount comes off the subtotal reported: the engine reads a
                    # subtotal above the total as a contradiction, and this one is explained.
                    sub = total - t if t else (s + adjust if adjust < 0 else s)
                    return Arithmetic(sub, t or None, True, [s, t], adjust, [note], taxes, out.steps)
    # 3. Taxes already inside the subtotal or total (CGST/SGST on cab receipts, "inkl. MwSt").
    inside = [s for s in subtotals if _close(s, total)]
    if inside or included:
        tax = next((t for t in [*included, *taxes] if 0 < abs(t) < abs(total)), None)
        if tax is not None:
            note = f"taxes of {tax} are included in the total"
            return Arithmetic(
                total - tax, tax, True, [total, tax], notes=[note], tax_options=taxes, steps=out.steps
            )
        if inside:
            return Arithmetic(inside[0], None, True, [inside[0]], tax_options=taxes, steps=out.steps)
    # 4. Nothing adds up. Report the printed pair only where the block from the subtotal down to
    #    the total was read whole (every money line in it a tax line): then the disagreement is
    #    real. An unread line between them (a fee, a deposit) may be what is missing.
    below = [x for x in items if x.label is Label.SUBTOTAL and 0 < abs(x.value) < abs(total)]
    out.subtotal = max((x.value for x in below), key=abs) if below else None
    taxed = [x for x in items if x.label in (Label.TAX, Label.TAX_TOTAL) and 0 < x.value < abs(total)]
    if amount_lines is not None and below:
        start = max(x.line for x in below if x.value == out.subtotal)
        block = {i for i in amount_lines if start < i < total_line}
        taxed = [x for x in taxed if start < x.line < total_line]
        if not taxed or block - {x.line for x in taxed}:
            return out
    summary_tax = [x.value for x in taxed if x.label is Label.TAX_TOTAL]
    tax_lines = [x.value for x in taxed if x.label is Label.TAX]
    if summary_tax:
        out.taxes = max(summary_tax)
    elif tax_lines and len(tax_lines) <= 3:
        out.taxes = sum(tax_lines, Decimal(0))
    return out


def _steps_reach(v: Decimal, total: Decimal, arithmetic: Arithmetic) -> bool:
    """A pre-tax or pre-tip "Total" is part of the arithmetic that leads to the total, not a rival."""
    adjustments = {
        sum((v for k, v in enumerate(arithmetic.steps) if mask >> k & 1), Decimal(0))
        for mask in range(1 << len(arithmetic.steps))
    }
    for t in [*arithmetic.tax_options, Decimal(0)]:
        for a in adjustments:
            if _close(v + t + a, total, Decimal("0.02")):
                return True
    return False
