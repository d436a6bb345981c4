"""The vendor: the issuer of the invoice, read from its seller label or its issuer block.

Where a person finds the issuer: a "Seller"/"Verkäufer" block; the one-line sender address
above the window envelope's recipient ("Au bon moulin SARL - 1242 chemin ... - 84340 Malaucène",
a DIN 5008 / NF convention, or a one-line letterhead); a company name with its legal form (GmbH,
Ltd, SAS, B.V., S.L., S.p.A., Inc, Sdn Bhd ...) beside its registration or tax details, at the top
of the first page, or repeated in the footers; a printed e-mail's sender ("From: Shop <orders@shop.de>",
mail_header.py); a receipt's greeting ("Welcome to ...") or a shop mail's thanks ("Thank you for
your order from ..."); the top line of the page; at last the web or mail domain. Never a salutation
("Hi Anna,", "Ciao Giulia,"). Never the customer's block (after "Bill to",
"Rechnungsadresse", a "Herr/Mr" line or under a sender line), never a person the invoice names,
a label, a field's value, a boilerplate sentence or a country.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from reimburse.adapters.heuristic.amounts import find_amounts
from reimburse.adapters.heuristic.dates import find_dates
from reimburse.adapters.heuristic.label_values import cells, label_hits, label_value
from reimburse.adapters.heuristic.layout import Layout, words_in
from reimburse.adapters.heuristic.mail_header import FREE_MAIL, mail_sender
from reimburse.adapters.heuristic.parties import RECIPIENT_LABEL
from reimburse.adapters.heuristic.places import US_STATES, US_STATES_AMBIGUOUS
from reimburse.adapters.heuristic.text import clean_spaces
from reimburse.adapters.heuristic.totals import LineInfo
from reimburse.adapters.invoice_labels.labels import Label, find_labels, ocr_letters

_LEGAL = (
    r"(?:GmbH\s*&\s*Co\.?\s*KG|GmbH|GMBH|mbH|AG|KGaA|KG|OHG|UG|e\.\s?K\.|SE|a\.\s?G\.|e\.\s?V\.|"
    r"Pvt\.?\s*Ltd\.?|PVT\.?\s*LTD\.?|Pvt\.?\s*Limited|PVT\.?\s*LIMITED|Private\s+Limited|Pty\.?\s*Ltd\.?|Ltd\.?|LTD\.?|Limited|LIMITED|PLC|plc|LLP|LLC|"
    r"L\.L\.C\.|Inc\.?|INC\.?|Corp\.?|Corporation|S\.A\.S\.?|SAS|SARL|S\.A\.R\.L\.?|EURL|SNC|S\.A\.|SA|"
    r"B\.V\.?|BV|N\.V\.?|NV|V\.O\.F\.|VOF|S\.L\.U\.?|S\.L\.|SL|S\.p\.A\.?|SpA|S\.P\.A\.|S\.r\.l\.?|Srl|SRL|"
    r"S\.n\.c\.|d\.d\.|d\.o\.o\.|AB|Oy|ApS|A/S|s\.r\.o\.|Sp\.\s?z\s?o\.\s?o\.|GesmbH|Ges\.m\.b\.H\.|"
    r"Sdn\.?\s?Bhd\.?|SDN\.?\s?BHD\.?|Bhd\.?|BHD\.?|S/B|Pte\.?\s?Ltd\.?|PTE\.?\s?LTD\.?|"
    # German partnerships, Swiss, Hungarian, Portuguese, Brazilian and Turkish companies
    r"GbR|PartG|S[àa]rl|Kft\.?|Zrt\.?|Nyrt\.?|Lda\.?|Ltda\.?|A\.\s?Ş\.?|"
    # English "Co." (company) closing a name ("Pinecrest Print Co."), never before another word:
    # "Co. Cork" is an Irish county, "& Co. KG" a partnership above
    r"Co\.(?=\s*$))"
)
_LEGAL_RE = re.compile(rf"(?<![^\W\d_]){_LEGAL}(?![^\W\d_])")
# Postcodes whose capitals read as a legal form ("AB", "BV", "SE", "SA", "NV"), by postal convention:
# the Dutch four digits (the first never 0) and two capitals (never SA, SD or SS) before the town
# ("3511 AB Utrecht", "3511AB Utrecht"); the British outward and inward codes ("SE1 9QQ",
# "AB10 1XY", "EC1A 1AB"); a US state's code before its ZIP ("Reno NV 89501"); an Australian
# state's before its four-digit postcode ("Adelaide SA 5000"), which ends the address or comes
# before "Australia" or the contact details; a town after it makes "SA" a Swiss or Belgian
# legal form ("Favre SA 1003 Lausanne").
_AU_STATE_POSTCODE = r"(?<![^\W\d_])(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\s+\d{4}"
_FORM_LIKE_POSTCODE = re.compile(
    r"(?<!\d)[1-9]\d{3}\s?(?!S[ADS])[A-Z]{2}(?=\s+[^\W\d_]{2,})"
    r"|(?<![^\W\d_])[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}(?![^\W\d_])"
    r"|(?<![^\W\d_])[A-Z]{2},?\s+\d{5}(?:-\d{4})?(?!\d)"
    rf"|{_AU_STATE_POSTCODE}(?!\d)"
    r"(?!\s+(?!(?i:australia|a[bc]n|ph|phone|tel|telephone|fax|e-?mail|web|mob|mobile)(?![^\W\d_]))"
    r"[^\W\d_]{2,})"
)
# Words that may sit lowercase inside a company name ("Au bon moulin", "Hotel am Hof").
_JOINERS = {
    "&",
    "+",
    "und",
    "and",
    "et",
    "en",
    "y",
    "e",
    "de",
    "du",
    "des",
    "la",
    "le",
    "van",
    "der",
    "den",
    "von",
    "am",
    "an",
    "im",
    "di",
    "del",
    "della",
    "da",
    "do",
    "bon",
    "of",
    "the",
    "co",
    "co.",
    "-",
}
# An attention line ("t.a.v. dhr. P. de Wit", "z. Hd. Frau Weber", "Attn: Mr Lee", "à l'attention de
# M. Roux") names a person of the block it sits in, the customer's, as the title alone does; Dutch
# letters write the title out ("t.a.v. de heer J. Hoekstra", "mevrouw A. Visser").
_PERSON = re.compile(
    r"^(?:(?i:t\.\s?a\.\s?v\.|z\.\s?H(?:d|än)\.|attn\.?\s*:?|à\s+l['’]attention\s+de)\s+)?"
    r"(?:Herrn?|HERRN?|Frau|FRAU|Mr|MR|Mrs|MRS|Ms|MS|Mme|MME|Mlle|M\.?|[Dd]hr\.?|[Mm]evr\.?|[Dd]e\s+heer|[Mm]evrouw|"
    r"Sr\.|Sra\.|Sig\.)"
    r"\s+(?=[^\W\d_])(?![^\W\d_]*[a-z]\b\s*:)"
)
_STREET_WORDS = (
    r"str\.|stra(?:ss|ß)e\b|street\b|\bst\b|road\b|\brd\b|avenue\b|\bave\b|weg\b|"
    r"gasse\b|platz\b|\brue\b|chemin\b|\bvia\b|\bcalle\b|laan\b|straat\b|plein\b|boulevard\b|\bblvd\b|"
    r"\bjalan\b|\bjln\b|\blorong\b|\btaman\b|\bp\.?\s?o\.?\s?box|postfach\b|bo[iî]te\s+postale|apartado\b"
)
_STREET_WORD = re.compile(rf"(?i)(?:{_STREET_WORDS})")
_WORD_AFTER = re.compile(r"\s+[^\W\d_]")  # "Main Street Restaurant": a word goes on after the type
_STREET = re.compile(rf"(?i)(?:\d+\s*[a-z]?$|^\d+\s|{_STREET_WORDS})")
# US postal convention: the last address line is city, state and ZIP, the state abbreviated
# ("CA 94301") or spelled out ("Palo Alto California 94301", as a card terminal prints it).
_US_STATES = "|".join(n.replace(" ", r"\s+") for n in (*US_STATES, *US_STATES_AMBIGUOUS))
_POSTCODE_CITY = re.compile(
    r"(?<!\d)(?:[A-Z]{1,2}[- ])?\d{4,5}\s+[^\W\d_]{2,}|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}(?![A-Z])"
    r"|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b|[^\W\d_]{3,}\s*[-,]?\s*\d{3}\s?\d{3}(?!\d)"
    # Australian convention: the town, the state's code and the four-digit postcode close the address
    rf"|{_AU_STATE_POSTCODE}\s*$"
    rf"|(?<![^\W\d_])(?i:{_US_STATES}),?\s+\d{{5}}(?:-\d{{4}})?(?!\d)"
)
# A US secondary address line: "Suite 528", "Ste 100", "Unit 3B", "Apt. 4", "Bldg 2", "Floor 5".
_UNIT_LINE = re.compile(
    r"(?i)^(?:suite|ste|unit|apt|apartment|bldg|building|floor|fl)\.?\s*#?\s*\d+[a-z]?(?![\w])"
)
# The English street types that close a street's name ("418 Pier Avenue"): on a line with no
# house number, words after one name a business ("Harbor Road Diner"), not a street.
_CLOSING_STREET_TYPES = {"street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd"}
_SENDER_SPLIT = re.compile(r"\s+[-–|·•]\s+|\s*[|·•]\s*|,\s+")
_COUNTRIES = re.compile(
    r"(?i)^(germany|deutschland|france|österreich|austria|schweiz|suisse|switzerland|nederland|"
    r"netherlands|belgi[eë]|belgique|belgium|españa|spain|italia|italy|united kingdom|uk|"
    r"great britain|england|scotland|ireland|usa|u\.s\.a\.|united states|canada|india|sverige|"
    r"sweden|hrvatska|croatia|polska|poland|česko|czech republic|portugal|luxembourg)\W*$"
)
_BOILERPLATE = re.compile(
    r"(?i)^\W*(?:(thank|thanks|welcome|congratulations|dear|hello|hi|vielen\s+dank|danke|herzlich|"
    r"willkommen|merci|bienvenue|bonjour|bedankt|welkom|gracias|bienvenid|grazie|benvenut|please|"
    r"bitte|visit|besuchen|"
    # the greeting that opens a letter or an e-mail to its customer: "Sehr geehrte Frau Weber",
    # "Buongiorno Giulia", "Estimado cliente", "Geachte heer"; words that also begin a company's
    # name ("Gentile", "Beste", "Caro") only as a salutation, closed by its comma or exclamation
    # mark ("Ciao Giulia Ferri,", "Hola María,", "Hallo Jonas Weber,", "Beste Sanne,", "Salve!")
    r"sehr\s+geehrte[rn]?|guten\s+tag|buongiorno|buonasera|estimad[oa]s?|querid[oa]s?|"
    r"buenos\s+d[ií]as|geachte|goedemorgen|goedendag|greetings)\b"
    r"|(?:hallo|hey|hoi|ciao|salve|hola|gentile|car[oa]|egregi[oa]|beste|liebe[rn]?|cher|chère|salut|"
    r"bonsoir|servus|moin)\b.*[,!]\s*$)"
)
# "Thank you for shopping at", "TQ FOR SHOPPING WITH": a till's closing line, spaced or run together.
_THANKS_FOR = re.compile(
    r"(?i)(?<![^\W\d_])(?:tq|thank\s*you|thanks)?\s*for\s*(?:shopping|dining|visiting|staying|choosing)"
)
# A sentence addressed to the reader: "Für diesen Einkauf erhalten Sie", "Wir danken Ihnen", "We
# hope you enjoyed", "Merci de votre visite". Every language here speaks to its customer with a
# second-person pronoun, and a company's name never does after its first word ("Your Store" stays).
_ADDRESSED = re.compile(
    r"\s(?:(?-i:Sie|Ihnen|Ihre?[mnrs]?)|(?i:you|your|vous|votre|jij|jouw|uw|usted|ustedes|vostr[aoie]))"
    r"(?![^\W\d_])"
)
_FIELD_WORDS = re.compile(
    r"(?i)^\W*(logo|driver|fahrer|page|seite|room|zimmer|table|tisch|tafel|server|cashier|kassierer|"
    r"host|guest|gast|rate|copy|kopie|original|duplicate|store\s*(?:no|#)|terminal|operator|kasse|"
    # the waiter ("Bedienung:   Jana", "Konobar:   Ivan")
    r"bedienung|kellner(?:in)?|konobar|cameriere|serveur|camarero|mesero|"
    r"kassa|trip|ride|vehicle|passenger|fahrgast|name|nummer|number|stylesheet|beispiel|"
    r"visualisierung|lesbarmachung|signature|unterschrift|"
    # the items table's first heading ("description   Qty   Rate   Amount")
    r"description|beschreibung|désignation|descripción|descrizione|omschrijving)\b"
)
_DOC_WORDS = re.compile(
    r"(?i)(invoice|receipt|slip|itinerary|e-?ticket|folio|memo|statement|voucher|bill of supply|"
    r"confirmation|thanks|thank you|welcome|kassabon|kassenbon|quittung|ricevuta|scontrino|"
    r"best[aä]\s?\W?\s?tigung|bevestiging|confirmaci[oó]n|conferma|rechnungskopie|"
    r"(?<![^\W\d_])(?:rechnung|facture|factuur|factura|fattura|fatura|faktura|avoir|gutschrift)(?![^\W\d_]))"
)
_TITLES = re.compile(
    r"(?i)^\W*(tax\s*invoice|invoice|receipt|bill|cash\s*memo|bill\s*of\s*supply|e-?ticket|ticket|"
    r"booking\s*confirmation|payment\s*receipt|ride\s*receipt|trip\s*receipt|folio|guest\s*folio|"
    r"original|duplicate|copy|factuur|rechnung|quittung|beleg|facture|reçu|recibo|factura|fattura|fatura|faktura|"
    r"ricevuta|scontrino|kassenbon|kassabon|bon|note|statement|summary|"
    # the same titles in the languages of world_labels.py (a fiscal receipt, an invoice, a receipt)
    r"фискални\s+рачун|фискален\s+бон|касов\s+бон|кассовый\s+чек|товарный\s+чек|фіскальний\s+чек|"
    r"рачун|račun|сч[её]т(?:-фактура)?|рахунок(?:-фактура)?|фактура|nyugta|számla|bon\s+fiscal|"
    r"pokladničný\s+doklad|faktúra|fiş|τιμολ[όο]γιο|απ[όο]δειξη|hóa\s+đơn|faktur|invois|resit|struk|"
    r"חשבונית|קבלה|فاتورة|إيصال|電子發票證明聯|交易明細|交易明细|电子发票|發票|发票|收据|收據|"
    r"영\s*수\s*증|전자세금계산서|세금계산서|ใบเสร็จรับเงิน|ใบกำกับภาษี)\b[\W\w]{0,25}$"
)
_NOISE = re.compile(r"(?i)(original|duplicate|copy|kopie|copie|copia|for recipient|page \d|www\.|http|@)")
_DOC_TAIL = re.compile(
    r"(?i)\s*[-|:]?\s*(?:(?:ride|trip|tax|customer|payment|booking|cash|guest|hotel|taxi|travel)\s+)?"
    r"(?:receipt|invoice|bill|folio|slip|e-?ticket|itinerary)\s*$"
)
# A section's heading ("Hotel Details", "Booking Information", "Détails", "Remittance Stub") is no one's name; French,
# Spanish, Italian and Portuguese put the noun first ("Détails de la commande", "Detalles del pedido").
_SECTION = re.compile(
    r"(?i)(?<![^\W\d_])(?:details|information|informationen|angaben|détails|informations|detalles|"
    r"información|dettagli|informazioni|gegevens|overview|übersicht|"
    # the tear-off part of a utility bill ("Remittance Stub", "Payment Coupon", "Payment Slip")
    r"(?:remittance|payment|bill)\s+(?:stub|coupon|slip))\W*$"
    r"|^\W*(?:détails|informations|detalles|información|dettagli|informazioni|detalhes|informações)"
    r"\s+(?:(?:de|du|des|del|della|dello|dei|degli|delle|da|do|dos|das|sur)(?![^\W\d_])|dell['’])"
)
_TOP = 12  # non-blank lines that make up the header block of the first page


def read_vendor(
    infos: list[LineInfo], addressed: tuple[str, ...] = (), layout: Layout | None = None
) -> tuple[str | None, float]:
    """The issuer's name and a confidence; `addressed` are the names the invoice is addressed to
    (guest, passenger, customer), which the issuer never is; `layout` places the lines' words on
    the page (None: the text's columns only)."""
    page = _Page(infos, layout)
    name, confidence = _read_vendor(infos, page)
    skipped: set[int] = set()
    while name and _names_a_person(name, addressed):
        # the guest or passenger is never the issuer: read again without the lines that name them
        found = {i for i, info in enumerate(infos) if name in clean_spaces(info.text)} - skipped
        if not found or len(skipped) > 3:
            return None, 0.0
        skipped |= found
        name, confidence = _read_vendor(infos, page, skipped)
    if name and page.names_customer(name):
        return None, 0.0  # the customer's name, wherever it was read: no vendor rather than that
    if name:  # "Valamar Argosy Hote!": scanner OCR's "l" ("Hote!" on three issuers' scans)
        name = ocr_letters(name)
    return name, confidence


class _Page:
    """What the rules below ask of a document's lines more than once, worked out once per
    document (each rule, and each re-read without a guest's lines, consults it)."""

    def __init__(self, infos: list[LineInfo], layout: Layout | None = None) -> None:
        self.rows = [cells(info.text) for info in infos]
        self.layout = layout
        persons = _person_cells(infos, self.rows)
        self.people = {i for i, _ in persons}  # lines holding a person addressed by title
        self.persons = persons
        self.customer = _recipient_cells(infos, self, persons)
        self.named_customers = _named_customers(infos, self)
        self._legal: dict[int, list[tuple[int, str]]] = {}

    def names_customer(self, name: str) -> bool:
        """Whether `name` is, or begins, the name of a company a customer field names."""
        folded = _fold(name)
        return any(c == folded or (len(folded) >= 6 and c.startswith(folded)) for c in self.named_customers)

    def legal_cells(self, i: int) -> list[tuple[int, str]]:
        """(column, name) of line `i`'s cells that print a legal-form name, not a parent's."""
        if i not in self._legal:
            self._legal[i] = [
                (start, name)
                for start, cell in self.rows[i]
                if (name := _legal_name(cell)) and not _PARENT.search(cell)
            ]
        return self._legal[i]


def _names_a_person(name: str, people: tuple[str, ...]) -> bool:
    words = set(re.findall(r"[^\W\d_]{2,}", name.casefold()))
    return any(words and words <= set(re.findall(r"[^\W\d_]{2,}", p.casefold())) for p in people)


def _read_vendor(
    infos: list[LineInfo],
    page: _Page,
    skipped: AbstractSet[int] = frozenset(),
) -> tuple[str | None, float]:
    recipient = page.customer | dict.fromkeys(skipped, _WHOLE_LINE)
    filled = [i for i, info in enumerate(infos) if info.text.strip()]
    name, confidence = _cascade(infos, recipient, filled, page)
    if confidence >= 0.8 or (
        # a name the domain spells, unless it is the bare domain itself (the last resort, 0.4)
        confidence > 0.4
        and name
        and _fold(name)
        and any(d in _fold(name) for d in _domains(infos, filled, recipient))
    ):
        return name, confidence
    # The issuer's own web or mail domain names it: a name printed elsewhere that the domain spells
    # ("The Cloud One Hamburg-Kontorhaus" and "...@the-cloud-one.com") beats one that it does not
    # (the customer's company in the address window, a logo, an outlet).
    spelled = _spelled_by_domain(infos, filled, recipient, page)
    return (spelled, max(confidence, 0.7)) if spelled else (name, confidence)


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _domains(infos: list[LineInfo], lines: list[int], recipient: _Marks) -> set[str]:
    found = set()
    for i in lines:
        if i in recipient:
            continue
        for m in _DOMAIN.finditer(infos[i].text):
            name = m.group(1)
            if name.lower() not in FREE_MAIL and not name.isdigit() and len(_fold(name)) >= 4:
                found.add(_fold(name))
    return found


def _spelled_by_domain(infos: list[LineInfo], lines: list[int], recipient: _Marks, page: _Page) -> str | None:
    domains = _domains(infos, lines, recipient)
    if not domains:
        return None
    found: list[str] = []
    for i in lines:
        if i in page.people:
            continue
        for start, cell in page.rows[i]:
            if _recipient(recipient, i, start):
                continue
            if web := _DOMAIN.search(cell):
                # "Liffey Cabs - www.liffeycabs.ie": the name printed before the domain, if any
                cell = cell[: _address_start(cell, web)].rstrip(" -–|·•:,")
                if not cell.strip():
                    continue
            # a footer joins name, legal name and tax number ("Sea View Hotel – Sea View Ltd – VAT ..."):
            # the name the domain spells is its first part
            part = _SENDER_SPLIT.split(clean_spaces(cell), maxsplit=1)[0]
            folded = _fold(part)
            if not any(folded.startswith(d) for d in domains):
                continue
            name = _legal_name(part) or _plain_name(part, 0, part)
            # capitalised as a printed name is, not a handle ("@pancakesamsterdam")
            if page.names_customer(name or ""):
                continue  # the customer's own address and mail, printed in its block
            if name and not name[:1].islower() and any(_fold(name).startswith(d) for d in domains):
                found.append(clean_spaces(name))
    # the name alone rather than a letterhead line run together with its address
    return min(found, key=lambda n: (sum(ch.isdigit() for ch in n), len(n)), default=None)


def _cascade(
    infos: list[LineInfo], recipient: _Marks, filled: list[int], page: _Page
) -> tuple[str | None, float]:
    top = filled[:_TOP]
    # a printed e-mail's sender, its address's domain spelling the name ("Cloudnote <receipts@cloudnote.io>")
    seller = _seller_block(infos, recipient, page.layout)
    if seller:
        return seller, 0.8
    if sender := _mail_sender(infos, recipient):
        # a payment service's or booking site's mail (PayPal, Booking.com) about a registered seller:
        # the seller beside its registration is the issuer, the mail only carried its receipt
        registered, _ = _registered_issuer(infos, filled, recipient, page)
        return (registered, 0.72) if registered else (sender, 0.8)
    labelled = _from_block(infos)
    if labelled:
        return labelled, 0.8
    for n, i in enumerate(top):
        sender = _sender_line(infos[i].text) or _letterhead_line(infos[i].text, recipient, i)
        if sender and _registered_names(infos, top[:n], recipient, page):
            # the issuer's block, its name over its registration, is printed above: a one-line
            # address after it is the customer's ("Hausverwaltung Blasewitz GbR, Tolkewitzer Str. 40, ...")
            continue
        if sender:
            return _person_above(infos, top[:n], sender, recipient, page, infos[i].text) or sender, 0.75
    registered, undecided = _registered_issuer(infos, filled, recipient, page)
    if registered:  # "ACME GmbH · Amtsgericht Köln HRB 1234 · USt-IdNr DE123": the issuer's own
        return registered, 0.72
    if undecided:  # the legal names below would take the first, the customer's as often as not
        return None, 0.0
    head = _letterhead_over_registration(infos, top, recipient, page)
    if head:  # "Niamh Ó Dálaigh Translations" over "7 Claddagh Quay, Galway · VAT IE 4417209KH"
        return head, 0.7
    legal = _legal_names(infos, top, recipient, page)
    if legal:
        return legal[0], 0.7
    everywhere = _legal_names(infos, filled, recipient, page)
    repeated = [name for name, n in Counter(everywhere).most_common() if n >= 2]
    if repeated:  # "Eurowings GmbH" in every footer: the issuer, even below a top line
        return repeated[0], 0.65
    above_id = _name_above_registration(infos, top, recipient, page)
    if above_id:  # "KEDAI PAPAN YEW CHUAN" over "(0005583085-K)": a registered name, form or not
        return above_id, 0.66
    for n, i in enumerate(filled[:8]):
        welcomed = _welcomed(infos[i].text, infos[filled[n + 1]].text if n + 1 < len(filled) else "")
        if welcomed:
            return welcomed, 0.65
    payee = _payee(infos, filled, recipient)
    if payee:  # "Payment to be made in favour of ...", "Titulaire du compte : ...": who is paid
        return payee, 0.62
    for n, i in enumerate(filled[:8]):
        above = infos[filled[n - 1]].text.strip() if n else ""
        if above and (_FIELD_WORDS.match(above) or infos[filled[n - 1]].label_only) and len(above) < 25:
            continue  # the value of the field named above it ("Driver" over "Ramesh Kumar")
        if above and all(c.endswith(":") for _, c in cells(above)):
            continue  # the values of a row of headings ("From:   To:" over a route)
        if above and _bare_headings(above) and not _address_below(infos, i, 0, 10**6):
            continue  # "From   To" over a route's stops, not over two blocks with their addresses
        if any(a.explicit for a in infos[i].amounts):
            continue  # a priced row ("Pro   $12.00") is an item or a total, not the issuer's name
        if (
            _column_headings(page.rows[i])
            and n + 1 < len(filled)
            and any(a.explicit for a in infos[filled[n + 1]].amounts)
        ):
            continue  # "Item   Qty   Price   Amount" over the first priced row: the table's headings
        row = page.rows[i]
        for k, (start, cell) in enumerate(row):
            if _recipient(recipient, i, start) or any(abs(i - p) <= 1 for p in page.people):
                continue
            if k and _FIELD_WORDS.match(row[k - 1][1]):
                continue  # the value of the field named left of it ("Rate Plan   OGBOBF")
            if _FROM_BARE.match(cell.strip()):
                continue  # the heading of "From   To", no one's name
            if k + 1 < len(row) and _field_value(row[k + 1][1]) and _in_field_list(infos, filled, n):
                continue  # a field's name with its value right of it ("Adult/Child   1/0")
            name = _plain_name(infos[i].text, start, cell) or _name_before_address(cell)
            if name and page.names_customer(name):
                continue  # the company a customer field names, in its own block beside the issuer's
            if name and everywhere and len(re.findall(r"[^\W\d_]", name)) < 4:
                continue  # a logo's fragment ("OSO"), when a company name is printed elsewhere
            if name and (host := _thanked_host(infos, filled)) and _read_in_part(name, host):
                return host, 0.6  # a logo read in part ("e algreen") that the closing thanks names
            if name:
                return name, 0.6
    for i in filled:
        sender = _sender_line(infos[i].text)
        if sender and not _recipient(recipient, i, 0):
            return sender, 0.5
    footer = _footer_letterhead(infos, filled, recipient)
    if footer:  # "Citadines Michel Hamburg" over "Ludwig-Erhard-Str. 7, 20459 Hamburg" at the foot
        return footer, 0.5
    if host := _thanked_host(infos, filled):  # the closing thanks name the host
        return host, 0.5
    if everywhere:
        return everywhere[0], 0.5
    domain = _domain(infos, filled, recipient)
    return (domain, 0.4) if domain else (None, 0.0)


# A person's name as a letterhead prints it: two to four capitalised words of letters ("Marisol
# Quintana-Reyes", "Lucía Barrenechea Goikoetxea"), a name particle between them ("Anna van Dijk").
_PERSON_NAME = re.compile(
    r"^[A-ZÀ-Þ][^\W\d_]+(?:[-'’][A-ZÀ-Þ][^\W\d_]+)?"
    r"(?:\s+(?:(?:van|von|de|del|della|di|da|dos|der|den|le|la)\s+)*[A-ZÀ-Þ][^\W\d_]+(?:[-'’][A-ZÀ-Þ][^\W\d_]+)?){1,3}$"
)
# A sender line's name cut to the initial ("H. Wallbrecht", "M. Quintana-Reyes"), as a DIN 5008
# return address abbreviates it.
_INITIAL_NAME = re.compile(r"^[A-ZÀ-Þ]\.\s*(?P<surname>[A-ZÀ-Þ][^\W\d_'’-]+(?:[-'’][^\W\d_]+)?)$")


def _person_above(
    infos: list[LineInfo], above: list[int], sender: str, recipient: _Marks, page: _Page, line: str = ""
) -> str | None:
    """The person's name a freelancer's letterhead prints above its address line, where that line
    opens with the trade ("Marisol Quintana-Reyes" over "Illustration & Storyboards · 3318 SE
    Belmont St · Portland, OR 97214") or the name cut to its initial ("Henrike Wallbrecht" over
    "H. Wallbrecht · Lindenstr. 14 · 04107 Leipzig"): the person is the issuer, the trade is not
    a name. A company's name with its legal form, or a person's, on the line stays the issuer."""
    if _legal_name(sender) or (_PERSON_NAME.match(sender) and not _INITIAL_NAME.match(sender)):
        return None
    for i in above[-3:]:
        row = page.rows[i]
        if len(row) != 1 or i in page.people or _recipient(recipient, i, row[0][0]) or infos[i].hits:
            continue
        name = clean_spaces(row[0][1])
        if not _PERSON_NAME.match(name) or _plain_name(name, 0, name) is None:
            continue
        initial = _INITIAL_NAME.match(sender)
        if initial and not (
            sender[0] == name[0] and _one_letter_apart(initial.group("surname"), name.split()[-1])
        ):
            continue  # another person's initial, or another surname
        # something must tie the name to the issuer, else it may be the customer's over the seller's
        # line: the initial (above), the surname printed again ("payable to Marisol Quintana-Reyes"),
        # or a registration on the sender line itself (the person's tax id beside the trade)
        surname = name.split()[-1].casefold()
        again = any(k != i and surname in infos[k].text.casefold() for k in range(len(infos)))
        if not (initial or again or _REGISTRATION.search(line)):
            continue
        return name
    return None


def _one_letter_apart(a: str, b: str) -> bool:
    """The same word, or one OCR misread of a letter ("Waltbrecht" for "Wallbrecht")."""
    a, b = a.casefold(), b.casefold()
    return len(a) == len(b) and len(a) >= 5 and sum(x != y for x, y in zip(a, b, strict=True)) <= 1


def _column_headings(row: list[tuple[int, str]]) -> bool:
    """A row of three or more short cells of words alone: a table's column headings."""
    return len(row) >= 3 and all(len(c.split()) <= 3 and not re.search(r"\d", c) for _, c in row)


def _mail_sender(infos: list[LineInfo], recipient: _Marks) -> str | None:
    sender = mail_sender([info.text for info in infos])
    if sender is None or _BOILERPLATE.match(sender):
        return None
    line = next((i for i, info in enumerate(infos) if sender in info.text), None)
    return None if line is not None and _recipient(recipient, line, 0) else sender


# Whom the invoice says to pay: the issuer is paid its own invoice. A payment instruction ("All
# payment to be made in favour of", "Make cheques payable to") or the bank account's holder in the
# payment details ("Account name", "Kontoinhaber", "Titulaire du compte", "Intestato a", "t.n.v.").
_PAYEE = re.compile(
    r"(?i)(?<![^\W\d_])(?:in\s+fav(?:ou|o)r\s+of|(?:made\s+)?payable\s+to|account\s+(?:name|holder)|"
    r"beneficiary(?:\s+name)?|kontoinhaber(?:in)?|zahlungsempfänger|titulaire\s+du\s+compte|"
    r"intestat[oa]\s+a|a\s+favor\s+de|titular\s+de\s+la\s+cuenta|ten\s+name\s+van|t\.n\.v\.|"
    r"rekeninghouder)(?![^\W\d_])\s*:?\s*"
)


def _payee(infos: list[LineInfo], filled: list[int], recipient: _Marks) -> str | None:
    for n, i in enumerate(filled):
        text = infos[i].text
        m = _PAYEE.search(text)
        if m is None:
            continue
        line, start = i, m.end()
        value = text[m.end() :]
        if not value.strip() and n + 1 < len(filled):  # the name on the line below the instruction
            line, start, value = filled[n + 1], 0, infos[filled[n + 1]].text
        if _recipient(recipient, line, start):
            continue
        cell = next((c for _, c in cells(value)), "")
        cell = re.split(r"\s+[-–|·•]\s+|,\s", clean_spaces(cell), maxsplit=1)[0].rstrip(" .")
        name = _legal_name(cell) or _plain_name(cell, 0, cell)
        if name and not any(c.isdigit() for c in name):
            return clean_spaces(name)
    return None


def _thanked_host(infos: list[LineInfo], filled: list[int]) -> str | None:
    """The name a closing thanks gives ("THANK YOU FOR SHOPPING AT WALGREENS")."""
    for n, i in enumerate(filled[8:], start=8):
        welcomed = _welcomed(infos[i].text, infos[filled[n + 1]].text if n + 1 < len(filled) else "")
        if welcomed:
            return welcomed
    return None


def _read_in_part(name: str, host: str) -> bool:
    """A word of `name` is a cut piece of one of `host`'s words ("algreen" of "WALGREENS")."""
    hosts = [_fold(w) for w in host.split()]
    return any(
        len(p) >= 4 and any(p in h and p != h for h in hosts) for p in (_fold(w) for w in name.split())
    )


# A closing that names the issuer as the reader's host: "Ihr Mercure Hotel", "Your Hilton team".
_YOUR = re.compile(r"(?i)^(?:ihr|ihre|euer|your|votre|uw|jullie|su|il\s+vostro|la\s+vostra)\s+(?=\S)")
_CONTACT = re.compile(r"(?i)(?<![^\W\d_])(?:tel|telefon|phone|fon|fax|e-?mail|mail|web|www)\b|@|\+\d{2}")
_FOOTER = 12  # non-blank lines at the foot of the document


def _footer_letterhead(infos: list[LineInfo], filled: list[int], recipient: _Marks) -> str | None:
    """The issuer's name on a line of its own at the foot of the page, right above its address or
    contact line: the letterhead many invoices print as a footer instead of a header."""
    foot = filled[-_FOOTER:]
    for n, i in enumerate(foot[:-1]):
        row = cells(infos[i].text)
        if _recipient(recipient, i, row[0][0]) or infos[i].hits:
            continue
        below = clean_spaces(infos[foot[n + 1]].text)
        if not (
            (_STREET_WORD.search(below) and re.search(r"\d", below))
            or _POSTCODE_CITY.search(below)
            or _CONTACT.search(below)
        ):
            continue
        cell = _YOUR.sub("", clean_spaces(row[0][1])).rstrip(" .")
        # a slogan after the name ("Only YOU Hotel Atocha * Your style, Our way")
        cell = re.split(r"\s+[*|·•]", cell, maxsplit=1)[0]
        name = _plain_name(cell, 0, cell)
        if name and not any(c.isdigit() for c in name):
            return name
    return None


# "Welcome to Denny's", "Thank you for shopping at;" over the name, "Willkommen bei ...".
_WELCOME = re.compile(
    r"(?i)^\W*(?:welcome\s+to|thank\s+you\s+for\s+(?:shopping|dining|visiting|choosing|staying)\s+(?:at|with)|"
    r"thanks\s+for\s+(?:shopping|dining|visiting)\s+(?:at|with)|willkommen\s+(?:bei|im|in\s+der)|"
    r"danke\s+für\s+ihren\s+einkauf\s+bei|bienvenue\s+(?:chez|à|au)|welkom\s+(?:bij|in)|"
    r"bienvenid[oa]s?\s+a|benvenut[oi]\s+(?:da|al|in)|"
    # the thanks that name the host: "Thank you for choosing Hilton", "Vielen Dank für Ihren
    # Aufenthalt im Hotel Adler", "Merci d'avoir choisi ...", "Grazie per aver scelto ..."
    r"thank\s+you\s+for\s+choosing|thanks\s+for\s+choosing|"
    r"(?:vielen\s+)?dank\s+für\s+ihren\s+(?:besuch|aufenthalt|einkauf)\s+(?:bei|im|in\s+der|in\s+unserem)|"
    r"merci\s+d['’]avoir\s+choisi|merci\s+de\s+votre\s+(?:visite|séjour)\s+(?:chez|à|au)|"
    r"grazie\s+per\s+aver\s+scelto|gracias\s+por\s+(?:elegir|su\s+visita\s+a)|"
    r"bedankt\s+voor\s+(?:uw|je)\s+bezoek\s+aan|"
    # a shop's order mail thanks its customer by the shop's name: "Thank you for your order from
    # ...", "Bedankt voor uw bestelling bij ...", "Merci d'avoir effectué vos achats sur ...",
    # "Grazie per aver acquistato su ...", "Gracias por su interés en los productos de ...",
    # "Bedankt voor uw interesse in de producten van ...", "Vielen Dank für Ihre Bestellung bei ..."
    r"thanks?(?:\s+you)?\s+for\s+(?:your\s+(?:order|purchase)|shopping|ordering)\s+(?:from|at|with)|"
    r"bedankt\s+voor\s+(?:uw|je)\s+(?:bestelling|aankoop)\s+bij|"
    r"bedankt\s+voor\s+(?:uw|je)\s+interesse\s+in\s+de\s+producten\s+van|"
    r"merci\s+d['’]avoir\s+effectué\s+vos\s+achats\s+(?:sur|chez)|merci\s+pour\s+votre\s+commande\s+(?:sur|chez)|"
    r"grazie\s+per\s+(?:aver\s+acquistato|il\s+tuo\s+ordine|il\s+suo\s+ordine)\s+(?:su|da|presso)|"
    r"gracias\s+por\s+su\s+(?:interés\s+en\s+los\s+productos\s+de|compra\s+en|pedido\s+en)|"
    r"(?:vielen\s+)?dank\s+für\s+(?:ihre|deine)\s+bestellung\s+(?:bei|im))\W*(?P<rest>.*)$"
)
_DOMAIN = re.compile(r"(?i)(?:www\.|https?://(?:www\.)?|[\w.+-]@)([a-z0-9][a-z0-9-]{2,})\.[a-z]{2,}")
# A host printed without "www." ("moje.ppas.cz", "MYWALGREENS.COM", an OCR'd "uww.rewe.de"), on a
# known top-level domain only (a bare "x.yz" is as often an abbreviation): its name is the label
# before the suffix ("co.uk" and the like count as one suffix).
_BARE_DOMAIN = re.compile(
    r"(?i)(?<![\w.@/-])((?:[a-z0-9-]+\.)+)"
    r"(com|net|org|info|biz|eu|de|at|ch|cz|sk|pl|nl|be|fr|it|es|pt|dk|se|no|fi|ie|uk|us|ca|au|nz|in|jp|co|io)"
    r"(?![\w-])(?!\.\w)"
)
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "or", "ne"})


