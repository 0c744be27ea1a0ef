"""Build the decoder test set: codes rendered by real encoders, distorted as a webcam photographs them.

    .venv/bin/python -m tests.scan_images.generate        # rewrites tests/scan_images/*.jpg|png + manifest.json

The images are committed (not drawn at test time) so that the tests, `hearing-desk-admin decode` and the
benchmark all read the same files, and a new OpenCV or JPEG library cannot shift the set under the decode
rate that was measured on it. The same seed gives the same images.

Encoders: our own individual label (app/documents/individual_label.py, Code 128 by python-barcode, drawn into
the label's PDF by reportlab and rasterised by PDFium), python-barcode's EAN-13 and Code 128, zxing-cpp's
DataMatrix (GS1 UDI and plain), QR and GS1-128. Each code is printed on a label, laid on a background with
texture, then photographed: the label is warped (rotation, perspective, a cylinder as on a curved box, a
small code far away) and the picture gets defocus or motion blur, glare, uneven light, low contrast, noise
and JPEG compression. Images without any code (noise, text, stripes that look like bars, a photo-like
texture) check that nothing is read where nothing is.

manifest.json: {file: {"expected": [texts] (GS1 content with "\\x1d"), "code": ..., "distortion": ...}}.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pypdfium2
import zxingcpp
from barcode.codex import Code128
from barcode.ean import EAN13

from app.documents.individual_label import IndividualLabel, code128_modules, render_individual_labels
from db.models.enums import OwnerColour

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.json"
WIDTH, HEIGHT = 640, 480
GS = "\x1d"
SEED = 11


@dataclass(frozen=True)
class Code:
    name: str
    expected: str  # what a decoder should give (GS1: element string with "\x1d")
    render: Callable[[], np.ndarray]  # grey image of the printed label (white paper, quiet zone included)
    size: float = 1.0  # how much larger than the photograph's usual size (a long code is held closer)


# --- encoders -----------------------------------------------------------------------------------------


def _bars(modules: str, module_px: int = 3, height_px: int = 110, quiet: int = 12) -> np.ndarray:
    row = np.array([0 if bit == "1" else 255 for bit in modules], dtype=np.uint8)
    row = np.repeat(row, module_px)
    image = np.tile(row, (height_px, 1))
    return np.pad(
        image, ((quiet * 2, quiet * 2), (quiet * module_px, quiet * module_px)), constant_values=255
    )


def _python_barcode_code128(text: str) -> Callable[[], np.ndarray]:
    return lambda: _bars(str(Code128(text).build()[0]))


def _python_barcode_ean13(digits12: str) -> Callable[[], np.ndarray]:
    def render() -> np.ndarray:
        modules = EAN13(digits12).build()[0]
        return _bars(modules, module_px=3, height_px=140)

    return render


def _zxing(
    text: str, fmt: zxingcpp.BarcodeFormat, *, gs1: bool = False, scale: int = 6
) -> Callable[[], np.ndarray]:
    def render() -> np.ndarray:
        barcode = zxingcpp.create_barcode(text, fmt, gs1=True) if gs1 else zxingcpp.create_barcode(text, fmt)
        image = np.asarray(barcode.to_image(scale=scale))
        if fmt == zxingcpp.BarcodeFormat.Code128:
            image = cv2.resize(image, (image.shape[1], 120), interpolation=cv2.INTER_NEAREST)
        return np.pad(image, 3 * scale, constant_values=255)

    return render


def _individual_label(number: str, serial: str) -> Callable[[], np.ndarray]:
    """Our own label as the label printer gets it (62 × 29 mm PDF), rasterised at 300 dpi."""

    def render() -> np.ndarray:
        label = IndividualLabel(
            individual_id=uuid.UUID(int=1),
            individual_number=number,
            serial_number=serial,
            article_number="100234",
            article_name="Oticon Intent 1 miniRITE R",
            owner_colour=OwnerColour.BLUE,
        )
        pdf = pypdfium2.PdfDocument(render_individual_labels([label]))
        bitmap = pdf[0].render(scale=300 / 72, grayscale=True).to_numpy()
        assert code128_modules(number)  # the label's bars are python-barcode's
        return np.ascontiguousarray(bitmap.reshape(bitmap.shape[0], bitmap.shape[1], -1)[:, :, 0])

    return render


UDI = f"010739123456789021HB01868881{GS}1727123110L2411"
UDI_LOT_FIRST = f"010590001234567810AB-123{GS}21SN4711{GS}11250115"

CODES = (
    Code("label-individual", "10048213", _individual_label("10048213", "HB01868881")),
    Code("label-individual-alnum", "HD-7731-A", _individual_label("HD-7731-A", "21C7730451"), size=1.4),
    Code("code128-article", "100234", _python_barcode_code128("100234")),
    Code("code128-serial", "HB01868881", _python_barcode_code128("HB01868881")),
    Code("ean13", "7391234567890", _python_barcode_ean13("739123456789")),
    Code(
        "datamatrix-gs1-udi",
        UDI,
        _zxing(
            "(01)07391234567890(21)HB01868881(17)271231(10)L2411", zxingcpp.BarcodeFormat.DataMatrix, gs1=True
        ),
    ),
    Code(
        "datamatrix-gs1-lot",
        UDI_LOT_FIRST,
        _zxing(
            "(01)05900012345678(10)AB-123(21)SN4711(11)250115", zxingcpp.BarcodeFormat.DataMatrix, gs1=True
        ),
    ),
    Code("datamatrix-plain", "24031988", _zxing("24031988", zxingcpp.BarcodeFormat.DataMatrix, scale=8)),
    Code(
        "qr-sip",
        "46401234567@sip.example.se",
        _zxing("46401234567@sip.example.se", zxingcpp.BarcodeFormat.QRCode),
    ),
    Code(
        "qr-digital-link",
        "https://id.gs1.org/01/07391234567890/21/HB01868881",
        _zxing("https://id.gs1.org/01/07391234567890/21/HB01868881", zxingcpp.BarcodeFormat.QRCode, scale=4),
    ),
    Code(
        "gs1-128",
        f"010739123456789010L2411{GS}21HB0123",
        _zxing("(01)07391234567890(10)L2411(21)HB0123", zxingcpp.BarcodeFormat.Code128, gs1=True, scale=2),
        size=1.8,
    ),
)


# --- the photograph --------------------------------------------------------------------------------------


def _background(rng: np.random.Generator) -> np.ndarray:
    """A desk or cardboard: low-frequency colour texture with fine grain."""
    low = rng.uniform(0, 1, (6, 8, 3)).astype(np.float32)
    low = cv2.resize(low, (WIDTH, HEIGHT), interpolation=cv2.INTER_CUBIC)
    base = np.array(rng.uniform(70, 170, 3), dtype=np.float32)
    grain = rng.normal(0, 3, (HEIGHT, WIDTH, 1)).astype(np.float32)
    return np.clip(base * (0.7 + 0.6 * low) + grain, 0, 255)


def _label_sheet(code: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The code on a slightly off-white paper label with a line of small print under it."""
    height, width = code.shape
    margin = max(10, width // 12)
    sheet = np.full((height + 2 * margin + 40, width + 2 * margin), 255, dtype=np.uint8)
    sheet[margin : margin + height, margin : margin + width] = code
    cv2.putText(
        sheet, "Art. 100234  REF 84213", (margin, margin + height + 28), cv2.FONT_HERSHEY_SIMPLEX, 0.7, 60, 2
    )
    paper = np.array([235, 240, 242], dtype=np.float32) * rng.uniform(0.95, 1.0)
    return (sheet.astype(np.float32)[:, :, None] / 255) * paper


def _cylinder(sheet: np.ndarray, strength: float) -> np.ndarray:
    """The label wrapped round a curved box: horizontal compression towards the edges and shading."""
    height, width = sheet.shape[:2]
    angle = strength * np.pi / 2  # half the arc the label covers
    xs = np.linspace(-np.sin(angle), np.sin(angle), width)
    source_x = ((np.arcsin(xs) / angle + 1) / 2 * (width - 1)).astype(np.float32)
    map_x = np.tile(source_x, (height, 1))
    map_y = np.tile(np.arange(height, dtype=np.float32)[:, None], (1, width))
    warped = cv2.remap(sheet, map_x, map_y, cv2.INTER_LINEAR)
    shade = (0.55 + 0.45 * np.sqrt(1 - xs**2)).astype(np.float32)
    return warped * shade[None, :, None]


def _place(
    scene: np.ndarray,
    sheet: np.ndarray,
    *,
    size: float,
    angle: float,
    tilt: float,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray]:
    """Lay *sheet* on *scene*: *size* the fraction of the scene's width it spans, turned by *angle* degrees,
    seen at a slant (*tilt*: how much the far edge shrinks). Returns the picture and the label's corners in it."""
    height, width = sheet.shape[:2]
    target_w = size * WIDTH
    target_h = target_w * height / width
    corners = np.array(
        [
            [-target_w / 2, -target_h / 2],
            [target_w / 2, -target_h / 2],
            [target_w / 2, target_h / 2],
            [-target_w / 2, target_h / 2],
        ]
    )
    if tilt:
        corners[0, 0] *= 1 - tilt  # the top edge is further away
        corners[1, 0] *= 1 - tilt
        corners[0, 1] *= 1 - tilt / 2
        corners[1, 1] *= 1 - tilt / 2
    theta = np.deg2rad(angle)
    rotation = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    centre = np.array([WIDTH / 2, HEIGHT / 2]) + rng.uniform(-40, 40, 2)
    placed = corners @ rotation.T + centre
    source = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(source, placed.astype(np.float32))
    warped = cv2.warpPerspective(sheet, matrix, (WIDTH, HEIGHT), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones((height, width), np.float32), matrix, (WIDTH, HEIGHT))
    return scene * (1 - mask[:, :, None]) + warped * mask[:, :, None], placed


def _defocus(image: np.ndarray, radius: int) -> np.ndarray:
    kernel = np.zeros((2 * radius + 1, 2 * radius + 1), np.float32)
    cv2.circle(kernel, (radius, radius), radius, 1.0, -1)
    return cv2.filter2D(image, -1, kernel / kernel.sum())


def _motion(image: np.ndarray, length: int, angle: float) -> np.ndarray:
    kernel = np.zeros((length, length), np.float32)
    kernel[length // 2, :] = 1
    rotation = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), angle, 1.0)
    kernel = cv2.warpAffine(kernel, rotation, (length, length))
    return cv2.filter2D(image, -1, kernel / kernel.sum())


