"""Fee operations: the fees list and pausing a charger invoice (R21, R22), each in its own unit of work."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app import fees
from app.fees import FeeRow, PausedInvoice
from app.organisation import WorkContext
from db.models.enums import FeeStatus
from ui.operations import Failure, Key, OperationRunner, Success


def list_fees(
    runner: OperationRunner,
    *,
    context: WorkContext,
    date_from: dt.date,
    date_to: dt.date,
    status: FeeStatus | None,
    on_success: Success,
    on_error: Failure,
    key: Key | None = None,
) -> None:
    def work(session: Session) -> list[FeeRow]:
        return fees.fees_list(session, context, date_from=date_from, date_to=date_to, status=status)

    runner.read(work, on_success=on_success, on_error=on_error, key=key)


def find_charger_invoice(
    runner: OperationRunner,
    *,
    context: WorkContext,
    individual_number: str,
    on_success: Success,
    on_error: Failure,
    key: Key | None = None,
) -> None:
    def work(session: Session) -> FeeRow:
        return fees.charger_invoice(session, context, individual_number=individual_number)

    runner.read(work, on_success=on_success, on_error=on_error, key=key)


def pause_charger_invoice(
    runner: OperationRunner,
    *,
    context: WorkContext,
    individual_number: str,
    until: dt.date,
    on_success: Success,
    on_error: Failure,
) -> None:
    def work(session: Session) -> PausedInvoice:
        return fees.pause_charger_invoice(
            session,
            context=context,
            individual_number=individual_number,
            until=until,
            today=dt.date.today(),
        )

    runner.write(work, on_success=on_success, on_error=on_error)
