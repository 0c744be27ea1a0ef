"""Reading barcodes in images (webcam frames, photo files): zxing-cpp and libzbar (pyzbar) combined.

zxing-cpp reads DataMatrix (GS1 UDI on hearing-aid boxes), QR and the 1D codes and releases the GIL while it
works; libzbar beside it finds some 1D and QR codes that zxing-cpp misses in a blurred or noisy photo. What
both find is given once. When neither finds anything in the image as it is, the image is tried again in
other forms (scaled up, sharpened, contrast-equalised, binarised, rotated, inverted) until one of them reads
or the time budget of the frame is spent. Corners are always in the given image's pixel coordinates.

No false reads: a 1D code from libzbar (which can read bars into noise or text) counts only when it passes
the symbology's own check (GTIN check digit, minimal length, printable content).
"""

from __future__ import annotations

import ctypes
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import zxingcpp
from pyzbar import wrapper as zbar

from app.errors import InvalidInput
from app.i18n import QT_TRANSLATE_NOOP

GS = "\x1d"
ZXING = "zxing-cpp"
PYZBAR = "pyzbar"

Corners = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Decoded:
    """One code read in an image."""

    text: str  # content; GS1 content with "\x1d" between fields (feed it to read_code)
    symbology: str  # "DataMatrix", "Code128", "EAN-13", "QRCode", …
    gs1: bool
    corners: Corners  # 4 points, pixel coordinates of the image given
    decoder: str  # "zxing-cpp" | "pyzbar"

    def scanned(self) -> str:
        """The text as a handheld scanner sends it with symbology identifiers on: a GS1 code led by its
        identifier (``]d2``, ``]C1``, ``]Q3``), so that ``read_code`` knows it is GS1."""
        identifier = _GS1_IDENTIFIERS.get(self.symbology, "") if self.gs1 else ""
        return identifier + self.text


_GS1_IDENTIFIERS = {"DataMatrix": "]d2", "Code128": "]C1", "QRCode": "]Q3"}


# --- zxing-cpp ---------------------------------------------------------------------------------------

_F = zxingcpp.BarcodeFormat
_ZXING_NAMES: dict[object, str] = {
    _F.DataMatrix: "DataMatrix",
    _F.QRCode: "QRCode",
    _F.Code128: "Code128",
    _F.Code39: "Code39",
    _F.EAN13: "EAN-13",
    _F.EAN8: "EAN-8",
    _F.UPCA: "UPC-A",
    _F.UPCE: "UPC-E",
    _F.ITF: "ITF",
}
#: Parsed at each call: a zxing-cpp object kept in a module global outlives the binding at exit.
_ZXING_FORMATS = "DataMatrix,QRCode,Code128,Code39,EAN13,EAN8,UPCA,UPCE,ITF"


def _zxing(image: np.ndarray, *, thorough: bool) -> list[Decoded]:
    found = []
    for barcode in zxingcpp.read_barcodes(
        image,
        formats=zxingcpp.barcode_formats_from_str(_ZXING_FORMATS),
        try_rotate=True,
        try_downscale=True,
        try_invert=thorough,
        text_mode=zxingcpp.TextMode.Plain,
    ):
        if not barcode.valid:
            continue
        position = barcode.position
        corners = tuple(
            (float(point.x), float(point.y))
            for point in (position.top_left, position.top_right, position.bottom_right, position.bottom_left)
        )
        found.append(
            Decoded(
                text=barcode.text,
                symbology=_ZXING_NAMES.get(barcode.format, str(barcode.format)),
                gs1=barcode.content_type == zxingcpp.ContentType.GS1,
                corners=corners,
                decoder=ZXING,
            )
        )
    return found


# --- libzbar through pyzbar's ctypes bindings ----------------------------------------------------------
# pyzbar.decode() drops the symbol's modifiers, which say whether a Code 128 began with FNC1 (GS1-128); the
# same loop as pyzbar's, with that one more call. ctypes releases the GIL during each zbar call.

