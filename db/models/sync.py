"""This node's own bookkeeping: the change log that sync uploads, number blocks, node settings and the
conflicts and refused changes the server reported.

These tables are local to the node and are not themselves logged.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, created_at, uuid_pk
from db.models.enums import ChangeOperation


class ChangeLogEntry(Base):
    """One change to one synced row, appended in the same transaction as the change itself."""

    __tablename__ = "change_log"
    __local_only__ = True
    __table_args__ = (Index("ix_change_log_pending", "uploaded_at", "local_seq"),)

    id: Mapped[uuid_pk]
    local_seq: Mapped[int] = mapped_column(unique=True)
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[uuid.UUID]
    operation: Mapped[ChangeOperation]
    #: Column values after the change (changed columns only for an update; empty for a delete).
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: For an update, the same columns' values before it: what the writer saw, so the server can tell a
    #: conflicting edit (an individual delivered twice) from a plain newer one.
    base: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    recorded_at: Mapped[created_at]
    uploaded_at: Mapped[dt.datetime | None]


class NumberBlock(Base):
    """A block of running numbers of one year-week that this node may hand out.

    Every series (orders, purchase orders, activities, pickup orders, returns) draws from the week's one
    sequence, so a ``YYWWNNNN`` number names one document.
    """

    __tablename__ = "number_block"
    __local_only__ = True
    __table_args__ = (UniqueConstraint("year_week", "first"),)

    id: Mapped[uuid_pk]
    year_week: Mapped[str] = mapped_column(String(4))
    first: Mapped[int]
    last: Mapped[int]
    next: Mapped[int]


class NodeSetting(Base):
    __tablename__ = "node_setting"
    __local_only__ = True

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(400))


class SyncIssueRecord(Base):
    """A conflict or a refused change the server reported to this node, kept for the conflicts view."""

    __tablename__ = "sync_issue"
    __local_only__ = True

    #: The server's conflict id, or for a refused change the change's own id.
    id: Mapped[uuid_pk]
    kind: Mapped[str] = mapped_column(String(40))  # the conflict kind, or "rejected"
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[uuid.UUID]
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10))  # "open" or "resolved" (read, for a refused change)
    created_at: Mapped[created_at]
    #: Both sides as the server described them (rows in the protocol's JSON form).
    versions: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
