"""What the sync service does, on a database engine: all state lives in the database (stateless service).

Writers (upload, resolve) take one database-wide lock for their transaction (an advisory lock on
PostgreSQL, the write lock on SQLite), so server sequence numbers are handed out in commit order: a client
that has read up to ``N`` never misses a change that commits later with a smaller number, and several
service instances on one database behave like one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import time
import uuid
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, cast

import psycopg
from sqlalchemy import (
    Connection,
    DateTime,
    Engine,
    Select,
    Table,
    Text,
    any_,
    bindparam,
    case,
    delete,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.sql.schema import CallableColumnDefault, ScalarElementColumnDefault

from db import migrate as domain_migrate
from db.base import Synced
from db.models.enums import IndividualStatus, individual_may_change
from db.server.models import (
    Conflict,
    FieldStamp,
    NumberCounter,
    NumberLease,
    ServerChangeRecord,
    ServerSetting,
    Workstation,
)
from db.server.watermark import announce
from db.sync_protocol.messages import (
    MAX_CLOCK_SKEW,
    MAX_PAGE,
    Change,
    ConflictOut,
    DownloadResponse,
    LeaseRequest,
    LeaseResponse,
    Rejection,
    ServerChange,
    ServerStatus,
    UploadRequest,
    UploadResponse,
)
from db.sync_protocol.values import BadValue, from_json, json_value, row_json, synced_tables

LAST_RUNNING = 9999
WRITER_LOCK_KEY = 0x48445359  # "HDSY": the sync writers' advisory lock
#: Names the corrective change re-sending the server's row after an edit that lost to a newer one.
CORRECTION_NAMESPACE = uuid.UUID("5b0d8f0e-3c0a-4f4e-9a53-6d1e6b1c2a77")
SERVER_NAME = "server"
#: An edit said to be older than this counts as made then (it loses to every newer edit of its fields).
EARLIEST_EDIT = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)

INDIVIDUAL_DECISION_FIELDS = ("status", "patient_id", "warehouse_id")
INSERT_ONLY_TABLES = frozenset({"stock_movement"})

_change = cast(Table, ServerChangeRecord.__table__)
_conflict = cast(Table, Conflict.__table__)
_stamp = cast(Table, FieldStamp.__table__)
_workstation = cast(Table, Workstation.__table__)
_counter = cast(Table, NumberCounter.__table__)
_lease = cast(Table, NumberLease.__table__)
_setting = cast(Table, ServerSetting.__table__)


class NotFound(LookupError):
    """Nothing of that id; the message is a sentence."""


class Refused(RuntimeError):
    """The request cannot be carried out as it stands; the message is a sentence."""


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


@cache
def schema_revision() -> str:
    """The domain schema revision this server speaks (client and server must agree on it)."""
    return domain_migrate.head_revision()


# --- workstations -------------------------------------------------------------------------------------


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def is_revoked(engine: Engine, name: str) -> bool:
    """True when a workstation of that name exists and its token was revoked."""
    with engine.connect() as conn:
        return bool(
            conn.execute(select(_workstation.c.revoked).where(_workstation.c.name == name.strip())).scalar()
        )


def add_workstation(engine: Engine, name: str) -> str:
    """Register *name*, or give a revoked name a new token; the token is shown once (only its hash is kept)."""
    name = name.strip()
    if not name:
        raise Refused("A workstation needs a name.")
    token = secrets.token_urlsafe(32)
    with engine.begin() as conn:
        found = conn.execute(
            select(_workstation.c.id, _workstation.c.revoked).where(_workstation.c.name == name)
        ).first()
        if found is not None and not found.revoked:
            raise Refused(
                f"The workstation {name} already has a valid token; revoke it first "
                "(revoke-workstation) to give it a new one, or choose another name."
            )
        if found is not None:
            conn.execute(
                update(_workstation)
                .where(_workstation.c.id == found.id)
                .values(token_hash=hash_token(token), revoked=False, revoked_at=None)
            )
            return token
        conn.execute(
            insert(_workstation).values(
                id=uuid.uuid4(), name=name, token_hash=hash_token(token), revoked=False, created_at=utc_now()
            )
        )
    return token


def publish_existing_rows(engine: Engine, chunk: int = 5000) -> int:
    """Make rows written straight into the central database (an import, a restored dump) reach every
    workstation: each synced row that no change stands for gets one, so a new, empty workstation receives
    the whole clinic by the ordinary download. Returns how many changes were added; a second run adds none.

    Tables go in dependency order. A row pointing at a row of its own table (a patient replaced by another)
    is first published without that link and then once more whole, so no page refers to a row it lacks.
    """
    added = 0
    with engine.begin() as conn:
        _writer_lock(conn)
        next_seq = _last_seq(conn) + 1
        now = utc_now()
        for table in Synced.metadata.sorted_tables:
            if table.name not in synced_tables():
                continue
            own = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
            unpublished = conn.execute(
                select(table).where(
                    ~select(_change.c.server_seq).where(_change.c.row_id == table.c.id).exists()
                )
            ).mappings()
            records: list[dict[str, Any]] = []
            linked: list[dict[str, Any]] = []
            for row in unpublished:
                whole = row_json(row)
                if any(whole[name] is not None for name in own):
                    linked.append(whole)
                    whole = {**whole, **dict.fromkeys(own)}
                records.append(_published(next_seq + len(records), table.name, whole, now))
                if len(records) >= chunk:
                    insert_rows(conn, _change, records)
                    next_seq, added, records = next_seq + len(records), added + len(records), []
            records += [
                _published(next_seq + len(records) + i, table.name, whole, now, "update")
                for i, whole in enumerate(linked)
            ]
            if records:
                insert_rows(conn, _change, records)
                next_seq, added = next_seq + len(records), added + len(records)
        if added:
            announce(conn, next_seq - 1)
    return added


def _published(
    seq: int, table_name: str, row: dict[str, Any], now: dt.datetime, operation: str = "insert"
) -> dict[str, Any]:
    return {
        "server_seq": seq,
        "change_id": uuid.uuid4(),
        "workstation": SERVER_NAME,
        "table_name": table_name,
        "row_id": uuid.UUID(row["id"]),
        "operation": operation,
        "row": row,
        "recorded_at": now,
        "applied_at": now,
    }


def revoke_workstation(engine: Engine, name: str) -> None:
    with engine.begin() as conn:
        result = conn.execute(
            update(_workstation)
            .where(_workstation.c.name == name, _workstation.c.revoked.is_(False))
            .values(revoked=True, revoked_at=utc_now())
        )
        if result.rowcount == 0:
            raise NotFound(f"There is no active workstation named {name}.")
    for key, (holder, _until) in list(_checked_tokens.items()):
        if holder == name:
            _checked_tokens.pop(key, None)


def authenticate(engine: Engine, token: str) -> str | None:
    """The name of the workstation holding *token*, or None (unknown or revoked)."""
    with engine.connect() as conn:
        return conn.execute(
            select(_workstation.c.name).where(
                _workstation.c.token_hash == hash_token(token), _workstation.c.revoked.is_(False)
            )
        ).scalar()


#: How long a service instance trusts a token it has checked without asking the database again: an idle
#: workstation polls every 5 s, so its token is looked up once in 12 polls. A token revoked by
#: ``revoke-workstation`` stops working within this time on every instance (at once on one that revoked it
#: itself).
TOKEN_TRUSTED_S = 60.0
#: Token hash → (workstation, until when on ``time.monotonic``); only valid tokens are kept.
_checked_tokens: dict[str, tuple[str, float]] = {}


def trusted_workstation(token: str) -> str | None:
    """The workstation of *token* if it was checked less than ``TOKEN_TRUSTED_S`` ago (no database)."""
    known = _checked_tokens.get(hash_token(token))
    if known is None or known[1] < time.monotonic():
        return None
    return known[0]


def check_token(engine: Engine, token: str) -> str | None:
    """``authenticate``, remembering a valid token for ``TOKEN_TRUSTED_S``."""
    name = authenticate(engine, token)
    key = hash_token(token)
    if name is None:
        _checked_tokens.pop(key, None)
    else:
        _checked_tokens[key] = (name, time.monotonic() + TOKEN_TRUSTED_S)
    return name


# --- shared helpers -----------------------------------------------------------------------------------


def _writer_lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK_KEY})")


def last_seq_query() -> Select[Any]:
    """The newest server sequence number (0 for none)."""
    return select(func.coalesce(func.max(_change.c.server_seq), 0))


def _last_seq(conn: Connection) -> int:
    return int(conn.execute(last_seq_query()).scalar_one())


def _current_row(conn: Connection, table: Table, row_id: uuid.UUID) -> dict[str, Any] | None:
    row = conn.execute(select(table).where(table.c.id == row_id)).mappings().first()
    return dict(row) if row is not None else None


def _conflict_out(record: Mapping[Any, Any]) -> ConflictOut:
    return ConflictOut(
        id=record["id"],
        kind=record["kind"],
        table=record["table_name"],
        row_id=record["row_id"],
        versions=record["versions"],
        status=record["status"],
        created_at=_aware(record["created_at"]),
        description=record["description"],
    )


@cache
def _table_order() -> dict[str, int]:
    return {table.name: index for index, table in enumerate(Synced.metadata.sorted_tables)}


@cache
def _update_by_id(table: Table) -> Any:
    return update(table).where(table.c.id == bindparam("row_id_"))


def _complete_row(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    """Every column's value for a new row: the given ones, else the column default (as the ORM would)."""
    row = dict(values)
    for column in table.columns:
        if column.name in row:
            continue
        default = column.default
        if isinstance(default, ScalarElementColumnDefault | CallableColumnDefault):
            row[column.name] = (
                default.arg
                if isinstance(default, ScalarElementColumnDefault)
                else default.arg(cast(Any, None))
            )
        elif column.server_default is not None and isinstance(column.type, DateTime):
            row[column.name] = utc_now()
        elif column.nullable:
            row[column.name] = None
        else:
            raise _Rejected(f"The column {table.name}.{column.name} needs a value.")
    return row


