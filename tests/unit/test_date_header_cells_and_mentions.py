"""Invoice dates as invoices print them around their labels: a label heading a column of a row of
labels over a row of values, the British "Despatch Date" with a role of its own, and a date label
named at the end of a sentence ("Lieferdatum entspricht Rechnungsdatum.") with no date of its own."""

from __future__ import annotations

from datetime import date

import pytest

from tests.text_receipts import read


def _date_flags(text: str) -> list[str]:
    return [f.code for f in read(text).reading_flags if f.code == "ambiguous_date"]


@pytest.mark.parametrize(
    ("head", "values", "want"),
    [
        # a UK wholesaler: three dates in one row, the invoice date last, days <= 12
        (
            "Account   Order Date   Despatch Date   Invoice Date   Terms",
            "KL-204   28/02/25   03/03/25   04/03/25   30 days",
            date(2025, 3, 4),
        ),
        # a Swedish invoice: the reference beside the date is a name, not a label
        ("Kundnr   Fakturadatum   Er referens", "2093   2025-08-14   Lena Ek", date(2025, 8, 14)),
        # a US invoice: terms and a sales rep beside the date
        ("Invoice Date   Terms   Rep", "03/07/2025   Net 30   JD", date(2025, 3, 7)),
    ],
)
def test_a_label_heading_a_column_reads_the_cell_under_it(head: str, values: str, want: date) -> None:
    text = (
        f"Brackenfold Supplies\n12 Mill Road, Leeds LS2 7PQ\n{head}\n{values}\nWidget   10.00\nTotal   10.00"
    )
    if "Rep" in head:
        text = text.replace("12 Mill Road, Leeds LS2 7PQ", "40 Elm St, Dayton, OH 45402")
    invoice = read(text)
    assert invoice.invoice_date == want
    assert not _date_flags(text)


def test_a_plain_date_heading_an_item_table_does_not_take_the_first_item_date() -> None:
    # "Date   Description   Charges" heads the items: the folio's own date printed above stays its date
    text = (
        "The Bramble Inn\nHigh Street, Ledbury HR8 1DS\nGuest folio 18842   12/04/2025\n"
        "Date   Description   Charges\n10/04/2025   Room and breakfast   118.00\n"
        "11/04/2025   Room and breakfast   118.00\nTotal   £236.00"
    )
    assert read(text).invoice_date == date(2025, 4, 12)


@pytest.mark.parametrize("line", ["Despatch Date 11/12/2025", "Date despatched: 11/12/2025"])
def test_a_despatch_date_is_not_the_invoice_date(line: str) -> None:
    text = f"Brackenfold Supplies\n12 Mill Road, Leeds LS2 7PQ\n{line}\nInv 4471   27/11/2025\nTotal   £10.00"
    assert read(text).invoice_date == date(2025, 11, 27)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lieferdatum entspricht Rechnungsdatum.",
        "Das Leistungsdatum entspricht dem Rechnungsdatum.",
        "The date of supply is the invoice date.",
    ],
)
def test_a_date_label_named_in_a_sentence_leaves_the_printed_date_unflagged(sentence: str) -> None:
    text = (
        "Schreinerei Auwald GmbH\nAm Bach 3, 79183 Waldkirch\nWaldkirch, den 14. März 2025\n"
        f"{sentence}\nNetto   100,00 €\nUSt. 19 %   19,00 €\nGesamtbetrag   119,00 €"
    )
    assert read(text).invoice_date == date(2025, 3, 14)
    assert not _date_flags(text)


def test_an_invoice_date_label_with_its_date_unread_is_still_flagged() -> None:
    # a label followed by garbled digits is no sentence: the first free date stays a guess
    text = (
        "Schreinerei Auwald GmbH\nRechnungsdatum: 1#.0?.2O25\nLieferung 12.03.2025\nGesamtbetrag   119,00 €"
    )
    assert _date_flags(text)


def test_a_label_ending_in_a_full_stop_before_garbled_digits_is_still_flagged() -> None:
    # words before the label and a full stop after it, as a sentence has; but digits follow on
    # the line, so the stop belongs to the label ("date.") and its date was misread
    text = (
        "Brackenfold Supplies\n12 Mill Road, Leeds LS2 7PQ\nYour invoice date. 2#/0?/2O25\n"
        "Printed 11/03/2025\nWidget   10.00\nTotal   £10.00"
    )
    assert _date_flags(text) == ["ambiguous_date"]


_HEADS = {
    "us": ("Acme Hardware LLC\n1 Main St, Dayton, OH 45402\n", "Total   $10.00"),
    "uk": ("Brackenfold Supplies\n12 Mill Road, Leeds LS2 7PQ\n", "Total   £10.00"),
    "de": ("Auwald GmbH\nAm Bach 3, 79183 Waldkirch\n", "Gesamtbetrag   10,00 €"),
    "fr": ("Atelier Sable SARL\n3 rue Haute, 74000 Annecy\n", "Total TTC   10,00 €"),
    "es": ("Talleres Sol S.L.\nCalle Mayor 2, 28013 Madrid\n", "TOTAL   10,00 €"),
    "it": ("Vetri Olmo S.r.l.\nVia Roma 3, 24121 Bergamo\n", "Totale   10,00 €"),
    "nl": ("Bakkerij Sloot B.V.\nKerkstraat 2, 3511 LX Utrecht\n", "Totaal   € 10,00"),
    "sv": ("Snickeri Ek AB\nStorgatan 3, 114 56 Stockholm\n", "Totalt   10,00 kr"),
    "tr": ("Dokuma Ltd. Şti.\nGalata Sk. 2, 34421 İstanbul\n", "TOPLAM   10,00 TL"),
}


