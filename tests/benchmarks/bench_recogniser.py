"""Benchmark the handheld scanner's recogniser: what its application-wide event filter costs, and how late
typing reaches its field.

    .venv/bin/python -m tests.benchmarks.bench_recogniser [DIR]

Offscreen, no database (DIR is ignored). Real QKeyEvents go through QApplication to a window holding a
QLineEdit, with the recogniser installed and, for comparison, without it:

- the time a scanner burst's key takes (press and release, held and read), target ≤ 500 µs (a scanner
  sends one every 2 ms or more);
- the filter's cost per event that is no key (every paint, timer and mouse move passes through it, with
  minus without it), target ≤ 10 µs;
- the latency of a person's key: from the press until the character is in the field (the recogniser holds
  it for ``max_gap_ms``, 30 ms by default), p95, target ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.scanning.settings import ScannerSettings
from tests.benchmarks.figures import Figure, p95, spread, table
from ui.qt import QApplication, QEvent, QEventLoop, QKeyEvent, QLineEdit, Qt, QTimer
from ui.scanning.recogniser import ScannerRecogniser

KEY_COST_TARGET_US = 500.0  # a quarter of the 2 ms between the fastest scanner's keys
OTHER_EVENT_COST_TARGET_US = 10.0  # a busy window handles a few hundred events a second: well under 1 %
TYPING_LATENCY_TARGET_MS = 50.0


def _keys(window: object, count: int) -> float:
    """Seconds to send *count* digit presses and releases to *window*."""
    started = time.perf_counter()
    for number in range(count):
        digit = str(number % 10)
        key = getattr(Qt.Key, f"Key_{digit}")
        QApplication.sendEvent(
            window, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, digit)
        )
        QApplication.sendEvent(
            window, QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier, digit)
        )
    return time.perf_counter() - started


def _enter(window: object) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            window, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        )


def _other_events(target: QLineEdit, count: int) -> float:
    started = time.perf_counter()
    for _ in range(count):
        QApplication.sendEvent(target, QEvent(QEvent.Type.User))
    return time.perf_counter() - started


def figures(data_dir: Path | None = None, *, bursts: int = 100, typed: int = 100) -> list[Figure]:
    if QApplication.instance() is None:
        QApplication([])
    field = QLineEdit()
    field.show()
    field.setFocus()
    window = field.windowHandle()
    assert window is not None
    length = 14  # a GTIN with its application identifier's digits

    def bursts_seconds() -> float:
        total = 0.0
        for _ in range(bursts):
            total += _keys(window, length)
            _enter(window)
            field.clear()
        return total

    without = bursts_seconds()
    recogniser = ScannerRecogniser(ScannerSettings(double_trigger_ms=0))
    differences = []  # with minus without, in rounds taken in turn (the machine's load changes)
    for _ in range(7):
        plain = _other_events(field, 20_000)
        recogniser.install()
        filtered = _other_events(field, 20_000)
        recogniser.uninstall()
        differences.append((filtered - plain) / 20_000 * 1e6)
    other_cost_us = statistics.median(differences)
    recogniser.install()
    scanned: list[str] = []
    recogniser.sig_scanned.connect(scanned.append)
    with_filter = bursts_seconds()
    assert len(scanned) == bursts and field.text() == "", "every burst should have been read as a scan"
    key_cost_us = with_filter / (bursts * length) * 1e6
    plain_key_us = without / (bursts * length) * 1e6

    latencies: list[float] = []
    loop = QEventLoop()
    arrived: list[float] = []

    def landed(_text: str) -> None:
        if field.text():
            arrived.append(time.perf_counter())
            loop.quit()

    field.textChanged.connect(landed)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    for number in range(typed):
        field.clear()
        arrived.clear()
        digit = str(number % 10)
        key = getattr(Qt.Key, f"Key_{digit}")
        pressed = time.perf_counter()
        QApplication.sendEvent(
            window, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, digit)
        )
        if not arrived:
            guard.start(2000)
            loop.exec()
            guard.stop()
        if not arrived:
            raise RuntimeError("a typed key never reached its field")
        latencies.append((arrived[0] - pressed) * 1000)
        QApplication.sendEvent(
            window, QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier, digit)
        )
    recogniser.uninstall()
    field.close()
    return [
        Figure(
            "scanner recogniser: a burst key, press and release",
            KEY_COST_TARGET_US,
            key_cost_us,
            "µs",
            f"{bursts} bursts of {length} keys; the same key typed into a field without it: {plain_key_us:.0f} µs",
        ),
        Figure(
            "scanner recogniser: filter cost per other event",
            OTHER_EVENT_COST_TARGET_US,
            other_cost_us,
            "µs",
            "median of 7 rounds of 20 000 events that are no key, "
            + " ".join(f"{d:.1f}" for d in differences),
        ),
        Figure(
            "scanner recogniser: a typed key to its field (p95)",
            TYPING_LATENCY_TARGET_MS,
            p95(latencies),
            "ms",
            spread(latencies),
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path, nargs="?")
    arguments = parser.parse_args()
    print(table(figures(arguments.data_dir)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
