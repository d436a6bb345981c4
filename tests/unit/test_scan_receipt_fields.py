"""Fields of receipts and hotel bills read from scans (set SC): a waiter's name after its label is
no issuer, a business's name after "Hotel:" or "Firma:" is; Italian "imposta di ..." names one tax beside the VAT."""

from __future__ import annotations

import asyncio
import hashlib
from decimal import Decimal

from reimburse.adapters.heuristic import HeuristicInvoiceExtractor
from reimburse.adapters.invoice_labels.labels import Label, find_labels
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Category, Policy
from tests.vendor_text import vendor_of

POLICY = Policy(policy_id="pol_sc", currency="XXX", categories=(Category("travel", ("hotel",)),))


def test_a_waiter_after_its_label_is_not_the_vendor_and_the_printed_issuer_is() -> None:
    bill = (
        "RECHNUNG\n\nBeleg:   2025-113\nDatum:   24.10.2025\nTisch:   7   Bedienung:   Jana\n\n"
        "2 x Schnitzel   39,80\nSumme EUR   39,80\n"
    )
    assert vendor_of(bill) is None
    assert vendor_of("Gasthof Lindenwirt\n" + bill) == "Gasthof Lindenwirt"
    konoba = "RACUN br. 118/1/1\nStol:   9   Konobar:   Ivan\n1 x Blitva   6,50\nUKUPNO EUR   6,50\n"
    assert vendor_of(konoba) is None
    assert vendor_of("Konoba Stari Mlin\n" + konoba) == "Konoba Stari Mlin"
    trattoria = "SCONTRINO 88\nTavolo:   4   Cameriere:   Marco\n1 x Risotto   14,00\nTOTALE EUR   14,00\n"
    assert vendor_of(trattoria) is None


def test_the_issuer_after_a_label_that_names_the_business_is_the_vendor() -> None:
    # "Hotel:", "Firma:", "Restaurant:" introduce the issuer itself, not a member of staff
    hotel = "RECHNUNG\n\nHotel:   Seerose\nZimmer:   12\nDatum:   24.10.2025\n\nÜbernachtung   95,00\nSumme EUR   95,00\n"
    assert vendor_of(hotel) == "Seerose"
    bakery = "Firma:   Bäckerei Lechner\nQuittung Nr. 55\nDatum:   24.10.2025\n2 x Semmel   1,20\nSumme EUR   1,20\n"
    assert vendor_of(bakery) == "Bäckerei Lechner"
    diner = "Restaurant:   Il Gabbiano\nTable:   7   Server:   Anna\nCheck 4411\n2 x Pasta   24.00\nTotal EUR   24.00\n"
    assert vendor_of(diner) == "Il Gabbiano"


def test_a_named_italian_tax_is_a_tax_line_and_imposta_alone_the_tax_total() -> None:
    assert [h.label for h in find_labels("Imposta di soggiorno (esente)   4,00")] == [Label.TAX]
    assert [h.label for h in find_labels("Imposta di bollo   2,00")] == [Label.TAX]
    assert [h.label for h in find_labels("Imposta   28,55")] == [Label.TAX_TOTAL]
    # "di" must be a word of its own: "diversa" names no tax, the line reads as "Imposta" alone
    assert [h.label for h in find_labels("Imposta diversa   5,00")] == [Label.TAX_TOTAL]
    assert [h.label for h in find_labels("Imposta dell'albergo   2,00")] == [Label.TAX]


def test_a_stay_tax_beside_the_vat_adds_to_the_taxes_of_a_hotel_bill() -> None:
    text = (
        "Albergo Esempio\nFATTURA\nFattura n.   12/2025\nData   02/03/2025\n\n"
        "Camera doppia   2   200,00\nImposta di soggiorno   2   3,00\n\n"
        "Imponibile 10%   181,82\nIVA 10%   18,18\nImposta di soggiorno (esente)   3,00\nTotale documento   203,00\n"
    )
    sha = hashlib.sha256(text.encode()).hexdigest()
    invoice = asyncio.run(HeuristicInvoiceExtractor().extract(Document("f.pdf", sha, text), POLICY))
    assert (invoice.total, invoice.subtotal, invoice.taxes) == (
        Decimal("203.00"),
        Decimal("181.82"),
        Decimal("21.18"),
    )


def test_a_name_printed_beside_the_domain_that_spells_it_is_the_vendor() -> None:
    taxi = (
        "Liffey Cabs - www.liffeycabs.ie\nTAXI RECEIPT\nReceipt No:   LC-1\nFare   38.40\nTOTAL EUR   38.40\n"
    )
    assert vendor_of(taxi) == "Liffey Cabs"
    shop = "Harbour Books | www.harbourbooks.co.uk\nReceipt 114\n1 x Atlas   12.00\nTotal   12.00\n"
    assert vendor_of(shop) == "Harbour Books"


def test_a_name_printed_beside_a_mail_address_keeps_no_piece_of_the_address() -> None:
    # the mail's local part ("reception@", "info@") is part of the address, not of the name
    inn = "RECEIPT 114\n1 x Tea   4.00\nTotal   4.00\nMoorland Inn reception@moorlandinn.co.uk\n"
    assert vendor_of(inn) == "Moorland Inn"
    haus = "Beleg 55\n2 x Kaffee   6,40\nSumme EUR   6,40\nHaus Bergblick  info@hausbergblick.at\n"
    assert vendor_of(haus) == "Haus Bergblick"


def test_a_word_whose_first_letter_ocr_read_as_a_digit_lends_no_label_from_its_tail() -> None:
    # "0rg.nr" is the Swedish organisation number ("Org.nr") read with a zero: its "rg.nr" is no
    # German "Rg.-Nr." (invoice number), so the receipt's own number is read
    assert find_labels("0rg.nr 559123-4567") == []
    assert [h.label for h in find_labels("Rg.-Nr. 4711")] == [Label.INVOICE_NO]
    assert [h.label for h in find_labels("1x Total   5,00")] == [Label.TOTAL]
    receipt = "Kafe Lindgren\n0rg.nr 559123-4567\nKvitto nr 30412\n2025-10-22 15:07\n2 x Kaffe   78,00\nTotalt SEK   78,00\n"
    sha = hashlib.sha256(receipt.encode()).hexdigest()
    invoice = asyncio.run(HeuristicInvoiceExtractor().extract(Document("k.pdf", sha, receipt), POLICY))
    assert invoice.invoice_number == "30412"
