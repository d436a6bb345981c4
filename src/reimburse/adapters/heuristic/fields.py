"""Invoice fields other than money and dates: vendor, invoice number, names."""

from __future__ import annotations

import re

from reimburse.adapters.heuristic.dates import find_dates
from reimburse.adapters.heuristic.label_values import cells, label_hits, label_value
from reimburse.adapters.heuristic.layout import Layout
from reimburse.adapters.heuristic.mail_header import subject_reference
from reimburse.adapters.heuristic.titles import is_reference, title_cells, title_references
from reimburse.adapters.heuristic.totals import LineInfo
from reimburse.adapters.heuristic.vendor import read_vendor
from reimburse.adapters.invoice_labels.labels import Label, LabelHit, find_labels

__all__ = ["read_names", "read_number", "read_vendor"]

# A series code in capitals set apart from its number ("FT A/123", "FR 2024/55", "INV 00045").
_SERIES = r"(?:(?-i:[A-Z]{1,4})\s(?=[A-Za-z0-9/.\-]*\d))?"
_LOOSE_NUMBER = re.compile(r"^[A-Z]{1,6}[-/][A-Z0-9][A-Z0-9\-/]{3,}$")
_HONORIFIC = re.compile(
    r"(?i)^(mr|mrs|ms|miss|mx|dr|prof|shri|smt|sri|kumari|herrn|herr|frau|m|mme|mlle|dhr|mevr|sr|sra|srta|sig|sig\.ra)\.?\s+"
)
_NAME_STOP = re.compile(
    r"(?i)^(age|gender|sex|seat|berth|coach|status|date|room|mobile|phone|email|e-mail|gstin|id|no|"
    r"number|pnr|ticket|booking|from|to|address|adult|child|male|female|m|f|class|quota|nationality|"
    r"check|arrival|departure|nights?|pax|adults?|children|invoice|bill|contact|tel|company|gst)$"
)
_NOT_NAMES = {
    "details",
    "information",
    "info",
    "address",
    "n/a",
    "na",
    "cash",
    "card",
    "guest",
    "customer",
    "passenger",
    "name",
    "walk in",
    "walk-in",
    "walkin",
    "self",
    "traveller",
    "traveler",
    "client",
}
# Table headings and document words printed where a name label's value would be.
_NOT_A_NAME = re.compile(
    r"(?i)^(boarding|receipts?|signature|unterschrift|cashier|kassierer|credit|debit|description|"
    r"beschreibung|bezeichnung|artikel|positions?|anschrift|address|adresse|room|zimmer|total|summe|"
    r"amount|betrag|details|seat|date|datum|fare|class|status|type|copy|original|incoterms?|payment|"
    r"espace|service|support|care|account|number|nummer|blagajnik\w*|contact|suivez|votre)\b"
)
# Words of organisations, not people: a "Name:" in a bank or seller block names a company.
_ORGANISATION = re.compile(
    r"(?i)(?<![^\W\d_])(services?|supplies|financial|finance|consulting|group|bank|hotels?|restaurant|"
    r"company|holding|international|solutions|systems|trading|store|shop|caf[eé]|industries|partners|"
    r"associates|foundation|verein|versicherung\w*|gesellschaft|stiftung|handel|technik|airlines?|"
    r"airways|travels?|tours|logistics|telecom|software|agency|agentur|limited|corporation)(?![^\W\d_])"
)
_NUMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-/_.]*[A-Za-z0-9]|[A-Za-z0-9]")


