"""The invoice number after the numero sign (issue 11, set T3). Italian and French write the
numero sign as "n°" ("Fattura n°: 47"), Spanish writes "Nº de factura" (normalised to "No de
factura"). Texts are synthetic, written for these tests."""

from __future__ import annotations

import pytest

from reimburse.adapters.heuristic.fields import read_number
from reimburse.adapters.heuristic.text import normalize
from reimburse.adapters.heuristic.totals import analyse_lines


def _number(text: str) -> str | None:
    return read_number(analyse_lines(normalize(text).split("\n")))[0]


@pytest.mark.parametrize("line", ["Fattura n°: 47", "Ditta Rossi Srl   Fattura n°: 47", "Facture n°: 47"])
def test_a_short_number_after_the_numero_sign(line: str) -> None:
    text = f"Studio Verdi\nVia Roma 1, Modena\n\n{line}\nData: 14/10/2025\n\nTotale   € 90,00"
    assert _number(text) == "47"


def test_the_numero_sign_before_a_count_is_no_number() -> None:
    # a count after the label without its colon, then more text: not a number (as before)
    text = "Studio Verdi\n\nFattura n° 2 di 3 pagine\nData: 14/10/2025\n\nTotale   € 90,00"
    assert _number(text) != "2"


@pytest.mark.parametrize(
    ("line", "want"), [("Nº de factura: 2025-0871", "2025-0871"), ("No de factura: 88412", "88412")]
)
def test_the_spanish_numero_de_factura_label(line: str, want: str) -> None:
    text = f"Talleres Ebro S.L.\nNIF: B11223344\n\nFACTURA\n{line}\nFecha: 31/10/2025\n\nTOTAL FACTURA   242,00 €"
    assert _number(text) == want
