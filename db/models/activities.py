"""Activities: warranty repairs, installations, repairs of installed aids, outside-assortment applications."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Synced, created_at, str_name, str_short
from db.models.enums import ActivityKind, ActivityStatus


class Activity(Synced):
    __tablename__ = "activity"
    __table_args__ = (Index("ix_activity_location_created", "service_location_id", "created_at"),)

    number: Mapped[str] = mapped_column(String(8), unique=True)
    kind: Mapped[ActivityKind]
    status: Mapped[ActivityStatus] = mapped_column(default=ActivityStatus.ASSIGNED)
    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patient.id"), index=True)
    service_location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_location.id"))
    orderer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    service_article_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("article.id"))
    supplier_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("supplier.id"))
    wanted_action: Mapped[str] = mapped_column(Text, default="")
    fault_description: Mapped[str] = mapped_column(Text, default="")
    return_street: Mapped[str_name] = mapped_column(default="")
    return_postal_code: Mapped[str_short] = mapped_column(default="")
    return_city: Mapped[str_name] = mapped_column(default="")
    action_taken: Mapped[str] = mapped_column(Text, default="")
    not_warranty: Mapped[bool] = mapped_column(default=False)
    #: R32: an aid from a patient with a known infection; the work order says protective clothing.
    protective_clothing_required: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[created_at]
    closed_at: Mapped[dt.datetime | None]


class ActivityIndividual(Synced):
    """The aids an activity concerns (R23: one or several)."""

    __tablename__ = "activity_individual"

    activity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("activity.id"), index=True)
    individual_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("individual.id"), index=True)
    replaced_individual_number: Mapped[str_short] = mapped_column(default="")