try:
    _zbar_symbol_get_modifiers = zbar.zbar_function(
        "zbar_symbol_get_modifiers", ctypes.c_uint, ctypes.POINTER(zbar.zbar_symbol)
    )
except AttributeError:  # a libzbar older than 0.11 has no modifiers: its GS1-128 reads as plain Code 128
    _zbar_symbol_get_modifiers = None
_ZBAR_MOD_GS1 = 1 << 0
_Z = zbar.ZBarSymbol
_ZBAR_NAMES = {
    _Z.EAN13: "EAN-13",
    _Z.EAN8: "EAN-8",
    _Z.UPCA: "UPC-A",
    _Z.UPCE: "UPC-E",
    _Z.CODE128: "Code128",
    _Z.CODE39: "Code39",
    _Z.I25: "ITF",
    _Z.QRCODE: "QRCode",
}
_Y800 = int.from_bytes(b"Y800", "little")


def _pyzbar(grey: np.ndarray) -> list[Decoded]:
    height, width = grey.shape[:2]
    pixels = np.ascontiguousarray(grey, dtype=np.uint8).tobytes()
    scanner = zbar.zbar_image_scanner_create()
    image = zbar.zbar_image_create()
    found = []
    try:
        zbar.zbar_image_scanner_set_config(scanner, _Z.NONE, zbar.ZBarConfig.CFG_ENABLE, 0)
        for symbology in _ZBAR_NAMES:
            zbar.zbar_image_scanner_set_config(scanner, symbology, zbar.ZBarConfig.CFG_ENABLE, 1)
        zbar.zbar_image_set_format(image, _Y800)
        zbar.zbar_image_set_size(image, width, height)
        zbar.zbar_image_set_data(
            image, ctypes.cast(ctypes.c_char_p(pixels), ctypes.c_void_p), len(pixels), None
        )
        if zbar.zbar_scan_image(scanner, image) <= 0:
            return []
        symbol = zbar.zbar_image_first_symbol(image)
        while symbol:
            kind = symbol.contents.type
            data = ctypes.string_at(
                zbar.zbar_symbol_get_data(symbol), zbar.zbar_symbol_get_data_length(symbol)
            )
            points = [
                (float(zbar.zbar_symbol_get_loc_x(symbol, i)), float(zbar.zbar_symbol_get_loc_y(symbol, i)))
                for i in range(zbar.zbar_symbol_get_loc_size(symbol))
            ]
            modifiers = _zbar_symbol_get_modifiers(symbol) if _zbar_symbol_get_modifiers else 0
            gs1 = bool(modifiers & _ZBAR_MOD_GS1)
            symbol = zbar.zbar_symbol_next(symbol)
            if kind not in _ZBAR_NAMES or not points:
                continue
            found.append(
                Decoded(
                    text=data.decode("utf-8", errors="replace"),
                    symbology=_ZBAR_NAMES[_Z(kind)],
                    gs1=gs1,
                    corners=_box(points),
                    decoder=PYZBAR,
                )
            )
    finally:
        zbar.zbar_image_destroy(image)
        zbar.zbar_image_scanner_destroy(scanner)
    return found


def _box(points: list[tuple[float, float]]) -> Corners:
    """Four corners around *points* (libzbar gives the scan lines' ends; a 1D code's box is their hull)."""
    hull = np.array(points, dtype=np.float32).reshape(-1, 1, 2)
    rect = cv2.minAreaRect(hull)
    return tuple((float(x), float(y)) for x, y in cv2.boxPoints(rect))


# --- plausibility ---------------------------------------------------------------------------------------

_MIN_LENGTH = {"Code128": 4, "Code39": 4}


