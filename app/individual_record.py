"""The Individual tab's services: find a device (R36, R38), read its record, renumber it (R37), set its
SIP number (R38). Its owner colour (R40) travels with every hit and the record.

A device's *status* changes belong to ``app.individuals`` (the one table of allowed transitions); what
is here changes only the numbers a device is known by, each change with an event in its history.

Search: a complete number is looked up through the unique index (individual number) or the B-tree indexes
(serial, SIP number); a part of a number (a worn label: any run of at least four characters) through the
workstation's trigram full-text index ``individual_search`` (migration 0009).

Protected identities (R5): a patient is named in these lists as the patient tab names them
(``app.patients.patient_label``): a protected identity by its fictive name only, never its number.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import re
import unicodedata
import uuid
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Executable, bindparam, literal_column, select, text
from sqlalchemy.orm import Session

from app import individuals
from app.errors import InvalidInput, NotFound, RuleViolation
from app.i18n import QT_TRANSLATE_NOOP
from app.patients import name_label
from app.typed_input import normalise_digits
from db.models import (
    Activity,
    ActivityIndividual,
    Article,
    Individual,
    IndividualEvent,
    Order,
    OrderLine,
    Patient,
    Supplier,
    User,
    Warehouse,
)
from db.models.enums import ActivityKind, ActivityStatus, DocumentKind, IndividualStatus, OwnerColour

log = logging.getLogger(__name__)

SEARCH_LIMIT = 50
#: A part of a number shorter than this matches too much to be a search (R36: "delar av ett individnummer").
PARTIAL_MIN = 4

#: The history's kinds of event for a change of number (the old number is kept in the event's note).
RENUMBER_KIND = DocumentKind.INDIVIDUAL_NUMBER_CHANGE.value
SIP_NUMBER_KIND = DocumentKind.SIP_NUMBER_CHANGE.value


class SearchIn(enum.StrEnum):
    """What the typed text is looked for in ("Sök i" in the source)."""

    INDIVIDUAL_NUMBER = "individual_number"
    SERIAL_NUMBER = "serial_number"
    SIP_NUMBER = "sip_number"


# ---------------------------------------------------------------------------------------------- search


@dataclass(frozen=True)
class IndividualHit:
    id: uuid.UUID
    individual_number: str
    serial_number: str
    sip_number: str
    article_number: str
    article_name: str
    status: IndividualStatus
    warehouse_code: str  # empty when the device is in no warehouse (delivered, …)
    warehouse_name: str
    owner_colour: OwnerColour  # R40


@dataclass(frozen=True)
class IndividualSearch:
    hits: tuple[IndividualHit, ...]
    more: bool  # more than the limit matched: type more of the number
    exact: bool  # the whole number was found
    too_short: bool = False  # nothing matched the whole text and it is too short to search for a part


_HIT_COLUMNS = (
    Individual.id,
    Individual.individual_number,
    Individual.serial_number,
    Individual.sip_number,
    Article.article_number,
    Article.name,
    Individual.status,
    Warehouse.code,
    Warehouse.name,
    Individual.owner_colour,
)

_COLUMN = {
    SearchIn.INDIVIDUAL_NUMBER: Individual.individual_number,
    SearchIn.SERIAL_NUMBER: Individual.serial_number,
    SearchIn.SIP_NUMBER: Individual.sip_number,
}


def _hit(row: Any) -> IndividualHit:
    (id_, number, serial, sip, article_number, article_name, status, w_code, w_name, colour) = row
    return IndividualHit(
        id=id_,
        individual_number=number,
        serial_number=serial,
        sip_number=sip or "",
        article_number=article_number,
        article_name=article_name,
        status=status,
        warehouse_code=w_code or "",
        warehouse_name=w_name or "",
        owner_colour=colour,
    )


@cache
def _hits_query(search_in: SearchIn, *, exact: bool) -> Executable:
    """The hits' statement: by the whole number (a parameter ``number``), or by the rowids the full-text
    index found (an expanding parameter ``rowids``), in the order of the number searched in."""
    query = (
        select(*_HIT_COLUMNS)
        .join(Article, Article.id == Individual.article_id)
        .outerjoin(Warehouse, Warehouse.id == Individual.warehouse_id)
    )
    column = _COLUMN[search_in]
    if exact:
        return query.where(column == bindparam("number"))
    return query.where(literal_column("individual.rowid").in_(bindparam("rowids", expanding=True))).order_by(
        column, Individual.individual_number
    )


@cache
def _partial_query() -> Executable:
    """The rowids of the first matches of a part of a number, in the full-text index's own order: a worn
    label's four digits may match hundreds of devices of a large register, and only the first are listed
    (sorted by number when read), so the rest are never read."""
    return text("SELECT rowid FROM individual_search WHERE individual_search MATCH :match LIMIT :limit")


def clean_typed_number(text_: str, search_in: SearchIn = SearchIn.INDIVIDUAL_NUMBER) -> str:
    """What was typed or scanned, as the numbers are stored: digits in any script read as digits, no
    spaces; a SIP address without its ``sip:`` scheme and in lower case."""
    cleaned = re.sub(r"\s", "", normalise_digits(unicodedata.normalize("NFKC", text_)))
    if search_in is SearchIn.SIP_NUMBER:
        cleaned = cleaned.lower().removeprefix("sip:")
    return cleaned


def _fts_phrase(column: str, part: str) -> str:
    """A full-text query for *part* anywhere in *column* (a phrase: every character taken literally)."""
    return f'{column} : "{part.replace(chr(34), chr(34) * 2)}"'


def search_individuals(
    session: Session,
    text_: str,
    *,
    search_in: SearchIn = SearchIn.INDIVIDUAL_NUMBER,
    limit: int = SEARCH_LIMIT,
) -> IndividualSearch:
    """Find devices by a whole number, else by a part of it of at least ``PARTIAL_MIN`` characters (R36).
    Serial numbers are also tried in upper case, as printed on the devices."""
    search_in = SearchIn(search_in)
    typed = clean_typed_number(text_, search_in)
    if not typed:
        return IndividualSearch((), False, False)
    candidates = [typed]
    if search_in is SearchIn.SERIAL_NUMBER and typed.upper() != typed:
        candidates.append(typed.upper())
    for number in candidates:
        rows = session.execute(_hits_query(search_in, exact=True), {"number": number}).all()
        if rows:
            return IndividualSearch(tuple(_hit(r) for r in rows[:limit]), len(rows) > limit, True)
    if len(typed) < PARTIAL_MIN:
        return IndividualSearch((), False, False, too_short=True)
    rowids = list(
        session.execute(
            _partial_query(),
            {"match": _fts_phrase(search_in.value, typed), "limit": limit + 1},
        ).scalars()
    )
    if not rowids:
        return IndividualSearch((), False, False)
    rows = session.execute(_hits_query(search_in, exact=False), {"rowids": rowids[:limit]}).all()
    return IndividualSearch(tuple(_hit(r) for r in rows), len(rowids) > limit, False)


# ---------------------------------------------------------------------------------------------- record


@dataclass(frozen=True)
class IndividualActivity:
    number: str
    kind: ActivityKind
    status: ActivityStatus
    created_on: dt.date


@dataclass(frozen=True)
class IndividualHistoryRow:
    occurred_at: dt.datetime
    status: IndividualStatus
    warehouse: str  # its code, empty when in no warehouse
    patient: str  # as lists name a patient: a protected identity by its fictive name only (R5)
    user_name: str
    document_kind: str
    note: str


@dataclass(frozen=True)
class IndividualRecord:
    id: uuid.UUID
    individual_number: str
    serial_number: str
    sip_number: str
    article_number: str
    article_name: str
    supplier_name: str
    supplier_article_number: str
    owner_colour: OwnerColour  # R40
    status: IndividualStatus
    warehouse_code: str
    warehouse_name: str
    #: The patient holding (or about to hold) the device, as lists name a patient (R5); None when none.
    patient_id: uuid.UUID | None
    patient: str
    order_number: str
    delivered_on: dt.date | None
    purchase_date: dt.date | None
    purchase_price: Decimal
    last_maintenance_on: dt.date | None
    free_text: str
    activities: tuple[IndividualActivity, ...]
    history: tuple[IndividualHistoryRow, ...]  # newest first


_INDIVIDUAL: Any = bindparam("individual_id")


@cache
def _activities_query() -> Executable:
    return (
        select(Activity.number, Activity.kind, Activity.status, Activity.created_at)
        .join(ActivityIndividual, ActivityIndividual.activity_id == Activity.id)
        .where(ActivityIndividual.individual_id == _INDIVIDUAL)
        .order_by(Activity.created_at.desc())
    )


@cache
def _history_query() -> Executable:
    return (
        select(
            IndividualEvent.occurred_at,
            IndividualEvent.status,
            Warehouse.code,
            User.full_name,
            *_PATIENT_COLUMNS,
            IndividualEvent.document_kind,
            IndividualEvent.note,
        )
        .outerjoin(Warehouse, Warehouse.id == IndividualEvent.warehouse_id)
        .outerjoin(User, User.id == IndividualEvent.user_id)
        .outerjoin(Patient, Patient.id == IndividualEvent.patient_id)
        .where(IndividualEvent.individual_id == _INDIVIDUAL)
        .order_by(IndividualEvent.occurred_at.desc(), IndividualEvent.id.desc())
    )


#: What a list needs to name a patient (``patient_label``), read as plain columns.
_PATIENT_COLUMNS = (
    Patient.last_name,
    Patient.first_name,
    Patient.identity_number,
    Patient.protected_identity,
)


def _patient_text(last: str | None, first: str | None, number: str | None, protected: bool | None) -> str:
    """A patient as the patient tab's lists name one: a protected identity by its fictive name only (R5)."""
    if last is None or first is None or number is None:
        return ""
    return name_label(last, first, number, bool(protected))


