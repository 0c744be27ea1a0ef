"""Reading codes in images: zxing-cpp and libzbar combined, GS1 content, corners, files that are no image."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp

from app.errors import InvalidInput
from app.scanning.decode import GS, decode_file, decode_image


def _rendered(text: str, fmt: zxingcpp.BarcodeFormat, *, gs1: bool = False, scale: int = 4) -> np.ndarray:
    barcode = zxingcpp.create_barcode(text, fmt, gs1=True) if gs1 else zxingcpp.create_barcode(text, fmt)
    image = np.asarray(barcode.to_image(scale=scale))
    if fmt in (zxingcpp.BarcodeFormat.Code128, zxingcpp.BarcodeFormat.EAN13):
        image = cv2.resize(image, (image.shape[1], 120), interpolation=cv2.INTER_NEAREST)
    return np.pad(image, 40, constant_values=255)


def test_gs1_datamatrix_gives_the_element_string_with_group_separators() -> None:
    image = _rendered("(01)07391234567890(21)HB0123(17)271231", zxingcpp.BarcodeFormat.DataMatrix, gs1=True)
    [found] = decode_image(image)
    assert found.text == f"010739123456789021HB0123{GS}17271231"
    assert found.gs1 and found.symbology == "DataMatrix" and len(found.corners) == 4


def test_gs1_128_read_by_libzbar_is_marked_gs1() -> None:
    from app.scanning import decode

    image = _rendered("(01)07391234567890(10)L1(21)HB0123", zxingcpp.BarcodeFormat.Code128, gs1=True, scale=3)
    [found] = decode._pyzbar(image)
    assert found.gs1 and found.text == f"010739123456789010L1{GS}21HB0123"


def test_an_empty_image_reads_nothing() -> None:
    assert decode_image(np.full((200, 300, 3), 255, np.uint8)) == []


def test_a_file_that_is_no_image_gets_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "notes.png"
    path.write_text("not a picture")
    with pytest.raises(InvalidInput, match=r"notes\.png is not an image"):
        decode_file(path)
