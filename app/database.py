"""Opening the local database: back up, migrate, and hand out read and write units of work.

One session per unit of work and per thread; services receive the session and never open one.
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from sqlalchemy import Engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from app import articles, changelog
from app.errors import (
    DatabaseCorrupt,
    DatabaseFileEmpty,
    DatabaseLocked,
    DatabaseReadOnly,
    DataFolderUnusable,
    EnvironmentProblem,
    SchemaTooNew,
)
from db import migrate
from db.engine import BUSY_TIMEOUT_MS, WRITER_AUTOCHECKPOINT_PAGES, create_sqlite_engine

log = logging.getLogger(__name__)

DATABASE_FILE = "hearing-desk.sqlite"


#: What an operating-system error means for the data folder: not writable, full, or not a folder.
_FOLDER_ERRNOS = frozenset(
    {
        errno.EACCES,
        errno.EPERM,
        errno.EROFS,
        errno.ENOSPC,
        errno.EDQUOT,
        errno.EFBIG,
        errno.EEXIST,
        errno.ENOTDIR,
    }
)


def classify(error: BaseException, path: Path) -> EnvironmentProblem | None:
    """The environment problem behind an error on the database file *path* or its folder, or None when it
    is a bug. SQLite's primary result code says which (message words for drivers that do not give it)."""
    original = getattr(error, "orig", None) or error
    if isinstance(original, OSError):
        return DataFolderUnusable(str(path.parent)) if original.errno in _FOLDER_ERRNOS else None
    if not isinstance(original, sqlite3.Error):
        return None
    extended = getattr(original, "sqlite_errorcode", None) or 0
    code = extended & 0xFF
    message = str(original).lower()
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in message or "busy" in message:
        return DatabaseLocked()
    if (
        code == sqlite3.SQLITE_CANTOPEN
        or extended == sqlite3.SQLITE_READONLY_DIRECTORY
        or "unable to open database file" in message
    ):
        return DataFolderUnusable(str(path.parent))
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR) or any(
        word in message for word in ("readonly", "read-only", "disk is full", "disk i/o")
    ):
        return DatabaseReadOnly()
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or any(
        word in message for word in ("not a database", "malformed", "corrupt")
    ):
        return DatabaseCorrupt(str(path))
    return None


@contextmanager
def environment_errors(path: Path) -> Iterator[None]:
    """Raise the environment problem behind a database or file error on *path* as the clerk's sentence;
    anything else (a bug) passes through unchanged."""
    try:
        yield
    except (OSError, sqlite3.Error, DBAPIError) as error:
        problem = classify(error, path)
        if problem is None:
            raise
        log.info("told the clerk: %s (%s)", problem.template, error)  # shown, so not a warning on stderr
        raise problem from error


class Checkpointer:
    """Folds the WAL of written databases back into their files on a thread of its own, so that a clerk's
    save never pays for it (with SQLite's own setting, a commit every few dozen sends copies the WAL).

    A write nudges it with the file's path; it waits a moment for more writes, then runs a passive
    checkpoint on a connection of its own: one that neither waits for nor blocks readers and writers, and
    copies what it can. A file that is gone or cannot be written is left alone (its next unit of work says
    why to the clerk). One thread serves every open database of the process.
    """

    #: How long a nudge waits for more writes before the checkpoint runs.
    DELAY_S = 0.2

    def __init__(self) -> None:
        self._due: set[Path] = set()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        #: The last checkpoint of each file: (busy, WAL frames, frames copied), as ``checkpoint`` returns.
        self.last: dict[Path, tuple[int, int, int] | None] = {}

    def nudge(self, path: Path) -> None:
        with self._lock:
            self._due.add(path)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
                self._thread.start()
        self._wake.set()

    def _run(self) -> None:
        while True:
            self._wake.wait()
            time.sleep(self.DELAY_S)
            self._wake.clear()
            with self._lock:
                due, self._due = self._due, set()
            for path in due:
                self.last[path] = checkpoint(path)