def _address_start(cell: str, web: re.Match[str]) -> int:
    """Where the web or mail address `web` found in `cell` begins: a mail's match holds only the
    last letter of its local part, so the rest of it is stepped over ("Adler Hotel info@...")."""
    start = web.start()
    if "@" in web.group(0):
        while start and (cell[start - 1].isalnum() or cell[start - 1] in "._+-"):
            start -= 1
    return start


def _field_value(cell: str) -> bool:
    """A short value such as a form prints right of its field's name: a count, code or number."""
    text = cell.strip()
    return len(text) <= 20 and any(c.isdigit() for c in text) and not _LEGAL_RE.search(text)


def _in_field_list(infos: list[LineInfo], filled: list[int], n: int) -> bool:
    """A row among other field rows ("Room Number   431" over "Adult/Child   1/0"), not a shop's
    name beside its branch number on a line of its own."""
    for m in (n - 1, n + 1):
        if 0 <= m < len(filled):
            info = infos[filled[m]]
            row = cells(info.text)
            if info.hits or (len(row) >= 2 and _field_value(row[-1][1])):
                return True
    return False


def _welcomed(line: str, below: str) -> str | None:
    m = _WELCOME.match(clean_spaces(line))
    if m is None:
        return None
    # the name ends the thanks' sentence ("... from Ashford Garden Supplies. Once your package ships")
    rest = re.split(r"(?<![^\W\d_]\.[^\W\d_])(?<!\b[^\W\d_])[.!?;,](?=\s|$)", m.group("rest"), maxsplit=1)[0]
    rest = rest.strip(" .,:;!")
    candidate = rest or clean_spaces(below)
    name = _legal_name(candidate) or _plain_name(candidate, 0, candidate)
    return name


