"""Patients (mottagare) and what is recorded about their right to aids."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Synced, created_at, str_name, str_short
from db.models.enums import IdentityKind, Residency


class Patient(Synced):
    """A recipient of aids.

    For a protected identity (R5) the record holds only the fictive name given by the prescriber and the
    tax agency's forwarding address: the real name is never stored, so it cannot leak.
    """

    __tablename__ = "patient"
    __table_args__ = (
        Index("ix_patient_last_key_first_key", "last_name_key", "first_name_key"),
        Index("ix_patient_first_key_last_key", "first_name_key", "last_name_key"),
    )

    #: Normalised: 12 digits (personal/coordination) or 8 digits + 4 letters (reserve number).
    identity_number: Mapped[str] = mapped_column(String(12), unique=True)
    identity_kind: Mapped[IdentityKind]
    first_name: Mapped[str_name]
    last_name: Mapped[str_name]
    #: Lower-cased, accent-folded names for search as you type.
    first_name_key: Mapped[str_name]
    last_name_key: Mapped[str_name]
    birth_date: Mapped[dt.date]
    # Registered address: from the population register, read-only at the desk (R2).
    street: Mapped[str_name] = mapped_column(default="")
    postal_code: Mapped[str_short] = mapped_column(default="")
    city: Mapped[str_name] = mapped_column(default="")
    phone: Mapped[str_short] = mapped_column(default="")
    home_region: Mapped[str_name] = mapped_column(default="Region Skåne")
    residency: Mapped[Residency] = mapped_column(default=Residency.RESIDENT)
    country: Mapped[str_name] = mapped_column(default="")
    protected_identity: Mapped[bool] = mapped_column(default=False)
    deceased_on: Mapped[dt.date | None]
    active: Mapped[bool] = mapped_column(default=True)
    lma_card_valid_until: Mapped[dt.date | None]
    #: The new identity number when a reserve number was replaced (R7); aids move with it.
    replaced_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("patient.id"))


class PaymentCommitment(Synced):
    """Betalningsförbindelse: the home region's written promise to pay (R6)."""

    __tablename__ = "payment_commitment"

    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patient.id"), index=True)
    home_region: Mapped[str_name]
    reference: Mapped[str_name]
    received_on: Mapped[dt.date]
    valid_until: Mapped[dt.date | None]
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[created_at]


class ForeignCertificate(Synced):
    """A certificate a patient from abroad must show before any aid is handed out (R8)."""

    __tablename__ = "foreign_certificate"

    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patient.id"), index=True)
    kind: Mapped[str_name]  # e.g. EU card (EHIC), S1, S2, convention certificate
    reference: Mapped[str_name]
    valid_until: Mapped[dt.date | None]
    recorded_on: Mapped[dt.date]


class UrgentNeedDecision(Synced):
    """Adult asylum seekers/undocumented: the prescriber's reason the need cannot wait (R7)."""

    __tablename__ = "urgent_need_decision"

    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patient.id"), index=True)
    prescriber_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    reason: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[created_at]


class FittingReport(Synced):
    """Out-of-region patients: the fitting's completion is reported to the home region (R6)."""

    __tablename__ = "fitting_report"

    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patient.id"), index=True)
    order_line_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("order_line.id"))
    reported_on: Mapped[dt.date]


class PatientAccessLog(Synced):
    """Every opening of a patient record: who, when, which patient (ARCHITECTURE "Data")."""

    __tablename__ = "patient_access_log"

    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patient.id"), index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"), index=True)
    service_location_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("service_location.id"))
    opened_at: Mapped[created_at]
    #: What a reviewer reads; for a protected identity never the real identity (R5).
    description: Mapped[str_name]
