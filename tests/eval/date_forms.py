"""Invoice dates in the written forms real invoices use, read through the offline invoice reader.

The corpus's development documents show a few date forms; invoices in the wild print many more.
This table holds written date forms by language convention (ordinals, weekday prefixes, month
abbreviations with and without dots, "de" in Spanish and Portuguese, Roman-numeral months,
two-digit years, ISO with time and zone, dates glued to times, CJK and Japanese era dates, spaced
separators) and the traps a careful reader must not fall into (due, delivery, order, printed and
validity dates, birth dates and card expiries near the invoice date, month-year periods, an
ambiguous 03/04/2026 with nothing to settle it). Each form is printed inside a short receipt or
invoice text of its language, after the language's date label or bare in a header line, and read
twice: as plain text and as a rendered PDF (text layer) through the real PDF reader.

`python -m tests.eval.date_forms [--misses] [--no-pdf]`

Outcomes: right (the true date, no reading flag), right but flagged, wrong but flagged (review
catches it), SILENT wrong, and missing (no date read). An ambiguous form is right only when it is
flagged; any silent reading of it is wrong.
"""

from __future__ import annotations

import argparse
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

D = date(2026, 11, 27)  # the invoice date of every form that names it (a Friday)


@dataclass(frozen=True)
class Lang:
    code: str
    vendor: str
    address: str
    label: str  # the language's invoice-date label
    item: str
    total: str
    money: str  # "{}" is the amount
    font: str = "Helvetica"  # PDF font: "unicode" for text outside Latin-1, "cjk" for CJK


