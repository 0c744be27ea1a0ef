"""Start-up, the start dialog, translations, and files the program cannot use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.config import Remembered
from app.database import DATABASE_FILE
from app.numbers import NumberSupply
from app.sync.client import SyncStatus
from ui.i18n import install_translators
from ui.main_window import MainWindow
from ui.qt import QApplication, QDialog, Qt, QTimer
from ui.start.dialog import StartDialog
from ui.sync.controller import SyncState
from ui.sync.status import SyncStatusButton

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
        assert main.stock_tab.balance_combo.itemText(0) == "Artiklar i lagret"
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


def test_smoke_command_gives_up_when_the_start_breaks_without_a_sentence(demo_dir: Path) -> None:
    # The start raises inside a slot (Qt prints it and goes on): without a limit the smoke run never ends.
    script = (
        "import sys\n"
        "import ui.main\n"
        "from ui.main_window import MainWindow\n"
        "def broken(self):\n"
        "    raise RuntimeError('broken start')\n"
        "MainWindow._open_workstation = broken\n"
        "ui.main.SMOKE_LIMIT_S = 2\n"
        "sys.exit(ui.main.main(['--smoke', '--data-dir', sys.argv[1]]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(demo_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 1
    assert "start failed: not ready within 2 s" in result.stderr


def test_changing_user_is_titled_as_a_change_and_cancelling_keeps_working(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[StartDialog] = []

    def exec_(dialog: StartDialog) -> int:
        shown.append(dialog)
        return int(QDialog.DialogCode.Rejected)  # the clerk cancels

    monkeypatch.setattr(StartDialog, "exec", exec_)
    context = window.context
    window.choose_who()  # Ctrl+Shift+U
    (dialog,) = shown
    assert dialog.windowTitle() == "Change user or service location"
    buttons = [b.text().replace("&", "") for b in dialog.buttons.buttons()]
    assert sorted(buttons) == ["Cancel", "Change"]
    assert window.isVisible() and window.context is context  # still working, as the same user


def test_sync_settings_keep_what_was_typed_and_say_in_the_dialog_why_the_address_is_refused(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    found: list[QDialog] = []

    def type_settings() -> None:
        dialog = window.findChild(QDialog, "sync_settings")
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, type_settings)
            return
        found.append(dialog)
        qtbot.keyClicks(dialog.url_edit, "http://sync.region.example:8443")  # type: ignore[attr-defined]
        qtbot.keyClicks(dialog.name_edit, "lund-reception-1")  # type: ignore[attr-defined]
        qtbot.keyClicks(dialog.token_edit, "s3cret-token")  # type: ignore[attr-defined]
        qtbot.keyClick(dialog.token_edit, Qt.Key.Key_Return)  # type: ignore[attr-defined]

    QTimer.singleShot(0, type_settings)
    window.open_sync_settings()
    qtbot.wait_until(
        lambda: bool(found) and (found[0].error.isVisible() or not found[0].isVisible()),  # type: ignore[attr-defined]
        timeout=10000,
    )
    dialog = found[0]
    assert dialog.isVisible(), "the dialog stays open until the settings are stored"
    assert "plain http is only allowed to this computer" in dialog.error.text()  # type: ignore[attr-defined]
    assert dialog.values() == ("http://sync.region.example:8443", "lund-reception-1", "s3cret-token")  # type: ignore[attr-defined]
    assert not [text for text in said if "plain http" in text]  # said once, where the clerk is looking
    assert window.sync is not None and not window.sync.configured
    dialog.reject()


def test_sync_status_says_once_in_words_what_runs_short_and_what_to_do(qtbot) -> None:  # type: ignore[no-untyped-def]
    button = SyncStatusButton()
    qtbot.add_widget(button)
    status = SyncStatus(online=False, pending_changes=3, last_success_at=None, open_conflicts=0)
    button.show_state(SyncState(status, None, (NumberSupply(year_week="2648", remaining=0, held=200),)))
    text = button.text()
    assert text.count("⚠") == 1 and "No document numbers left" in text
    assert ": 0" not in text
    button.show_state(SyncState(status, None, (NumberSupply(year_week="2648", remaining=1, held=200),)))
    assert "Running out of document numbers: 1 left" in button.text()
    tip = button.toolTip()
    assert "Connect it to the network so it can fetch more" in tip
