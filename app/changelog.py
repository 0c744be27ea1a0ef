"""The local change log: every insert, update and delete of a synced row, appended in the same flush.

Sync uploads it in ``local_seq`` order. The listener is installed on the session factory of
``app.database.Database``; a session that was not opened as a write unit of work refuses to flush, so no
write path can skip the log. The same listener remembers the tables a unit of work wrote
(``touched_tables``), from which the operation runner tells every tab what changed (``app.changes``).
"""

from __future__ import annotations

import uuid
from functools import cache
from typing import Any, cast

from sqlalchemy import Table, event, func, insert, inspect, select
from sqlalchemy.orm import InstanceState, Mapper, Session, sessionmaker
from sqlalchemy.orm.base import PASSIVE_NO_INITIALIZE

from app.errors import WriteOutsideService
from db.base import new_id, utc_now
from db.models import ChangeLogEntry, Synced
from db.models.enums import ChangeOperation
from db.sync_protocol.values import json_value, synced_tables  # the protocol's forms, defined once

WRITER_KEY = "hearing_desk_writer"
SEEDING_KEY = "hearing_desk_seeding"
#: A session applying changes downloaded from the central server: they are already in the server's log.
REMOTE_KEY = "hearing_desk_remote"
_NEXT_SEQ_KEY = "hearing_desk_next_seq"
_TOUCHED_KEY = "hearing_desk_touched"


@cache
def _columns(mapper: Mapper[Any]) -> tuple[tuple[str, ...], tuple[tuple[str, Any], ...]]:
    """A mapped class's column attributes, and those with a Python-side default (read once per class)."""
    keys = tuple(attr.key for attr in mapper.column_attrs)
    defaults = tuple(
        (attr.key, default)
        for attr in mapper.column_attrs
        if (default := getattr(attr.columns[0], "default", None)) is not None
    )
    return keys, defaults


def _insert_values(state: InstanceState[Any]) -> dict[str, Any]:
    """Every column of a new row, its Python-side defaults given now, so the logged insert is the row as
    stored (the INSERT would apply the same defaults after this flush hook; the payload must not hold
    NULLs)."""
    keys, defaults = _columns(state.mapper)
    obj, values = state.obj(), state.dict
    for key, default in defaults:
        if values.get(key) is not None:
            continue
        if default.is_scalar:
            setattr(obj, key, default.arg)
        elif default.is_callable:
            setattr(obj, key, default.arg(None))
    return {key: json_value(values.get(key)) for key in keys}