def _domain(infos: list[LineInfo], lines: list[int], recipient: _Marks) -> str | None:
    """The issuer's web or mail domain ("www.hilton.com" -> "Hilton"), free-mail providers aside."""
    names = [
        (bare, name)
        for i in lines
        if i not in recipient
        for bare, name in _domain_names(infos[i].text)
        if name.lower() not in FREE_MAIL
    ]
    # a "www." or mail domain on any line outranks a bare host printed above it
    return min(names, key=lambda found: found[0])[1].capitalize() if names else None


def _domain_names(text: str) -> Iterator[tuple[bool, str]]:
    """The host names `text` prints after "www.", "http://" or "@", then those printed bare."""
    yield from ((False, m.group(1)) for m in _DOMAIN.finditer(text) if not m.group(1).isdigit())
    for m in _BARE_DOMAIN.finditer(text):
        if name := _registered_label(m.group(1), m.group(2)):
            yield True, name


def _registered_label(hosts: str, suffix: str) -> str | None:
    """The name a host registers: "moje.ppas." + "cz" -> "ppas", "shop.example.co." + "uk" -> "example"."""
    labels = [p for p in hosts.lower().split(".") if p]
    if len(suffix) == 2 and len(labels) >= 2 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    name = labels[-1] if labels else ""
    return name if len(name) >= 3 and any(c.isalpha() for c in name) and not name.startswith("-") else None


