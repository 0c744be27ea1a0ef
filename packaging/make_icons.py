"""Render the program's icon from resources/icons/hearing-desk.svg into the files that builds use.

    .venv/bin/python packaging/make_icons.py

Writes resources/icons/hearing-desk-N.png for N in 16, 24, 32, 48, 64, 128 and 256 (the window's icon, the
Linux desktop entry's hicolor sizes) and resources/icons/hearing-desk.ico (the Windows program, installer
and uninstall entry). The results are committed, so that a build needs no SVG renderer: run this again
only after changing the SVG.

Qt renders the SVG (QSvgRenderer, in PySide6-Essentials). The .ico is written here rather than by Qt's ico
plugin, which stores one size per file: Windows picks the size it needs from one file with all of them,
16 to 48 pixels as 32-bit bitmaps and 256 as PNG, as Windows' own icons are stored.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "hearing-desk.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_AS_PNG = 256  # this size and larger go into the .ico as PNG, the smaller ones as bitmaps


def png_path(size: int) -> Path:
    return ICONS / f"hearing-desk-{size}.png"


def render(size: int):  # -> QImage
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG.relative_to(ROOT)} is not an SVG that Qt can draw.")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image) -> bytes:
    """*image* as an icon bitmap: BITMAPINFOHEADER, 32-bit BGRA rows bottom-up, then the 1-bit AND mask."""
    from PySide6.QtGui import QImage

    size = image.width()
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    mask_rows = []
    mask_stride = ((size + 31) // 32) * 4
    for y in reversed(range(size)):
        row = bytearray()
        mask = bytearray(mask_stride)
        for x in range(size):
            pixel = argb.pixel(x, y)  # 0xAARRGGBB
            row += struct.pack("<I", pixel)  # little-endian: B, G, R, A
            if pixel >> 24 == 0:
                mask[x // 8] |= 0x80 >> (x % 8)
        rows.append(bytes(row))
        mask_rows.append(bytes(mask))
    return header + b"".join(rows) + b"".join(mask_rows)


def ico_bytes(images: dict[int, object]) -> bytes:
    entries = []
    for size in sorted(images):
        payload = png_bytes(images[size]) if size >= ICO_AS_PNG else dib_bytes(images[size])
        entries.append((size, payload))
    out = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    for size, payload in entries:
        dimension = 0 if size >= 256 else size  # 0 means 256
        out += struct.pack("<BBBBHHII", dimension, dimension, 0, 0, 1, 32, len(payload), offset)
        offset += len(payload)
    return out + b"".join(payload for _size, payload in entries)


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts, image plugins)
    images = {size: render(size) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    for size in PNG_SIZES:
        png_path(size).write_bytes(png_bytes(images[size]))
    (ICONS / "hearing-desk.ico").write_bytes(ico_bytes({size: images[size] for size in ICO_SIZES}))
    names = ", ".join(png_path(size).name for size in PNG_SIZES)
    print(f"wrote {names} and hearing-desk.ico in {ICONS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
