"""Opening the local database: back up, migrate, and hand out read and write units of work.

One session per unit of work and per thread; services receive the session and never open one.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app import changelog
from app.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseReadOnly,
    EnvironmentProblem,
    SchemaTooNew,
)
from db import migrate
from db.engine import BUSY_TIMEOUT_MS, create_sqlite_engine

log = logging.getLogger(__name__)

DATABASE_FILE = "hearing-desk.sqlite"


def classify(error: BaseException, path: Path) -> EnvironmentProblem | None:
    """The environment problem behind a database error, or None when it is a bug."""
    original = getattr(error, "orig", error)
    message = str(original).lower()
    if isinstance(original, sqlite3.OperationalError | OperationalError):
        if "locked" in message or "busy" in message:
            return DatabaseLocked()
        if (
            "readonly" in message
            or "read-only" in message
            or "disk is full" in message
            or "disk i/o" in message
        ):
            return DatabaseReadOnly()
    if isinstance(original, sqlite3.DatabaseError) and (
        "not a database" in message or "malformed" in message or "corrupt" in message
    ):
        return DatabaseCorrupt(str(path))
    return None


class Database:
    """The local SQLite file of this workstation."""

    def __init__(self, path: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.path = path
        self._read_engine = create_sqlite_engine(path, busy_timeout_ms=busy_timeout_ms)
        self._write_engine = create_sqlite_engine(path, immediate=True, busy_timeout_ms=busy_timeout_ms)
        self._readers = sessionmaker(self._read_engine, expire_on_commit=False)
        self._writers = sessionmaker(self._write_engine, expire_on_commit=False)
        for factory in (self._readers, self._writers):
            changelog.install(factory)
            changelog.install_bulk_guard(factory)

    @property
    def engine(self) -> Engine:
        return self._read_engine

    @classmethod
    def open(cls, data_dir: Path) -> Database:
        """Open (creating if needed) the database in *data_dir*, migrating it to head after a backup."""
        data_dir.mkdir(parents=True, exist_ok=True)
        path = data_dir / DATABASE_FILE
        prepare(path)
        return cls(path)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work: flushing a change raises ``WriteOutsideService``."""
        with self._guard(), self._readers() as session:
            yield session  # closing the session ends its transaction; loaded rows stay readable

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One user action's write: one transaction, committed on success, with its change log."""
        with self._guard(), self._writers() as session, session.begin():
            session.info[changelog.WRITER_KEY] = True
            yield session

    @contextmanager
    def seed(self) -> Iterator[Session]:
        """Bulk loading of demo data (a baseline like the population register, not user changes)."""
        with self._guard(), self._writers() as session, session.begin():
            session.info[changelog.SEEDING_KEY] = True
            yield session

    @contextmanager
    def apply_remote(self) -> Iterator[Session]:
        """Applying changes downloaded from the central server (already logged there, so not logged here).

        Foreign keys are checked at commit, so a page of changes may arrive in any order within it.
        """
        with self._guard(), self._writers() as session, session.begin():
            session.info[changelog.REMOTE_KEY] = True
            session.execute(text("PRAGMA defer_foreign_keys = ON"))
            yield session

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as error:
            problem = classify(error, self.path)
            if problem is None:
                raise
            log.warning("database problem: %s", problem.template)
            raise problem from error

    def dispose(self) -> None:
        self._read_engine.dispose()
        self._write_engine.dispose()


def check_readable(path: Path) -> None:
    """Refuse a file that is not an SQLite database or whose schema cannot be read.

    Reading the schema is cheap at any size (a full ``quick_check`` of a large file takes seconds at every
    start); damaged data pages are reported as ``DatabaseCorrupt`` when a query meets them.
    """
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        problem = classify(error, path)
        raise (problem or DatabaseCorrupt(str(path))) from error


def backup(path: Path, revision: str | None) -> Path:
    """A consistent copy of *path* beside it, made with SQLite's backup API (safe with WAL)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{revision or 'empty'}-{stamp}{path.suffix}")
    source = sqlite3.connect(path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def prepare(path: Path) -> None:
    """Make *path* a database at the head schema: check it, back it up, migrate it."""
    exists = path.exists() and path.stat().st_size > 0
    if exists:
        check_readable(path)
    engine = create_sqlite_engine(path)
    try:
        current = migrate.current_revision(engine) if exists else None
        head = migrate.head_revision()
        if current is not None and current not in migrate.known_revisions():
            raise SchemaTooNew(found=current, known=head)
        if current == head:
            return
        if exists:
            copy = backup(path, current)
            log.info("backed up the database before migrating it: %s", copy.name)
        try:
            migrate.upgrade(engine)
        except DBAPIError as error:
            problem = classify(error, path)
            if problem is None:
                raise
            raise problem from error
    finally:
        engine.dispose()


def remove_stale(path: Path) -> None:
    """Remove a database file and its WAL companions (used for a fresh demo database)."""
    for suffix in ("", "-wal", "-shm"):
        candidate = Path(f"{path}{suffix}")
        if candidate.exists():
            candidate.unlink()


__all__ = ["DATABASE_FILE", "Database", "backup", "classify", "prepare", "remove_stale"]
