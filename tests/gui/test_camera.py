"""The camera view: recorded frames (a fake camera) go through the real capture and decoding threads."""

from __future__ import annotations

from pathlib import Path

import cv2
import pytest

from app.scanning.frames import CameraScanner, RecordedFrames, no_camera
from tests.camera_frames import INDIVIDUAL, UDI_SCANNED, frame, passing
from tests.scan_images.generate import HERE as SCAN_IMAGES
from ui.qt import QDropEvent, QPointF, Qt, QWidget
from ui.scanning.camera import CameraView

pytestmark = pytest.mark.gui


class Router:
    """Records what the view hands to the router (ScanRouter.deliver's signature)."""

    def __init__(self) -> None:
        self.delivered: list[tuple[str, str, QWidget | None]] = []

    def deliver(self, raw: str, *, source: str = "scanner", target: QWidget | None = None) -> None:
        self.delivered.append((raw, source, target))


@pytest.fixture
def open_view(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    views: list[CameraView] = []

    def open_view(
        source: RecordedFrames, router: Router | None = None, target: QWidget | None = None
    ) -> CameraView:
        chosen: list[int] = []

        def source_for(index: int) -> RecordedFrames:
            chosen.append(index)
            source.number = index + 1
            return source

        view = CameraView(
            None, router=router, target=target, source_for=source_for, settings_path=tmp_path / "camera.ini"
        )
        view.chosen = chosen  # type: ignore[attr-defined]
        qtbot.add_widget(view)
        view.show()
        view.start()
        views.append(view)
        return view

    yield open_view
    for view in views:
        view.stop()
        view.wait_for_photos()


def test_a_code_held_in_view_is_routed_once_and_outlined(qtbot, open_view) -> None:  # type: ignore[no-untyped-def]
    camera = RecordedFrames(passing("udi", before=5, shown=45, after=5), loop=False)
    router = Router()
    target = QWidget()
    view = open_view(camera, router, target)
    with qtbot.wait_signal(view.sig_code_found, timeout=10000) as found:
        pass
    assert found.args == [UDI_SCANNED]
    qtbot.waitUntil(lambda: camera.given >= 55, timeout=10000)
    qtbot.waitUntil(lambda: view.picture.outlines_painted > 0, timeout=5000)
    assert router.delivered == [(UDI_SCANNED, "camera", target)]  # once, though read in many frames
    assert view.status.text() == "Read: (01)07391234567890(21)HB01868881(17)271231(10)L2411"
    assert view.picture.painted > 10


def test_a_code_that_left_the_view_and_comes_back_is_routed_again(qtbot, open_view) -> None:  # type: ignore[no-untyped-def]
    frames = passing("individual", before=3, shown=20, after=50) + passing(
        "individual", before=0, shown=20, after=3
    )
    camera = RecordedFrames(frames)
    router = Router()
    open_view(camera, router)
    qtbot.waitUntil(lambda: len(router.delivered) == 2, timeout=15000)
    assert [raw for raw, _, _ in router.delivered] == [INDIVIDUAL, INDIVIDUAL]


def test_frames_that_arrive_while_the_decoder_is_busy_are_dropped_not_queued(qtbot, open_view) -> None:  # type: ignore[no-untyped-def]
    # Frames without a code make the decoder try every form within its budget (longer than a frame at 30 fps).
    camera = RecordedFrames([frame()] * 60)
    view = open_view(camera)
    scanner = view.scanner
    qtbot.waitUntil(lambda: not scanner.running, timeout=15000)
    counts = scanner.counts
    assert counts.captured == 60
    assert counts.dropped > 0
    assert counts.decoded + counts.dropped == counts.captured  # each frame decoded or dropped, none waiting


def test_no_camera_gets_a_sentence(qtbot, open_view) -> None:  # type: ignore[no-untyped-def]
    camera = RecordedFrames([frame()])
    camera.fail_to_open(no_camera(1))
    view = open_view(camera)
    qtbot.waitUntil(
        lambda: (
            view.status.text()
            == "Camera 1 cannot be opened: it is not connected, or another program is using it."
        ),
        timeout=5000,
    )
    qtbot.waitUntil(lambda: not view.scanner.running, timeout=5000)
    assert camera.released == 0 and camera.opened == 0


def test_a_camera_unplugged_while_scanning_gets_a_sentence(qtbot, open_view) -> None:  # type: ignore[no-untyped-def]
    camera = RecordedFrames(passing("udi", before=2, shown=10, after=2))  # then reads fail, as unplugged
    router = Router()
    view = open_view(camera, router)
    qtbot.waitUntil(lambda: view.status.text().startswith("Camera 1 stopped giving pictures"), timeout=10000)
    assert [raw for raw, _, _ in router.delivered] == [UDI_SCANNED]  # read before it went: kept
    qtbot.waitUntil(lambda: camera.released == 1, timeout=5000)
    assert view.retry.isVisible()
    camera.frames = passing("udi", before=0, shown=5, after=0) * 20  # plugged in again
    camera.given = 0
    qtbot.mouseClick(view.retry, Qt.MouseButton.LeftButton)
    assert not view.retry.isVisible()
    qtbot.waitUntil(lambda: len(router.delivered) == 2, timeout=10000)
    assert camera.opened == 2


def test_closing_the_view_mid_decode_releases_the_camera_and_ends_both_threads(qtbot, open_view) -> None:  # type: ignore[no-untyped-def]
    camera = RecordedFrames([frame()], loop=True)
    view = open_view(camera)
    scanner: CameraScanner = view.scanner
    qtbot.waitUntil(lambda: scanner.counts.decoded >= 1 and scanner.counts.captured >= 5, timeout=10000)
    view.close()
    assert camera.released == 1
    assert not scanner.running
    assert view.scanner is None


def _drop(view: CameraView, path: Path) -> None:
    from PySide6.QtCore import QMimeData, QUrl

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)
    assert event.isAccepted()


