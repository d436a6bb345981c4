"""Invoice labels in English, Dutch, French, German, Spanish and Italian, found even when the PDF
text layer runs words together ("GrandTotal", "TotalAmount:", "InvoiceNo")."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from reimburse.adapters.invoice_labels.amount_labels import AMOUNT_PHRASES
from reimburse.adapters.invoice_labels.world_labels import WORLD


class Label(enum.StrEnum):
    GRAND = "grand"  # the amount charged: Grand Total, Amount Payable, Total TTC, Te betalen
    TOTAL = "total"  # a bare Total / Summe / Totaal
    NET = "net"  # "Net amount": pre-tax in Europe, the payable amount on many Indian bills
    PAID = "paid"  # Amount paid / Balance due: a total only when nothing better is printed
    WEAK = "weak"  # Amount / Fare / Betrag: a total only as a last resort
    SUBTOTAL = "subtotal"
    TAX = "tax"
    TAX_TOTAL = "tax_total"
    DISCOUNT = "discount"
    ROUNDING = "rounding"
    DUE = "due"  # still to pay after deposits or payments (Zahlbetrag, Balance due, Net à payer)
    PREPAID = "prepaid"  # deposits and payments already made (Anzahlung, acompte, deposit)
    CHANGE = "change"  # cash handed back
    TIP = "tip"  # tip, gratuity, service charge: added after tax
    TAX_INCLUDED = "tax_included"  # "davon MwSt", "dont TVA": tax inside the total, never added
    OTHER = "other"  # shadows look-alikes: GSTIN, Tax Invoice, Total Qty, Due Date...
    INVOICE_DATE = "invoice_date"
    DATE = "date"
    TRAVEL_DATE = "travel_date"
    OTHER_DATE = "other_date"  # a date with another role: due, delivery, service period, order, print
    CHECK_IN = "check_in"
    CHECK_OUT = "check_out"
    INVOICE_NO = "invoice_no"
    FOLIO_NO = "folio_no"  # a hotel's account of the stay: the invoice's number only when none is printed
    BOOKING_NO = "booking_no"
    NAME = "name"
    VENDOR = "vendor"


def _p(spec: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in spec.split(",") if w.strip())


_PHRASES: dict[Label, tuple[str, ...]] = {
    Label.GRAND: _p(
        "grand total, total amount payable, amount payable, net payable, total payable, net amount payable,"
        " payable amount, amount due, total due, total amount due, amount to pay, amount to be paid,"
        " total to pay, total amount, invoice total, invoice amount, invoice value, total invoice value,"
        " total invoice amount, bill amount, bill total, total bill, total bill amount, total fare,"
        " total trip fare, trip total, ride total, total charged, amount charged, total incl,"
        " total including, total inclusive, total (incl, total with tax, total value, final amount,"
        " final total, total cost, total price, total ttc, montant ttc, net à payer, net a payer,"
        " montant à payer, total à payer, total a payer, montant total, total général, te betalen, totaal te betalen,"
        " totaalbedrag, totaal incl, totaal bedrag, gesamtbetrag, rechnungsbetrag, endbetrag, zu zahlen,"
        " zahlbetrag, gesamtsumme, bruttobetrag, summe brutto, gesamt brutto, importe total,"
        " total a pagar, total factura, total importe, importo totale, totale da pagare, totale fattura,"
        " totale complessivo,"
        # the bill with the tip chosen on the card terminal or tablet: what the card was charged
        " total with tip, total with tips, total incl. tip, total including tip, total with gratuity"
    ),
    Label.TOTAL: _p(
        "total, totals, totaal, summe, gesamt, totale, totaux, net total, total (inr), total (eur)"
    ),
    Label.NET: _p("net amount, netto bedrag"),
    Label.PAID: _p(
        "amount paid, total paid, paid amount, amount received, balance due, balance, paid, bezahlt,"
        " betaald, payé, pagado, pagato, montant payé"
    ),
    Label.WEAK: _p(
        "amount, fare, price, charges, betrag, bedrag, montant, importe, importo, prijs, preis, prix,"
        " amount (inr), amount (rs)"
    ),
    Label.SUBTOTAL: _p(
        "subtotal, sub total, sub-total, zwischensumme, sous-total, sous total, subtotaal, taxable value,"
        " taxable amount, total taxable value, total taxable amount, total before tax, total before taxes,"
        " amount before tax, total excl, total excluding, total ex vat, total ex. vat, excl. vat,"
        " total ht, montant ht, total hors taxes, total h.t, nettobetrag, netto, summe netto,"
        " gesamt netto, totaal excl, totaal exclusief, base imponible, imponibile, item total,"
        " items total, total before discount, gross amount, basic fare, base amount"
    ),
    Label.TAX: _p(
        "cgst, sgst, igst, utgst, gst, vat, btw, tva, mwst, ust, mehrwertsteuer, umsatzsteuer,"
        " service tax, sales tax, tax, taxes, iva, cess, hst, pst, qst, taxes and fees, taxes & fees,"
        " taxes & charges, impuesto, imposta"
    ),
    Label.TAX_TOTAL: _p(
        "total tax, total taxes, total tax amount, tax total, total gst, gst total, total vat, vat total,"
        " total btw, totaal btw, total tva, summe mwst, total mwst, total iva, tax amount, gst amount"
    ),
    Label.DISCOUNT: _p(
        "discount, coupon, promo, voucher, savings, you saved, rabatt, remise, korting, descuento, sconto,"
        " wallet, promotion"
    ),
    Label.ROUNDING: _p(
        "round off, round-off, rounding, rounded off, roundoff, afronding, arrondi, rundung, redondeo,"
        " arrotondamento,"
        # cash rounding as the Nordic, Finnish and Malaysian tills print it (DK to 50 øre, SE and NO to
        # the crown, FI and MY to 5 cents)
        " afrunding, öresavrundning, öresutjämning, avrundning, øreavrunding, avrunding, pyöristys,"
        " pembundaran"
    ),
    Label.OTHER: _p(
        "gstin, gst no, gst number, gst reg, gst registration, gstin/uin, vat no, vat number, vat reg,"
        " vat id, vat registration, tax id, tax no, tax registration, tax invoice, tax rate, tax %,"
        " btw-nummer, btw nummer, btw nr, btw-nr, btw-id, ust-idnr, ust-id, ust id, ustid, steuernummer,"
        " steuer-nr, n° tva, numéro de tva, tva intracommunautaire, pan, pan no, fssai, cin, hsn, sac,"
        " total qty, total quantity, total items, total item, total no, total number, total nights,"
        " kundennummer, kunden nr, customer no, customer number, client no, n° client, numéro client,"
        " n° de compte client, klantnummer, klantnr, número de cliente, nº cliente, codice cliente,"
        " iban, bic, swift, page no, seite, pagina, tel, phone, telefon, téléphone, telefoon, fax,"
        " total pax, total discount, total savings, total weight, total distance, total km,"
        " total time, total duration, total units, total hours, amount in words, total in words,"
        " rupees in words,"
        " driver name, company name, bank name, item name, product name, account name, account no,"
        " account number,"
        " customer id, customer care, customer support, customer copy, customer signature, guest folio,"
        " guest copy, guest signature, guest details, passenger details, customer details, name of hotel,"
        " tax free, tax-free, before tax, gross weight, page total, total this page, carried forward,"
        " brought forward, total amount in words, total in figures"
    ),
    Label.INVOICE_DATE: _p(
        "invoice date, inv date, inv. date, date of invoice, bill date, receipt date, date of issue,"
        " issue date, issued on, invoice dt, document date, transaction date, tax invoice date,"
        " factuurdatum, rechnungsdatum, belegdatum, date de facture, date facture, date d'émission,"
        " fecha de factura, fecha factura, fecha de emisión, data fattura, data della fattura,"
        " data documento, beleg datum, rechnungs datum, datum der rechnung, ausstellungsdatum,"
        " factuur datum, datum factuur, date of the invoice, fecha de expedición, fecha expedición,"
        " fecha emisión, data emissione, data di emissione, invoice issued, facturé le, facturée le,"
        # Polish, Czech, Croatian and Nordic issue dates
        " data wystawienia, data faktury, datum vystavení, datum vystaveni, datum računa,"
        " datum racuna, datum izdavanja, fakturadatum, fakturadato,"
        # Portuguese, Turkish and Finnish issue dates
        " data de emissão, data de emissao, data da fatura, data da factura, fatura tarihi,"
        " düzenleme tarihi, duzenleme tarihi, laskun päivämäärä, laskun pvm, laskupäivä,"
        # Russian, Vietnamese, Japanese, Chinese and Korean issue dates
        " дата выставления, дата счета, дата счёта, ngày lập, ngày hóa đơn, 発行日, 开票日期, 開票日期,"
        " 发票日期, 발행일, 작성일자"
    ),
    Label.DATE: _p(
        "date, dated, datum, fecha, data, booking date, date of booking, booked on, paid on,"
        " payment date, tag der buchung, buchungsdatum, tax date, transaction time, date/time,"
        # Turkish, Finnish, Danish and Norwegian
        " tarih, päiväys, päivämäärä, pvm, dato, дата, 日期"
    ),
    # Dates that are not the invoice date (unless nothing else is printed), in the six languages.
    Label.OTHER_DATE: _p(
        "due date, date due, due on, payment due, payment due date, pay by, fälligkeit, fälligkeitsdatum,"
        " fällig am, zahlungsziel, échéance, date d'échéance, date limite de paiement, à payer avant le,"
        " vervaldatum, vervaldag, uiterste betaaldatum, fecha de vencimiento, vencimiento, fecha límite,"
        " data di scadenza, scadenza, data scadenza,"
        " delivery date, date of delivery, date of supply, supply date, service date, date of service,"
        " service period, billing period, invoice period, period, lieferdatum, liefer datum,"
        " leistungsdatum, leistungs datum, liefer und leistungsdatum, leistungszeitraum,"
        " abrechnungszeitraum, lieferzeitraum, berechnungszeitraum, lieferschein datum, lieferscheindatum,"
        " date de livraison, date de prestation, période, période de facturation, leverdatum,"
        " leveringsdatum, periode, factuurperiode, fecha de entrega, fecha de servicio, periodo,"
        " data di consegna, data consegna, periodo di fatturazione,"
        " order date, date of order, po date, bestelldatum, auftragsdatum, auftrag datum, vertrags datum,"
        " vertragsdatum, date de commande, besteldatum, orderdatum, fecha de pedido, data ordine,"
        " data dell'ordine, print date, printed on, druckdatum, date d'impression, expiry date,"
        " valid till, valid until, gültig bis, date of birth, geburtsdatum, änderungsdatum, printed,"
        # Polish, Czech, Croatian and Nordic due, sale, delivery and tax-point dates
        " termin płatności, termin platnosci, data sprzedaży, data sprzedazy, data dostawy,"
        " datum splatnosti, duzp, datum uskutečnění zdanitelného plnění, datum zdanitelného plnění,"
        " datum dospijeća, datum dospijeca, rok plaćanja, rok placanja, datum isporuke,"
        " förfallodatum, förfallodag, sista betalningsdag, leveransdatum, forfaldsdato, forfallsdato,"
        " eräpäivä,"
        # Portuguese, Turkish, Danish and Norwegian due, delivery and order dates
        " data de vencimento, vencimento, data limite de pagamento, data de entrega, data da encomenda,"
        " son ödeme tarihi, son odeme tarihi, vade tarihi, teslim tarihi, sipariş tarihi, siparis tarihi,"
        " betalingsdato, betalingsfrist, leveringsdato"
    ),
    Label.TRAVEL_DATE: _p(
        "journey date, date of journey, travel date, date of travel, trip date, ride date, departure date,"
        " flight date, boarding date, reisedatum, date du voyage, date de voyage, reisdatum,"
        " fecha de viaje, data del viaggio"
    ),
    Label.CHECK_IN: _p(
        "check-in, check in, checkin, check-in date, check in date, checkin date, arrival, arrival date, date of arrival, anreise,"
        " ankunft, arrivée, date d'arrivée, aankomst, aankomstdatum, llegada, fecha de entrada, entrada,"
        " arrivo, data di arrivo"
    ),
    Label.CHECK_OUT: _p(
        "check-out, check out, checkout, check-out date, check out date, checkout date, departure, date of departure, abreise, départ,"
        " date de départ, vertrek, vertrekdatum, salida, fecha de salida, partenza, data di partenza"
    ),
    Label.INVOICE_NO: _p(
        "invoice no, invoice number, invoice #, invoice num, inv no, inv #, invoice id, bill no,"
        " bill number, bill #, receipt no, receipt number, receipt #,"
        " document no, voucher no, tax invoice no, cash memo no, factuurnummer, factuurnr, factuur nr,"
        " rechnungsnummer, rechnungs-nr, rechnung nr, rechnung-nr, belegnummer, beleg-nr,"
        " n° de facture, no de facture, numéro de facture, facture n°, facture no, número de factura,"
        " nº factura, no. factura, factura n, numero fattura, fattura n, n. fattura, bonnummer, bon nr,"
        " bonnr, bon-nr, kassenbon nr, belegnr, quittungsnummer, ticket n°, reçu n°, n° de reçu,"
        " numéro de reçu, no de reçu, n° reçu, rechnungs nr, rechnungsnr, beleg nr, bon nummer,"
        " quittung nr, invoice ref, invoice reference, inv. no, document number, receipt id,"
        " n° facture, numéro facture, facture numéro, factuur nummer, factuurnummer, num. factura,"
        " número de la factura, factura número, n. documento, numero documento, numero della fattura,"
        " check no, check number, check #, chk, doc no, doc. no, doc nr, doc. nr, document #, n° ticket,"
        " nº ticket, no ticket, n° factura, no factura, no. de factura, no de factura, n° de factura,"
        " n° de note, note n°, nº factura, n.º factura, número factura, scontrino n, n. scontrino,"
        " ricevuta n, n. ricevuta, numero scontrino,"
        # Nordic, Polish, Czech and Croatian: the invoice, receipt and document numbers.
        " fakturanummer, fakturanr, faktura nr, kvittonummer, kvittonr, kvitto nr, numer faktury,"
        " nr faktury, nr dokumentu, numer paragonu, nr paragonu, číslo faktury, cislo faktury,"
        " číslo dokladu, cislo dokladu, č. dokladu, broj računa, broj racuna, br. računa, br. racuna,"
        " račun br, racun br, račun broj, broj dokumenta,"
        # "º" is a letter to the regex engine, so "Factura nº" is not "factura n" followed by a mark.
        " factura nº, factura n.º, factura núm, factura num, ticket nº, ticket no, recibo nº, recibo n,"
        " fatura nº, fatura n.º, fatura n, fatura no, nº fatura, n.º fatura, número da fatura,"
        " numero da fatura, fatura-recibo nº, talão nº,"
        # German abbreviations of Rechnungsnummer: "Re-Nr.", "Rg.-Nr.", "Rechn.-Nr."
        " re nr, rg nr, rechn nr, rech nr, kassenbeleg nr, kassenbelegnummer,"
        " faktura č, faktura číslo, účtenka č, uctenka c, číslo účtenky, doklad č, paragon nr,"
        " kassabon nr, kassabonnummer, número de ticket, número ticket, núm ticket, num ticket,"
        # a bill's own number: US statements, Italian utility bills ("Bolletta n. 2025/0448120 del")
        " statement no, statement number, statement #, bolletta n, numero bolletta, bolletta numero"
    ),
    Label.FOLIO_NO: _p("folio no, folio number, folio #"),
    Label.BOOKING_NO: _p(
        "booking id, booking ref, booking reference, booking no, booking number, pnr, pnr no, pnr number,"
        " ticket no, ticket number, e-ticket no, trip id, ride id, order id, order no, order number,"
        " confirmation no, confirmation number, confirmation #, reservation no, reservation number,"
        " transaction id, reference no, ref no, buchungsnummer, réservation n°, numéro de réservation,"
        " boekingsnummer, reserveringsnummer, crn, order #, booking #, ref #,"
        " booking code, reservation code, confirmation code, record locator, transaction no,"
        " transaction number, txn id, txn no, auftragsnummer, auftrags nr, bestellnummer, bestell nr,"
        " vorgangsnummer, ticketnummer, ticket nr, buchungscode, reservierungsnummer, bestätigungsnummer,"
        " numéro de commande, n° de commande, commande n°, n° de transaction, ordernummer,"
        " bestelnummer, transactienummer, número de pedido, nº pedido, numero ordine, n. ordine,"
        " numer zamówienia, číslo objednávky,"
        # order and booking numbers of shop and booking e-mails in Spanish, Italian, Dutch and German:
        # "ID de pedido: 1042", "Nro de reserva: EH-20931", "Numero di prenotazione: 58213",
        # "Uw bestelling #100000389" (as "Your Order #" in English). Not "Bestellung Nr." or "bestelling
        # nr.": an invoice cites its order that way ("Rechnung gemäß Bestellung Nr. ..."), another document
        " id de pedido, id del pedido, nro de pedido, nro. de pedido, n° de pedido, nº de pedido,"
        " pedido n°, pedido nº, nro de reserva, nro. de reserva, número de reserva, n° de reserva,"
        " nº de reserva, código de reserva, numero di prenotazione, numero prenotazione,"
        " n. prenotazione, prenotazione n, codice prenotazione, codice di prenotazione,"
        " bestelling #, commande #"
    ),
    Label.NAME: _p(
        "passenger name, passenger, passengers, guest name, guest, customer name, customer, name,"
        " bill to, billed to, bill-to, invoice to, sold to, rider, rider name, traveller, traveler,"
        " traveller name, employee name, employee, client, client name, klant, kunde, kundenname,"
        " gast, gastname, reisender, nom, nom du client, passager, cliente, huésped, pasajero,"
        " ospite, passeggero, name of passenger, name of guest, lead guest, primary guest, fahrgast,"
        " passagier, reisende, name des gastes, nom du passager, nom du client, naam, naam gast,"
        " reiziger, nombre, nombre del cliente, nombre del pasajero, nome, nome del cliente,"
        " nominativo"
    ),
    Label.VENDOR: _p(
        "vendor, merchant, seller, sold by, supplier, hotel name, restaurant name, merchant name,"
        " vendor name, operator, bus operator, operated by, airline, carrier, issued by, service provider,"
        " lieferant, verkäufer, fournisseur, leverancier, vendedor, fornitore,"
        # the seller's heading in French, Dutch, Spanish, Italian, German and English invoices
        " vendeur, émetteur, prestataire, verkoper, proveedor, emisor, venditore, cedente,"
        " rechnungssteller, billed by, invoice from,"
        # "billed from/by" as invoicing software heads the seller's block beside "Bill To"
        " bill from, fatturato da, facturé par, facturado por,"
        # the issuer's heading beside the recipient's ("Empfänger   Aussteller", "Recipient   Biller")
        " rechnungsaussteller, aussteller, biller,"
        # Portuguese, Polish and Czech seller headings ("Entidade Emitente", "Sprzedawca", "Dodavatel")
        " emitente, entidade emitente, fornecedor, prestador, sprzedawca, dodavatel"
    ),
}

AMOUNT_LABELS = frozenset(
    {
        Label.GRAND,
        Label.TOTAL,
        Label.NET,
        Label.PAID,
        Label.WEAK,
        Label.SUBTOTAL,
        Label.TAX,
        Label.TAX_TOTAL,
        Label.DISCOUNT,
        Label.ROUNDING,
        Label.DUE,
        Label.PREPAID,
        Label.CHANGE,
        Label.TIP,
        Label.TAX_INCLUDED,
    }
)
_TOTAL_LIKE = frozenset({Label.GRAND, Label.TOTAL, Label.DUE, Label.SUBTOTAL, Label.NET})

_START = r"(?:(?<![^\W\d_])|(?<=[a-z])(?=[A-Z]))"
_END = r"(?:(?![^\W\d_])|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z]))"


def _phrase_regex(phrase: str) -> str:
    words = [re.escape(w) for w in re.split(r"[\s]+", phrase)]
    body = r"[\s\-.]*".join(words)
    tail = _END if phrase[-1].isalnum() else ""
    return f"(?i:{body}){tail}"


def _compile() -> dict[str, tuple[re.Pattern[str], list[Label]]]:
    """One anchored alternation per first letter: matching is tried only where a word starts."""
    by_letter: dict[str, list[tuple[str, Label]]] = {}
    for label, phrases in _merged_phrases().items():
        for phrase in phrases:
            by_letter.setdefault(phrase[0].lower(), []).append((phrase, label))
    compiled: dict[str, tuple[re.Pattern[str], list[Label]]] = {}
    for letter, pairs in by_letter.items():
        pairs.sort(key=lambda pl: len(pl[0]), reverse=True)
        alternation = "|".join(f"(?P<g{i}>{_phrase_regex(p)})" for i, (p, _) in enumerate(pairs))
        compiled[letter] = (re.compile(alternation), [label for _, label in pairs])
    return compiled


def _merged_phrases() -> dict[Label, tuple[str, ...]]:
    """_PHRASES with amount_labels' phrases added; a phrase listed there leaves its label here."""
    merged = dict(_PHRASES)
    # the languages of world_labels after amount_labels' words, each leaving earlier labels
    for source in (AMOUNT_PHRASES, WORLD):
        extra = {Label(name): _p(spec) for name, spec in source.items()}
        moved = {phrase for phrases in extra.values() for phrase in phrases}
        merged = {label: tuple(p for p in phrases if p not in moved) for label, phrases in merged.items()}
        for label, phrases in extra.items():
            merged[label] = merged.get(label, ()) + phrases
    return merged


