"""One recogniser for the whole window: tells a handheld (keyboard-wedge) scanner's burst from a person typing.

A keyboard-wedge scanner types what it reads as key presses, much faster than a person, and usually ends
with Enter (or Tab). The recogniser is an application-wide event filter (installed once on the
QApplication, as qutebrowser routes every key in one place). It reads each key event once, where the
window system delivers it (at the window, before any widget sees it):

- A *run* is a row of printable characters whose key presses follow each other within
  ``max_gap_ms``. A run of at least ``min_length`` characters that ends with Enter/Return or Tab (within
  ``pause_ms`` of its last key), or with a pause of ``pause_ms``, is a *burst*: ``sig_scanned`` carries its
  text (suffix removed, every form of the GS1 group separator as ``"\\x1d"``), and none of its keys
  reaches a widget (its Enter/Tab neither). The same text again within ``double_trigger_ms`` is a double
  trigger and is dropped.
- Hold and replay: while a run may still become a burst, its key events (presses and releases) are
  held. As soon as it cannot (a gap above ``max_gap_ms``, or it ends shorter than ``min_length``), the
  held events are sent, in order and unchanged, to the widget that had the focus when they were typed;
  the key that ended the run follows them. Typing is never lost, reordered or doubled; a person's key
  lands at most ``max_gap_ms`` (plus a timer's latency) later.
- Keys a person presses for what they do, not what they type, pass at once and are never held:
  shortcuts (Ctrl+1, Alt+2, F3, Esc), arrows, Backspace, Delete, dead keys and input-method text,
  auto-repeat (a key held down), and AltGr characters (@ { } on a Swedish keyboard) unless they continue
  a run already under way. Such a key first delivers a held run, so it never overtakes it. A modifier
  press alone (Shift, Alt) never breaks a run: within a run it is held with it.
- The GS1 group separator arrives in three forms, all read as ``"\\x1d"``: a key whose text is ASCII 29,
  Ctrl+] (``Key_BracketRight`` with Control, whatever its text), and Alt+0,2,9 typed on the numeric
  keypad with Alt held (the code is taken when Alt is released; the composed character that Windows
  may deliver after it is not read twice).

The thresholds (``app/scanning/settings.py``, File → Scanner settings…) come from these measurements:

- People. Dhakal, Feit, Kristensson and Oulasvirta, "Observations on Typing from 136 Million
  Keystrokes", CHI 2018 (168 000 volunteers): on average 52 words a minute, about 230 ms between key
  presses; the fastest typists about 120 words a minute, about 100 ms a key. The fastest typists
  overlap keys (rollover), so single press-to-press gaps of a few tens of milliseconds occur, but not in
  rows. The fastest typing ever recorded (about 212–216 words a minute) is 55–57 ms a key. A person is
  therefore never expected to press ``min_length`` − 1 keys in a row each within 30 ms; the tests put a
  fast typist at 40–60 ms a key with ±20 % jitter, and a rollover typist whose every other gap is 15 ms.
- Scanners. Datalogic's keyboard-wedge "intercharacter delay" is 0–990 ms in 10 ms steps, 0 meaning no
  delay (Gryphon, Heron, PowerScan reference guides); Honeywell's inter-scan-code delay defaults to
  800 µs and can be set to 1–30 ms (Voyager 1202g) or 7.5/15 ms (MS9540); with USB full-speed polling
  (1 ms) a character's press and release take 2 ms or more. A scanner left at its defaults types a
  character every 2–10 ms; one slowed down for an old host up to about 20 ms.
- So ``max_gap_ms`` = 30 (above a slowed scanner's 20 ms with room for the event loop's jitter, below
  the fastest person's 40 ms), ``min_length`` = 6 (the shortest code routed, a 6-digit article number,
  gives five gaps in a row), ``pause_ms`` = 100 (a scanner sends its suffix at its character rate; 100
  ms keeps a scanner without a suffix quick), ``double_trigger_ms`` = 800 (a trigger pulled twice, or a
  presentation-mode scanner reading the same label again, repeats within well under a second).

Time is read when the event is processed (``time.perf_counter``), not from the event's timestamp:
Windows stamps key messages with a tick count of 10–16 ms resolution, too coarse for 2–20 ms gaps. The
clock can be given (tests drive time by it).
"""

from __future__ import annotations

import enum
import math
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import shiboken6