def _glare(image: np.ndarray, rng: np.random.Generator, strength: float) -> np.ndarray:
    yy, xx = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float32)
    cx, cy = WIDTH / 2 + rng.uniform(-60, 60), HEIGHT / 2 + rng.uniform(-50, 50)
    sigma = rng.uniform(50, 90)
    blob = np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * sigma**2)) * strength * 255
    return image + blob[:, :, None]


def _uneven(image: np.ndarray, rng: np.random.Generator, depth: float) -> np.ndarray:
    yy, xx = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float32)
    direction = rng.uniform(0, 2 * np.pi)
    ramp = (np.cos(direction) * (xx / WIDTH - 0.5) + np.sin(direction) * (yy / HEIGHT - 0.5)) + 0.5
    light = 1 - depth * np.clip(ramp, 0, 1)
    return image * light[:, :, None]


def _contrast(image: np.ndarray, factor: float) -> np.ndarray:
    return 128 + (image - 128) * factor


def _noise(image: np.ndarray, rng: np.random.Generator, sigma: float) -> np.ndarray:
    return image + rng.normal(0, sigma, image.shape).astype(np.float32)


@dataclass(frozen=True)
class Photo:
    """How a code is photographed."""

    name: str
    size: float = 0.45
    angle: float = 0.0
    tilt: float = 0.0
    curve: float = 0.0
    defocus: int = 0
    motion: int = 0
    glare: float = 0.0
    uneven: float = 0.0
    contrast: float = 1.0
    noise: float = 2.0
    invert: bool = False
    jpeg: int = 80


