"""Sync in the real window: set it up, see the state in the status bar, work offline, resolve a conflict."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from app.changes import Changes
from app.database import DATABASE_FILE
from app.patients import format_identity
from db.models import Individual, NumberBlock, StockMovement
from db.models.enums import IndividualStatus
from tests.sync.test_client_support import (
    central_engine,
    clear_demo_mark,
    client,
    load_baseline,
    workstation,
)
from ui.main_window import MainWindow
from ui.messages import MessageBoxes
from ui.qt import QApplication, QLineEdit, QPushButton, Qt, QTimer
from ui.sync.conflicts import ConflictsDialog
from ui.sync.settings_dialog import SyncSettingsDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def desk(qtbot, demo_template, demo_dir: Path, central_url: str, sync_server) -> Iterator[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """The central database with the demo baseline, a running server, and the window on a desk's copy."""
    load_baseline(demo_template[0], central_url)
    clear_demo_mark(demo_dir / DATABASE_FILE)  # a real clinic whose data equals the demo's
    server = sync_server()
    MessageBoxes.handler = lambda *_args: None
    window = MainWindow(demo_dir, ask_who=False)
    qtbot.add_widget(window)
    window.show()
    with qtbot.wait_signal(window.sig_ready, timeout=20000):
        window.start()
    yield {"window": window, "server": server, "central_url": central_url, "demo_dir": demo_dir}
    window.sync.stop()
    window.runner.wait_for_done()
    MessageBoxes.handler = None


