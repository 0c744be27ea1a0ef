"""Inventory operations (R39): each runs one ``app.inventory`` service in its own unit of work on a worker.

A count entered a second time, and a close with uncounted lines, come back as values (the refusal itself)
rather than as sentences, so the page can ask the clerk and try again with the answer.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from app import inventory
from app.inventory import Choice, CountedTwice, UncountedLines
from app.organisation import WorkContext
from ui.documents import open_document, translate_documents
from ui.operations import Failure, OperationRunner, Success
from ui.qt import QCoreApplication, QWidget


def warehouses(
    runner: OperationRunner, *, context: WorkContext, on_success: Success, on_error: Failure
) -> None:
    runner.read(lambda s: inventory.warehouses_to_count(s, context), on_success=on_success, on_error=on_error)


def start_count(
    runner: OperationRunner,
    *,
    context: WorkContext,
    warehouse_id: uuid.UUID,
    on_success: Success,
    on_error: Failure,
) -> None:
    """Start the warehouse's count, or resume the one that is open."""
    runner.write(
        lambda s: inventory.start_count(s, context, warehouse_id=warehouse_id),
        on_success=on_success,
        on_error=on_error,
    )


def count_status(
    runner: OperationRunner,
    *,
    context: WorkContext,
    count_id: uuid.UUID,
    on_success: Success,
    on_error: Failure,
) -> None:
    runner.read(
        lambda s: inventory.count_status(s, context, count_id=count_id),
        on_success=on_success,
        on_error=on_error,
    )


def find_code(
    runner: OperationRunner,
    *,
    context: WorkContext,
    count_id: uuid.UUID,
    code: str,
    on_success: Success,
    on_error: Failure,
) -> None:
    """An article number (the quantity comes next) or an individual's number (counted at once)."""
    runner.write(
        lambda s: inventory.find_code(s, context, count_id=count_id, code=code),
        on_success=on_success,
        on_error=on_error,
    )


def enter_count(
    runner: OperationRunner,
    *,
    context: WorkContext,
    count_id: uuid.UUID,
    article_id: uuid.UUID,
    quantity_text: str,
    choice: Choice | None,
    on_success: Success,
    on_error: Failure,
) -> None:
    """Save a counted quantity; a second count of the article comes back as ``CountedTwice``."""

    def work(session: Session) -> inventory.CountStatus | CountedTwice:
        try:
            return inventory.enter_count(
                session,
                context,
                count_id=count_id,
                article_id=article_id,
                quantity_text=quantity_text,
                choice=choice,
            )
        except CountedTwice as asked:
            return asked

    runner.write(work, on_success=on_success, on_error=on_error)


def settle_counted_twice(
    runner: OperationRunner,
    *,
    context: WorkContext,
    count_id: uuid.UUID,
    article_id: uuid.UUID,
    choice: Choice,
    on_success: Success,
    on_error: Failure,
) -> None:
    runner.write(
        lambda s: inventory.settle_counted_twice(
            s, context, count_id=count_id, article_id=article_id, choice=choice
        ),
        on_success=on_success,
        on_error=on_error,
    )


def close_count(
    runner: OperationRunner,
    *,
    context: WorkContext,
    count_id: uuid.UUID,
    uncounted_as_zero: bool,
    on_success: Success,
    on_error: Failure,
) -> None:
    """Book the count; uncounted lines come back as ``UncountedLines`` until the clerk agrees to book them 0."""

    def work(session: Session) -> inventory.CloseResult | UncountedLines:
        try:
            return inventory.close_count(
                session, context, count_id=count_id, uncounted_as_zero=uncounted_as_zero
            )
        except UncountedLines as asked:
            return asked

    runner.write(work, on_success=on_success, on_error=on_error)


def report_found_individual(
    runner: OperationRunner,
    *,
    context: WorkContext,
    individual_number: str,
    on_success: Success,
    on_error: Failure,
) -> None:
    runner.write(
        lambda s: inventory.report_found_individual(s, context, individual_number=individual_number),
        on_success=on_success,
        on_error=on_error,
    )


def print_count_sheet(
    runner: OperationRunner,
    *,
    context: WorkContext,
    count_id: uuid.UUID,
    warehouse_code: str,
    parent: QWidget | None = None,
    on_done: Callable[[Path], None] | None = None,
    on_error: Failure | None = None,
) -> None:
    """The count sheet PDF of the count (R39)."""
    today = dt.date.today()

    def build(session: Session) -> bytes:
        from app.documents.count_sheet import render_count_sheet

        return render_count_sheet(
            inventory.count_sheet(session, context, count_id=count_id), today, translate_documents
        )

    name = QCoreApplication.translate("Documents", "count-sheet")
    open_document(
        runner,
        build=build,
        file_name=f"{name}-{warehouse_code}",
        parent=parent,
        on_done=on_done,
        on_error=on_error,
    )