PHOTOS = (
    Photo("clean"),
    Photo("defocus", defocus=4),
    Photo("defocus-strong", defocus=6, size=0.55),
    Photo("motion", motion=9),
    Photo("glare", glare=0.9),
    Photo("perspective", tilt=0.45, angle=8),
    Photo("rotated-30", angle=30),
    Photo("rotated-100", angle=100),
    Photo("rotated-200", angle=200),
    Photo("small", size=0.18),
    Photo("inverted", invert=True),
    Photo("low-contrast", contrast=0.22),
    Photo("noise", noise=28),
    Photo("jpeg", jpeg=12),
    Photo("curved", curve=0.75, size=0.55),
    Photo("uneven-light", uneven=0.85),
    Photo("glare-blur", glare=0.7, defocus=3),
    Photo("small-blur", size=0.24, defocus=2, noise=6),
    Photo("tilted-low-contrast", tilt=0.35, angle=-20, contrast=0.35, noise=8),
)


def photograph(
    code: np.ndarray, photo: Photo, rng: np.random.Generator, size: float = 1.0
) -> tuple[np.ndarray, np.ndarray]:
    """The photograph of the printed *code* and the label's four corners in it."""
    sheet = _label_sheet(code, rng)
    if photo.invert:
        sheet = 255 - sheet  # a code printed light on dark (laser-marked metal, a dark box)
    if photo.curve:
        sheet = _cylinder(sheet, photo.curve)
    scene = _background(rng)
    image, label = _place(
        scene, sheet, size=min(0.9, photo.size * size), angle=photo.angle, tilt=photo.tilt, rng=rng
    )
    if photo.uneven:
        image = _uneven(image, rng, photo.uneven)
    if photo.glare:
        image = _glare(image, rng, photo.glare)
    if photo.defocus:
        image = _defocus(image, photo.defocus)
    if photo.motion:
        image = _motion(image, photo.motion, rng.uniform(-30, 30))
    if photo.contrast != 1.0:
        image = _contrast(image, photo.contrast)
    image = _noise(image, rng, photo.noise)
    return np.clip(image, 0, 255).astype(np.uint8), label


