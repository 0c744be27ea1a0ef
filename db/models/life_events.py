"""A device's and a patient's life events: lost or stolen (R41), change of recipient (R42), a device bought
over from another region (R43 moving in) and what the desk wrote off a patient's list (R43 moving out)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Synced, created_at, money, str_name, str_short


class LostDeviceReport(Synced):
    """R41: a device reported lost or stolen, scrapped from the ledger; what the prescribing unit is charged
    (the fee itself is a ``Fee`` of kind LOST_DEVICE)."""

    __tablename__ = "lost_device_report"

    individual_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("individual.id"), index=True)
    patient_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("patient.id"), index=True)
    stolen: Mapped[bool] = mapped_column(default=False)
    police_reference: Mapped[str_short] = mapped_column(default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    residual_value: Mapped[money]
    admin_fee: Mapped[money]
    fee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("fee.id"))
    #: The prescribing unit charged.
    service_location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_location.id"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    reported_on: Mapped[dt.date]
    created_at: Mapped[created_at]


class RecipientChange(Synced):
    """R42 (BMB, byte mottagare betalare): a device with full function handed from one patient to another
    without passing the central warehouse."""

    __tablename__ = "recipient_change"

    individual_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("individual.id"), index=True)
    from_patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patient.id"), index=True)
    to_patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patient.id"), index=True)
    #: The clerk confirmed the device's full function (the rule's condition).
    full_function_confirmed: Mapped[bool]
    comment: Mapped[str] = mapped_column(Text, default="")
    service_location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_location.id"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    changed_on: Mapped[dt.date]
    created_at: Mapped[created_at]


class BoughtOverDevice(Synced):
    """R43 moving in: what the administration needs of a device bought over from another region (002
    "Överköp"): the patient, supplier and supplier article number, price, age, individual number and the
    approving contact in the region; the device went into the service location's own stock."""

    __tablename__ = "bought_over_device"

    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patient.id"), index=True)
    selling_region: Mapped[str_name]
    supplier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("supplier.id"))
    supplier_article_number: Mapped[str_short]
    article_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("article.id"))
    price: Mapped[money]
    age_months: Mapped[int]
    #: Empty for an article that is not individually marked (then ``individual_id`` is empty too).
    individual_number: Mapped[str_short] = mapped_column(default="")
    individual_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("individual.id"))
    approving_contact: Mapped[str_name]
    warehouse_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("warehouse.id"))
    service_location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_location.id"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    bought_on: Mapped[dt.date]
    created_at: Mapped[created_at]


class AidWriteOff(Synced):
    """R43 moving out: a delivered line the desk returned and scrapped from the patient's list (a service
    purchase, or a main aid that is not individually marked and costs under 1 000 SEK)."""

    __tablename__ = "aid_write_off"

    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patient.id"), index=True)
    order_line_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("order_line.id"), index=True)
    article_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("article.id"))
    quantity: Mapped[int]
    service_location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_location.id"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    written_off_on: Mapped[dt.date]
    created_at: Mapped[created_at]


__all__ = ["AidWriteOff", "BoughtOverDevice", "LostDeviceReport", "RecipientChange"]