def read_number(infos: list[LineInfo], layout: Layout | None = None) -> tuple[str | None, float]:
    """The invoice number by its label, then beside the document's title, then a booking, ticket,
    receipt or order reference; never a date, phone, IBAN, tax or customer number.

    With a page layout, a label whose line holds no number is also read where the page prints its
    value: right of it on the same row, or under it in the same column."""
    combined = _combined_label(infos, invoice=True)
    if combined:
        return combined, 0.85
    folio = None
    for i, hit in label_hits(infos, Label.INVOICE_NO, Label.FOLIO_NO):
        for value in _values(infos, i, hit, layout):
            token = _labelled_number(value, hit.text, letters_only=True)
            if token and hit.label is Label.FOLIO_NO:
                # A hotel's folio is its account of the stay; the invoice it issues has its own
                # number ("VAT INVOICE: 3854615" above "Folio No 612971A"), which wins when printed.
                folio = folio or token
            elif token:
                return token, 0.85
    short = _short_invoice_number(infos)
    if short:
        return short, 0.8
    for ref in title_references(infos):
        if ref.number and not _is_identifier(ref.number):
            return ref.number, 0.8
    if folio:
        return folio, 0.85
    for token in _under_title(infos, layout):
        return token, 0.75
    # the receipt's own number ("Receipt: 1877934", "Bon: 4711") before an order's or a booking's
    till = _till_reference(infos, documents_only=True)
    if till:
        return till, 0.6
    for info in infos:
        m = _JA_RECEIPT_NO.search(info.text)
        if m:
            return m.group("num"), 0.6
    for i, hit in label_hits(infos, Label.BOOKING_NO):
        for value in _values(infos, i, hit, layout):
            token = _labelled_number(value, hit.text, letters_only=False)
            if token:
                return token, 0.7
    combined = _combined_label(infos, invoice=False)
    if combined:
        return combined, 0.5
    till = _till_reference(infos, documents_only=False)
    if till:
        return till, 0.6
    subject = subject_reference([info.text for info in infos])
    if subject:  # a printed e-mail's subject: "Your receipt [#CN-88412]", "Deine Bestellung NL25-0412"
        return subject, 0.6
    for info in infos:  # "Nr: 3047", "Numero: 88/2019", "Trn #: 5521": a bare number word
        for m in _BARE_NO.finditer(info.text):
            word, token = (m.group("word") or "").casefold(), m.group("num")
            if word in _NOT_THE_DOCUMENT or not is_reference(token) or find_dates(token):
                continue
            if _PHONE_WORD.match(word):  # "Telefono: 5132800", "Teléfono:": the word ends in "no"
                continue
            if _PHONE.fullmatch(token) or re.fullmatch(r"\d{1,3}(?:[.,]\d{3})*[.,]\d{2}", token):
                continue
            return token, 0.5
    # An unlabelled reference printed beside the vendor name ("Namma Yatri   NY-20240517-3321").
    for info in [i for i in infos if i.text.strip()][:3]:
        for _, cell in cells(info.text):
            if _LOOSE_NUMBER.match(cell) and any(ch.isdigit() for ch in cell) and not info.hits:
                return cell, 0.4
    return None, 0.0


# "Invoice Number: 14", "Rechnung Nr.: 7": a small business's first invoices carry one or two
# digits. Only right after the label and its colon or "#", at the end of the line or before a
# column gap, so a count or a page ("Invoice 1 of 2") is not taken. The numero sign's degree
# ("Fattura n°: 47", "Facture n°: 12") closes the label word the way a dot does.
_SHORT_VALUE = re.compile(r"^[.°º]?\s*(?P<mark>[:#])?\s*(?P<num>[1-9]\d?)(?=\s*$|\s{2,})")


def _short_invoice_number(infos: list[LineInfo]) -> str | None:
    # the invoice's own label first; a folio's number stands in for it (see read_number)
    for label in (Label.INVOICE_NO, Label.FOLIO_NO):
        for i, hit in label_hits(infos, label):
            m = _SHORT_VALUE.match(infos[i].text[hit.end :])
            if m and (m.group("mark") or hit.text.endswith("#")):
                return m.group("num")
    return None


def _till_reference(infos: list[LineInfo], *, documents_only: bool) -> str | None:
    """A till's "Receipt: 1877934" anywhere on the page; with `documents_only`, only a word that
    names the document itself, not a check, order or transaction. A key set in a column of its own
    ("Receipt:      1042", a fixed-width till's layout) is read only when no key on the page prints
    its value right after it: a card slip's "Receipt:   02/0036/0501" is the terminal's, not the
    till's "Receipt:1877934"."""
    for gapped in (False, True):
        for info in infos:
            row = [cell for _, cell in cells(info.text)]
            for k, cell in enumerate(row):
                if gapped:
                    if not cell.rstrip().endswith(":") or k + 1 >= len(row):
                        continue
                    cell = f"{cell} {row[k + 1]}"
                if (found := _till_cell(cell, documents_only)) is not None:
                    return found
    return None


def _till_cell(cell: str, documents_only: bool) -> str | None:
    # a till prints several "key:value" pairs in one run ("Terminal:2 Receipt:1877934")
    starts = [0, *(k + 1 for k, ch in enumerate(cell) if ch == " " and ":" in cell[:k])]
    for at in starts:
        m = _RECEIPT_REF.match(cell[at:])
        if m is None or (documents_only and _NOT_THE_RECEIPT.match(m.group("word"))):
            continue
        if is_reference(m.group("num")) and not find_dates(m.group("num")):
            return m.group("num")
    return None