@pytest.mark.parametrize(
    ("country", "role", "other", "issued"),
    [
        ("us", "Delivered:", "Mar 31, 2025", "Apr 2, 2025"),
        ("us", "Order placed:", "Mar 31, 2025", "Apr 2, 2025"),
        ("us", "Due:", "May 2, 2025", "Apr 2, 2025"),
        ("uk", "Despatched:", "31/03/2025", "02/04/2025"),
        ("uk", "Collection:", "31/03/2025", "02/04/2025"),
        ("de", "Lieferung:", "31.03.2025", "02.04.2025"),
        ("de", "geliefert am", "31.03.2025", "02.04.2025"),
        ("fr", "Livraison :", "31/03/2025", "02/04/2025"),
        ("es", "Entrega:", "31/03/2025", "02/04/2025"),
        ("it", "Consegna:", "31/03/2025", "02/04/2025"),
        ("nl", "Levering:", "31-03-2025", "02-04-2025"),
        ("sv", "Leverans:", "2025-03-31", "2025-04-02"),
        ("tr", "Sevk Tarihi:", "31.03.2025", "02.04.2025"),
    ],
)
def test_a_date_after_one_word_of_another_role_is_not_the_invoice_date(
    country: str, role: str, other: str, issued: str
) -> None:
    head, total = _HEADS[country]
    text = f"{head}{role} {other}\n{issued}\nItem   10,00\n{total}"
    assert read(text).invoice_date == date(2025, 4, 2)


def test_a_role_word_inside_a_sentence_claims_nothing() -> None:
    # only a role word opening its cell is a label: "Thank you for your order" is not one
    head, total = _HEADS["uk"]
    text = f"{head}Thank you for your order 02/04/2025\nItem   10.00\n{total}"
    assert read(text).invoice_date == date(2025, 4, 2)


@pytest.mark.parametrize(
    ("label", "want"),
    [
        ("Invoice Date (dd/mm/yyyy):", date(2025, 4, 3)),
        ("Date (MM/DD/YYYY):", date(2025, 3, 4)),
        # German and French masks, with slashes: dotted dates are read day-first without any mask
        ("Datum (TT/MM/JJJJ):", date(2025, 4, 3)),
        ("Date (JJ/MM/AAAA):", date(2025, 4, 3)),
    ],
)
def test_a_printed_date_mask_settles_the_day_month_order(label: str, want: date) -> None:
    # no address, currency or other date settles 03/04/2025; the mask printed beside it does
    text = f"Kestrel Studio\n{label} 03/04/2025\nDesign work   10.00\nTotal   10.00"
    invoice = read(text)
    assert invoice.invoice_date == want
    assert not _date_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        # a German invoice in euros whose foot carries an export form's blank field
        "Lindholm GmbH\nAm Bach 3, 79183 Waldkirch\nRechnungsdatum: 03/04/2025\nArtikel   10,00\n"
        "Gesamtbetrag   10,00 €\nFor US customers: date of export (MM/DD/YYYY) ________",
        # a French invoice with a registration form's blank birth-date field
        "Atelier Sorbier SARL\n3 rue Haute, 74000 Annecy\nDate : 03/04/2025\nArticle   10,00\n"
        "Total TTC   10,00 €\nDate de naissance (MM/JJ/AAAA) :",
    ],
)
def test_a_mask_of_a_blank_field_does_not_override_language_and_currency(text: str) -> None:
    assert read(text).invoice_date == date(2025, 4, 3)


def test_a_mask_of_a_blank_field_leaves_an_unsettled_date_in_doubt() -> None:
    # nothing else settles 03/04/2025; the warranty card's mask describes no date on the page
    text = (
        "Kestrel Studio\nDate: 03/04/2025\nDesign work   10.00\nTotal   10.00\n"
        "Warranty card: date of purchase (MM/DD/YYYY) ______"
    )
    assert _date_flags(text) == ["ambiguous_date"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a café slip: the order's date is its only own date; the loyalty line's is years older
        (
            "Copper Kettle Cafe\n4 Bridge St, York YO1 6DD\nOrder: 21/05/2025\nFlat white   3.20\n"
            "Total   £3.20\nLoyalty member since 03/02/2018",
            date(2025, 5, 21),
        ),
        # a US garage: the next service falls months after the car was handed back
        (
            "Pine Auto Care\n88 Elm St, Akron, OH 44308\nDelivered: 04/08/2025\nNext oil change 07/08/2025\n"
            "Oil and filter   49.00\nTotal   $49.00",
            date(2025, 4, 8),
        ),
        # a Spanish workshop: "Próxima revisión" half a year later
        (
            "Taller Brisa S.L.\nCalle Luna 7, 46001 Valencia\nEntrega: 12/03/2025\n"
            "Próxima revisión 12/09/2025\nRecambio   20,00\nTOTAL   20,00 €",
            date(2025, 3, 12),
        ),
    ],
)
def test_a_role_words_date_does_not_give_way_to_a_far_date_inside_words(text: str, want: date) -> None:
    # the role word claims its date only against a date printed as an invoice's own (alone, or
    # after a label) or one of the same purchase (within weeks); a later offer or an old
    # membership is neither
    assert read(text).invoice_date == want
