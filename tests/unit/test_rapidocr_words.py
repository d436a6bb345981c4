"""Words rebuilt from RapidOCR's per-character boxes (its recognition model drops many spaces)."""

from __future__ import annotations

from typing import Any

from reimburse.adapters.ocr.rapidocr_engine import _split_line, ink_breaks


def line(
    chars: list[tuple[str, float]], width: float = 8.0, height: float = 20.0, conf: float = 0.99
) -> list[Any]:
    """A RapidOCR result item: line box, text, score, then character boxes, characters, confidences."""
    boxes = [[[x, 0], [x + width, 0], [x + width, height], [x, height]] for _, x in chars]
    xs = [x for _, x in chars]
    box = [[min(xs), 0], [max(xs) + width, 0], [max(xs) + width, height], [min(xs), height]]
    text = "".join(c for c, _ in chars)
    return [box, text, conf, boxes, [c for c, _ in chars], [conf] * len(chars)]


def spaced(text: str, x: float = 0.0, pitch: float = 9.0) -> list[tuple[str, float]]:
    return [(c, x + i * pitch) for i, c in enumerate(text)]


def texts(item: list[Any]) -> list[str]:
    return [w.text for w in _split_line(item)]


def test_a_wide_gap_between_characters_is_a_word_break() -> None:
    assert texts(line(spaced("Total:") + spaced("9.00", x=100))) == ["Total:", "9.00"]


def test_letters_at_their_usual_spacing_stay_one_word() -> None:
    assert texts(line(spaced("CASHBILL"))) == ["CASHBILL"]


def test_a_recognised_space_is_a_word_break() -> None:
    assert texts(line(spaced("CASH BILL"))) == ["CASH", "BILL"]


def test_digits_a_little_further_apart_stay_one_amount() -> None:
    # 7 px between digits of a 20 px line: a word break between letters (> 0.3 h), not inside a number
    chars = [("1", 0.0), ("2", 15.0), (".", 24.0), ("5", 33.0), ("0", 48.0)]
    assert texts(line(chars)) == ["12.50"]


def test_a_date_glued_to_the_time_after_it_is_two_words_with_their_own_boxes() -> None:
    words = list(_split_line(line(spaced("25/12/20188:13:39PM"))))
    assert [w.text for w in words] == ["25/12/2018", "8:13:39PM"]
    assert words[0].x1 < words[1].x0


def test_a_word_is_as_sure_as_its_least_sure_character() -> None:
    item = line(spaced("9.00"))
    item[5] = [0.99, 0.45, 0.98, 0.97]
    (word,) = _split_line(item)
    assert word.confidence == 0.45


def test_the_page_time_limit_gives_an_outer_alarm_back_what_is_left_of_it() -> None:
    import signal

    from reimburse.adapters.ocr.rapidocr_engine import time_limit

    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(1))
    signal.setitimer(signal.ITIMER_REAL, 100.0)  # an outer alarm, as pytest-timeout sets one
    try:
        with time_limit(50.0):
            pass
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 90.0 < left <= 100.0
        assert signal.getsignal(signal.SIGALRM) is not None and not fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def ink(pattern: str) -> list[bool]:
    """A line's ink columns drawn as text: '#' inked, '.' blank."""
    return [c == "#" for c in pattern]


def boxes(pattern: str, text: str) -> list[tuple[str, float, float]]:
    """One character box per inked run of `pattern`, as RapidOCR places them roughly."""
    runs, start = [], None
    for x, c in enumerate(pattern + "."):
        if c == "#" and start is None:
            start = x
        elif c != "#" and start is not None:
            runs.append((start, x))
            start = None
    assert len(runs) == len(text)
    return [(ch, float(a), float(b)) for ch, (a, b) in zip(text, runs, strict=True)]


# Letters two blank columns apart; the space the recognition model dropped is six wide.
TIGHT = "####..####..####......####..####..####"


def test_a_blank_in_the_ink_clearly_wider_than_the_letter_gaps_is_a_word_break() -> None:
    assert ink_breaks(ink(TIGHT), 0.0, boxes(TIGHT, "SDNBHD"), height=20.0) == {3}


def test_the_ink_break_lands_on_the_characters_beside_it_with_the_line_offset() -> None:
    chars = [(c, x0 + 100.0, x1 + 100.0) for c, x0, x1 in boxes(TIGHT, "SDNBHD")]
    assert ink_breaks(ink(TIGHT), 100.0, chars, height=20.0) == {3}
    words = list(_split_line(line([(c, x0 + 100.0) for c, x0, _ in chars], width=4.0), frozenset({3})))
    assert [w.text for w in words] == ["SDN", "BHD"]


def test_evenly_spaced_letters_have_no_ink_break() -> None:
    even = "####..####..####..####..####..####"
    assert ink_breaks(ink(even), 0.0, boxes(even, "CASHBI"), height=20.0) == set()


def test_a_blank_narrow_for_the_line_height_is_no_word_break() -> None:
    # 6 blank columns of a 40 px line are letter spacing of a large print, not a space
    assert ink_breaks(ink(TIGHT), 0.0, boxes(TIGHT, "SDNBHD"), height=40.0) == set()


def test_a_wide_blank_between_two_digits_does_not_split_an_amount() -> None:
    assert ink_breaks(ink(TIGHT), 0.0, boxes(TIGHT, "120350"), height=20.0) == set()


def test_a_wide_blank_beside_punctuation_is_left_to_the_character_boxes() -> None:
    assert ink_breaks(ink(TIGHT), 0.0, boxes(TIGHT, "TAX:RM"), height=20.0) == set()


def test_an_ink_blank_where_the_recogniser_stepped_as_usual_is_no_word_break() -> None:
    # a blank beside a thin letter ("Shi ft"): the characters' centres stay evenly spaced
    even_boxes = [
        (c, x0, x0 + 4.0) for c, x0 in zip("SHIFTS", [0.0, 6.0, 12.0, 18.0, 24.0, 30.0], strict=True)
    ]
    assert ink_breaks(ink("####..####..####......####"), 0.0, even_boxes, height=20.0) == set()
