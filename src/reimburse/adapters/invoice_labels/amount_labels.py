"""Labels of money lines (totals, amount due, net, taxes, deposits) in English, German, French,
Dutch, Spanish and Italian, beyond the first list in labels.py.

Keyed by the Label value so this module needs nothing from labels.py; labels.py merges it, and a
phrase listed here leaves any other label it had there (so "zahlbetrag" is an amount due, not a
gross total). The split between a gross total and an amount due is what lets a deposit or a card
payment stand beside the invoice's own total instead of replacing it.
"""

from __future__ import annotations

# A long invoice's running sum handed from one page to the next, as each language writes it in
# bookkeeping (an "other" amount label; carry_over.py reads where a document ends on one).
CARRY_OVER = (
    "übertrag",
    "uebertrag",
    "übertrag von seite",
    "suma y sigue",
    "suma anterior",
    "suma y sigue anterior",
    "à reporter",
    "a reporter",
    "report de la page précédente",
    "riporto",
    "a riportare",
    "da riportare",
    "a transportar",
    "transporte da página anterior",
    "do przeniesienia",
    "z przeniesienia",
    "van vorige pagina",
    "naar volgende pagina",
)

AMOUNT_PHRASES: dict[str, str] = {
    # The invoice's own gross total, tax included.
    "grand": (
        "bruttosumme, brutto summe, rechnungssumme, rechnungsbetrag brutto, gesamtbetrag brutto,"
        " gesamt brutto, summe brutto, summe leistungen, saldo leistungen, summe belastungen, gesamtsumme brutto, endsumme, gesamtpreis, total brutto,"
        " nett total, total nett, nett amount, total amount incl, total incl. vat, total including vat, total incl vat, total inc vat,"
        " total inc. vat, gross total, total gross, invoice total amount, total invoice,"
        " montant de la facture, montant total ttc, total t.t.c, total facture, montant ttc,"
        " totaal incl. btw, totaal inclusief btw, totaalbedrag incl, totaal factuur, factuurbedrag,"
        " importe total, total factura, total a facturar, importe factura,"
        " totale documento, totale fattura, totale ivato, totale complessivo, importo totale,"
        # Dutch web shops' final line ("Eindtotaal", Magento's Grand Total in Dutch)
        " eindtotaal,"
        # Neighbouring languages travellers bring receipts from: Nordic, Baltic, Czech, Polish,
        # Croatian ("Totalt", "Summa", "Kokku", "Celkem", "Razem", "Ukupno").
        " totalt, summa, att betala, i alt, at betale, å betale, yhteensä, kokku, summa kokku,"
        " celkem, celkem k úhradě, celková částka, razem, suma, razem do zapłaty, ukupno,"
        " ukupan iznos, sveukupno, valor total, total da fatura,"
        # the final sum named so in Romance languages ("Valor final da reserva", "Importe final")
        " valor final, importe final, importo finale, montant final, precio final, prezzo finale, preço final,"
        # A statement's own charges, beside a previous balance and payments that the balance due
        # carries ("Total New Charges / Previous Balance / Payment received / Balance Due").
        " total new charges, new charges, total current charges, current charges,"
        " current month's charges, current month charges,"
        # Latvian and Lithuanian ("Kopā", "Samaksai EUR", "Iš viso", "Mokėti")
        " kopā, kopsumma, samaksai, summa apmaksai, iš viso, mokėti,"
        # Japanese tills: 合計 or 計 (total), 総合計 (grand total), 現計 (the total rung up)
        " 合計, 計, 総合計, 現計"
    ),
    # What is still to pay after deposits, prepayments and payments: Invoice.amount_due.
    "due": (
        "amount due, total due, total amount due, balance due, balance, balance to pay, amount to pay,"
        " amount outstanding, outstanding balance, outstanding amount, remaining balance, residual,"
        " zahlbetrag, zu zahlen, zu zahlender betrag, noch zu zahlen, zu bezahlen, restbetrag, offener betrag,"
        " offen, saldo, fälliger betrag, net à payer, net a payer, reste à payer, reste dû, solde,"
        " solde dû, montant dû, montant à payer, somme à payer, somme a payer, à payer, a payer, reste a payer, montant a payer, total à régler, montant à régler,"
        " reste à régler, net à régler, te betalen, nog te betalen, openstaand bedrag,"
        " openstaand saldo, k úhradě, do zapłaty, do zaplaty, tasuda, maksettava, importe pendiente, saldo pendiente, saldo adeudado, pendiente de pago, a pagar,"
        " total a pagar, valor para pagamento, importo dovuto, saldo da pagare, da pagare, totale da pagare, za platiti,"
        # what a utility or telecom bill collects: the rest after the year's instalments ("Nachzahlung"),
        # the amount to pay ("Te betalen bedrag incl. btw"), the sum the direct debit takes
        # ("Cantidad a cargar el 20 Nov", "Importe a cargar en cuenta")
        " nachzahlung, te betalen bedrag, te betalen bedrag incl. btw, cantidad a cargar, importe a cargar,"
        # an English invoice's box of the sum it asks for ("PLEASE PAY  6,54,321.00")
        " please pay"
    ),
    # Deposits and payments already made: not the expense, the difference between total and due.
    "prepaid": (
        "deposit, deposits, less deposit, deposit paid, prepayment, prepayments, prepaid,"
        " advance, advance payment, advance payments, already paid, payments received, payment received,"
        " amount received, anzahlung, anzahlungen, erhaltene anzahlungen, erhaltene anzahlung,"
        " vorauszahlung, vorauszahlungen, abschlagszahlung, abschlagszahlungen, bereits bezahlt,"
        " bereits gezahlt, geleistete zahlungen, summe zahlungen, saldo zahlungen, zahlungen, acompte, acomptes, acompte versé,"
        " déjà payé, deja payé, montant déjà réglé, aanbetaling, vooruitbetaling,"
        " reeds betaald, al betaald, anticipo, anticipos, entrega a cuenta, ya pagado, caparra,"
        " acconto, acconti, già pagato,"
        # a German utility's annual bill deducts the instalments paid during the year
        " geleistete abschläge, gezahlte abschläge, bezahlte abschläge"
    ),
    # A payment that settles the bill: the total only when nothing else is printed.
    "paid": (
        "amount paid, total paid, paid amount, paid, paid by card, card payment, card, credit card,"
        " debit card, visa, mastercard, master card, amex, american express, maestro, cash, cash paid,"
        " bezahlt, gezahlt, zahlung, ec-karte, ec karte, girocard, kartenzahlung, bar bezahlt, betaald,"
        " pinbetaling, contant, contant betaald, payé, réglé, carte bancaire, carte bleue, espèces,"
        " pagado, pagato, tarjeta, efectivo, contanti, carta di credito, bancomat, betalt, betald,"
        " pay, kontant, kort, kortti, käteinen, kaart, sularaha, karta, kartou, platba kartou, hotovost,"
        " gotówka, gotovina, kartica, montant prélevé, entrichteter betrag, gezahlter betrag,"
        # Japanese: お預り / お預かり, the cash handed over
        " お預り, お預かり"
    ),
    # Money handed back on a cash payment: paid minus change is what was charged.
    "change": (
        "change, change due, rückgeld, wechselgeld, retour, rendu, monnaie rendue, wisselgeld, vuelto, resto,"
        " お釣り, お釣, おつり, 釣銭"  # Japanese
    ),
    # Additions after tax that a total includes.
    "tip": "tip, tips, gratuity, trinkgeld, pourboire, fooi, propina, mancia, service charge",
    # Amounts before tax.
    "subtotal": (
        "rechnungssumme ohne ust, rechnungssumme netto, positionssumme, warenwert, nettosumme,"
        " summe netto, gesamt netto, nettobetrag, netto betrag, zwischensumme netto, total net,"
        " total ht, total h.t., montant ht, montant hors taxes, sous-total ht, total hors tva,"
        " totaal excl. btw, totaal exclusief btw, subtotaal, netto bedrag, bedrag excl. btw,"
        " importe neto, total parcial, base imponible, subtotal sin iva, total neto, imponibile, totale imponibile,"
        " subtotale, totale netto, total liquido, total líquido, valor líquido,"
        # Portuguese invoices sum the lines before discounts and tax as "Total ilíquido"
        " total ilíquido, total iliquido, valor ilíquido, valor iliquido, total excl. vat, total excluding vat, net amount excl,"
        # a total whose bracket excludes the tax ("Total (Tax excl.)", "Total (s/ IVA)", "Total (HT)")
        " total (tax excl, total (excl. tax, total (excl tax, total (excl. vat, total (ex. vat, total (ex vat,"
        " total (s/ iva, total (sem iva, total (sin iva, total (hors taxes, total (ht, total (h.t,"
        " total (netto, total (ohne mwst, total (excl. btw, total (iva esclusa, total (senza iva,"
        " 小計"  # Japanese
    ),
    # Taxes included in a total already ("davon MwSt", "dont TVA"): never added on top of it.
    "tax_included": (
        "davon mwst, davon ust, darin enthaltene mwst, enthaltene mwst, enthaltene ust, inkl. mwst,"
        " inkl mwst, incl. vat, incl vat, including vat, vat included, of which vat, included vat,"
        " dont tva, tva incluse, incl. btw, inclusief btw, waarvan btw, btw inbegrepen, iva incluida,"
        " iva incluido, di cui iva, iva inclusa, including gst, inclusive of gst, gst included,"
        " inclusive of all taxes, incl. of all taxes, incl. taxes, including taxes, taxes included,"
        " inc. gst, inc gst, inc. vat, inc vat, incl. gst, incl gst, inc. tax, incl. tax, inclusive gst,"
        " inclusive of tax, inclusive of vat, gst inclusive, vat inclusive"
    ),
    "tax_total": (
        "steuerbetrag, mwst-betrag, mwst betrag, ust-betrag, ust betrag, umsatzsteuerbetrag,"
        " summe umsatzsteuer, summe ust, montant tva, montant de la tva, total tva, btw-bedrag,"
        " btw bedrag, totaal btw, cuota iva, total iva, importe iva, total impuestos, total impuesto,"
        " impuestos, totale iva, totale imposte, imposta, imposte, total taxes,"
        # the tax line of a shop's totals, said noun first ("Totale tasse pagate", "Taxes totales
        # payées", "Total tax paid"): the tax, not the total it opens with
        " totale tasse, totale tasse pagate, taxes totales, taxes totales payées, total tax paid,"
        # "Total Taxes" as POS receipts print it in other languages
        " totaal belastingen, total des taxes, total de impuestos, total dos impostos, total de impostos,"
        " steuern gesamt, summe steuern,"
        # Latvian and Lithuanian VAT sums: "summa" alone is a total, after PVN/PVM it is the tax
        " pvn summa, pvm suma"
    ),
    # Look-alikes that are not money totals of this invoice.
    "other": (
        "gesamtbetrag der zuschläge, gesamtbetrag der abschläge, summe der zuschläge,"
        " summe der abschläge, previous balance, balance forward, balance brought forward,"
        " vorheriger saldo, alter saldo, solde précédent, solde antérieur, vorig saldo, saldo anterior,"
        " saldo precedente, previous unpaid balance, unpaid balance, previous amount due, prior balance,"
        # the earlier bill a statement carries ("Previous Invoice $71.13", "Last Month's Charges")
        " previous invoice, previous bill, last month's charges, balance from previous bills,"
        " previous overdue balance,"
        " total savings, you saved, ust-idnr, ust-id-nr, ust idnr, ust.-idnr,"
        " ust-nr, ust.-id.-nr, st-nr, steuer-nr, tva intracom, n° tva intracommunautaire,"
        " vat reg no, vat reg. no, balance of points, points balance,"
        # the customer's account balance on the issue date, beside "Razem do zapłaty"
        " saldo na dzień,"
        # a long invoice's running sum handed from one page to the next: a carry-over, never the
        # invoice's total
        " " + ", ".join(CARRY_OVER)
    ),
}
