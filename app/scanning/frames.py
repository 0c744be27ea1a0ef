"""Camera frames to decoded codes, on two threads of their own (no Qt here; ui/scanning/camera.py shows it).

The capture thread reads the camera as fast as it gives frames and keeps only the newest one. The decoding
thread takes the newest frame whenever it is free, decodes it (app.scanning.decode) and reports what it
read; a frame that a newer one replaced before the decoder took it is dropped, never queued, and counted.
The same code held in view is reported as new once, until it has been out of view for a moment.

A frame source is anything with ``open()``, ``read()`` and ``release()``: the computer's camera through
OpenCV (``OpenCvCamera``) or recorded frames played at a frame rate (``RecordedFrames``: tests, benchmarks,
a demonstration without a camera).
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from app.errors import ClerkError
from app.i18n import QT_TRANSLATE_NOOP
from app.scanning.decode import Decoded, decode_image

#: Reads that fail one after another before the camera counts as gone (unplugged, taken by another program).
FAILED_READS = 5
#: A code not seen for this long has left the view; seen again, it is a new scan.
GONE_AFTER_S = 1.0
#: Time for decoding one frame (the retries stop there).
FRAME_BUDGET_S = 0.08
#: How much nicer than the rest of the program the decoding thread is (Linux).
DECODER_NICENESS = 2


class CameraProblem(ClerkError):
    """The camera cannot be used: not there, in use, or gone while scanning."""


class FrameSource(Protocol):
    def open(self) -> None:
        """Start giving frames; CameraProblem with a sentence when it cannot."""

    def read(self) -> np.ndarray | None:
        """The next frame (BGR), waiting for it; None when the source failed to give one."""

    def release(self) -> None:
        """Let go of the device."""


def no_camera(number: int) -> CameraProblem:
    return CameraProblem(
        QT_TRANSLATE_NOOP(
            "app", "Camera {number} cannot be opened: it is not connected, or another program is using it."
        ),
        number=number,
    )


def camera_in_use(number: int) -> CameraProblem:
    return CameraProblem(
        QT_TRANSLATE_NOOP(
            "app",
            "Camera {number} gives no picture: another program may be using it. Close that program and try again.",
        ),
        number=number,
    )


def camera_gone(number: int) -> CameraProblem:
    return CameraProblem(
        QT_TRANSLATE_NOOP(
            "app",
            "Camera {number} stopped giving pictures: check its cable, then try again. Codes read so far were kept.",
        ),
        number=number,
    )


class OpenCvCamera:
    """A camera of the computer through OpenCV's VideoCapture; *index* 0 is the first camera."""

    def __init__(self, index: int, *, width: int = 1280, height: int = 720) -> None:
        self.index = index
        self.width = width
        self.height = height
        self._capture: object | None = None

    @property
    def number(self) -> int:
        """The camera's number as the clerk sees it (1 for the first)."""
        return self.index + 1

    def open(self) -> None:
        import cv2

        capture = cv2.VideoCapture(self.index)
        if not capture.isOpened():
            capture.release()
            raise no_camera(self.number)
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
        capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # the newest frame, not a queue of old ones
        ok, _ = capture.read()
        if not ok:
            capture.release()
            raise camera_in_use(self.number)
        self._capture = capture

    def read(self) -> np.ndarray | None:
        capture = self._capture
        if capture is None:
            return None
        ok, frame = capture.read()  # type: ignore[attr-defined]
        return frame if ok else None

    def release(self) -> None:
        if self._capture is not None:
            self._capture.release()  # type: ignore[attr-defined]
            self._capture = None


class RecordedFrames:
    """Frames played at *fps* as a camera gives them; after the last one, reads fail (unplugged) unless
    *loop*. Counts its opens and releases."""

    def __init__(
        self, frames: Sequence[np.ndarray], *, fps: float = 30.0, loop: bool = False, number: int = 1
    ) -> None:
        self.frames = frames
        self.fps = fps
        self.loop = loop
        self.number = number
        self.opened = 0
        self.released = 0
        self.given = 0
        #: When each frame was given (time.perf_counter()), by its index in *frames*.
        self.given_at: dict[int, float] = {}
        self._next_at = 0.0
        self._problem: CameraProblem | None = None

    def fail_to_open(self, problem: CameraProblem) -> None:
        self._problem = problem

    def open(self) -> None:
        if self._problem is not None:
            raise self._problem
        self.opened += 1
        self._next_at = time.perf_counter()

    def read(self) -> np.ndarray | None:
        delay = self._next_at - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        self._next_at = max(self._next_at + 1 / self.fps, time.perf_counter() - 1 / self.fps)
        if self.given >= len(self.frames) and not self.loop:
            return None
        index = self.given % len(self.frames)
        self.given += 1
        self.given_at.setdefault(index, time.perf_counter())
        return self.frames[index]

    def release(self) -> None:
        self.released += 1


@dataclass
class FrameCounts:
    captured: int = 0
    decoded: int = 0
    dropped: int = 0  # replaced by a newer frame before the decoder was free to take it