def _recipient(recipient: _Marks, line: int, start: int) -> bool:
    span = recipient.get(line)
    return span is not None and span[0] <= start < span[1]


# Line -> the character span [start, end) of the customer's block on that line.
_Marks = dict[int, tuple[int, int]]
_WHOLE_LINE = (0, 10**9)
# How far left of its heading a block's line may start and still be under it, in word heights.
_UNDER_HEADING = 2.0


def _cell_x(page: _Page, line: int, start: int, cell: str) -> tuple[float, float, float] | None:
    """Where a text cell starts and ends on the page, and its word height; None without a layout."""
    placed = page.layout.placed(line) if page.layout else None
    words = words_in(placed, start, start + len(cell)) if placed is not None else []
    return (words[0].x0, words[-1].x1, max(words[0].bottom - words[0].top, 1.0)) if words else None


def _recipient_cells(infos: list[LineInfo], page: _Page, persons: set[tuple[int, int]]) -> _Marks:
    """The customer's block on each line it covers; `persons` as `_person_cells`."""
    out: _Marks = {}
    rows = page.rows

    def add(line: int, span: tuple[int, int]) -> None:
        old = out.get(line)
        out[line] = span if old is None else (min(old[0], span[0]), max(old[1], span[1]))

    def block_span(j: int, column: int, bounds: tuple[float, float] | None) -> tuple[int, int] | None:
        """The part of line `j` under the heading: by the words' x positions when the page
        places them (a single-cell line's text starts at column 0 wherever it is printed), else
        from the heading's text column to the line's end."""
        placed = [(s, c, _cell_x(page, j, s, c)) for s, c in rows[j]] if bounds is not None else []
        if bounds is None or not placed or any(x is None for _, _, x in placed):
            return column, 10**9
        inside = [
            (s, c)
            for s, c, x in placed
            if x is not None and bounds[0] - _UNDER_HEADING * x[2] <= x[0] < bounds[1]
        ]
        if not inside:
            return None
        return inside[0][0], (inside[-1][0] + len(inside[-1][1]) if bounds[1] < 10**9 else 10**9)

    def mark(first: int, column: int, count: int, bounds: tuple[float, float] | None = None) -> None:
        seen = 0
        for j in range(first, len(infos)):
            if not infos[j].text.strip():
                if seen:
                    break
                continue
            span = block_span(j, column, bounds)
            block = next((c for st, c in rows[j] if span and st >= span[0]), "")
            if seen and (any(h.label is not Label.NAME for h in find_labels(block)) or _priced(block)):
                break  # an address block holds no labelled fields or amounts
            if span is not None:
                add(j, span)
            seen += 1
            if seen == count:
                break

    for i, info in enumerate(infos):
        for k, (start, cell) in enumerate(rows[i]):
            if RECIPIENT_LABEL.match(cell):
                column = max(0, start - 2)
                add(i, (column, 10**9))
                mark(i + 1, column, 6, _heading_bounds(page, i, k))
            elif (i, start) in persons:
                block_start = i
                while block_start > 0 and infos[block_start - 1].text.strip() and i - block_start < 2:
                    block_start -= 1
                # placed on the page, the person's block is the column their name starts
                person = _cell_x(page, i, start, cell)
                mark(block_start, max(0, start - 2), 7, person[:2] if person else None)
        if i == 0:
            window = _window_address(infos)
            if window is not None:
                mark(window, 0, 6)
        if i < 40 and _sender_line(info.text):  # the cheap test first
            # Under a one-line sender address: the window envelope's recipient block.
            nxt = next((j for j in range(i + 1, len(infos)) if infos[j].text.strip()), None)
            if nxt is not None:
                mark(nxt, 0, 6)
    return out