@cache
def _record_query() -> Executable:
    """The device with its article, supplier, warehouse, patient and order in one read."""
    return (
        select(
            Individual.id,
            Individual.individual_number,
            Individual.serial_number,
            Individual.sip_number,
            Article.article_number,
            Article.name,
            Supplier.name,
            Article.supplier_article_number,
            Individual.owner_colour,
            Individual.status,
            Warehouse.code,
            Warehouse.name,
            Individual.patient_id,
            *_PATIENT_COLUMNS,
            Order.number,
            OrderLine.delivered_on,
            Individual.purchase_date,
            Individual.purchase_price,
            Individual.last_maintenance_on,
            Individual.free_text,
        )
        .join(Article, Article.id == Individual.article_id)
        .outerjoin(Supplier, Supplier.id == Article.supplier_id)
        .outerjoin(Warehouse, Warehouse.id == Individual.warehouse_id)
        .outerjoin(Patient, Patient.id == Individual.patient_id)
        .outerjoin(OrderLine, OrderLine.id == Individual.order_line_id)
        .outerjoin(Order, Order.id == OrderLine.order_id)
        .where(Individual.id == _INDIVIDUAL)
    )


def read_individual_record(session: Session, individual_id: uuid.UUID) -> IndividualRecord:
    """The record of one device: its information, current status, activities, free text and its whole
    status history, newest first (R36). Read as plain rows (what is pending is flushed first)."""
    session.flush()
    connection = session.connection()
    asked = {"individual_id": individual_id}
    row = connection.execute(_record_query(), asked).first()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The individual was not found; search again."))
    (
        id_, number, serial, sip, article_number, article_name, supplier_name, supplier_article_number,
        colour, status, w_code, w_name, patient_id, p_last, p_first, p_number, p_protected, order_number,
        delivered_on, purchase_date, purchase_price, last_maintenance_on, free_text,
    )  = row  # fmt: skip
    activities = tuple(
        IndividualActivity(a_number, kind, a_status, created_at.date())
        for a_number, kind, a_status, created_at in connection.execute(_activities_query(), asked)
    )
    history = tuple(
        IndividualHistoryRow(
            occurred_at=occurred_at,
            status=e_status,
            warehouse=e_w_code or "",
            patient=_patient_text(last, first, identity, protected),
            user_name=user_name or "",
            document_kind=document_kind,
            note=note,
        )
        for (
            occurred_at, e_status, e_w_code, user_name, last, first, identity, protected, document_kind,
            note,
        ) in connection.execute(_history_query(), asked)
    )  # fmt: skip
    return IndividualRecord(
        id=id_,
        individual_number=number,
        serial_number=serial,
        sip_number=sip or "",
        article_number=article_number,
        article_name=article_name,
        supplier_name=supplier_name or "",
        supplier_article_number=supplier_article_number,
        owner_colour=colour,
        status=status,
        warehouse_code=w_code or "",
        warehouse_name=w_name or "",
        patient_id=patient_id,
        patient=_patient_text(p_last, p_first, p_number, p_protected),
        order_number=order_number or "",
        delivered_on=delivered_on,
        purchase_date=purchase_date,
        purchase_price=purchase_price,
        last_maintenance_on=last_maintenance_on,
        free_text=free_text,
        activities=activities,
        history=history,
    )


