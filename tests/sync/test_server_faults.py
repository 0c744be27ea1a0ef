"""Faults on the server side: the sync server process (a real ``hearing-desk-server serve`` against this test's
PostgreSQL database) killed with SIGKILL while it applies a workstation's upload batches, then started again
on the same database. After the workstation syncs again every change it made is on the server exactly once,
nothing is lost, and the server's change log holds no change id twice.
"""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url

from app.database import Database
from app.sync.client import SyncClient, SyncReport
from db.engine import create_server_engine
from db.models import (
    Article,
    ChangeLogEntry,
    Patient,
    PatientAccessLog,
    StockMovement,
    User,
    Warehouse,
)
from db.models.enums import MovementReason
from db.server import service
from db.server.models import ServerChangeRecord
from db.sync_protocol.messages import DownloadResponse
from tests.sync.test_client_support import (
    central_engine,
    client,
    differences,
    load_baseline,
    local_state,
    server_state,
    sync_until_quiet,
    workstation,
)

ROOT = Path(__file__).resolve().parents[2]
TABLES = ("patient", "patient_access_log", "stock_movement")
DESK = "desk-a"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerProcess:
    """``python -m db.server.cli serve`` on one loopback port, killed and started again at will."""

    def __init__(self, database_url: str, log_file: Path) -> None:
        self.database_url = database_url
        self.log_file = log_file
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self) -> None:
        assert self.process is None or self.process.poll() is not None
        self.starts += 1
        for _attempt in range(3):
            if self._start_once():
                return
            self.port = _free_port()  # taken meanwhile by some other socket: another loopback port
            self.url = f"http://127.0.0.1:{self.port}"
        pytest.fail(f"the sync server could not bind a port:\n{self.log()}", pytrace=False)

    def _start_once(self) -> bool:
        with self.log_file.open("ab") as log:
            log.write(f"--- start {self.starts} on port {self.port}\n".encode())
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "db.server.cli",
                    "serve",
                    "--db",
                    self.database_url,
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
        deadline = time.monotonic() + 20
        while True:
            if self.process.poll() is not None:
                if "address already in use" in self.log().rsplit("--- start", 1)[-1].lower():
                    return False
                pytest.fail(f"the sync server exited at start:\n{self.log()}", pytrace=False)
            try:
                httpx.get(f"{self.url}/openapi.json", timeout=1.0).raise_for_status()
                return True
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    pytest.fail(f"the sync server did not start:\n{self.log()}", pytrace=False)
                time.sleep(0.05)

    def kill(self) -> None:
        """SIGKILL (on Windows TerminateProcess, as abrupt): no shutdown code of the server runs."""
        assert self.process is not None
        self.process.kill()
        self.process.wait(timeout=10)
        if os.name == "posix":
            assert self.process.returncode == -signal.SIGKILL

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.kill()

    def log(self) -> str:
        return self.log_file.read_text(errors="replace")[-4000:]


@dataclass
class Clinic:
    desk: Database
    server: ServerProcess
    token: str
    engine: Engine
    database_url: str
    access_before: int
    movements_before: int
    made: set[uuid.UUID] = field(default_factory=set)  # change ids
    accesses: set[uuid.UUID] = field(default_factory=set)  # row ids
    movements: set[uuid.UUID] = field(default_factory=set)  # row ids

    def client(self, **options: Any) -> SyncClient:
        return client(self.desk, self.server.url, self.token, DESK, **options)


def count(engine: Engine, model: type[Any]) -> int:
    with engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(model)) or 0)


@pytest.fixture
def clinic(demo_template, central_url: str, tmp_path: Path) -> Iterator[Clinic]:  # type: ignore[no-untyped-def]
    load_baseline(demo_template[0], central_url)
    engine = central_engine(central_url)
    token = service.add_workstation(engine, DESK)
    desk = workstation(demo_template[0], tmp_path / DESK)
    server = ServerProcess(central_url, tmp_path / "server.log")
    try:
        server.start()
        yield Clinic(
            desk,
            server,
            token,
            engine,
            central_url,
            count(engine, PatientAccessLog),
            count(engine, StockMovement),
        )
    finally:
        server.stop()
        engine.dispose()
        desk.dispose()


