"""The central server's own tables: workstations, the server change log, conflicts, stamps, number leases.

They live on their own ``DeclarativeBase`` (and their own Alembic script directory and version table), so a
workstation's SQLite file never gets them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, BigInteger, DateTime, Integer, MetaData, String, Text, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from db.base import NAMING_CONVENTION, utc_now

#: BIGINT on PostgreSQL; a plain INTEGER on SQLite (the embedded default).
SEQ_TYPE = BigInteger().with_variant(Integer(), "sqlite")


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        uuid.UUID: Uuid(as_uuid=True),
        dt.datetime: DateTime(timezone=True),
        dict[str, Any]: JSON(),
        str: String(200),
    }


class Workstation(ServerBase):
    """A workstation allowed to sync; only the SHA-256 of its token is stored."""

    __tablename__ = "sync_workstation"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    revoked: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    revoked_at: Mapped[dt.datetime | None]


class ServerChangeRecord(ServerBase):
    """One applied change, stamped with the server sequence number; ``row`` is the full row after it."""

    __tablename__ = "sync_change"

    server_seq: Mapped[int] = mapped_column(SEQ_TYPE, primary_key=True, autoincrement=False)
    change_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    workstation: Mapped[str] = mapped_column(String(100))
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[uuid.UUID] = mapped_column(index=True)
    operation: Mapped[str] = mapped_column(String(10))
    row: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: When the workstation says it made the change (its own clock; information only).
    recorded_at: Mapped[dt.datetime]
    #: When the server applied it (the server's clock).
    applied_at: Mapped[dt.datetime] = mapped_column(default=utc_now)


class Conflict(ServerBase):
    """A clash the domain rules cannot decide: both versions, kept until a person resolves it."""

    __tablename__ = "sync_conflict"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    #: The uploaded change that ran into the conflict (a re-sent change finds its conflict again).
    change_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[uuid.UUID] = mapped_column(index=True)
    versions: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    description: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    resolved_at: Mapped[dt.datetime | None]
    resolved_by: Mapped[str | None] = mapped_column(String(100))
    kept: Mapped[int | None]


class FieldStamp(ServerBase):
    """When the value a column holds now was edited, on the server's clock: the newest edit wins."""

    __tablename__ = "sync_field_stamp"

    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    row_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    column_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    edited_at: Mapped[dt.datetime]
    change_id: Mapped[uuid.UUID]


class NumberCounter(ServerBase):
    """The next free running number of one week's sequence, which every series draws from (locked while a
    block is leased)."""

    __tablename__ = "sync_number_counter"

    year_week: Mapped[str] = mapped_column(String(4), primary_key=True)
    next_first: Mapped[int]


class NumberLease(ServerBase):
    """A block of a week's running numbers handed to one workstation (a record of who got which numbers;
    the counter's row lock keeps blocks from overlapping)."""

    __tablename__ = "sync_number_lease"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    year_week: Mapped[str] = mapped_column(String(4))
    first: Mapped[int]
    last: Mapped[int]
    workstation: Mapped[str] = mapped_column(String(100))
    leased_at: Mapped[dt.datetime] = mapped_column(default=utc_now)


class ServerSetting(ServerBase):
    """One setting of the central database itself, such as ``history``: the id of its history, which
    ``hearing-desk-server restored`` renews after a restore from a backup (every answer to a workstation
    carries it, so a workstation notices that the server forgot what it had sent)."""

    __tablename__ = "sync_server_setting"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
