"""Life-event operations (R41–R43): each runs one app service in its own unit of work on a worker thread."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from app import life_events
from app.life_events import (
    BoughtOverDone,
    BoughtOverRequest,
    BoughtOverStart,
    LostDeviceDone,
    LostDevicePreview,
    LostDeviceRequest,
    MovingOutPlan,
    RecipientChangeDone,
    RecipientChangeRequest,
)
from app.organisation import WorkContext
from ui.documents import open_document, translate_documents
from ui.operations import Failure, OperationRunner, Success
from ui.qt import QCoreApplication, QWidget


def lost_device_preview(
    runner: OperationRunner,
    *,
    individual_number: str,
    context: WorkContext,
    on_success: Success,
    on_error: Failure,
) -> None:
    today = dt.date.today()

    def work(session: Session) -> LostDevicePreview:
        individual_id = life_events.find_device(session, individual_number)
        return life_events.lost_device_preview(session, context, individual_id=individual_id, today=today)

    runner.read(work, on_success=on_success, on_error=on_error)


def report_lost_device(
    runner: OperationRunner,
    *,
    request: LostDeviceRequest,
    context: WorkContext,
    on_success: Success,
    on_error: Failure,
) -> None:
    today = dt.date.today()

    def work(session: Session) -> LostDeviceDone:
        return life_events.report_lost_device(session, context, request, today=today)

    runner.write(work, on_success=on_success, on_error=on_error)


def change_recipient(
    runner: OperationRunner,
    *,
    individual_number: str,
    new_patient_id: uuid.UUID,
    full_function_confirmed: bool,
    comment: str,
    context: WorkContext,
    on_success: Success,
    on_error: Failure,
) -> None:
    today = dt.date.today()

    def work(session: Session) -> RecipientChangeDone:
        request = RecipientChangeRequest(
            life_events.find_device(session, individual_number),
            new_patient_id,
            full_function_confirmed,
            comment,
        )
        return life_events.change_recipient(session, context, request, today=today)

    runner.write(work, on_success=on_success, on_error=on_error)


def bought_over_start(
    runner: OperationRunner, *, context: WorkContext, on_success: Success, on_error: Failure
) -> None:
    def work(session: Session) -> BoughtOverStart:
        return life_events.bought_over_start(session, context)

    runner.read(work, on_success=on_success, on_error=on_error)


def register_bought_over(
    runner: OperationRunner,
    *,
    request: BoughtOverRequest,
    context: WorkContext,
    on_success: Success,
    on_error: Failure,
) -> None:
    today = dt.date.today()

    def work(session: Session) -> BoughtOverDone:
        return life_events.register_bought_over(session, context, request, today=today)

    runner.write(work, on_success=on_success, on_error=on_error)


def moving_out_plan(
    runner: OperationRunner, *, patient_id: uuid.UUID, on_success: Success, on_error: Failure
) -> None:
    today = dt.date.today()

    def work(session: Session) -> MovingOutPlan:
        return life_events.moving_out_plan(session, patient_id=patient_id, today=today)

    runner.read(work, on_success=on_success, on_error=on_error)


def clean_list_for_moving_out(
    runner: OperationRunner,
    *,
    patient_id: uuid.UUID,
    order_line_ids: Sequence[uuid.UUID],
    context: WorkContext,
    on_success: Success,
    on_error: Failure,
) -> None:
    today = dt.date.today()
    chosen = tuple(order_line_ids)

    def work(session: Session) -> MovingOutPlan:
        life_events.clean_list_for_moving_out(
            session, context, patient_id=patient_id, order_line_ids=chosen, today=today
        )
        return life_events.moving_out_plan(session, patient_id=patient_id, today=today)

    runner.write(work, on_success=on_success, on_error=on_error)


def print_aid_list(
    runner: OperationRunner,
    *,
    patient_id: uuid.UUID,
    context: WorkContext,
    invoice_address: str = "",
    contact_name: str = "",
    contact_phone: str = "",
    moving_out: bool = False,
    parent: QWidget | None = None,
    on_done: Callable[[Path], None] | None = None,
    on_error: Failure | None = None,
) -> None:
    """The patient's aid list (R43); when the patient moves out it must carry the invoice address and the
    contact person (checked on the worker, refused with the clerk's sentence)."""
    today = dt.date.today()

    def build(session: Session) -> bytes:
        from app.documents.aid_list import aid_list, render_aid_list

        if moving_out:
            life_events.check_invoice_details(invoice_address, contact_name, contact_phone)
        doc = aid_list(
            session,
            patient_id=patient_id,
            service_location_id=context.service_location_id,
            user_id=context.user_id,
            today=today,
            invoice_address=invoice_address,
            contact_name=contact_name,
            contact_phone=contact_phone,
        )
        return render_aid_list(doc, translate_documents)

    open_document(
        runner,
        build=build,
        file_name=QCoreApplication.translate("Documents", "aid-list"),
        parent=parent,
        on_done=on_done,
        on_error=on_error,
    )
