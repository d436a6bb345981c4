"""Issue 11 rules for unseen documents: labels read through scanner OCR's letter-shaped marks,
number labels by language convention, and the issuer's legal name beside its registration id."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.heuristic.fields import read_number, read_vendor
from reimburse.adapters.heuristic.totals import LineInfo, analyse_lines
from reimburse.adapters.invoice_labels.labels import Label, find_labels, ocr_letters


def _lines(text: str) -> list[LineInfo]:
    return analyse_lines(text.split("\n"))


def _cafe_receipt(footer: str) -> str:
    # A café's receipt: the outlet's name on top, the legal issuer (if any) in the footer.
    return f"Cafe Central\nMelange   4,50\nSumme   4,50\n\n{footer}"


@pytest.mark.parametrize(
    ("line", "label", "printed"),
    [
        ("Tota!   3,563.84", Label.TOTAL, "Tota!"),  # "!" read for "l"
        ("Do!azak / Arriva!   26.08.21", Label.CHECK_IN, "Arriva!"),
        ("T0TAL   12.00", Label.TOTAL, "T0TAL"),  # "0" read for "O"
        ("Inv0ice No: 4471", Label.INVOICE_NO, "Inv0ice No"),
    ],
)
def test_labels_are_found_through_ocr_letter_confusions(line: str, label: Label, printed: str) -> None:
    hit = next(h for h in find_labels(line) if h.label is label)
    assert hit.text == printed  # the hit still quotes the printed line
    assert line[hit.start : hit.end] == printed


@pytest.mark.parametrize("line", ["Invoice 10017", "Total 1,000.00", "Room 401 / 2", "ABC1DEF", "A0 1! 0B"])
def test_digits_and_marks_outside_words_stay(line: str) -> None:
    assert ocr_letters(line) == line


@given(st.text(alphabet=st.sampled_from("aZ0 1!:.-,9"), max_size=40))
def test_ocr_letters_keeps_every_position(line: str) -> None:
    probe = ocr_letters(line)
    assert len(probe) == len(line)
    assert all(a == b or a in "!01" for a, b in zip(line, probe, strict=True))


# (rule, text, the document number read); the rule is the case's id.
_NUMBERS = [
    # number labels by language convention
    ("language-es", "Factura nº 2024/117\nTotal 12,00", "2024/117"),  # "º" is a letter to regex
    ("language-pt", "Fatura nº FT 2023/88\nTotal 12,00", "FT 2023/88"),
    ("language-de-re-nr", "Re-Nr.: 4711-22\nSumme 5,00", "4711-22"),  # abbreviations of Rechnungsnummer
    ("language-de-rg-nr", "Rg.-Nr. 2019-0815\nSumme 5,00", "2019-0815"),
    ("language-cs", "Faktura č. 2023001\nCelkem 100,00", "2023001"),
    ("language-sv-till", "Kvitto: 55012\nTotalt 89,00", "55012"),  # Swedish till receipt
    # order and booking codes count when no invoice number is printed
    ("order-code-de-train", "Auftragsnummer: Q7XK21\nSumme 5,00", "Q7XK21"),
    ("order-code-confirmation", "Confirmation code: 88ZT-114\nTotal 5.00", "88ZT-114"),
    ("order-code-fr", "Numéro de commande : 2024-5561\nTotal 5,00", "2024-5561"),
    ("invoice-number-wins-over-order-code", "Auftragsnummer: Q7XK21\nRe-Nr. 4711\nSumme 5,00", "4711"),
    # a bare number word labels the document number
    ("bare-word-ocr-iny-no", "Iny No :KJ130659712 Date:09/02/17", "KJ130659712"),  # "Inv No" as OCR read it
    ("bare-word-nr", "Bastard Burgers\nNr: 3047   2024-02-08\nTotalt 89,00", "3047"),
    ("bare-word-numero", "Trattoria Roma\nNumero: 88/2019\nTotale 12,00", "88/2019"),
    ("bare-word-rcpt", "Diner\nRcpt #: 5521-A\nTotal 9.00", "5521-A"),
    # key-value pairs on one line
    (
        "till-reference-among-pairs",
        "BP Express\nTotal   51.48\nTerminal:2 Receipt:1877934   ORIGINAL.",
        "1877934",
    ),
    ("pair-run-not-read-mid-word", "Cafe\nTotal   5.00\nThank you for your order:   come again", None),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in _NUMBERS])
def test_document_number(text: str, expected: str | None) -> None:
    assert read_number(_lines(text))[0] == expected


@pytest.mark.parametrize(
    "line",
    [
        "Table No: 12345",
        "Company No: MA0057302-M",
        "Room Nr: 4312",
        "Store #: 7561",
        "Tel No: 0131-443",
        "No: 12.03.2024",
        "Nr: 12,50",
        "St.-Nr: 143/164/10694",  # the issuer's tax number
        "Kassen-Nr: 003",
        "Karten-Nr.: 4711",
    ],
)
def test_a_bare_number_word_of_something_else_is_no_document_number(line: str) -> None:
    assert read_number(_lines(f"Cafe\n{line}\nTotal 5.00"))[0] is None


# (rule, text, the vendor read); the rule is the case's id.
_VENDORS = [
    # the issuer's legal name beside its registration id; Austria's VAT id is the UID
    (
        "registration-at-uid",
        _cafe_receipt("Am Hof 2 Hotelbetriebs GmbH\nUID-Nr. ATU66571603"),
        "Am Hof 2 Hotelbetriebs GmbH",
    ),
    ("registration-at-bare", _cafe_receipt("Kaffeehaus Wien GmbH   ATU12345678"), "Kaffeehaus Wien GmbH"),
    (
        "registration-cz",
        _cafe_receipt("Pekárna Novák s.r.o.\nIČO: 12345678   DIČ: CZ12345678"),
        "Pekárna Novák s.r.o.",
    ),
    (
        "registration-pl",
        _cafe_receipt("Piekarnia Kowalski Sp. z o.o.\nNIP 123-456-78-90"),
        "Piekarnia Kowalski Sp. z o.o.",
    ),
    ("registration-se", _cafe_receipt("Kaffebaren AB\nOrg.nr 556677-8899"), "Kaffebaren AB"),
    ("no-registration-outlet-stays", _cafe_receipt("Danke für Ihren Besuch"), "Cafe Central"),
    (
        "capitalised-joiner-starts-legal-name",
        "Receipt\nTotal 5.00\nThe Cloud One Ltd   VAT Reg No GB123456789",
        "The Cloud One Ltd",
    ),
    (
        "city-province-postcode-is-no-sender-line",
        "1 Hotel Toronto\n550 Wellington St W\nToronto, 0N, M5V 2V4, Canada\nCheck: 1953   Table : 45",
        "1 Hotel Toronto",
    ),
    (
        "one-line-sender-address-names-issuer",
        "Au bon moulin SARL - 1242 chemin de l'olive - 84340 Malaucène\nM. Jean Dupont\nTotal 5,00",
        "Au bon moulin SARL",
    ),
    (
        "scanner-ocr-marks-read-as-letters",
        "Valamar Argosy Hote!\nIva Dulčića 140, 20000 Dubrovnik\nUkupno / Total   HRK   3,563.84",
        "Valamar Argosy Hotel",
    ),
    (
        "issuer-domain-over-customer-in-address-window",
        "The Cloud OneHamburg-Kontorhaus-Willy-Brandt-Strabe20-22-20457Hamburg.\n"
        "Acme Consulting GmbH\nFriedrichstrasse 114A\n10117 Berlin\n\nRechnung\n"
        "Rechnungsbetrag   146,71\n\nThe Cloud One Hamburg-Kontorhaus\nFront Office Agent\n"
        "E-Mail: hamburg-kontorhaus@the-cloud-one.com",
        "The Cloud One Hamburg-Kontorhaus",
    ),
    (
        "vendor-the-domain-spells-is-kept",
        "Citadines Betriebs GmbH\nHRB 52815\nSumme 5,00\nwww.citadines.com\nCitadines Michel Hamburg",
        "Citadines Betriebs GmbH",
    ),
    (
        "social-handle-is-no-vendor",
        "Negen Straatjes\nTotaal   16,00\nwww.pancakes.amsterdam\npancakesamsterdam",
        "Negen Straatjes",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in _VENDORS])
def test_vendor(text: str, expected: str) -> None:
    assert read_vendor(_lines(text))[0] == expected


# (rule, text, a line that must not be read as the vendor)
_NOT_VENDORS = [
    ("ocr-of-a-logo", "utNDR!CHS7R.114A\nRoom Number   431\nTotal Amount   1,871.00", "utNDR!CHS7R.114A"),
    ("ocr-of-a-logo-short", "QX7RTa 1/0\nRoom Number   431\nTotal Amount   1,871.00", "QX7RTa 1/0"),
    (
        "value-right-of-a-field-word",
        "Room Number   431\nRate Plan   OGBOBF\nTotal Amount   1,871.00",
        "OGBOBF",
    ),
]


@pytest.mark.parametrize(("text", "wrong"), [pytest.param(t, w, id=i) for i, t, w in _NOT_VENDORS])
def test_no_vendor_from(text: str, wrong: str) -> None:
    assert read_vendor(_lines(text))[0] != wrong
