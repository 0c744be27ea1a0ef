"""Individually marked devices and their status history."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Synced, created_at, money, str_name, str_short
from db.models.catalogue import Article
from db.models.enums import IndividualStatus, OwnerColour


class Individual(Synced):
    """One physical device (individ) with its individual number, serial number and optional SIP number."""

    __tablename__ = "individual"
    __table_args__ = (
        Index("ix_individual_patient_status", "patient_id", "status"),
        #: Covers the free devices of an article in a warehouse (ids included) without reading the rows.
        Index("ix_individual_article_stock", "article_id", "warehouse_id", "status", "id"),
    )

    individual_number: Mapped[str_short] = mapped_column(unique=True)
    serial_number: Mapped[str_short] = mapped_column(index=True)
    sip_number: Mapped[str_name | None] = mapped_column(index=True)
    article_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("article.id"))
    owner_colour: Mapped[OwnerColour] = mapped_column(default=OwnerColour.BLUE)  # R40
    status: Mapped[IndividualStatus]
    warehouse_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("warehouse.id"), index=True)
    patient_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("patient.id"))
    order_line_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("order_line.id"), index=True)
    purchase_date: Mapped[dt.date | None]
    purchase_price: Mapped[money] = mapped_column(default=Decimal("0"))
    last_maintenance_on: Mapped[dt.date | None]
    free_text: Mapped[str] = mapped_column(Text, default="")
    #: R43: the admin's data for a device bought over from another region.
    bought_over_from: Mapped[str_name] = mapped_column(default="")
    approving_contact: Mapped[str_name] = mapped_column(default="")

    article: Mapped[Article] = relationship()


class IndividualEvent(Synced):
    """The status history of an individual: each change, with the document that caused it."""

    __tablename__ = "individual_event"

    individual_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("individual.id"), index=True)
    occurred_at: Mapped[created_at]
    status: Mapped[IndividualStatus]
    warehouse_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("warehouse.id"))
    patient_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("patient.id"))
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))
    document_kind: Mapped[str] = mapped_column(String(40), default="")
    document_id: Mapped[uuid.UUID | None]
    note: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def of(
        cls,
        individual: Individual,
        *,
        user_id: uuid.UUID | None,
        document_kind: str,
        document_id: uuid.UUID | None,
        patient_id: uuid.UUID | None = None,
        note: str = "",
    ) -> IndividualEvent:
        """The event for the state *individual* is now in (its status, warehouse and patient); *patient_id*
        names the patient of a reservation, which the individual itself does not hold yet."""
        return cls(
            **cls.values_of(
                individual,
                user_id=user_id,
                document_kind=document_kind,
                document_id=document_id,
                patient_id=patient_id,
                note=note,
            )
        )

    @staticmethod
    def values_of(
        individual: Individual,
        *,
        user_id: uuid.UUID | None,
        document_kind: str,
        document_id: uuid.UUID | None,
        patient_id: uuid.UUID | None = None,
        note: str = "",
    ) -> dict[str, Any]:
        """The column values of ``of``'s event, for writing it as a plain row."""
        return IndividualEvent.values(
            individual_id=individual.id,
            status=individual.status,
            warehouse_id=individual.warehouse_id,
            patient_id=patient_id or individual.patient_id,
            user_id=user_id,
            document_kind=document_kind,
            document_id=document_id,
            note=note,
        )

    @staticmethod
    def values(
        *,
        individual_id: uuid.UUID,
        status: IndividualStatus,
        warehouse_id: uuid.UUID | None,
        patient_id: uuid.UUID | None,
        user_id: uuid.UUID | None,
        document_kind: str,
        document_id: uuid.UUID | None,
        note: str = "",
    ) -> dict[str, Any]:
        """The column values of an event for a device in the state given (a device written as a plain
        row, with no ``Individual`` object to read it from)."""
        return {
            "individual_id": individual_id,
            "status": status,
            "warehouse_id": warehouse_id,
            "patient_id": patient_id,
            "user_id": user_id,
            "document_kind": document_kind,
            "document_id": document_id,
            "note": note,
        }