from app.scanning.settings import ScannerSettings
from ui.qt import QApplication, QEvent, QKeyEvent, QObject, Qt, QTimer, QWindow, Signal

GS = "\x1d"

_KEY_EVENTS = frozenset((QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride))
# Keys and modifiers as plain numbers: enum flag arithmetic costs microseconds, and every key passes here.
_MODIFIER_KEYS = frozenset(
    key.value
    for key in (
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
        Qt.Key.Key_Mode_switch,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
    )
)
_KEYPAD_DIGITS = {getattr(Qt.Key, f"Key_{digit}").value: str(digit) for digit in range(10)}
_RETURN_KEYS = frozenset((Qt.Key.Key_Return.value, Qt.Key.Key_Enter.value))
_TAB_KEY = Qt.Key.Key_Tab.value
_BRACKET_RIGHT = Qt.Key.Key_BracketRight.value
_ALT_KEYS = frozenset((Qt.Key.Key_Alt.value, Qt.Key.Key_AltGr.value))
_SHIFT = Qt.KeyboardModifier.ShiftModifier.value
_CONTROL = Qt.KeyboardModifier.ControlModifier.value
_ALT = Qt.KeyboardModifier.AltModifier.value
_META = Qt.KeyboardModifier.MetaModifier.value
_KEYPAD = Qt.KeyboardModifier.KeypadModifier.value
_ALTGR = Qt.KeyboardModifier.GroupSwitchModifier.value


class Stroke(enum.Enum):
    """What one key press means to the recogniser."""

    CHAR = "char"  # a printable character, Shift or the keypad at most
    ALTGR_CHAR = "altgr"  # a printable character typed with AltGr (Ctrl+Alt on Windows)
    GS = "gs"  # the group separator: text ASCII 29 or Ctrl+]
    ALT_DIGIT = "alt_digit"  # a keypad digit with Alt held: part of an Alt code (Alt+029)
    MODIFIER = "modifier"  # Shift, Ctrl, Alt, AltGr … alone
    ENTER = "enter"  # Enter/Return: a burst's suffix
    TAB = "tab"  # Tab: a burst's suffix
    OTHER = "other"  # a shortcut, a function or movement key, a dead key, auto-repeat: passes at once


class GsForm(enum.Enum):
    """How the group separator came."""

    ASCII_29 = "ascii29"
    CTRL_BRACKET = "ctrl]"
    ALT_CODE = "alt029"


class Suffix(enum.Enum):
    """What ended a burst."""

    ENTER = "enter"
    TAB = "tab"
    NONE = "none"  # a pause


def classify(key: int, modifiers: Qt.KeyboardModifier, text: str, auto_repeat: bool = False) -> Stroke:
    """What the key press (*key*, *modifiers*, *text*) means to the recogniser."""
    key = int(key)
    if key in _MODIFIER_KEYS:
        return Stroke.MODIFIER
    if auto_repeat:
        return Stroke.OTHER
    held = modifiers.value
    if text == GS or (key == _BRACKET_RIGHT and held & _CONTROL and not held & _ALT):
        return Stroke.GS
    keypad = held & _KEYPAD
    held &= ~(_SHIFT | _KEYPAD)
    if keypad and held == _ALT and key in _KEYPAD_DIGITS:
        return Stroke.ALT_DIGIT
    if key in _RETURN_KEYS and not held:
        return Stroke.ENTER
    if key == _TAB_KEY and not modifiers.value:  # Shift+Tab goes back a field: a person's key
        return Stroke.TAB
    if len(text) == 1 and text.isprintable():
        if not held:
            return Stroke.CHAR
        if held & _ALTGR or (held & _CONTROL and held & _ALT and not held & _META):
            return Stroke.ALTGR_CHAR
    return Stroke.OTHER


def gs_form(key: int, text: str) -> GsForm:
    return GsForm.CTRL_BRACKET if int(key) == _BRACKET_RIGHT else GsForm.ASCII_29


def alt_code_character(digits: str) -> str:
    """The character Windows composes for Alt+*digits* on the keypad: a leading 0 takes the ANSI code page
    (1252), otherwise the OEM one (437); both are ASCII below 128 (Alt+029 is GS)."""
    number = int(digits) % 256
    if number < 128:
        return chr(number)
    return bytes([number]).decode("cp1252" if digits.startswith("0") else "cp437", errors="replace")


def _milliseconds() -> float:
    return time.perf_counter() * 1000.0


