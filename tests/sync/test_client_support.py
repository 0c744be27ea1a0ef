"""Helpers shared by the sync client's tests against the real server (no tests of its own).

* ``load_baseline`` copies every synced row of a workstation's demo database into the central
  PostgreSQL database through SQLAlchemy Core, so server and workstations start from the same baseline.
* ``synced_state`` reads tables in one normalised form, so a workstation's SQLite rows and the server's
  PostgreSQL rows compare equal exactly when they hold the same values.
"""

from __future__ import annotations

import datetime as dt
import enum
import shutil
import sqlite3
import uuid
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import httpx
from sqlalchemy import Connection, Engine, Table, create_engine, insert, select, update
from sqlalchemy.pool import NullPool

from app.changelog import synced_table_names
from app.database import DATABASE_FILE, Database
from app.first_start import DEMO_DATA
from app.sync.client import SyncClient, SyncReport
from db.base import Base
from db.engine import create_sqlite_engine
from db.models import NumberBlock
from db.server.models import NumberCounter


def synced_tables() -> list[Table]:
    """Every synced table, parents before children."""
    names = synced_table_names()
    return [t for t in Base.metadata.sorted_tables if t.name in names]


def _to_central(value: Any) -> Any:
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def load_baseline(sqlite_path: Path, central_url: str) -> dict[str, int]:
    """Copy every synced row of *sqlite_path* into the central database; rows per table."""
    source = create_sqlite_engine(sqlite_path)
    target = create_engine(central_url, poolclass=NullPool)
    counts: dict[str, int] = {}
    try:
        with source.connect() as reader, target.begin() as writer:
            for table in synced_tables():
                rows = [
                    {k: _to_central(v) for k, v in r.items()}
                    for r in reader.execute(select(table)).mappings()
                ]
                counts[table.name] = len(rows)
                if not rows:
                    continue
                # A table referring to itself (a patient replaced by another): those links go in afterwards.
                own = [fk.parent.key for fk in table.foreign_keys if fk.column.table is table]
                first = [{**r, **dict.fromkeys(own)} for r in rows] if own else rows
                for start in range(0, len(first), 2000):
                    writer.execute(table.insert(), first[start : start + 2000])
                links = [r for r in rows if any(r[k] is not None for k in own)]
                for row in links:  # the whole row, so onupdate columns keep their values
                    writer.execute(update(table).where(table.c.id == row["id"]).values(row))
            # The numbers the demo already handed out this week are used: the server's sequence goes on
            # after them (R15), as it would after the documents a region's first sync brings in.
            counter = cast(Table, NumberCounter.__table__)
            for week, next_running in reader.execute(select(NumberBlock.year_week, NumberBlock.next)):
                writer.execute(insert(counter).values(year_week=week, next_first=next_running))
    finally:
        source.dispose()
        target.dispose()
    return counts


def central_engine(central_url: str) -> Engine:
    return create_engine(central_url, poolclass=NullPool)


def workstation(template: Path, folder: Path) -> Database:
    """A workstation's database: a copy of the demo data without its numbers and without the demo's mark.
    The demo grants itself the whole week; a workstation that syncs holds only the blocks it leases, or two
    of them would hand out the same numbers (R15). It stands for a real clinic whose data happens to equal
    the demo's, so it syncs with a real server (a marked demo database never would)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(template, folder / DATABASE_FILE)
    with sqlite3.connect(folder / DATABASE_FILE) as connection:
        connection.execute("DELETE FROM number_block")
    clear_demo_mark(folder / DATABASE_FILE)
    return Database.open(folder)


def clear_demo_mark(path: Path) -> None:
    """Take the demo's mark off the database file *path* (a real clinic's data that equals the demo's)."""
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM node_setting WHERE key = ?", (DEMO_DATA,))
    connection.close()


def normal(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return aware.astimezone(dt.UTC).isoformat()
    if isinstance(value, Decimal):
        return str(value.quantize(Decimal("0.01")))
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def read_state(connection: Connection, tables: Iterable[str]) -> dict[str, dict[str, dict[str, Any]]]:
    state: dict[str, dict[str, dict[str, Any]]] = {}
    for name in tables:
        table = Base.metadata.tables[name]
        state[name] = {
            str(row["id"]): {k: normal(v) for k, v in row.items()}
            for row in connection.execute(select(table)).mappings()
        }
    return state


def local_state(database: Database, tables: Iterable[str]) -> dict[str, dict[str, dict[str, Any]]]:
    with database.engine.connect() as connection:
        return read_state(connection, tables)


def server_state(engine: Engine, tables: Iterable[str]) -> dict[str, dict[str, dict[str, Any]]]:
    with engine.connect() as connection:
        return read_state(connection, tables)


def differences(
    mine: dict[str, dict[str, dict[str, Any]]], theirs: dict[str, dict[str, dict[str, Any]]]
) -> list[str]:
    """Short descriptions of what differs (empty when equal)."""
    found = []
    for name in mine:
        a, b = mine[name], theirs[name]
        for row_id in a.keys() - b.keys():
            found.append(f"{name} {row_id} only here")
        for row_id in b.keys() - a.keys():
            found.append(f"{name} {row_id} only on the server")
        for row_id in a.keys() & b.keys():
            if a[row_id] != b[row_id]:
                columns = [k for k in a[row_id] if a[row_id][k] != b[row_id].get(k)]
                found.append(
                    f"{name} {row_id} differs: "
                    + ", ".join(f"{k} {a[row_id][k]!r} here, {b[row_id].get(k)!r} there" for k in columns)
                )
    return found[:20]


def client(database: Database, url: str, token: str, name: str, **options: Any) -> SyncClient:
    return SyncClient(
        database, url, token, name, http=httpx.Client(timeout=httpx.Timeout(30.0, connect=3.0)), **options
    )


def sync_until_quiet(clients: Iterable[SyncClient], rounds: int = 6) -> list[SyncReport]:
    """Every client syncs, in the given order, until a whole pass uploads and downloads nothing."""
    clients = list(clients)
    reports: list[SyncReport] = []
    for _ in range(rounds):
        quiet = True
        for one in clients:
            report = one.sync_once()
            reports.append(report)
            assert report.ok, report.message
            quiet = quiet and report.uploaded == 0 and report.downloaded == 0 and report.rejected == 0
        if quiet:
            return reports
    raise AssertionError("the workstations did not become quiet")
