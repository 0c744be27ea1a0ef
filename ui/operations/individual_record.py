"""Individual tab operations: each runs one app service in its own unit of work on a worker thread."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from app import individual_record
from app.individual_record import IndividualRecord, IndividualSearch, SearchIn
from app.organisation import WorkContext
from ui.operations import Failure, Key, OperationRunner, Success


def search_individuals(
    runner: OperationRunner,
    *,
    text: str,
    search_in: SearchIn,
    on_success: Success,
    on_error: Failure,
    key: Key | None = None,
) -> None:
    def work(session: Session) -> IndividualSearch:
        return individual_record.search_individuals(session, text, search_in=search_in)

    runner.read(work, on_success=on_success, on_error=on_error, key=key)


def read_individual_record(
    runner: OperationRunner,
    *,
    individual_id: uuid.UUID,
    on_success: Success,
    on_error: Failure | None = None,
    key: Key | None = None,
) -> None:
    def work(session: Session) -> IndividualRecord:
        return individual_record.read_individual_record(session, individual_id)

    runner.read(work, on_success=on_success, on_error=on_error, key=key)


def renumber_individual(
    runner: OperationRunner,
    *,
    individual_id: uuid.UUID,
    new_number: str,
    confirmed: bool,
    context: WorkContext,
    on_success: Success,
    on_error: Failure,
) -> None:
    """Give the device a new individual number (R37) and hand back its record as it now reads."""

    def work(session: Session) -> IndividualRecord:
        return individual_record.renumber_individual(
            session,
            individual_id=individual_id,
            new_number=new_number,
            confirmed=confirmed,
            user_id=context.user_id,
        )

    runner.write(work, on_success=on_success, on_error=on_error)


def set_sip_number(
    runner: OperationRunner,
    *,
    individual_id: uuid.UUID,
    sip_number: str,
    context: WorkContext,
    on_success: Success,
    on_error: Failure,
) -> None:
    """Add, change or remove the device's SIP number (R38) and hand back its record as it now reads."""

    def work(session: Session) -> IndividualRecord:
        return individual_record.set_sip_number(
            session, individual_id=individual_id, sip_number=sip_number, user_id=context.user_id
        )

    runner.write(work, on_success=on_success, on_error=on_error)
