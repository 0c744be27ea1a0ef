"""Document operations: read, render and save a PDF on a worker thread, then open it (``ui.documents``).

``app.documents`` (reportlab) is imported by the first document asked for, not at start: it is a tenth of
the program's memory and few clerks print in a session's first minutes.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from app.organisation import WorkContext
from app.patients import AidHeld
from ui.documents import open_document, translate_documents
from ui.operations import Failure, OperationRunner
from ui.qt import QCoreApplication, QWidget


def print_loan_agreement(
    runner: OperationRunner,
    *,
    patient_id: uuid.UUID,
    context: WorkContext,
    held: Sequence[AidHeld] = (),
    individual_ids: Sequence[uuid.UUID] = (),
    order_id: uuid.UUID | None = None,
    parent: QWidget | None = None,
    on_done: Callable[[Path], None] | None = None,
    on_error: Failure | None = None,
) -> None:
    """The loan agreement for the chosen aids (rows of the record, individuals, or one order's delivered
    lines), or for every aid the patient holds when nothing is chosen."""
    chosen_rows = tuple(held)
    chosen_individuals = tuple(individual_ids)
    today = dt.date.today()

    def build(session: Session) -> bytes:
        from app.documents import loan_agreement, render_loan_agreement

        doc = loan_agreement(
            session,
            patient_id=patient_id,
            individual_ids=chosen_individuals or None,
            order_id=order_id,
            held=chosen_rows or None,
            service_location_id=context.service_location_id,
            user_id=context.user_id,
            today=today,
        )
        return render_loan_agreement(doc, translate_documents)

    open_document(
        runner,
        build=build,
        file_name=QCoreApplication.translate("Documents", "loan-agreement"),
        parent=parent,
        on_done=on_done,
        on_error=on_error,
    )


def print_purchase_order(
    runner: OperationRunner,
    *,
    purchase_order_id: uuid.UUID,
    number: str = "",
    parent: QWidget | None = None,
    on_done: Callable[[Path], None] | None = None,
    on_error: Failure | None = None,
) -> None:
    """The purchase order of one supplier (R14); *number* (YYWWNNNN) only names the file."""

    def build(session: Session) -> bytes:
        from app.documents import purchase_order, render_purchase_order

        return render_purchase_order(
            purchase_order(session, purchase_order_id=purchase_order_id), translate_documents
        )

    name = QCoreApplication.translate("Documents", "purchase-order")
    open_document(
        runner,
        build=build,
        file_name=f"{name}-{number}" if number else name,
        parent=parent,
        on_done=on_done,
        on_error=on_error,
    )
