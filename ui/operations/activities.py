"""Activity operations (R23–R27, R37): each runs one ``app.activities`` service in its own unit of work on a
worker thread; the activity sheet is made and opened like every document (``ui.documents``)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from app import activities
from app.activities import (
    ActivityCreated,
    ActivityDetail,
    ActivityHit,
    ActivityQuery,
    ActivityRequest,
    ActivityStart,
)
from app.organisation import WorkContext
from db.models.enums import ActivityStatus
from ui.documents import open_document, translate_documents
from ui.operations import Failure, Key, OperationRunner, Success
from ui.order.numbers import Numbers
from ui.qt import QCoreApplication, QWidget


def _today() -> dt.date:
    return dt.date.today()


def _translate_app(source: str) -> str:
    """The clerk's language for the text the app composes (an application's headings, R26)."""
    return QCoreApplication.translate("app", source)


def activity_start(
    runner: OperationRunner,
    *,
    context: WorkContext,
    patient_id: uuid.UUID,
    on_success: Success,
    on_error: Failure,
) -> None:
    """What the "New activity" wizard loads before it opens."""

    def work(session: Session) -> ActivityStart:
        return activities.activity_start(session, context, patient_id=patient_id, today=_today())

    runner.read(work, on_success=on_success, on_error=on_error)


def create_activity(
    runner: OperationRunner,
    *,
    context: WorkContext,
    request: ActivityRequest,
    numbers: Numbers,
    on_success: Success,
    on_error: Failure,
) -> None:
    """Save the wizard's answers in one unit of work; the number is taken on the worker (R15)."""

    def work(session: Session) -> ActivityCreated:
        return activities.create_activity(
            session, context, request=request, allocator=numbers(), today=_today(), translate=_translate_app
        )

    runner.write(work, on_success=on_success, on_error=on_error)


def search_activities(
    runner: OperationRunner, *, query: ActivityQuery, on_success: Success, on_error: Failure, key: Key
) -> None:
    def work(session: Session) -> list[ActivityHit]:
        return activities.search_activities(session, query)

    runner.read(work, on_success=on_success, on_error=on_error, key=key)


def read_activity(
    runner: OperationRunner, *, activity_id: uuid.UUID, on_success: Success, on_error: Failure, key: Key
) -> None:
    def work(session: Session) -> ActivityDetail:
        return activities.read_activity(session, activity_id)

    runner.read(work, on_success=on_success, on_error=on_error, key=key)


def set_status(
    runner: OperationRunner,
    *,
    context: WorkContext,
    activity_id: uuid.UUID,
    status: ActivityStatus,
    on_success: Success,
    on_error: Failure,
) -> None:
    def work(session: Session) -> ActivityDetail:
        return activities.set_activity_status(session, context, activity_id=activity_id, status=status)

    runner.write(work, on_success=on_success, on_error=on_error)


def close_activity(
    runner: OperationRunner,
    *,
    context: WorkContext,
    activity_id: uuid.UUID,
    action_taken: str,
    not_warranty: bool,
    on_success: Success,
    on_error: Failure,
) -> None:
    def work(session: Session) -> ActivityDetail:
        return activities.close_activity(
            session, context, activity_id=activity_id, action_taken=action_taken, not_warranty=not_warranty
        )

    runner.write(work, on_success=on_success, on_error=on_error)


def renumber(
    runner: OperationRunner,
    *,
    context: WorkContext,
    activity_id: uuid.UUID,
    individual_id: uuid.UUID,
    new_number: str,
    confirmed: bool,
    on_success: Success,
    on_error: Failure,
) -> None:
    def work(session: Session) -> ActivityDetail:
        return activities.renumber_from_activity(
            session,
            context,
            activity_id=activity_id,
            individual_id=individual_id,
            new_number=new_number,
            confirmed=confirmed,
        )

    runner.write(work, on_success=on_success, on_error=on_error)


def print_activity_sheet(
    runner: OperationRunner,
    *,
    activity_id: uuid.UUID,
    number: str,
    comment: str,
    parent: QWidget | None = None,
    on_done: Callable[[Path], None] | None = None,
    on_error: Failure | None = None,
) -> None:
    """The activity sheet for the supplier (R23) with the comment typed when printing."""
    today = _today()

    def build(session: Session) -> bytes:
        from app.documents.activity_sheet import activity_sheet_pdf

        return activity_sheet_pdf(
            session, activity_id=activity_id, comment=comment, translate=translate_documents, today=today
        )

    name = QCoreApplication.translate("Documents", "activity")
    open_document(
        runner, build=build, file_name=f"{name}-{number}", parent=parent, on_done=on_done, on_error=on_error
    )
