"""The month names in the date patterns are one trie-shaped alternation (bench item 2: the flat list
of ~260 names was a fifth of the invoice reader's time). It must find exactly what the
longest-first list found: the same dates, spans and month names, in any case and any language."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from reimburse.adapters.heuristic import dates
from reimburse.adapters.heuristic.dates import alternation, find_dates

# every name the date patterns read: the shared table and the date reader's own short names
NAMES = dates._MONTHS
FLAT = "|".join(sorted(NAMES, key=len, reverse=True))  # the list the trie replaced


def flat_patterns() -> list[re.Pattern[str]]:
    return [re.compile(p.pattern.replace(dates._MONTH, FLAT), p.flags) for _, p in dates._PATTERNS]


FLAT_PATTERNS = flat_patterns()


def current_patterns() -> list[re.Pattern[str]]:
    return [p for _, p in dates._PATTERNS]


def matches(
    patterns: list[re.Pattern[str]], text: str
) -> list[list[tuple[tuple[int, int], dict[str, str | None]]]]:
    return [[(m.span(), m.groupdict()) for m in p.finditer(text)] for p in patterns]


def test_the_month_patterns_use_the_trie() -> None:
    assert sum(dates._MONTH in p.pattern for _, p in dates._PATTERNS) >= 4
    assert FLAT_PATTERNS[1].pattern != dates._PATTERNS[1][1].pattern


def test_every_month_name_in_any_case_is_matched_whole() -> None:
    pattern = re.compile(rf"(?:{dates._MONTH})", re.I)
    for name in NAMES:
        # Unicode has no capital of "ΐ" (μαΐου): upper() leaves a lone accent that no print has;
        # Greek capitals drop the accent and print ΜΑΪΟΥ.
        for written in (name, unicodedata.normalize("NFC", name.upper().replace("\u0301", "")), name.title()):
            assert pattern.fullmatch(written), written


def test_a_name_is_preferred_to_its_prefixes() -> None:
    pattern = re.compile(rf"(?:{alternation(['mar', 'march', 'marzo', 'may'])})")
    assert [m.group() for m in pattern.finditer("march marzo mar may marc")] == [
        "march",
        "marzo",
        "mar",
        "may",
        "mar",
    ]


def test_words_and_their_prefixes_alone() -> None:
    assert alternation(["ab"]) == "ab"
    assert re.fullmatch(alternation(["a", "ab", "abc", "b"]), "abc")
    assert re.fullmatch(alternation(["a", "ab", "abc", "b"]), "b")
    assert not re.fullmatch(alternation(["a", "ab", "abc", "b"]), "bc")


def test_same_dates_as_the_flat_list_on_printed_dates() -> None:
    for text in (
        "Date: 17 May 2024, due May 17, 2024",
        "Rechnungsdatum 3. Dezember 2024 / 2024-Dec-03",
        "9de septiembrede 2024, 1er mars 2024, 12th of March 2019",
        "Tarih: 5 Mayıs 2024 - 5 MAYIS 2024 - 3 Ağustos 2023",
        "12-Dec-24 Mar 12 '19 Sept. 3rd, 2021 marca 2019 12 marca 2019",
        "In 10:05 Out 10:30, out 2024 12 out 24",
    ):
        assert matches(current_patterns(), text) == matches(FLAT_PATTERNS, text), text


_NAMES = sorted(NAMES)
_name = st.one_of(
    st.sampled_from(_NAMES),
    st.sampled_from(_NAMES).map(str.upper),
    st.sampled_from(_NAMES).map(str.title),
    st.sampled_from(_NAMES).map(lambda n: n[:-1]),  # a prefix that may be another name
    st.sampled_from(_NAMES).flatmap(lambda n: st.sampled_from("aeisınz").map(lambda c: n + c)),
)
_sep = st.sampled_from(
    [" ", ", ", "-", "/", ".", ". ", "th ", "er ", " de ", " of ", "de", "\n", "İ", "ſ", "x"]
)
_piece = st.one_of(
    _name,
    st.tuples(st.integers(1, 31).map(str), _sep, _name, _sep, st.sampled_from(["2024", "'19", "24"])).map(
        "".join
    ),
    st.tuples(_name, _sep, st.integers(1, 31).map(str), _sep, st.sampled_from(["2024", "'19"])).map("".join),
    st.integers(0, 39).map(str),
    st.sampled_from(["2024", "1999", "'19", "24", "2081"]),
    _sep,
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_piece, min_size=1, max_size=12).map("".join))
def test_same_matches_as_the_flat_list(text: str) -> None:
    assert matches(current_patterns(), text) == matches(FLAT_PATTERNS, text)


@settings(max_examples=200, deadline=None)
@given(st.lists(_piece, min_size=1, max_size=12).map("".join))
def test_find_dates_agrees_with_the_flat_list(text: str) -> None:
    original = dates._PATTERNS
    try:
        dates._PATTERNS = [(kind, p) for (kind, _), p in zip(original, FLAT_PATTERNS, strict=True)]
        expected = find_dates(text)
    finally:
        dates._PATTERNS = original
    assert find_dates(text) == expected
