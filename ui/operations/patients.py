"""Patient operations: each runs one app service in its own unit of work on a worker thread."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from app import patients
from app.organisation import WorkContext
from app.patients import PatientRecord, PatientSearch
from ui.operations import Failure, Key, OperationRunner, Success


def search_patients(
    runner: OperationRunner, *, text: str, on_success: Success, on_error: Failure, key: Key | None = None
) -> None:
    def work(session: Session) -> PatientSearch:
        return patients.search_patients(session, text)

    runner.read(work, on_success=on_success, on_error=on_error, key=key)


def open_patient_record(
    runner: OperationRunner,
    *,
    patient_id: uuid.UUID,
    context: WorkContext,
    on_success: Success,
    on_error: Failure,
    key: Key | None = None,
) -> None:
    """Open a record; the access log row is written in the same unit of work."""

    def work(session: Session) -> PatientRecord:
        return patients.open_patient_record(
            session,
            patient_id=patient_id,
            user_id=context.user_id,
            service_location_id=context.service_location_id,
        )

    runner.write(work, on_success=on_success, on_error=on_error, key=key)


def read_patient_record(
    runner: OperationRunner,
    *,
    patient_id: uuid.UUID,
    context: WorkContext,
    on_success: Success,
    key: Key | None = None,
) -> None:
    def work(session: Session) -> PatientRecord:
        return _read(session, patient_id, context)

    runner.read(work, on_success=on_success, key=key)


def update_phone(
    runner: OperationRunner,
    *,
    patient_id: uuid.UUID,
    phone: str,
    context: WorkContext,
    on_success: Success,
    on_error: Failure,
) -> None:
    """Save the phone and hand back the record as it now reads."""

    def work(session: Session) -> Any:
        patients.update_phone(session, patient_id=patient_id, phone=phone)
        return _read(session, patient_id, context)

    runner.write(work, on_success=on_success, on_error=on_error)


def _read(session: Session, patient_id: uuid.UUID, context: WorkContext) -> PatientRecord:
    """The record as the user at the chosen service location sees it (the patient rules ask who asks)."""
    return patients.read_patient_record(
        session, patient_id, user_id=context.user_id, service_location_id=context.service_location_id
    )
