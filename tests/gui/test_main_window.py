"""Start-up, the start dialog, translations, and files the program cannot use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.config import Remembered
from app.database import DATABASE_FILE
from ui.i18n import install_translators
from ui.main_window import MainWindow
from ui.qt import QApplication, QLabel
from ui.start.dialog import StartDialog

pytestmark = pytest.mark.gui


def test_start_dialog_preselects_the_remembered_user_and_location(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    workstation = window.workstation
    assert workstation is not None
    user = next(u for u in workstation.users if len(u.locations) > 1)
    second = user.locations[1]
    dialog = StartDialog(workstation.users, Remembered(user.username, second.code))
    qtbot.add_widget(dialog)
    assert dialog.selected_username() == user.username
    assert dialog.selected_location_code() == second.code


def test_signing_in_is_remembered_for_the_next_start(qtbot, window: MainWindow, demo_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from app.config import load_remembered

    remembered = load_remembered(demo_dir)
    assert window.context is not None
    assert remembered == Remembered(window.context.username, window.context.service_location_code)


def test_swedish_translation_is_used_on_a_swedish_locale(qtbot, demo_dir: Path, messages) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert install_translators(app, "sv") == "sv"
    try:
        main = MainWindow(demo_dir, ask_who=False)
        qtbot.add_widget(main)
        tabs = [main.tabs.tabText(i).replace("&", "") for i in range(4)]
        assert tabs == ["Patient", "Beställning", "Lager", "Individ"]
        assert "inte byggd" in main.stock_tab.findChild(QLabel, "not_built").text()
        with qtbot.wait_signal(main.sig_ready, timeout=20000):
            main.show()
            main.start()
        assert main.status_user.text().startswith("Användare: ")
        main.runner.wait_for_done()
    finally:
        install_translators(app, "en")


def test_a_corrupt_database_stops_the_start_with_one_sentence(qtbot, tmp_path: Path, messages) -> None:  # type: ignore[no-untyped-def]
    garbage = b"garbage" * 500
    (tmp_path / DATABASE_FILE).write_bytes(garbage)
    main = MainWindow(tmp_path, ask_who=False)
    qtbot.add_widget(main)
    with qtbot.wait_signal(main.sig_start_failed, timeout=10000) as failed:
        main.show()
        main.start()
    assert "damaged" in failed.args[0]
    assert messages and messages[-1][0] == "critical" and "damaged" in messages[-1][2]
    assert (tmp_path / DATABASE_FILE).read_bytes() == garbage
    assert not main.patient_tab.isEnabled()


def test_smoke_command_starts_and_reports_first_paint(demo_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ui.main", "--smoke", "--data-dir", str(demo_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert "first paint:" in result.stdout and "ready" in result.stdout
