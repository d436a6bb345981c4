"""Print the coarse text-region pass left out (issues 11, 12).

The coarse pass detects at REGION_PASS_SIDE pixels on the longer side, where an A4 page's small
print (a footer's bank details, a sparse last page's amount column) is a few pixels high and often
finds no box at all; the region built from its boxes then cuts that print off. So the page's own
pixels are looked at too: a cell outside the region whose paper is as light as the region's and
which holds ink strokes, in a row of such cells as wide as a short word, is print, and the region
is widened sideways to take in the print on its own lines' rows. A photo's table is darker than its paper; a scanner's speckle is dots a
pixel wide, where a letter's stroke is two or more at the sizes read here (STROKE_SHARE); the
frame's outer ring of cells holds a paper's torn edge or a scanner's shadow, not print, and a
filled shadow is nearly all ink inside its outline.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from reimburse.adapters.ocr.paper import MIN_CONTRAST

CELL_SHARE = 0.015  # a cell's side, of the page's longer side (30 px on a 2000 px A4 page: a line of 10 pt)
# Share of a cell's pixels that are ink on a line of print: letters' strokes fill 5-30% of it; a
# solid mark (a bar, a shadow's core) over half. Sparse speckle stays under the floor.
INK_SHARE = (0.03, 0.5)
RUN_CELLS = 3  # cells side by side in a row: a word of four letters or so, not a dot or a rule's end
# Share of a cell's ink pixels that sit in a 2x2 block of ink: 0.3-0.65 on the small print of
# scanned A4 pages (set SA, 10th-90th percentile), 0.01 (median) on a scanner's speckle, 0.77-0.83
# on a filled shadow or a paper's edge: a small letter's stroke is a few pixels wide, so much of
# its ink lies on the stroke's edge. (Big print, whose strokes are thicker, the coarse pass finds.)
STROKE_SHARE = (0.2, 0.75)
PAPER_SLACK = MIN_CONTRAST / 2  # a cell's paper this much darker than the region's is no paper (a table)


def print_cells(grey: Any, region: tuple[int, int, int, int]) -> list[tuple[int, int, int, int]]:
    """(left, top, right, bottom) of the cells outside `region` that hold print, in `grey`'s pixels."""
    height, width = grey.shape
    cell = max(8, round(CELL_SHARE * max(height, width)))
    rows, cols = height // cell, width // cell
    if rows == 0 or cols == 0:
        return []
    left, top, right, bottom = region
    paper = float(np.percentile(grey[top:bottom:2, left:right:2], 90))
    grid = grey[: rows * cell, : cols * cell].reshape(rows, cell, cols, cell).swapaxes(1, 2)
    light = np.percentile(grid.reshape(rows, cols, cell * cell), 90, axis=2)
    inked = grid < (light - MIN_CONTRAST)[:, :, None, None]
    ink = inked.mean(axis=(2, 3))
    blocks = inked[:, :, :-1, :-1] & inked[:, :, 1:, :-1] & inked[:, :, :-1, 1:] & inked[:, :, 1:, 1:]
    solid = blocks.sum(axis=(2, 3)) / np.maximum(1, inked.sum(axis=(2, 3)))
    printed = (light >= paper - PAPER_SLACK) & (ink >= INK_SHARE[0]) & (ink <= INK_SHARE[1])
    printed &= (solid >= STROKE_SHARE[0]) & (solid <= STROKE_SHARE[1])
    printed[[0, -1], :] = False  # the frame's edge
    printed[:, [0, -1]] = False
    ys, xs = np.arange(rows) * cell, np.arange(cols) * cell
    outside = (
        (xs[None, :] + cell <= left)
        | (xs[None, :] >= right)
        | (ys[:, None] + cell <= top)
        | (ys[:, None] >= bottom)
    )
    printed &= outside
    found: list[tuple[int, int, int, int]] = []
    for r in range(rows):
        run = 0
        for c in range(cols + 1):
            if c < cols and printed[r, c]:
                run += 1
                continue
            if run >= RUN_CELLS:
                found.extend(
                    (int(xs[k]), int(ys[r]), int(xs[k]) + cell, int(ys[r]) + cell) for k in range(c - run, c)
                )
            run = 0
    return found


def widened(grey: Any, region: tuple[int, int, int, int], margin: float) -> tuple[int, int, int, int]:
    """`region` widened sideways to take in the print outside it (`print_cells`) on the rows of its
    own lines, with `margin` pixels round it: a line the coarse pass found runs on to its amount at
    the far end. Print above or below it (a footer's bank details, a sender's line) stays out: read,
    it changed more readings than it mended on set SA (a footer's amounts, a customer's block)."""
    cells = [c for c in print_cells(grey, region) if c[3] > region[1] and c[1] < region[3]]
    if not cells:
        return region
    height, width = grey.shape
    left = min(region[0], max(0, int(min(c[0] for c in cells) - margin)))
    top = min(region[1], max(0, int(min(c[1] for c in cells) - margin)))
    right = max(region[2], min(width, int(max(c[2] for c in cells) + margin) + 1))
    bottom = max(region[3], min(height, int(max(c[3] for c in cells) + margin) + 1))
    return left, top, right, bottom