def _update_values(state: InstanceState[Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The changed columns of a row: their new values, and the values they had before this change (as
    loaded in this session). A column set since it was loaded is in ``committed_state``, as the flush
    itself reads it; its history says whether the value really changed."""
    values: dict[str, Any] = {}
    base: dict[str, Any] = {}
    committed = state.committed_state
    if not committed:
        return values, base
    obj = state.obj()
    for key in _columns(state.mapper)[0]:
        if key not in committed:
            continue
        history = state.get_history(key, PASSIVE_NO_INITIALIZE)
        if history.has_changes():
            values[key] = json_value(getattr(obj, key))
            base[key] = json_value(history.deleted[0]) if history.deleted else None
    return values, base


_LAST_SEQ = select(func.max(ChangeLogEntry.local_seq))


def _next_seq(session: Session) -> int:
    seq = session.info.get(_NEXT_SEQ_KEY)
    if seq is None:  # read on the connection: no autoflush, none of the ORM's work for one number
        seq = (session.connection().execute(_LAST_SEQ).scalar() or 0) + 1
    session.info[_NEXT_SEQ_KEY] = seq + 1
    return int(seq)


def _entry(
    session: Session,
    obj: Synced,
    operation: ChangeOperation,
    payload: dict[str, Any],
    base: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "id": new_id(),
        "local_seq": _next_seq(session),
        "table_name": obj.__tablename__,
        "row_id": obj.id,
        "operation": operation,
        "payload": payload,
        "base": base,
        "recorded_at": utc_now(),
    }


def touched_tables(session: Session) -> frozenset[str]:
    """The tables whose rows *session* inserted, updated or deleted (read after its unit of work)."""
    return frozenset(session.info.get(_TOUCHED_KEY, ()))


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get(SEEDING_KEY) or session.info.get(REMOTE_KEY):
        return
    new, deleted = list(session.new), list(session.deleted)
    modified = [o for o in session.dirty if session.is_modified(o)]
    # The table of every row this flush writes (synced or not), for ``touched_tables``.
    touched: set[str] = session.info.setdefault(_TOUCHED_KEY, set())
    touched.update(inspect(o).mapper.local_table.name for o in (*new, *deleted, *modified))
    synced_new = [o for o in new if isinstance(o, Synced)]
    synced_dirty = [o for o in modified if isinstance(o, Synced)]
    synced_deleted = [o for o in deleted if isinstance(o, Synced)]
    if not (synced_new or synced_dirty or synced_deleted):
        return
    if not session.info.get(WRITER_KEY):
        raise WriteOutsideService(
            "a synced row was written outside an app service's write unit of work; use Database.write()"
        )
    entries = []
    for obj in synced_new:
        if obj.id is None:
            obj.id = new_id()
        entries.append(_entry(session, obj, ChangeOperation.INSERT, _insert_values(inspect(obj))))
    for obj in synced_dirty:
        entries.append(_entry(session, obj, ChangeOperation.UPDATE, *_update_values(inspect(obj))))
    for obj in synced_deleted:
        entries.append(_entry(session, obj, ChangeOperation.DELETE, {}))
    # One INSERT of plain rows in the flush's transaction (no ORM object per entry to track and flush).
    session.connection().execute(insert(ChangeLogEntry), entries)


#: Tables whose rows a trigger copies into a full-text index (migrations 0005 and 0009).
_FULL_TEXT_INDEXED = frozenset({"article", "individual"})


def insert_rows(session: Session, model: type[Synced], rows: list[dict[str, Any]]) -> None:
    """Insert *rows* of *model* as plain rows (one INSERT, no ORM object per row to track and flush) and log
    each in the change log as the flush would log an ORM insert: every column, Python-side defaults given.

    For rows the unit of work only appends (stock movements, individual events, receipt lines). The session
    is flushed first, so rows they refer to are stored and logged before them.
    """
    if not rows:
        return
    session.flush()
    info = session.info
    if not (info.get(SEEDING_KEY) or info.get(REMOTE_KEY) or info.get(WRITER_KEY)):
        raise WriteOutsideService(
            "a synced row was written outside an app service's write unit of work; use Database.write()"
        )
    mapper = inspect(model)
    keys, defaults = _columns(mapper)
    for index, given in enumerate(rows):
        row = rows[index] = dict.fromkeys(keys) | given  # one INSERT: every row names every column
        for key, default in defaults:
            if row[key] is not None:
                continue
            if default.is_scalar:
                row[key] = default.arg
            elif default.is_callable:
                row[key] = default.arg(None)
    table = cast(Table, mapper.local_table)
    connection = session.connection()
    # A table with a full-text index gets its rows in multi-row INSERT statements (RETURNING makes
    # SQLAlchemy send them so, up to a thousand rows each) rather than one statement per row: SQLite 3.40
    # writes the index's pending rows to disk after every statement (one index segment per row, merged
    # again and again: a 20-device receipt paid 15 ms for it every few receipts).
    statement = insert(table).returning(table.c.id) if table.name in _FULL_TEXT_INDEXED else insert(table)
    connection.execute(statement, rows)
    touched: set[str] = info.setdefault(_TOUCHED_KEY, set())
    touched.add(table.name)
    if info.get(SEEDING_KEY) or info.get(REMOTE_KEY):
        return
    name = model.__tablename__
    entries = []
    for row in rows:
        entries.append(
            {
                "id": new_id(),
                "local_seq": _next_seq(session),
                "table_name": name,
                "row_id": row["id"],
                "operation": ChangeOperation.INSERT,
                "payload": {key: json_value(row[key]) for key in keys},
                "base": None,
                "recorded_at": utc_now(),
            }
        )
    connection.execute(insert(ChangeLogEntry), entries)


class PlainRows:
    """Rows a unit of work only appends (stock movements, individual events), gathered as plain values and
    written together by ``write`` through ``insert_rows``: far cheaper than an ORM object each."""

    def __init__(self) -> None:
        self._rows: dict[type[Synced], list[dict[str, Any]]] = {}

    def add(self, model: type[Synced], **values: Any) -> uuid.UUID:
        """Queue one row of *model*; returns its id (given now unless *values* hold one)."""
        row_id = values.setdefault("id", new_id())
        self._rows.setdefault(model, []).append(values)
        return row_id

    def write(self, session: Session) -> None:
        """Insert and log every queued row (after flushing the ORM rows they may refer to), a table before
        the tables that refer to it."""
        order = _table_order()
        for model in sorted(self._rows, key=lambda model: order[model.__tablename__]):
            insert_rows(session, model, self._rows[model])
        self._rows.clear()


@cache
def _table_order() -> dict[str, int]:
    """Each table's place in an order where a table comes before the tables whose foreign keys name it."""
    return {table.name: place for place, table in enumerate(Synced.metadata.sorted_tables)}


def _after_end(session: Session, _transaction: Any) -> None:
    session.info.pop(_NEXT_SEQ_KEY, None)


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_soft_rollback", _after_end)
    event.listen(factory, "after_commit", lambda s: _after_end(s, None))


@cache
def synced_table_names() -> frozenset[str]:
    return frozenset(synced_tables())


def _refuse_bulk_dml(orm_execute_state: Any) -> None:
    """``insert()``/``update()``/``delete()`` statements on synced tables would bypass the per-row log."""
    if not (orm_execute_state.is_insert or orm_execute_state.is_update or orm_execute_state.is_delete):
        return
    info = orm_execute_state.session.info
    if info.get(SEEDING_KEY) or info.get(REMOTE_KEY):
        return
    table = getattr(orm_execute_state.statement, "table", None)
    if table is not None and table.name in synced_table_names():
        raise WriteOutsideService(f"a statement writing {table.name} directly skips the change log")


def install_bulk_guard(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "do_orm_execute", _refuse_bulk_dml)