# Words of an address line beyond the street types (_STREET_WORDS): "Shop 3", "Level 2", "km 4",
# "Honeybush Drive", "Mill Lane"; its numbers are a house, unit or postcode, not an amount.
_ADDRESS_WORD = re.compile(
    rf"(?i)(?:{_STREET_WORDS})|(?<![^\W\d_])(?:shop|level|unit|suite|floor|km|drive|lane|way|place|court|"
    r"crescent|parade|terrace|highway|close|carretera|avenida|plaza|piazza|viale|corso|kade|gracht|dijk|singel)(?![^\W\d_])"
)


def _priced(block: str) -> bool:
    """Whether a line prints an amount that is not its address's house, unit or postcode number:
    the customer's address block goes on through "Calle Mayor 21" and "Mirrabooka WA 6061"."""
    if not find_amounts(block):
        return False
    return not (_ADDRESS_WORD.search(block) or _POSTCODE_CITY.search(block) or _UNIT_LINE.match(block))


# A field about the customer ("Customer: ...", "Ref. customer" over its value, "Client",
# "Kunde", "Cliente", "Klant"), not the seller's service for customers ("Customer service").
_CUSTOMER_FIELD = re.compile(
    r"(?i)(?<![^\W\d_])(?:customer|client|kunde|cliente|klant|buyer|acheteur|käufer|comprador)(?![^\W\d_])"
    r"(?!\s*(?:service|care|support|cent(?:er|re)|hotline|portal|area|login))"
)


def _named_customers(infos: list[LineInfo], page: _Page) -> set[str]:
    """Folded company names the document prints as the value of a customer field: beside it
    ("Customer: Boulangerie Saint-Roch inc.") or under it in a row of fields ("Ref. customer" over
    the name). Whatever else the page prints, the issuer is not the company a customer field names."""
    out: set[str] = set()
    for i, row in enumerate(page.rows):
        for start, cell in row:
            m = _CUSTOMER_FIELD.search(cell)
            if m is None:
                continue
            values = [cell[m.end() :].lstrip(" .:#")] if ":" in cell[m.end() :] else []
            layout = page.layout
            placed = layout.placed(i) if layout else None
            if layout and placed is not None and cell[m.end() :].strip(" .:") == "":
                values.append(layout.below(placed, start, start + len(cell)) or "")
            for value in map(clean_spaces, values):
                name = _legal_name(value) or _plain_name(value, 0, value)
                if name and len(_fold(name)) >= 4:
                    out.add(_fold(name))
    return out


def _heading_bounds(page: _Page, line: int, k: int) -> tuple[float, float] | None:
    """The x range a customer heading heads: from where it starts to where the next cell of its
    row starts ("Bill to   Ship to"), or to the page's edge."""
    row = page.rows[line]
    here = _cell_x(page, line, *row[k])
    if here is None:
        return None
    nxt = _cell_x(page, line, *row[k + 1]) if k + 1 < len(row) else None
    return here[0], nxt[0] if nxt is not None else float("inf")


def _window_address(infos: list[LineInfo]) -> int | None:
    """The first line of an address that opens the page with nothing of the issuer's around it: a
    name, a street, a postcode and city and the country, then straight the title or the fields,
    and no phone, mail, web or registration at the top. That is the window envelope's recipient
    (a hotel bill to the guest's company); an issuer's letterhead carries its contact details,
    and a sender's block is followed by the recipient's (a second address)."""
    filled = [i for i, info in enumerate(infos) if info.text.strip()]
    top = filled[:_TOP]
    if len(top) < 5 or any(
        _CONTACT.search(infos[i].text) or _REGISTRATION.search(infos[i].text) for i in top
    ):
        return None
    rows = [clean_spaces(infos[i].text) for i in top]
    if any(len(cells(infos[i].text)) != 1 for i in top[:4]):
        return None
    street = next((n for n in (1, 2) if _STREET.search(rows[n]) and re.search(r"\d", rows[n])), None)
    if street is None or not _POSTCODE_CITY.search(rows[street + 1]):
        return None
    if any(re.search(r"\d", rows[n]) for n in range(street)):
        return None  # the name lines hold no digits
    after = street + 2
    if after + 1 >= len(rows) or not _COUNTRIES.match(rows[after]):
        return None  # an address abroad, as a letter to a guest from another country is written
    nxt = rows[after + 1]
    if not (_TITLES.match(nxt) or find_labels(nxt) or find_dates(nxt)):
        return None
    return top[0]


