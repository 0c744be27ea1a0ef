"""Rows from the central server into the workstation's SQLite file.

A downloaded page holds the server's full rows in their JSON form. ``put_rows`` turns each value straight
into the form SQLite stores (what SQLAlchemy's column types would bind: a UUID as 32 hex digits, a moment as
``YYYY-MM-DD HH:MM:SS.ffffff`` in UTC, an amount as a float, …), checking it as ``from_json`` does, and
writes a table's rows with one prepared statement through the driver (``executemany``): a plain INSERT for
rows this workstation lacks (a new workstation's first download is nothing else) and an upsert for the rest.
A row that lacks columns goes through ``upsert``, SQLAlchemy's statement, which fills defaults as before.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Column, Connection, DateTime, Enum, String, Table, Uuid
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.articles import indexed_text
from db.sync_protocol.values import BadValue, converters, from_json

_DIALECT = sqlite.dialect()
#: Ids per ``IN (…)`` when asking which rows are already here (well below SQLite's limit of variables).
_CHUNK = 900

Storage = Callable[[Any], Any]


def upsert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert or replace rows of column values (grouped by their set of columns, one executemany each);
    a row's columns that are not given keep their value, or get their default in a new row."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    for keys, group in groups.items():
        statement = sqlite_insert(table)
        updates = {k: statement.excluded[k] for k in keys if k != "id"}
        if updates:
            statement = statement.on_conflict_do_update(index_elements=[table.c.id], set_=updates)
        else:
            statement = statement.on_conflict_do_nothing(index_elements=[table.c.id])
        session.execute(statement, group)


#: The wire's usual forms of a UUID and of a moment (``json_value``'s, in UTC), in ASCII digits only.
_UUID_TEXT = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_UTC_MOMENT = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})T([0-9]{2}:[0-9]{2}:[0-9]{2})(\.[0-9]{6})?\+00:00")


def _uuid_hex(convert: Storage) -> Storage:
    """A UUID as SQLite stores it (32 lower-case hex digits): the wire's usual form is read without
    building a ``uuid.UUID``, any other goes through *convert* (``from_json``'s check)."""

    def stored(value: Any) -> str:
        if type(value) is str and _UUID_TEXT.fullmatch(value):
            return value.replace("-", "").lower()
        return str(convert(value).hex)

    return stored


def _moment(convert: Storage) -> Storage:
    """A moment as SQLite stores it (``YYYY-MM-DD HH:MM:SS.ffffff`` in UTC): the wire's usual form, already
    in UTC, is only checked to name a real date and time; any other goes through *convert*."""

    def stored(value: Any) -> str:
        if type(value) is str and (parts := _UTC_MOMENT.fullmatch(value)):
            dt.datetime.fromisoformat(value)  # a ValueError for a day or an hour that does not exist
            return f"{parts[1]} {parts[2]}{parts[3] or '.000000'}"
        return str(convert(value).replace(tzinfo=None).isoformat(" ", "microseconds"))

    return stored


def _storage(table_name: str, column: Column[Any]) -> Storage:
    """Wire value → stored value of one column: ``from_json``'s check, then the column type's binding for
    SQLite (faster forms for UUIDs, moments and enums; ``tests/sync/test_local_rows.py`` holds them to the
    type's own binding)."""
    convert, _nullable = converters(table_name)[column.name]
    column_type = column.type
    if isinstance(column_type, Uuid):
        return _uuid_hex(convert)
    if isinstance(column_type, DateTime):
        return _moment(convert)
    bind = column_type.dialect_impl(_DIALECT).bind_processor(_DIALECT)
    if isinstance(column_type, Enum):
        members = column_type.enum_class or ()
        stored = {member.value: bind(member) if bind else member.value for member in members}
        stored |= {value: value for value in column_type.enums if value not in stored}

        def member(value: Any) -> Any:
            try:
                return stored[value]
            except (KeyError, TypeError):
                return convert(value)  # raises with the sentence's reason

        return member
    if bind is None:
        return convert
    return lambda value: bind(convert(value))


_TEXT, _ID, _OTHER = object(), object(), object()
#: An id as the server writes it (``str(uuid)``): lower-case hex digits in groups, stored without the dashes.
_UUID_WIRE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").fullmatch


def _kind(table_name: str, column: Column[Any]) -> object:
    """``_TEXT`` for a column whose stored value is the wire's text itself (a string column SQLite binds
    as it is), ``_ID`` for an id column other than the row's own id, else ``_OTHER``."""
    column_type = column.type
    if isinstance(column_type, Uuid):
        return _ID if column.name != "id" else _OTHER
    plain_text = isinstance(column_type, String) and not isinstance(column_type, Enum)
    if plain_text and column_type.dialect_impl(_DIALECT).bind_processor(_DIALECT) is None:
        return _TEXT
    return _OTHER


@dataclass(frozen=True)
class _Writer:
    """One table's stored forms and statements."""

    table: Table
    names: tuple[str, ...]
    #: Per column: its name, its kind (``_TEXT``, ``_ID`` or ``_OTHER``), its storage, whether it is nullable.
    stored: tuple[tuple[str, object, Storage, bool], ...]
    insert_sql: str
    upsert_sql: str
    present_sql: Callable[[int], str]
    #: Whether the table holds any row.
    any_sql: str
    #: The keys of a whole row, with and without its id.
    whole: frozenset[str]
    whole_but_id: frozenset[str]

    def stored_row(self, row_id: uuid.UUID, row: Mapping[str, Any]) -> tuple[Any, ...]:
        values: list[Any] = []
        append = values.append
        get = row.get
        table_name = self.table.name
        for name, kind, store, nullable in self.stored:
            value = get(name)
            if value is None:
                if name == "id" and name not in row:
                    append(row_id.hex)
                elif not nullable:
                    raise BadValue(f"The column {table_name}.{name} needs a value.")
                else:
                    append(None)
                continue
            # The commonest values need no call: a text for a text column, and an id written as the server
            # writes it (lower-case hex digits in groups) for an id column (not the row's own id).
            if kind is _TEXT:
                if type(value) is str:
                    append(value)
                    continue
            elif kind is _ID and type(value) is str and _UUID_WIRE(value):
                append(value.replace("-", ""))
                continue
            try:
                # The row's own id is checked as from_json checks it; the change's row id stands.
                append(store(value) if name != "id" else (store(value) and row_id.hex))
            except (TypeError, ValueError, ArithmeticError) as error:
                raise BadValue(
                    f"The value {value!r} does not fit the column {table_name}.{name} ({error})."
                ) from None
        return tuple(values)


@cache
def _writer(table: Table) -> _Writer:
    names = tuple(column.name for column in table.columns)
    columns = ", ".join(f'"{name}"' for name in names)
    marks = ", ".join("?" for _ in names)
    insert_sql = f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})'
    updates = ", ".join(f'"{name}" = excluded."{name}"' for name in names if name != "id")
    nullable = {name: spec[1] for name, spec in converters(table.name).items()}
    return _Writer(
        table=table,
        names=names,
        stored=tuple(
            (c.name, _kind(table.name, c), _storage(table.name, c), nullable[c.name]) for c in table.columns
        ),
        insert_sql=insert_sql,
        upsert_sql=f'{insert_sql} ON CONFLICT ("id") DO UPDATE SET {updates}',
        present_sql=lambda count: f'SELECT "id" FROM "{table.name}" WHERE "id" IN ({", ".join("?" * count)})',
        any_sql=f'SELECT 1 FROM "{table.name}" LIMIT 1',
        whole=frozenset(names),
        whole_but_id=frozenset(names) - {"id"},
    )


