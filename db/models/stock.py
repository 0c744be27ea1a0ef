"""Stock as a ledger of movements; balances are derived, never overwritten."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text, Uuid, column, table
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Synced, created_at, money, str_name
from db.models.enums import MovementReason


class StockMovement(Synced):
    __tablename__ = "stock_movement"
    #: Covers a balance (sum of quantities per warehouse and article) without reading the rows.
    #: The ledger index lists an article's movements in one warehouse in time order (the Stock tab, R35).
    __table_args__ = (
        Index("ix_stock_movement_balance", "warehouse_id", "article_id", "quantity"),
        Index("ix_stock_movement_ledger", "article_id", "warehouse_id", "occurred_at"),
    )

    warehouse_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("warehouse.id"))
    article_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("article.id"))
    quantity: Mapped[int]  # a delta: positive in, negative out
    reason: Mapped[MovementReason]
    unit_price: Mapped[money] = mapped_column(default=Decimal("0"))
    document_kind: Mapped[str] = mapped_column(String(40), default="")
    document_id: Mapped[uuid.UUID | None]
    individual_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("individual.id"))
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))
    occurred_at: Mapped[created_at]


#: The balance per warehouse and article that triggers on ``stock_movement`` keep on a workstation
#: (migration 0011): a local derived table, not a model (sync never writes it, and the central database
#: has none: there balances are summed from the ledger).
stock_balance = table(
    "stock_balance",
    column("warehouse_id", Uuid()),
    column("article_id", Uuid()),
    column("quantity"),
)


class InventoryCount(Synced):
    """The yearly inventory of one warehouse (R39)."""

    __tablename__ = "inventory_count"

    warehouse_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("warehouse.id"), index=True)
    started_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    started_at: Mapped[created_at]
    closed_at: Mapped[dt.datetime | None]
    note: Mapped[str] = mapped_column(Text, default="")


class InventoryCountLine(Synced):
    __tablename__ = "inventory_count_line"

    inventory_count_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inventory_count.id"), index=True)
    article_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("article.id"))
    expected_quantity: Mapped[int]
    counted_quantity: Mapped[int | None]
    comment: Mapped[str_name] = mapped_column(default="")


class InventoryCountEntry(Synced):
    """One count made at the shelf (R39): an article's quantity, or one individual found. Append-only: an
    entry is never edited except to name the later entry the clerk chose over it (``replaced_by_id``), so
    two workstations counting the same warehouse offline merge on sync without losing a count."""

    __tablename__ = "inventory_count_entry"

    inventory_count_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inventory_count.id"), index=True)
    article_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("article.id"))
    individual_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("individual.id"))
    quantity: Mapped[int | None]  # None for an individual found (it counts one)
    entered_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    entered_at: Mapped[created_at]
    #: The clerk knowingly added this count to an earlier one of the article (a second shelf).
    added: Mapped[bool] = mapped_column(default=False)
    #: A later entry the clerk chose over this one; a replaced entry no longer counts.
    replaced_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("inventory_count_entry.id"))
