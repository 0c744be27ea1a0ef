"""A handheld scanner and a person at the keyboard for GUI tests of the real window: key events sent to the
window in front, through the program's recogniser, their gaps given to its clock (``tests/gui/keyboard``)."""

from __future__ import annotations

import random

from tests.gui.keyboard import Clock, Keyboard, person_gaps
from ui.main_window import MainWindow
from ui.qt import QApplication, Qt, QWidget
from ui.scanning.router import Routed

GS = "\x1d"


def keyboard(window: MainWindow) -> Keyboard:
    """The keyboard of the window in front (a dialog of its own while one is active), the recogniser's
    clock moved by the test."""
    clock = window.scanner.clock
    if not isinstance(clock, Clock):
        clock = window.scanner.clock = Clock()
    tops = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isActiveWindow()]
    front: QWidget = tops[0] if tops else window
    handle = front.windowHandle()
    assert handle is not None
    return Keyboard(window.scanner, clock, handle)


def scan(qtbot, window: MainWindow, text: str, *, seed: int = 1) -> Routed:  # type: ignore[no-untyped-def]
    """*text* as a handheld scanner sends it where the clerk is (2–20 ms a key, a GS as ASCII 29, then
    Enter, a second after the last scan); returns what became of it once the router settled it."""
    keys = keyboard(window)
    rng = random.Random(seed)
    keys.clock.now += 1000.0  # the clerk reaches for the next box
    with qtbot.wait_signal(window.scan_router.sig_routed, timeout=10000) as routed:
        for character in text:
            gap = rng.uniform(2.0, 20.0)
            if character == GS:
                keys.gs_ascii(gap)
            else:
                keys.character(character, gap)
        keys.click(Qt.Key.Key_Return, text="\r", after_ms=rng.uniform(2.0, 20.0))
    result: Routed = routed.args[0]
    return result


def type_like_a_person(qtbot, window: MainWindow, text: str, *, enter: bool = False, seed: int = 1) -> None:  # type: ignore[no-untyped-def]
    """*text* typed where the clerk is at a person's pace (40–250 ms a key), then Enter when *enter*."""
    keys = keyboard(window)
    gaps = person_gaps(random.Random(seed), len(text))
    keys.clock.now += 1000.0
    keys.type(text, gaps)
    keys.wait_delivered(qtbot)
    if enter:
        keys.click(Qt.Key.Key_Return, text="\r", after_ms=300.0)
