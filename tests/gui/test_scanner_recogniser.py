"""The handheld scanner's recogniser: real key events through QApplication with scanner and human timings.

A scanner types at 2–20 ms a key, people at 40–250 ms, a very fast typist at 40–60 ms with jitter. The
recogniser's clock is the test's (``tests/gui/keyboard.py``), so every gap is exact and nothing waits for
real time but the recogniser's own timer.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from app.scanning.settings import ScannerSettings
from tests.gui.keyboard import ALT, CTRL, KEYPAD, NO, Clock, Keyboard, fast_typist_gaps, person_gaps
from ui.main_window import MainWindow
from ui.qt import QEvent, QLineEdit, Qt, QTest, QVBoxLayout, QWidget
from ui.scanning.recogniser import ScannerRecogniser, Stroke, alt_code_character, classify

pytestmark = pytest.mark.gui

UDI = "0107391234567890" + "\x1d" + "21HB0123" + "\x1d" + "17271231"


class Page(QWidget):
    """Two fields in a window, as any page of the program."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.first = QLineEdit()
        self.second = QLineEdit()
        layout.addWidget(self.first)
        layout.addWidget(self.second)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def page(qtbot) -> Page:  # type: ignore[no-untyped-def]
    widget = Page()
    qtbot.add_widget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.first.setFocus()
    return widget


@pytest.fixture
def recogniser(clock: Clock) -> Iterator[ScannerRecogniser]:
    scanner = ScannerRecogniser(ScannerSettings(), clock=clock)
    scanner.install()
    yield scanner
    scanner.uninstall()


@pytest.fixture
def keyboard(recogniser: ScannerRecogniser, clock: Clock, page: Page) -> Keyboard:
    window = page.windowHandle()
    assert window is not None
    return Keyboard(recogniser, clock, window)


@pytest.fixture
def scans(recogniser: ScannerRecogniser) -> list[str]:
    seen: list[str] = []
    recogniser.sig_scanned.connect(seen.append)
    return seen


# -- bursts ---------------------------------------------------------------------------------------------


def test_a_burst_is_emitted_once_and_lands_in_no_field(qtbot, page: Page, keyboard: Keyboard, scans) -> None:  # type: ignore[no-untyped-def]
    page.first.setText("Nilsson")
    keyboard.scan("07391234567890", rng=random.Random(1))
    keyboard.wait_delivered(qtbot)
    assert scans == ["07391234567890"]
    assert page.first.text() == "Nilsson"  # the field keeps what it had; not a key of the burst in it
    assert page.first.hasFocus()


def test_scanner_timings_from_2_to_20_ms_are_all_bursts(qtbot, page: Page, keyboard: Keyboard, scans) -> None:  # type: ignore[no-untyped-def]
    codes = [f"{n:08d}" for n in range(24010001, 24010011)]
    for gap in (2.0, 5.0, 10.0, 15.0, 20.0):
        for code in codes:
            keyboard.scan(code, gap_ms=gap)
            keyboard.clock.now += 1000  # beyond the double-trigger window
    keyboard.wait_delivered(qtbot)
    assert scans == codes * 5
    assert page.first.text() == ""


def test_capitals_with_shift_presses_are_one_burst(qtbot, page: Page, keyboard: Keyboard, scans) -> None:  # type: ignore[no-untyped-def]
    """A modifier press alone never breaks a run: the scanner's Shift for each capital belongs to it."""
    keyboard.scan("HB01868881")
    keyboard.wait_delivered(qtbot)
    assert scans == ["HB01868881"]
    assert page.first.text() == ""


def test_suffix_enter_tab_or_a_pause(qtbot, page: Page, keyboard: Keyboard, scans) -> None:  # type: ignore[no-untyped-def]
    keyboard.scan("24010001", suffix="enter")
    keyboard.clock.now += 1000
    keyboard.scan("24010002", suffix="tab")
    keyboard.clock.now += 1000
    keyboard.scan("24010003", suffix="none")
    assert scans == ["24010001", "24010002"]  # the last waits for its pause
    keyboard.wait_delivered(qtbot, ms=101)
    assert scans == ["24010001", "24010002", "24010003"]
    assert page.first.text() == ""
    assert page.first.hasFocus()  # the burst's Tab moved nothing


def test_a_burst_without_suffix_is_not_taken_before_its_pause(
    qtbot, page: Page, keyboard: Keyboard, scans
) -> None:  # type: ignore[no-untyped-def]
    keyboard.scan("24010001", suffix="none")
    keyboard.clock.now += 98  # 99 ms after the last key press (its release came 1 ms after it)
    qtbot.wait(50)
    assert scans == []
    assert keyboard.recogniser.holding
    keyboard.wait_delivered(qtbot, ms=2)
    assert scans == ["24010001"]


