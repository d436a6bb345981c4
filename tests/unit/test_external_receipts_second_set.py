"""Rules drawn from the second external set of real receipt texts (issue 11): a Colombian
electronic invoice, US till receipts. The texts below are written for these tests; each keeps only
the structure the rule is about."""

from __future__ import annotations

from decimal import Decimal

from tests.text_receipts import read

# A Colombian electronic invoice: the seller's name over its NIT, the title with its number, and
# the footer naming the e-invoicing software's maker ("Proveedor tecnológico"), as DIAN requires.
_COLOMBIAN = """PANADERIA LA ESPIGA SAS
NIT: 900123456-1
Telefono: 6041234
CL 10 20 30
FACTURA ELECTRONICA DE VENTA FEV 3310
FECHA: 2024-03-05
PAN BLANCO 2 $2,000 $4,000
TOTAL CANTIDAD 2
TOTAL A PAGAR $4,760
Proveedor tecnológico Factureya SAS Nit 901999888
GRACIAS POR SU COMPRA"""


def test_a_label_word_heading_a_phrase_is_not_the_sellers_label() -> None:
    # "Proveedor tecnológico" names the software's maker; the issuer is the name over the NIT
    invoice = read(_COLOMBIAN)
    assert invoice.vendor == "PANADERIA LA ESPIGA SAS"


def test_a_seller_label_with_its_colon_still_names_the_seller() -> None:
    text = "RECIBO 551\nProveedor: Ferreteria Norte SAS\nFecha: 2024-03-05\nTOTAL 12.50\n"
    assert read(text).vendor == "Ferreteria Norte SAS"


def test_an_electronic_invoice_title_carries_its_number() -> None:
    assert read(_COLOMBIAN).invoice_number == "FEV 3310"
    italian = "Rossi Forniture S.r.l.\nFattura elettronica n. 45/2024\nData 05/03/2024\nTOTALE EUR 61,00\n"
    assert read(italian).invoice_number == "45/2024"


def test_a_series_code_beside_the_title_belongs_to_its_number() -> None:
    # the title alone in its cell, the series and the number in the next cell on its row
    text = (
        "Ferreteria Norte SAS\nNIT 900111222-3\nFACTURA ELECTRONICA DE VENTA      FEV 3310\n"
        "Fecha: 2024-03-05\nTOTAL A PAGAR 12.50\n"
    )
    assert read(text).invoice_number == "FEV 3310"


def test_a_series_code_under_the_title_is_another_documents() -> None:
    # "PO 4500012345" under "INVOICE" is the buyer's purchase order, not the invoice's number
    text = "Acme Supplies Ltd\nINVOICE\nPO 4500012345\nDate: 2024-03-05\nTotal 12.50\n"
    assert read(text).invoice_number != "PO 4500012345"


def test_the_phone_word_is_no_number_word() -> None:
    # "Telefono:" ends in "no"; its value is a phone, not the receipt's number
    text = "Bar Central\nTelefono: 6041234\nCafe 2,50\nTOTAL 2,50\n"
    assert read(text).invoice_number != "6041234"


def test_a_count_of_items_is_never_the_total() -> None:
    # "TOTAL CANTIDAD 2" counts the items; the amount charged is the labelled one
    invoice = read(_COLOMBIAN)
    assert invoice.total != Decimal("2")
    german = "Baeckerei Kurz\nBrot 3,20\nSumme Artikel 4\nBar 3,20\n"
    assert read(german).total != Decimal("4")


def test_a_latin_american_tax_id_marks_the_registered_name() -> None:
    # the brand heads the slip; the company registered with its RUC issues it
    items = "".join(f"Producto {n} 1.00\n" for n in range(1, 13))
    text = (
        f"MERCADO CENTRAL\nAv. Grau 120\nBOLETA DE VENTA B001-889\n{items}"
        "TOTAL S/ 12.00\nInversiones Sur S.A.\nRUC 20512345678\n"
    )
    assert read(text).vendor == "Inversiones Sur S.A."
