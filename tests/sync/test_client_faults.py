"""Faults during sync against the real server: the client process killed (SIGKILL) at random points, and
the connection cut in the middle of a reply. After resyncing nothing is lost and nothing is applied twice.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.database import Database
from db.models import ChangeLogEntry, Patient, PatientAccessLog, User
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
TABLES = ("patient", "patient_access_log")


@pytest.fixture
def clinic(demo_template, central_url: str, sync_server, tmp_path: Path) -> Iterator[dict[str, Any]]:  # type: ignore[no-untyped-def]
    load_baseline(demo_template[0], central_url)
    server = sync_server()
    desks = {name: workstation(demo_template[0], tmp_path / name) for name in ("desk-a", "desk-b")}
    tokens = {name: server.add_workstation(name) for name in desks}
    engine = central_engine(central_url)
    yield {"server": server, "desks": desks, "tokens": tokens, "engine": engine}
    engine.dispose()
    for database in desks.values():
        database.dispose()


def open_records(database: Database, count: int) -> None:
    """*count* openings of patient records, as one write (each is a logged insert), plus phone edits."""
    with database.write() as session:
        user_id = session.scalars(select(User.id).limit(1)).one()
        patient_ids = list(session.scalars(select(Patient.id).order_by(Patient.identity_number).limit(50)))
        for index in range(count):
            session.add(
                PatientAccessLog(
                    patient_id=patient_ids[index % len(patient_ids)],
                    user_id=user_id,
                    description=f"opened {index}",
                )
            )
        for index, patient_id in enumerate(patient_ids):
            patient = session.get(Patient, patient_id)
            assert patient is not None
            patient.phone = f"070-{4_000_000 + index}"


def pending(database: Database) -> int:
    with database.read() as session:
        return int(session.scalar(select(func.count()).where(ChangeLogEntry.uploaded_at.is_(None))) or 0)


def assert_nothing_lost_nothing_twice(
    clinic: dict[str, Any], made_here: set[uuid.UUID], before: int, added: int
) -> None:
    engine = clinic["engine"]
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(PatientAccessLog)) == before + added
    central = server_state(engine, TABLES)
    for database in clinic["desks"].values():
        assert differences(local_state(database, TABLES), central) == []
        assert pending(database) == 0
    server = clinic["server"]
    reader = client(clinic["desks"]["desk-b"], server.url, clinic["tokens"]["desk-b"], "desk-b")
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
    assert len(seen) == len(set(seen)), "a change was applied twice"
    assert made_here <= set(seen), "a change was lost"


def access_count(clinic: dict[str, Any]) -> int:
    with clinic["engine"].connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(PatientAccessLog)) or 0)


def change_ids(database: Database) -> set[uuid.UUID]:
    with database.read() as session:
        return set(session.scalars(select(ChangeLogEntry.id)))


# ---------------------------------------------------------------------------------------- SIGKILL

SYNC_PROCESS = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from app.database import Database
    from app.sync.client import SyncClient

    database = Database(Path(sys.argv[1]))
    client = SyncClient(database, sys.argv[2], os.environ["HD_SYNC_TOKEN"], "desk-a", batch_size=100, page_size=200)
    print("started", flush=True)
    while True:
        report = client.sync_once()
        assert report.ok, report.message
        if report.uploaded == 0 and report.downloaded == 0:
            break
    print("done", flush=True)
    """
)


