"""A real PostgreSQL server for the sync tests, a fresh migrated database per test, and live sync servers.

``postgres_server`` runs initdb on a throwaway data directory (as the ``postgres`` OS user when the tests
run as root, since initdb refuses root), listens on a free port of 127.0.0.1 with trust authentication, and
is stopped at the end of the session, also after a failure. Missing PostgreSQL binaries fail the run: these
tests are never skipped.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
import uvicorn
from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import NullPool

from db.server import migrate, service
from db.server.app import create_app
from db.server.cli import server_engine

TEMPLATE_DB = "hearing_desk_template"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pg_bin_dir() -> Path:
    """Where initdb and postgres live: $PG_BIN, else the newest Debian-style install, else PATH."""
    candidates = [os.environ.get("PG_BIN", "")]
    candidates += sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True
    )
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    for candidate in candidates:
        if candidate and (Path(candidate) / "initdb").exists() and (Path(candidate) / "postgres").exists():
            return Path(candidate)
    pytest.fail(
        "PostgreSQL is needed for the sync tests but initdb/postgres were not found "
        "(install PostgreSQL or set PG_BIN to its bin folder).",
        pytrace=False,
    )


def _fast_shutdown(data: Path, process: subprocess.Popen[bytes]) -> None:
    """SIGINT to the postmaster itself (runuser in between does not pass signals on)."""
    try:
        pid = int((data / "postmaster.pid").read_text().splitlines()[0])
        os.kill(pid, signal.SIGINT)
    except (OSError, ValueError, IndexError):
        process.send_signal(signal.SIGINT)


@dataclass
class PostgresServer:
    host: str
    port: int
    user: str

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname="postgres", autocommit=True
        )


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    with running_postgres() as server:
        yield server


@contextlib.contextmanager
def running_postgres() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL cluster on a free port of 127.0.0.1, removed again on leaving."""
    bin_dir = _pg_bin_dir()
    as_root = os.geteuid() == 0
    run_as: list[str] = []
    owner = None
    if as_root:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail(
                "The tests run as root but there is no 'postgres' user to run PostgreSQL as.", pytrace=False
            )
        run_as = ["runuser", "-u", "postgres", "--"]
    base = Path(tempfile.mkdtemp(prefix="hd-pg-"))
    base.chmod(0o755)
    data = base / "data"
    data.mkdir(mode=0o700)
    if owner is not None:
        os.chown(data, owner.pw_uid, owner.pw_gid)
    user = "postgres"
    process: subprocess.Popen[bytes] | None = None
    try:
        subprocess.run(
            [
                *run_as,
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                user,
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        port = _free_port()
        process = subprocess.Popen(
            [
                *run_as,
                str(bin_dir / "postgres"),
                "-D", str(data),
                "-p", str(port),
                "-k", str(data),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
                "-c", "max_connections=300",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        server = PostgresServer("127.0.0.1", port, user)
        deadline = time.monotonic() + 30
        while True:
            try:
                server.admin().close()
                break
            except psycopg.OperationalError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("The throwaway PostgreSQL server did not start.", pytrace=False)
                time.sleep(0.1)
        yield server
    finally:
        if process is not None and process.poll() is None:
            _fast_shutdown(data, process)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def central_template(postgres_server: PostgresServer) -> str:
    """A database migrated to head (domain and server tables), copied for every test."""
    with postgres_server.admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE_DB}"')
        conn.execute(f'CREATE DATABASE "{TEMPLATE_DB}"')
    engine = create_engine(postgres_server.url(TEMPLATE_DB), poolclass=NullPool)
    migrate.upgrade(engine)
    engine.dispose()
    return TEMPLATE_DB


@pytest.fixture
def central_url(postgres_server: PostgresServer, central_template: str) -> Iterator[str]:
    """The URL of a fresh, migrated, empty central database of this test's own."""
    name = f"hd_{uuid.uuid4().hex[:16]}"
    with postgres_server.admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{central_template}"')
    yield postgres_server.url(name)
    with postgres_server.admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class RunningServer:
    """One sync service instance serving over loopback in a background thread."""

    url: str
    engine: Engine
    database_url: str
    _server: uvicorn.Server
    _thread: threading.Thread
    _stopped: bool = field(default=False)

    def add_workstation(self, name: str) -> str:
        return service.add_workstation(self.engine, name)

    def revoke(self, name: str) -> None:
        service.revoke_workstation(self.engine, name)

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._server.config.app.state.watermark.stop()  # lifespan is off here: stop its listener
        self.engine.dispose()


def start_server(database_url: str, *, demo: bool = False) -> RunningServer:
    """``create_app`` under uvicorn in a background thread, on a free port of 127.0.0.1 (*demo*: a training
    server, ``serve --demo``)."""
    engine = server_engine(database_url)
    # proto=IPPROTO_TCP so asyncio sets TCP_NODELAY on accepted connections (no 40 ms Nagle stalls).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        create_app(engine, demo=demo), log_level="warning", lifespan="off", access_log=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True, name=f"sync-{port}")
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the sync server did not start")
        time.sleep(0.01)
    return RunningServer(f"http://127.0.0.1:{port}", engine, database_url, server, thread)


@pytest.fixture
def sync_server(central_url: str) -> Iterator[Callable[..., RunningServer]]:
    """A factory: ``sync_server()`` starts an instance on this test's central database; call it again for
    a second instance on the same database (``sync_server(database_url)`` for another database;
    ``sync_server(demo=True)`` for a training server)."""
    running: list[RunningServer] = []

    def start(database_url: str | None = None, *, demo: bool = False) -> RunningServer:
        instance = start_server(database_url or central_url, demo=demo)
        running.append(instance)
        return instance

    yield start
    for instance in running:
        with contextlib.suppress(Exception):
            instance.stop()