def checkpoint(path: Path) -> tuple[int, int, int] | None:
    """A passive checkpoint of *path*: (busy, WAL frames, frames copied), or None when the file cannot be
    opened for writing (gone, read-only, not a database)."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, isolation_level=None)
    except (sqlite3.Error, OSError):
        return None
    try:
        row = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    except sqlite3.Error as error:
        log.debug("no checkpoint of %s: %s", path.name, error)
        return None
    finally:
        connection.close()
    return int(row[0]), int(row[1]), int(row[2])


def _prepare_connection(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    """What a service keeps per connection, made when the connection is opened (outside any unit of work).
    Temporary tables live in memory: they hold a search's matches (never more than the catalogue's rowids),
    and once one exists the setting could no longer change inside a unit of work (the demo data's load sets
    the same)."""
    dbapi_connection.execute("PRAGMA temp_store = MEMORY")
    articles.prepare_connection(dbapi_connection)


#: The page cache (KiB) of a connection applying a large download (``Database.apply_remote(bulk=True)``):
#: its rows go into primary-key and other indexes at random places, and with SQLite's default cache
#: (2 000 KiB) pages were written out and read back again within the one transaction (the writing of a
#: first download of 98 000 rows took 2.6 s with it, 2.2 s with this). Filled only as pages are touched, and
#: given back when the connection returns to the pool, so the window's memory after the download is as
#: before.
BULK_CACHE_KIB = 64 * 1024
_BULK_CACHE = "hearing_desk.bulk_cache"
#: SQLite's own default page cache (``PRAGMA cache_size``: negative is KiB).
SQLITE_DEFAULT_CACHE = -2000


def _end_bulk_cache(dbapi_connection: sqlite3.Connection, record: ConnectionPoolEntry) -> None:
    """Pool check-in: a connection that applied a large download gets SQLite's default cache back (its
    pages beyond it are freed)."""
    if record.info.pop(_BULK_CACHE, False):
        dbapi_connection.execute(f"PRAGMA cache_size = {SQLITE_DEFAULT_CACHE}")


#: The process's one checkpoint thread.
CHECKPOINTER = Checkpointer()


class Database:
    """The local SQLite file of this workstation."""

    def __init__(self, path: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.path = path
        self._read_engine = create_sqlite_engine(path, busy_timeout_ms=busy_timeout_ms)
        self._write_engine = create_sqlite_engine(
            path,
            immediate=True,
            busy_timeout_ms=busy_timeout_ms,
            autocheckpoint_pages=WRITER_AUTOCHECKPOINT_PAGES,
        )
        for engine in (self._read_engine, self._write_engine):
            event.listen(engine, "connect", _prepare_connection)
        event.listen(self._write_engine, "checkin", _end_bulk_cache)
        event.listen(self._read_engine, "checkin", articles.refresh_name_order)
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
        path = data_dir / DATABASE_FILE
        with environment_errors(path):
            data_dir.mkdir(parents=True, exist_ok=True)
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
        CHECKPOINTER.nudge(self.path)

    @contextmanager
    def seed(self) -> Iterator[Session]:
        """Bulk loading of demo data (a baseline like the population register, not user changes)."""
        with self._guard(), self._writers() as session, session.begin():
            session.info[changelog.SEEDING_KEY] = True
            yield session
        CHECKPOINTER.nudge(self.path)

    @contextmanager
    def apply_remote(self, *, bulk: bool = False) -> Iterator[Session]:
        """Applying changes downloaded from the central server (already logged there, so not logged here).

        Foreign keys are checked at commit, so a page of changes may arrive in any order within it.
        *bulk* (many thousand rows, a first download) gives the connection a page cache of
        ``BULK_CACHE_KIB`` until it is back in the pool.
        """
        with self._guard(), self._writers() as session, session.begin():
            session.info[changelog.REMOTE_KEY] = True
            session.execute(text("PRAGMA defer_foreign_keys = ON"))
            if bulk:
                session.connection().connection.info[_BULK_CACHE] = True
                session.execute(text(f"PRAGMA cache_size = -{BULK_CACHE_KIB}"))
            yield session
        CHECKPOINTER.nudge(self.path)

    def _guard(self) -> AbstractContextManager[None]:
        return environment_errors(self.path)

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


def recorded_revision(path: Path) -> str | None:
    """The schema revision the file records (Alembic's table, read directly), or None."""
    with environment_errors(path):
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:  # no such table: a database no migration has touched
            return None
        finally:
            connection.close()
    return str(row[0]) if row else None


def check_writable(path: Path) -> None:
    """Refuse at start a database the clerk could read but not save to (a read-only file or folder): one
    page is written in a transaction that is rolled back (``BEGIN IMMEDIATE`` alone succeeds on a read-only
    file in WAL mode)."""
    with environment_errors(path):
        connection = sqlite3.connect(path, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            connection.execute(f"PRAGMA user_version = {int(version)}")
            connection.execute("ROLLBACK")
        finally:
            connection.close()


def backup(path: Path, revision: str | None) -> Path:
    """A consistent copy of *path* beside it, made with SQLite's backup API (safe with WAL); a copy that
    fails (the disk is full) is removed rather than left half-written."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{revision or 'empty'}-{stamp}{path.suffix}")
    source = sqlite3.connect(path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    except BaseException:
        for leftover in (target, Path(f"{target}-journal")):
            leftover.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    return target


def prepare(path: Path) -> None:
    """Make *path* a database at the head schema: check it, back it up, migrate it.

    A new database is made under another name and renamed once migrated, so the program never leaves an
    empty or half-made file where the database should be; a 0-byte file found there is a copy or restore
    that failed, and is refused and left as it is rather than filled with new data.
    """
    if not path.exists():
        create(path)
        return
    if path.stat().st_size == 0:
        raise DatabaseFileEmpty(str(path))
    check_readable(path)
    check_writable(path)
    if recorded_revision(path) == migrate.script_head():
        return  # the usual start: at the head schema already, decided without loading Alembic
    with environment_errors(path):
        engine = create_sqlite_engine(path)
        try:
            current = migrate.current_revision(engine)
            head = migrate.head_revision()
            if current is not None and current not in migrate.known_revisions():
                raise SchemaTooNew(found=current, known=head)
            if current == head:
                return
            copy = backup(path, current)
            log.info("backed up the database before migrating it: %s", copy.name)
            migrate.upgrade(engine)
        finally:
            engine.dispose()


def create(path: Path) -> None:
    """A new database at the head schema, made as ``<name>.new`` and renamed to *path* when complete."""
    scratch = path.with_name(f"{path.name}.new")
    remove_stale(scratch)
    with environment_errors(path):
        engine = create_sqlite_engine(scratch)
        try:
            migrate.upgrade(engine)
        finally:
            engine.dispose()
        # Closing the last connection folds the WAL into the file; checkpoint to be sure nothing is left in
        # a ``-wal`` file that the rename would leave behind.
        connection = sqlite3.connect(scratch)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
        remove_stale(Path(f"{scratch}-wal"), Path(f"{scratch}-shm"))
        os.replace(scratch, path)


def remove_stale(*paths: Path) -> None:
    """Remove database files and their WAL companions (a fresh demo database, a half-made new one)."""
    for path in paths:
        with environment_errors(path):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)


__all__ = [
    "DATABASE_FILE",
    "Database",
    "backup",
    "check_writable",
    "checkpoint",
    "classify",
    "create",
    "environment_errors",
    "prepare",
    "remove_stale",
]