# A till's reference: "Receipt: 1877934", "Trans #: 4432", "Check 5521", "Bon-Nr 0815".
_RECEIPT_REF = re.compile(
    r"(?i)^(?P<word>receipt|quittung|beleg|bon|kassenbon|reçu|ticket|bonnetje|recibo|ricevuta|scontrino|"
    r"check|chk|order|trans|transaction|txn|folio|invoice|rechnung|facture|factuur|factura|fattura|"
    r"fatura|talão|kvitto|paragon|rachunek|[úu][čc]tenka|ra[čc]un|documento|kassabon|"
    # Latvian and Lithuanian tills: "Dok. Nr.", "Čeka Nr.", "Kvīts Nr.", "Čekio Nr."
    r"dok|dokuments|dokumenta|[čc]eks|[čc]eka|kv[īi]ts|[čc]ekis|[čc]ekio|kvito)"
    # ";" is how scanner OCR often reads the colon
    rf"\s*[-.]?\s*(?:no\.?|nr\.?|n°|nº|num\.?|#)?\s*[:;#]\s*(?P<num>{_SERIES}[A-Za-z0-9][A-Za-z0-9\-/]*[0-9])(?:\s|$)"
)
# Japanese tills print the receipt's number as "レシートNo.18" or "レシートNo7803", with no colon.
_JA_RECEIPT_NO = re.compile(r"レシート\s*(?:No|NO|№)\.?\s*[:：]?\s*(?P<num>\d{1,10})(?!\d)")
# Records other than the receipt itself: a guest check, an order, a card transaction, a ticket.
_NOT_THE_RECEIPT = re.compile(r"(?i)check|chk|order|trans|transaction|txn|ticket")
# "HA007 - 123123 - 37816396", "01.234.567.8-2018-1": parts joined by separators, spaced or not.
# A series prefix set apart by a space counts too: "INV 00045", "RE 2024-17", "G ABC19014325".
# A full stop then a space ends a sentence, not a part: "votre commande n°4187. Elle est ..." is 4187.
_JOINED = re.compile(
    r"(?:[A-Z]{1,4} (?=[A-Za-z0-9/.\-]*\d))?[A-Za-z0-9][A-Za-z0-9_]*"
    r"(?:(?:\s?[-/]\s?|\.(?!\s)|\s\.\s?)[A-Za-z0-9_]+)*"
)
# A number word with at most one short word before it ("Nr:", "Numero:", "Rcpt #:") at the start of
# a cell, and its value; the word must not name something else that is numbered (_NOT_THE_DOCUMENT).
_BARE_NO = re.compile(
    r"(?i)(?:^|(?<=\s\s)|(?<=\|))\s*(?:(?P<word>[^\W\d_]{2,12})\.?\s?-?)?"
    r"(?:nr|no|n°|nº|n\.º|num|numero|número|nummer|number|#)\.?\s*[:#]\s*"
    rf"(?P<num>{_SERIES}[A-Za-z0-9][A-Za-z0-9\-/]*\d[A-Za-z0-9\-/]*)(?=\s|$)"
)
# The phone's word in Spanish, Italian, Portuguese, German, French and English, which _BARE_NO
# would split into a word and "no" ("Telefo" + "no").
_PHONE_WORD = re.compile(r"(?i)^t[eé]l[eé](?:f|ph)")
_NOT_THE_DOCUMENT = frozenset(
    re.split(
        r"\s+",
        "table tisch tafel mesa tavolo room zimmer chambre habitación habitacion camera kamer store shop "
        "filiale site terminal term pump säule seat sitz guest guests gäste pax cover covers server "
        "cashier kassierer station register till pos kasse kassa page seite phone tel fax vat tax gst ust "
        "uid account konto card karte auth approval member customer client kunde kunden klant cliente "
        "loyalty points item qty article artikel art plu ean sku batch lot serial house haus unit apt "
        "flat suite floor gate platform gleis coach wagen car vehicle driver fahrer staff emp employee "
        "mitarbeiter bediener user host steuer iban bic swift blz reg id tse tid mid aid company co "
        "firma registration regn business license licence permit tin pan cin ic nric passport mobile hp "
        "telp contact hotline postcode zip plz block blk trx txn trace stan appr act "
        # German compounds numbered on receipts: "St.-Nr.", "Kassen-Nr.", "Karten-Nr.", "Kto.-Nr."
        "st stnr steuernr hrb hra kto kassen karten mitglieds ident vertrags contract liefer "
        "lieferschein delivery filial markt mandant ta seq "
        # Japanese: レジ is the till ("レジNO : 8911")
        "レジ "
        # tax and company register ids: Dutch BTW / KvK, Iberian NIF / CIF / NIPC, Italian IVA, French
        # SIRET / SIREN / TVA, Australian ABN / ACN, US EIN
        "btw kvk nif cif nipc nie iva piva siret siren tva abn acn ein mwst",
    )
)
# One label for two values, the number and the date ("Invoice No. / Date:", "Rechnungs-Nr./Datum",
# "N° / Date", "No. & Date"), over "INV-77 / 12.03.2024" or two columns.
_COMBINED = re.compile(
    r"(?i)(?:^|(?<=\s)|(?<=\|))(?:(?P<word>[^\W\d_]{2,14})[\s.\-]{0,2})?"
    r"(?:nr|no|n°|nº|n\.º|num|number|nummer|numéro|número|numero)\.?\s*(?:[/&+]|and|und|et|y|e)\s*"
    r"(?:date|datum|data|fecha|dt)\.?(?![^\W\d_])\s*[:#]?\s*(?P<value>.*)$"
)
# Words that name the document itself before "No." ("Invoice", "Rechnungs", "Facture", "Beleg").
_DOCUMENT_WORD = re.compile(
    r"(?i)^(?:invoice|inv|bill|receipt|rcpt|document|doc|voucher|folio|rechnungs?|re|rg|beleg|bon|"
    r"quittungs?|facture|factuur|factura|fattura|fatura|documento|ricevuta|recibo|reçu|nota)$"
)
_IBAN = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}")
_PHONE = re.compile(r"\+?\d[\d ()/-]{8,}\d")


