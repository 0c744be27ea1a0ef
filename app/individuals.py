"""A device's life: the one place that registers an individually marked device and changes its status.

Every change goes along ``db.models.enums.INDIVIDUAL_TRANSITIONS`` (in stock in a warehouse → reserved →
delivered to a patient → pickup ordered, on its way back → in stock / at the supplier / scrapped / blocked /
in the investigation warehouse …) and writes its ``IndividualEvent``, the device's status history. The
table lives beside the status enumeration in ``db`` because the sync server reads it too (``db`` imports
no ``app``): it refuses an uploaded change that leaves the table, so a workstation and the server cannot
disagree about what a device may do next.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from app.changelog import PlainRows
from app.errors import Phrase, RuleViolation
from app.i18n import QT_TRANSLATE_NOOP
from app.stock import Document
from db.models import Individual, IndividualEvent
from db.models.enums import (
    INDIVIDUAL_FIRST_STATUSES,
    DocumentKind,
    IndividualStatus,
    individual_may_change,
)

#: What the clerk reads for each status.
STATUS_NAMES: dict[IndividualStatus, str] = {
    IndividualStatus.IN_STOCK: QT_TRANSLATE_NOOP("app", "In stock"),
    IndividualStatus.RESERVED: QT_TRANSLATE_NOOP("app", "Reserved"),
    IndividualStatus.DELIVERED: QT_TRANSLATE_NOOP("app", "Delivered"),
    IndividualStatus.IN_TRANSIT: QT_TRANSLATE_NOOP("app", "On its way back"),
    IndividualStatus.IN_REPAIR: QT_TRANSLATE_NOOP("app", "In repair"),
    IndividualStatus.INVESTIGATION: QT_TRANSLATE_NOOP("app", "In the investigation warehouse"),
    IndividualStatus.BLOCKED: QT_TRANSLATE_NOOP("app", "Blocked"),
    IndividualStatus.SCRAPPED: QT_TRANSLATE_NOOP("app", "Scrapped"),
    IndividualStatus.AT_SUPPLIER: QT_TRANSLATE_NOOP("app", "Returned to the supplier"),
}


class Keep(enum.Enum):
    """Leave the field as the device has it (a change of status that does not move it)."""

    KEEP = enum.auto()


KEEP = Keep.KEEP


def change_status(
    session: Session,
    individual: Individual,
    status: IndividualStatus,
    *,
    user_id: uuid.UUID | None,
    document: Document,
    warehouse_id: uuid.UUID | Keep | None = KEEP,
    patient_id: uuid.UUID | Keep | None = KEEP,
    order_line_id: uuid.UUID | Keep | None = KEEP,
    reserved_for: uuid.UUID | None = None,
    note: str = "",
    events: PlainRows | None = None,
    event_id: uuid.UUID | None = None,
) -> None:
    """Change *individual* to *status* (and the warehouse, patient and order line given) and write the
    event of its new state, caused by *document*; *reserved_for* names the patient of a reservation, whom
    the device itself does not hold yet. The event goes into *events* (written by the caller) when given.

    A change the table does not allow is refused with a sentence for the clerk, before anything changes.
    *event_id* is given by a change that two workstations may both make (an inventory's close).
    """
    before = individual.status
    if not individual_may_change(before, status):
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                'Individual {number} cannot change from "{before}" to "{after}"; check where the device '
                "really is.",
            ),
            number=individual.individual_number,
            before=Phrase(STATUS_NAMES[before]),
            after=Phrase(STATUS_NAMES[status]),
        )
    individual.status = status
    if not isinstance(warehouse_id, Keep):
        individual.warehouse_id = warehouse_id
    if not isinstance(patient_id, Keep):
        individual.patient_id = patient_id
    if not isinstance(order_line_id, Keep):
        individual.order_line_id = order_line_id
    values = IndividualEvent.values_of(
        individual,
        user_id=user_id,
        document_kind=document.kind.value,
        document_id=document.id,
        patient_id=reserved_for,
        note=note,
    )
    if event_id is not None:
        values["id"] = event_id
    if events is not None:
        events.add(IndividualEvent, **values)
    else:
        session.add(IndividualEvent(**values))


def register(
    devices: PlainRows,
    events: PlainRows,
    *,
    status: IndividualStatus,
    individual_number: str,
    serial_number: str,
    article_id: uuid.UUID,
    warehouse_id: uuid.UUID | None,
    patient_id: uuid.UUID | None,
    order_line_id: uuid.UUID | None,
    purchase_date: dt.date,
    purchase_price: Decimal,
    user_id: uuid.UUID | None,
    document: Document,
    bought_over_from: str = "",
    approving_contact: str = "",
) -> uuid.UUID:
    """Queue a new device on *devices* and its first event on *events* (the caller writes *devices* before
    the rows that refer to the device). It starts in stock or delivered (goods receipt), or in stock when
    bought over from another region (R43: *bought_over_from*, *approving_contact*). Returns its id."""
    if status not in INDIVIDUAL_FIRST_STATUSES:
        raise ValueError(f"a device is registered in stock or delivered, not {status}")
    individual_id = devices.add(
        Individual,
        individual_number=individual_number,
        serial_number=serial_number,
        article_id=article_id,
        status=status,
        warehouse_id=warehouse_id,
        patient_id=patient_id,
        order_line_id=order_line_id,
        purchase_date=purchase_date,
        purchase_price=purchase_price,
        bought_over_from=bought_over_from,
        approving_contact=approving_contact,
    )
    events.add(
        IndividualEvent,
        **IndividualEvent.values(
            individual_id=individual_id,
            status=status,
            warehouse_id=warehouse_id,
            patient_id=patient_id,
            user_id=user_id,
            document_kind=document.kind.value,
            document_id=document.id,
        ),
    )
    return individual_id


def renumber(session: Session, individual: Individual, number: str, *, user_id: uuid.UUID | None) -> None:
    """Give *individual* a new individual number (R37: the caller has the clerk's confirmation and has
    checked the number is free); the history's event keeps the old number in its note."""
    old = individual.individual_number
    individual.individual_number = number
    _note(session, individual, DocumentKind.INDIVIDUAL_NUMBER_CHANGE, user_id=user_id, note=old)


def set_sip_number(
    session: Session, individual: Individual, sip_number: str | None, *, user_id: uuid.UUID | None
) -> None:
    """Add, change or (None) remove the device's SIP number (R38); the event keeps the old one."""
    old = individual.sip_number or ""
    individual.sip_number = sip_number
    _note(session, individual, DocumentKind.SIP_NUMBER_CHANGE, user_id=user_id, note=old)


def _note(
    session: Session, individual: Individual, kind: DocumentKind, *, user_id: uuid.UUID | None, note: str
) -> None:
    """The history's event for a change that leaves the status as it is."""
    session.add(
        IndividualEvent.of(individual, user_id=user_id, document_kind=kind.value, document_id=None, note=note)
    )


#: R37: the seed's one contact for a device that got a new serial number ("kontakta Hjälpmedel").
SERIAL_NUMBER_FIXED = QT_TRANSLATE_NOOP(
    "app",
    "A serial number cannot be changed at the desk; contact Hjälpmedel (hjalpmedel@skane.se) to have it "
    "changed.",
)


@event.listens_for(Individual.serial_number, "set")
def _serial_number_fixed(target: Individual, value: Any, old: Any, _initiator: Any) -> None:
    """R37: a serial number cannot be changed at the desk: no workstation write changes the serial number
    of a device already stored (a device being received gets its number; the aid centre changes one
    centrally, and sync brings that as rows). Raises ``RuleViolation`` with the sentence naming whom to
    contact, which the record's "Change serial number" button shows too."""
    if inspect(target).key is not None and value != old:
        raise RuleViolation(SERIAL_NUMBER_FIXED)