_BY_LETTER = _compile()
_WORD_START = re.compile(_START + r"[^\W\d_]")
_QUALIFIER = re.compile(r"(?i:incl|inkl|including|inclusive|excl|exkl|excluding|of|with|plus|all|\+)\W*$")


@dataclass(frozen=True)
class LabelHit:
    label: Label
    start: int
    end: int
    text: str


# Scanner OCR reads "l" as "!" or "1" and "o" as "0" inside words ("Tota!", "Va!amar", "G0ODS",
# "Peta1ing"): labels are matched on a copy with those read back, of the same length, so every
# position still points into the printed line.
_OCR_L = re.compile(r"(?<=[^\W\d_])!(?=[^\W\d_]|[\s:;,./]|$)|(?<=[a-z])1(?=[a-z])")
_OCR_O = re.compile(r"(?<=[^\W\d_])0(?=[^\W\d_])")
# ... and the label word "NO" as "N0" ("INVOICE N0:", "VAT N0.150178823"), no letter after it.
_OCR_NO = re.compile(r"(?<=(?<![^\W\d_])[Nn])0(?=[.:;#\s]|$)")
# A word whose first letter OCR read as a digit ("0rg.nr" for "Org.nr"): its tail is no label ("rg.nr").
_OCR_INITIAL = re.compile(r"(?<!\w)[015]")


