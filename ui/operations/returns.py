"""Return operations (R9, R28–R32): the wizard's loads, its drafts and its one save, the search of returns,
a return's detail, cancelling and closing a pickup order, and the return's document; each runs one app
service in its own unit of work on a worker thread."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app import returns
from app.numbers import NumberAllocator
from app.organisation import WorkContext, list_users
from app.returns import ReturnDetail, ReturnDone, ReturnHit, ReturnRequest, ReturnStart
from db.models.enums import DocumentKind, Role
from ui.documents import open_document, translate_documents
from ui.operations import Failure, Key, OperationRunner, Success
from ui.qt import QCoreApplication, QWidget

Numbers = Callable[[], NumberAllocator]


def _today() -> dt.date:
    return dt.date.today()


@dataclass(frozen=True)
class WizardStart:
    """What the wizard's first page shows: the aids it may return, and the answers of a return begun and
    closed half-way for the same patient or individual (None when there is none)."""

    start: ReturnStart
    draft: dict[str, Any] | None


@dataclass(frozen=True)
class Whose:
    """Whose return the wizard makes: a patient's aids, or one individual (Individual tab, a scan)."""

    patient_id: uuid.UUID | None = None
    individual_id: uuid.UUID | None = None


def load_start(
    runner: OperationRunner,
    *,
    context: WorkContext,
    whose: Whose,
    on_success: Success,
    on_error: Failure,
    key: Key | None = None,
) -> None:
    """The wizard's first page (``WizardStart``)."""

    def work(session: Session) -> WizardStart:
        start = returns.returnable_aids(
            session, context, patient_id=whose.patient_id, individual_id=whose.individual_id
        )
        return WizardStart(
            start,
            returns.load_draft(
                session, context, patient_id=whose.patient_id, individual_id=whose.individual_id
            ),
        )

    runner.read(work, on_success=on_success, on_error=on_error, key=key)


def save_draft(
    runner: OperationRunner,
    *,
    context: WorkContext,
    whose: Whose,
    answers: dict[str, Any],
    on_success: Success | None = None,
    on_error: Failure | None = None,
) -> None:
    """Keep the answers of a wizard closed half-way (locally: a draft never syncs, nothing in the ledger)."""

    def work(session: Session) -> None:
        returns.save_draft(
            session, context, answers=answers, patient_id=whose.patient_id, individual_id=whose.individual_id
        )

    runner.write(work, on_success=on_success, on_error=on_error)


def drop_draft(runner: OperationRunner, *, context: WorkContext, whose: Whose) -> None:
    def work(session: Session) -> None:
        returns.drop_draft(session, context, patient_id=whose.patient_id, individual_id=whose.individual_id)

    runner.write(work)


def register_return(
    runner: OperationRunner,
    *,
    context: WorkContext,
    numbers: Numbers,
    whose: Whose,
    request: ReturnRequest,
    on_success: Success,
    on_error: Failure,
) -> None:
    """The wizard's one save: the return with its lines, checklist, statuses and stock movements; the draft
    it was made from goes in the same unit of work."""
    today = _today()

    def work(session: Session) -> ReturnDone:
        done = returns.register_return(session, context, numbers(), request, today)
        returns.drop_draft(session, context, patient_id=whose.patient_id, individual_id=whose.individual_id)
        return done

    runner.write(work, on_success=on_success, on_error=on_error)


def search_returns(
    runner: OperationRunner,
    *,
    context: WorkContext,
    number: str = "",
    service_location_id: uuid.UUID | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    on_success: Success,
    on_error: Failure,
    key: Key | None = None,
) -> None:
    def work(session: Session) -> list[ReturnHit]:
        return returns.search_returns(
            session, context, number=number, service_location_id=service_location_id, start=start, end=end
        )

    runner.read(work, on_success=on_success, on_error=on_error, key=key)


def may_close_pickups(runner: OperationRunner, *, context: WorkContext, on_success: Success) -> None:
    """Whether the user works for the aid centre (only they close a pickup order, R28)."""

    def work(session: Session) -> bool:
        return any(
            user.id == context.user_id and Role.AID_CENTRE in user.roles for user in list_users(session)
        )

    runner.read(work, on_success=on_success)


def read_return(
    runner: OperationRunner,
    *,
    kind: DocumentKind,
    return_id: uuid.UUID,
    on_success: Success,
    on_error: Failure,
    key: Key | None = None,
) -> None:
    def work(session: Session) -> ReturnDetail:
        return returns.read_return(session, kind, return_id)

    runner.read(work, on_success=on_success, on_error=on_error, key=key)


def cancel_pickup(
    runner: OperationRunner,
    *,
    context: WorkContext,
    pickup_id: uuid.UUID,
    on_success: Success,
    on_error: Failure,
) -> None:
    """Cancel a registered pickup order (R28) and hand back its detail as it now reads."""

    def work(session: Session) -> ReturnDetail:
        returns.cancel_pickup(session, context, pickup_id)
        return returns.read_return(session, DocumentKind.PICKUP_ORDER, pickup_id)

    runner.write(work, on_success=on_success, on_error=on_error)


def close_pickup(
    runner: OperationRunner,
    *,
    context: WorkContext,
    pickup_id: uuid.UUID,
    on_success: Success,
    on_error: Failure,
) -> None:
    """The central warehouse took the aids in (an aid-centre user, R28); hand back the detail as it reads."""
    today = _today()

    def work(session: Session) -> ReturnDetail:
        returns.close_pickup(session, context, pickup_id, today)
        return returns.read_return(session, DocumentKind.PICKUP_ORDER, pickup_id)

    runner.write(work, on_success=on_success, on_error=on_error)


def return_document_name(kind: DocumentKind, supplier: bool) -> str:
    """The file name of a return's document (never a patient's identity or name)."""
    if kind is DocumentKind.PICKUP_ORDER:
        return QCoreApplication.translate("Documents", "pickup-order")
    if supplier:
        return QCoreApplication.translate("Documents", "return-slip")
    return QCoreApplication.translate("Documents", "return-receipt")


def print_return_document(
    runner: OperationRunner,
    *,
    kind: DocumentKind,
    return_id: uuid.UUID,
    number: str,
    supplier: bool,
    parent: QWidget | None = None,
    on_done: Callable[[Path], None] | None = None,
    on_error: Failure | None = None,
) -> None:
    """The return's document, saved and opened: the pickup order with its packing instructions (R28, R29),
    the return receipt of a return to own stock (R30) or the return slip to the supplier (R31)."""

    def build(session: Session) -> bytes:
        if kind is DocumentKind.PICKUP_ORDER:
            from app.documents.pickup_order import pickup_order_pdf

            return pickup_order_pdf(session, return_id, translate_documents)
        if supplier:
            from app.documents.return_slip import return_slip_pdf

            return return_slip_pdf(session, return_id, translate_documents)
        from app.documents.return_receipt import return_receipt_pdf

        return return_receipt_pdf(session, return_id, translate_documents)

    open_document(
        runner,
        build=build,
        file_name=f"{return_document_name(kind, supplier)}-{number}",
        parent=parent,
        on_done=on_done,
        on_error=on_error,
    )
