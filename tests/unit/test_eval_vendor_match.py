"""The accuracy report's vendor comparison: whole words of the label, never stray characters."""

from __future__ import annotations

import pytest

from tests.eval.invoice_eval import same_vendor


@pytest.mark.parametrize(
    ("got", "want", "right"),
    [
        ("Hilton Dublin", "Hilton Dublin", True),
        ("Hilton", "Hilton Dublin", True),  # a shorter name of the same issuer
        ("Hilton Dublin Hotel Ltd", "Hilton Dublin", True),
        ("CYBERPORT GmbH", "cyberport GmbH", True),
        ("Café Müller", "Cafe Muller", True),
        ("Müller Bau", "Müller Bau GmbH & Co. KG", True),
        ("i", "Hilton Dublin", False),  # a letter of a word is no name
        ("YOU", "Young's Bar", False),
        ("ton Dub", "Hilton Dublin", False),
        ("Johannes Schmidt", "Hilton Dublin", False),
        (None, "Hilton Dublin", False),
        ("", "Hilton Dublin", False),
    ],
)
def test_vendor_matches_whole_words_only(got: str | None, want: str, right: bool) -> None:
    assert same_vendor(got, want) is right