def make_changes(clinic: Clinic, accesses: int, movements: int, round_: int) -> None:
    """Record openings, stock movements and phone edits on the desk (each one a logged change)."""
    with clinic.desk.write() as session:
        user_id = session.scalars(select(User.id).order_by(User.id).limit(1)).one()
        patient_ids = list(session.scalars(select(Patient.id).order_by(Patient.identity_number).limit(40)))
        warehouse_id = session.scalars(select(Warehouse.id).order_by(Warehouse.id).limit(1)).one()
        article_ids = list(session.scalars(select(Article.id).order_by(Article.id).limit(10)))
        rows: list[Any] = []
        for index in range(accesses):
            rows.append(
                PatientAccessLog(
                    patient_id=patient_ids[index % len(patient_ids)],
                    user_id=user_id,
                    description=f"opened {round_}.{index}",
                )
            )
        for index in range(movements):
            rows.append(
                StockMovement(
                    warehouse_id=warehouse_id,
                    article_id=article_ids[index % len(article_ids)],
                    quantity=1 + index % 3,
                    reason=MovementReason.GOODS_RECEIPT,
                    user_id=user_id,
                )
            )
        session.add_all(rows)
        for index, patient_id in enumerate(patient_ids):
            patient = session.get(Patient, patient_id)
            assert patient is not None
            patient.phone = f"070-{round_:02d}{index:05d}"
        session.flush()
        clinic.accesses |= {r.id for r in rows if isinstance(r, PatientAccessLog)}
        clinic.movements |= {r.id for r in rows if isinstance(r, StockMovement)}
    with clinic.desk.read() as session:
        clinic.made |= set(session.scalars(select(ChangeLogEntry.id)))


def pending(database: Database) -> int:
    with database.read() as session:
        return int(session.scalar(select(func.count()).where(ChangeLogEntry.uploaded_at.is_(None))) or 0)


def applied_from_desk(engine: Engine) -> dict[str, int]:
    """This desk's changes in the server's change log, per table."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(ServerChangeRecord.table_name, func.count())
            .where(ServerChangeRecord.workstation == DESK)
            .group_by(ServerChangeRecord.table_name)
        ).all()
    return {name: int(n) for name, n in rows}


def assert_batches_whole(clinic: Clinic) -> None:
    """The server holds exactly the rows its change log records: no batch is half applied."""
    applied = applied_from_desk(clinic.engine)
    assert count(clinic.engine, PatientAccessLog) == clinic.access_before + applied.get(
        "patient_access_log", 0
    )
    assert count(clinic.engine, StockMovement) == clinic.movements_before + applied.get("stock_movement", 0)


class Uploader:
    """The desk syncing in a background thread until it is quiet or its server goes away."""

    def __init__(self, sync: SyncClient) -> None:
        self.sync = sync
        self.reports: list[SyncReport] = []
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True, name="uploader")
        self.thread.start()

    def _run(self) -> None:
        try:
            while True:
                report = self.sync.sync_once()
                self.reports.append(report)
                if not report.ok or (report.uploaded == 0 and report.downloaded == 0):
                    return
        except BaseException as error:  # reported by join()
            self.error = error

    def join(self) -> None:
        self.thread.join(timeout=30)
        assert not self.thread.is_alive(), "the client hung after the server was killed"
        assert self.error is None, repr(self.error)
        # A killed server is an offline moment for the client, never an exception or a wrong answer.
        assert all(r.ok or not r.online for r in self.reports), [r.message for r in self.reports]


def backends_gone(conn: psycopg.Connection[Any], timeout: float = 10.0) -> None:
    """Wait until PostgreSQL has ended the killed server's sessions (and rolled back their transactions)."""
    deadline = time.monotonic() + timeout
    while sessions(conn) != 0:
        assert time.monotonic() < deadline, "the killed server's database sessions did not end"
        time.sleep(0.02)


