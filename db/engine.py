"""Engines for the local SQLite file (WAL, foreign keys on) and the central PostgreSQL database."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

BUSY_TIMEOUT_MS = 5000

#: WAL pages after which a writer's commit folds the WAL back into the file itself. The workstation's
#: checkpoints run off the clerk's unit of work (``app.database.Checkpointer``); this is only the backstop
#: for a WAL that grows faster than they run (about 80 MB of 4 KiB pages), and SQLite's default of 1000
#: pages would put a checkpoint inside every few dozen sends.
WRITER_AUTOCHECKPOINT_PAGES = 20000


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def create_sqlite_engine(
    path: Path,
    *,
    immediate: bool = False,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    autocheckpoint_pages: int | None = None,
) -> Engine:
    """An engine on *path*; ``immediate`` engines take the write lock when a transaction begins.

    Writers use ``BEGIN IMMEDIATE`` so two writers never both read before writing (the change log's local
    sequence stays gap-free and unique); readers use a plain ``BEGIN`` and, in WAL mode, never block.
    Both keep their connections in a pool, so a unit of work neither opens and sets up the file again nor
    reads the pages it needs afresh (a connection's page cache outlives its transactions).
    *autocheckpoint_pages* replaces SQLite's 1000 pages at which a commit checkpoints the WAL.
    """
    engine = create_engine(sqlite_url(path))
    begin = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")
        if autocheckpoint_pages is not None:
            cursor.execute(f"PRAGMA wal_autocheckpoint = {int(autocheckpoint_pages)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)

    return engine


#: Per-session PostgreSQL settings for the sync service: a server instance that dies mid-transaction
#: (machine gone, network split) must not hold the upload lock for TCP's default two hours.
SERVER_SESSION_OPTIONS = (
    "-c tcp_keepalives_idle=30 -c tcp_keepalives_interval=10 -c tcp_keepalives_count=3 "
    "-c idle_in_transaction_session_timeout=60000"
)


def create_server_engine(url: str | URL) -> Engine:
    """The central database: PostgreSQL (psycopg 3) in production; SQLite, with writers taking the lock at
    BEGIN, for a trial (``hearing-desk-server --allow-sqlite``) and tests."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return create_sqlite_engine(Path(parsed.database or ""), immediate=True)
    return create_engine(
        url,
        # No test query before every request (an idle poll would pay a round trip for it): a connection
        # that died with a database restart fails one request (503) and the pool starts afresh.
        pool_pre_ping=False,
        pool_size=10,
        max_overflow=20,
        connect_args={"options": SERVER_SESSION_OPTIONS},
    )