LANGS = {
    "en_gb": Lang(
        "en_gb",
        "Harbour Lane Stores Ltd",
        "4 Quay Road, Bristol BS1 4QA",
        "Date of issue:",
        "Sandwich",
        "TOTAL",
        "£{}",
    ),
    "en": Lang("en", "Corner Kiosk", "Unit 4, Market Square", "Date:", "Coffee", "TOTAL", "{}"),
    "hr": Lang("hr", "Pekara Kruh", "Ilica 5, 10000 Zagreb", "Datum:", "Kifle", "UKUPNO", "{} EUR"),
    "en_us": Lang(
        "en_us",
        "Maple Ridge Diner LLC",
        "118 Oak Ave, Portland, OR 97205",
        "Invoice Date:",
        "Pancakes",
        "TOTAL",
        "${}",
    ),
    "de": Lang(
        "de",
        "Bäckerei Lindner GmbH",
        "Hauptstraße 12, 80331 München",
        "Ausstellungsdatum:",
        "Brezen",
        "SUMME",
        "{} EUR",
    ),
    "fr": Lang(
        "fr",
        "Boulangerie du Port SARL",
        "3 rue des Quais, 69002 Lyon",
        "Date d'émission :",
        "Croissants",
        "TOTAL TTC",
        "{} €",
    ),
    "es": Lang(
        "es",
        "Cafetería La Plaza S.L.",
        "Calle Mayor 8, 28013 Madrid",
        "Fecha de emisión:",
        "Bocadillo",
        "TOTAL",
        "{} €",
    ),
    "it": Lang(
        "it",
        "Trattoria Il Ponte S.r.l.",
        "Via Roma 21, 40121 Bologna",
        "Data emissione:",
        "Coperto",
        "TOTALE",
        "€ {}",
    ),
    "nl": Lang(
        "nl",
        "Bakkerij De Molen B.V.",
        "Kerkstraat 5, 3511 LX Utrecht",
        "Factuurdatum:",
        "Broodjes",
        "TOTAAL",
        "€ {}",
    ),
    "pt": Lang(
        "pt",
        "Pastelaria Central Lda.",
        "Rua Augusta 40, 1100-053 Lisboa",
        "Data de emissão:",
        "Pastéis",
        "TOTAL",
        "{} €",
    ),
    "pl": Lang(
        "pl",
        "Piekarnia Pod Lipą Sp. z o.o.",
        "ul. Długa 7, 80-827 Gdańsk",
        "Data wystawienia:",
        "Pieczywo",
        "RAZEM",
        "{} zł",
        "unicode",
    ),
    "sv": Lang(
        "sv",
        "Kafé Strandvägen AB",
        "Strandvägen 3, 114 56 Stockholm",
        "Fakturadatum:",
        "Kanelbulle",
        "TOTALT",
        "{} kr",
    ),
    "da": Lang(
        "da",
        "Bageriet Nørrebro ApS",
        "Nørrebrogade 20, 2200 København N",
        "Fakturadato:",
        "Rundstykker",
        "I ALT",
        "{} kr.",
    ),
    "no": Lang(
        "no",
        "Kaffebrenneriet Bryggen AS",
        "Bryggen 9, 5003 Bergen",
        "Fakturadato:",
        "Skolebolle",
        "TOTALT",
        "kr {}",
    ),
    "fi": Lang(
        "fi",
        "Kahvila Satama Oy",
        "Satamakatu 4, 00160 Helsinki",
        "Päiväys:",
        "Korvapuusti",
        "YHTEENSÄ",
        "{} €",
    ),
    "cs": Lang(
        "cs",
        "Pekárna U Mostu s.r.o.",
        "Karlova 11, 110 00 Praha 1",
        "Datum vystavení:",
        "Rohlíky",
        "CELKEM",
        "{} Kč",
        "unicode",
    ),
    "tr": Lang(
        "tr",
        "Simitçi Galata Ltd. Şti.",
        "Galata Kulesi Sk. 2, 34421 İstanbul",
        "Fatura Tarihi:",
        "Simit",
        "TOPLAM",
        "{} TL",
        "unicode",
    ),
    "ru": Lang(
        "ru", "ООО «Пекарня»", "ул. Тверская 7, Москва", "Дата:", "Хлеб", "ИТОГО", "{} руб.", "unicode"
    ),
    "uk": Lang(
        "uk", "ТОВ «Кав'ярня»", "вул. Хрещатик 5, Київ", "Дата:", "Кава", "РАЗОМ", "{} грн", "unicode"
    ),
    "bg": Lang("bg", "Пекарна ЕООД", "ул. Витоша 3, София", "Дата:", "Хляб", "ОБЩО", "{} лв.", "unicode"),
    "vi": Lang(
        "vi",
        "Quán Cà Phê Sông",
        "12 Lê Lợi, Quận 1, TP.HCM",
        "Ngày lập:",
        "Cà phê",
        "TỔNG CỘNG",
        "{} đ",
        "unicode",
    ),
    "th": Lang("th", "ร้านกาแฟริมน้ำ", "ถนนสุขุมวิท กรุงเทพฯ 10110", "วันที่:", "กาแฟ", "รวม", "{} บาท", "cjk"),
    "zh_tw": Lang("zh_tw", "港灣咖啡", "台北市信義區松仁路100號", "日期:", "拿鐵", "合計", "NT${}", "cjk"),
    "ja": Lang("ja", "喫茶 みなと", "東京都中央区銀座1-2-3", "発行日:", "コーヒー", "合計", "¥{}", "cjk"),
    "zh": Lang("zh", "海港茶餐厅", "香港中环德辅道中88号", "日期:", "奶茶", "合计", "HK${}", "cjk"),
    "ko": Lang(
        "ko", "바다 카페", "서울특별시 중구 세종대로 110", "발행일:", "아메리카노", "합계", "₩{}", "cjk"
    ),
}


@dataclass(frozen=True)
class Form:
    kind: str  # the form's family, for the per-form table
    lang: str
    printed: str
    want: date | None  # None: ambiguous, must be flagged
    trap: str = ""  # a line with another role, printed before the date line ("{}" is its date)
    bare: bool = False  # the date stands in a header line without a label
    label: str = ""  # a label other than the language's invoice-date label


def _f(kind: str, lang: str, *printed: str, want: date | None = D) -> list[Form]:
    return [Form(kind, lang, p, want) for p in printed]