def ocr_letters(line: str) -> str:
    """`line` with OCR's letter-shaped digits and marks read as the letters (same length)."""
    if "!" not in line and "0" not in line and "1" not in line:
        return line
    line = _OCR_L.sub("l", line)
    return _OCR_O.sub(lambda m: "O" if line[m.start() - 1].isupper() else "o", line)


# OCR also prints "1" for "l" or "I", "0" for "O", "5" for "S" and "8" for "B" in a whole label
# word ("Bi11 NO", "Tota1", "5ubtotal", "8ILL"). Such a word is read back only when the result
# is a word of the label lexicon: values keep their digits ("INV0123", "A1B2", "10" never change).
_LOOKALIKES = {"0": "o", "5": "s", "8": "b", "1": "li"}
# A whole run of letters and digits that holds both, four long at least: only such a token can be
# a look-alike label word (see _lexicon_word); matching others would call it for every number.
_MIXED_TOKEN = re.compile(r"(?<![^\W_])(?=[^\W_]{4})(?=[^\W_]*\d)(?=[^\W_]*[^\W\d_])[^\W_]+")


def _lexicon_words() -> frozenset[str]:
    """The label phrases' words of three letters or more, and each phrase run together."""
    words: set[str] = set()
    for phrases in _merged_phrases().values():
        for phrase in phrases:
            words.update(w for w in re.findall(r"[^\W\d_]+", phrase.lower()) if len(w) >= 3)
            if (glued := re.sub(r"[\s\-.]+", "", phrase.lower())).isalpha():
                words.add(glued)
    return frozenset(words)