class InView:
    """Which codes are in view: a code is new when it was not seen in the last GONE_AFTER_S seconds."""

    def __init__(self, gone_after_s: float = GONE_AFTER_S) -> None:
        self.gone_after_s = gone_after_s
        self._last_seen: dict[str, float] = {}

    def new(self, texts: Sequence[str], now: float) -> list[str]:
        fresh = [
            text
            for text in dict.fromkeys(texts)
            if now - self._last_seen.get(text, -float("inf")) > self.gone_after_s
        ]
        for text in texts:
            self._last_seen[text] = now
        return fresh


@dataclass(frozen=True)
class FrameReading:
    """What the decoder read in one frame."""

    sequence: int  # the frame's number since the start (1 for the first)
    found: tuple[Decoded, ...]
    new: tuple[Decoded, ...]  # those that just came into view: to route


def _yield_to_the_ui() -> None:
    """Give the calling (decoding) thread a lower scheduling priority than the UI thread, where the system
    has per-thread priorities (Linux): on a busy machine the picture stays smooth and decoding waits."""
    with contextlib.suppress(AttributeError, OSError):  # Windows, macOS: the same priority as the rest
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), DECODER_NICENESS)


class CameraScanner:
    """The capture and decoding threads for one frame source.

    *on_frame()* is called (on the capture thread) after each new frame; *on_reading(reading)* (on the
    decoding thread) after each decoded frame that had a code in it; *on_problem(problem)* once when the
    camera cannot be opened or stops giving frames. None of them is called after ``stop()`` returned.
    """

    def __init__(
        self,
        source: FrameSource,
        *,
        on_frame: Callable[[], None],
        on_reading: Callable[[FrameReading], None],
        on_problem: Callable[[CameraProblem], None],
        number: int = 1,
        budget_s: float = FRAME_BUDGET_S,
        decode: Callable[[np.ndarray, float], list[Decoded]] | None = None,
    ) -> None:
        self.source = source
        self.number = number
        self.budget_s = budget_s
        self.counts = FrameCounts()
        self._decode = decode or (lambda image, budget: decode_image(image, budget_s=budget))
        self._on_frame = on_frame
        self._on_reading = on_reading
        self._on_problem = on_problem
        self._in_view = InView()
        self._lock = threading.Lock()
        self._fresh = threading.Condition(self._lock)
        self._newest: np.ndarray | None = None
        self._sequence = 0
        self._taken = 0  # the sequence number the decoder took last
        self._stopping = threading.Event()
        self._capture = threading.Thread(target=self._capture_loop, name="camera capture", daemon=True)
        self._decoder = threading.Thread(target=self._decode_loop, name="camera decoding", daemon=True)

    def start(self) -> None:
        self._capture.start()
        self._decoder.start()

    def newest(self) -> tuple[int, np.ndarray | None]:
        """The newest frame and its sequence number (for showing it)."""
        with self._lock:
            return self._sequence, self._newest

    def stop(self, timeout: float = 5.0) -> None:
        """Stop both threads, wait for them, and let go of the camera."""
        self._stopping.set()
        with self._fresh:
            self._fresh.notify_all()
        for thread in (self._capture, self._decoder):
            if thread.is_alive():
                thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._capture.is_alive() or self._decoder.is_alive()

    def _problem(self, problem: CameraProblem) -> None:
        if not self._stopping.is_set():
            self._on_problem(problem)

    def _capture_loop(self) -> None:
        try:
            self.source.open()
        except CameraProblem as problem:
            self._problem(problem)
            self._stopping.set()
            with self._fresh:
                self._fresh.notify_all()
            return
        failures = 0
        try:
            while not self._stopping.is_set():
                frame = self.source.read()
                if frame is None:
                    failures += 1
                    if failures >= FAILED_READS:
                        self._problem(camera_gone(self.number))
                        break
                    continue
                failures = 0
                with self._fresh:
                    if self._sequence > self._taken:
                        self.counts.dropped += 1  # the decoder was busy: this frame is replaced, not queued
                    self._newest = frame
                    self._sequence += 1
                    self.counts.captured += 1
                    self._fresh.notify()
                if not self._stopping.is_set():
                    self._on_frame()
        finally:
            self.source.release()
            self._stopping.set()
            with self._fresh:
                if self._sequence > self._taken:  # the last frame came while the decoder was busy
                    self.counts.dropped += 1
                    self._taken = self._sequence
                self._fresh.notify_all()

    def _decode_loop(self) -> None:
        _yield_to_the_ui()
        while True:
            with self._fresh:
                while self._sequence <= self._taken and not self._stopping.is_set():
                    self._fresh.wait()
                if self._stopping.is_set():
                    return
                frame, sequence = self._newest, self._sequence
                self._taken = sequence
            assert frame is not None
            found = tuple(self._decode(frame, self.budget_s))
            self.counts.decoded += 1
            if self._stopping.is_set():
                return
            new_texts = set(self._in_view.new([item.text for item in found], time.monotonic()))
            if found:
                self._on_reading(
                    FrameReading(sequence, found, tuple(item for item in found if item.text in new_texts))
                )