def _gtin_check_ok(digits: str) -> bool:
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def plausible(found: Decoded) -> bool:
    """Whether a read can be what a code holds, not a decoder's guess into noise."""
    text = found.text
    if not text:
        return False
    if found.symbology in ("EAN-13", "EAN-8", "UPC-A"):
        return text.isdigit() and len(text) in (8, 12, 13) and _gtin_check_ok(text)
    if found.symbology == "UPC-E":
        return text.isdigit() and len(text) in (6, 7, 8)
    if found.symbology == "ITF":
        return text.isdigit() and len(text) == 14 and _gtin_check_ok(text)
    if found.symbology in _MIN_LENGTH:
        return len(text) >= _MIN_LENGTH[found.symbology] and all(
            character.isprintable() or character == GS for character in text
        )
    return True


# --- combining and retrying -----------------------------------------------------------------------------


def _key(found: Decoded) -> str:
    text = found.text
    if found.symbology in ("EAN-13", "UPC-A", "EAN-8") and text.isdigit():
        return text.lstrip("0")  # UPC-A read as EAN-13 with a leading 0 by libzbar
    return text


def _merge(into: dict[str, Decoded], found: list[Decoded]) -> None:
    for item in found:
        if not plausible(item):
            continue
        known = into.get(_key(item))
        if known is None or (known.decoder == PYZBAR and item.decoder == ZXING):
            into[_key(item)] = item  # zxing-cpp's reading knows GS1 and the symbology best


def _grey(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


#: A form of the image to read: the image and the 2×3 affine map from its pixels back to the given image's.
_Form = tuple[np.ndarray, np.ndarray]
_IDENTITY = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])


def _scaled(grey: np.ndarray, factor: float) -> _Form:
    image = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
    return image, np.array([[1 / factor, 0.0, 0.0], [0.0, 1 / factor, 0.0]])


def _sharpen(grey: np.ndarray) -> np.ndarray:
    blurred = cv2.GaussianBlur(grey, (0, 0), 3)
    return cv2.addWeighted(grey, 2.0, blurred, -1.0, 0)


def _clahe(grey: np.ndarray) -> np.ndarray:
    return cv2.createCLAHE(clipLimit=3.0, tileGridSize=(8, 8)).apply(grey)


def _adaptive(grey: np.ndarray) -> np.ndarray:
    block = max(15, (min(grey.shape[:2]) // 20) | 1)
    return cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, block, 5)


def _rotated(grey: np.ndarray, degrees: float) -> _Form:
    height, width = grey.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    new_width, new_height = int(height * sin + width * cos), int(height * cos + width * sin)
    matrix[0, 2] += new_width / 2 - width / 2
    matrix[1, 2] += new_height / 2 - height / 2
    image = cv2.warpAffine(grey, matrix, (new_width, new_height), borderMode=cv2.BORDER_REPLICATE)
    return image, cv2.invertAffineTransform(matrix)


def _regions(
    grey: np.ndarray, limit: int = 3
) -> list[tuple[tuple[float, float], tuple[float, float], float]]:
    """Where a code may be: dense strong edges (bars, modules) closed into blobs, as rotated rectangles in
    the image's coordinates, the largest first."""
    height, width = grey.shape[:2]
    scale = min(1.0, 640 / max(height, width))
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
    magnitude = cv2.magnitude(cv2.Sobel(small, cv2.CV_32F, 1, 0), cv2.Sobel(small, cv2.CV_32F, 0, 1))
    magnitude = cv2.blur(magnitude, (7, 7))
    # The percentile of every 4th pixel of every 4th row: numpy holds the GIL while it sorts.
    level = max(30.0, float(np.percentile(magnitude[::4, ::4], 85)))
    edges = cv2.threshold(magnitude, level, 255, cv2.THRESH_BINARY)[1].astype(np.uint8)
    square = np.ones((3, 3), np.uint8)
    closed = cv2.morphologyEx(edges, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (11, 11)))
    blobs = cv2.dilate(cv2.erode(closed, square, iterations=2), square, iterations=3)
    contours, _ = cv2.findContours(blobs, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    found = []
    for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:limit]:
        if cv2.contourArea(contour) < 200:
            break
        (cx, cy), (w, h), angle = cv2.minAreaRect(contour)
        found.append(((cx / scale, cy / scale), (w / scale, h / scale), angle))
    return found