# ---------------------------------------------------------------------------------------------- renumber

#: An individual number as labels carry it: letters and digits (and inner dashes), 4 to 40 of them.
INDIVIDUAL_NUMBER = re.compile(r"^[0-9A-Z](?:[0-9A-Z-]{2,38})[0-9A-Z]$")


def renumber_individual(
    session: Session,
    *,
    individual_id: uuid.UUID,
    new_number: str,
    confirmed: bool,
    user_id: uuid.UUID,
) -> IndividualRecord:
    """Give a device a new individual number (R37: a replacement from the supplier, a new label), only
    with the clerk's confirmation that this is the device; a number another device has is refused. The
    history gets an event that keeps the old number in its note."""
    if not confirmed:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "Tick the confirmation that this is the individual that is to get the new number; the number "
                "was not changed.",
            )
        )
    number = clean_typed_number(new_number).upper()
    if not number:
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "Type the new individual number."))
    if not INDIVIDUAL_NUMBER.match(number):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "app", "{number} is not an individual number: use 4 to 40 digits or letters, as on the label."
            ),
            number=new_number.strip(),
        )
    individual = session.get(Individual, individual_id)
    if individual is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The individual was not found; search again."))
    old = individual.individual_number
    if number == old:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "{number} is already this individual's number; type the new number."),
            number=number,
        )
    taken = session.scalars(
        select(Individual.id).where(Individual.individual_number == number, Individual.id != individual.id)
    ).first()
    if taken is not None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "Individual number {number} is already used by another individual; nothing was changed.",
            ),
            number=number,
        )
    individuals.renumber(session, individual, number, user_id=user_id)
    session.flush()
    log.info("individual renumbered: individual_id=%s", individual.id)
    return read_individual_record(session, individual.id)