def test_all_three_gs_forms_become_ascii_29(qtbot, page: Page, keyboard: Keyboard, scans) -> None:  # type: ignore[no-untyped-def]
    def udi(separator) -> None:  # type: ignore[no-untyped-def]
        keyboard.type("0107391234567890", [500.0] + [3.0] * 15)
        separator(3.0)
        keyboard.type("21HB0123", [3.0] * 8)
        separator(3.0)
        keyboard.type("17271231", [3.0] * 8)
        keyboard.click(Qt.Key.Key_Return, NO, "\r", 3.0)
        keyboard.clock.now += 1000

    udi(keyboard.gs_ascii)
    udi(keyboard.gs_ctrl_bracket)
    udi(lambda after: keyboard.gs_ctrl_bracket(after, text="\x1d"))
    udi(keyboard.gs_alt_code)
    udi(lambda after: keyboard.gs_alt_code(after, composed=True))  # Windows' composed character: not twice
    udi(lambda after: keyboard.gs_alt_code(after, digit_text=False))
    separators = iter((keyboard.gs_alt_code, keyboard.gs_ascii))  # an Alt code, later a GS of ASCII 29
    udi(lambda after: next(separators)(after))
    keyboard.wait_delivered(qtbot)
    assert scans == [UDI] * 7
    assert page.first.text() == ""


def test_alt_with_a_keypad_digit_inside_a_burst_triggers_no_alt_shortcut(
    qtbot, page: Page, scans, recogniser
) -> None:  # type: ignore[no-untyped-def]
    """Alt+2 is a shortcut (the patient record's lists): on its own it works at once; inside a burst the
    keypad's Alt+digit is part of an Alt code (Alt+029), and Qt's shortcut map does not get it."""
    from ui.qt import QKeySequence, QShortcut

    fired: list[bool] = []
    QShortcut(QKeySequence("Alt+2"), page, lambda: fired.append(True))
    window = page.windowHandle()
    recogniser.clock = lambda: 0.0  # every key at once, as the fastest scanner
    QTest.keyClick(window, Qt.Key.Key_2, ALT | KEYPAD)  # through the window system's path, shortcuts too
    assert fired == [True]
    assert not recogniser.holding
    for character in "0107391234":
        QTest.keyClick(window, character)
    QTest.keyClick(window, Qt.Key.Key_2, ALT | KEYPAD)
    QTest.keyClick(window, Qt.Key.Key_Return)
    assert fired == [True]
    assert scans == ["0107391234\x02"]  # Alt+2 alone is character 2, as Windows composes it
    assert page.first.text() == ""


def test_a_double_trigger_is_taken_once(qtbot, page: Page, keyboard: Keyboard, scans) -> None:  # type: ignore[no-untyped-def]
    keyboard.scan("24010001")
    keyboard.clock.now += 200
    keyboard.scan("24010001")  # the trigger pulled twice: 200 ms + the second burst's gaps later
    keyboard.clock.now += 2000
    keyboard.scan("24010001")  # scanned again on purpose, seconds later
    keyboard.clock.now += 100
    keyboard.scan("24010002")  # another code at once
    keyboard.wait_delivered(qtbot)
    assert scans == ["24010001", "24010001", "24010002"]
    assert page.first.text() == ""


def test_an_altgr_character_inside_a_burst_belongs_to_it(
    qtbot, page: Page, keyboard: Keyboard, scans
) -> None:  # type: ignore[no-untyped-def]
    """A SIP number's @ comes with AltGr on a Swedish keyboard layout (Ctrl+Alt on Windows)."""
    keyboard.type("4711", [500.0, 3.0, 3.0, 3.0])
    keyboard.click(Qt.Key.Key_At, CTRL | ALT, "@", 3.0)
    keyboard.type("sip.se", [3.0] * 6)
    keyboard.click(Qt.Key.Key_Return, NO, "\r", 3.0)
    keyboard.wait_delivered(qtbot)
    assert scans == ["4711@sip.se"]
    assert page.first.text() == ""


def test_the_recogniser_switched_off_lets_a_burst_into_the_field(
    qtbot, page: Page, keyboard: Keyboard, scans
) -> None:  # type: ignore[no-untyped-def]
    keyboard.recogniser.set_settings(ScannerSettings(enabled=False))
    keyboard.scan("24010001", suffix="none")
    assert scans == []
    assert page.first.text() == "24010001"
    assert not keyboard.recogniser.holding