# --- images without a code -------------------------------------------------------------------------------


def _no_code_images(rng: np.random.Generator) -> dict[str, np.ndarray]:
    images: dict[str, np.ndarray] = {}
    images["none-noise"] = rng.integers(0, 256, (HEIGHT, WIDTH, 3), dtype=np.uint8)
    text = np.full((HEIGHT, WIDTH), 245, np.uint8)
    words = ("Leveranssedel", "Art. 100234", "Antal 12", "Lot L2411", "Oticon", "Hörapparat", "REF 84213")
    for row in range(18):
        line = " ".join(rng.choice(words, 4))
        cv2.putText(text, line, (20, 30 + row * 32), cv2.FONT_HERSHEY_SIMPLEX, 0.8, 30, 2)
    images["none-text"] = cv2.cvtColor(text, cv2.COLOR_GRAY2BGR)
    stripes = np.full((HEIGHT, WIDTH), 255, np.uint8)
    x = 60
    while x < WIDTH - 60:
        width = int(rng.integers(2, 12))
        if rng.random() < 0.55:
            stripes[100:500, x : x + width] = 20
        x += width
    images["none-stripes"] = cv2.cvtColor(cv2.GaussianBlur(stripes, (3, 3), 0), cv2.COLOR_GRAY2BGR)
    regular = np.full((HEIGHT, WIDTH), 250, np.uint8)
    for x in range(50, WIDTH - 50, 8):
        regular[80:520, x : x + 4] = 10
    images["none-grille"] = cv2.cvtColor(regular, cv2.COLOR_GRAY2BGR)
    checker = ((np.indices((HEIGHT // 10, WIDTH // 10)).sum(axis=0) % 2) * 255).astype(np.uint8)
    checker = cv2.resize(checker, (WIDTH, HEIGHT), interpolation=cv2.INTER_NEAREST)
    images["none-checker"] = cv2.cvtColor(checker, cv2.COLOR_GRAY2BGR)
    desk = _background(rng)
    for _ in range(25):
        centre = (int(rng.integers(0, WIDTH)), int(rng.integers(0, HEIGHT)))
        colour = tuple(float(c) for c in rng.uniform(0, 255, 3))
        cv2.ellipse(
            desk,
            centre,
            (int(rng.integers(10, 90)), int(rng.integers(10, 60))),
            float(rng.uniform(0, 180)),
            0,
            360,
            colour,
            -1,
        )
    images["none-photo-texture"] = np.clip(_defocus(desk, 2) + rng.normal(0, 8, desk.shape), 0, 255).astype(
        np.uint8
    )
    blank_label, _ = _place(
        _background(rng),
        _label_sheet(np.full((200, 400), 255, np.uint8), rng),
        size=0.5,
        angle=12,
        tilt=0.2,
        rng=rng,
    )
    images["none-blank-label"] = np.clip(_glare(blank_label, rng, 0.6), 0, 255).astype(np.uint8)
    return images


def _encoded(image: np.ndarray, photo: Photo | None) -> tuple[str, bytes]:
    if photo is not None and photo.jpeg < 100:
        ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, photo.jpeg])
        suffix = ".jpg"
    else:
        ok, data = cv2.imencode(".png", image, [cv2.IMWRITE_PNG_COMPRESSION, 9])
        suffix = ".png"
    assert ok
    return suffix, data.tobytes()


def generate(directory: Path = HERE) -> dict[str, dict[str, object]]:
    rng = np.random.default_rng(SEED)
    manifest: dict[str, dict[str, object]] = {}
    for old in directory.glob("*.jpg"):
        old.unlink()
    for old in directory.glob("*.png"):
        old.unlink()
    for number, code in enumerate(CODES):
        printed = code.render()
        # Half the photographs per code (alternating, so each distortion meets about half the codes): the
        # set stays small enough to keep in the repository (about 5 MB).
        for photo in PHOTOS[number % 2 :: 2]:
            image, label = photograph(printed, photo, rng, code.size)
            suffix, data = _encoded(image, photo)
            name = f"{code.name}--{photo.name}{suffix}"
            (directory / name).write_bytes(data)
            manifest[name] = {
                "expected": [code.expected],
                "code": code.name,
                "distortion": photo.name,
                "label": [[round(float(x), 1), round(float(y), 1)] for x, y in label],
            }
    for stem, image in _no_code_images(rng).items():
        suffix, data = _encoded(image, Photo("none"))
        name = stem + suffix
        (directory / name).write_bytes(data)
        manifest[name] = {"expected": [], "code": "none", "distortion": stem.removeprefix("none-")}
    lines = (f"{json.dumps(name)}: {json.dumps(manifest[name], sort_keys=True)}" for name in sorted(manifest))
    MANIFEST.write_text("{\n" + ",\n".join(lines) + "\n}\n")  # one image a line
    return manifest


@dataclass(frozen=True)
class Sample:
    """One image of the set."""

    path: Path
    expected: tuple[str, ...]  # () for an image with no code
    code: str
    distortion: str
    label: tuple[tuple[float, float], ...]  # the label's corners in the image (() for no code)


def load_set() -> list[Sample]:
    """The test set, in file name order."""
    entries = json.loads(MANIFEST.read_text())
    return [
        Sample(
            path=HERE / name,
            expected=tuple(entry["expected"]),
            code=entry["code"],
            distortion=entry["distortion"],
            label=tuple((x, y) for x, y in entry.get("label", ())),
        )
        for name, entry in sorted(entries.items())
    ]


if __name__ == "__main__":
    written = generate()
    total = sum((HERE / name).stat().st_size for name in written)
    print(f"{len(written)} images, {total / 1e6:.1f} MB, in {HERE.name}/")