_LEXICON_WORDS = _lexicon_words()


def _lexicon_word(token: str) -> str | None:
    """`token` (a _MIXED_TOKEN match: four long at least, with a digit and a letter) read with
    letters for its look-alike digits, when that makes a label word."""
    digits = [c for c in token if c.isdigit()]
    letters = len(token) - len(digits)
    if letters < 2 or len(digits) > letters or any(d not in _LOOKALIKES for d in digits):
        return None
    spellings = [""]
    for c in token.lower():
        spellings = [s + x for s in spellings for x in _LOOKALIKES.get(c, c)][:16]
    word = next((s for s in spellings if s in _LEXICON_WORDS), None)
    if word is None:
        return None
    upper = all(c.isupper() for c in token if c.isalpha())
    return "".join(
        (w.upper() if upper else w) if c.isdigit() else c for c, w in zip(token, word, strict=True)
    )


def label_letters(line: str) -> str:
    """`line` for label matching: OCR's letter-shaped marks and whole look-alike label words read as
    letters (same length, so positions still point into the printed line)."""
    line = ocr_letters(line)
    if not any(d in line for d in "0158"):
        return line
    return _MIXED_TOKEN.sub(lambda m: _lexicon_word(m.group(0)) or m.group(0), line)


def find_labels(line: str) -> list[LabelHit]:
    """All labels in one line, left to right, longest phrase first where they overlap."""
    hits: list[LabelHit] = []
    done = 0
    printed, line = line, label_letters(line)
    line = _OCR_NO.sub(lambda m: "O" if line[m.start() - 1].isupper() else "o", line)
    for start in _WORD_START.finditer(line):
        pos = start.start()
        entry = _BY_LETTER.get(line[pos].lower())
        if pos < done or entry is None or (pos and _OCR_INITIAL.match(line, pos - 1, pos)):
            continue
        pattern, kinds = entry
        m = pattern.match(line, pos)
        if m is None:
            continue
        label = kinds[int((m.lastgroup or "g0")[1:])]
        done = m.end()
        # "Total (incl. GST)", "inkl. MwSt": the tax word qualifies a total, it is no tax line.
        if label is Label.TAX and _QUALIFIER.search(line[max(0, pos - 16) : pos]):
            continue
        if _OPENING_ONLY.fullmatch(line[pos : m.end()]) and not _opens_cell(line, pos):
            # "Première échéance à payer le …", "TVA à payer", "erste Rate zu bezahlen bis": inside a
            # phrase, "to pay" names an instalment, a tax or a fee; the amount due heads its line
            if hits and hits[-1].label in (Label.PREPAID, Label.PAID):
                # "Acompte à payer à la commande": a deposit still to pay is none paid
                last = hits.pop()
                hits.append(LabelHit(Label.OTHER, last.start, m.end(), printed[last.start : m.end()]))
            continue
        # "Total inkl. MwSt 118,00", "Total Sales (Inclusive of GST)": the included tax names
        # what the total holds.
        if (
            label is Label.TAX_INCLUDED
            and hits
            and hits[-1].label in _TOTAL_LIKE
            and len(line[hits[-1].end : pos]) <= 24
            and not re.search(r"\d(?![\d.,]*\s?%)", line[hits[-1].end : pos])
        ):
            continue
        if (
            label is Label.WEAK
            and hits
            and hits[-1].label in _SUM_OPENERS
            and line[hits[-1].end : pos] in ("", " ")
        ):
            # "Total charges", "Totale importo": a money noun after "Total" names that total, it is
            # no second label taking the amount from it (one space: a column gap parts two cells).
            last = hits.pop()
            hits.append(LabelHit(last.label, last.start, m.end(), printed[last.start : m.end()]))
            continue
        if label is Label.TAX_TOTAL and _NAMED_TAX.match(line, pos):
            # "Imposta di soggiorno", "Imposta di bollo": Italian names one tax "imposta di" its
            # object; a tax line beside the VAT, not the summary's "Imposta" (all tax).
            hits.append(LabelHit(Label.TAX, pos, m.end(), printed[pos : m.end()]))
            continue
        if label in (Label.WEAK, Label.TOTAL) and (final := _FINAL.search(line, 0, pos)):
            # "Final Booking Amount", "Final Total": the last sum, the invoice's gross total.
            hits.append(LabelHit(Label.GRAND, final.start(), m.end(), printed[final.start() : m.end()]))
            continue
        hits.append(LabelHit(label, pos, m.end(), printed[pos : m.end()]))
    return hits


