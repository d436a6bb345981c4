"""Invoice dates: the invoice date by role, every date printed, and a hotel stay's check-in,
check-out and number of nights. Day/month order comes from the document's own unambiguous
dates, its language and its currency; a date none of them settles is reported, not guessed."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from reimburse.adapters.heuristic.dates import (
    DateMatch,
    find_dates,
    order_evidence,
    second_calendar,
    second_calendar_days,
)
from reimburse.adapters.heuristic.fields import own_value, page_values
from reimburse.adapters.heuristic.label_values import cell_under, cells, label_hits
from reimburse.adapters.heuristic.language import guess_language
from reimburse.adapters.heuristic.layout import Layout
from reimburse.adapters.heuristic.titles import title_references
from reimburse.adapters.heuristic.totals import LineInfo
from reimburse.adapters.invoice_labels.labels import Label, LabelHit
from reimburse.domain.month_names import ENGLISH_MONTHS, LISTOPAD

_NIGHTS = re.compile(
    r"(?i)(?<!\d)(\d{1,2})\s*(?:room\s*)?(?:nights?|nts?\.?(?![^\W\d_])|nächte|nacht|nuits?|nuitées?|"
    r"nachten|noches|notti)(?![^\W\d_])"
    r"|(?:nights?|no\.?\s*of\s*nights|number\s*of\s*nights|nächte|nuits|nachten|noches)\s*[:\-]?\s*(\d{1,2})(?!\d)"
)


@dataclass(frozen=True)
class DateReading:
    invoice_date: date | None
    confidence: float
    dates: tuple[date, ...]
    period_start: date | None
    period_end: date | None
    nights: int | None
    # Set when the invoice date reads two ways and nothing in the document settles which.
    ambiguity: str | None = None


# Labels whose dates have a role of their own: never the invoice date while another date exists.
_OTHER_ROLES = (Label.OTHER_DATE, Label.CHECK_IN, Label.CHECK_OUT, Label.TRAVEL_DATE)
# "01.01.2010 bis 31.12.2010", "25.08.21 - 26.08.21": a period, not an issue date.
_RANGE = re.compile(r"(?i)^\s*(?:-|–|bis|to|till|until|au|à|tot|t/m|al|a|hasta|fino al)\s*$")
# "Zahlbar bis 04.07.2018", "payable by", "à régler avant le": a deadline. Each language's word for
# "until" too, as receipts print a return-by or points-valid-until date: "valido fino al" (Italian).
_DEADLINE = re.compile(
    r"(?i)(?<![^\W\d_])(?:bis|until|till|by|before|avant|jusqu'au|jusqu'à|voor|uiterlijk|antes|hasta|"
    r"entro|fino\s+(?:al|alla|a))"
    r"(?:\s+(?:le|den|dem|del|il|el|de|zum|zur|ao|à|o|a))?\s*:?\s*$"
)
# The short "until" words: "geldig tot", "ruilen t/m" (Dutch), "válido até" (Portuguese), "gyldig
# til" (Danish, Norwegian). They end lines in other senses too ("velkommen til", welcome to), so
# they count only on the date's own line, never wrapped from the line above.
_UNTIL = re.compile(r"(?i)(?<![^\W\d_])(?:tot(?:\s+en\s+met)?|t/m|até(?:\s+(?:ao|à|o|a))?|til)\s*:?\s*$")
# "Credits will expire on 28 Jan 2016", "valid through", "verfällt am", "expire le": an end of validity.
# ("Rewardsexpire": OCR drops the space before so long a word; no word ends in "expire".)
_EXPIRY = re.compile(
    r"(?i)(?:expir(?:e|es|ed|ing|y|ation)|(?<![^\W\d_])(?:valid\s+(?:through|thru)|verfällt|verfallen|"
    r"expirent?|caduca|caducan|scade|scadono|vervalt|vervallen))(?:\s+(?:on|am|le|el|il|op|date))?\s*:?\s*$"
)
# Dates of another time than the sale that receipts print in words before them: a start ("Member
# since", "Kunde seit", "client depuis", "cliente desde / dal", "klant sinds"), an end ("Offer ends",
# "valid to"; never the noun "end": "Shift end", "Period end" print the sale's own day) and a next appointment or visit ("Next appointment", "Nächster Termin", "Prochain
# rendez-vous", "Próxima cita", "Prossima visita", "Volgende afspraak").
_OTHER_TIME = re.compile(
    r"(?i)(?<![^\W\d_])(?:since|seit|depuis|desde|dal|sinds|ends|valid\s+to|"
    r"(?:next|nächste[rsn]?|prochaine?|próxim[oa]|prossim[oa]|volgende)(?:\s+[^\W\d_]+(?:-[^\W\d_]+)?){1,2})\s*:?\s*$"
)
# A cell opening with one word of another role, then its date: "Delivery: Mar 31, 2025", "Shipped:",
# "Lieferung:", "geliefert am", "Livraison :", "livré le", "Entrega:", "Consegna:", "Levering:",
# "Dostawa:", "Leverans:", "Dodání:", "Teslimat:", "Fällig:", "Vence:", "Scad.". The longer labels
# ("Delivery date", "Lieferdatum") are labels of their own; tax point and payment are not here (a
# tax point is the invoice date in the UK; a receipt is paid the day it is issued).
_ROLE_WORD = re.compile(
    r"(?i)(?:^|\s{2,}|\|)\s*(?:"
    r"deliver(?:y|ed)|ship(?:ped|ping|s)?|(?:dispatch|despatch)(?:ed)?|order(?:ed|\s+placed)?|due|"
    r"collect(?:ion|ed)|pick[\s-]?up|"
    r"lieferung|geliefert|versand|versandt|bestellt|bestellung|fällig|abholung|"
    r"livraison|livrée?|expédiée?|expédition|commande|"
    r"entrega|entregado|envío|enviado|pedido|vence|"
    r"consegna|consegnato|spedizione|spedito|ordine|scad(?:enza|\.)|"
    r"levering|geleverd|verzonden|verzending|bestelling|besteld|vervalt|"
    r"envio|expedição|encomenda|"
    r"dostawa|wysyłka|zamówienie|"
    r"leverans|levererad|skickad|förfaller|"
    r"dodání|odesláno|objednávka|"
    r"teslimat|teslim|sevk|sipariş|vade"
    r")(?:\s+(?:tarihi|on|am|le|el|il|op|den|dne))?\s*[:.]?\s*$"
)
_VAT = re.compile(r"(?<![^\W\d_])(?:VAT|Vat|BTW|Btw|btw|MwSt|MWST|USt|TVA|IVA|CGST|SGST|IGST)(?![^\W\d_])")
# An address with a US state and ZIP code ("Las Vegas, NV 89109"); a UK postcode ("EH11 3DP").
_US_ADDRESS = re.compile(
    r"(?<![^\W\d_])(?:AL|AK|AZ|AR|CA|CO|CT|DC|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|"
    r"NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY),?\s+\d{5}(?:-\d{4})?(?!\d)"
)
_UK_POSTCODE = re.compile(r"(?<![A-Z0-9])[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}(?![A-Za-z0-9])")
# Currencies of countries that write numeric dates month-first (only the US among ours).
_MONTH_FIRST_CURRENCIES = frozenset({"USD"})
# Canada writes both orders; with no currency the country is unknown.
_EITHER_ORDER = frozenset({"CAD"})


# A date's format printed as a mask beside its label, as forms do: "Date (dd/mm/yyyy)", "MM/DD/YY",
# "TT.MM.JJJJ" (German), "JJ/MM/AAAA" (French), "GG/MM/AAAA" (Italian), "DD-MM-RRRR" (Polish).
_MASK = re.compile(
    r"(?i)(?<![^\W\d_])(dd|tt|jj|gg|mm)([./-])(?:dd|tt|jj|gg|mm)\2(?:yy|yyyy|jjjj|aaaa|aa|rrrr|rr)(?![^\W\d_])"
)


# Greek, Cyrillic, Hebrew, Arabic and Thai: the countries writing them all put the day first in
# numeric dates (the month-first convention is American English's)
_DAY_FIRST_LETTER = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0e00-\u0e7f]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _day_first_script(text: str) -> bool:
    """Whether the page is written mostly in a script whose countries all write the day first."""
    head = text[:20000]
    return len(_DAY_FIRST_LETTER.findall(head)) > 2 * len(_LATIN_LETTER.findall(head))


def day_month_order(text: str, currency: str | None, language: str | None) -> bool | None:
    """True when numeric dates are month-first, False when day-first, None when unsettled.

    The document's own dates that read only one way decide first; then a date mask printed on a
    line with a date ("Date (MM/DD/YYYY): 03/04/2025"); then its language (every
    language but English writes the day first), a VAT/GST line (no US invoice has one), then the
    country from the currency or the address (a US state and ZIP code, a UK postcode)."""
    month_first, day_first = order_evidence(text)
    if month_first != day_first:
        return month_first
    # only a mask on a line that prints a date describes it; a blank form field's mask does not
    masks = {
        m.group(1).lower() == "mm"
        for line in text.splitlines()
        if find_dates(_MASK.sub(" ", line), month_first=False)
        for m in _MASK.finditer(line)
    }
    if len(masks) == 1:  # the page says how it writes dates: "Date (MM/DD/YYYY)"
        return masks.pop()
    if language is not None and language != "en":
        return False
    if _day_first_script(text):
        return False
    if second_calendar(text) or currency == "NPR":
        # Nepal prints Gregorian dates either way round; its VAT line or rupee settle nothing.
        return None
    if _VAT.search(text):  # a VAT/GST country: the US, the one month-first country, has none
        return False
    if currency in _MONTH_FIRST_CURRENCIES or _US_ADDRESS.search(text):
        return True
    if _UK_POSTCODE.search(text):
        return False
    if currency in _MONTH_FIRST_CURRENCIES:
        return True
    if currency is None or currency in _EITHER_ORDER:
        return None
    return False


def _datelabel_value(
    infos: list[LineInfo], i: int, hit: LabelHit, month_first: bool, layout: Layout | None = None
) -> DateMatch | None:
    own = own_value(infos, i, hit, layout)
    found = find_dates(own, month_first) or _spaced(own, month_first)
    if found:
        return _label_settles(own, found[0])
    for value in page_values(layout, i, hit):  # beside the label or under it, on the page
        found = find_dates(value, month_first)
        if found and not value[: found[0].start].strip(" :"):
            return _label_settles(value, found[0])
    return _wrapped_date(layout, i, hit, month_first) or _header_cell(infos, i, hit, month_first, layout)


# What may follow a date in its cell: nothing, or its time ("04/03/25 14:22", "14h32").
_AFTER_DATE = re.compile(r"(?i)^\s*(?:\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?\s*$")


# Labels of a document's fields: a row holding one beside a plain "Date" is a row of fields, not
# the head of an item table ("Date   Description   Amount" over a first item's date).
_FIELD_ROW_LABELS = frozenset(
    {Label.INVOICE_NO, Label.INVOICE_DATE, Label.OTHER_DATE, Label.BOOKING_NO, Label.FOLIO_NO}
)


def _header_cell(
    infos: list[LineInfo], i: int, hit: LabelHit, month_first: bool, layout: Layout | None
) -> DateMatch | None:
    """A label that is a whole cell of a row of field labels heads a column ("Order Date   Despatch
    Date   Invoice Date   Terms" over "28/02/25   03/03/25   04/03/25   30 days"): its value is the
    cell under it (`cell_under`: on the page, the cell below it), when that cell is a date and
    nothing else."""
    top = cells(infos[i].text)
    column = next((k for k, (start, text) in enumerate(top) if start == hit.start), None)
    if len(top) < 2 or column is None or top[column][1].rstrip(" :") != hit.text:
        return None
    if hit.label is not Label.INVOICE_DATE and not any(
        h is not hit and h.label in _FIELD_ROW_LABELS for h in infos[i].hits
    ):
        return None
    value = cell_under(infos, i, column, layout)
    if value is None:
        return None
    found = find_dates(value, month_first)
    if found and found[0].start == 0 and _AFTER_DATE.match(value[found[0].end :]):
        return found[0]
    return None


# The rest of a date a narrow cell wrapped onto its next row: the year alone ("2025"), or the
# month and year; never words or amounts.
_DATE_REST = re.compile(r"^(?:[^\W\d_]{3,10}\.?\s+)?(?:19|20)\d{2}$")


def _wrapped_date(layout: Layout | None, i: int, hit: LabelHit, month_first: bool) -> DateMatch | None:
    """A date its table cell broke over two rows ("Datum:   17-10-" over "2025", "Factuurdatum:
    18 september" over "2025"): read joined, only when the first part reads as no date itself."""
    placed = layout.placed(i) if layout else None
    if layout is None or placed is None:
        return None
    wrapped = layout.wrapped_right(placed, hit.start, hit.end)
    if wrapped is None:
        return None
    head, rest = wrapped[0].strip(), wrapped[1].strip()
    if not _DATE_REST.match(rest) or find_dates(head, month_first) or not re.search(r"\d", head):
        return None
    joined = head + rest if head.endswith(("-", ".", "/")) else f"{head} {rest}"
    found = find_dates(joined, month_first)
    if found and found[0].start == 0 and found[0].end == len(joined):
        return found[0]
    return None


# "Date: 12 03 2023": the separators read as spaces (OCR, faded print). Right after a date label
# only, where nothing else stands, with a four-digit year and nothing numeric after it.
_SPACED = re.compile(r"^[\s:.]*(?P<a>\d{1,2}) (?P<b>\d{1,2}) (?P<year>(?:19|20)\d{2})(?![\d.,/\-])")


def _spaced(value: str, month_first: bool) -> list[DateMatch]:
    m = _SPACED.match(value)
    if m is None:
        return []
    # the same date with its separators back, read as the reader reads any numeric date
    found = find_dates(f"{m.group('a')}/{m.group('b')}/{m.group('year')}", month_first)
    return [replace(found[0], start=m.start("a"), end=m.end())] if found else []


def _label_settles(value: str, found: DateMatch) -> DateMatch:
    # Right after its date label, a lone digit before the day is the day's own first digit.
    if found.doubt is not None and not value[: found.start].strip(" :"):
        return replace(found, doubt=None)
    return found


# A plain "Date" after a word that gives it another role: "Ship Date", "Dispatch date", "Exp.
# Date", "Versanddatum" is one word and a label of its own elsewhere.
_ROLE_BEFORE = re.compile(
    r"(?i)(?<![^\W\d_])(?:ship(?:ping|ped)?|(?:dispatch|despatch)(?:ed)?|delivery|delivered|exp(?:iry|iration)?\.?|"
    r"expires|birth|start|end|arrival|departure|check[\s-]?(?:in|out)|due|order|print(?:ed)?|"
    r"expédition|envío|envio|spedizione|verzend)\s*$"
)


# ... or after it: "Date Shipped", "Date of shipment", "Date due".
_ROLE_AFTER = re.compile(
    r"(?i)^\s*(?:shipped|dispatched|despatched|delivered|due|printed|of\s+(?:shipment|shipping|delivery|dispatch|despatch|"
    r"birth|service|order|arrival|departure|expiry))(?![^\W\d_])"
)


def _role_given(infos: list[LineInfo], i: int, hit: LabelHit) -> bool:
    text = infos[i].text
    return hit.label is Label.DATE and bool(
        _ROLE_BEFORE.search(text[: hit.start]) or _ROLE_AFTER.match(text[hit.end :])
    )


def _labelled(
    infos: list[LineInfo], label: Label, month_first: bool, layout: Layout | None = None
) -> list[DateMatch]:
    return [
        d
        for i, h in label_hits(infos, label)
        if not _role_given(infos, i, h) and (d := _datelabel_value(infos, i, h, month_first, layout))
    ]


_DIGIT = re.compile(r"\d")


# A sentence's last word: the label followed by its full stop, then nothing or another sentence.
_SENTENCE_END = re.compile(r"^\.(?:\s|$)")


def _named_in_sentence(infos: list[LineInfo], i: int, hit: LabelHit) -> bool:
    """A date label named at the end of a sentence, not printed before a value: "Lieferdatum
    entspricht Rechnungsdatum.", "The date of supply is the invoice date." No date belongs to it."""
    text = infos[i].text
    cell = text[: hit.start].rsplit("  ", 1)[-1]  # its cell's words before it
    after = text[hit.end :]  # a sentence naming the label prints no digits after it (a garbled date)
    return bool(
        _SENTENCE_END.match(after) and re.search(r"[^\W\d_]{2,}", cell) and not re.search(r"\d", after)
    )


def _unread_label(infos: list[LineInfo], month_first: bool, layout: Layout | None) -> bool:
    """Whether an invoice-date or plain date label has digits after it that read as no date: the
    page printed the date, and OCR (or the print) garbled it."""
    for label in (Label.INVOICE_DATE, Label.DATE):
        for i, hit in label_hits(infos, label):
            if (
                _role_given(infos, i, hit)
                or _named_in_sentence(infos, i, hit)
                or not _DIGIT.search(own_value(infos, i, hit, layout)[:24])
            ):
                continue
            if _datelabel_value(infos, i, hit, month_first, layout) is None:
                return True
    return False


def _titled(infos: list[LineInfo], month_first: bool) -> list[DateMatch]:
    """ "Rechnung Nr. 471102 vom 05.06.2018", "Facture du 2 novembre 2019"."""
    out = []
    for ref in title_references(infos):
        if any(a.explicit for a in infos[ref.line].amounts):
            # "Facture d'acompte n° A-12 du 02/09/2025 de 150,00€ - Payé": another invoice, cited
            # with its amount (a deposit settled earlier); a document's own title prints none
            continue
        dated = ref.dated or ""
        found = find_dates(dated, month_first)
        if found and not dated[: found[0].start].strip(" :,"):
            out.append(found[0])
    return out


def _claimed(infos: list[LineInfo], month_first: bool) -> tuple[set[date], Counter[date], set[date]]:
    """Dates printed with another role: due, delivery, period, order, stay, travel, an earlier
    payment's; counted apart, the ends of ranges (a billing period starting on the invoice date
    leaves the date printed alone free); and apart, the dates after one role word ("Order:"),
    a weaker claim (`_role_word_gives_way`)."""
    claimed = {d.value for label in _OTHER_ROLES for d in _labelled(infos, label, month_first)}
    claimed |= {
        d.value
        for i, h in label_hits(infos, Label.DATE)
        if _role_given(infos, i, h) and (d := _datelabel_value(infos, i, h, month_first))
    }
    in_ranges: Counter[date] = Counter()
    role_words: set[date] = set()
    previous = ""
    for info in infos:
        found = find_dates(info.text, month_first)
        for a, b in itertools.pairwise(found):
            if _RANGE.match(info.text[a.end : b.start]):
                in_ranges.update((a.value, b.value))
        for d in found:
            # a sentence may wrap before its date ("... if used by" / "December 31, 2025")
            own = info.text[: d.start]
            before = f"{previous} {own}"
            if (
                _DEADLINE.search(before)
                or _EXPIRY.search(before)
                or _UNTIL.search(own)
                or _OTHER_TIME.search(own)
            ):
                claimed.add(d.value)
            elif _ROLE_WORD.search(info.text[: d.start]):
                role_words.add(d.value)
        previous = info.text if info.text.strip() else previous
        if any(h.label is Label.PREPAID for h in info.hits):
            claimed |= {d.value for d in found}  # "Payment received 09/19/25": a payment's date
    return claimed, in_ranges, role_words


def read_dates(
    infos: list[LineInfo],
    text: str,
    *,
    stay: bool,
    currency: str | None = None,
    layout: Layout | None = None,
) -> DateReading:
    """The invoice date by role: its own label, the title line, a plain "Date", a travel date;
    never a due, delivery, period or order date unless it is the only date printed.
    Check-in/out and nights only for stays (a flight's "Departure"/"Arrival" are not a period)."""
    language = guess_language(text)
    order = day_month_order(text, currency, language)
    month_first = bool(order)
    every: list[DateMatch] = find_dates(text, month_first)
    dates = tuple(dict.fromkeys(d.value for d in every))
    chosen: DateMatch | None = None
    confidence = 0.0
    for found, conf in (
        (_labelled(infos, Label.INVOICE_DATE, month_first, layout), 0.9),
        (_titled(infos, month_first), 0.9),
        (_labelled(infos, Label.DATE, month_first, layout), 0.8),
    ):
        if found:
            chosen, confidence = found[0], conf
            break
    start = end = None
    nights = None
    if stay:
        start = next(iter(_labelled(infos, Label.CHECK_IN, month_first)), None)
        end = next(iter(_labelled(infos, Label.CHECK_OUT, month_first)), None)
        start_d, end_d = start.value if start else None, end.value if end else None
        if start_d is None or end_d is None:
            start_d, end_d = _stay_line(infos, month_first) or (start_d, end_d)
        nights = _nights(text)
        if nights is None and start_d and end_d and end_d > start_d:
            nights = (end_d - start_d).days
        if chosen is None and end is not None:
            chosen, confidence = end, 0.6
    else:
        start_d = end_d = None
    if chosen is None:
        travel = _labelled(infos, Label.TRAVEL_DATE, month_first)
        if travel:
            chosen, confidence = travel[0], 0.7
    role_date_only = label_unread = False
    if chosen is None and every:
        claimed, in_ranges, role_words = _claimed(infos, month_first)
        printed = Counter(d.value for d in every)
        free = [d for d in every if d.value not in claimed and printed[d.value] > in_ranges[d.value]]
        others = [d for d in free if d.value not in role_words]
        if not others or _role_word_gives_way(text, others[0], role_words):
            free = others  # else the role word's date stays free: the other is no invoice date's form
        chosen, confidence = (free[0], 0.5) if free else (every[0], 0.4)
        role_date_only = not free and _unread_label(infos, month_first, layout)
        # An invoice-date label stands on the page, yet no date was read beside or under it (a
        # table's header row OCR'd without its column gaps): the first free date is only a guess.
        label_unread = bool(free) and any(
            not _role_given(infos, i, h) and not _named_in_sentence(infos, i, h)
            for i, h in label_hits(infos, Label.INVOICE_DATE)
        )
    ambiguity = None
    if chosen is not None and order is None and chosen.alternative is not None:
        chosen = _by_second_calendar(text, chosen) or chosen
    if chosen is not None and order is None and chosen.alternative is not None:
        first, second = sorted((chosen.value, chosen.alternative))
        ambiguity = (
            f"The invoice date reads as {first:%d %B %Y} or {second:%d %B %Y}; nothing in the "
            "document (its other dates, language or currency) settles which is the day."
        )
        confidence = min(confidence, 0.5)
    elif chosen is not None and chosen.doubt is not None:
        ambiguity = (
            f"The invoice date is printed with a digit apart from its day: it reads as "
            f"{chosen.value:%d %B %Y} or {chosen.doubt:%d %B %Y}, and nothing says which."
        )
        confidence = min(confidence, 0.5)
    elif chosen is not None and chosen.split_year is not None:
        ambiguity = (
            f"The invoice date's year is printed as two digits with two more apart after it: it reads "
            f"as {chosen.value:%d %B %Y} or {chosen.split_year:%d %B %Y}, and nothing says which."
        )
        confidence = min(confidence, 0.5)
    elif chosen is not None and role_date_only:
        ambiguity = (
            f"The invoice date's label is printed but its date could not be read; the only date read, "
            f"{chosen.value:%d %B %Y}, has another role (due, delivery, period)."
        )
        confidence = min(confidence, 0.4)
    elif chosen is not None and label_unread:
        ambiguity = (
            f"The invoice date's label is printed but no date was read for it; {chosen.value:%d %B %Y} "
            "is only the first date printed with no other role."
        )
        confidence = min(confidence, 0.4)
    elif chosen is not None and _croatian_october(chosen, text):
        ambiguity = (
            f"The invoice date's month is printed as {chosen.month!r}: November in Polish and Czech, "
            f"October in Croatian, and nothing in the document says which language it is."
        )
        confidence = min(confidence, 0.5)
    elif chosen is not None and (meant := _misread_month(chosen, language)):
        ambiguity = (
            f"The invoice date's month is printed as {chosen.month!r}, which an English document "
            f"would not write; it may be a misread {meant}: {chosen.value:%d %B %Y} is not sure."
        )
        confidence = min(confidence, 0.5)
    return DateReading(chosen.value if chosen else None, confidence, dates, start_d, end_d, nights, ambiguity)


# Letters of the Polish and Czech alphabets that Croatian lacks, and their currencies.
_POLISH_OR_CZECH = re.compile(r"[łąęńśźżěřůťŁĄĘŃŚŹŻĚŘŮŤ]|(?<![^\W\d_])(?:zł|Kč|PLN|CZK)(?![^\W\d_])")


def _croatian_october(found: DateMatch, text: str) -> bool:
    """Whether a "listopad(a)" date may be Croatian (October): no Polish or Czech letter or
    currency in the document settles it as November."""
    return (found.month or "").lower() in LISTOPAD and not _POLISH_OR_CZECH.search(text)


def _misread_month(found: DateMatch, language: str | None) -> str | None:
    """The English name of another month that the month word of an English document is one letter
    from, when that word is not English: "12 Mai 2023" may be a misread "Mar" (German May is "Mai")."""
    if language != "en" or found.month is None:
        return None
    word = found.month.lower()
    if word in ENGLISH_MONTHS:
        return None
    near = [
        name
        for name, number in ENGLISH_MONTHS.items()
        if len(name) == len(word)
        and number != found.value.month
        and sum(a != b for a, b in zip(name, word, strict=True)) == 1
    ]
    return " or ".join(repr(n.title()) for n in near) or None


def _by_second_calendar(text: str, chosen: DateMatch) -> DateMatch | None:
    """The one reading of an ambiguous date that the national calendar's date beside it confirms
    ("Date: 07/05/2024" under "Miti: 21/03/2081", which falls in early July 2024)."""
    near = second_calendar_days(text)
    fits = [
        v
        for v in (chosen.value, chosen.alternative)
        if v is not None and any(abs((v - d).days) <= 12 for d in near)
    ]
    return replace(chosen, value=fits[0], alternative=None) if len(fits) == 1 else None


def _stay_line(infos: list[LineInfo], month_first: bool) -> tuple[date, date] | None:
    """'Stay: 12 Dec 2024 - 14 Dec 2024' / 'Period 12.12.2024 to 14.12.2024'."""
    for info in infos:
        if re.search(
            r"(?i)\b(stay|period|dates? of stay|aufenthalt|séjour|verblijf|estancia|soggiorno)\b", info.text
        ):
            found = find_dates(info.text, month_first)
            if len(found) >= 2:
                return found[0].value, found[1].value
    return None


def _nights(text: str) -> int | None:
    m = _NIGHTS.search(text)
    if m is None:
        return None
    value = int(m.group(1) or m.group(2))
    return value if 0 < value <= 60 else None


# An invoice's own date printed far from an order's or delivery's is printed alone or after a label
# of its own; a date inside words ("Member since", "Offer ends") is another role's.
_ROLE_WORD_WINDOW_DAYS = 45


def _role_word_gives_way(text: str, other: DateMatch, role_words: set[date]) -> bool:
    """Whether the dates after one role word ("Order: 14/03/2025") give way to another free date:
    one printed alone in its cell or after a colon label ("Tax point:"), or one within
    `_ROLE_WORD_WINDOW_DAYS` of them (the same purchase's dates)."""
    near = min((abs((other.value - r).days) for r in role_words), default=0) <= _ROLE_WORD_WINDOW_DAYS
    return near or _bare(text, other)


def _bare(text: str, found: DateMatch) -> bool:
    """Whether a date stands alone in its cell or after a label of its own ("Tax point:"), not
    after words ("Member since")."""
    line_start = text.rfind("\n", 0, found.start) + 1
    cell = re.split(r"\s{2,}|\|", text[line_start : found.start])[-1]
    return not re.search(r"[^\W\d_]", cell) or cell.rstrip().endswith(":")