def _person_cells(infos: list[LineInfo], rows: list[list[tuple[int, str]]]) -> set[tuple[int, int]]:
    """(line, column) of each cell that opens with a person addressed by title ("Herr Jens
    Walter", "MR J WALTER")."""
    return {
        (i, s)
        for i, info in enumerate(infos)
        for s, _ in rows[i]
        if _PERSON.match(clean_spaces(info.text[s:]))
    }


# A seller label followed by an identifier word: "Merchant ID", "Merchant No.", "Seller #".
_NAMES_AN_ID = re.compile(r"(?i)^\s*(?:id|no\.?|nr\.?|number|num|#|code)(?![^\W\d_])")


def _seller_block(infos: list[LineInfo], recipient: _Marks, layout: Layout | None) -> str | None:
    """The value of a "Seller"/"Verkäufer"/"Lieferant" label, or its block's "Name:" line."""
    for i, hit in label_hits(infos, Label.VENDOR):
        if _NAMES_AN_ID.match(infos[i].text[hit.end :]):
            continue  # "Merchant ID:" on a card slip labels the seller's number, not its name
        before = infos[i].text[: hit.start]
        if before.strip() and not re.search(r"\s{2}$", before):
            continue  # "as per the operator's policy": a word in a sentence, not a label
        if _HEADS_A_PHRASE.match(infos[i].text[hit.end :]):
            continue  # "Proveedor tecnológico HGISAS": the noun of a phrase, not the seller's label
        value = clean_spaces(label_value(infos, i, hit, layout))
        if _CLERK.match(hit.text) and not _LEGAL_RE.search(value):
            continue  # "Vendedor: Rosa Menjívar" on a Spanish or Portuguese sale: the salesperson
        if (
            _acceptable(value)
            and not _SECTION.fullmatch(value)  # "Supplier Information", "Seller Details": a heading
            and not re.search(r":\s*\S", value)
            and not _POSTCODE_CITY.search(value)
            and not RECIPIENT_LABEL.match(value)
        ):
            return value
        # The block under the label, in the label's column ("Lieferant   Käufer" heads two).
        limit = next((s for s, _ in cells(infos[i].text) if s > hit.start), 10**6)
        for j in range(i + 1, min(len(infos), i + 8)):
            segment = " ".join(c for s, c in cells(infos[j].text) if hit.start - 3 <= s < limit - 1)
            if not segment:
                continue
            m = _NAME_LINE.match(segment)
            if m:
                # "Name & Address : Saffron Cellular Limited, 5th Floor, ...": the name ends at the comma
                named = m.group("name").split(",")[0] if m.group("address") else m.group("name")
                if _acceptable(named):
                    return clean_spaces(named)
            if re.match(r"^[^:]{1,40}:", segment) or _recipient(recipient, j, hit.start):
                continue
            name = _legal_name(segment, in_seller_block=True) or _plain_name(segment, 0, segment)
            if name:
                return clean_spaces(name)
    return None


_NAME_LINE = re.compile(
    r"(?i)^(?:name(?P<address>\s*(?:&|and)\s*address)?|firma|company|raison sociale|naam|nombre|nome)"
    r"\s*:\s*(?P<name>.+)$"
)

# Spanish and Portuguese sales slips name the salesperson "Vendedor" (as "Cajero" names the
# cashier); only a company's name, with its legal form, there is the seller.
_CLERK = re.compile(r"(?i)^vendedora?$")


# A label word followed by one space and a lowercase word heads a noun phrase: Colombian
# e-invoices close with "Proveedor tecnológico <the e-invoicing software's maker>", Mexican ones
# with "Proveedor de certificación"; a seller's name after its label is capitalised.
_HEADS_A_PHRASE = re.compile(r" (?-i:[a-zà-ÿ])")

# A "From:" heading over the sender's block, beside or above a "To:"/"Bill to:" one (English letters
# and invoices; "Von:", "Van:", "De :" in German, Dutch and French). Alone in its cell, so a route
# ("From: Berlin Hbf  To: München") or a period ("from 1 May") is no heading; with its colon, so a
# table's "From   To" columns (a route, a period) are not either.
_FROM = re.compile(r"(?i)^(?:from|von|van|de)\s*:$")
# Without its colon only beside an unambiguous customer heading in the same row ("From   Bill To"):
# a heading pair, not a table's columns. A bare "To" is not enough: ride and taxi receipts head the
# pickup and drop-off columns "From   To", with an address under each stop.
_FROM_BARE = re.compile(r"(?i)^(?:from|von|van|de)$")


def _bare_headings(line: str) -> bool:
    row = [c.strip() for _, c in cells(line)]
    return any(_FROM_BARE.match(c) for c in row) and all(
        _FROM_BARE.match(c) or RECIPIENT_LABEL.match(c) for c in row
    )


def _customer_heading(cell: str) -> bool:
    m = RECIPIENT_LABEL.match(cell)
    return m is not None and m.group(1).lower() != "to"


def _from_block(infos: list[LineInfo]) -> str | None:
    for i, info in enumerate(infos[:40]):
        row = cells(info.text)
        for k, (start, cell) in enumerate(row):
            paired = any(_customer_heading(c) for n, (_, c) in enumerate(row) if n != k)
            if not (_FROM.match(cell.strip()) or (paired and _FROM_BARE.match(cell.strip()))):
                continue
            limit = row[k + 1][0] if k + 1 < len(row) else 10**6
            below = next((j for j in range(i + 1, min(len(infos), i + 3)) if infos[j].text.strip()), None)
            if below is None:
                continue
            segment = " ".join(c for s, c in cells(infos[below].text) if start - 3 <= s < limit - 1)
            name = _legal_name(segment, in_seller_block=True)
            if not name and _address_below(infos, below, start, limit):
                name = _plain_name(segment, 0, segment)  # a sender's block, not a route's stop
            if name:
                return clean_spaces(name)
    return None


def _address_below(infos: list[LineInfo], line: int, start: int, limit: int) -> bool:
    nxt = next((j for j in range(line + 1, min(len(infos), line + 3)) if infos[j].text.strip()), None)
    if nxt is None:
        return False
    segment = " ".join(c for s, c in cells(infos[nxt].text) if start - 3 <= s < limit - 1)
    return bool(_STREET_WORD.search(segment) or _POSTCODE_CITY.search(segment) or _DOMAIN.search(segment))


def _acceptable(value: str) -> bool:
    return len(re.findall(r"[^\W\d_]", value)) >= 2 and len(value) <= 80 and value[:1].isalnum()


def _digit_heavy(cell: str) -> bool:
    letters = len(re.findall(r"[^\W\d_]", cell))
    return 2 * sum(ch.isdigit() for ch in cell) > letters


# The part after a city in "City, Region 12345[, Country]": a state or region's name closed by a
# four- or five-digit postcode, no street word and no house number before it. US addresses write
# "Tacoma, Washington 98402", Italian ones "Bologna, Emilia-Romagna 40138"; a street closed by its
# house number carries one to three digits ("Keizersgracht 310") or a street word.
_REGION_POSTCODE = re.compile(
    r"^(?![^,]*(?:"
    + _STREET_WORDS
    + r"))[^\W\d_][^\W\d_ .'-]*(?:[ -][^\W\d_]+){0,3},?\s+\d{4,5}(?:-\d{4})?$",
    re.I,
)


def _sender_line(line: str) -> str | None:
    """ "Au bon moulin SARL - 1242 chemin de l'olive - 84340 Malaucène - France" -> the name."""
    text = clean_spaces(line)
    parts = [p for p in _SENDER_SPLIT.split(text) if p.strip()]
    if len(parts) < 3 or not any(_POSTCODE_CITY.search(p) for p in parts[2:]):
        return None
    if not (_STREET.search(parts[1]) or re.search(r"\d", parts[1])):
        return None  # name, then street, then postcode and city
    if not re.search(r"[^\W\d_]{3,}", parts[1]):
        return None  # "Toronto, ON, M5V 2V4": city, province and postcode; a street has a name
    first = _SENDER_SPLIT.split(clean_spaces(cells(line)[0][1]))  # the line's first column
    if _REGION_POSTCODE.match(parts[1]) or (len(first) >= 2 and _REGION_POSTCODE.match(first[1])):
        return None  # "Tacoma, Washington 98402": a city, then its state or region and postcode
    name = parts[0].strip()
    if (
        not (name[:1].isupper() or name[:1].isdigit())
        or _STREET.search(name)
        or len(re.findall(r"[^\W\d_]", name)) < 3
        or _digit_heavy(name)
        or find_labels(name)
        # "Ship to: Belconnen Physiotherapy, 9 Lathlain St, ...": the customer's one-line address
        or RECIPIENT_LABEL.match(name)
        or _POSTCODE_CITY.search(name)
        or _STREET.search(name)
        or _MIXED.search(name)
        or len(name.split()) > 7
    ):
        return None
    return name


