"""A ZIP holding e-invoices through the API: a Peppol UBL file and a Factur-X PDF get verdicts
read from their XML; XML that is not an invoice is a processing error that says so."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient

from tests.conftest import analysis_files, cab_invoice, make_zip
from tests.einvoice_samples import cii, pdf_with_attachment, ubl_invoice


def test_zip_with_ubl_xml_and_factur_x_pdf_gets_verdicts(client: TestClient[Any]) -> None:
    archive = make_zip(
        {
            "cab.pdf": cab_invoice("CAB-1", "233.00"),
            "peppol-taxi.xml": ubl_invoice(total="125.00", payable="125.00"),
            "hotel-facturx.pdf": pdf_with_attachment(
                ("Beispiel Hotel GmbH", "Rechnung Nr. RE-2024-0042", "Gesamtbetrag: 119,00 EUR"), cii()
            ),
            "notes.xml": b"<?xml version='1.0'?><note><to>Tove</to></note>",
        }
    )
    response = client.post(
        "/api/v1/analyze-invoices",
        data={"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"},
        files=analysis_files(archive),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    by_name = {r["filename"]: r for r in body["results"]}

    ubl = by_name["peppol-taxi.xml"]
    assert ubl["total_amount"] == 125 and ubl["currency"] == "EUR"
    assert ubl["invoice_number"] == "INV-1001" and ubl["vendor"] == "Canal Taxi B.V."
    assert ubl["invoice_date"] == "2024-11-20"
    assert ubl["extractor"] == "einvoice+heuristic"
    assert ubl["status"] in {"fully_reimbursed", "partially_reimbursed", "declined"}

    hotel = by_name["hotel-facturx.pdf"]
    assert (hotel["total_amount"], hotel["invoice_number"], hotel["extractor"]) == (
        119,
        "RE-2024-0042",
        "einvoice+heuristic",
    )
    assert "einvoice_mismatch" not in {f["code"] for f in hotel["flags"]}

    assert by_name["cab.pdf"]["extractor"] == "heuristic"
    (error,) = body["processing_errors"]
    assert error["filename"] == "notes.xml" and error["error"] == "UnsupportedFile"
    assert "not an e-invoice" in error["message"]