@cache
def _foreign_keys(table: Table) -> tuple[tuple[str, str], ...]:
    """(column, the table it refers to) of every foreign key of *table* (looked up once per table)."""
    return tuple((fk.parent.name, fk.column.table.name) for fk in table.foreign_keys)


def _chunks(items: list[Any], size: int = 500) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _among(conn: Connection, column: Any, values: list[Any]) -> Iterable[Any]:
    """``column IN values`` as few statements as the database allows: one array parameter on
    PostgreSQL (one statement shape whatever the count), chunks of an ``IN`` list elsewhere."""
    if conn.dialect.name == "postgresql":
        if values:
            yield column == any_(literal(values, ARRAY(column.type)))
        return
    for chunk in _chunks(values):
        yield column.in_(chunk)


@cache
def _copy_columns(table: Table) -> tuple[str, tuple[tuple[str, Any], ...]]:
    """PostgreSQL's COPY statement of *table* and each column's binding (as SQLAlchemy binds it)."""
    dialect = postgresql.dialect()
    names = ", ".join(f'"{column.name}"' for column in table.columns)
    binds = tuple(
        (column.name, column.type.dialect_impl(dialect).bind_processor(dialect)) for column in table.columns
    )
    return f'COPY "{table.name}" ({names}) FROM STDIN', binds


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert whole rows (every column given): PostgreSQL's COPY through psycopg, which takes a row for a
    fraction of an INSERT's cost; an executemany elsewhere. A broken constraint raises SQLAlchemy's
    ``IntegrityError`` or ``DataError`` either way."""
    if not rows:
        return
    if conn.dialect.name != "postgresql" or conn.dialect.driver != "psycopg":
        conn.execute(insert(table), rows)
        return
    statement, binds = _copy_columns(table)
    raw = conn.connection.driver_connection
    try:
        with raw.cursor() as cursor, cursor.copy(statement) as copy:  # type: ignore[union-attr]
            for row in rows:
                copy.write_row([bind(row[name]) if bind is not None else row[name] for name, bind in binds])
    except (psycopg.errors.IntegrityError, psycopg.errors.DataError) as error:
        kind = IntegrityError if isinstance(error, psycopg.errors.IntegrityError) else DataError
        raise kind(statement, None, error) from error


def _as_uuid(value: Any) -> uuid.UUID | None:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except (ValueError, TypeError, AttributeError):
        return None


def correction_id(change_id: uuid.UUID) -> uuid.UUID:
    return uuid.uuid5(CORRECTION_NAMESPACE, str(change_id))


# --- upload ---------------------------------------------------------------------------------------------


class _Rejected(Exception):
    def __init__(self, reason: str, current: dict[str, Any] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.current = current


class _Batch:
    """One upload batch inside one transaction."""

    def __init__(
        self,
        conn: Connection,
        workstation: str,
        careful: bool,
        received_at: dt.datetime | None = None,
        sent_at: dt.datetime | None = None,
    ) -> None:
        self.conn = conn
        self.workstation = workstation
        self.careful = careful
        #: The server's clock when the batch arrived, and the workstation's when it sent it.
        self.received_at = received_at or utc_now()
        self.sent_at = sent_at or self.received_at
        self.next_seq = _last_seq(conn) + 1
        self.records: list[dict[str, Any]] = []
        self.last_record: dict[uuid.UUID, dict[str, Any]] = {}
        self.done: set[uuid.UUID] = set()
        self.conflict_by_change: dict[uuid.UUID, dict[str, Any]] = {}
        self.present: dict[str, set[uuid.UUID]] = {}
        self.absent: dict[str, set[uuid.UUID]] = {}
        self.response = UploadResponse(accepted=[], rejected=[], conflicts=[], server_seq=0)
        self.pending: dict[str, list[dict[str, Any]]] = {}
        self.pending_ids: set[uuid.UUID] = set()
        #: Change id → the id of the correction that may stand for it (``correction_id``).
        self.corrections: dict[uuid.UUID, uuid.UUID] = {}

    def flush(self) -> None:
        """Write the buffered inserts, table by table in dependency order."""
        if not self.pending:
            return
        order = _table_order()
        for name in sorted(self.pending, key=order.__getitem__):
            insert_rows(self.conn, synced_tables()[name], self.pending[name])
        self.pending.clear()
        self.pending_ids.clear()

    def flush_for(self, row_id: uuid.UUID, values: Mapping[str, Any] | None = None) -> None:
        """Flush first if this change touches (or refers to) a row still waiting in the buffer."""
        if not self.pending_ids:
            return
        if row_id in self.pending_ids or any(
            isinstance(v, uuid.UUID) and v in self.pending_ids for v in (values or {}).values()
        ):
            self.flush()

    def edited_at(self, change: Change) -> dt.datetime:
        """When *change* was made, on the server's clock: as long before the batch arrived as the
        workstation made it before sending (its own clock measures only that age; a date ahead of its
        sending counts as made on arrival, one before ``EARLIEST_EDIT`` as made then)."""
        age = max(self.sent_at - change.recorded_at, dt.timedelta(0))
        if age > self.received_at - EARLIEST_EDIT:
            return EARLIEST_EDIT
        return self.received_at - age

    # -- bookkeeping

    def prefetch(self, changes: list[Change]) -> None:
        # Only an update can lose fields to a newer edit and be answered with a correction (``update``).
        self.corrections = {c.id: correction_id(c.id) for c in changes if c.operation == "update"}
        ids = [c.id for c in changes] + list(self.corrections.values())
        for among in _among(self.conn, _change.c.change_id, ids):
            self.done.update(self.conn.execute(select(_change.c.change_id).where(among)).scalars())
        for among in _among(self.conn, _conflict.c.change_id, [c.id for c in changes]):
            for record in self.conn.execute(select(_conflict).where(among)).mappings():
                self.conflict_by_change[record["change_id"]] = dict(record)
        wanted: dict[str, set[uuid.UUID]] = {}
        tables = synced_tables()
        for change in changes:
            table = tables.get(change.table)
            if table is None or change.operation != "insert":
                continue
            wanted.setdefault(table.name, set()).add(change.row_id)
            for column, target in _foreign_keys(table):
                value = (
                    _as_uuid(change.payload.get(column)) if change.payload.get(column) is not None else None
                )
                if value is not None:
                    wanted.setdefault(target, set()).add(value)
        for name, ids_wanted in wanted.items():
            table = tables[name]
            found: set[uuid.UUID] = set()
            for among in _among(self.conn, table.c.id, list(ids_wanted)):
                found.update(self.conn.execute(select(table.c.id).where(among)).scalars())
            self.present[name] = found
            self.absent[name] = ids_wanted - found

    def exists(self, table_name: str, row_id: uuid.UUID) -> bool:
        if row_id in self.present.setdefault(table_name, set()):
            return True
        if row_id in self.absent.setdefault(table_name, set()):
            return False
        table = synced_tables()[table_name]
        found = self.conn.execute(select(table.c.id).where(table.c.id == row_id)).first() is not None
        (self.present if found else self.absent)[table_name].add(row_id)
        return found

    def _mark(self, table_name: str, row_id: uuid.UUID, present: bool) -> None:
        (self.present if present else self.absent).setdefault(table_name, set()).add(row_id)
        (self.absent if present else self.present).setdefault(table_name, set()).discard(row_id)

    def record(
        self,
        change_id: uuid.UUID,
        table_name: str,
        row_id: uuid.UUID,
        operation: str,
        row: dict[str, Any],
        recorded_at: dt.datetime,
        workstation: str | None = None,
    ) -> None:
        record = {
            "server_seq": self.next_seq,
            "change_id": change_id,
            "workstation": workstation or self.workstation,
            "table_name": table_name,
            "row_id": row_id,
            "operation": operation,
            "row": row,
            "recorded_at": recorded_at,
            "applied_at": utc_now(),
        }
        self.next_seq += 1
        self.records.append(record)
        self.last_record[row_id] = record
        self.done.add(change_id)

    def last_writer(self, row_id: uuid.UUID) -> tuple[str, str | None, bool]:
        """(workstation, recorded_at, deleted) of the last applied change to *row_id*."""
        record: Mapping[Any, Any] | None = self.last_record.get(row_id)
        if record is None:
            record = (
                self.conn.execute(
                    select(_change.c.workstation, _change.c.recorded_at, _change.c.operation)
                    .where(_change.c.row_id == row_id)
                    .order_by(_change.c.server_seq.desc())
                    .limit(1)
                )
                .mappings()
                .first()
            )
        if record is None:
            return ("", None, False)
        return (record["workstation"], json_value(record["recorded_at"]), record["operation"] == "delete")

    def add_conflict(
        self, change: Change, kind: str, versions: list[dict[str, Any]], description: str
    ) -> None:
        values = {
            "id": uuid.uuid4(),
            "change_id": change.id,
            "kind": kind,
            "table_name": change.table,
            "row_id": change.row_id,
            "versions": versions,
            "status": "open",
            "description": description,
            "created_at": utc_now(),
            "resolved_at": None,
            "resolved_by": None,
            "kept": None,
        }
        self.conn.execute(insert(_conflict).values(values))
        self.conflict_by_change[change.id] = values
        self.response.conflicts.append(_conflict_out(values))

    def workstation_version(self, change: Change, **extra: Any) -> dict[str, Any]:
        return {
            "source": "workstation",
            "workstation": self.workstation,
            "recorded_at": change.recorded_at.isoformat(),
            "change_id": str(change.id),
            "operation": change.operation,
            "values": change.payload,
            "base": change.base,
            **extra,
        }

    # -- one change

    def process(self, change: Change) -> None:
        correction = self.corrections.get(change.id)
        if change.id in self.done or (correction is not None and correction in self.done):
            self.response.accepted.append(change.id)
            return
        known = self.conflict_by_change.get(change.id)
        if known is not None:
            table = synced_tables().get(known["table_name"])
            current = _current_row(self.conn, table, known["row_id"]) if table is not None else None
            self.response.rejected.append(
                Rejection(
                    id=change.id, reason=known["description"], current=row_json(current) if current else None
                )
            )
            self.response.conflicts.append(_conflict_out(known))
            return
        rejected: _Rejected | None = None
        try:
            if self.careful:
                with self.conn.begin_nested():
                    try:
                        self.apply(change)
                    except _Rejected as error:
                        rejected = error  # the savepoint keeps what it holds (a conflict record)
            else:
                try:
                    self.apply(change)
                except _Rejected as error:
                    rejected = error
        except (IntegrityError, DataError) as error:
            if not self.careful:
                raise
            table = synced_tables()[change.table]
            current = _current_row(self.conn, table, change.row_id)
            detail = str(error.orig).strip().splitlines()[0] if error.orig is not None else "a constraint"
            rejected = _Rejected(
                f"The central database refused this change because it breaks one of its rules ({detail}).",
                row_json(current) if current else None,
            )
        if rejected is not None:
            self.response.rejected.append(
                Rejection(id=change.id, reason=rejected.reason, current=rejected.current)
            )
            return
        self.response.accepted.append(change.id)

    def apply(self, change: Change) -> None:
        table = synced_tables().get(change.table)
        if table is None:
            raise _Rejected(f"The table {change.table} does not travel through sync.")
        try:
            values = from_json(table.name, change.payload)
        except BadValue as error:
            raise _Rejected(str(error)) from None
        if "id" in values and values["id"] != change.row_id:
            raise _Rejected("The row's id in the change does not match the id of the row it names.")
        values.pop("id", None)
        if change.operation == "insert":
            self.insert(change, table, values)
        elif change.operation == "update":
            self.update(change, table, values)
        else:
            self.delete(change, table)

    def insert(self, change: Change, table: Table, values: dict[str, Any]) -> None:
        if self.exists(table.name, change.row_id):
            current = _current_row(self.conn, table, change.row_id)
            raise _Rejected(
                f"A {table.name} row with this id is already on the server.",
                row_json(current) if current else None,
            )
        for column, target in _foreign_keys(table):
            value = values.get(column)
            if value is not None and not self.exists(target, value):
                raise _Rejected(
                    f"The {target} row that this {table.name} row refers to ({column}) is not on the server."
                )
        if table.name == "goods_receipt_line" and values.get("order_line_id") is not None:
            self.flush()
            self.refuse_second_receipt(change, table, values)
        params = _complete_row(table, {"id": change.row_id, **values})
        if self.careful:
            self.conn.execute(insert(table), params)
        else:
            # Inserts wait in a buffer and go in as one executemany per table (parents first).
            self.pending.setdefault(table.name, []).append(params)
            self.pending_ids.add(change.row_id)
        self._mark(table.name, change.row_id, True)
        self.record(change.id, table.name, change.row_id, "insert", row_json(params), change.recorded_at)

    def refuse_second_receipt(self, change: Change, table: Table, values: dict[str, Any]) -> None:
        existing = (
            self.conn.execute(select(table).where(table.c.order_line_id == values["order_line_id"]))
            .mappings()
            .first()
        )
        if existing is None:
            return
        who, when, _deleted = self.last_writer(existing["id"])
        description = (
            f"Order line {values['order_line_id']} was received twice, on {who or 'another workstation'} and on "
            f"{self.workstation}; check which receipt is right and keep that one."
        )
        mine = {**change.payload, "id": str(change.row_id)}
        self.add_conflict(
            change,
            "receipt_line_received_twice",
            [
                {"source": "server", "workstation": who, "recorded_at": when, "row": row_json(existing)},
                self.workstation_version(change, row=mine),
            ],
            description,
        )
        raise _Rejected(description)

    def missing_row(self, change: Change, table: Table) -> _Rejected:
        who, when, deleted = self.last_writer(change.row_id)
        if not deleted:
            return _Rejected(f"The {table.name} row this change is about is not on the server.")
        description = (
            f"The {table.name} row was deleted on {who} before this {change.operation} from {self.workstation} "
            "arrived (deleted elsewhere); keep the deletion or restore the row with the change."
        )
        self.add_conflict(
            change,
            "row_deleted_elsewhere",
            [
                {"source": "server", "workstation": who, "recorded_at": when, "row": None, "deleted": True},
                self.workstation_version(change),
            ],
            description,
        )
        return _Rejected(
            f"The {table.name} row was deleted elsewhere (on {who}); the change was not applied."
        )

    def update(self, change: Change, table: Table, values: dict[str, Any]) -> None:
        self.flush_for(change.row_id, values)
        current = _current_row(self.conn, table, change.row_id)
        if current is None:
            raise self.missing_row(change, table)
        if table.name in INSERT_ONLY_TABLES:
            raise _Rejected(
                "Stock movements are never changed; record a correcting movement instead.", row_json(current)
            )
        decided: set[str] = set()
        if table.name == "individual" and change.base:
            try:
                base = from_json(
                    table.name, {k: v for k, v in change.base.items() if k in INDIVIDUAL_DECISION_FIELDS}
                )
            except BadValue:
                base = {}
            clashing = [
                field
                for field in INDIVIDUAL_DECISION_FIELDS
                if field in values
                and field in base
                and base[field] != current[field]
                and values[field] != current[field]
            ]
            if clashing:
                self.individual_conflict(change, current, clashing)
            decided = {field for field in INDIVIDUAL_DECISION_FIELDS if field in values and field in base}
        if table.name == "individual":
            self.refuse_illegal_transition(current, values)
        stamps = _stamps(self.conn, table.name, change.row_id)
        edited_at = self.edited_at(change)
        applied: dict[str, Any] = {}
        skipped: list[str] = []
        for column, value in values.items():
            stamp = stamps.get(column)
            if column in decided or stamp is None or stamp <= edited_at:
                applied[column] = value
            else:
                skipped.append(column)
        if applied:
            self.write(table, change.row_id, current, applied, change.id, edited_at, stamps)
            self.record(change.id, table.name, change.row_id, "update", row_json(current), change.recorded_at)
        if skipped:
            # A newer edit of these fields stands; re-send the server's row under an id of its own so the
            # workstation that sent the older edit (which skips its own change ids) takes it too.
            correction = correction_id(change.id)
            if correction not in self.done:
                self.record(
                    correction, table.name, change.row_id, "update", row_json(current), utc_now(), SERVER_NAME
                )

    def write(
        self,
        table: Table,
        row_id: uuid.UUID,
        current: dict[str, Any],
        applied: dict[str, Any],
        change_id: uuid.UUID,
        edited_at: dt.datetime,
        stamps: Mapping[str, dt.datetime],
    ) -> None:
        """Update the row with *applied* (keeping onupdate columns as given) and stamp the fields with when
        they were edited (the server's clock)."""
        assignment = dict(applied)
        for column in table.columns:
            if column.onupdate is not None and column.name not in assignment:
                assignment[column.name] = current[column.name]
        self.conn.execute(_update_by_id(table), {"row_id_": row_id, **assignment})
        current.update(assignment)
        _write_stamps(self.conn, table.name, row_id, applied, change_id, edited_at, stamps)

    def refuse_illegal_transition(self, current: dict[str, Any], values: dict[str, Any]) -> None:
        """A device changes status only along the table the workstations change it by
        (``db.models.enums.INDIVIDUAL_TRANSITIONS``); a change that leaves it is refused."""
        if "status" not in values or values["status"] == current["status"]:
            return
        before, after = IndividualStatus(current["status"]), IndividualStatus(values["status"])
        if individual_may_change(before, after):
            return
        number = current.get("individual_number", current.get("id"))
        raise _Rejected(
            f"Individual {number} cannot change from {before.value} to {after.value} (the server has it "
            f"{before.value}); check where the device really is.",
            row_json(current),
        )

    def individual_conflict(self, change: Change, current: dict[str, Any], clashing: list[str]) -> None:
        who, when, _deleted = self.last_writer(change.row_id)
        server_side = ", ".join(f"{field} {json_value(current[field])}" for field in clashing)
        mine = ", ".join(f"{field} {change.payload.get(field)}" for field in clashing)
        number = current.get("individual_number", change.row_id)
        description = (
            f"Individual {number} was changed in conflicting ways: the server has {server_side} "
            f"(from {who or 'another workstation'}), {self.workstation} sent {mine}; check where the device "
            "really is and keep that version."
        )
        self.add_conflict(
            change,
            "individual_conflict",
            [
                {"source": "server", "workstation": who, "recorded_at": when, "row": row_json(current)},
                self.workstation_version(change),
            ],
            description,
        )
        raise _Rejected(description, row_json(current))

    def delete(self, change: Change, table: Table) -> None:
        self.flush_for(change.row_id)
        current = _current_row(self.conn, table, change.row_id)
        if current is None:
            raise self.missing_row(change, table)
        if table.name in INSERT_ONLY_TABLES:
            raise _Rejected(
                "Stock movements are never deleted; record a correcting movement instead.", row_json(current)
            )
        self.conn.execute(delete(table).where(table.c.id == change.row_id))
        self._mark(table.name, change.row_id, False)
        self.record(change.id, table.name, change.row_id, "delete", {}, change.recorded_at)

    def finish(self) -> UploadResponse:
        self.flush()
        if self.records:
            insert_rows(self.conn, _change, self.records)
            announce(self.conn, self.next_seq - 1)
        self.response.server_seq = self.next_seq - 1
        return self.response


def _write_stamps(
    conn: Connection,
    table_name: str,
    row_id: uuid.UUID,
    applied: Mapping[str, Any],
    change_id: uuid.UUID,
    edited_at: dt.datetime,
    stamps: Mapping[str, dt.datetime],
) -> None:
    new = [
        {
            "table_name": table_name,
            "row_id": row_id,
            "column_name": c,
            "edited_at": edited_at,
            "change_id": change_id,
        }
        for c in applied
        if c not in stamps
    ]
    if new:
        conn.execute(insert(_stamp), new)
    for column in applied:
        if column in stamps:
            conn.execute(
                update(_stamp)
                .where(
                    _stamp.c.table_name == table_name,
                    _stamp.c.row_id == row_id,
                    _stamp.c.column_name == column,
                )
                .values(edited_at=edited_at, change_id=change_id)
            )


def _stamps(conn: Connection, table_name: str, row_id: uuid.UUID) -> dict[str, dt.datetime]:
    """Column → when the value it holds was edited (the server's clock)."""
    return {
        row["column_name"]: _aware(row["edited_at"])
        for row in conn.execute(
            select(_stamp.c.column_name, _stamp.c.edited_at).where(
                _stamp.c.table_name == table_name, _stamp.c.row_id == row_id
            )
        ).mappings()
    }


class ClockRefused(Refused):
    """The workstation's clock is too far from the server's; ``server_time`` is the server's clock."""

    def __init__(self, sentence: str, server_time: dt.datetime) -> None:
        super().__init__(sentence)
        self.server_time = server_time


def check_clock(sent_at: dt.datetime, now: dt.datetime) -> None:
    """Refuse a workstation whose clock is more than ``MAX_CLOCK_SKEW`` from the server's."""
    if abs(now - sent_at) <= MAX_CLOCK_SKEW:
        return
    minutes = int(MAX_CLOCK_SKEW.total_seconds() // 60)
    raise ClockRefused(
        f"This workstation's clock shows {sent_at:%Y-%m-%d %H:%M} UTC but the server's shows "
        f"{now:%Y-%m-%d %H:%M} UTC, more than {minutes} minutes apart; set the clock right (date, time "
        "and time zone), then sync again. The changes wait on the workstation and nothing is lost.",
        now,
    )


def upload(
    engine: Engine, workstation: str, request: UploadRequest, received_at: dt.datetime | None = None
) -> UploadResponse:
    """Apply one batch in one transaction; re-sent change ids are reported accepted, not re-applied.

    The order of edits comes from the server's clock (``_Batch.edited_at``); a workstation whose clock is
    far from it is refused (``ClockRefused``) before anything is applied.
    """
    received_at = received_at or utc_now()
    check_clock(request.sent_at, received_at)
    try:
        return _upload(engine, workstation, request, received_at, careful=False)
    except (IntegrityError, DataError):
        # Some change breaks a constraint of the central database: do it again, one savepoint per change,
        # so that change alone is rejected.
        return _upload(engine, workstation, request, received_at, careful=True)


def _upload(
    engine: Engine, workstation: str, request: UploadRequest, received_at: dt.datetime, careful: bool
) -> UploadResponse:
    changes = request.changes
    with engine.begin() as conn:
        _writer_lock(conn)
        batch = _Batch(conn, workstation, careful, received_at, request.sent_at)
        batch.prefetch(changes)
        for change in changes:
            batch.process(change)
        return batch.finish()


# --- download, status -------------------------------------------------------------------------------


def download(engine: Engine, after: int, limit: int = MAX_PAGE) -> bytes:
    """The JSON text of a ``DownloadResponse``: every change after server sequence *after*, at most *limit*.

    The stored rows are never parsed: on PostgreSQL each change's JSON text is put together by the
    database around the row's stored JSON and only joined here (a new workstation's first download reads
    every row of the clinic). Other databases (the embedded SQLite default) go through the message model.
    """
    limit = max(1, min(limit, MAX_PAGE))
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            found = conn.execute(_download_text_query(), {"after": after, "limit": limit + 1}).all()
            more = len(found) > limit
            found = found[:limit]
            last = found[-1][0] if found else after
            texts = ",".join(text for _seq, text in found)
            return b'{"changes":[%s],"last_seq":%d,"more":%s}' % (
                texts.encode(),
                last,
                b"true" if more else b"false",
            )
        rows = conn.execute(
            select(
                _change.c.server_seq,
                _change.c.change_id,
                _change.c.workstation,
                _change.c.table_name,
                _change.c.row_id,
                _change.c.operation,
                _change.c.row,
            )
            .where(_change.c.server_seq > after)
            .order_by(_change.c.server_seq)
            .limit(limit + 1)
        ).all()
    more = len(rows) > limit
    changes = [
        ServerChange(
            server_seq=r.server_seq,
            id=r.change_id,
            workstation=r.workstation,
            table=r.table_name,
            row_id=r.row_id,
            operation=r.operation,
            row=r.row or {},
        )
        for r in rows[:limit]
    ]
    page = DownloadResponse(changes=changes, last_seq=changes[-1].server_seq if changes else after, more=more)
    return page.model_dump_json().encode()


@cache
def _download_text_query() -> Any:
    """PostgreSQL: (server_seq, the change as ``ServerChange`` JSON text) after ``:after``, ``:limit`` rows.

    The stored row is spliced in as it is; a JSON ``null`` (or none) becomes ``{}`` as the model has it."""
    c = _change.c
    row = case(
        (or_(c.row.is_(None), func.json_typeof(c.row) == "null"), literal_column("'{}'::json")),
        else_=c.row,
    )
    change = func.json_build_object(
        "server_seq",
        c.server_seq,
        "id",
        c.change_id,
        "workstation",
        c.workstation,
        "table",
        c.table_name,
        "row_id",
        c.row_id,
        "operation",
        c.operation,
        "row",
        row,
    )
    return (
        select(c.server_seq, sql_cast(change, Text))
        .where(c.server_seq > bindparam("after"))
        .order_by(c.server_seq)
        .limit(bindparam("limit"))
    )


def status(engine: Engine) -> ServerStatus:
    with engine.connect() as conn:
        last = _last_seq(conn)
    return ServerStatus(schema_revision=schema_revision(), server_time=utc_now(), last_seq=last)


# --- number leases --------------------------------------------------------------------------------------


def lease(engine: Engine, workstation: str, request: LeaseRequest) -> LeaseResponse:
    """The next free block of the week's one sequence (every series draws from it): the counter row is
    locked, so blocks never overlap."""
    week = request.year_week
    key = _counter.c.year_week == week
    with engine.begin() as conn:
        for _attempt in range(10):
            next_first = conn.execute(select(_counter.c.next_first).where(key).with_for_update()).scalar()
            if next_first is not None:
                break
            try:
                with conn.begin_nested():
                    conn.execute(insert(_counter).values(year_week=week, next_first=1))
            except IntegrityError:
                continue  # another instance created it first: lock that one
        else:
            raise Refused("The number sequence is busy; try again.")
        if next_first > LAST_RUNNING:
            raise Refused(f"Every number of week {week} has been handed out.")
        last = min(next_first + request.size - 1, LAST_RUNNING)
        conn.execute(update(_counter).where(key).values(next_first=last + 1))
        conn.execute(
            insert(_lease).values(
                id=uuid.uuid4(),
                year_week=week,
                first=next_first,
                last=last,
                workstation=workstation,
                leased_at=utc_now(),
            )
        )
    return LeaseResponse(year_week=week, first=next_first, last=last)


# --- the central database's history -------------------------------------------------------------------

HISTORY = "history"
#: How far ``restored`` moves every week's number counter on: room for the blocks (200 numbers each) that
#: workstations may have leased after the backup, which the restored counter no longer knows.
RESTORE_NUMBER_MARGIN = 2000


def history_id(engine: Engine) -> str | None:
    """The id of the central database's history (renewed by ``mark_restored``); None before migration s004."""
    with engine.connect() as conn:
        return conn.execute(select(_setting.c.value).where(_setting.c.key == HISTORY)).scalar()


def mark_restored(engine: Engine) -> str:
    """After a restore from a backup: give the database a new history id, so that every workstation sends
    again what it had sent (the server keeps what it already has, by change id) and reads everything
    again; and move every week's number counter on by ``RESTORE_NUMBER_MARGIN`` (at most to the end of the
    week), past blocks leased after the backup. Returns the new id."""
    new = uuid.uuid4().hex
    with engine.begin() as conn:
        renewed = conn.execute(update(_setting).where(_setting.c.key == HISTORY).values(value=new)).rowcount
        if not renewed:
            conn.execute(insert(_setting).values(key=HISTORY, value=new))
        conn.execute(
            update(_counter).values(
                next_first=func.least(_counter.c.next_first + RESTORE_NUMBER_MARGIN, LAST_RUNNING + 1)
                if engine.dialect.name == "postgresql"
                else func.min(_counter.c.next_first + RESTORE_NUMBER_MARGIN, LAST_RUNNING + 1)
            )
        )
    return new


# --- conflicts ------------------------------------------------------------------------------------------


def list_conflicts(engine: Engine, state: str | None = None) -> list[ConflictOut]:
    query = select(_conflict).order_by(_conflict.c.created_at, _conflict.c.id)
    if state is not None:
        query = query.where(_conflict.c.status == state)
    with engine.connect() as conn:
        return [_conflict_out(row) for row in conn.execute(query).mappings()]


def resolve(engine: Engine, workstation: str, conflict_id: uuid.UUID, keep: int) -> ConflictOut:
    """Let the chosen version stand, as a new server change every workstation downloads."""
    try:
        with engine.begin() as conn:
            _writer_lock(conn)
            found = conn.execute(select(_conflict).where(_conflict.c.id == conflict_id)).mappings().first()
            if found is None:
                raise NotFound("There is no conflict with that id.")
            record = dict(found)
            if record["status"] != "open":
                raise Refused(f"This conflict was already resolved by {record['resolved_by']}.")
            if not 0 <= keep < len(record["versions"]):
                raise Refused(f"Choose a version between 0 and {len(record['versions']) - 1}.")
            batch = _Batch(conn, workstation, careful=False)
            _apply_resolution(batch, record, keep)
            now = utc_now()
            conn.execute(
                update(_conflict)
                .where(_conflict.c.id == conflict_id)
                .values(status="resolved", resolved_at=now, resolved_by=workstation, kept=keep)
            )
            batch.finish()
            record.update(status="resolved", resolved_at=now, resolved_by=workstation, kept=keep)
            return _conflict_out(record)
    except (IntegrityError, DataError) as error:
        detail = str(error.orig).strip().splitlines()[0] if error.orig is not None else "a constraint"
        raise Refused(
            f"The chosen version cannot be applied because it breaks a rule of the database ({detail})."
        ) from None


def _apply_resolution(batch: _Batch, record: Mapping[str, Any], keep: int) -> None:
    conn = batch.conn
    table = synced_tables()[record["table_name"]]
    row_id: uuid.UUID = record["row_id"]
    version: dict[str, Any] = record["versions"][keep]
    now = utc_now()
    current = _current_row(conn, table, row_id)

    def emit_current(target_id: uuid.UUID, row: dict[str, Any] | None) -> None:
        if row is None:
            batch.record(uuid.uuid4(), table.name, target_id, "delete", {}, now)
        else:
            batch.record(uuid.uuid4(), table.name, target_id, "update", row_json(row), now)

    if version.get("source") == "server":
        server_row = version.get("row")
        target = _as_uuid(server_row["id"]) if server_row else row_id
        assert target is not None
        emit_current(target, _current_row(conn, table, target))
        return
    kind = record["kind"]
    values = from_json(table.name, version.get("values") or {})
    values.pop("id", None)
    if kind == "receipt_line_received_twice":
        order_line_id = values.get("order_line_id")
        existing = conn.execute(select(table.c.id).where(table.c.order_line_id == order_line_id)).scalar()
        if existing is not None:
            conn.execute(delete(table).where(table.c.id == existing))
            batch.record(uuid.uuid4(), table.name, existing, "delete", {}, now)
        row = conn.execute(insert(table).values(id=row_id, **values).returning(*table.c)).mappings().one()
        batch.record(uuid.uuid4(), table.name, row_id, "insert", row_json(row), now)
        return
    if version.get("operation") == "delete":
        if current is not None:
            conn.execute(delete(table).where(table.c.id == row_id))
        batch.record(uuid.uuid4(), table.name, row_id, "delete", {}, now)
        return
    if current is None:
        # Restore a row deleted elsewhere: its last known full row with the workstation's change on top.
        last_row = conn.execute(
            select(_change.c.row)
            .where(_change.c.row_id == row_id, _change.c.operation != "delete")
            .order_by(_change.c.server_seq.desc())
            .limit(1)
        ).scalar()
        if not last_row:
            raise Refused("The deleted row cannot be restored: the server never held all of its values.")
        restored = from_json(table.name, {k: v for k, v in last_row.items() if k != "id"})
        restored.update(values)
        row = conn.execute(insert(table).values(id=row_id, **restored).returning(*table.c)).mappings().one()
        batch.record(uuid.uuid4(), table.name, row_id, "insert", row_json(row), now)
        return
    stamps = _stamps(conn, table.name, row_id)
    change_id = uuid.uuid4()
    batch.write(table, row_id, current, values, change_id, now, stamps)
    batch.record(change_id, table.name, row_id, "update", row_json(current), now)
