"""The first start's "Join the clinic's server" against a live server on a throwaway PostgreSQL: in the real
window (a refused token keeps what was typed; the right one fills the database and the sign-in lists the
server's users), an empty start joined later under File → Sync settings, and the unattended command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.database import Database
from app.first_start import is_demo_database
from app.sync.settings import load_settings
from db.models import Patient, User
from db.server.service import publish_existing_rows
from tests.sync.test_client_support import central_engine, load_baseline
from ui.main_window import MainWindow
from ui.messages import MessageBoxes
from ui.qt import QApplication, QDialog, Qt, QTimer
from ui.start.dialog import StartDialog
from ui.start.first_start import FirstStartDialog
from ui.sync.settings_dialog import SyncSettingsDialog

pytestmark = pytest.mark.gui


def central_usernames(central_url: str) -> set[str]:
    engine = central_engine(central_url)
    try:
        with engine.connect() as connection:
            return set(connection.execute(text("SELECT username FROM user_account")).scalars())
    finally:
        engine.dispose()


def local_counts(data_dir: Path) -> tuple[int, int, bool]:
    database = Database.open(data_dir)
    try:
        with database.read() as session:
            users = session.scalar(select(func.count()).select_from(User)) or 0
            patients = session.scalar(select(func.count()).select_from(Patient)) or 0
            return int(users), int(patients), is_demo_database(session)
    finally:
        database.dispose()


@pytest.fixture
def clinic_server(demo_template, central_url: str, sync_server):  # type: ignore[no-untyped-def]
    """The clinic's real server, its central database holding a clinic (the demo's rows as its baseline)."""
    load_baseline(demo_template[0], central_url)
    server = sync_server()
    publish_existing_rows(server.engine)  # the imported rows go to every workstation (``publish-rows``)
    return server


def test_first_start_join_fills_the_workstation_and_signs_in_with_the_servers_users(  # type: ignore[no-untyped-def]
    qtbot, clinic_server, central_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    MessageBoxes.handler = lambda *_args: None
    shown: list[list[str]] = []

    def sign_in(dialog: StartDialog) -> int:
        shown.append([dialog.user_combo.itemData(i) for i in range(dialog.user_combo.count())])
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(StartDialog, "exec", sign_in)
    data_dir = tmp_path / "new-desk"
    main = MainWindow(data_dir, first_start=None)
    qtbot.add_widget(main)
    main.show()
    main.start()
    qtbot.wait_until(lambda: main.findChild(FirstStartDialog, "first_start") is not None, timeout=20000)
    dialog = main.findChild(FirstStartDialog, "first_start")
    assert dialog is not None
    dialog.join_choice.click()
    assert dialog.join_fields.isEnabled()
    qtbot.keyClicks(dialog.url_edit, clinic_server.url)
    qtbot.keyClicks(dialog.name_edit, "lund-reception-3")
    qtbot.keyClicks(dialog.token_edit, "not-the-token")

    # A token the server does not know: one sentence, what was typed stays, nothing is kept.
    with qtbot.wait_signal(dialog.sig_refused, timeout=20000) as refused:
        qtbot.keyClick(dialog.token_edit, Qt.Key.Key_Return)
    assert "does not accept this workstation name and token" in refused.args[0]
    assert dialog.isVisible() and dialog.error.isVisible() and dialog.error.text() == refused.args[0]
    assert dialog.values() == (clinic_server.url, "lund-reception-3", "not-the-token")
    assert main.workstation is not None and load_settings(main.workstation.database) is None

    # The right token: the first sync fills the workstation, then the sign-in lists the server's users.
    token = clinic_server.add_workstation("lund-reception-3")
    dialog.token_edit.clear()
    qtbot.keyClicks(dialog.token_edit, token)
    with qtbot.wait_signal(main.sig_ready, timeout=60000):
        qtbot.keyClick(dialog.token_edit, Qt.Key.Key_Return)
    assert len(shown) == 1 and set(shown[0]) == central_usernames(central_url)
    assert main.context is not None and main.windowTitle() == "Hearing Desk"
    stored = load_settings(main.workstation.database)
    assert stored is not None and stored.workstation_name == "lund-reception-3"
    main.sync.stop()  # type: ignore[union-attr]
    main.runner.wait_for_done()
    users, patients, demo = local_counts(data_dir)
    assert users == len(central_usernames(central_url)) and patients > 100 and not demo
    MessageBoxes.handler = None


def test_an_empty_start_joined_later_under_sync_settings_signs_in(  # type: ignore[no-untyped-def]
    qtbot, clinic_server, tmp_path: Path
) -> None:
    MessageBoxes.handler = lambda *_args: None
    data_dir = tmp_path / "empty-desk"
    main = MainWindow(data_dir, first_start="empty", ask_who=False)
    qtbot.add_widget(main)
    with qtbot.wait_signal(main.sig_waiting_for_data, timeout=20000):
        main.show()
        main.start()
    assert main.empty_notice.isVisible()
    token = clinic_server.add_workstation("empty-desk")

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SyncSettingsDialog):
            QTimer.singleShot(20, fill)
            return
        qtbot.keyClicks(dialog.url_edit, clinic_server.url)
        qtbot.keyClicks(dialog.name_edit, "empty-desk")
        qtbot.keyClicks(dialog.token_edit, token)
        qtbot.keyClick(dialog.token_edit, Qt.Key.Key_Return)

    QTimer.singleShot(50, fill)
    with qtbot.wait_signal(main.sig_ready, timeout=60000):
        main.open_sync_settings()
    assert not main.empty_notice.isVisible() and main.tabs.isVisible() and main.context is not None
    main.sync.stop()  # type: ignore[union-attr]
    main.runner.wait_for_done()
    MessageBoxes.handler = None


def test_first_start_join_on_the_command_line_takes_the_token_from_a_file_or_the_environment(  # type: ignore[no-untyped-def]
    clinic_server, central_url: str, tmp_path: Path
) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(clinic_server.add_workstation("admin-desk") + "\n")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    environment.pop("HEARING_DESK_TOKEN", None)

    def admin(*arguments: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app.cli", "first-start", *arguments],
            capture_output=True,
            text=True,
            timeout=180,
            env={**environment, **extra},
        )

    refused = admin(
        "join", "--server", clinic_server.url, "--workstation", "admin-desk", "--data-dir", str(tmp_path / "a"),
        HEARING_DESK_TOKEN="wrong",
    )  # fmt: skip
    assert refused.returncode == 2 and "does not accept this workstation name and token" in refused.stderr
    assert "Traceback" not in refused.stderr and "wrong" not in refused.stderr
    assert local_counts(tmp_path / "a")[0] == 0
    nobody = admin(
        "join", "--server", "http://127.0.0.1:9", "--workstation", "admin-desk", "--data-dir", str(tmp_path / "a"),
        HEARING_DESK_TOKEN="wrong",
    )  # fmt: skip
    assert nobody.returncode == 2 and "No server answers at this address" in nobody.stderr

    joined = admin(
        "join", "--server", clinic_server.url, "--workstation", "admin-desk", "--token-file", str(token_file),
        "--data-dir", str(tmp_path / "a"),
    )  # fmt: skip
    assert joined.returncode == 0, joined.stderr
    assert "has joined" in joined.stdout
    users, patients, demo = local_counts(tmp_path / "a")
    assert users == len(central_usernames(central_url)) and patients > 100 and not demo

    # The program itself, unattended, with the token in the environment: --smoke signs in on the data.
    second = clinic_server.add_workstation("smoke-desk")
    smoke = subprocess.run(
        [
            sys.executable, "-m", "ui.main", "--smoke", "--first-start", "join", "--server", clinic_server.url,
            "--workstation", "smoke-desk", "--data-dir", str(tmp_path / "b"),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**environment, "HEARING_DESK_TOKEN": second},
    )  # fmt: skip
    assert smoke.returncode == 0, smoke.stderr
    assert "ready (database open, user signed in)" in smoke.stdout
    assert local_counts(tmp_path / "b")[1] > 100
