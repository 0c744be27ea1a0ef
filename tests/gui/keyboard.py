"""A keyboard for the scanner tests: real QKeyEvents sent to a window through QApplication, with the time
between them given to the recogniser's clock (fast and deterministic: nothing waits for real time but the
recogniser's own timer, which asks the same clock)."""

from __future__ import annotations

import random

from ui.qt import QApplication, QEvent, QKeyEvent, QObject, Qt
from ui.scanning.recogniser import ScannerRecogniser

NO = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
KEYPAD = Qt.KeyboardModifier.KeypadModifier

_PUNCTUATION = {
    " ": Qt.Key.Key_Space,
    "-": Qt.Key.Key_Minus,
    "+": Qt.Key.Key_Plus,
    ".": Qt.Key.Key_Period,
    "(": Qt.Key.Key_ParenLeft,
    ")": Qt.Key.Key_ParenRight,
    "/": Qt.Key.Key_Slash,
    ":": Qt.Key.Key_Colon,
    "@": Qt.Key.Key_At,
    "{": Qt.Key.Key_BraceLeft,
    "}": Qt.Key.Key_BraceRight,
    "]": Qt.Key.Key_BracketRight,
    "ö": Qt.Key.Key_Odiaeresis,
    "å": Qt.Key.Key_Aring,
    "ä": Qt.Key.Key_Adiaeresis,
}


class Clock:
    """Milliseconds, moved by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def key_of(character: str) -> tuple[int, Qt.KeyboardModifier]:
    if character in _PUNCTUATION:
        return _PUNCTUATION[character], NO
    if character.isalpha() and character.isascii():
        return getattr(Qt.Key, f"Key_{character.upper()}"), SHIFT if character.isupper() else NO
    if character.isdigit():
        return getattr(Qt.Key, f"Key_{character}"), NO
    raise ValueError(character)


class Keyboard:
    """Presses keys on *target* (a widget's window) as a scanner or a person would."""

    def __init__(self, recogniser: ScannerRecogniser, clock: Clock, target: QObject) -> None:
        self.recogniser = recogniser
        self.clock = clock
        self.target = target

    def send(
        self,
        kind: QEvent.Type,
        key: int,
        modifiers: Qt.KeyboardModifier = NO,
        text: str = "",
        *,
        after_ms: float = 0.0,
        auto_repeat: bool = False,
    ) -> bool:
        """One key event after *after_ms*; True when the recogniser (or a widget) took it."""
        self.clock.now += after_ms
        event = QKeyEvent(kind, key, modifiers, text, auto_repeat)
        return QApplication.sendEvent(self.target, event)

    def press(
        self, key: int, modifiers: Qt.KeyboardModifier = NO, text: str = "", after_ms: float = 0.0
    ) -> None:
        self.send(QEvent.Type.ShortcutOverride, key, modifiers, text, after_ms=after_ms)
        self.send(QEvent.Type.KeyPress, key, modifiers, text)

    def release(
        self, key: int, modifiers: Qt.KeyboardModifier = NO, text: str = "", after_ms: float = 0.0
    ) -> None:
        self.send(QEvent.Type.KeyRelease, key, modifiers, text, after_ms=after_ms)

    def click(
        self, key: int, modifiers: Qt.KeyboardModifier = NO, text: str = "", after_ms: float = 0.0
    ) -> None:
        """A press and, 1 ms later, its release (the scanner's and most people's way)."""
        self.press(key, modifiers, text, after_ms)
        self.release(key, modifiers, text, after_ms=min(1.0, after_ms))

    def character(self, character: str, after_ms: float = 0.0) -> None:
        key, modifiers = key_of(character)
        if modifiers == SHIFT:  # as a scanner types a capital: Shift down, the key, Shift up
            self.press(Qt.Key.Key_Shift, SHIFT, after_ms=after_ms)
            self.click(key, SHIFT, character)
            self.release(Qt.Key.Key_Shift, NO)
            return
        self.click(key, modifiers, character, after_ms)

    def type(self, text: str, gaps_ms: list[float]) -> None:
        """*text*, each character *gaps_ms[i]* after the one before it (the first after gaps_ms[0])."""
        for character, gap in zip(text, gaps_ms, strict=True):
            self.character(character, gap)

    def scan(
        self, text: str, *, gap_ms: float = 4.0, suffix: str = "enter", rng: random.Random | None = None
    ) -> None:
        """A scanner's burst: *gap_ms* a character (2–20 ms with *rng*), then the suffix."""
        gaps = [gap_ms if rng is None else rng.uniform(2.0, 20.0) for _ in text]
        gaps[0] = 500.0  # the clerk pulls the trigger a while after the last key
        self.type(text, gaps)
        if suffix == "enter":
            self.click(Qt.Key.Key_Return, NO, "\r", gap_ms)
        elif suffix == "tab":
            self.click(Qt.Key.Key_Tab, NO, "\t", gap_ms)

    def gs_ascii(self, after_ms: float) -> None:
        """The group separator as a key whose text is ASCII 29 (no key code)."""
        self.click(0, NO, "\x1d", after_ms)

    def gs_ctrl_bracket(self, after_ms: float, text: str = "") -> None:
        """The group separator as Ctrl+]: Ctrl down, ], Ctrl up (text empty or ASCII 29)."""
        self.press(Qt.Key.Key_Control, CTRL, after_ms=after_ms)
        self.click(Qt.Key.Key_BracketRight, CTRL, text, 1.0)
        self.release(Qt.Key.Key_Control, NO, after_ms=1.0)

    def gs_alt_code(self, after_ms: float, *, composed: bool = False, digit_text: bool = True) -> None:
        """The group separator as Alt+0,2,9 on the numeric keypad (Windows' Alt code), Alt released last;
        with *composed*, the character Windows composes arrives after it as well."""
        self.press(Qt.Key.Key_Alt, ALT, after_ms=after_ms)
        for digit in "029":
            self.click(getattr(Qt.Key, f"Key_{digit}"), ALT | KEYPAD, digit if digit_text else "", 2.0)
        self.release(Qt.Key.Key_Alt, NO, after_ms=2.0)
        if composed:
            self.click(0, NO, "\x1d", 1.0)

    def wait_delivered(self, qtbot, ms: float = 1000.0) -> None:  # type: ignore[no-untyped-def]
        """Let *ms* pass on the clock, then until the recogniser holds nothing (its timer asks the clock)."""
        self.clock.now += ms
        qtbot.waitUntil(lambda: not self.recogniser.holding, timeout=5000)


def person_gaps(rng: random.Random, count: int, low: float = 40.0, high: float = 250.0) -> list[float]:
    """A person's gaps between key presses: *low*–*high* ms."""
    return [rng.uniform(low, high) for _ in range(count)]


def fast_typist_gaps(rng: random.Random, count: int) -> list[float]:
    """A very fast typist: a pace of 40–60 ms a key, each gap ±20 % about it."""
    pace = rng.uniform(40.0, 60.0)
    return [pace * rng.uniform(0.8, 1.2) for _ in range(count)]
