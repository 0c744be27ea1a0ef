"""The camera view: a webcam's live picture, codes read in it outlined and routed like a scanner's burst.

Any scan target opens it (``open_camera_view(parent, router, target)``). The capture and decoding threads
are app.scanning.frames's; this dialog only paints the newest frame, draws the outlines of what the decoder
read, beeps and hands each code that comes into view to the router once (``ScanRouter.deliver(text,
source="camera", target=...)``) and to ``sig_code_found``. A photo dropped on the view is decoded the same
way. The camera chosen is remembered (an ini file in the data folder). Closing the view stops both threads
and lets go of the camera.

The confirming sound is ``QApplication.beep()``: PySide6-Essentials has no QtMultimedia.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import numpy as np

from app.errors import ClerkError
from app.scanning.codes import read_code
from app.scanning.decode import Decoded, decode_file
from app.scanning.frames import CameraProblem, CameraScanner, FrameReading, FrameSource, OpenCvCamera
from ui.documents import documents_dir
from ui.operations import clerk_sentence
from ui.qt import (
    QApplication,
    QCloseEvent,
    QColor,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDragEnterEvent,
    QDropEvent,
    QHBoxLayout,
    QImage,
    QLabel,
    QObject,
    QPainter,
    QPen,
    QPointF,
    QPolygonF,
    QPushButton,
    QRectF,
    QSettings,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets import ERROR_STYLE

SETTINGS_FILE = "camera.ini"
CAMERAS = 5  # the choice offered: camera 1 … 5
#: How long an outline stays on the live picture after the frame it was read in.
OUTLINE_S = 0.6
#: How long a dropped photo stays shown before the live picture comes back.
PHOTO_S = 4.0


class Router(Protocol):
    def deliver(self, raw: str, *, source: str = "scanner", target: QWidget | None = None) -> None: ...


def to_qimage(frame: np.ndarray) -> QImage:
    """A BGR or grey frame as a QImage sharing its memory (keep *frame* while the image is used)."""
    height, width = frame.shape[:2]
    if frame.ndim == 2:
        return QImage(frame.data, width, height, frame.strides[0], QImage.Format.Format_Grayscale8)
    return QImage(frame.data, width, height, frame.strides[0], QImage.Format.Format_BGR888)


class CameraPicture(QWidget):
    """The newest frame, scaled to fit, with the outlines of the codes read in it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(320, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._frame: np.ndarray | None = None
        self._image: QImage | None = None
        self._outlines: list[tuple[tuple[float, float], ...]] = []
        self.painted = 0  # frames painted
        self.outlines_painted = 0  # outlines drawn over a frame

    def show_frame(self, frame: np.ndarray | None, image: QImage | None = None) -> None:
        self._frame = frame
        self._image = image if image is not None else (to_qimage(frame) if frame is not None else None)
        self.update()

    def set_outlines(self, outlines: list[tuple[tuple[float, float], ...]]) -> None:
        self._outlines = outlines
        self.update()

    def image_rect(self) -> QRectF:
        """Where the frame is drawn: scaled to fit the widget, its aspect kept, centred."""
        if self._image is None or self._image.isNull():
            return QRectF()
        scale = min(self.width() / self._image.width(), self.height() / self._image.height())
        width, height = self._image.width() * scale, self._image.height() * scale
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def mapped(self, corners: tuple[tuple[float, float], ...]) -> QPolygonF:
        """*corners* in the frame's pixels as points on the widget."""
        target = self.image_rect()
        assert self._image is not None
        scale = target.width() / self._image.width()
        return QPolygonF([QPointF(target.x() + x * scale, target.y() + y * scale) for x, y in corners])

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(32, 32, 32))
        if self._image is not None and not self._image.isNull():
            painter.drawImage(self.image_rect(), self._image)
            self.painted += 1
            if self._outlines:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setPen(QPen(QColor(40, 220, 60), 4))
                for corners in self._outlines:
                    painter.drawPolygon(self.mapped(corners))
                    self.outlines_painted += 1
        painter.end()


class _Bridge(QObject):
    """Signals the camera's threads emit; Qt queues them to the view's (UI) thread."""

    sig_frame = Signal()
    sig_reading = Signal(object)
    sig_problem = Signal(object)
    sig_photo = Signal(object, object, object)  # path, QImage | None, list[Decoded] | ClerkError