FORMS: list[Form] = [
    # ordinal days
    *_f("ordinal", "en_gb", "27th November 2026", "the 27th of November 2026", "27th Nov 2026"),
    *_f("ordinal", "en_us", "Nov 27th, 2026", "November 27th, 2026", "the 27th of November, 2026"),
    # weekday prefixes
    *_f("weekday", "en_gb", "Fri, 27 Nov 2026", "Friday 27 November 2026"),
    *_f("weekday", "en_us", "Friday, November 27, 2026", "Fri, Nov 27, 2026"),
    *_f("weekday", "de", "Freitag, 27. November 2026", "Fr., 27.11.2026", "Fr 27.11.26"),
    *_f("weekday", "fr", "ven. 27 nov. 2026", "vendredi 27 novembre 2026", "Ven 27/11/2026"),
    *_f("weekday", "es", "vie. 27 nov. 2026", "viernes, 27 de noviembre de 2026"),
    *_f("weekday", "it", "ven 27 nov 2026", "venerdì 27 novembre 2026"),
    *_f("weekday", "nl", "vr 27 nov 2026", "vrijdag 27 november 2026"),
    *_f("weekday", "pt", "sex., 27 nov. 2026", "sexta-feira, 27 de novembro de 2026"),
    *_f("weekday", "sv", "fre 27 nov 2026", "fredag 27 november 2026"),
    *_f("weekday", "pl", "pt., 27.11.2026", "piątek, 27 listopada 2026"),
    # month names and abbreviations, with and without dots
    *_f("month name", "en_gb", "27 Nov. 2026", "27-Nov-2026", "27 November 2026"),
    *_f("month name", "en_us", "Nov. 27, 2026", "Nov 27 2026", "27-Nov-26"),
    *_f("month name", "de", "27. Nov. 2026", "27. Nov 2026", "27. November 2026", "27.Nov.2026"),
    *_f("month name", "fr", "27 nov. 2026", "27 novembre 2026", "27-nov.-2026"),
    *_f("month name", "es", "27 nov. 2026", "27-nov-2026", "27/nov/2026"),
    *_f("month name", "it", "27 nov. 2026", "27 novembre 2026", "27-nov-26"),
    *_f("month name", "nl", "27 nov. 2026", "27 november 2026", "27-nov-2026"),
    *_f("month name", "pt", "27 nov. 2026", "27/nov/2026"),
    *_f("month name", "pl", "27 listopada 2026", "27 lis 2026", "27 lis. 2026"),
    *_f("month name", "sv", "27 nov. 2026", "27 november 2026"),
    *_f("month name", "da", "27. nov. 2026", "27. november 2026"),
    *_f("month name", "no", "27. nov. 2026", "27. november 2026"),
    *_f("month name", "no", "27. des. 2026", want=date(2026, 12, 27)),
    *_f("month name", "da", "27-11-2026"),
    *_f("month name", "fi", "27. marraskuuta 2026", "27. marrask. 2026", "27.11.2026"),
    *_f("month name", "cs", "27. listopadu 2026", "27. 11. 2026"),
    *_f("month name", "tr", "27 Kasım 2026", "27 Kas 2026", "27.11.2026"),
    *_f("month name", "ru", "27 ноября 2026 г.", "27 НОЯБРЯ 2026"),
    *_f("month name", "uk", "27 листопада 2026 р."),
    *_f("month name", "bg", "27 ноември 2026 г."),
    *_f("words", "vi", "Ngày 27 tháng 11 năm 2026", "ngay 27 thang 11 nam 2026"),
    # Spanish and Portuguese "de"
    *_f("de", "es", "27 de noviembre de 2026", "27 de nov. de 2026"),
    *_f("de", "pt", "27 de novembro de 2026", "27 de nov. de 2026"),
    # Roman-numeral months
    *_f("roman", "pl", "27.XI.2026", "27-XI-2026", "27 XI 2026"),
    *_f("roman", "cs", "27.XI.2026"),
    # two-digit years
    *_f("2-digit year", "de", "27.11.26"),
    *_f("2-digit year", "en_us", "11/27/26"),
    *_f("2-digit year", "fr", "27/11/26"),
    # ISO, with time and zone; dotted ISO
    *_f("iso", "en_gb", "2026-11-27T14:32:05+01:00", "2026-11-27 14:32", "2026-11-27T14:32:05Z"),
    *_f("iso", "sv", "2026-11-27"),
    *_f("dotted iso", "ko", "2026.11.27"),
    *_f("dotted iso", "de", "2026.11.27"),
    # glued to times
    *_f("with time", "en_gb", "27/11/2026 14:32", "27/11/2026 2:32 PM"),
    *_f("with time", "en_us", "11/27/2026 2:32 PM", "11/27/2026 14:32:05"),
    *_f("with time", "de", "27.11.2026, 14:32 Uhr", "27.11.2026 14:32:05"),
    *_f("with time", "fr", "le 27/11/2026 à 14h32", "27/11/2026 - 14:32"),
    # CJK and Japanese era
    *_f("cjk", "ja", "2026年11月27日", "2026年11月27日(金)", "2026/11/27"),
    *_f("cjk", "zh", "2026年11月27日", "2026/11/27"),
    *_f("cjk", "ko", "2026년 11월 27일", "2026. 11. 27."),
    *_f("japanese era", "ja", "令和8年11月27日", "令和8年11月27日(金)", "R8.11.27"),
    *_f("buddhist era", "th", "27/11/2569", "27/11/2569 14:32"),
    *_f("minguo", "zh_tw", "115年11月27日", "民國115年11月27日", "中華民國 115 年 11 月 27 日"),
    # spaced separators
    *_f("spaced", "en_gb", "27 . 11 . 2026", "27 / 11 / 2026"),
    *_f("spaced", "de", "27 . 11 . 2026"),
    *_f("with time", "en_us", "Nov 27, 2026 at 2:32 PM", "Nov 27, 2026, 2:32:05 PM"),
    *_f("with time", "en_gb", "27 Nov 2026, 14:32", "Friday 27 November 2026 14:32"),
    *_f("with time", "es", "27/11/2026 14:32:05"),
    *_f("with time", "ja", "2026/11/27 14:32"),
    # more forms tills and invoicing systems print
    *_f("month name", "en_gb", "27 Nov 26", "27NOV26", "27NOV2026", "27th Nov '26"),
    *_f("month name", "en_us", "Nov 27th '26", "NOV-27-2026"),
    *_f("numeric", "en_us", "11-27-2026", "11.27.2026"),
    *_f("numeric", "nl", "27-11-26"),
    *_f("numeric", "pl", "27.11.2026 r.", "27.11.2026r."),
    *_f("numeric", "it", "27/11/26"),
    *_f("iso", "en_gb", "2026-11-27 (Fri)", "20261127"),
    *_f("with time", "en_us", "Fri Nov 27 14:32:05 2026", "Nov 27 2026 02:32PM", "11/27/2026 at 2:32 PM"),
    *_f("with time", "de", "27.11.2026 um 14:32", "27.11.2026/14:32", "27.11.2026 14:32"),
    *_f("with time", "en_gb", "27/11/2026 at 14:32", "27-11-2026 14:32"),
    # numeric order: settled by the document (a US address, a UK postcode), flagged when nothing does
    *_f("numeric order", "en_us", "03/04/2026", want=date(2026, 3, 4)),
    *_f("numeric order", "en_gb", "03/04/2026", want=date(2026, 4, 3)),
    *_f("numeric order", "de", "03/04/2026", want=date(2026, 4, 3)),
    *_f("ambiguous", "en", "03/04/2026", "04/03/26", want=None),
    *_f("ambiguous", "hr", "27. listopada 2026", want=None),
    # the English formal dating of receipts and bills
    *_f("ordinal", "en_gb", "this 27th day of November 2026", "the 27th day of November, 2026"),
    # a date mask printed beside the label settles an order nothing else does
    Form("mask", "en", "03/04/2026", date(2026, 4, 3), label="Date (dd/mm/yyyy):"),
    Form("mask", "en", "03/04/2026", date(2026, 3, 4), label="Date (MM/DD/YYYY):"),
    Form("mask", "en", "04/03/26", date(2026, 3, 4), label="Invoice date (DD.MM.YY):"),
]
# the languages' short labels ("Tarih", "Dato", "Pvm"), with a due date printed before them
_SHORT = {
    "tr": "Tarih:",
    "fi": "Pvm:",
    "da": "Dato:",
    "no": "Dato:",
    "pt": "Data:",
    "sv": "Datum:",
    "pl": "Data:",
    "cs": "Datum:",
    "en_gb": "Tax point:",
    "nl": "Datum:",
}
# bare: no label, the date in a header line
_ALSO_BARE = (
    *("ordinal", "weekday", "month name", "roman", "with time", "cjk", "japanese era", "ambiguous", "words"),
    *("buddhist era", "minguo"),
)
FORMS += [Form("bare " + f.kind, f.lang, f.printed, f.want, bare=True) for f in FORMS if f.kind in _ALSO_BARE]
# traps: a date with another role printed before the invoice date (two weeks later or earlier)
_TRAPS = {
    "en_gb": [
        "Due date: {}",
        "Delivery period: 1 Nov 2026 - 30 Nov 2026",
        "Order date: {}",
        "Printed: {}",
        "Valid until: {}",
        "Date of birth: 03/04/1988",
        "Card expiry: 11/28",
        "Billing period: November 2026",
        "Despatch date: {}",
        "Despatched: {}",
    ],
    "en_us": [
        "Due Date: {}",
        "Order Date: {}",
        "Ship Date: {}",
        "Card exp 11/28",
        "Shipped: {}",
        "Delivered: {}",
        "Order placed: {}",
    ],
    "de": [
        "Fälligkeitsdatum: {}",
        "Lieferdatum: {}",
        "Leistungszeitraum: 01.11.2026 bis 30.11.2026",
        "Bestelldatum: {}",
        "Gültig bis: {}",
        "Abrechnungszeitraum: November 2026",
        "Geburtsdatum: 03.04.1988",
        "Druckdatum: {}",
        "Lieferung: {}",
    ],
    "fr": ["Date d'échéance : {}", "Date de livraison : {}", "Date de commande : {}", "Livraison : {}"],
    "es": ["Fecha de vencimiento: {}", "Fecha de entrega: {}", "Periodo: noviembre 2026", "Entrega: {}"],
    "it": ["Data scadenza: {}", "Data consegna: {}", "Consegna: {}"],
    "nl": ["Vervaldatum: {}", "Leverdatum: {}", "Levering: {}"],
    "pl": ["Termin płatności: {}", "Data sprzedaży: {}"],
    "sv": ["Förfallodatum: {}", "Leverans: {}"],
    "cs": ["Datum splatnosti: {}"],
    "fi": ["Eräpäivä: {}"],
    "pt": ["Data de vencimento: {}", "Vencimento: {}", "Data de entrega: {}"],
    "tr": ["Son Ödeme Tarihi: {}", "Vade Tarihi: {}", "Sevk Tarihi: {}"],
    "da": ["Betalingsdato: {}", "Forfaldsdato: {}"],
    "no": ["Forfallsdato: {}", "Leveringsdato: {}"],
}
_TRAP_DATE = {"en_us": "12/11/2026", "en_gb": "11 December 2026", "de": "11.12.2026"}
for _code, _lines in _TRAPS.items():
    _trap_date = _TRAP_DATE.get(_code, "11.12.2026")
    for _line in _lines:
        _printed = {"en_us": "11/27/2026", "en_gb": "27/11/2026"}.get(_code, "27.11.2026")
        FORMS.append(Form("trap", _code, _printed, D, trap=_line.format(_trap_date)))
        FORMS.append(Form("bare trap", _code, _printed, D, trap=_line.format(_trap_date), bare=True))
        if _code in _SHORT:
            FORMS.append(
                Form(
                    "short label trap", _code, _printed, D, trap=_line.format(_trap_date), label=_SHORT[_code]
                )
            )