def _under_title(infos: list[LineInfo], layout: Layout | None) -> list[str]:
    """A reference printed under the title in its column on the page ("TAX INVOICE" over
    "MSFT0011223344" in the header's right column), past a logo's fragment or a blank cell."""
    if layout is None:
        return []
    found = []
    for i, start, end in title_cells(infos):
        placed = layout.placed(i)
        for cell in layout.column_below(placed, start, end) if placed else []:
            token = cell.strip(" :#")
            if (
                re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9\-/.]*\d[A-Za-z0-9\-/]*", token)
                and is_reference(token)
                and not find_dates(token)
                and not find_labels(cell)
                and not _is_identifier(token)
                and not re.fullmatch(r"\d{1,3}(?:[.,]\d{3})*[.,]\d{2}", token)
            ):
                found.append(token)
                break
    return found


def _combined_label(infos: list[LineInfo], *, invoice: bool) -> str | None:
    """The number under a label shared with the date: named by a document word ("Invoice No. /
    Date") when `invoice`, else by no word at all ("N° / Date")."""
    for i, info in enumerate(infos):
        m = _COMBINED.search(info.text)
        if m is None:
            continue
        word = m.group("word")
        named = bool(word and _DOCUMENT_WORD.match(word))
        if (invoice and not named) or (not invoice and word):
            continue
        value = m.group("value")
        if not re.search(r"\w", value):
            below = next((x.text for x in infos[i + 1 : i + 3] if x.text.strip()), "")
            row = cells(below)
            column = [c for start, c in row if start <= m.start() + 2]
            value = column[-1] if column else (row[0][1] if row else "")
        token = _labelled_number(value, m.group(0), letters_only=False)
        if token:
            return token
    return None


def _values(infos: list[LineInfo], i: int, hit: LabelHit, layout: Layout | None) -> list[str]:
    """The label's value from the text line, then (with a layout) beside and under it on the page.
    A value the text found on the next line comes after the page's: in a header row whose cells OCR
    ran together ("Data Documento Numero Documento" over five values), only the page knows which
    value sits under which heading."""
    own = own_value(infos, i, hit, layout)
    page = page_values(layout, i, hit) or _under_heading(layout, i, hit)
    if page and own.strip() and own.strip() not in infos[i].text:
        return [*page, own]
    return [own, *page]


def _under_heading(layout: Layout | None, i: int, hit: LabelHit) -> list[str]:
    """A number's label in a row of headings ("Booking ID   Payment Mode" over "IBZY2087   Cash at
    Hotel"): the cell under it. page_values leaves a column's first row to the table; a number's
    label still names what is printed under it, and the callers take a reference code only."""
    placed = layout.placed(i) if layout else None
    if layout is None or placed is None:
        return []
    below = layout.below(placed, hit.start, hit.end)
    return [below] if below else []


