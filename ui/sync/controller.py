"""Background sync: a round every few seconds and on demand, never on the UI thread.

The controller owns this workstation's ``SyncClient`` (none while sync is not set up), runs
``sync_once`` and ``status`` on the operation runner's pool, keeps number blocks topped up while online,
and tells the rest of the program what changed.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.changes import changes_of_tables
from app.database import Database
from app.numbers import NumberSupply
from app.sync.settings import (
    TokenStore,
    client_from_settings,
    refuse_unless_training_server,
    save_settings,
)
from ui.operations import OperationRunner
from ui.qt import QCoreApplication, QObject, QTimer, Signal

if TYPE_CHECKING:
    # The client brings httpx and pydantic: imported when sync is set up or its lists are opened, not at
    # every start of a workstation that works alone.
    from app.sync.client import SyncClient, SyncReport, SyncStatus

log = logging.getLogger(__name__)

INTERVAL_MS = 5000


@dataclass(frozen=True)
class SyncState:
    """What the status bar shows: None status means sync is not set up on this workstation."""

    status: SyncStatus | None
    report: SyncReport | None
    #: Number series this workstation is short of (checked after every round, online or not).
    low_numbers: tuple[NumberSupply, ...] = ()


def report_sentence(report: SyncReport) -> str:
    """The report's sentence in the clerk's language (the client keeps the English template)."""
    template = getattr(report, "template", None)
    if template:
        return QCoreApplication.translate("app", template).format(**(getattr(report, "params", None) or {}))
    return report.message or ""


class SyncController(QObject):
    sig_state = Signal(object)  # SyncState
    sig_issues = Signal(object)  # list[SyncIssue]
    sig_message = Signal(str)

    def __init__(self, runner: OperationRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._database: Database | None = None
        self._data_dir: Path | None = None
        self._client: SyncClient | None = None
        self._running = False
        self._again = False  # asked for a round while one was running: run another right after
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.sync_now)

    @property
    def configured(self) -> bool:
        return self._client is not None

    def start(self, database: Database, data_dir: Path) -> None:
        """Look for this workstation's sync settings (in the background) and start the rounds if set up."""
        self._database, self._data_dir = database, data_dir
        self._runner.run(
            lambda: client_from_settings(database, data_dir), self._client_ready, self.sig_message.emit
        )

    def _client_ready(self, client: SyncClient | None) -> None:
        if self._client is not None and self._client is not client:
            self._client.close()
        self._client = client
        if client is None:
            self._timer.stop()
            self.sig_state.emit(SyncState(None, None))
            return
        self._timer.start()
        self.sync_now()

    def configure(
        self,
        *,
        server_url: str,
        workstation_name: str,
        token: str,
        on_saved: Callable[[], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        """Store the server address, workstation name and token (keyring), then sync."""
        database, data_dir = self._database, self._data_dir
        if database is None or data_dir is None:
            return

        def work() -> SyncClient | None:
            refuse_unless_training_server(database, server_url, token)  # demo data: a training server only
            save_settings(database, server_url, workstation_name)
            TokenStore(data_dir).save(token)
            return client_from_settings(database, data_dir)

        def saved(client: SyncClient | None) -> None:
            self._client_ready(client)
            if on_saved is not None:
                on_saved()

        self._runner.run(work, saved, on_error or self.sig_message.emit)

    def sync_now(self) -> None:
        client, database = self._client, self._database
        if client is None or database is None:
            return
        if self._running:
            self._again = True
            return
        self._running = True

        def work() -> tuple[SyncReport, SyncStatus, tuple[NumberSupply, ...]]:
            from app.sync.numbers import LeasingBlockSource, running_short, top_up

            report = client.sync_once()
            if report.ok:
                try:
                    top_up(database, LeasingBlockSource(client.transport))
                except Exception:  # a lease that fails now is tried again next round
                    log.warning("number blocks could not be topped up this round", exc_info=True)
            return report, client.status(), running_short(database)

        self._runner.run(work, self._round_done, self._round_failed)

    def _round_done(self, result: tuple[SyncReport, SyncStatus, tuple[NumberSupply, ...]]) -> None:
        self._running = False
        report, status, short = result
        self.sig_state.emit(SyncState(status, report, short))
        changes = changes_of_tables(report.tables)  # what the round wrote here, as a write of our own
        if changes.any():
            self._runner.sig_changes.emit(changes)
        self._run_again_if_asked()

    def _round_failed(self, sentence: str) -> None:
        self._running = False
        self.sig_message.emit(sentence)
        self._run_again_if_asked()

    def _run_again_if_asked(self) -> None:
        if self._again:
            self._again = False
            self.sync_now()

    def load_issues(self) -> None:
        if self._database is None:
            return
        from app.sync.client import list_issues

        self._runner.read(list_issues, on_success=self.sig_issues.emit)

    def resolve(self, conflict_id: uuid.UUID, keep: int) -> None:
        client = self._client
        if client is None:
            return

        def work() -> tuple[SyncReport, SyncStatus, tuple[NumberSupply, ...]]:
            return client.resolve_conflict(conflict_id, keep), client.status(), ()

        def done(result: tuple[SyncReport, SyncStatus, tuple[NumberSupply, ...]]) -> None:
            report = result[0]
            if not report.ok:
                self.sig_message.emit(report_sentence(report))
            self._round_done(result)
            self.load_issues()

        self._runner.run(work, done, self.sig_message.emit)

    def acknowledge(self, issue_id: uuid.UUID) -> None:
        """The clerk has read a refused change: it leaves the status bar's count (kept in the list)."""
        if self._database is None:
            return

        def done(_result: None) -> None:
            self.load_issues()
            self.sync_now()

        from app.sync.client import acknowledge_rejection

        self._runner.write(
            lambda session: acknowledge_rejection(session, issue_id),
            on_success=done,
            on_error=self.sig_message.emit,
        )

    def stop(self) -> None:
        self._timer.stop()
        if self._client is not None:
            self._client.close()


__all__ = ["SyncController", "SyncState", "report_sentence"]