class CameraView(QDialog):
    """The live camera picture; codes read are outlined, beeped and routed once while they stay in view."""

    sig_code_found = Signal(str)  # the code as a scanner sends it (GS1 with its symbology identifier)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        router: Router | None = None,
        target: QWidget | None = None,
        source_for: Callable[[int], FrameSource] = OpenCvCamera,
        settings_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Camera"))
        self.setAcceptDrops(True)
        self.router = router
        self.target = target
        self._source_for = source_for
        self._settings = QSettings(
            str(settings_path or documents_dir().parent / SETTINGS_FILE), QSettings.Format.IniFormat
        )
        self.scanner: CameraScanner | None = None
        self._bridge = _Bridge(self)
        self._frame_pending = threading.Event()
        self._outlines_at = 0.0
        self._still_until = 0.0
        self._photo_threads: list[threading.Thread] = []
        self._setup_widgets()
        self._connect_signals()

    def _setup_widgets(self) -> None:
        self.camera_choice = QComboBox()
        for index in range(CAMERAS):
            self.camera_choice.addItem(self.tr("Camera {number}").format(number=index + 1), index)
        chosen = self._settings.value("camera/index", 0)
        self.camera_choice.setCurrentIndex(
            min(CAMERAS - 1, max(0, int(str(chosen)) if str(chosen).isdigit() else 0))
        )
        choose = QLabel(self.tr("&Camera:"))
        choose.setBuddy(self.camera_choice)
        self.picture = CameraPicture()
        self.hint = QLabel(self.tr("Hold the code in front of the camera, or drop a photo of it here."))
        self.hint.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.retry = QPushButton(self.tr("&Try again"))
        self.retry.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(choose)
        top.addWidget(self.camera_choice)
        top.addWidget(self.retry)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(720, 520)

    def _connect_signals(self) -> None:
        self._bridge.sig_frame.connect(self._show_newest, Qt.ConnectionType.QueuedConnection)
        self._bridge.sig_reading.connect(self._read, Qt.ConnectionType.QueuedConnection)
        self._bridge.sig_problem.connect(self._problem, Qt.ConnectionType.QueuedConnection)
        self._bridge.sig_photo.connect(self._photo_read, Qt.ConnectionType.QueuedConnection)
        self.camera_choice.activated.connect(self._camera_chosen)
        self.retry.clicked.connect(self.start)

    # --- the camera ------------------------------------------------------------------------------------

    def camera_index(self) -> int:
        return int(self.camera_choice.currentData())

    def start(self) -> None:
        """Open the chosen camera and start reading (the opening itself runs on the capture thread)."""
        self.stop()
        index = self.camera_index()
        self.retry.hide()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Starting camera {number}…").format(number=index + 1))
        bridge = self._bridge
        pending = self._frame_pending

        def frame_arrived() -> None:
            if not pending.is_set():  # one repaint asked for at a time: frames never queue up in the UI
                pending.set()
                bridge.sig_frame.emit()

        self.scanner = CameraScanner(
            self._source_for(index),
            on_frame=frame_arrived,
            on_reading=bridge.sig_reading.emit,
            on_problem=bridge.sig_problem.emit,
            number=index + 1,
        )
        self.scanner.start()

    def stop(self) -> None:
        """Stop the camera's threads and let go of it (waits for a decoding in progress to end)."""
        if self.scanner is not None:
            self.scanner.stop()
            self.scanner = None
        self._frame_pending.clear()

    def _camera_chosen(self) -> None:
        self._settings.setValue("camera/index", self.camera_index())
        self._settings.sync()
        self.start()

    def _show_newest(self) -> None:
        self._frame_pending.clear()
        if self.scanner is None:
            return
        now = time.monotonic()
        if now < self._still_until:
            return  # a dropped photo is shown
        sequence, frame = self.scanner.newest()
        if sequence == 1:
            self.status.setText("")
        if self._outlines_at and now - self._outlines_at > OUTLINE_S:
            self._outlines_at = 0.0
            self.picture.set_outlines([])
        self.picture.show_frame(frame)

    def _read(self, reading: FrameReading) -> None:
        if self.scanner is None:
            return
        self._outlines_at = time.monotonic()
        self.picture.set_outlines([found.corners for found in reading.found])
        for found in reading.new:
            self._found(found)

    def _found(self, found: Decoded) -> None:
        QApplication.beep()
        raw = found.scanned()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Read: {code}").format(code=read_code(raw).shown()))
        self.sig_code_found.emit(raw)
        if self.router is not None:
            self.router.deliver(raw, source="camera", target=self.target)

    def _problem(self, problem: CameraProblem) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(clerk_sentence(problem))
        self.retry.show()

    # --- a dropped photo --------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_file(event) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        path = _local_file(event)
        if path is None:
            return
        event.acceptProposedAction()
        self.read_photo(path)

    def read_photo(self, path: Path) -> None:
        """Decode the photo at *path* on a worker thread; what it holds is shown and routed."""
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Reading {name}…").format(name=path.name))
        bridge = self._bridge

        def work() -> None:
            result: list[Decoded] | ClerkError
            try:
                result = decode_file(path)
            except ClerkError as error:
                result = error
            image = QImage(str(path)) if not isinstance(result, ClerkError) else None
            bridge.sig_photo.emit(path, image, result)

        thread = threading.Thread(target=work, name="photo decoding", daemon=True)
        self._photo_threads = [t for t in self._photo_threads if t.is_alive()] + [thread]
        thread.start()

    def _photo_read(self, path: Path, image: QImage | None, result: list[Decoded] | ClerkError) -> None:
        if isinstance(result, ClerkError):
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(clerk_sentence(result))
            return
        if image is not None and not image.isNull():
            self._still_until = time.monotonic() + PHOTO_S
            self._outlines_at = 0.0
            self.picture.show_frame(None, image)
            self.picture.set_outlines([found.corners for found in result])
        if not result:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(self.tr("No code could be read in {name}.").format(name=path.name))
            return
        for found in result:
            self._found(found)

    # --- closing ----------------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        self.stop()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)

    def wait_for_photos(self, timeout: float = 10.0) -> None:
        for thread in self._photo_threads:
            thread.join(timeout)


def _local_file(event: QDropEvent) -> Path | None:
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            return Path(url.toLocalFile())
    return None


def open_camera_view(
    parent: QWidget | None,
    router: Router | None,
    target: QWidget | None = None,
    *,
    settings_path: Path | None = None,
    source_for: Callable[[int], FrameSource] = OpenCvCamera,
) -> CameraView:
    """Open the camera view for *target* (the widget waiting for a scan; None for the router to decide),
    remembering the camera chosen in *settings_path*; *source_for* gives the camera of an index."""
    view = CameraView(
        parent, router=router, target=target, settings_path=settings_path, source_for=source_for
    )
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    view.show()
    view.start()
    return view