def own_value(infos: list[LineInfo], i: int, hit: LabelHit, layout: Layout | None = None) -> str:
    """label_value, except the next line when that line starts with a label of its own: a label
    alone on its line followed by "Due date   02.06.2024" has its value elsewhere on the page."""
    value = label_value(infos, i, hit, layout)
    rest = infos[i].text[hit.end :].strip(" :#.-=|\t")
    if rest or not value.strip():
        return value
    nxt = next((info for info in infos[i + 1 : i + 3] if info.text.strip()), None)
    if nxt is not None and nxt.hits and value.strip() in nxt.text:
        lead = len(nxt.text) - len(nxt.text.lstrip())
        if nxt.hits[0].start <= lead + 1:
            return ""
    return value


def page_values(layout: Layout | None, i: int, hit: LabelHit) -> list[str]:
    """Where the page prints a label's value: the cell right of it on its row, else the cell under
    it in its column. A label with words right of it heads a table column ("Fecha   Habitación"):
    the cell under it is the first row of the table, not its value."""
    placed = layout.placed(i) if layout else None
    if layout is None or placed is None:
        return []
    right = layout.right_of(placed, hit.start, hit.end)
    if right and not any(ch.isdigit() for ch in right[0]):
        # ... unless the row is one of field labels ("Invoice Number   Invoice Date   Order Date"
        # over their values, as shop and hotel invoices print their summary): each value is under
        # its label.
        if not any(_opens_with_field_label(cell) for cell in right):
            return []
        below = layout.below(placed, hit.start, hit.end)
        return [below] if below else []
    below = None if right else layout.below(placed, hit.start, hit.end)
    return [*right[:1], *([below] if below else [])]


_FIELD_LABELS = frozenset(
    {Label.INVOICE_NO, Label.INVOICE_DATE, Label.OTHER_DATE, Label.BOOKING_NO, Label.FOLIO_NO}
)


def _opens_with_field_label(cell: str) -> bool:
    hits = find_labels(cell)
    return bool(hits) and hits[0].start == 0 and hits[0].label in _FIELD_LABELS


# A telephone number as printed: a "+" country code or a leading "0" trunk prefix, then groups.
# Beside a number's label it is the neighbouring block's phone ("Invoice Number   03 9012 4471").
_PHONE_VALUE = re.compile(r"(?:\+\d{1,3}\s?|\(?0\d{1,4}\)?\s)\d{2,4}(?:[\s-]\d{2,4}){1,3}")


def _labelled_number(value: str, label: str, *, letters_only: bool) -> str | None:
    if _PHONE_VALUE.fullmatch(re.split(r"\s{2,}", value.strip())[0]):
        return None
    value = _before_date(value)
    value = re.sub(r"\s{2,}[-/]\s*", " - ", value)  # a separator set apart by a column gap
    # "88 123", "1 234 567": a long number printed in groups of three, as French, Nordic and SI
    # typography set digits; one number, not a counter and a second one
    value = _DIGIT_GROUPS.sub(lambda m: m.group(0).replace(" ", ""), value)
    cell = re.split(r"\s{2,}", value.strip())[0]
    if _SPACED_GROUPS.fullmatch(cell):
        return cell  # "8827 1045 5521": a telecom's or utility's number printed in blocks
    for m in _JOINED.finditer(value):
        token = re.sub(r"\s", "", m.group(0)).strip("-/.")
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})*[.,]\d{2}", token):
            continue  # an amount ("Total 5.00" on the line under a label)
        if _is_number(token, label) and not _is_identifier(token):
            return _as_printed(m.group(0))
        if letters_only and re.fullmatch(r"[A-Z]{5,10}", token):
            return token  # a booking code used as the invoice number ("Rechnungsnummer: NFCZMQ")
    return None


def _before_date(value: str) -> str:
    """The value up to a date set apart by a spaced "/", "&" or "|" or a column gap: "INV-77 /
    12.03.2024" prints the number and then its date."""
    for gap in re.finditer(r"\s+[/&|]\s*|\s{2,}", value):
        part = re.split(r"\s+[/&|]\s*|\s{2,}", value[gap.end() :], maxsplit=1)[0].strip()
        dates = find_dates(part)
        if value[: gap.start()].strip() and dates and dates[0].end - dates[0].start == len(part):
            return value[: gap.start()]
    return value