def receipt_lines(form: Form) -> list[str]:
    """A short receipt or invoice of the form's language, with the form as its date."""
    lang = LANGS[form.lang]
    amount = "12.40" if lang.code in ("en", "en_gb", "en_us", "ja", "zh", "ko", "th", "zh_tw") else "12,40"
    lines = [lang.vendor, lang.address]
    if form.trap:
        lines.append(form.trap)
    lines.append(f"Bon 0481   {form.printed}" if form.bare else f"{form.label or lang.label} {form.printed}")
    lines += [f"{lang.item}   {lang.money.format(amount)}", f"{lang.total}   {lang.money.format(amount)}"]
    return lines


@dataclass(frozen=True)
class Outcome:
    form: Form
    source: str  # "text" or "pdf"
    got: date | None
    flagged: bool
    flags: tuple[str, ...]

    @property
    def kind(self) -> str:
        want = self.form.want
        if want is None:  # ambiguous: only a flag is right
            return "right" if self.flagged else ("none" if self.got is None else "SILENT wrong")
        if self.got == want:
            return "right, flagged" if self.flagged else "right"
        if self.got is None:
            return "none"
        return "wrong, flagged" if self.flagged else "SILENT wrong"


def _pdf(form: Form) -> bytes | None:
    from tests.pdf_factory import text_pdf, unicode_font

    lang = LANGS[form.lang]
    if lang.font == "cjk":
        return None  # no CJK font on this machine: the text reading stands for it
    if lang.font == "unicode":
        font = unicode_font()
        return text_pdf(*receipt_lines(form), font=font) if font else None
    try:
        return text_pdf(*receipt_lines(form))
    except UnicodeEncodeError:
        return None


