"""The first start in the real window: demo data (Enter), an empty start, the demo's title, and a window
with nobody to sign in. The join of a live server is in ``tests/sync/test_first_start_join.py``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.database import DATABASE_FILE, Database
from app.first_start import is_demo_database
from db.models import Patient, User
from ui.main_window import MainWindow
from ui.qt import QAction, QApplication, QDialog, Qt
from ui.start.first_start import FirstStartDialog
from ui.sync.settings_dialog import SyncSettingsDialog

pytestmark = pytest.mark.gui


def new_window(qtbot, data_dir: Path, **options) -> MainWindow:  # type: ignore[no-untyped-def]
    """The window as ``hearing-desk`` opens it on a new workstation: it asks how to start."""
    main = MainWindow(data_dir, first_start=None, **options)
    qtbot.add_widget(main)
    main.show()
    main.start()
    qtbot.wait_until(lambda: _dialog(main) is not None, timeout=20000)
    return main


def _dialog(main: MainWindow) -> FirstStartDialog | None:
    dialog = main.findChild(FirstStartDialog, "first_start")
    return dialog if dialog is not None and dialog.isVisible() else None


def count(data_dir: Path, model: type) -> int:
    database = Database.open(data_dir)
    try:
        with database.read() as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)
    finally:
        database.dispose()


def test_first_start_dialog_offers_three_choices_and_enter_gives_demo_data(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, messages
) -> None:
    main = new_window(qtbot, tmp_path, ask_who=False)
    dialog = _dialog(main)
    assert dialog is not None
    assert count(tmp_path, User) == 0  # nothing is filled before the clerk chooses
    labels = [
        b.text().replace("&", "") for b in (dialog.demo_choice, dialog.join_choice, dialog.empty_choice)
    ]
    assert labels == ["Try it with demo data", "Join the clinic's server", "Start empty"]
    assert dialog.demo_choice.isChecked() and not dialog.join_fields.isEnabled()
    assert dialog.token_edit.echoMode() == dialog.token_edit.EchoMode.Password
    with qtbot.wait_signal(main.sig_ready, timeout=30000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert count(tmp_path, Patient) > 100
    assert main.windowTitle() == "Hearing Desk – DEMO (practice data)"
    assert main.context is not None and main.patient_tab.isEnabled()
    main.runner.wait_for_done()


def test_demo_data_is_marked_in_the_title_bar_and_in_swedish(qtbot, demo_dir: Path, messages) -> None:  # type: ignore[no-untyped-def]
    from ui.i18n import install_translators

    app = QApplication.instance()
    install_translators(app, "sv")
    try:
        main = MainWindow(demo_dir, ask_who=False)
        qtbot.add_widget(main)
        with qtbot.wait_signal(main.sig_ready, timeout=20000):
            main.show()
            main.start()
        assert main.windowTitle() == "Hearing Desk – DEMO (övningsdata)"
        main.runner.wait_for_done()
    finally:
        install_translators(app, "en")


def test_a_real_workstation_has_the_plain_title(qtbot, demo_dir: Path, messages) -> None:  # type: ignore[no-untyped-def]
    from tests.sync.test_client_support import clear_demo_mark

    clear_demo_mark(demo_dir / DATABASE_FILE)
    main = MainWindow(demo_dir, ask_who=False)
    qtbot.add_widget(main)
    with qtbot.wait_signal(main.sig_ready, timeout=20000):
        main.show()
        main.start()
    assert main.windowTitle() == "Hearing Desk"
    main.runner.wait_for_done()


def test_first_start_empty_says_what_to_do_and_nothing_crashes_without_users(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, messages
) -> None:
    main = new_window(qtbot, tmp_path)
    dialog = _dialog(main)
    assert dialog is not None
    dialog.empty_choice.click()
    assert dialog.choice() == "empty"
    with qtbot.wait_signal(main.sig_waiting_for_data, timeout=20000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert main.empty_notice.isVisible() and not main.tabs.isVisible()
    assert "File → Sync settings" in main.empty_notice.text()
    assert main.windowTitle() == "Hearing Desk"
    assert main.context is None and not main.patient_tab.isEnabled() and not main.stock_tab.isEnabled()
    assert count(tmp_path, User) == 0

    # What a clerk can reach with nobody signed in does nothing harmful (the menus of work need someone).
    reachable = (
        "Sync now",
        "Change user or service location…",
        "Inventory…",
        "Bought over from another region…",
        "Search activities…",
        "New return…",
        "Search returns…",
        "Patient",
        "Order",
        "Stock",
        "Individual",
    )
    actions = {action.text().replace("&", ""): action for action in main.findChildren(QAction)}
    for name in reachable:
        actions[name].trigger()
    for index in range(4):
        main.show_tab(index)
    qtbot.wait(200)
    assert main.isVisible() and main.context is None and not messages
    main.open_sync_settings()
    qtbot.wait_until(lambda: isinstance(QApplication.activeModalWidget(), SyncSettingsDialog), timeout=5000)
    settings = QApplication.activeModalWidget()
    assert isinstance(settings, QDialog)
    settings.reject()
    main.runner.wait_for_done()
    main.close()

    # The next start is not asked again: it says what to do.
    again = MainWindow(tmp_path, first_start=None)
    qtbot.add_widget(again)
    with qtbot.wait_signal(again.sig_waiting_for_data, timeout=20000):
        again.show()
        again.start()
    assert _dialog(again) is None and again.empty_notice.isVisible()
    again.runner.wait_for_done()


def test_quitting_the_first_start_dialog_leaves_the_workstation_new(qtbot, tmp_path: Path, messages) -> None:  # type: ignore[no-untyped-def]
    main = new_window(qtbot, tmp_path)
    dialog = _dialog(main)
    assert dialog is not None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.wait_until(lambda: not main.isVisible(), timeout=5000)
    main.runner.wait_for_done()
    assert count(tmp_path, User) == 0
    database = Database.open(tmp_path)
    with database.read() as session:
        assert not is_demo_database(session)
    database.dispose()


def test_sync_settings_on_demo_data_say_it_joins_only_a_training_server(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.open_sync_settings()
    qtbot.wait_until(lambda: isinstance(QApplication.activeModalWidget(), SyncSettingsDialog), timeout=5000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, SyncSettingsDialog)
    note = dialog.findChild(type(window.status_user), "sync_demo_note")
    assert note is not None and "cannot join the clinic's server" in note.text()
    # The address of a real server that cannot be reached: refused by the workstation itself, nothing stored.
    qtbot.keyClicks(dialog.url_edit, "http://127.0.0.1:9")
    qtbot.keyClicks(dialog.name_edit, "desk")
    qtbot.keyClicks(dialog.token_edit, "token")
    with qtbot.wait_signal(dialog.sig_refused, timeout=10000) as refused:
        qtbot.keyClick(dialog.token_edit, Qt.Key.Key_Return)
    assert "cannot be reached" in refused.args[0]
    assert dialog.isVisible() and dialog.url_edit.text() == "http://127.0.0.1:9"
    assert window.sync is not None and not window.sync.configured
    dialog.reject()


def run_program(*arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
    )


def test_first_start_option_on_the_command_line_for_unattended_installs(tmp_path: Path) -> None:
    empty, demo = tmp_path / "empty", tmp_path / "demo"
    started = run_program("ui.main", "--smoke", "--first-start", "empty", "--data-dir", str(empty))
    assert started.returncode == 0, started.stderr
    assert "no user to sign in yet" in started.stdout
    assert count(empty, User) == 0

    admin = run_program("app.cli", "first-start", "demo", "--data-dir", str(demo))
    assert admin.returncode == 0, admin.stderr
    assert "holds demo data" in admin.stdout and count(demo, Patient) > 100

    # On a workstation already set up the option says so and changes nothing.
    again = run_program("app.cli", "first-start", "empty", "--data-dir", str(demo))
    assert again.returncode == 0 and "already set up" in again.stdout
    assert count(demo, Patient) > 100
    again = run_program("app.cli", "first-start", "demo", "--data-dir", str(empty))
    assert again.returncode == 0 and "already set up" in again.stdout
    assert count(empty, User) == 0

    # A join needs its token from a file or the environment, never from the command line.
    join = run_program(
        "app.cli", "first-start", "join", "--server", "https://sync.example.se", "--workstation", "w",
        "--data-dir", str(tmp_path / "join"),
    )  # fmt: skip
    assert join.returncode == 2 and "--token-file FILE or in the environment variable" in join.stderr
    assert "Traceback" not in join.stderr
    for program in (("ui.main", "--first-start", "join"), ("app.cli", "first-start", "join")):
        token = run_program(
            *program, "--server", "https://sync.example.se", "--workstation", "w", "--token", "secret",
            "--data-dir", str(tmp_path / "join"),
        )  # fmt: skip
        assert token.returncode == 2 and "unrecognized arguments: --token secret" in token.stderr