def _crop(grey: np.ndarray, region: tuple[tuple[float, float], tuple[float, float], float]) -> _Form:
    """The region turned level, with a margin, scaled so its long side is about 800 pixels."""
    (cx, cy), (w, h), angle = region
    w, h = w * 1.25 + 16, h * 1.25 + 16
    factor = float(np.clip(800 / max(w, h), 1.0, 4.0))
    out_w, out_h = int(w * factor), int(h * factor)
    matrix = cv2.getRotationMatrix2D((cx, cy), angle, factor)
    matrix[0, 2] += out_w / 2 - cx
    matrix[1, 2] += out_h / 2 - cy
    image = cv2.warpAffine(
        grey, matrix, (out_w, out_h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )
    return image, cv2.invertAffineTransform(matrix)


def _forms(grey: np.ndarray) -> Iterator[Callable[[], list[_Form]]]:
    """Further forms of the image, the likeliest to help first; each made only when its turn comes."""
    small = max(grey.shape[:2]) < 1400

    def regions() -> list[_Form]:
        crops = [_crop(grey, region) for region in _regions(grey)]
        return crops + [(_sharpen(image), back) for image, back in crops]

    yield regions
    if small:
        yield lambda: [_scaled(grey, 2.0)]
    yield lambda: [(_sharpen(grey), _IDENTITY)]
    yield lambda: [(_clahe(grey), _IDENTITY)]
    yield lambda: [(_adaptive(grey), _IDENTITY)]
    yield lambda: [(cv2.bitwise_not(grey), _IDENTITY)]
    yield lambda: [_rotated(grey, 30), _rotated(grey, -30)]
    if small:
        yield lambda: [_scaled(_sharpen(grey), 2.0), _scaled(_clahe(grey), 2.0)]


def _mapped(found: list[Decoded], back: np.ndarray) -> list[Decoded]:
    if back is _IDENTITY:
        return found
    result = []
    for item in found:
        points = np.array(item.corners, dtype=np.float64)
        mapped = points @ back[:, :2].T + back[:, 2]
        result.append(
            Decoded(
                item.text,
                item.symbology,
                item.gs1,
                tuple((float(x), float(y)) for x, y in mapped),
                item.decoder,
            )
        )
    return result


def _read(grey: np.ndarray, *, thorough: bool) -> list[Decoded]:
    return _zxing(grey, thorough=thorough) + _pyzbar(grey)


def decode_image(image: np.ndarray, *, budget_s: float = 0.08) -> list[Decoded]:
    """Every code read in *image* (BGR, BGRA or grey). The image as it is is always read; further forms
    of it are tried while *budget_s* lasts, stopping at the first that reads."""
    started = time.perf_counter()
    grey = _grey(image)
    found: dict[str, Decoded] = {}
    _merge(found, _read(grey, thorough=True))
    if found:
        return list(found.values())
    for forms in _forms(grey):
        for image, back in forms():
            if time.perf_counter() - started >= budget_s:
                return list(found.values())
            _merge(found, _mapped(_read(image, thorough=False), back))
            if found:
                return list(found.values())
    return list(found.values())


FILE_BUDGET_S = 2.0


def decode_file(path: Path) -> list[Decoded]:
    """Every code read in the image file at *path*; InvalidInput with a sentence when it is no image."""
    try:
        data = np.fromfile(path, dtype=np.uint8)
    except OSError as error:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "The file {name} cannot be read."), name=path.name
        ) from error
    image = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
    if image is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "The file {name} is not an image the program can read."), name=path.name
        )
    return decode_image(image, budget_s=FILE_BUDGET_S)


__all__ = ["GS", "Decoded", "decode_file", "decode_image", "plausible"]
