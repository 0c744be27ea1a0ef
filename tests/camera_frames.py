"""Recorded camera frames for the camera view's tests and benchmark: 1280×720 pictures of a desk in which a
code comes into view, moves and leaves, as a webcam at 30 frames a second gives them."""

from __future__ import annotations

from functools import cache

import cv2
import numpy as np
import zxingcpp

WIDTH, HEIGHT = 1280, 720
#: The GS1 DataMatrix on a hearing-aid box, and what the camera view hands to the router for it.
UDI_HRI = "(01)07391234567890(21)HB01868881(17)271231(10)L2411"
UDI_SCANNED = "]d2010739123456789021HB01868881\x1d1727123110L2411"
INDIVIDUAL = "10048213"


@cache
def _desk() -> np.ndarray:
    rng = np.random.default_rng(5)
    low = cv2.resize(
        rng.uniform(0, 1, (9, 16, 3)).astype(np.float32), (WIDTH, HEIGHT), interpolation=cv2.INTER_CUBIC
    )
    return np.clip(np.array([120, 135, 150], np.float32) * (0.75 + 0.5 * low), 0, 255).astype(np.uint8)


@cache
def _label(kind: str) -> np.ndarray:
    if kind == "udi":
        barcode = zxingcpp.create_barcode(UDI_HRI, zxingcpp.BarcodeFormat.DataMatrix, gs1=True)
        code = np.asarray(barcode.to_image(scale=7))
    else:
        barcode = zxingcpp.create_barcode(INDIVIDUAL, zxingcpp.BarcodeFormat.Code128)
        code = cv2.resize(np.asarray(barcode.to_image(scale=4)), None, fx=1, fy=1)
        code = cv2.resize(code, (code.shape[1], 140), interpolation=cv2.INTER_NEAREST)
    label = np.pad(code, 36, constant_values=245)
    return cv2.cvtColor(label, cv2.COLOR_GRAY2BGR)


def frame(kind: str | None = None, x: int = 500, y: int = 250) -> np.ndarray:
    """The desk, with the label of *kind* ("udi" or "individual") at (*x*, *y*) when given."""
    picture = _desk().copy()
    if kind is not None:
        label = _label(kind)
        height, width = label.shape[:2]
        picture[y : y + height, x : x + width] = label
    return cv2.GaussianBlur(picture, (3, 3), 0)


def passing(kind: str, *, before: int = 10, shown: int = 40, after: int = 10) -> list[np.ndarray]:
    """*before* empty frames, the code moving left to right for *shown* frames, then *after* empty ones."""
    empty = frame()
    moving = [frame(kind, 200 + 12 * step, 200 + 2 * step) for step in range(shown)]
    return [empty] * before + moving + [empty] * after
