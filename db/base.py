"""The declarative base every model shares, with the column types used across the schema."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from decimal import Decimal
from typing import Annotated, Any

from sqlalchemy import JSON, DateTime, Enum, MetaData, Numeric, String, Uuid, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from uuid6 import uuid7

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_id() -> uuid.UUID:
    """A new row id: a UUID version 7 (RFC 9562), the milliseconds since 1970, a counter and random bits.

    Ids made on one node one after another sort together, so a unit of work's new rows go to the last
    pages of each primary-key index instead of one random page per row (fewer pages read, written to the
    WAL and checkpointed on SQLite; the same on PostgreSQL); the random bits keep nodes from colliding.
    Made by the ``uuid6`` package (Python 3.14's ``uuid.uuid7`` makes the same), handed on as a plain
    ``uuid.UUID`` so no driver or serializer meets the package's subclass.
    """
    return uuid.UUID(bytes=uuid7().bytes)


# Reusable column aliases (SQLAlchemy "Annotated" mapping).
uuid_pk = Annotated[uuid.UUID, mapped_column(primary_key=True, default=new_id)]
str_short = Annotated[str, mapped_column(String(40))]
str_name = Annotated[str, mapped_column(String(200))]
money = Annotated[Decimal, mapped_column(Numeric(12, 2))]
created_at = Annotated[dt.datetime, mapped_column(DateTime(timezone=True), default=utc_now)]
updated_at = Annotated[
    dt.datetime,
    mapped_column(DateTime(timezone=True), default=utc_now, onupdate=utc_now, server_default=func.now()),
]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        uuid.UUID: Uuid(as_uuid=True),
        dt.datetime: DateTime(timezone=True),
        Decimal: Numeric(12, 2),
        dict[str, Any]: JSON(),
        str: String(200),
        enum.Enum: Enum(
            enum.Enum, native_enum=False, length=32, values_callable=lambda e: [m.value for m in e]
        ),
    }

    #: Tables that belong to this node only and never travel through sync
    #: (the change log itself, number blocks, node settings).
    __local_only__ = False


class Synced(Base):
    """A table whose rows are written only through ``app`` services and logged for sync."""

    __abstract__ = True

    id: Mapped[uuid_pk]
    updated_at: Mapped[updated_at]