_DIGIT_GROUPS = re.compile(r"(?<![\w.,/-])\d{1,3}(?: \d{3})+(?![\w/-]|[.,]\d)")
# Three or more blocks of two to four digits set apart by single spaces and filling the label's cell:
# German and Benelux telecom and utility bills print their invoice numbers so ("30 1188 4520").
_SPACED_GROUPS = re.compile(r"\d{2,4}(?: \d{2,4}){2,}")


def _is_number(token: str, label: str) -> bool:
    if find_dates(token) or len(token) < 3:
        return False
    if any(ch.isdigit() for ch in token):
        return True
    # A PNR / booking code may be letters only ("XKQZPL"), but never an ordinary word.
    return bool(re.fullmatch(r"[A-Z]{5,8}", token)) and "pnr" in label.lower().replace(" ", "")


def _as_printed(raw: str) -> str:
    return re.sub(r"\s+", " ", raw).strip(" -/.")


def _is_identifier(token: str) -> bool:
    """An IBAN or a phone number: printed near invoice numbers, never one."""
    return bool(_IBAN.fullmatch(token) or (token.startswith("+") and _PHONE.fullmatch(token)))


def read_names(infos: list[LineInfo], layout: Layout | None = None) -> tuple[str, ...]:
    """People named by a name label ("Guest: Rani Sharma", "Passagier   Walter, Jens"); a label
    inside a sentence or heading a table column of other things names nobody."""
    names: list[str] = []
    for i, hit in label_hits(infos, Label.NAME):
        if not _stands_as_label(infos[i].text, hit.start, hit.end):
            continue
        value = label_value(infos, i, hit, layout)
        if _header_row(infos[i].text) and value.strip() in infos[i].text:
            continue  # "Name   Dateiname   Art": column headings, and no row under them
        name = _name(re.split(r"\s{2,}", value.strip(" :-#"))[0])
        if name and name.lower() not in (n.lower() for n in names):
            names.append(name)
    return tuple(names[:5])


def _header_row(line: str) -> bool:
    row = cells(line)
    return len(row) >= 3 and not any(re.search(r"[\d:]", c) for _, c in row)


def _stands_as_label(line: str, start: int, end: int) -> bool:
    """At the start of its cell, and followed by ":", a column gap or nothing ("Passenger Receipt"
    and "Espace Client Bouygues" are not labels)."""
    before, after = line[:start], line[end:]
    if before.strip() and not re.search(r"(\s{2}|[|:;])\s*$", before):
        return False
    return bool(re.match(r"\s*(?:[:#\-]|$)|\s{2}|\s*\(", after))


# "Walter, Jens": surname first, as hotel folios and airline manifests print it.
_SURNAME_FIRST = re.compile(r"^([^\W\d_][^\W\d_'\-]+),\s*([^\W\d_][^\W\d_'\-]+)(?:\s*(?:,|$|\s{2}))")
_COMPANY = re.compile(
    r"(?<![^\W\d_])(GmbH|AG|KG|Ltd|Limited|LLC|Inc|SAS|SARL|SA|B\.V|BV|S\.L|S\.p\.A|Srl|d\.o\.o|d\.d|PLC|Pvt)"
    r"(?![^\W\d_])",
    re.I,
)


def _name(value: str) -> str | None:
    text = _HONORIFIC.sub("", value.strip(" :-#"))
    m = _SURNAME_FIRST.match(text)
    if m and m.group(1)[0].isupper() and m.group(2)[0].isupper():
        text = f"{m.group(2)} {m.group(1)}"
    if _COMPANY.search(text) or find_labels(text[:40]):
        return None  # a company or another field's heading, not a person
    words: list[str] = []
    for word in re.split(r"\s+|,", text):
        if not word:
            if words:
                break
            continue
        bare = word.strip(".")
        if (
            not re.fullmatch(r"[^\W\d_][^\W\d_'.\-]*", bare)
            or _NAME_STOP.match(bare)
            or not bare[0].isupper()
        ):
            break
        words.append(bare)
        if len(words) == 4:
            break
    name = " ".join(words)
    if (
        not words
        or name.lower() in _NOT_NAMES
        or len(name) < 2
        or _NOT_A_NAME.search(name)
        or _ORGANISATION.search(name)
    ):
        return None
    if len(words) == 1 and name.isupper() and len(name) > 3 and not m:
        return None  # "CREDIT", "BOARDING": a heading in capitals, not a person
    return name
