"""Pickup orders to the central warehouse, returns to own stock and returns to supplier for credit."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Synced, created_at, str_name
from db.models.enums import PickupReason, PickupStatus, ReturnKind


class PickupOrder(Synced):
    """Hämtorder (R28); the aid stays on the patient's list until the central warehouse takes it in."""

    __tablename__ = "pickup_order"

    number: Mapped[str] = mapped_column(String(8), unique=True)
    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patient.id"), index=True)
    service_location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_location.id"))
    contact_user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    reason: Mapped[PickupReason]
    comment: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[PickupStatus] = mapped_column(default=PickupStatus.REGISTERED)
    infection_known: Mapped[bool] = mapped_column(default=False)  # R32
    blocked_for_investigation: Mapped[bool] = mapped_column(default=False)  # R32
    checklist_completed: Mapped[bool] = mapped_column(default=False)  # R29
    created_at: Mapped[created_at]
    closed_at: Mapped[dt.datetime | None]


class PickupOrderLine(Synced):
    __tablename__ = "pickup_order_line"

    pickup_order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pickup_order.id"), index=True)
    order_line_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("order_line.id"))
    individual_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("individual.id"))
    article_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("article.id"))
    quantity: Mapped[int] = mapped_column(default=1)


class StockReturn(Synced):
    """Retur: from a patient to own stock (R30), or from own stock to the supplier for credit (R31)."""

    __tablename__ = "stock_return"

    number: Mapped[str] = mapped_column(String(8), unique=True)
    kind: Mapped[ReturnKind]
    patient_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("patient.id"), index=True)
    service_location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_location.id"))
    warehouse_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("warehouse.id"))
    supplier_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("supplier.id"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    reason: Mapped[str_name] = mapped_column(default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[created_at]


class StockReturnLine(Synced):
    __tablename__ = "stock_return_line"

    stock_return_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stock_return.id"), index=True)
    order_line_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("order_line.id"), index=True)
    individual_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("individual.id"))
    article_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("article.id"))
    quantity: Mapped[int] = mapped_column(default=1)