def connect(clinic: Clinic) -> psycopg.Connection[Any]:
    url = make_url(clinic.database_url)
    return psycopg.connect(
        host=url.host, port=url.port, user=url.username, dbname=url.database, autocommit=True
    )


def sessions(conn: psycopg.Connection[Any]) -> int:
    """Other client sessions of this database (the test's own engine keeps none open)."""
    row = conn.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
    ).fetchone()
    return int(row[0]) if row is not None else -1


def resync_and_check(clinic: Clinic) -> None:
    """Sync until quiet against the restarted server, then: everything there, exactly once."""
    sync = clinic.client()
    sync_until_quiet([sync])
    sync.close()
    engine = clinic.engine
    assert pending(clinic.desk) == 0
    # Every row the desk created is on the server once, and nothing else was added.
    with engine.connect() as connection:
        accesses = connection.scalar(
            select(func.count()).where(PatientAccessLog.id.in_(list(clinic.accesses)))
        )
        movements = connection.scalar(
            select(func.count()).where(StockMovement.id.in_(list(clinic.movements)))
        )
    assert accesses == len(clinic.accesses)
    assert movements == len(clinic.movements)
    assert count(engine, PatientAccessLog) == clinic.access_before + len(clinic.accesses)
    assert count(engine, StockMovement) == clinic.movements_before + len(clinic.movements)
    assert differences(local_state(clinic.desk, TABLES), server_state(engine, TABLES)) == []
    # The change log: each of the desk's changes once, none lost, none invented.
    with engine.connect() as connection:
        logged = list(
            connection.scalars(
                select(ServerChangeRecord.change_id).where(ServerChangeRecord.workstation == DESK)
            )
        )
        twice = connection.execute(
            select(ServerChangeRecord.change_id)
            .group_by(ServerChangeRecord.change_id)
            .having(func.count() > 1)
        ).all()
        seqs = list(
            connection.scalars(select(ServerChangeRecord.server_seq).order_by(ServerChangeRecord.server_seq))
        )
    assert twice == []
    assert len(logged) == len(set(logged)), "a change was applied twice"
    assert set(logged) == clinic.made, "a change was lost or invented"
    assert seqs == list(range(1, len(seqs) + 1)), "the server's sequence numbers have gaps or repeats"
    # What a downloading workstation sees: every change once.
    reader = clinic.client()
    seen: list[uuid.UUID] = []
    after = 0
    while True:
        page = reader.transport.call(
            "GET", "/download", DownloadResponse, params={"after": after, "limit": 5000}
        )
        seen += [c.id for c in page.changes]
        after = page.last_seq
        if not page.more:
            break
    reader.close()
    assert len(seen) == len(set(seen))
    assert clinic.made <= set(seen)


def logged_from_desk(conn: psycopg.Connection[Any]) -> int:
    row = conn.execute("SELECT count(*) FROM sync_change WHERE workstation = %s", (DESK,)).fetchone()
    return int(row[0]) if row is not None else -1


def after_kill(clinic: Clinic, uploader: Uploader, sync: SyncClient, watcher: psycopg.Connection[Any]) -> int:
    """Once the server is dead: the client gave up cleanly, PostgreSQL rolled back what was open, and the
    server holds whole batches only. This desk's changes in the server's change log."""
    uploader.join()
    sync.close()
    backends_gone(watcher)
    assert_batches_whole(clinic)
    return logged_from_desk(watcher)


