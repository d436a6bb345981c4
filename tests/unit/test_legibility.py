"""Legibility: the share of a page's words a reader would recognise, without a dictionary."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.heuristic.legibility import legibility

CLEAN = (
    "Hotel Adler GmbH Hauptstraße 5 80331 München Rechnung Nr. 2024-17 Datum 03.06.2024 "
    "Übernachtung 2 x 89,00 EUR 178,00 MwSt 7% 11,64 Gesamtbetrag 178,00 Vielen Dank McDonald's"
)
GARBLED = (
    "utNDR!CHS7R.114A lo'tal; 1'otal Snbtotal 27.12 آةةا6:45 Ser٧e;':Macken¿ie CoNTINENTAl "
    "VifNNA,A! Hote! 卜 山 捗 Toionto, [)N٠ H5V 2V4 RIOOOl"
)


def test_a_typed_page_reads_as_legible_and_a_garbled_layer_does_not() -> None:
    clean, garbled = legibility(CLEAN), legibility(GARBLED)
    assert clean is not None and garbled is not None
    assert clean >= 0.9
    assert garbled < 0.7


def test_too_few_words_are_not_judged() -> None:
    assert legibility("TOTAL 12.00") is None


@pytest.mark.parametrize(
    "word", ["Denny's", "#0141", "H&M", "7-Eleven", "DoubleTree", "Zürich", "GmbH", "d.d.", "INV-2024/17"]
)
def test_real_words_names_and_codes_are_legible(word: str) -> None:
    assert legibility(" ".join([word] * 12)) == 1.0


@pytest.mark.parametrize("word", ["utNDR!CHS7R.114A", "VifNNA,A!", "CoNTINENTAl", "Ser٧e;':Macken¿ie"])
def test_ocr_debris_is_not(word: str) -> None:
    assert legibility(" ".join([word] * 12)) == 0.0


@given(st.lists(st.sampled_from(CLEAN.split()), min_size=12, max_size=60))
def test_any_page_of_legible_words_is_fully_legible(words: list[str]) -> None:
    assert legibility(" ".join(words)) == 1.0