def run(forms: list[Form], pdf: bool) -> list[Outcome]:
    from reimburse.adapters.heuristic.invoice_extractor import HeuristicInvoiceExtractor
    from reimburse.adapters.pdf.pdfplumber_document_reader import PdfplumberDocumentReader
    from reimburse.domain.errors import DocumentError, ExtractionError
    from reimburse.domain.verdict.decide import Claim, decide
    from reimburse.domain.verdict.document import Document
    from tests.eval.invoice_eval import FAR_FUTURE, NO_CURRENCY, READING_FLAGS, _open_policy

    extractor, reader = HeuristicInvoiceExtractor(), PdfplumberDocumentReader()
    unknown, judged = _open_policy(NO_CURRENCY), _open_policy("EUR")
    out = []
    for form in forms:
        text = "\n".join(receipt_lines(form))
        docs: list[tuple[str, Callable[[], Document]]] = [
            ("text", lambda t=text: Document("x.pdf", hashlib.sha256(t.encode()).hexdigest(), t, (t,)))
        ]
        if pdf and (data := _pdf(form)) is not None:
            docs.append(("pdf", lambda d=data: reader.read(d, "x.pdf")))
        for source, make in docs:
            try:
                invoice = extractor.read(make(), unknown)
            except (DocumentError, ExtractionError) as exc:
                out.append(Outcome(form, source, None, True, (f"error: {exc}",)))
                continue
            verdict = decide(judged, invoice, Claim(employee_name="", submitted_on=FAR_FUTURE))
            flags = tuple(str(f.code) for f in verdict.flags)
            flagged = any(f in READING_FLAGS for f in flags if f != "missing_date")
            out.append(Outcome(form, source, invoice.invoice_date, flagged, flags))
    return out