def test_a_server_killed_at_random_moments_of_an_upload_loses_nothing_and_applies_nothing_twice(
    clinic: Clinic,
) -> None:
    rng = random.Random(20261123)
    # "time": a random moment after the client starts (before, during or after its first requests);
    # "progress": a random moment after the server has committed a random part of the uploads.
    modes = ["time", "progress", "time", "progress", "progress", "time", "progress"]
    partial = 0
    with connect(clinic) as watcher:
        for round_, mode in enumerate(modes):
            make_changes(clinic, accesses=500, movements=150, round_=round_)
            waiting = pending(clinic.desk)
            before = logged_from_desk(watcher)
            sync = clinic.client(batch_size=100)
            uploader = Uploader(sync)
            if mode == "time":
                time.sleep(rng.uniform(0.0, 0.15))
            else:
                target = before + rng.randint(1, waiting - 300)
                deadline = time.monotonic() + 20
                while logged_from_desk(watcher) < target:
                    assert time.monotonic() < deadline, "the upload made no progress"
                    assert uploader.thread.is_alive(), [r.message for r in uploader.reports]
                    time.sleep(0.002)
                time.sleep(rng.uniform(0.0, 0.02))
            clinic.server.kill()
            applied = after_kill(clinic, uploader, sync, watcher) - before
            assert 0 <= applied <= waiting
            partial += 0 < applied < waiting
            clinic.server.start()
    assert clinic.server.starts == len(modes) + 1
    assert partial >= 4, "too few kills landed in the middle of an upload"
    resync_and_check(clinic)


def writer_lock_holder(conn: psycopg.Connection[Any]) -> tuple[int, Any] | None:
    """(pid, transaction start) of the session holding the sync writers' advisory lock, that is of the
    upload whose transaction is open; None when no upload is being applied."""
    row = conn.execute(
        "SELECT l.pid, a.xact_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database() "
        "AND l.classid = 0 AND l.objid = %s AND l.objsubid = 1",
        (service.WRITER_LOCK_KEY,),
    ).fetchone()
    return (int(row[0]), row[1]) if row is not None else None


def test_a_server_killed_inside_an_open_batch_transaction_rolls_the_batch_back_and_applies_it_once_on_resend(
    clinic: Clinic,
) -> None:
    make_changes(clinic, accesses=2400, movements=560, round_=0)  # with 40 phone edits: 3000 changes
    batch = 1000  # the largest batch: its transaction stays open longest
    inside = 0
    with connect(clinic) as watcher:
        # Kill in the 1st upload transaction of a round, then in the 2nd of the next (after one committed
        # batch), then in the 2nd again; what was open must be rolled back, what committed must stay.
        # (An upload transaction of 1000 changes stays open for about 0.2 s; the kill follows its start
        # within a millisecond or so.)
        for wanted in (1, 2, 2):
            left = pending(clinic.desk)
            nth = min(wanted, -(-left // batch))  # no further than the batches still to send
            before = logged_from_desk(watcher)
            sync = clinic.client(batch_size=batch)
            uploader = Uploader(sync)
            seen: list[tuple[int, Any]] = []
            deadline = time.monotonic() + 20
            while len(seen) < nth:
                holder = writer_lock_holder(watcher)
                if holder is not None and holder not in seen:
                    seen.append(holder)
                assert time.monotonic() < deadline, "no upload transaction was seen"
                assert uploader.thread.is_alive(), [r.message for r in uploader.reports]
            clinic.server.kill()
            applied = after_kill(clinic, uploader, sync, watcher) - before
            # Whole batches only; the batches before the nth are there.
            assert applied % batch == 0 and applied >= (nth - 1) * batch
            inside += applied == (nth - 1) * batch  # the nth, open when killed, is not there at all
            clinic.server.start()
    assert inside >= 2, "too few kills landed while a batch's transaction was open"
    resync_and_check(clinic)


def test_a_dead_server_instance_cannot_hold_the_upload_lock_for_long(central_url: str) -> None:
    """Every session of the service's engine carries TCP keepalives and an idle-in-transaction limit, so
    PostgreSQL ends the transaction (and the writers' advisory lock) of an instance that stopped mid-batch."""
    engine = create_server_engine(central_url)
    try:
        with engine.connect() as connection:
            shown = {
                name: connection.exec_driver_sql(f"SHOW {name}").scalar()
                for name in (
                    "idle_in_transaction_session_timeout",
                    "tcp_keepalives_idle",
                    "tcp_keepalives_interval",
                    "tcp_keepalives_count",
                )
            }
    finally:
        engine.dispose()
    assert shown == {
        "idle_in_transaction_session_timeout": "1min",
        "tcp_keepalives_idle": "30",
        "tcp_keepalives_interval": "10",
        "tcp_keepalives_count": "3",
    }