# Registration and tax details printed with the issuer's name (footer or letterhead).
_REGISTRATION = re.compile(
    r"(?i)(?<![^\W\d_])(HRB|HRA|amtsgericht|registergericht|handelsregister|gesch[aä]ftsf[uü]hr\w*|"
    r"sitz\s+der|ust\.?-?\s?id\w*|vat\s*(?:reg\w*|no|number|id)|company\s*(?:no|number|reg\w*)|"
    r"registered\s+(?:office|in|number)|siret|siren|rcs|capital\s+(?:social|de)|kvk|"
    r"btw[-\s]?(?:nr|nummer|id)|cif|nif|p\.?\s?iva|partita\s+iva|gstin|cin|abn|oib|steuernummer|"
    r"tax\s*id|ein|st\.?-?\s?nr|"  # German "St.-Nr.", the Steuernummer
    r"vat(?=\s+(?-i:[A-Z]{2})\s?\d)|"  # an EU VAT number after its country's code: "VAT IE 4417209KH"
    # Austria and Switzerland (UID), Czechia (IČO, DIČ), Poland (NIP, REGON, KRS), the Nordics
    # (org.nr, CVR, Y-tunnus), Portugal (NIPC), Spain and Italy (N.I.F., C.F.), Malaysia and
    # Singapore (company or GST registration: "Co. Reg", "GST Reg", "GST ID", "SST"), Australia
    # (ACN), and a bare "Reg No" beside a name.
    r"uid(?:-?nr|-?nummer)?|i[čc]o|di[čc]|nip|regon|krs|org\.?\s?nr|organisationsnummer|cvr|"
    r"y-tunnus|nipc|n\.i\.f|c\.f|co\.?\s?reg\w*|gst\s*(?:reg\w*|id)|sst|acn|reg\.?\s?no|"
    # Latin America's tax ids: NIT (Colombia, Guatemala, Bolivia), RUC (Peru, Ecuador, Paraguay),
    # RUT (Chile, Uruguay), CUIT (Argentina), RFC (Mexico)
    r"n\.?i\.?t|r\.?u\.?c|r\.?u\.?t|cuit|rfc)(?![^\W\d_])"
    r"|(?<![^\W\d_])ATU\d{8}(?!\d)"  # an Austrian VAT id printed without its label
)


# A line that is only a registration: "(0005583085-K)", "789417-W", "Company No: MA0057302-M",
# "Reg No: 1203194-W", "GSTIN 29ABCDE1234F1Z5", "SIRET 123 456 789 00012".
_BARE_REGISTRATION = re.compile(r"^\W*\d{4,12}-[A-Z]\W*(?:\s.*)?$")


def _only_registers(line: str) -> bool:
    text = clean_spaces(line).lstrip("(")
    m = _REGISTRATION.search(text)
    registered = m is not None and m.start() == 0 and len(text) <= 40 and any(c.isdigit() for c in text)
    return registered or bool(_BARE_REGISTRATION.match(text))


def _name_above_registration(
    infos: list[LineInfo], top: list[int], recipient: _Marks, page: _Page
) -> str | None:
    """The plain name printed right above a line that only registers it."""
    for n, i in enumerate(top[1:5], start=1):  # the name heads the block, above its address
        if not _only_registers(infos[i].text):
            continue
        j = top[n - 1]
        row = page.rows[j]
        if len(row) != 1 or j in page.people or _recipient(recipient, j, row[0][0]) or infos[j].hits:
            continue
        name = _plain_name(infos[j].text, row[0][0], row[0][1])
        if name and not any(c.isdigit() for c in name):  # not an address ("Shop 123 London Bridge")
            return name
    return None


def _letterhead_over_registration(
    infos: list[LineInfo], top: list[int], recipient: _Marks, page: _Page
) -> str | None:
    """The page's first line, a name alone, over a line printing an address and a registration or
    tax number: the issuer's letterhead, even without a legal form (a translator, a shop), ahead of
    a customer's company named further down."""
    if len(top) < 2:
        return None
    first, second = top[0], top[1]
    row = page.rows[first]
    if len(row) != 1 or first in page.people or _recipient(recipient, first, row[0][0]) or infos[first].hits:
        return None
    below = clean_spaces(infos[second].text)
    if not (_REGISTRATION.search(below) and (_STREET.search(below) or _POSTCODE_CITY.search(below))):
        return None
    name = _plain_name(infos[first].text, row[0][0], row[0][1])
    return name if name and not any(c.isdigit() for c in name) else None


def _registered_names(infos: list[LineInfo], lines: list[int], recipient: _Marks, page: _Page) -> list[str]:
    """Legal-form names on a line with registration or tax details, right above or below it, or
    two lines above it heading a block; surest first (see _registered_ranked)."""
    return [name for _, _, name in _registered_ranked(infos, lines, recipient, page)]


def _registered_issuer(
    infos: list[LineInfo], lines: list[int], recipient: _Marks, page: _Page
) -> tuple[str | None, bool]:
    """The surest registered name, and whether it is undecided: a name heading a block two lines over
    a registration ties with another party's name over its own. Without a heading, "Customer GmbH /
    street / its VAT id" on top and the seller's name over its footer registration read alike."""
    ranked = _registered_ranked(infos, lines, recipient, page)
    if not ranked:
        return None, False
    best = [(head, name) for tier, head, name in ranked if tier == ranked[0][0]]
    if any(head for head, _ in best) and len({name for _, name in best}) > 1:
        return None, True
    return ranked[0][2], False


def _registered_ranked(
    infos: list[LineInfo], lines: list[int], recipient: _Marks, page: _Page
) -> list[tuple[int, bool, str]]:
    """(tier, heads its block only, name) of the registered names, surest tier first, then page order."""
    near: dict[int, list[tuple[int, int, str]]] = {}  # line -> the registration cells near it
    for i in lines:
        if _REGISTRATION.search(infos[i].text):
            registers = [(i, s, c) for s, c in page.rows[i] if _REGISTRATION.search(c)]
            # the name heads its block: on the registration's line, right next to it, or two lines
            # above it over the address ("Vegesacker Messebau GmbH" / street / "USt-IdNr. ...")
            above = (i - 2,) if i >= 2 and infos[i - 1].text.strip() and infos[i - 2].text.strip() else ()
            for j in (*above, i - 1, i, i + 1):
                if 0 <= j < len(infos):
                    near.setdefault(j, []).extend(registers)
    names: list[tuple[int, bool, str]] = []
    for j in (i for i in lines if i in near):
        # a name on its registration's line is surest; one over it may head a customer's block
        # (name / address / its VAT id), so it yields to a name printed with its registration
        rows = {r for r, _, _ in near[j]}
        tier = 0 if j in rows else 1 if any(r > j for r in rows) else 2
        head = tier == 1 and j + 1 not in rows  # two lines over its registration only
        # "Momsreg.nr SE556912447101": a VAT id's country code glued to its digits is no legal form
        found = [
            n
            for n in _legal_names(infos, [j], recipient, page)
            if not re.search(re.escape(n) + r"\d", infos[j].text)
        ]
        if len(page.legal_cells(j)) >= 2:
            # Two parties' blocks side by side, each headed by its name ("Harrow & Finch Ltd   Greystone
            # Consulting Ltd" over "14 Cathedral Yard   VAT ID: GB318447261"): the registration is
            # the issuer's whose block it is printed in, the one in its column.
            beside = [
                name
                for start, name in page.legal_cells(j)
                if name in found and any(_same_column(page, j, start, i, s, c) for i, s, c in near[j])
            ]
            found = beside or found
        # a name inside a line's phrase ("Proveedor tecnológico Factureya SAS Nit ...": the e-invoicing
        # software's maker in a footer) is no letterhead: it ranks as a name over a registration
        names += [(tier if tier or _opens_cell(infos[j].text, name) else 1, head, name) for name in found]
    return sorted(names, key=lambda thn: thn[0])


def _opens_cell(text: str, name: str) -> bool:
    """Whether `name` opens its line or a cell of it (after a run of spaces or a separator mark)."""
    before = text[: max(0, text.find(name))]
    return not before.strip() or re.search(r"(?:\s{2,}|[·|•–-]\s*)$", before) is not None


def _same_column(page: _Page, line: int, start: int, other: int, other_start: int, other_cell: str) -> bool:
    """Whether a cell of `line` starts in the column of a cell of line `other`: by the words' x
    positions when the page places them, else by the cell's place in two rows of as many cells."""
    cell = next((c for s, c in page.rows[line] if s == start), "")
    here, there = _cell_x(page, line, start, cell), _cell_x(page, other, other_start, other_cell)
    if here is not None and there is not None:  # a block aligned left, or right as many letterheads are
        reach = _UNDER_HEADING * max(here[2], there[2])
        return abs(here[0] - there[0]) <= reach or abs(here[1] - there[1]) <= reach
    row, other_row = page.rows[line], page.rows[other]
    if len(row) != len(other_row) or len(row) < 2:
        return False
    return [s for s, _ in row].index(start) == [s for s, _ in other_row].index(other_start)


def _legal_names(infos: list[LineInfo], lines: list[int], recipient: _Marks, page: _Page) -> list[str]:
    names = []
    for i in lines:
        names += [
            name
            for start, name in page.legal_cells(i)
            # "APImeister GmbH" beside "Herr Jens Walter": the customer's company
            if not _beside_person(page, i, start)
            and not _recipient(recipient, i, start)
            and not page.names_customer(name)
        ]
    return names


def _beside_person(page: _Page, line: int, start: int) -> bool:
    """Whether a cell is in the block of a person addressed by title: within two lines of one and,
    where the page places the words, in the person's column (blocks side by side are columns)."""
    cell = next((c for s, c in page.rows[line] if s == start), "")
    here = _cell_x(page, line, start, cell)
    for p, p_start in page.persons:
        if abs(line - p) > 2:
            continue
        there = _cell_x(page, p, p_start, next((c for s, c in page.rows[p] if s == p_start), ""))
        if here is None or there is None or (here[0] <= there[1] and there[0] <= here[1]):
            return True
    return False


