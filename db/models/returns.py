"""Pickup orders to the central warehouse, returns to own stock and returns to supplier for credit."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Synced, created_at, str_name, uuid_pk
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
    infection_known: Mapped[bool] = mapped_column(default=False)  # R32: cleaned before it was packed
    #: R32: involved in an incident: taken in blocked ("Spärrat hjälpmedel, till hjälpmedelskonsulent").
    incident: Mapped[bool] = mapped_column(default=False)


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
    infection_known: Mapped[bool] = mapped_column(default=False)  # R32: cleaned before it was returned
    incident: Mapped[bool] = mapped_column(default=False)  # R32: the device was taken in blocked


class ReturnCheck(Synced):
    """One answer of the return checklist (R29) for one line of a pickup order or a return: kept with the
    return (it is not sent with the parcel)."""

    __tablename__ = "return_check"

    pickup_order_line_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("pickup_order_line.id"), index=True
    )
    stock_return_line_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("stock_return_line.id"), index=True
    )
    point: Mapped[str] = mapped_column(String(40))
    done: Mapped[bool]
    reason: Mapped[str] = mapped_column(Text, default="")  # why it could not be done


class ReturnDraft(Base):
    """The return wizard's answers so far, kept on this workstation only until its last page: never
    synced, never in the change log or the ledger."""

    __tablename__ = "return_draft"
    __local_only__ = True
    __table_args__ = (UniqueConstraint("subject", "user_id"),)

    id: Mapped[uuid_pk]
    #: What the wizard was started for: "p:<patient id>" or "i:<individual id>".
    subject: Mapped[str] = mapped_column(String(60))
    user_id: Mapped[uuid.UUID]
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    saved_at: Mapped[created_at]
