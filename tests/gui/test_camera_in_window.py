"""The camera view opened from the main window (F9): a code the camera reads takes the same path as a
scanner's burst, to the field that waits for it or to what it names."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
import zxingcpp

from app.scanning.frames import RecordedFrames
from tests.camera_frames import frame
from ui.main_window import MainWindow
from ui.qt import QApplication, Qt, QTest
from ui.scanning.camera import CameraView

pytestmark = pytest.mark.gui


@pytest.fixture
def numbers(demo_template) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return dict(demo_template[1].numbers)


def _label_frames(text: str, *, before: int = 3, shown: int = 60) -> list[np.ndarray]:
    """Desk frames, then the Code 128 label of *text* held in view (as our individual labels carry it)."""
    code = np.asarray(zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.Code128).to_image(scale=4))
    code = cv2.resize(code, (code.shape[1], 140), interpolation=cv2.INTER_NEAREST)
    label = cv2.cvtColor(np.pad(code, 36, constant_values=245), cv2.COLOR_GRAY2BGR)
    empty = frame()
    with_label = empty.copy()
    height, width = label.shape[:2]
    with_label[250 : 250 + height, 400 : 400 + width] = label
    return [empty] * before + [with_label] * shown


def test_f9_opens_the_camera_and_a_label_it_reads_opens_the_individual(
    qtbot, window: MainWindow, numbers: dict[str, str]
) -> None:
    number = numbers["individual_in_stock"]
    camera = RecordedFrames(_label_frames(number))
    window.camera_source_for = lambda _index: camera
    window.show_tab(0)
    window.patient_tab.focus_search()
    with qtbot.wait_signal(window.individual_tab.sig_record_opened, timeout=20000) as opened:
        QTest.keyClick(window, Qt.Key.Key_F9)
        view = window.camera_view
        assert isinstance(view, CameraView)
    assert opened.args[0].individual_number == number
    assert window.tabs.currentWidget() is window.individual_tab
    assert window.scan_router.recent.scans()[0].source == "Camera"
    view.close()
    qtbot.wait_until(lambda: camera.released == 1, timeout=10000)
    QApplication.processEvents()
    # Opened again after the view closed (and deleted itself): a new view, the camera opened again.
    window.open_camera()
    again = window.camera_view
    assert again is not view and again.isVisible()
    qtbot.wait_until(lambda: camera.opened == 2, timeout=10000)
    again.close()
    qtbot.wait_until(lambda: camera.released == 2, timeout=10000)