def _present(connection: Connection, writer: _Writer, ids: list[str]) -> set[str]:
    """Which of *ids* the table holds; none when it is empty (a new workstation's first download), which
    one look at its first row tells."""
    if connection.exec_driver_sql(writer.any_sql).first() is None:
        return set()
    found: set[str] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = tuple(ids[start : start + _CHUNK])
        found.update(row[0] for row in connection.exec_driver_sql(writer.present_sql(len(chunk)), chunk))
    return found


def _feed_article_search(connection: Connection, after: int) -> None:
    """The article index's rows for every article after rowid *after*: the view's text
    (``article_search_text``) made in Python (``articles.indexed_text``), in less than half the view's time."""
    found = connection.exec_driver_sql("SELECT rowid, search_key FROM article WHERE rowid > ?", (after,))
    connection.exec_driver_sql(
        "INSERT INTO article_search (rowid, search_key) VALUES (?, ?)",
        [(rowid, indexed_text(key)) for rowid, key in found.all()],
    )


#: A table whose rows feed a local derived table through a trigger, row by row: the full-text indexes of
#: articles and individuals (migrations 0005, 0009), the balances of the ledger (migration 0011). The
#: trigger's name, and the statement (or function) that feeds every row after a rowid at once (the same
#: values the trigger would, so the derived table ends identical).
_INDEXED_BY_TRIGGER: dict[str, tuple[str, str | Callable[[Connection, int], None]]] = {
    "article": ("article_search_insert", _feed_article_search),
    # Migration 0009: individual, serial and SIP numbers, for the Individual tab's partial search.
    "individual": (
        "individual_search_insert",
        "INSERT INTO individual_search (rowid, individual_number, serial_number, sip_number) "
        "SELECT rowid, individual_number, serial_number, sip_number FROM individual WHERE rowid > ?",
    ),
    "stock_movement": (
        "stock_balance_insert",
        "INSERT INTO stock_balance (warehouse_id, article_id, quantity) "
        "SELECT warehouse_id, article_id, sum(quantity) FROM stock_movement WHERE rowid > ? "
        "GROUP BY warehouse_id, article_id "
        "ON CONFLICT (warehouse_id, article_id) DO UPDATE SET quantity = quantity + excluded.quantity",
    ),
}
#: From how many new rows the index is fed in one statement (it costs two schema changes).
_BULK_INDEX_FROM = 200


