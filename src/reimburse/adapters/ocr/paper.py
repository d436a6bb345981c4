"""Find the receipt in a phone photo and flatten it: the paper's four corners, warped to a rectangle.

A receipt photographed at an angle is a trapezoid: its lines tilt by different amounts, and on the
rendered receipts of `tests/eval/photo_damage` the far column of amounts slid a full line against
its labels, so a subtotal's amount was paid as the total with no flag. Deskewing the words (one
angle for the page) cannot undo that; warping the paper back to a rectangle does, and it also cuts
away the table around a receipt that fills only part of the frame.

Only a clear case is touched, and only when there is an angle to undo: a bright, four-cornered, convex region that covers between
MIN_SHARE and MAX_SHARE of the frame and stands out from what surrounds it. Scans, screenshots and
pages that fill the frame are returned as they are.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PIL import Image

FIND_SIDE = 480  # the paper is looked for on a copy this long: its outline, not its print, matters
MIN_SHARE = 0.12  # of the frame: smaller bright regions are a label or a lamp, not the receipt
MAX_SHARE = 0.85  # above this the paper (nearly) fills the frame: nothing to cut, no angle to undo
MIN_CONTRAST = 45.0  # grey levels between the paper and the frame around it
APPROX_SHARE = 0.03  # of the outline's length: how far a corner may sit from the straight edges
EDGE_MARGIN = 0.01  # of the frame's longer side: a corner nearer the frame's edge than this touches it
MIN_ASPECT = 0.08  # the flattened paper's shorter side over its longer: thinner is no receipt
MIN_SLANT = 0.03  # of the paper's longer side: a corner this far off the level rectangle needs warping


def paper_corners(image: Image.Image) -> np.ndarray | None:
    """The paper's corners (top-left, top-right, bottom-right, bottom-left) in `image`'s pixels, or
    None when no single bright quadrilateral stands out clearly."""
    import cv2

    scale = FIND_SIDE / max(image.size)
    small = image.convert("L").resize(
        (max(1, round(image.width * scale)), max(1, round(image.height * scale))), Image.Resampling.BILINEAR
    )
    grey = cv2.GaussianBlur(np.asarray(small), (5, 5), 0)
    _, mask = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    # Print on the paper is dark too: close it over so the paper is one region.
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    outline = max(contours, key=cv2.contourArea)
    frame_area = float(grey.shape[0] * grey.shape[1])
    if not MIN_SHARE <= cv2.contourArea(outline) / frame_area <= MAX_SHARE:
        return None
    quad = cv2.approxPolyDP(outline, APPROX_SHARE * cv2.arcLength(outline, True), True)
    if len(quad) != 4 or not cv2.isContourConvex(quad):
        return None
    # A bright region that reaches the frame's edge is not a whole receipt lying on a table: the
    # lit part of a page under a shadow, or a receipt running out of the picture. Cutting there
    # would drop text (on the rendered shadows, totals were lost or a subtotal paid instead).
    points = quad.reshape(4, 2)
    edge = EDGE_MARGIN * max(grey.shape)
    if (
        points.min() < edge
        or (points[:, 0] > grey.shape[1] - 1 - edge).any()
        or (points[:, 1] > grey.shape[0] - 1 - edge).any()
    ):
        return None
    inside = np.zeros_like(mask)
    cv2.fillConvexPoly(inside, points, 255)
    if float(grey[inside > 0].mean()) - float(grey[inside == 0].mean()) < MIN_CONTRAST:
        return None
    return _ordered(points.astype(np.float32) / scale)


def _ordered(points: np.ndarray) -> np.ndarray:
    """Corners as top-left, top-right, bottom-right, bottom-left."""
    total, diff = points.sum(axis=1), np.diff(points, axis=1).ravel()
    return np.array(
        [points[total.argmin()], points[diff.argmin()], points[total.argmax()], points[diff.argmax()]],
        dtype=np.float32,
    )


def flattened(image: Image.Image) -> Image.Image:
    """`image` with the receipt cut out and warped flat, or `image` itself when no paper stands out."""
    corners = paper_corners(image)
    if corners is None or not slanted(corners):
        return image
    return _warped(image, corners) or image


def slanted(corners: np.ndarray) -> bool:
    """Whether the paper's outline is off a level rectangle by more than MIN_SLANT of its longer
    side at some corner (keystone or a turn of 2 degrees or more). A level receipt is left to
    the text-region pass: warping it changes the scale detection sees and gains nothing (on
    curved paper lying level it cost two totals)."""
    xs, ys = corners[:, 0], corners[:, 1]
    box = np.array(
        [[xs.min(), ys.min()], [xs.max(), ys.min()], [xs.max(), ys.max()], [xs.min(), ys.max()]],
        dtype=np.float32,
    )
    off = float(np.hypot(*(corners - box).T).max())
    return off > MIN_SLANT * max(float(xs.max() - xs.min()), float(ys.max() - ys.min()))


def _warped(image: Image.Image, corners: np.ndarray) -> Image.Image | None:
    import cv2

    tl, tr, br, bl = corners
    width = round(max(_length(tr - tl), _length(br - bl)))
    height = round(max(_length(bl - tl), _length(br - tr)))
    if min(width, height) < MIN_ASPECT * max(width, height) or min(width, height) < 32:
        return None
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], dtype=np.float32)
    matrix: Any = cv2.getPerspectiveTransform(corners, target)
    out = cv2.warpPerspective(
        np.asarray(image), matrix, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    return Image.fromarray(out)


def _length(vector: np.ndarray) -> float:
    return float(np.hypot(vector[0], vector[1]))
