"""The document's title line: "Invoice FA-2017-0008", "Handelsrechnung (380) Nr. 471102 vom
05.06.2018", "Avoir AV-2017-0005", "Receipt: 1877934", or a title with its number on the line below.

Many issuers print the invoice number (and date) beside the document's title instead of under
a "Invoice No" label; German titles say "Rechnung Nr. X vom <date>", French "Facture n° X du
<date>", Dutch "Factuur X van <date>", Spanish/Italian "Factura/Fattura n. X del <date>".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reimburse.adapters.heuristic.dates import find_dates
from reimburse.adapters.heuristic.label_values import cells
from reimburse.adapters.heuristic.totals import LineInfo

_TITLE = (
    # an electronic invoice's title, the form some countries require to be printed: Colombia's
    # "Factura electrónica de venta", Italy's "Fattura elettronica", "Facture électronique",
    # "Elektronische Rechnung", "Electronic invoice", "e-Invoice"
    r"(?:factura\s+electr[oó]nica(?:\s+de\s+venta)?|fattura\s+elettronica|facture\s+[ée]lectronique|"
    r"elektronische\s+rechnung|electronic\s+invoice|e-invoice|"
    r"[^\W\d_]*rechnung(?:skorrektur|skopie|sduplikat)?|gutschrift|quittung|invoice|tax\s*invoice|vat\s*invoice|vat\s*receipt|credit\s+note|receipt|bill|"
    r"facture|avoir|reçu|factuur|creditnota|kwitantie|factura|nota\s+de\s+cr[ée]dito|recibo|fattura|"
    r"nota\s+di\s+credito|ricevuta|scontrino|ticket|"
    # Portuguese and Brazilian documents ("Fatura-Recibo", "Fatura simplificada", "Nota Fiscal"), the
    # German till's "Bon" / "Kassenbon"
    r"fatura(?:[-\s]recibo|\s+simplificada)?|factura\s+simplificada|nota\s+fiscal|bon|kassenbon|"
    # the German "Beleg", the Italian till's "Documento commerciale", a hotel's "Folio"
    r"(?:kassen)?beleg|documento(?:\s+commerciale)?|(?:guest\s+)?folio|"
    # Nordic, Polish, Czech and Croatian titles: "Faktura VAT nr", "Daňový doklad č.", "Račun br."
    r"faktura(?:\s+vat)?|kvitto|rachunek|paragon(?:\s+fiskalny)?|da[ňn]ov[ýy]\s+doklad|[úu][čc]tenka|ra[čc]un)"
)
_NO = (
    r"(?:nr|no|n°|nº|n\.º|n|num|number|nummer|numéro|número|numero|numer|br|broj|č|čís|číslo|cislo)\.?"
    r"(?![^\W\d_])|#"
)
_TOKEN = r"[A-Za-z0-9][A-Za-z0-9./\-_]*[A-Za-z0-9]"
# A series code in capitals set apart from the number: Portuguese certified software prints
# "<type> <series>/<number>" ("FR 2024/55", "FT A/123"); others print "INV 00045", "RE 2024-17".
_SERIES = r"(?:(?-i:[A-Z]{1,4})\s(?=[A-Za-z0-9./\-_]*\d))?"
# "Rechnung 12345 Seite 1", "Invoice 4471 Page 1 of 2": the page's number after the reference.
_PAGE = r"(?:\s+(?:seite|page|pagina|página|blatt|p\.)\s*\d{1,3}(?:\s*(?:von|of|de|di|/)\s*\d{1,3})?)?"
_CONNECTOR = r"(?:vom|du|dated|de\s+fecha|del|van|d\.d\.|dal|of|from|le)"
# "Rechnung gemäß Bestellung Nr. 2018-471331 vom ...": a reference to another document.
_ELSEWHERE = re.compile(
    r"(?i)(?<![^\W\d_])(gem\.|gemäß|laut|bestellung|auftrag|lieferschein|vertrag|order|contract|"
    r"according|selon|commande|bestelling|pedido|ordine|ref|reference|referenz|zu|zur|for|pour|voor|"
    r"para|per|page|seite|"
    # delivery notes: "Bon de livraison n°", "Documento di trasporto n.", "Guia de remessa n.º"
    r"livraison|trasporto|transporte|consegna|remessa|albar[aá]n|lieferung)(?![^\W\d_])"
)
_NUMBERED = re.compile(
    rf"(?i)^\W*{_TITLE}(?![^\W\d_])(?P<mid>[^\n]{{0,60}}?)(?<![^\W\d_])(?:{_NO})\s*[:#]?\s*(?P<num>{_SERIES}{_TOKEN})"
    rf"(?:\s+{_CONNECTOR}(?![^\W\d_])(?P<rest>.*))?{_PAGE}$"
)
# A bilingual title names the document twice ("RAČUN/BILL", "Rechnung / Invoice"). The date may
# follow the number after a separator instead of a word ("Invoice 2025-27 · October 14, 2025"):
# then only a date may follow it, and only the number is taken (see _reference).
_BARE = re.compile(
    rf"(?i)^\W*{_TITLE}(?![^\W\d_])(?:\s*/\s*[^\W\d_]{{2,}})?\s*[:#]?\s*(?P<num>{_SERIES}{_TOKEN})"
    rf"(?:(?:\s+{_CONNECTOR}(?![^\W\d_])|(?P<sep>\s*[·•|–—]\s*|\s+-\s+))(?P<rest>.*))?{_PAGE}$"
)
_DATED = re.compile(rf"(?i)^\W*{_TITLE}\s+{_CONNECTOR}(?![^\W\d_])(?P<rest>.+)$")
# A title alone, or two document words for one document ("FATURA / RECIBO", "Rechnung / Invoice").
_TITLE_ONLY = re.compile(rf"(?i)^\W*{_TITLE}(?:\s*/\s*{_TITLE})?\W*$")
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class TitleReference:
    line: int
    number: str | None
    dated: str | None  # the text after "vom"/"du"/"dated": where the invoice date is printed


def is_reference(token: str) -> bool:
    """A printed reference: has a digit, is longer than a counter, and is no bare year."""
    return len(token) >= 3 and any(ch.isdigit() for ch in token) and not _YEAR.fullmatch(token)


def title_references(infos: list[LineInfo], top: int = 25) -> list[TitleReference]:
    """Title lines (or cells) with a number or a date, in the first `top` non-blank lines."""
    filled = [i for i, info in enumerate(infos) if info.text.strip()][:top]
    found: list[TitleReference] = []
    for n, i in enumerate(filled):
        below = infos[filled[n + 1]].text if n + 1 < len(filled) else ""
        row = cells(infos[i].text)
        for k, (_, cell) in enumerate(row):
            ref = _reference(i, cell, below, row[k + 1][1] if k + 1 < len(row) else "")
            if ref is not None:
                found.append(ref)
                break
    return found


def _reference(i: int, cell: str, below: str, right: str = "") -> TitleReference | None:
    """The reference of a title `cell`: on its own text, else (a title alone) in the next cell on
    its row ("Rechnung   12345"), else first on the line `below`."""
    m = _NUMBERED.match(cell)
    if m is not None and _ELSEWHERE.search(m.group("mid")):
        m = None
    m = m or _BARE.match(cell)
    if m is not None and m.re is _BARE and m.group("sep") and not find_dates(m.group("rest") or ""):
        m = None  # "Invoice 2025 | Page 2", "Receipt 12 · Table 4": no date after the mark
    if m is not None and is_reference(m.group("num")) and not _looks_like_date(m.group("num")):
        rest = m.group("rest")
        dated = rest if rest is None or rest.strip() else below
        if m.re is _BARE and m.group("sep"):
            # a mark is no "vom"/"dated": the date after it may be a stay's, a trip's or a period's,
            # so it must not outrank the page's own "Date:" label (the free-date reading still finds it)
            dated = None
        return TitleReference(i, m.group("num"), dated)
    dated_only = _DATED.match(cell)
    if dated_only is not None:
        return TitleReference(i, None, dated_only.group("rest"))
    if _TITLE_ONLY.match(cell):
        first = cells(below)
        # "Receipt:   02/0036/0501" is a key and its value (a card slip's), not the title's number
        beside = "" if cell.rstrip().endswith((":", ";")) else right
        for place, token in enumerate((beside, first[0][1] if first else "")):
            numbered = re.match(
                rf"(?i)^(?:{_NO}|r[ée]f\.?)\s*[:#]?\s*({_TOKEN})$", token
            )  # "FACTURE" over "N° 2024-001"; Dolibarr's "Bill" over "Ref. : F-007318"
            token = numbered.group(1) if numbered else token
            # a series code before the number only beside the title, on its row ("FACTURA
            # ELECTRONICA DE VENTA   FEV 3310"); under it, "PO 4500012345" is another document's
            shape = _SERIES + _TOKEN if place == 0 else _TOKEN
            if re.fullmatch(shape, token) and is_reference(token) and not _looks_like_date(token):
                return TitleReference(i, token, None)
    return None


def title_cells(infos: list[LineInfo], top: int = 25) -> list[tuple[int, int, int]]:
    """(line, start, end) of cells that hold the document's title and nothing else ("TAX INVOICE"
    in the header's right column), in the first `top` non-blank lines."""
    filled = [i for i, info in enumerate(infos) if info.text.strip()][:top]
    return [
        (i, start, start + len(cell))
        for i in filled
        for start, cell in cells(infos[i].text)
        if _TITLE_ONLY.match(cell)
    ]


def _looks_like_date(token: str) -> bool:
    """A date or an amount, not a reference. Shaped like a date but no calendar date
    ("4300-31-11", a folio number in three parts) is a reference."""
    if re.fullmatch(r"\d+[.,]\d{2}", token):
        return True
    return bool(re.fullmatch(r"\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}", token)) and bool(find_dates(token))