@dataclass
class _Held:
    """A key event kept back while its run may still be a burst, and where it goes if it is not."""

    event: QKeyEvent
    target: QObject


@dataclass
class _Run:
    last: float  # when the run's last key was pressed
    held: list[_Held] = field(default_factory=list)
    characters: list[str] = field(default_factory=list)
    held_keys: set[int] = field(default_factory=set)  # keys pressed in the run and not yet released
    alt_digits: str = ""
    composed: str = ""  # the character an Alt code gave: Windows may deliver it once more


class ScannerRecogniser(QObject):
    """Installed once on the QApplication (by MainWindow): emits each scanner burst, lets typing through."""

    sig_scanned = Signal(str)  # one burst's text: suffix removed, every GS form as "\x1d"

    def __init__(
        self,
        settings: ScannerSettings,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings.checked()
        self.clock: Callable[[], float] = clock or _milliseconds  # milliseconds; tests give their own
        self._run: _Run | None = None
        self._swallowed_keys: set[int] = set()  # a burst's keys whose release is still to come
        self._last_scan: tuple[str, float] | None = None
        self._replaying = False
        self._raw_target: QObject | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._pause)

    # -- settings ----------------------------------------------------------------------------------

    @property
    def settings(self) -> ScannerSettings:
        return self._settings

    def set_settings(self, settings: ScannerSettings) -> None:
        """Use *settings* from the next key on (a run under way is delivered as typing first)."""
        self._deliver_run()
        self._settings = settings.checked()

    def set_raw_target(self, target: QObject | None) -> None:
        """Let every key meant for *target* through untouched (the settings dialog's "Test your scanner")."""
        self._deliver_run()
        self._raw_target = target

    def install(self) -> None:
        """Read every key of the program (an application-wide event filter)."""
        application = QApplication.instance()
        assert application is not None
        application.installEventFilter(self)

    def uninstall(self) -> None:
        """Stop reading keys (the window closes); a run under way is delivered first."""
        self._deliver_run()
        application = QApplication.instance()
        if application is not None:
            application.removeEventFilter(self)

    @property
    def holding(self) -> bool:
        """Whether key events are being held back (a run under way)."""
        return self._run is not None

    # -- the filter --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.InputMethod:
            if self._run is not None and not self._replaying:
                self._deliver_run()  # text an input method composed comes after what was typed before it
            return False
        if kind not in _KEY_EVENTS or self._replaying or not self._settings.enabled:
            return False
        if not watched.isWindowType():
            return False  # read once, where the window system delivers it, before any widget
        assert isinstance(event, QKeyEvent)
        if kind == QEvent.Type.KeyPress:
            return self._press(watched, event)
        if kind == QEvent.Type.KeyRelease:
            return self._release(watched, event)
        return self._shortcut_override(event)

    @staticmethod
    def _target(window: QObject) -> QObject:
        """The widget a key sent to *window* goes to: its focus widget, as QWidgetWindow routes it (a popup's
        focus widget while one is open). Not through ``QApplication.focusWidget()`` or
        ``activePopupWidget()``: with PySide 6.12 on Python 3.11 every call that returns None (a method
        returning nothing, or one finding nothing) takes a reference to None that it never gave, and a few
        thousand such calls later the interpreter aborts ("deallocating None"); the key path makes none."""
        focus = window.focusObject() if isinstance(window, QWindow) else None
        return focus if focus is not None else window

    def _continues(self, stroke: Stroke, now: float) -> bool:
        """Whether a key press of *stroke* now may belong to the run under way."""
        run = self._run
        if run is None:
            return False
        gap = now - run.last
        if stroke in (Stroke.ENTER, Stroke.TAB):
            return len(run.characters) >= self._settings.min_length and gap <= self._settings.pause_ms
        return gap <= self._settings.max_gap_ms

    def _shortcut_override(self, event: QKeyEvent) -> bool:
        """Before a key press, Qt asks whether it is a shortcut: a key of a run under way is none (Alt+2 on
        the keypad inside Alt+029 must not switch lists); any other key first delivers the run."""
        if self._run is None:
            return False
        stroke = classify(event.key(), event.modifiers(), event.text(), event.isAutoRepeat())
        if stroke == Stroke.MODIFIER:
            return False
        if stroke == Stroke.CHAR and self._continues(stroke, self.clock()):
            return False  # the key press follows and is held; a plain character is nobody's shortcut
        if stroke != Stroke.OTHER and self._continues(stroke, self.clock()):
            event.accept()
            return True
        self._end_run(Suffix.NONE)  # before the shortcut acts, what was typed is where it was typed
        return False

    def _press(self, window: QObject, event: QKeyEvent) -> bool:
        now = self.clock()
        target = self._target(window)
        if target is self._raw_target and self._raw_target is not None:
            self._deliver_run()
            return False
        stroke = classify(event.key(), event.modifiers(), event.text(), event.isAutoRepeat())
        run = self._run
        if run is not None and not self._continues(stroke, now):
            self._end_run(Suffix.NONE)
            run = None
        if stroke in (Stroke.ENTER, Stroke.TAB):
            if run is None:
                return False
            suffix = Suffix.ENTER if stroke == Stroke.ENTER else Suffix.TAB
            if len(run.characters) >= self._settings.min_length:
                self._swallowed_keys.add(event.key())
                self._end_run(suffix)
                return True
            self._end_run(suffix)  # too short: typing, delivered before this key
            return False
        if stroke == Stroke.MODIFIER:
            if run is None:
                return False
            self._hold(run, event, target, now)
            return True
        composed = ""
        if run is not None:
            composed, run.composed = run.composed, ""  # only the very next key may repeat an Alt code
        if stroke in (Stroke.ALT_DIGIT, Stroke.ALTGR_CHAR) or (
            stroke == Stroke.GS and event.key() == _BRACKET_RIGHT
        ):
            if run is None:
                return False  # a shortcut or a character typed on its own: at once
            if stroke == Stroke.ALT_DIGIT:
                run.alt_digits += _KEYPAD_DIGITS[int(event.key())]
            else:
                self._add_character(run, GS if stroke == Stroke.GS else event.text())
            self._hold(run, event, target, now)
            return True
        if stroke in (Stroke.CHAR, Stroke.GS):
            if run is None:
                run = self._run = _Run(last=now)
            if not composed or event.text() != composed:  # not Windows' own character for an Alt code
                self._add_character(run, event.text())
            self._hold(run, event, target, now)
            return True
        # Stroke.OTHER: a shortcut, movement or editing key, a dead key, auto-repeat.
        self._deliver_run()
        return False

    def _release(self, window: QObject, event: QKeyEvent) -> bool:
        key = event.key()
        if key in self._swallowed_keys:
            self._swallowed_keys.discard(key)
            return True
        run = self._run
        if run is None or key not in run.held_keys:
            return False
        run.held_keys.discard(key)
        if key in _ALT_KEYS and run.alt_digits:
            character = alt_code_character(run.alt_digits)
            run.alt_digits = ""
            self._add_character(run, character)
            run.composed = character
        run.held.append(_Held(event.clone(), self._target(window)))
        return True

    def _add_character(self, run: _Run, character: str) -> None:
        run.characters.append(character)

    def _hold(self, run: _Run, event: QKeyEvent, target: QObject, now: float) -> None:
        run.held.append(_Held(event.clone(), target))
        run.held_keys.add(event.key())
        run.last = now
        self._arm(run)

    def _arm(self, run: _Run) -> None:
        """Have the timer fire when the run's wait is over. A timer already due sooner is left as it is (it
        asks the clock when it fires): the key path makes no call that returns nothing, for PySide 6.12
        on Python 3.11 takes a reference to None at each such call (see ``_target``)."""
        wait = max(1, math.ceil(self._wait(run) - (self.clock() - run.last)))
        if not self._timer.isActive() or self._timer.remainingTime() > wait:
            self._timer.start(wait)

    def _wait(self, run: _Run) -> float:
        if len(run.characters) >= self._settings.min_length:
            return self._settings.pause_ms
        return self._settings.max_gap_ms

    def _pause(self) -> None:
        """No key for a while: a long enough run is a burst without a suffix, a shorter one is typing."""
        run = self._run
        if run is None:
            return
        if self.clock() - run.last < self._wait(run):
            self._arm(run)  # the clock says not yet (a timer may fire early; tests drive the clock)
            return
        self._end_run(Suffix.NONE)

    # -- the end of a run --------------------------------------------------------------------------

    def _end_run(self, suffix: Suffix) -> None:
        run = self._run
        if run is None:
            return
        if len(run.characters) < self._settings.min_length or run.alt_digits:
            self._deliver_run()
            return
        self._run = None  # the timer, if still due, finds no run
        self._swallowed_keys |= run.held_keys
        text = "".join(run.characters)
        now = self.clock()
        last = self._last_scan
        self._last_scan = (text, now)
        if last is not None and last[0] == text and now - last[1] <= self._settings.double_trigger_ms:
            return
        self.sig_scanned.emit(text)

    def _deliver_run(self) -> None:
        """The run is typing: its key events go, in order and unchanged, where they were typed."""
        run, self._run = self._run, None  # the timer, if still due, finds no run
        if run is None:
            return
        self._replaying = True
        try:
            for held in run.held:
                if shiboken6.isValid(held.target):
                    QApplication.sendEvent(held.target, held.event)
        finally:
            self._replaying = False


