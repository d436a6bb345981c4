"""Receipts and order confirmations sent by e-mail and printed (issue 11, set R).

A printed e-mail names its seller in the mail header's sender; its body greets the customer and
thanks them by the shop's name; a shop's totals end with the language's own word for the final
total; a coupon's last day is no receipt's date. Synthetic texts in each language's convention.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.mail_header import mail_sender
from tests.text_receipts import low, read
from tests.vendor_text import vendor_of

HEADER = "Order # 5512\n{label} {sender}\nTo:   Kim Lee <kim.lee@example.com>\nDate:   3 May 2025\n\n"


@pytest.mark.parametrize(
    ("lines", "sender"),
    [
        # the domain spells the name, or a word of it (an umlaut spelled "oe" in the address)
        (["From:   Cloudnote <receipts@cloudnote.io>", "To:   Kim Lee <k@example.com>"], "Cloudnote"),
        (
            ["Von:   Gartenhaus Fröhlich <shop@gartenhaus-froehlich.de>", "An:   Kim <k@example.de>"],
            "Gartenhaus Fröhlich",
        ),
        (
            ["Subject: Your order", "Van:   Fietsenwinkel De Spaak <info@despaak.nl>"],
            "Fietsenwinkel De Spaak",
        ),
        # the mailbox the display name adds is not the shop's name
        (["From:   Lyft Receipts <no-reply@lyftmail.com>", "To:   Kim <k@example.com>"], "Lyft"),
        (["Von:   Kaffeewerk - Bestellungen <shop@kaffeewerk.de>", "An:   Kim <k@example.de>"], "Kaffeewerk"),
        # a forward's sender is whoever forwarded it
        (["Subject: Fwd: Your order", "From:   Cloudnote <receipts@cloudnote.io>"], None),
        (["Betreff: WG: Ihre Bestellung", "Von:   Cloudnote <receipts@cloudnote.io>"], None),
        # a person's free-mail address, a name the domain does not spell, a sender line alone
        (["From:   Kim Lee <kim.lee@gmail.com>", "To:   Ann <ann@example.com>"], None),
        (["From:   Kim Lee <kim@cloudnote.io>", "To:   Ann <ann@example.com>"], None),
        (["From:   Cloudnote <receipts@cloudnote.io>", "Thanks for your order."], None),
    ],
)
def test_a_printed_mail_names_its_sender(lines: list[str], sender: str | None) -> None:
    assert mail_sender(lines) == sender


@pytest.mark.parametrize(
    ("label", "sender", "greeting", "vendor"),
    [
        ("Van:", "Fietsenwinkel De Spaak <info@despaak.nl>", "Sanne de Vries,", "Fietsenwinkel De Spaak"),
        ("Da:", "Hotel Riva Blu <prenotazioni@rivablu.it>", "Salve!", "Hotel Riva Blu"),
        ("From:", "Northline Outfitters <orders@northline.com>", "Order Summary", "Northline Outfitters"),
    ],
)
def test_the_mail_sender_is_the_vendor_over_the_greeting(
    label: str, sender: str, greeting: str, vendor: str
) -> None:
    text = HEADER.format(label=label, sender=sender) + f"{greeting}\nYour items\nTotal   12.00\n"
    assert vendor_of(text) == vendor


@pytest.mark.parametrize(
    ("sender", "registration"),
    [
        ("PayPal <service@paypal.com>", "VAT Reg. No. GB 123 4567 89"),
        ("Booking.com <noreply@booking.com>", "UID: ATU98765432"),
    ],
)
def test_a_registered_seller_is_the_vendor_over_the_intermediary_that_mailed(
    sender: str, registration: str
) -> None:
    # the payment service or booking site carries the receipt; the registered seller issues it
    text = (
        HEADER.format(label="From:", sender=sender)
        + f"Bergblick Pension GmbH\n{registration}\nDorfplatz 3, 6410 Telfs\nYou paid 180,00 EUR\nTotal   180,00 EUR\n"
    )
    assert vendor_of(text) == "Bergblick Pension GmbH"


@pytest.mark.parametrize(
    ("text", "vendor"),
    [
        (
            "Ciao Giulia Ferri,\nGrazie per aver acquistato su Enoteca Colli Euganei!\nDettagli\nTotale   97,10",
            "Enoteca Colli Euganei",
        ),
        (
            "Priya Natarajan,\nThank you for your order from Ashford Garden Supplies. Once your package ships\n"
            "we will send you a tracking number.\nGrand Total   149.94",
            "Ashford Garden Supplies",
        ),
        (
            "Hola Javier,\nGracias por su interés en los productos de Ferretería Sol. Su pedido ha sido recibido.\n"
            "Total   113,62",
            "Ferretería Sol",
        ),
        (
            "Beste Lotte,\nBedankt voor uw bestelling bij Theehuis Amstel.\nTotaal   60,95",
            "Theehuis Amstel",
        ),
    ],
)
def test_the_shop_thanked_in_the_greeting_is_the_vendor(text: str, vendor: str) -> None:
    assert vendor_of(text) == vendor


@pytest.mark.parametrize(
    "greeting", ["Ciao Giulia Ferri,", "Hola María Fernández,", "Hallo Jonas Weber,", "Beste Sanne,"]
)
def test_a_greeting_is_never_the_vendor(greeting: str) -> None:
    assert vendor_of(f"{greeting}\nwe received your order.\nTotal   12,00") != greeting


@pytest.mark.parametrize(
    ("text", "total"),
    [
        # Dutch web shops close with "Eindtotaal" below the subtotal and shipping
        (
            "Subtotaal   € 49,95\nVerzending & verwerking   € 4,95\nEindtotaal   € 54,90\nIncl. btw   € 9,53",
            "54.90",
        ),
        # Italian shops print their tax line noun first, "Totale tasse", before "Totale pagato"
        (
            "Prodotti   € 98,00\nSpedizione   € 8,90\nTotale tasse pagate   € 17,51\nTotale pagato   € 97,10",
            "97.10",
        ),
        (
            "Produits   33,20 €\nLivraison   5,90 €\nTaxes totales payées   6,52 €\nTotal payé   39,10 €",
            "39.10",
        ),
    ],
)
def test_a_shops_final_total_is_the_total(text: str, total: str) -> None:
    assert read("Shop\nDatum: 14.11.2025\n" + text).total == Decimal(total)


@pytest.mark.parametrize(
    "text",
    [
        # the coupon's last day, its sentence wrapped before the date; the period's first day is the date
        "Tablio\nMit diesem Gutschein sparen Sie 10 %, wenn Sie ihn bis\nzum 31. Dezember 2025 einlösen.\n"
        "TB-0417   12. November 2025\nJahresabo (12.11.2025 – 11.11.2026)   35,00 €\nGesamt   35,00 €",
        "Tablio\nHere's a coupon for 10% off your next purchase if used by\n31 December 2025.\n"
        "TB-0417   12 November 2025\nAnnual plan (12 Nov 2025 – 11 Nov 2026)   35.00 EUR\nTotal   35.00 EUR",
    ],
)
def test_a_coupons_last_day_is_not_the_date(text: str) -> None:
    assert read(text).invoice_date == date(2025, 11, 12)


@pytest.mark.parametrize(
    ("text", "vendor"),
    [
        (
            "Gentile Costruzioni S.r.l.\nVia Roma 12, 00184 Roma\nFattura n. 7\nTotale   € 10,00",
            "Gentile Costruzioni S.r.l.",
        ),
        ("Beste Reisen GmbH\nHauptstraße 3, 10115 Berlin\nRechnung 7\nSumme   10,00 €", "Beste Reisen GmbH"),
    ],
)
def test_a_company_named_like_a_greeting_is_still_the_vendor(text: str, vendor: str) -> None:
    assert vendor_of(text) == vendor


@pytest.mark.parametrize(
    "text",
    [
        # a payment's receipt e-mail printing one amount, the page or its line saying it was paid
        "Brightwell Tutoring\nHi Priya,\nThanks for your payment. Your receipt is attached.\nAmount: GBP 54.00",
        "Hostería Sur\nHola María,\nTe dejamos un resumen de tu reserva:\nImporte abonado: ARS 486.000,00",
    ],
)
def test_the_one_amount_a_payment_receipt_prints_is_sure(text: str) -> None:
    invoice = read(text)
    assert invoice.total in (Decimal("54.00"), Decimal("486000.00"))
    assert not low(invoice)


@pytest.mark.parametrize(
    "text",
    [
        # a unit's price is not what was paid, whatever the page thanks for
        "Hotel Riva\nThanks for your payment.\nPrezzo per notte: 118,00 EUR",
        # nothing says it was paid
        "Brightwell Tutoring\nHi Priya,\nHere is your quote.\nAmount: GBP 54.00",
        # a unit's price in any unit, named by its preposition or a slash
        "Harbour Cruises\nThanks for your payment.\nAmount: USD 45.00 per adult",
        "Harbour Cruises\nThanks for your payment.\nPrice per guest: USD 45.00",
        "Bergbahn Alpin\nVielen Dank für Ihre Zahlung\nBetrag: EUR 38,00 je Person",
        "Fresh Market\nPayment received\nAmount: EUR 12,90/kg",
        # part of the price: paid, but not the expense's total
        "Lakeside Inn\nPayment received\nAmount: EUR 100,00 deposit towards your 3-night stay",
        "Brightwell Tutoring\nThanks for your payment.\nAmount: GBP 50.00 (instalment 1 of 3)",
        "Gîte des Pins\nMerci pour votre paiement\nAcompte versé : 150,00 EUR",
        # a lone amount with a rival stays a guess
        "Brightwell Tutoring\nThanks for your payment.\nAmount: GBP 54.00\nDeposit: GBP 60.00",
    ],
)
def test_a_lone_amount_stays_doubtful_without_payment_or_with_a_rival(text: str) -> None:
    assert low(read(text))


def test_an_iso_code_beside_the_amount_names_a_peso() -> None:
    assert read("Hostería Sur\nImporte abonado: ARS 486.000,00").currency == "ARS"


def test_a_us_street_named_for_a_province_leaves_the_dollar_american() -> None:
    text = "Harbor & Pine Home\nShip to: 2210 NE Alberta St, Portland, OR 97211\nTotal amount   $139.00"
    assert read(text).currency == "USD"


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("ID de pedido: 1042", "1042"),
        ("Nro de reserva: EH-20931", "EH-20931"),
        ("Numero di prenotazione: 58213", "58213"),
        ("Uw bestelling #100000389", "100000389"),
    ],
)
def test_order_and_booking_numbers_of_shop_mails(line: str, number: str) -> None:
    assert read(f"Shop\n{line}\nTotal   12,00 €").invoice_number == number


@pytest.mark.parametrize(
    ("head", "number"),
    [
        # a mail client prints the subject as the page's heading, or as a field
        (
            "Your Cloudnote receipt [#CN-88412]\nFrom:   Cloudnote <r@cloudnote.io>\nTo:   Kim <k@example.com>",
            "CN-88412",
        ),
        (
            "Von:   Nordlicht <t@nordlicht.de>\nAn:   Lena <l@example.de>\nBetreff:   Deine Bestellung NL25-0412",
            "NL25-0412",
        ),
        (
            "Da:   Hotel Riva <p@riva.it>\nOggetto: Conferma prenotazione n. 58213\nA:   Marco <m@example.it>",
            "58213",
        ),
        # a subject naming no reference, or a date: none
        ("Subject: Your order has shipped\nFrom:   Shop <s@shop.de>\nTo:   Ann <a@example.com>", None),
        ("Subject: Your order of 12.11.2025\nFrom:   Shop <s@shop.de>\nTo:   Ann <a@example.com>", None),
    ],
)
def test_a_printed_mails_subject_names_the_reference(head: str, number: str | None) -> None:
    assert read(f"{head}\n\nThanks for your payment.\nTotal   12,00 €").invoice_number == number


def test_a_sentences_full_stop_ends_the_number() -> None:
    text = (
        "Boutique\nNous avons reçu votre commande n°4187. Elle est en cours de traitement.\nTotal :   69,40 €"
    )
    assert read(text).invoice_number == "4187"
