"""Patient fees, self fees and charger billing (R21, R22, R41)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Synced, created_at, money
from db.models.enums import FeeKind, FeeStatus


class Fee(Synced):
    __tablename__ = "fee"

    kind: Mapped[FeeKind]
    status: Mapped[FeeStatus] = mapped_column(default=FeeStatus.PLANNED)
    patient_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("patient.id"), index=True)
    #: R41: a lost device is charged to the prescribing unit, not the patient.
    service_location_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("service_location.id"))
    article_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("article.id"))
    order_line_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("order_line.id"), index=True)
    individual_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("individual.id"), index=True)
    amount: Mapped[money]
    bill_on: Mapped[dt.date]
    paused_until: Mapped[dt.date | None]
    created_at: Mapped[created_at]