# -- people typing ----------------------------------------------------------------------------------------


def test_typing_lands_exactly_as_typed_and_is_no_scan(qtbot, page: Page, keyboard: Keyboard, scans) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(11)
    text = "Nilsson 19121212-1212 Åsa"
    keyboard.type(text.replace("Å", "å"), person_gaps(rng, len(text)))
    keyboard.wait_delivered(qtbot)
    assert page.first.text() == text.replace("Å", "å")
    assert scans == []


def test_a_thousand_fast_typists_are_never_taken_for_a_scan(
    qtbot, page: Page, keyboard: Keyboard, scans
) -> None:  # type: ignore[no-untyped-def]
    """40–60 ms a key with ±20 % jitter (faster than the fastest typing ever recorded), 6–24 characters."""
    rng = random.Random(20261130)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 -"
    typed_wrong = 0
    for _ in range(1000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(6, 24)))
        page.first.clear()
        gaps = fast_typist_gaps(rng, len(text))
        gaps[0] = 1000.0
        keyboard.type(text, gaps)
        if rng.random() < 0.5:
            keyboard.click(Qt.Key.Key_Return, NO, "\r", fast_typist_gaps(rng, 1)[0])
        keyboard.wait_delivered(qtbot, ms=100)
        typed_wrong += page.first.text() != text
    assert scans == []
    assert typed_wrong == 0


def test_a_rollover_typist_with_short_gaps_is_no_scan(qtbot, page: Page, keyboard: Keyboard, scans) -> None:  # type: ignore[no-untyped-def]
    """Every other gap 15 ms (the next key pressed before the last is released), the rest 90 ms."""
    text = "thethethethethe"
    gaps = [15.0 if i % 2 else 90.0 for i in range(len(text))]
    keyboard.type(text, gaps)
    keyboard.wait_delivered(qtbot)
    assert page.first.text() == text
    assert scans == []


def test_a_key_held_down_repeats_into_the_field(qtbot, page: Page, keyboard: Keyboard, scans) -> None:  # type: ignore[no-untyped-def]
    """Auto-repeat is as fast as a scanner (20–33 ms) but a person's: it passes at once."""
    keyboard.press(Qt.Key.Key_0, NO, "0", after_ms=500)
    for _ in range(20):
        keyboard.send(QEvent.Type.KeyPress, Qt.Key.Key_0, NO, "0", after_ms=20, auto_repeat=True)
    keyboard.release(Qt.Key.Key_0, NO, "0", after_ms=10)
    keyboard.wait_delivered(qtbot)
    assert page.first.text() == "0" * 21
    assert scans == []


def test_shortcut_and_editing_keys_pass_at_once_after_what_was_typed(
    qtbot, page: Page, keyboard: Keyboard, scans
) -> None:  # type: ignore[no-untyped-def]
    keyboard.type("abc", [500.0, 50.0, 10.0])  # "c" came 10 ms after "b": still held
    assert keyboard.recogniser.holding
    keyboard.click(Qt.Key.Key_Backspace, NO, "\b", 40.0)
    assert page.first.text() == "ab"  # at once, and after the held keys, never before them
    assert not keyboard.recogniser.holding
    keyboard.character("d", 300.0)
    keyboard.click(Qt.Key.Key_Left, NO, "", 5.0)
    assert page.first.text() == "abd"
    assert page.first.cursorPosition() == 2
    keyboard.click(Qt.Key.Key_Escape, NO, "\x1b", 5.0)
    keyboard.click(Qt.Key.Key_F3, NO, "", 5.0)
    assert not keyboard.recogniser.holding
    assert scans == []


def test_an_altgr_character_typed_alone_passes_at_once(qtbot, page: Page, keyboard: Keyboard) -> None:  # type: ignore[no-untyped-def]
    for character in "@{}":
        keyboard.click(Qt.Key.Key_At, CTRL | ALT, character, 500.0)
        assert not keyboard.recogniser.holding
    assert page.first.text() == "@{}"


def test_held_keys_go_to_the_field_they_were_typed_in(qtbot, page: Page, keyboard: Keyboard) -> None:  # type: ignore[no-untyped-def]
    keyboard.type("12", [500.0, 5.0])
    page.second.setFocus()  # a click in another field within the 30 ms
    keyboard.type("3", [500.0])
    keyboard.wait_delivered(qtbot)
    assert page.first.text() == "12"
    assert page.second.text() == "3"