_KINDS = ("right", "right, flagged", "wrong, flagged", "SILENT wrong", "none")


def table(outcomes: list[Outcome], key: Callable[[Outcome], str], title: str) -> list[str]:
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for o in outcomes:
        groups[key(o)][o.kind] += 1
        groups["all"][o.kind] += 1
    rows = [
        f"| {title} | n | right | right, flagged | wrong, flagged | SILENT wrong | none |",
        "|---" * 7 + "|",
    ]
    for name in sorted(groups, key=lambda g: (g == "all", g)):
        c = groups[name]
        rows.append(f"| {name} | {sum(c.values())} | " + " | ".join(str(c[k]) for k in _KINDS) + " |")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print every form not read right")
    parser.add_argument("--no-pdf", action="store_true", help="read the texts only")
    args = parser.parse_args()
    outcomes = run(FORMS, pdf=not args.no_pdf)
    print(f"{len(FORMS)} forms, {len(outcomes)} readings\n")
    print("\n".join(table(outcomes, lambda o: o.form.kind, "form")) + "\n")
    print("\n".join(table(outcomes, lambda o: o.form.lang, "language")) + "\n")
    print("\n".join(table(outcomes, lambda o: o.source, "source")))
    if args.misses:
        print()
        for o in outcomes:
            if o.kind not in ("right", "right, flagged"):
                trap = f" after {o.form.trap!r}" if o.form.trap else ""
                where = "bare" if o.form.bare else "labelled"
                print(
                    f"{o.kind:14} {o.source:4} {o.form.lang:5} {where:8} {o.form.printed!r}{trap}: "
                    f"got {o.got} ({', '.join(o.flags)})"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
