"""Where `rapidocr_engine.cut_ends` looks (review of issue 12's covered line ends): each end in
its own rows, the paper inside a short line within its box, and a strip partly outside the page
measured where it is inside."""

from __future__ import annotations

import numpy as np

from reimburse.adapters.ocr.rapidocr_engine import cut_ends

HEIGHT = 30.0


def item(quad: list[list[float]]) -> list[object]:
    return [quad, "12.50", 0.99]


def level(left: float, right: float, top: float = 100.0) -> list[object]:
    return item([[left, top], [right, top], [right, top + HEIGHT], [left, top + HEIGHT]])


def test_a_tilted_line_s_end_is_judged_in_its_own_rows() -> None:
    grey = np.full((300, 600), 240, np.uint8)
    # a long line falling 60 px: its left end in rows 100-130, its right end in rows 160-190
    tilted = item([[100, 100], [400, 160], [400, 190], [100, 130]])
    grey[100:160, 402:420] = 20  # dark print beside the right end, but in the rows above it
    assert cut_ends(grey, tilted, (False, False)) == (False, False)
    grey[160:190, 402:420] = 20  # ... and beside it, in its own rows
    assert cut_ends(grey, tilted, (False, False)) == (False, True)


def test_a_short_line_s_paper_is_measured_inside_its_box() -> None:
    grey = np.full((300, 600), 240, np.uint8)
    grey[:, 130:199] = 120  # a dark band left of "$5", within two line heights of its right end
    grey[:, 222:] = 120  # a thumb over its right end
    assert cut_ends(grey, level(200, 220), (False, False)) == (True, True)


def test_a_strip_partly_outside_the_page_is_measured_where_it_is_inside() -> None:
    grey = np.full((300, 600), 240, np.uint8)
    line = level(300, 596)  # the right strip (1.5-9 px out) runs past the page at 600
    # not the frame's edge (a region of a larger photo): paper there is no cut, a cover is
    assert cut_ends(grey, line, (False, False)) == (False, False)
    grey[:, 597:] = 60
    assert cut_ends(grey, line, (False, False)) == (False, True)


def test_a_dark_printed_block_beside_a_line_is_no_cover() -> None:
    # a white-on-black "TOTAL" bar ending just before the amount: dark in the line's rows only
    grey = np.full((300, 600), 240, np.uint8)
    grey[96:134, 20:108] = 20
    assert cut_ends(grey, level(110, 410), (False, False)) == (False, False)
    grey[40:200, 20:108] = 20  # a thumb reaches the rows above and below as well
    assert cut_ends(grey, level(110, 410), (False, False)) == (True, False)