def test_settings_apply_at_once(qtbot, page: Page, keyboard: Keyboard, scans) -> None:  # type: ignore[no-untyped-def]
    """A scanner slowed to 40 ms a character is typing with the defaults, a scan with 50 ms allowed."""
    keyboard.scan("24010001", gap_ms=40.0)
    keyboard.wait_delivered(qtbot)
    assert scans == []
    assert page.first.text() == "24010001"
    page.first.clear()
    keyboard.recogniser.set_settings(ScannerSettings(max_gap_ms=50, pause_ms=100))
    keyboard.scan("24010001", gap_ms=40.0)
    keyboard.wait_delivered(qtbot)
    assert scans == ["24010001"]
    assert page.first.text() == ""


def test_what_a_key_press_means() -> None:
    assert classify(Qt.Key.Key_A, NO, "a") == Stroke.CHAR
    assert classify(Qt.Key.Key_1, KEYPAD, "1") == Stroke.CHAR
    assert classify(Qt.Key.Key_2, ALT | KEYPAD, "2") == Stroke.ALT_DIGIT
    assert classify(Qt.Key.Key_2, ALT, "") == Stroke.OTHER  # Alt+2 on the top row: a shortcut
    assert classify(Qt.Key.Key_1, CTRL, "") == Stroke.OTHER
    assert classify(Qt.Key.Key_BracketRight, CTRL, "") == Stroke.GS
    assert classify(0, NO, "\x1d") == Stroke.GS
    assert classify(Qt.Key.Key_At, CTRL | ALT, "@") == Stroke.ALTGR_CHAR
    assert classify(Qt.Key.Key_Dead_Acute, NO, "") == Stroke.OTHER
    assert classify(Qt.Key.Key_Shift, Qt.KeyboardModifier.ShiftModifier, "") == Stroke.MODIFIER
    assert classify(Qt.Key.Key_A, NO, "a", auto_repeat=True) == Stroke.OTHER
    assert alt_code_character("029") == "\x1d"
    assert alt_code_character("0228") == "ä"  # ANSI (1252) with the leading 0
    assert alt_code_character("132") == "ä"  # OEM (437) without


# -- the real window --------------------------------------------------------------------------------------


@pytest.fixture
def window_keyboard(window: MainWindow, clock: Clock) -> Keyboard:
    window.scanner.clock = clock
    handle = window.windowHandle()
    assert handle is not None
    return Keyboard(window.scanner, clock, handle)


def test_typing_in_the_patient_search_lands_as_typed(
    qtbot, window: MainWindow, window_keyboard: Keyboard
) -> None:  # type: ignore[no-untyped-def]
    scans: list[str] = []
    window.scanner.sig_scanned.connect(scans.append)
    window.patient_tab.focus_search()
    rng = random.Random(3)
    text = "nilsson"
    window_keyboard.type(text, person_gaps(rng, len(text), 40.0, 120.0))
    window_keyboard.wait_delivered(qtbot)
    assert window.patient_tab.search_edit.text() == text
    assert scans == []


def test_a_burst_in_the_patient_search_is_emitted_and_not_typed(
    qtbot, window: MainWindow, window_keyboard: Keyboard
) -> None:  # type: ignore[no-untyped-def]
    scans: list[str] = []
    window.scanner.sig_scanned.connect(scans.append)
    window.patient_tab.focus_search()
    window_keyboard.scan("191212121212", rng=random.Random(5))
    window_keyboard.wait_delivered(qtbot)
    assert scans == ["191212121212"]
    assert window.patient_tab.search_edit.text() == ""


def test_typing_in_a_dialog_field_lands_as_typed(qtbot, window: MainWindow, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    from ui.sync.settings_dialog import SyncSettingsDialog

    window.scanner.clock = clock
    dialog = SyncSettingsDialog(lambda *args: None, parent=window)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.name_edit.setFocus()
    handle = dialog.windowHandle()
    assert handle is not None
    keyboard = Keyboard(window.scanner, clock, handle)
    text = "lund-reception-1"
    keyboard.type(text, fast_typist_gaps(random.Random(8), len(text)))
    keyboard.wait_delivered(qtbot)
    assert dialog.name_edit.text() == text


def test_shortcuts_are_not_delayed_in_the_real_window(
    qtbot, window: MainWindow, window_keyboard: Keyboard
) -> None:  # type: ignore[no-untyped-def]
    window.patient_tab.focus_search()
    window_keyboard.type("ni", [500.0, 10.0])  # held: could still be a burst
    handle = window.windowHandle()
    QTest.keyClick(handle, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.stock_tab  # at once, with no wait
    assert window.patient_tab.search_edit.text() == "ni"  # what was typed first landed first, where typed
    assert not window.scanner.holding