# "(A Unit of Saravana Foods Pvt Ltd)", "operated by ...", "ein Unternehmen der ...": the company
# behind the brand printed above it, which is the name a reader knows the issuer by.
_PARENT = re.compile(
    r"(?i)(?<![^\W\d_])(?:(?:unit|division|member|subsidiary|brand|franchisee)\s+of|(?:operated|managed|owned)"
    r"\s+by|ein\s+unternehmen\s+(?:der|von)|une\s+(?:marque|filiale)\s+de|onderdeel\s+van|"
    # the operator named as such: German "Betreiber:", French "exploité par", Spanish "gestionado
    # por", Italian "gestito da", Dutch "geëxploiteerd door"
    r"betreiber(?:in)?\s*:|betrieben\s+von|exploit[ée]e?\s+par|exploitant\s*:|gestionad[oa]\s+por|"
    r"gestit[oa]\s+da|ge[eë]xploiteerd\s+door)(?![^\W\d_])"
)


# A legal form that receipt OCR ran into the name before it ("MEGAH RETAILSDNBHD",
# "MUSTERLIEFERANTGMBH"): capitals only, as such headers are printed, and forms no word ends with.
_GLUED_FORM = re.compile(
    r"(?<=[A-Z]{3})(?:(SDN)\.?\s?(BHD)|(PTE|PVT)\.?\s?(LTD)|(GMBH)|(LLC)|(LTD))(?![^\W\d_])"
)


# Forms an English-speaking issuer sets after a comma, as Portuguese and Brazilian ones set "Lda." and
# "Ltda." ("Hotel Miradouro, Lda."); not "NV", "SA", "SE" ("Las Vegas, NV").
_COMMA_FORMS = re.compile(
    r"(?i)inc\.?|l\.?l\.?c\.?|llp|ltd\.?|limited|corp\.?|corporation|plc|lda\.?|ltda\.?"
)


def unglue_legal_form(text: str) -> str:
    """ "MEGAH RETAILSDNBHD" -> "MEGAH RETAIL SDN BHD"; text without a glued form is unchanged."""
    return _GLUED_FORM.sub(lambda m: " " + " ".join(g for g in m.groups() if g), text)


def _legal_name(cell: str, *, in_seller_block: bool = False) -> str | None:
    """ "Premier Inn GmbH ist ein Mitglied ..." -> "Premier Inn GmbH": the capitalised words before
    a legal form."""
    cell = unglue_legal_form(cell)
    postcodes = [p.span() for p in _FORM_LIKE_POSTCODE.finditer(cell)]
    for m in _LEGAL_RE.finditer(cell):
        if any(a <= m.start() and m.end() <= b for a, b in postcodes):
            continue  # "Oudegracht 45, 3511 AB Utrecht": a postcode's letters, not a company's form
        words = re.split(r"\s+", cell[: m.start()].strip())
        taken: list[str] = []
        for n, word in enumerate(reversed(words)):
            # "Notion Labs, Inc.", "OpenAI, LLC": the US comma before the form is part of the name
            comma_form = n == 0 and word.endswith(",") and bool(_COMMA_FORMS.fullmatch(m.group(0)))
            if not word or (word.endswith((":", ";", ",")) and not comma_form) or re.search(r"[|@]", word):
                break
            if word[0].isupper() or word[0].isdigit() or word.lower() in _JOINERS:
                taken.append(word)
            else:
                break
            if len(taken) == 6:
                break
        # A lowercase joiner cannot start a name; a capitalised one can ("Am Hof 2 ... GmbH",
        # "The Cloud One Ltd", "De Vries B.V.").
        while taken and taken[-1] in _JOINERS:
            taken.pop()
        if not taken:
            continue
        name = " ".join([*reversed(taken), m.group(0)])
        if len(re.findall(r"[^\W\d_]", name)) - len(re.findall(r"[^\W\d_]", m.group(0))) < 2:
            continue
        if (not in_seller_block and _is_label(" ".join(reversed(taken)))) or _BOILERPLATE.match(name):
            continue
        if _FIELD_WORDS.match(name) and not in_seller_block:
            continue
        return clean_spaces(name)
    first = _FORM_FIRST.search(cell)
    return clean_spaces(first.group(0)) if first else None


# Latvian and Lithuanian companies set the form before the name: "SIA Rimi Latvia", "UAB Maxima LT".
_FORM_FIRST = re.compile(
    r"(?<![^\W\d_])(?:SIA|UAB)\s+[\"„“«]?[A-ZĀ-Ž0-9][\w&'.\-]*(?:\s+[A-ZĀ-Ž0-9][\w&'.\-]*){0,4}[\"”»]?"
)


def _letterhead_line(line: str, recipient: _Marks, i: int) -> str | None:
    """A sender line without separators: "Hotel Adler Hauptstraße 5 80331 München"."""
    row = cells(line)
    if not row or _recipient(recipient, i, row[0][0]):
        return None
    cell = clean_spaces(row[0][1])
    if not (_POSTCODE_CITY.search(cell) and re.search(rf"(?i)(?:{_STREET_WORDS})\S*\s+\d", cell)):
        return None
    return _name_before_address(cell)


def _name_before_address(cell: str) -> str | None:
    """ "Hotel Adler Hauptstraße 5 80331 München" -> "Hotel Adler": a letterhead on one line."""
    if not _STREET_WORD.search(cell) or cell[:1].isdigit():
        return None  # a street line ("123 Harbour Road"), not a name before an address
    head = re.split(r",|\s[-–|·•]\s|\s(?=\d)", cell, maxsplit=1)[0]
    bare = re.sub(r"\s+\S*(?:" + _STREET_WORDS + r")\S*$", "", head, flags=re.I)
    if bare != head and re.search(r"(?i)\s(?:" + _STREET_WORDS + r")\S*$", head):
        # a street word standing apart ("Philharmoniker Str.", "Shore Road") is named by the word
        # before it: that word belongs to the street, and only what precedes it can be a name
        bare = bare.rsplit(None, 1)[0] if len(bare.split()) > 1 else ""
    head = bare
    if not head or head == cell or len(head.split()) > 6:
        return None
    return _plain_name(head, 0, head)


def _is_label(words: str) -> bool:
    """The words are a label and nothing else ("Rechnungsadresse", not "Lieferant GmbH")."""
    hits = find_labels(words)
    return bool(hits) and hits[0].start == 0 and len(words) - hits[-1].end <= 1


# Digits inside a word of letters ("utNDR!CHS7R"): OCR of a logo or a stamp, never a printed name.
_OCR_NOISE = re.compile(r"[^\W\d_]{2}\d+[^\W\d_]|[^\W\d_]\d+[^\W\d_]{2}")
# Latin letters mixed with Arabic, Greek, Cyrillic or CJK ones in one word: OCR noise.
_MIXED = re.compile(r"[A-Za-z][\u0370-\u06ff\u3000-\u9fff]|[\u0370-\u06ff\u3000-\u9fff][A-Za-z]")


# A card terminal's slip prints the transaction's type on a line of its own ("PURCHASE", "SALE",
# "REFUND"; "KAUF", "VENTE", "VENTA", "ACQUISTO", "AANKOOP"): a word of the slip, never a name.
_CARD_SLIP = re.compile(
    r"(?i)^\W*(?:purchase|sale|refund|void|credit|debit|approved|declined|kauf|zahlung|gutschrift|"
    r"storno|vente|achat|paiement|remboursement|venta|compra|devoluci[oó]n|acquisto|vendita|"
    r"aankoop|betaling)\W*$"
)


def _plain_name(line: str, start: int, cell: str) -> str | None:
    """The top line as the vendor, when it is a name and nothing else."""
    after = line[start + len(cell) :]
    if re.match(r"\s*[:;]", after) or re.search(r"[:;]\s*\S", cell):
        return None  # a "key: value" pair ("Nummer: 549910", "Fin d'engagement : Date échue")
    name = _DOC_TAIL.sub("", clean_spaces(cell))
    name = re.sub(r"^[^\w(\"'&]+|[\s|*_~=]+$", "", name)  # OCR specks and rules around the name
    letters = len(re.findall(r"[^\W\d_]", name))
    if (
        letters < 3
        or _TITLES.match(name)
        or _TITLES.match(name.replace(" ", ""))  # "IN VOICE": a title split by OCR
        or _DOC_WORDS.search(name)
        or _NOISE.search(name)
        or _COUNTRIES.match(name)
        or _BOILERPLATE.match(name)
        or (len(name.split()) >= 3 and _ADDRESSED.search(name))
        or _THANKS_FOR.search(name)
        or _FIELD_WORDS.match(name)
        or _CARD_SLIP.match(name)
        or _SECTION.search(name)
        or RECIPIENT_LABEL.match(name)
        or len(name.split()) > 7
        or not name[:1].isalnum()
        or (name.rstrip().endswith(("!", "?", ".")) and len(name.split()) > 3)
        or _POSTCODE_CITY.search(name)
        or _street_line(name)
        or _UNIT_LINE.match(name)
        or _MIXED.search(name)
        or _OCR_NOISE.search(name)
        or name.rstrip().endswith((":", ";", ","))  # a line run on: "Plot 22, Sector V, Salt Lake,"
        or re.search(r"(?i)(?:#|\bno\.?|\bnr\.?|\bn[°º])$", name.rstrip())  # a number's label ("Honors #")
        or (name[:1].islower() and len(name.split()) > 2)
        or find_labels(name)
        or find_dates(name)
        or any(a.explicit for a in find_amounts(name))
        or _digit_heavy(name)
    ):
        return None
    return name[:80]


def _street_line(name: str) -> bool:
    """Whether a top line is a street address: a street word, unless the line has no house number
    and goes on after an English street type that does not begin it ("Main Street Restaurant")."""
    m = _STREET_WORD.search(name)
    if m is None:
        return False
    if any(ch.isdigit() for ch in name) or m.group(0).strip(" .").casefold() not in _CLOSING_STREET_TYPES:
        return True
    before, after = name[: m.start()], name[m.end() :]
    if not before.strip() or not _WORD_AFTER.match(after):
        return True  # the street type begins the line or ends it
    return _STREET_WORD.search(after) is not None
