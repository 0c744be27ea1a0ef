"""The local change log: every insert, update and delete of a synced row, appended in the same flush.

Sync uploads it in ``local_seq`` order. The listener is installed on the session factory of
``app.database.Database``; a session that was not opened as a write unit of work refuses to flush, so no
write path can skip the log. The same listener remembers the tables a unit of work wrote
(``touched_tables``), from which the operation runner tells every tab what changed (``app.changes``).
"""

from __future__ import annotations

import uuid
from functools import cache
from typing import Any

from sqlalchemy import event, func, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from app.errors import WriteOutsideService
from db.models import ChangeLogEntry, Synced
from db.models.enums import ChangeOperation
from db.sync_protocol.values import json_value, synced_tables  # the protocol's forms, defined once

WRITER_KEY = "hearing_desk_writer"
SEEDING_KEY = "hearing_desk_seeding"
#: A session applying changes downloaded from the central server: they are already in the server's log.
REMOTE_KEY = "hearing_desk_remote"
_NEXT_SEQ_KEY = "hearing_desk_next_seq"
_TOUCHED_KEY = "hearing_desk_touched"


def _row_values(obj: Synced, only_changed: bool) -> dict[str, Any]:
    state = inspect(obj)
    values: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if only_changed and not state.attrs[attr.key].history.has_changes():
            continue
        values[attr.key] = json_value(getattr(obj, attr.key))
    return values


def _fill_defaults(obj: Synced) -> None:
    """Give unset columns their Python-side default now, so the logged insert is the row as stored.

    (The INSERT would apply the same defaults after this flush hook; the payload must not hold NULLs.)
    """
    state = inspect(obj)
    for attr in state.mapper.column_attrs:
        column = attr.columns[0]
        default = getattr(column, "default", None)
        if default is None or getattr(obj, attr.key) is not None:
            continue
        if default.is_scalar:
            setattr(obj, attr.key, default.arg)
        elif default.is_callable:
            setattr(obj, attr.key, default.arg(None))


def _base_values(obj: Synced) -> dict[str, Any]:
    """The values the changed columns had before this change (as loaded in this session)."""
    state = inspect(obj)
    base: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if history.has_changes():
            base[attr.key] = json_value(history.deleted[0]) if history.deleted else None
    return base


def _next_seq(session: Session) -> int:
    seq = session.info.get(_NEXT_SEQ_KEY)
    if seq is None:
        with session.no_autoflush:
            seq = (session.execute(select(func.max(ChangeLogEntry.local_seq))).scalar() or 0) + 1
    session.info[_NEXT_SEQ_KEY] = seq + 1
    return int(seq)


def _log(
    session: Session,
    obj: Synced,
    operation: ChangeOperation,
    payload: dict[str, Any],
    base: dict[str, Any] | None = None,
) -> None:
    session.add(
        ChangeLogEntry(
            local_seq=_next_seq(session),
            table_name=obj.__tablename__,
            row_id=obj.id,
            operation=operation,
            payload=payload,
            base=base,
        )
    )


def _remember_tables(session: Session) -> None:
    """Note the table of every row this flush writes (synced or not), for ``touched_tables``."""
    touched: set[str] = session.info.setdefault(_TOUCHED_KEY, set())
    for obj in (*session.new, *session.deleted):
        touched.add(inspect(obj).mapper.local_table.name)
    for obj in session.dirty:
        if session.is_modified(obj):
            touched.add(inspect(obj).mapper.local_table.name)


def touched_tables(session: Session) -> frozenset[str]:
    """The tables whose rows *session* inserted, updated or deleted (read after its unit of work)."""
    return frozenset(session.info.get(_TOUCHED_KEY, ()))


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get(SEEDING_KEY) or session.info.get(REMOTE_KEY):
        return
    _remember_tables(session)
    synced_new = [o for o in session.new if isinstance(o, Synced)]
    synced_dirty = [o for o in session.dirty if isinstance(o, Synced) and session.is_modified(o)]
    synced_deleted = [o for o in session.deleted if isinstance(o, Synced)]
    if not (synced_new or synced_dirty or synced_deleted):
        return
    if not session.info.get(WRITER_KEY):
        raise WriteOutsideService(
            "a synced row was written outside an app service's write unit of work; use Database.write()"
        )
    for obj in synced_new:
        if obj.id is None:
            obj.id = uuid.uuid4()
        _fill_defaults(obj)
        _log(session, obj, ChangeOperation.INSERT, _row_values(obj, only_changed=False))
    for obj in synced_dirty:
        _log(session, obj, ChangeOperation.UPDATE, _row_values(obj, only_changed=True), _base_values(obj))
    for obj in synced_deleted:
        _log(session, obj, ChangeOperation.DELETE, {})


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
