"""Till receipts: a return-by or points-valid-until date printed before the sale's date is not the
invoice date in any language, and a two-digit year with two digits apart after it ("14/03/20 18",
a four-digit year OCR split) is flagged, never read silently as 2020 (issue 12)."""

from __future__ import annotations

from datetime import date

import pytest

from reimburse.adapters.heuristic.dates import find_dates
from tests.text_receipts import read

SALE = date(2020, 3, 14)


@pytest.mark.parametrize(
    ("head", "until", "sale", "tail"),
    [
        # Italian "fino al", in two shops' words
        (
            "Bar Centrale\nVia Po 7, 10122 Torino",
            "Punti validi fino al 12/03/2021",
            "14/03/2020 12:31",
            "EUR",
        ),
        ("Ferramenta Rossi\nCorso Italia 3, Firenze", "Cambio merce fino al 13/04/2020", "14/03/2020", "EUR"),
        # Dutch "tot" and "t/m"
        ("Eetcafé Het Anker\nOudegracht 45, Utrecht", "Ruilen tot 28-03-2020", "14-03-2020 12:31", "€"),
        ("Bakkerij Visser\nMarkt 2, Groningen", "Spaarpunten geldig t/m 31-12-2020", "14-03-2020", "€"),
        # Portuguese "até"
        ("Pastelaria Central\nRua Augusta 40, Lisboa", "Válido até 28/03/2020", "14/03/2020 12:31", "€"),
        ("Livraria Sol\nRua do Carmo 2, Porto", "Trocas até ao 13/04/2020", "14/03/2020", "€"),
        # Danish and Norwegian "til"
        (
            "Bageriet Nørrebro\nNørrebrogade 20, København",
            "Bytte gyldig til 14.04.2020",
            "14.03.2020 12:31",
            "kr",
        ),
    ],
)
def test_an_until_date_before_the_sale_is_not_the_invoice_date(
    head: str, until: str, sale: str, tail: str
) -> None:
    text = f"{head}\n{until}\n{sale}\n1 x Caffè   2,40 {tail}\nTOTAL   2,40 {tail}\n"
    assert read(text).invoice_date == SALE


def test_a_short_until_word_ending_the_line_above_claims_no_date() -> None:
    # Danish greeting "welcome to" ends its line with "til"; the sale's date follows below
    text = (
        "Bageriet Nørrebro\nNørrebrogade 20\nTak for besøget og velkommen til\n14.03.2020 12:31\n"
        "Boller   20,00\nTOTAL kr   20,00\nBytte 14.04.2020\n"
    )
    assert read(text).invoice_date == SALE


def test_the_until_date_alone_is_still_read() -> None:
    # a date with another role is still the invoice date when it is the only one printed
    text = "Bar Centrale\nVia Po 7, Torino\nPunti validi fino al 12/03/2021\nTOTALE   EUR 2,40\n"
    assert read(text).invoice_date == date(2021, 3, 12)


@pytest.mark.parametrize("line", ["14/03/20 18  12:31", "Date: 14/03/20 18", "14.03.19 98 Kasse 2"])
def test_a_two_digit_year_with_two_digits_after_it_is_flagged(line: str) -> None:
    invoice = read(f"Corner Kiosk\nUnit 4 Market Sq\n{line}\n1 x Tea   2.40\nTOTAL   2.40\n")
    assert "ambiguous_date" in {f.code for f in invoice.reading_flags}


@pytest.mark.parametrize(
    ("text", "split"),
    [("14/03/20 18  12:31", date(2018, 3, 14)), ("14.03.19 98 Kasse", date(1998, 3, 14))],
)
def test_the_split_years_reading(text: str, split: date) -> None:
    assert find_dates(text)[0].split_year == split


@pytest.mark.parametrize(
    "text",
    ["14/03/20 18:45", "14/03/20 12:31", "14/03/21 18 Kasse 2", "14/03/2020 18", "14/03/20 18.50"],
)
def test_a_time_another_year_or_a_four_digit_year_is_no_split(text: str) -> None:
    assert find_dates(text)[0].split_year is None