def _set_up_through_the_dialog(qtbot, window: MainWindow, url: str, token: str) -> None:  # type: ignore[no-untyped-def]
    """Click the status bar's sync state, fill the settings dialog like a clerk, press Save."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SyncSettingsDialog)
        for name, value in (("sync_url", url), ("sync_name", "desk-ui"), ("sync_token", token)):
            field = dialog.findChild(QLineEdit, name)
            assert field is not None
            qtbot.keyClicks(field, value)
        qtbot.keyClick(dialog.token_edit, Qt.Key.Key_Return)

    QTimer.singleShot(100, fill)
    qtbot.mouseClick(window.status_sync, Qt.MouseButton.LeftButton)


def test_sync_state_is_always_in_the_status_bar_and_an_edit_reaches_the_server(qtbot, desk, examples) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = desk["window"]
    assert window.status_sync.text().startswith("Local only")
    token = desk["server"].add_workstation("desk-ui")
    _set_up_through_the_dialog(qtbot, window, desk["server"].url, token)
    qtbot.wait_until(lambda: window.status_sync.text().startswith("Online · 0 waiting"), timeout=20000)
    assert "last sync" in window.status_sync.text()

    # An edit made at the desk waits, then the next round sends it.
    tab = window.patient_tab
    with qtbot.wait_signal(tab.sig_record_opened, timeout=10000):
        qtbot.keyClicks(tab.search_edit, format_identity(examples["ordinary"]))
        qtbot.keyClick(tab.search_edit, Qt.Key.Key_Return)
    view = tab.record_view
    qtbot.keyClick(view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    view.phone_edit.clear()
    qtbot.keyClicks(view.phone_edit, "070-555 12 34")
    qtbot.keyClick(view.phone_edit, Qt.Key.Key_Return)
    qtbot.wait_until(lambda: view.phone.text() == "070-555 12 34", timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    engine = central_engine(desk["central_url"])

    def central_phone() -> str | None:
        with engine.connect() as connection:
            return connection.execute(
                text("SELECT phone FROM patient WHERE identity_number = :n"), {"n": examples["ordinary"]}
            ).scalar()

    try:
        qtbot.wait_until(lambda: central_phone() == "070-555 12 34", timeout=20000)
    finally:
        engine.dispose()
    qtbot.wait_until(lambda: window.status_sync.text().startswith("Online · 0 waiting"), timeout=20000)

    assert "⚠" not in window.status_sync.text()  # online, the number blocks were topped up

    # The server goes away: the desk says offline by itself and keeps the edit waiting.
    desk["server"].stop()
    database = window.workstation.database  # type: ignore[union-attr]
    with database.write() as session:  # the clerk has used up most of this week's numbers
        block = session.scalars(select(NumberBlock)).first()
        assert block is not None
        block.next = block.last - 2
    view.phone_edit.clear()
    qtbot.keyClick(view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    view.phone_edit.clear()
    qtbot.keyClicks(view.phone_edit, "070-555 00 00")
    qtbot.keyClick(view.phone_edit, Qt.Key.Key_Return)
    qtbot.wait_until(lambda: view.phone.text() == "070-555 00 00", timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    # A round already under way when the edit was saved may report before it; F5 asked for one more
    # round, which counts the edit.
    qtbot.wait_until(
        lambda: (
            window.status_sync.text().startswith("Offline")
            and not window.status_sync.text().startswith("Offline · 0 ")
        ),
        timeout=20000,
    )
    assert "waiting" in window.status_sync.text()
    assert "⚠ Running out of document numbers: 3 left" in window.status_sync.text()
    assert "running out of the numbers" in window.status_sync.toolTip()


def test_a_conflict_is_shown_and_resolved_from_the_status_bar(
    qtbot, desk, demo_template, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = desk["window"]
    server = desk["server"]
    _set_up_through_the_dialog(qtbot, window, server.url, server.add_workstation("desk-ui"))
    qtbot.wait_until(lambda: window.status_sync.text().startswith("Online · 0 waiting"), timeout=20000)

    other_db = workstation(demo_template[0], tmp_path / "other")
    other = client(other_db, server.url, server.add_workstation("desk-other"), "desk-other")
    database = window.workstation.database  # type: ignore[union-attr]
    with database.read() as session:
        individual_id = session.scalars(
            select(Individual.id).where(Individual.status == IndividualStatus.IN_STOCK).limit(1)
        ).one()
    for db, status in ((other_db, IndividualStatus.IN_REPAIR), (database, IndividualStatus.SCRAPPED)):
        with db.write() as session:
            row = session.get(Individual, individual_id)
            assert row is not None
            row.status = status
    assert other.sync_once().ok
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.wait_until(lambda: "1 conflict" in window.status_sync.text(), timeout=20000)

    seen: dict[str, Any] = {}

    def decide() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ConflictsDialog)
        qtbot.wait_until(lambda: dialog.model.rowCount() == 1, timeout=10000)
        seen["kind"] = dialog.model.row_at(0).kind
        seen["versions"] = dialog.versions.text()
        keep = dialog.findChild(QPushButton, "keep_1")
        assert keep is not None
        qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
        qtbot.wait_until(
            lambda: dialog.model.rowCount() == 1 and dialog.model.row_at(0).status == "resolved",
            timeout=20000,
        )
        dialog.accept()

    QTimer.singleShot(100, decide)
    qtbot.mouseClick(window.status_sync, Qt.MouseButton.LeftButton)
    assert seen["kind"] == "individual_conflict"
    assert "Version 1:" in seen["versions"] and "Version 2:" in seen["versions"]
    qtbot.wait_until(lambda: "conflict" not in window.status_sync.text(), timeout=20000)
    other.close()
    other_db.dispose()
    assert (Path(desk["demo_dir"]) / DATABASE_FILE).exists()


def test_a_refused_change_is_put_back_shown_and_read_from_the_status_bar(qtbot, desk) -> None:  # type: ignore[no-untyped-def]
    """A change the server refuses is reported, not dropped: the row is back as the server has it, the
    status bar counts it, and the conflicts view explains it until the clerk has read it."""
    window: MainWindow = desk["window"]
    server = desk["server"]
    _set_up_through_the_dialog(qtbot, window, server.url, server.add_workstation("desk-ui"))
    qtbot.wait_until(lambda: window.status_sync.text().startswith("Online · 0 waiting"), timeout=20000)
    database = window.workstation.database  # type: ignore[union-attr]
    broadcast: list[Changes] = []
    window.runner.sig_changes.connect(broadcast.append)
    with database.write() as session:  # stock movements are never deleted: the server refuses this
        movement = session.scalars(select(StockMovement).limit(1)).one()
        movement_id = movement.id
        session.delete(movement)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.wait_until(lambda: "1 refused change" in window.status_sync.text(), timeout=20000)
    assert "conflict" not in window.status_sync.text()
    # The row put back is a change to stock that the screens are told of, and nothing else is.
    qtbot.wait_until(lambda: Changes(stock=True) in broadcast, timeout=5000)
    assert not any(c.orders or c.patients or c.fees for c in broadcast)
    with database.read() as session:
        assert session.get(StockMovement, movement_id) is not None

    seen: dict[str, Any] = {}

    def read_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ConflictsDialog)
        qtbot.wait_until(lambda: dialog.model.rowCount() == 1, timeout=10000)
        seen["kind"] = dialog.model.data(dialog.model.index(0, 2))
        seen["versions"] = dialog.versions.text()
        assert dialog.findChild(QPushButton, "keep_0") is None  # nothing to decide, only to read
        button = dialog.findChild(QPushButton, "acknowledge")
        assert button is not None
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.wait_until(lambda: dialog.model.row_at(0).status == "resolved", timeout=20000)
        seen["status"] = dialog.model.data(dialog.model.index(0, 1))
        dialog.accept()

    QTimer.singleShot(100, read_it)
    qtbot.mouseClick(window.status_sync, Qt.MouseButton.LeftButton)
    assert seen["kind"] == "Refused by the server"
    assert "Stock movements are never deleted" in seen["versions"]
    assert seen["status"] == "Read"
    qtbot.wait_until(lambda: "refused" not in window.status_sync.text(), timeout=20000)
