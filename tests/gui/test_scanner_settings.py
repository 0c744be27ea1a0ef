"""The scanner settings: kept in the data folder, a damaged file gives the defaults; the settings dialog."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from app.scanning.settings import (
    SCANNER_SETTINGS_FILE,
    ScannerSettings,
    load_scanner_settings,
    save_scanner_settings,
)
from tests.gui.keyboard import NO, Clock, Keyboard
from ui.main_window import MainWindow
from ui.qt import QDialogButtonBox, Qt, QWidget
from ui.scanning.scanner_settings import visible


def test_settings_are_kept_in_the_data_folder(tmp_path: Path) -> None:
    assert load_scanner_settings(tmp_path) == ScannerSettings()  # nothing saved yet: the defaults
    chosen = ScannerSettings(max_gap_ms=45, min_length=8, pause_ms=150, double_trigger_ms=1200, enabled=False)
    assert save_scanner_settings(tmp_path, chosen)
    assert load_scanner_settings(tmp_path) == chosen
    assert not (tmp_path / "scanner-settings.tmp").exists()


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[1, 2]",
        '{"max_gap_ms": "thirty"}',
        '{"enabled": "yes"}',
        '{"min_length": 6.5}',
        "",
    ],
)
def test_a_damaged_settings_file_gives_the_defaults_and_a_log_line(
    tmp_path: Path, content: str, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / SCANNER_SETTINGS_FILE).write_text(content, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="app.scanning.settings"):
        assert load_scanner_settings(tmp_path) == ScannerSettings()
    assert "scanner settings file unreadable" in caplog.text


def test_numbers_out_of_range_are_brought_within_it(tmp_path: Path) -> None:
    (tmp_path / SCANNER_SETTINGS_FILE).write_text(
        json.dumps({"max_gap_ms": 0, "min_length": 1, "pause_ms": 5, "double_trigger_ms": -3}),
        encoding="utf-8",
    )
    settings = load_scanner_settings(tmp_path)
    assert settings == ScannerSettings(max_gap_ms=1, min_length=2, pause_ms=5, double_trigger_ms=0)
    assert settings.pause_ms >= settings.max_gap_ms


def test_a_folder_that_cannot_be_written_keeps_nothing_and_says_so_in_the_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="app.scanning.settings"):
        assert not save_scanner_settings(blocked, ScannerSettings(max_gap_ms=40))
    assert "were not saved" in caplog.text


# -- the dialog ------------------------------------------------------------------------------------------


@pytest.fixture
def dialog(qtbot, window: MainWindow, clock: Clock):  # type: ignore[no-untyped-def]
    """File → Scanner settings… of the real window, its test field focused; the recogniser's clock is the test's."""
    window.scanner.clock = clock
    action = next(
        a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "S&canner settings…"
    )
    action.trigger()
    opened = window.scanner_settings_dialog
    qtbot.waitExposed(opened)
    opened.test_field.setFocus()
    return opened


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _keyboard(window: MainWindow, clock: Clock, widget: QWidget) -> Keyboard:
    handle = widget.windowHandle()
    assert handle is not None
    return Keyboard(window.scanner, clock, handle)


@pytest.mark.gui
def test_the_test_field_shows_characters_suffix_separator_and_gaps(
    qtbot, window: MainWindow, dialog, clock: Clock
) -> None:  # type: ignore[no-untyped-def]
    scans: list[str] = []
    window.scanner.sig_scanned.connect(scans.append)
    keyboard = _keyboard(window, clock, dialog)
    keyboard.type("0107391234567890", [500.0] + [3.0] * 15)
    keyboard.gs_ctrl_bracket(5.0)
    keyboard.type("21HB0123", [4.0] * 8)
    keyboard.click(Qt.Key.Key_Return, NO, "\r", 4.0)
    assert dialog.test_field.text() == "0107391234567890⟨GS⟩21HB0123"
    assert dialog.shown_suffix.text() == "Enter"
    assert dialog.shown_separator.text() == "Ctrl+] (1 in the code)"
    assert dialog.shown_count.text() == "25"
    assert dialog.shown_gaps.text() == "shortest 0 ms, median 4 ms, longest 6 ms"  # Shift to its capital: 0
    assert dialog.shown_verdict.text() == "With these settings this is read as a scan."
    assert scans == []  # the test field gets the keys raw: no scan is routed meanwhile
    assert dialog.test_field.hasFocus()


@pytest.mark.gui
def test_the_test_field_tells_the_alt_code_separator_and_a_tab(
    qtbot, window: MainWindow, dialog, clock: Clock
) -> None:  # type: ignore[no-untyped-def]
    keyboard = _keyboard(window, clock, dialog)
    keyboard.type("0107391234567890", [500.0] + [3.0] * 15)
    keyboard.gs_alt_code(3.0, composed=True)
    keyboard.type("10LOT7", [3.0] * 6)
    keyboard.gs_ascii(3.0)
    keyboard.type("21S1", [3.0] * 4)
    keyboard.click(Qt.Key.Key_Tab, NO, "\t", 3.0)
    assert dialog.test_field.text() == "0107391234567890⟨GS⟩10LOT7⟨GS⟩21S1"
    assert dialog.shown_suffix.text() == "Tab"
    assert dialog.shown_separator.text() == "Alt+029 on the numeric keypad, ASCII 29 (2 in the code)"
    assert dialog.test_field.hasFocus()  # the scanner's Tab moved nothing


@pytest.mark.gui
def test_a_slow_scanner_is_shown_not_recognised_until_the_gap_is_raised_and_saved(
    qtbot, window: MainWindow, dialog, clock: Clock
) -> None:  # type: ignore[no-untyped-def]
    keyboard = _keyboard(window, clock, dialog)
    keyboard.scan("24010001", gap_ms=39.0, suffix="none")  # 40 ms from press to press
    keyboard.clock.now += 200
    qtbot.waitUntil(lambda: dialog.shown_suffix.text() != "", timeout=5000)
    assert dialog.shown_suffix.text() == "nothing (a pause)"
    assert dialog.shown_verdict.text() == (
        "Not read as a scan: 40 ms between two keys is more than the longest gap allowed."
    )
    dialog.max_gap.setValue(50)
    assert dialog.shown_verdict.text() == "With these settings this is read as a scan."
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert window.scanner.settings.max_gap_ms == 50  # at once
    assert load_scanner_settings(window.data_dir).max_gap_ms == 50  # and for the next start
    qtbot.waitUntil(lambda: not dialog.isVisible())

    scans: list[str] = []
    window.scanner.sig_scanned.connect(scans.append)
    window.patient_tab.focus_search()
    _keyboard(window, clock, window).scan("24010001", gap_ms=39.0)
    assert scans == ["24010001"]
    assert window.patient_tab.search_edit.text() == ""


@pytest.mark.gui
def test_a_short_burst_is_shown_too_short(qtbot, window: MainWindow, dialog, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    keyboard = _keyboard(window, clock, dialog)
    keyboard.scan("1234", gap_ms=3.0)
    assert dialog.shown_count.text() == "4"
    assert (
        dialog.shown_verdict.text() == "Not read as a scan: it has fewer characters than the fewest allowed."
    )
    dialog.min_length.setValue(4)
    assert dialog.shown_verdict.text() == "With these settings this is read as a scan."
    dialog.reject()
    assert window.scanner.settings.min_length == 6  # cancelled: nothing applied


@pytest.mark.gui
def test_visible_names_control_characters() -> None:
    assert visible("01\x1d21\x1e\x04") == "01⟨GS⟩21⟨RS⟩⟨EOT⟩"
    assert visible("\x01") == "⟨01⟩"