# ---------------------------------------------------------------------------------------------- SIP number

#: R38: a SIP number is the address a device of alternative telephony registers with, ``number@domain``
#: (a SIP address of record, RFC 3261): the user part a telephone number of 4 to 20 digits (a leading +
#: allowed), the domain a host name of at least two labels.
_SIP_NUMBER = re.compile(
    r"^\+?[0-9]{4,20}@(?=.{4,180}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$"
)


def normalise_sip_number(text_: str) -> str | None:
    """A typed SIP number in the stored form (``4640123456@sip.example.se``), None for an empty field
    (the SIP number is removed); a text that is not one raises ``InvalidInput``."""
    typed = clean_typed_number(text_, SearchIn.SIP_NUMBER)
    if not typed:
        return None
    if not _SIP_NUMBER.match(typed):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "app",
                "{text} is not a SIP number: write the number, @ and the SIP domain, e.g. "
                "46401234567@sip.example.se.",
            ),
            text=text_.strip(),
        )
    return typed


def set_sip_number(
    session: Session, *, individual_id: uuid.UUID, sip_number: str, user_id: uuid.UUID
) -> IndividualRecord:
    """Add, change or (with an empty text) remove a device's SIP number (R38); a SIP number another
    device has is refused. The history gets an event that keeps the old SIP number in its note."""
    value = normalise_sip_number(sip_number)
    individual = session.get(Individual, individual_id)
    if individual is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The individual was not found; search again."))
    old = individual.sip_number or ""
    if (value or "") == old:
        return read_individual_record(session, individual.id)
    if value is not None:
        taken = session.scalars(
            select(Individual.id).where(Individual.sip_number == value, Individual.id != individual.id)
        ).first()
        if taken is not None:
            raise RuleViolation(
                QT_TRANSLATE_NOOP(
                    "app", "SIP number {sip} is already used by another individual; nothing was changed."
                ),
                sip=value,
            )
    individuals.set_sip_number(session, individual, value, user_id=user_id)
    session.flush()
    log.info("individual SIP number set: individual_id=%s", individual.id)
    return read_individual_record(session, individual.id)