def test_a_dropped_photo_is_decoded_and_routed(qtbot, open_view) -> None:  # type: ignore[no-untyped-def]
    camera = RecordedFrames([frame()], loop=True)
    router = Router()
    view = open_view(camera, router)
    photo = SCAN_IMAGES / "datamatrix-gs1-udi--perspective.jpg"
    with qtbot.wait_signal(view.sig_code_found, timeout=10000) as found:
        _drop(view, photo)
    assert found.args == [UDI_SCANNED]
    assert router.delivered == [(UDI_SCANNED, "camera", None)]
    qtbot.waitUntil(lambda: view.picture.outlines_painted > 0, timeout=5000)


def test_a_dropped_file_that_is_no_image_gets_a_sentence(qtbot, open_view, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    camera = RecordedFrames([frame()], loop=True)
    view = open_view(camera)
    notes = tmp_path / "notes.jpg"
    notes.write_text("not a photo")
    _drop(view, notes)
    qtbot.waitUntil(
        lambda: view.status.text() == "The file notes.jpg is not an image the program can read.", timeout=5000
    )
    empty = tmp_path / "desk.png"
    cv2.imwrite(str(empty), frame())
    _drop(view, empty)
    qtbot.waitUntil(lambda: view.status.text() == "No code could be read in desk.png.", timeout=10000)


def test_the_camera_chosen_is_remembered(qtbot, open_view, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = open_view(RecordedFrames([frame()], loop=True))
    first.camera_choice.setCurrentIndex(2)
    first.camera_choice.activated.emit(2)
    assert first.chosen == [0, 2]
    first.close()
    second = open_view(RecordedFrames([frame()], loop=True))
    assert second.camera_choice.currentText() == "Camera 3"
    assert second.chosen == [2]


def test_the_decoder_always_takes_the_newest_frame() -> None:
    # Without Qt: frames numbered in their first pixel, a decoder slower than the camera.
    import itertools
    import threading
    import time

    import numpy as np

    frames = [np.full((8, 8, 3), index, np.uint8) for index in range(40)]
    camera = RecordedFrames(frames, fps=100.0)
    taken: list[int] = []
    ended = threading.Event()

    def slow_decode(image: np.ndarray, budget: float) -> list:  # type: ignore[type-arg]
        taken.append(int(image[0, 0, 0]))
        time.sleep(0.035)  # three and a half frames
        return []

    scanner = CameraScanner(
        camera,
        on_frame=lambda: None,
        on_reading=lambda r: None,
        on_problem=lambda p: ended.set(),
        decode=slow_decode,
    )
    scanner.start()
    assert ended.wait(10)
    scanner.stop()
    assert not scanner.running and camera.released == 1
    assert taken[0] == 0 and len(taken) < 20
    steps = [later - earlier for earlier, later in itertools.pairwise(taken)]
    assert min(steps) >= 1 and max(steps) >= 2  # newer and newer frames, those in between skipped, not queued
    assert scanner.counts.decoded == len(taken)
    assert scanner.counts.decoded + scanner.counts.dropped == scanner.counts.captured == 40