def _insert(connection: Connection, writer: _Writer, rows: list[tuple[Any, ...]]) -> None:
    """Insert new rows; many new rows of an indexed table (a first download) are indexed in one statement
    after they are in, instead of by the trigger row by row (less than half the time). The trigger is
    dropped and made again from its own SQL inside the caller's transaction: a crash rolls both back."""
    indexed = _INDEXED_BY_TRIGGER.get(writer.table.name)
    trigger_sql = None
    if indexed is not None and len(rows) >= _BULK_INDEX_FROM:
        trigger_sql = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (indexed[0],)
        ).scalar()
    if trigger_sql is None or indexed is None:
        connection.exec_driver_sql(writer.insert_sql, rows)
        return
    trigger, index_after = indexed
    last_rowid: int = connection.exec_driver_sql(
        f'SELECT coalesce(max(rowid), 0) FROM "{writer.table.name}"'
    ).scalar_one()
    connection.exec_driver_sql(f'DROP TRIGGER "{trigger}"')
    connection.exec_driver_sql(writer.insert_sql, rows)
    # New rows get rowids after the largest (no AUTOINCREMENT; nobody else writes in this transaction).
    if isinstance(index_after, str):
        connection.exec_driver_sql(index_after, (last_rowid,))
    else:
        index_after(connection, last_rowid)
    connection.exec_driver_sql(trigger_sql)


#: A row's stored form made ahead (``prepare_row``): its values, the error its values raise, or None.
Prepared = tuple[Any, ...] | Exception | None


def prepare_row(table: Table, row_id: uuid.UUID, row: Mapping[str, Any]) -> Prepared:
    """The stored form of a whole row of *table*, made before it is written (a page read ahead, in the
    thread that reads it): its values as ``put_rows`` stores them, or the error they raise there (raised
    only if the row is written), or None for a row that lacks columns (``put_rows`` fills it as before)."""
    writer = _writer(table)
    if not _is_whole(writer, row):
        return None
    try:
        return writer.stored_row(row_id, row)
    except Exception as error:  # raised by put_rows if and when the row is written
        return error


def _is_whole(writer: _Writer, row: Mapping[str, Any]) -> bool:
    return row.keys() == writer.whole or row.keys() == writer.whole_but_id


def put_rows(
    session: Session,
    table: Table,
    rows: list[tuple[uuid.UUID, dict[str, Any]]],
    prepared: list[Prepared] | None = None,
) -> None:
    """Write the server's rows (id, JSON values) of *table*, each whole as the server has it; raises
    ``BadValue`` (a ``ValueError``) for a value that does not fit its column, as ``from_json`` does.
    *prepared*, beside *rows*, holds their stored forms made ahead (``prepare_row``), or None for a row
    to be converted here."""
    writer = _writer(table)
    stored: list[tuple[Any, ...]] = []
    partial: list[dict[str, Any]] = []
    for index, (row_id, row) in enumerate(rows):
        ready = prepared[index] if prepared is not None else None
        if isinstance(ready, tuple):
            stored.append(ready)
        elif isinstance(ready, Exception):
            raise ready
        elif _is_whole(writer, row):
            stored.append(writer.stored_row(row_id, row))
        else:
            values = from_json(table.name, row)
            values["id"] = row_id
            partial.append(values)
    if stored:
        connection = session.connection()
        position = writer.names.index("id")
        here = _present(connection, writer, [values[position] for values in stored])
        new = [values for values in stored if values[position] not in here]
        if new:
            _insert(connection, writer, new)
        if here:
            connection.exec_driver_sql(writer.upsert_sql, [v for v in stored if v[position] in here])
    if partial:
        upsert(session, table, partial)