def _wait_until_partly_uploaded(process: subprocess.Popen[bytes], desk: Database, total: int) -> None:
    """Return when the client has recorded some of its batches as sent but not all (raising
    ``TimeoutExpired``, so the caller kills it there), or when it has ended."""
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        if 0 < pending(desk) < total:
            raise subprocess.TimeoutExpired(process.args, 0)
        time.sleep(0.002)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_client_killed_at_random_points_loses_nothing_and_applies_nothing_twice(clinic) -> None:
    desk = clinic["desks"]["desk-a"]
    before = access_count(clinic)
    open_records(desk, 3000)
    made_here = change_ids(desk)
    total = pending(desk)
    rng = random.Random(20261123)
    partial_kills = 0
    for attempt in range(12):
        environment = {**os.environ, "HD_SYNC_TOKEN": clinic["tokens"]["desk-a"], "PYTHONPATH": str(ROOT)}
        process = subprocess.Popen(
            [sys.executable, "-c", SYNC_PROCESS, str(desk.path), clinic["server"].url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
            cwd=ROOT,
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == b"started", (
            process.stderr.read() if process.stderr else ""
        )
        try:
            if attempt == 0:  # once for certain between two batches, however fast this machine uploads
                _wait_until_partly_uploaded(process, desk, total)
            process.wait(timeout=rng.uniform(0.02, 0.6))
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
            left = pending(desk)
            partial_kills += 0 < left < total
            continue
        finally:
            errors = process.stderr.read() if process.stderr and process.returncode is not None else b""
            for pipe in (process.stdout, process.stderr):
                if pipe is not None:
                    pipe.close()
        assert process.returncode == 0, errors
        break
    assert partial_kills >= 1, "no kill landed in the middle of an upload"

    # Whatever the last run left, a resync here finishes it; the other desk receives it all once.
    server = clinic["server"]
    clients = [client(d, server.url, clinic["tokens"][n], n) for n, d in clinic["desks"].items()]
    sync_until_quiet(clients)
    for one in clients:
        one.close()
    assert_nothing_lost_nothing_twice(clinic, made_here, before, 3000)


# ------------------------------------------------------------------------------ connection cut mid-reply


class CuttingProxy:
    """A TCP proxy on loopback that closes each connection after a budget of reply bytes."""

    def __init__(self, upstream_port: int, rng: random.Random) -> None:
        self.upstream_port = upstream_port
        self.rng = rng
        self.budget: tuple[int, int] | None = (200, 4000)
        self.cuts = 0
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._closed = True
        self.listener.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                downstream, _address = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            limit = self.rng.randint(*self.budget) if self.budget else None
            threading.Thread(target=self._pump, args=(downstream, upstream, None), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, downstream, limit), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, limit: int | None) -> None:
        sent = 0
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if limit is not None and sent + len(data) >= limit:
                    target.sendall(data[: max(0, limit - sent)])
                    self.cuts += 1
                    break
                target.sendall(data)
                sent += len(data)
        except OSError:
            pass
        finally:
            for one in (source, target):
                with contextlib.suppress(OSError):
                    one.shutdown(socket.SHUT_RDWR)
                one.close()


def test_a_connection_cut_mid_reply_loses_nothing_and_applies_nothing_twice(clinic) -> None:
    desk = clinic["desks"]["desk-a"]
    before = access_count(clinic)
    open_records(desk, 600)
    made_here = change_ids(desk)
    server = clinic["server"]
    proxy = CuttingProxy(int(server.url.rsplit(":", 1)[1]), random.Random(7))
    via_proxy = f"http://127.0.0.1:{proxy.port}"
    clients = [
        client(d, via_proxy, clinic["tokens"][n], n, batch_size=50, page_size=60)
        for n, d in clinic["desks"].items()
    ]
    failures = 0
    for _round in range(300):
        reports = [one.sync_once() for one in clients]
        failures += sum(not r.ok for r in reports)
        assert all(r.ok or not r.online for r in reports)  # a cut is "offline", never an exception
        if all(r.ok and r.uploaded == 0 and r.downloaded == 0 for r in reports):
            break
        if failures > 40:
            proxy.budget = (2000, 400_000)  # let the rest through in bigger pieces
    proxy.budget = None
    sync_until_quiet(clients)
    for one in clients:
        one.close()
    proxy.close()
    assert failures > 0 and proxy.cuts > 0
    assert_nothing_lost_nothing_twice(clinic, made_here, before, 600)