@pytest.mark.parametrize(
    ("head", "other", "sale"),
    [
        # a start: member or customer since
        ("Corner Kiosk Ltd\n4 Quay Road, Bristol BS1 4QA", "Member since 01/01/2015", "14/03/2020 12:31"),
        ("Bäckerei Lindner\nHauptstraße 12, 80331 München", "Kunde seit 01.01.2015", "14.03.2020 12:31"),
        ("Cafetería La Plaza\nCalle Mayor 8, 28013 Madrid", "Cliente desde 01/01/2015", "14/03/2020"),
        ("Boulangerie Petit\n3 rue des Quais, 69002 Lyon", "Client depuis 01/01/2015", "14/03/2020 12:31"),
        ("Pasticceria Dolce\nVia Po 7, 10122 Torino", "Cliente dal 01/01/2015", "14/03/2020"),
        ("Bakkerij Visser\nMarkt 2, Groningen", "Klant sinds 01-01-2015", "14-03-2020 12:31"),
        # an end: an offer's or a voucher's
        ("Corner Kiosk Ltd\n4 Quay Road, Bristol BS1 4QA", "Offer ends 31/12/2020", "14/03/2020 12:31"),
        ("Corner Kiosk Ltd\n4 Quay Road, Bristol BS1 4QA", "Voucher valid to 31/12/2020", "14/03/2020"),
        # a next appointment or visit
        ("Smile Dental Care\n4 Quay Road, Bristol BS1 4QA", "Next appointment 25/03/2020", "14/03/2020"),
        ("Praxis Dr. Weber\nHauptstraße 12, 80331 München", "Nächster Termin 25.03.2020", "14.03.2020"),
        ("Cabinet Dentaire\n3 rue des Quais, 69002 Lyon", "Prochain rendez-vous 25/03/2020", "14/03/2020"),
        ("Clínica Dental Sol\nCalle Mayor 8, 28013 Madrid", "Próxima cita 25/03/2020", "14/03/2020 12:31"),
        ("Studio Dentistico Bianchi\nVia Po 7, 10122 Torino", "Prossima visita 25/03/2020", "14/03/2020"),
        ("Tandartspraktijk De Vries\nMarkt 2, Groningen", "Volgende afspraak 25-03-2020", "14-03-2020"),
    ],
)
def test_a_date_of_another_time_before_the_sale_is_not_the_invoice_date(
    head: str, other: str, sale: str
) -> None:
    text = f"{head}\n{other}\n{sale}\n1 x Item   2,40\nTOTAL   2,40\n"
    assert read(text).invoice_date == SALE


def test_the_noun_end_claims_no_date() -> None:
    # "Shift end" prints the sale's day; a later returns date further down is not the sale's
    text = (
        "Cafe Luna\n12 Harbour St, Cork\nShift end 14/03/2020 18:00\nCoffee   3.00\nTOTAL EUR   3.00\n"
        "Returns accepted 28/03/2020\n"
    )
    assert read(text).invoice_date == SALE


def test_a_next_visit_wish_on_the_line_above_claims_no_date() -> None:
    # only words on the date's own line give it the other time
    text = "Corner Kiosk Ltd\n4 Quay Road, Bristol\nSee you next time soon\n14/03/2020\nTOTAL   2.40\n"
    assert read(text).invoice_date == SALE


def test_an_expiry_word_glued_to_the_word_before_still_claims_its_date() -> None:
    # OCR drops the space: "Rewardsexpire"
    text = "Redwood Grill\n410 Market St, Denver, CO 80202\nRewardsexpire 03/27/2023\n09/28/2022 18:26\nTOTAL   $2.40\n"
    assert read(text).invoice_date == date(2022, 9, 28)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("JUL 152025 11:10", date(2025, 7, 15)),
        ("MAY 202020", date(2020, 5, 20)),
        ("Sep 072024", date(2024, 9, 7)),
    ],
)
def test_a_month_first_date_whose_day_ran_into_its_year(text: str, want: date) -> None:
    assert [d.value for d in find_dates(text)] == [want]


@pytest.mark.parametrize(
    "text",
    # a one-digit day glued to a year is as often a month word before a count or code
    ["Dec 2019", "Mar 20195", "May 2020 2021", "MAR 12000 PTS", "Abo Mai 12020", "Sep 72024"],
)
def test_a_month_and_year_stay_no_date(text: str) -> None:
    assert find_dates(text) == []
