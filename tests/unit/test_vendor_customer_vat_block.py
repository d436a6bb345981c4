"""A customer's block printed without a heading, its VAT id under its address (as EU B2B invoices
print it for a reverse charge), is not the issuer's letterhead: the seller's name printed on its own
registration line wins, and when nothing tells the two blocks apart no vendor is read (review
rev_party, finding 2). Texts written for these tests."""

from __future__ import annotations

import pytest

from tests.text_receipts import read

CASES = [
    (
        "Weber Holzbau GmbH\nMühlweg 9, 79098 Freiburg\n\nNordkap Handel GmbH\nKaistraße 7, 24103 Kiel\n"
        "USt-IdNr. DE 311 204 998\n\nRechnung Nr. 2025-204\nDatum: 02.09.2025\nRegale   2.400,00\n"
        "Gesamtbetrag   2.400,00 EUR\n"
        "Weber Holzbau GmbH · Amtsgericht Freiburg HRB 7781 · USt-IdNr. DE 288 301 442",
        "Weber Holzbau GmbH",
    ),
    (
        "Clew Bay Signs Ltd\n9 Mall Street, Westport\n\nInishfree Analytics Ltd\nDock Road, Sligo F91 K2P4\n"
        "VAT No IE 7712093LH\n\nInvoice 2025-310\nDate: 08/09/2025\nShop signs   880.00\nTotal   €880.00\n\n"
        "Clew Bay Signs Ltd · Registered in Ireland No. 604411 · VAT No IE 3318842QA",
        "Clew Bay Signs Ltd",
    ),
    (
        "Ceramiche Lodi S.r.l.\nViale Piave 8, 26900 Lodi\n\nAlberghi Riuniti S.p.A.\n"
        "Corso Sempione 21, 20154 Milano\nP.IVA 04411230967\n\nFattura n. 77 del 05/09/2025\n"
        "Piastrelle   900,00\nIVA 22%   198,00\nTotale documento   1.098,00 EUR\n\n"
        "Ceramiche Lodi S.r.l. - P.IVA 07720340158 - REA LO 99120",
        "Ceramiche Lodi S.r.l.",
    ),
]


@pytest.mark.parametrize(("text", "seller"), CASES, ids=["de", "en", "it"])
def test_the_seller_on_its_registration_line_beats_a_customers_block_over_its_vat_id(
    text: str, seller: str
) -> None:
    assert read(text).vendor == seller


def test_a_customers_block_first_and_the_seller_only_over_its_footer_reads_no_vendor() -> None:
    # customer's name / address / VAT id on top, the seller's name over its registration at the
    # foot: the two shapes are alike, and the customer read as the issuer is the worse error
    text = (
        "Nordkap Handel GmbH\nKaistraße 7, 24103 Kiel\nUSt-IdNr. DE 311 204 998\n\n"
        "Rechnung Nr. 2025-204\nDatum: 02.09.2025\nRegale   2.400,00\nGesamtbetrag   2.400,00 EUR\n\n"
        "Weber Holzbau GmbH · Mühlweg 9 · 79098 Freiburg\n"
        "Amtsgericht Freiburg HRB 7781 · USt-IdNr. DE 288 301 442"
    )
    assert read(text).vendor is None


def test_a_vat_ids_country_code_on_the_registration_line_is_no_legal_form() -> None:
    # "SE" glued to the VAT number's digits is Sweden's code, not a Societas Europaea: the name over
    # the registration line stays the issuer
    text = (
        "Norrljus Energi AB · Kungsgatan 4 · 972 31 Luleå\nOrg.nr 556311-2090 · Momsreg.nr SE556311209001\n\n"
        "Faktura\nFakturanummer   88120\nFakturadatum   2025-09-01\nAtt betala   620,00 kr"
    )
    assert read(text).vendor == "Norrljus Energi AB"