# -- what the settings dialog shows of a scanner's keys ------------------------------------------------


@dataclass(frozen=True)
class KeyStroke:
    """One key event as the "Test your scanner" field saw it."""

    at_ms: float
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    auto_repeat: bool = False
    release: bool = False


@dataclass(frozen=True)
class ScanReport:
    """What a scanner sent, read as the recogniser reads it."""

    text: str  # with "\x1d" for every GS form
    suffix: Suffix
    gs_forms: tuple[GsForm, ...]  # in the order they came
    gaps_ms: tuple[float, ...]  # between consecutive key presses (modifiers and Alt-code digits too)
    suffix_gap_ms: float  # from the last key before the suffix to it
    characters: int
    recognised: bool  # whether the recogniser would take it for a scan with the settings given
    too_slow: bool  # a gap above the largest allowed (or the suffix after the pause)
    too_short: bool  # fewer characters than the fewest allowed
    other_keys: bool  # a key that is no character (a shortcut, an arrow): not a scan

    @property
    def gap_min(self) -> float:
        return min(self.gaps_ms, default=0.0)

    @property
    def gap_median(self) -> float:
        return statistics.median(self.gaps_ms) if self.gaps_ms else 0.0

    @property
    def gap_max(self) -> float:
        return max(self.gaps_ms, default=0.0)


