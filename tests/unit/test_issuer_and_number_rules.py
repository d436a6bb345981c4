"""Issue 11 rules for unseen documents: labels read through scanner OCR's letter-shaped marks,
number labels by language convention, and the issuer's legal name beside its registration id."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.heuristic.fields import read_number, read_vendor
from reimburse.adapters.heuristic.labels import Label, find_labels, ocr_letters
from reimburse.adapters.heuristic.totals import LineInfo, analyse_lines


def _lines(text: str) -> list[LineInfo]:
    return analyse_lines(text.split("\n"))


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Factura nº 2024/117\nTotal 12,00", "2024/117"),  # Spanish: "º" is a letter to regex
        ("Fatura nº FT 2023/88\nTotal 12,00", "FT 2023/88"),  # Portuguese
        ("Re-Nr.: 4711-22\nSumme 5,00", "4711-22"),  # German abbreviations of Rechnungsnummer
        ("Rg.-Nr. 2019-0815\nSumme 5,00", "2019-0815"),
        ("Faktura č. 2023001\nCelkem 100,00", "2023001"),  # Czech
        ("Kvitto: 55012\nTotalt 89,00", "55012"),  # Swedish till receipt
    ],
)
def test_number_labels_by_language_convention(text: str, expected: str) -> None:
    assert read_number(_lines(text))[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Auftragsnummer: Q7XK21\nSumme 5,00", "Q7XK21"),  # a German train order
        ("Confirmation code: 88ZT-114\nTotal 5.00", "88ZT-114"),
        ("Numéro de commande : 2024-5561\nTotal 5,00", "2024-5561"),
    ],
)
def test_order_and_booking_codes_count_when_no_invoice_number_is_printed(text: str, expected: str) -> None:
    assert read_number(_lines(text))[0] == expected


def test_the_invoice_number_wins_over_an_order_code() -> None:
    text = "Auftragsnummer: Q7XK21\nRe-Nr. 4711\nSumme 5,00"
    assert read_number(_lines(text))[0] == "4711"


@pytest.mark.parametrize(
    ("footer", "expected"),
    [
        # Austria: the VAT id is the UID (Umsatzsteuer-Identifikationsnummer)
        ("Am Hof 2 Hotelbetriebs GmbH\nUID-Nr. ATU66571603", "Am Hof 2 Hotelbetriebs GmbH"),
        ("Kaffeehaus Wien GmbH   ATU12345678", "Kaffeehaus Wien GmbH"),
        ("Pekárna Novák s.r.o.\nIČO: 12345678   DIČ: CZ12345678", "Pekárna Novák s.r.o."),  # Czechia
        ("Piekarnia Kowalski Sp. z o.o.\nNIP 123-456-78-90", "Piekarnia Kowalski Sp. z o.o."),  # Poland
        ("Kaffebaren AB\nOrg.nr 556677-8899", "Kaffebaren AB"),  # Sweden
    ],
)
def test_issuer_legal_name_beside_its_registration_id(footer: str, expected: str) -> None:
    # A café's receipt: the outlet's name on top, the legal issuer in the footer with its tax id.
    text = f"Cafe Central\nMelange   4,50\nSumme   4,50\n\n{footer}"
    assert read_vendor(_lines(text))[0] == expected


def test_without_a_registration_id_the_outlet_on_top_stays_the_vendor() -> None:
    text = "Cafe Central\nMelange   4,50\nSumme   4,50\n\nDanke für Ihren Besuch"
    assert read_vendor(_lines(text))[0] == "Cafe Central"


def test_a_capitalised_joiner_starts_a_legal_name() -> None:
    text = "Receipt\nTotal 5.00\nThe Cloud One Ltd   VAT Reg No GB123456789"
    assert read_vendor(_lines(text))[0] == "The Cloud One Ltd"


def test_a_city_province_and_postcode_line_is_no_sender_line() -> None:
    text = "1 Hotel Toronto\n550 Wellington St W\nToronto, 0N, M5V 2V4, Canada\nCheck: 1953   Table : 45"
    assert read_vendor(_lines(text))[0] == "1 Hotel Toronto"


def test_a_one_line_sender_address_still_names_the_issuer() -> None:
    text = "Au bon moulin SARL - 1242 chemin de l'olive - 84340 Malaucène\nM. Jean Dupont\nTotal 5,00"
    assert read_vendor(_lines(text))[0] == "Au bon moulin SARL"


def test_scanner_ocr_marks_in_the_vendor_are_read_as_letters() -> None:
    text = "Valamar Argosy Hote!\nIva Dulčića 140, 20000 Dubrovnik\nUkupno / Total   HRK   3,563.84"
    assert read_vendor(_lines(text))[0] == "Valamar Argosy Hotel"


@pytest.mark.parametrize("noise", ["utNDR!CHS7R.114A", "QX7RTa 1/0"])
def test_ocr_of_a_logo_is_no_vendor(noise: str) -> None:
    text = f"{noise}\nRoom Number   431\nTotal Amount   1,871.00"
    assert read_vendor(_lines(text))[0] != noise


def test_the_value_right_of_a_field_word_is_no_vendor() -> None:
    text = "Room Number   431\nRate Plan   OGBOBF\nTotal Amount   1,871.00"
    assert read_vendor(_lines(text))[0] != "OGBOBF"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iny No :KJ130659712 Date:09/02/17", "KJ130659712"),  # "Inv No" as OCR read it
        ("Bastard Burgers\nNr: 3047   2024-02-08\nTotalt 89,00", "3047"),
        ("Trattoria Roma\nNumero: 88/2019\nTotale 12,00", "88/2019"),
        ("Diner\nRcpt #: 5521-A\nTotal 9.00", "5521-A"),
    ],
)
def test_a_bare_number_word_labels_the_document_number(text: str, expected: str) -> None:
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


def test_the_issuers_domain_names_it_over_the_customer_in_the_address_window() -> None:
    text = (
        "The Cloud OneHamburg-Kontorhaus-Willy-Brandt-Strabe20-22-20457Hamburg.\n"
        "Acme Consulting GmbH\nFriedrichstrasse 114A\n10117 Berlin\n\nRechnung\n"
        "Rechnungsbetrag   146,71\n\nThe Cloud One Hamburg-Kontorhaus\nFront Office Agent\n"
        "E-Mail: hamburg-kontorhaus@the-cloud-one.com"
    )
    assert read_vendor(_lines(text))[0] == "The Cloud One Hamburg-Kontorhaus"


def test_a_vendor_the_domain_spells_is_kept() -> None:
    text = "Citadines Betriebs GmbH\nHRB 52815\nSumme 5,00\nwww.citadines.com\nCitadines Michel Hamburg"
    assert read_vendor(_lines(text))[0] == "Citadines Betriebs GmbH"


def test_a_social_handle_is_no_vendor() -> None:
    text = "Negen Straatjes\nTotaal   16,00\nwww.pancakes.amsterdam\npancakesamsterdam"
    assert read_vendor(_lines(text))[0] == "Negen Straatjes"


def test_a_till_reference_among_key_value_pairs_on_one_line() -> None:
    text = "BP Express\nTotal   51.48\nTerminal:2 Receipt:1877934   ORIGINAL."
    assert read_number(_lines(text))[0] == "1877934"


def test_a_key_value_pair_run_is_not_read_mid_word() -> None:
    text = "Cafe\nTotal   5.00\nThank you for your order:   come again"
    assert read_number(_lines(text))[0] is None
