"""Words rebuilt from RapidOCR's per-character boxes (its recognition model drops many spaces)."""

from __future__ import annotations

from typing import Any

from reimburse.adapters.ocr.rapidocr_engine import _split_line


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