# the bare "to pay" phrases, amount due only where they open their line or cell ("À PAYER 23,45",
# "Zu bezahlen: 23.45"); "Total à payer", "Net à payer" are phrases of their own
_OPENING_ONLY = re.compile(r"(?i)(?:[àa][\s\-.]*payer|zu[\s\-.]*bezahlen)")
_CELL_OPENER = re.compile(r"[\W_]*")


def _opens_cell(line: str, pos: int) -> bool:
    """Nothing but marks stands before `pos` in its line or in its cell (after a wide gap)."""
    return bool(_CELL_OPENER.fullmatch(re.split(r"\s{3,}|\t", line[:pos])[-1]))


_SUM_OPENERS = frozenset({Label.GRAND, Label.TOTAL})
# the preposition is a word of its own ("Imposta diversa" is none); only "dell'" joins the next
_NAMED_TAX = re.compile(r"(?i)impost[ae]\s+d(?:(?:i|ell[ao]|el)\s+|ell['’]\s*)[^\W\d_]")
# "final", at most the document's own noun, then the money noun's position (the end of the
# searched span): "Final instalment/balance/payment amount" is one part of a split price.
_FINAL = re.compile(r"(?i)(?<![^\W\d_])final\s+(?:(?:booking|invoice|bill|order|sale)\s+)?$")


def label_only(line: str, hits: list[LabelHit]) -> bool:
    """True when a line holds labels and punctuation only (its value is printed elsewhere)."""
    rest = line
    for h in sorted(hits, key=lambda h: h.start, reverse=True):
        rest = rest[: h.start] + " " + rest[h.end :]
    words = re.findall(r"[^\W\d_]{2,}", rest)
    return bool(hits) and len(words) <= 1 and not re.search(r"\d", rest)