def read_strokes(strokes: Sequence[KeyStroke], settings: ScannerSettings) -> ScanReport:
    """What the key events of one scan (up to its Enter or Tab, or all of them) were, and whether *settings*
    would take them for a scan, as ``ScannerRecogniser`` reads them."""
    settings = settings.checked()
    characters: list[str] = []
    forms: list[GsForm] = []
    gaps: list[float] = []
    suffix = Suffix.NONE
    suffix_gap = 0.0
    alt_digits = ""
    composed = ""
    other = False
    previous: float | None = None
    for stroke in strokes:
        if stroke.release:
            if int(stroke.key) in _ALT_KEYS and alt_digits:
                composed = alt_code_character(alt_digits)
                alt_digits = ""
                characters.append(composed)
                if composed == GS:
                    forms.append(GsForm.ALT_CODE)
            continue
        kind = classify(stroke.key, stroke.modifiers, stroke.text, stroke.auto_repeat)
        gap = None if previous is None else stroke.at_ms - previous
        previous = stroke.at_ms
        if kind in (Stroke.ENTER, Stroke.TAB):
            suffix = Suffix.ENTER if kind == Stroke.ENTER else Suffix.TAB
            suffix_gap = gap or 0.0
            break
        if gap is not None:
            gaps.append(gap)
        if composed and kind in (Stroke.CHAR, Stroke.GS) and stroke.text == composed:
            composed = ""  # Windows' own character for the Alt code just read: not twice
        elif kind == Stroke.ALT_DIGIT:
            alt_digits += _KEYPAD_DIGITS[int(stroke.key)]
        elif kind == Stroke.GS:
            characters.append(GS)
            forms.append(gs_form(stroke.key, stroke.text))
            composed = ""
        elif kind in (Stroke.CHAR, Stroke.ALTGR_CHAR):
            characters.append(stroke.text)
            composed = ""
        elif kind == Stroke.OTHER:
            other = True
    too_slow = any(gap > settings.max_gap_ms for gap in gaps) or suffix_gap > settings.pause_ms
    too_short = len(characters) < settings.min_length
    return ScanReport(
        text="".join(characters),
        suffix=suffix,
        gs_forms=tuple(forms),
        gaps_ms=tuple(gaps),
        suffix_gap_ms=suffix_gap,
        characters=len(characters),
        recognised=settings.enabled and not (too_slow or too_short or other),
        too_slow=too_slow,
        too_short=too_short,
        other_keys=other,
    )
