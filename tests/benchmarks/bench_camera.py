"""Benchmark the camera view: code in view to routed, and the UI thread's longest stall while it runs.

    .venv/bin/python -m tests.benchmarks.bench_camera [--appearances 12]

A recorded camera (app.scanning.frames.RecordedFrames) gives 1280×720 frames at 30 a second through the
real capture and decoding threads of the real camera view (offscreen): a GS1 DataMatrix comes into view,
moves for a second and leaves for 1.5 s, again and again. Measured: from the moment the first frame that
shows the code is given to the moment the view hands the code on (``sig_code_found``, on the UI thread;
target: median ≤ 150 ms); and the longest gap between the ticks of a 1 ms timer on the UI thread while the
frames are painted (target ≤ 16 ms). Needs no database.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.scanning.frames import RecordedFrames
from tests.benchmarks.figures import Figure, spread, table
from tests.camera_frames import frame, passing

LATENCY_TARGET_MS = 150.0
STALL_TARGET_MS = 16.0


def _ticking(seconds: float) -> list[float]:
    """Gaps (ms) between the ticks of a 1 ms timer on an idle event loop: what the machine itself gives."""
    from ui.qt import QElapsedTimer, QEventLoop, Qt, QTimer

    gaps: list[float] = []
    clock = QElapsedTimer()
    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.setInterval(1)

    def tick() -> None:
        gaps.append(clock.nsecsElapsed() / 1e6)
        clock.restart()

    ticker.timeout.connect(tick)
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    clock.start()
    ticker.start()
    loop.exec()
    ticker.stop()
    ticker.timeout.disconnect()
    return gaps[5:]


def figures(data_dir: Path | None = None, *, appearances: int = 12) -> list[Figure]:
    from ui.qt import QApplication, QElapsedTimer, QEventLoop, Qt, QTimer
    from ui.scanning.camera import CameraView

    app = QApplication.instance() or QApplication([])
    cycle = [frame()] * 45 + passing("udi", before=0, shown=30, after=0)
    frames = [frame()] * 15 + cycle * appearances
    first_shown = [15 + index * len(cycle) + 45 for index in range(appearances)]
    camera = RecordedFrames(frames, fps=30.0)
    view = CameraView(None, source_for=lambda index: camera, settings_path=Path(os.devnull))
    view.resize(960, 640)
    view.show()
    routed: list[float] = []
    view.sig_code_found.connect(lambda raw: routed.append(time.perf_counter()))

    gaps: list[float] = []
    clock = QElapsedTimer()
    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.setInterval(1)

    def tick() -> None:
        gaps.append(clock.nsecsElapsed() / 1e6)
        clock.restart()
        if os.environ.get("BENCH_CAMERA_GAPS") and gaps[-1] > STALL_TARGET_MS:
            print(f"gap {gaps[-1]:.1f} ms at {sum(gaps) / 1000:.2f} s", file=sys.stderr)

    ticker.timeout.connect(tick)
    loop = QEventLoop()
    done = QTimer()
    done.setInterval(50)
    done.timeout.connect(lambda: loop.quit() if view.scanner is None or not view.scanner.running else None)
    view.start()
    clock.start()
    ticker.start()
    done.start()
    loop.exec()
    ticker.stop()
    done.stop()
    counts = view.scanner.counts if view.scanner else None
    painted = view.picture.painted
    view.close()
    view.deleteLater()
    for timer in (ticker, done):
        timer.timeout.disconnect()
        timer.deleteLater()
    app.processEvents()

    latencies = []
    for index, shown_index in enumerate(first_shown):
        start = camera.given_at[shown_index]
        end = min((t for t in routed if t >= start), default=None)
        if end is not None and (
            index + 1 == len(first_shown) or end < camera.given_at[first_shown[index + 1]]
        ):
            latencies.append((end - start) * 1000)
    gaps = gaps[5:]
    stall = max(gaps) if gaps else float("nan")
    idle = _ticking(sum(gaps) / 1000)  # the same time with no camera: how much of a stall the machine makes
    frames_detail = (
        f"{counts.captured} frames captured, {counts.decoded} decoded, {counts.dropped} dropped while "
        f"the decoder was busy, {painted} painted"
        if counts
        else ""
    )
    return [
        Figure(
            "camera: code in view to routed, 1280×720 at 30 fps (median)",
            LATENCY_TARGET_MS,
            statistics.median(latencies) if latencies else float("nan"),
            "ms",
            f"{spread(latencies)}; {len(latencies)} of {appearances} appearances routed"
            if latencies
            else "none",
        ),
        Figure(
            "camera: UI thread's longest stall while the camera runs",
            STALL_TARGET_MS,
            stall,
            "ms",
            f"1 ms timer, {len(gaps)} ticks, p50 gap {statistics.median(gaps):.1f} ms, "
            f"{sum(gap > STALL_TARGET_MS for gap in gaps)} over {STALL_TARGET_MS:g} ms; the same idle event loop "
            f"without camera: longest {max(idle):.1f} ms, {sum(gap > STALL_TARGET_MS for gap in idle)} over; "
            f"{frames_detail}",
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--appearances", type=int, default=12)
    arguments = parser.parse_args()
    print(table(figures(appearances=arguments.appearances)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
