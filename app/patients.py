"""Patients: find (R1), open the record with its four lists (R3), edit the phone (R2).

Protected identities (R5) are stored with their fictive name only and always show the tax agency's
forwarding address; opening a record is logged without any identity in the log's text.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import phonenumbers
from sqlalchemy import BindParameter, Connection, Date, Executable, and_, bindparam, or_, select, union_all
from sqlalchemy.orm import Session

from app.deliveries import arrived_by, on_its_way
from app.errors import InvalidInput, NotFound
from app.i18n import QT_TRANSLATE_NOOP
from app.identity import IdentityNumber, age_on, format_identity, parse_identity
from app.patient_rules import Notice, patient_report
from app.typed_input import normalise_digits
from db.models import (
    Activity,
    AidWriteOff,
    Article,
    Individual,
    Order,
    OrderLine,
    Patient,
    PatientAccessLog,
    PickupOrder,
    PickupOrderLine,
    RecipientChange,
    StockReturn,
    StockReturnLine,
    User,
)
from db.models.enums import (
    ArticleType,
    IdentityKind,
    IndividualStatus,
    OrderStatus,
    PickupStatus,
    Residency,
)

log = logging.getLogger(__name__)

SEARCH_LIMIT = 50
FORWARDING_ADDRESS = ("Förmedlingsärende Skatteverket, Box 2820", "403 20", "Göteborg")
_PHONE_ALLOWED = re.compile(r"^\+?[\d\s\-()]+$")
SWEDEN_CALLING_CODE = 46


def name_key(text: str) -> str:
    """Search key for a name: case-folded, accents other than å, ä, ö removed, spaces collapsed."""
    kept = []
    for char in unicodedata.normalize("NFC", text.casefold()):
        if char in "åäö":
            kept.append(char)
            continue
        decomposed = unicodedata.normalize("NFD", char)
        kept.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return " ".join("".join(kept).split())


def patient_label(patient: Patient | None) -> str:
    """How lists name a patient: "Last, First (identity)"; a protected identity by its fictive name only (R5)."""
    if patient is None:
        return ""
    return name_label(
        patient.last_name, patient.first_name, patient.identity_number, patient.protected_identity
    )


def name_label(last_name: str, first_name: str, identity_number: str, protected_identity: bool) -> str:
    """``patient_label`` from a patient's columns read as a plain row."""
    name = f"{last_name}, {first_name}"
    if protected_identity:
        return name
    return f"{name} ({format_identity(identity_number)})"


# ---------------------------------------------------------------------------------------------- search


@dataclass(frozen=True)
class PatientHit:
    id: uuid.UUID
    # Formatted; empty for a protected identity found by name (R5: the number stays out of lists).
    identity_number: str
    name: str
    birth_date: dt.date | None  # None for a protected identity found by name (it is half the number)
    city: str  # empty for a protected identity
    protected_identity: bool
    deceased: bool
    active: bool


@dataclass(frozen=True)
class PatientSearch:
    hits: tuple[PatientHit, ...]
    more: bool  # more than the limit matched: refine the search
    exact: bool  # a complete identity number was typed


#: The columns a hit shows: a list of hits is read as plain rows, not as ``Patient`` objects (the ORM's
#: object building was most of the time a keystroke took).
_HIT_COLUMNS = (
    Patient.id,
    Patient.identity_number,
    Patient.last_name,
    Patient.first_name,
    Patient.birth_date,
    Patient.city,
    Patient.protected_identity,
    Patient.deceased_on,
    Patient.active,
)


# A complete number's one hit (built once: a lookup is the record's first step).
@cache
def _by_number() -> Executable:
    return select(*_HIT_COLUMNS).where(Patient.identity_number == bindparam("number"))


def _hit(row: Sequence[Any], *, typed_number: bool = False) -> PatientHit:
    """A hit as the list shows it, from a row of ``_HIT_COLUMNS``. A protected identity (R5) shows its
    number only to the clerk who typed that whole number; found by name, the list holds the fictive name
    and nothing that links it to the real number."""
    # Unpacked rather than read by name: a row's attribute access costs a failed lookup each time.
    patient_id, number, last_name, first_name, birth_date, city, protected, deceased_on, active = row
    hidden = protected and not typed_number
    return PatientHit(
        id=patient_id,
        identity_number="" if hidden else format_identity(number),
        name=f"{last_name}, {first_name}",
        birth_date=None if hidden else birth_date,
        city="" if protected else city,
        protected_identity=protected,
        deceased=deceased_on is not None,
        active=active,
    )


def _prefix_range(column: Any, prefix: str) -> Any:
    """``column`` starts with *prefix*, written as a range so the B-tree index serves it."""
    return and_(column >= prefix, column < prefix + "\uffff")


_PARTIAL_NUMBER = re.compile(r"^([0-9]{6,12})-?([0-9A-ZÅÄÖ]{0,4})$")


def search_patients(
    session: Session, text: str, *, limit: int = SEARCH_LIMIT, today: dt.date | None = None
) -> PatientSearch:
    """Search as you type: a complete identity/reserve number finds one patient, a partial one by
    prefix, anything else by name (every word must start a first or last name).

    A complete number with a wrong check digit raises ``InvalidInput`` with the sentence to show.
    """
    today = today or dt.date.today()
    cleaned = re.sub(r"\s", "", normalise_digits(text)).upper()
    if not cleaned:
        return PatientSearch((), False, False)

    partial = _PARTIAL_NUMBER.match(cleaned)
    if partial:
        digits, tail = partial.groups()
        complete = (len(digits) in (6, 8) and len(tail) == 4) or (len(digits) in (10, 12) and not tail)
        if complete:
            identity = parse_identity(cleaned, today)
            row = session.execute(_by_number(), {"number": identity.number}).first()
            return PatientSearch((_hit(row, typed_number=True),) if row else (), False, True)
        stem = digits + tail
        prefixes = [stem] if len(digits) >= 8 and stem[:2] in ("19", "20") else [f"19{stem}", f"20{stem}"]
        condition = or_(*(_prefix_range(Patient.identity_number, p) for p in prefixes))
        # R5: a part of a number never lists a protected identity (the hit would tie the fictive name to
        # the real number); the whole number finds it.
        rows = list(
            session.execute(
                select(*_HIT_COLUMNS)
                .where(condition, Patient.protected_identity.is_(False))
                .order_by(Patient.identity_number)
                .limit(limit + 1)
            )
        )
        return PatientSearch(tuple(_hit(r) for r in rows[:limit]), len(rows) > limit, False)

    words = name_key(text).replace(",", " ").split()
    if not words:
        return PatientSearch((), False, False)
    anchor = max(words, key=len)
    others = [w for w in words if w is not anchor]
    asked: dict[str, Any] = {"anchor": anchor, "anchor_end": anchor + _PREFIX_END}
    for number, word in enumerate(others):
        asked[f"word{number}"] = word
        asked[f"word{number}_end"] = word + _PREFIX_END
    hits: list[Sequence[Any]] = []
    seen: set[uuid.UUID] = set()
    # Two index range scans (last name, then first name) rather than one OR that defeats the index.
    for by_first_name in (False, True):
        asked["limit"] = limit + 1 - len(hits)
        for row in session.execute(_name_query(by_first_name, len(others)), asked):
            if row[0] not in seen:  # the id
                seen.add(row[0])
                hits.append(row)
        if len(hits) > limit:
            break
    return PatientSearch(tuple(_hit(r) for r in hits[:limit]), len(hits) > limit, False)


_PREFIX_END = "\uffff"  # after every name that starts with the prefix


@cache
def _name_query(by_first_name: bool, others: int) -> Executable:
    """The name search's statement for an anchor word in the first (else the last) name and *others* more
    words, each starting a first or last name; the words are parameters, so a keystroke builds nothing."""
    column = Patient.first_name_key if by_first_name else Patient.last_name_key
    query = select(*_HIT_COLUMNS).where(column >= bindparam("anchor"), column < bindparam("anchor_end"))
    for number in range(others):
        start: BindParameter[str] = bindparam(f"word{number}")
        end: BindParameter[str] = bindparam(f"word{number}_end")
        query = query.where(
            or_(
                and_(Patient.first_name_key >= start, Patient.first_name_key < end),
                and_(Patient.last_name_key >= start, Patient.last_name_key < end),
            )
        )
    order = (
        (Patient.first_name_key, Patient.last_name_key)
        if by_first_name
        else (Patient.last_name_key, Patient.first_name_key)
    )
    return query.order_by(*order).limit(bindparam("limit"))


# ---------------------------------------------------------------------------------------------- record


@dataclass(frozen=True)
class AidHeld:
    delivered_on: dt.date | None
    article_number: str
    article_name: str
    quantity: int
    individual_number: str
    serial_number: str
    order_number: str
    pickup_registered: bool  # R28: stays on the list until the central warehouse takes it in


@dataclass(frozen=True)
class AidOrdered:
    order_number: str
    article_number: str
    article_name: str
    quantity: int
    planned_delivery_on: dt.date | None
    ordered_on: dt.date


@dataclass(frozen=True)
class AidReturned:
    returned_on: dt.date
    article_number: str
    article_name: str
    quantity: int
    individual_number: str
    document_number: str


@dataclass(frozen=True)
class ActivityRow:
    id: uuid.UUID
    number: str
    kind: str
    status: str
    created_on: dt.date


@dataclass(frozen=True)
class AccessRow:
    opened_at: dt.datetime
    user_name: str
    description: str


@dataclass(frozen=True)
class PatientRecord:
    id: uuid.UUID
    identity_number: str
    identity_kind: IdentityKind
    name: str
    birth_date: dt.date
    age: int
    street: str
    postal_code: str
    city: str
    phone: str
    home_region: str
    residency: Residency
    country: str
    protected_identity: bool
    deceased_on: dt.date | None
    active: bool
    lma_card_valid_until: dt.date | None
    notices: tuple[Notice, ...]
    aids_held: tuple[AidHeld, ...]
    ordered: tuple[AidOrdered, ...]
    returned: tuple[AidReturned, ...]
    activities: tuple[ActivityRow, ...]
    access_log: tuple[AccessRow, ...]
    # No stop in the notices: a new order may be started (the order enforces the same report).
    can_order: bool


# The record's reads are built once (at their first use, not at start-up), with the patient and the day as
# parameters, and read plain columns: building a statement and its cache key anew, and whole ORM objects,
# took most of the time a record took to open.
_PATIENT: BindParameter[uuid.UUID] = bindparam("patient_id")
_TODAY: BindParameter[dt.date] = bindparam("today", type_=Date)


@cache
def _open_pickups() -> Executable:
    """The devices, and the order lines of articles that are not individually marked, on a registered
    pickup order (R28): they stay on the list, marked, until the central warehouse takes them in."""
    return (
        select(PickupOrderLine.individual_id, PickupOrderLine.order_line_id)
        .join(PickupOrder, PickupOrder.id == PickupOrderLine.pickup_order_id)
        .where(PickupOrder.patient_id == _PATIENT, PickupOrder.status == PickupStatus.REGISTERED)
    )


@cache
def _individuals_held() -> Executable:
    return (
        select(
            Individual.id,
            Individual.purchase_date,
            Individual.individual_number,
            Individual.serial_number,
            Article.article_number,
            Article.name,
            OrderLine.delivered_on,
            Order.number,
        )
        .join(Article, Article.id == Individual.article_id)
        .outerjoin(OrderLine, OrderLine.id == Individual.order_line_id)
        .outerjoin(Order, Order.id == OrderLine.order_id)
        .where(
            Individual.patient_id == _PATIENT,
            Individual.status.in_(
                (IndividualStatus.DELIVERED, IndividualStatus.IN_TRANSIT, IndividualStatus.IN_REPAIR)
            ),
            # A device on its way from the central warehouse is held from the day it counts as delivered.
            or_(OrderLine.delivered_on.is_(None), OrderLine.delivered_on <= _TODAY),
        )
    )


@cache
def _returned_quantities() -> Executable:
    """What left the patient of each order line: returned to own stock, or taken in by the central
    warehouse from a closed pickup order (R28: until then it stays on the list)."""
    return union_all(
        select(StockReturnLine.order_line_id, StockReturnLine.quantity)
        .join(StockReturn, StockReturn.id == StockReturnLine.stock_return_id)
        .where(StockReturn.patient_id == _PATIENT, StockReturnLine.order_line_id.is_not(None)),
        select(PickupOrderLine.order_line_id, PickupOrderLine.quantity)
        .join(PickupOrder, PickupOrder.id == PickupOrderLine.pickup_order_id)
        .where(
            PickupOrder.patient_id == _PATIENT,
            PickupOrder.status == PickupStatus.CLOSED,
            PickupOrderLine.order_line_id.is_not(None),
            PickupOrderLine.individual_id.is_(None),
        ),
    )


@cache
def _lines_held() -> Executable:
    return (
        select(
            OrderLine.id,
            OrderLine.quantity,
            OrderLine.delivered_on,
            Article.article_number,
            Article.name,
            Order.number,
        )
        .join(Order, Order.id == OrderLine.order_id)
        .join(Article, Article.id == OrderLine.article_id)
        .where(
            Order.patient_id == _PATIENT,
            arrived_by(_TODAY),
            Article.individually_marked.is_(False),
            Article.article_type != ArticleType.SERVICE,
        )
    )


@cache
def _written_off_quantities() -> Executable:
    return select(AidWriteOff.order_line_id, AidWriteOff.quantity).where(AidWriteOff.patient_id == _PATIENT)


def returned_quantities(session: Session | Connection, patient_id: uuid.UUID) -> dict[uuid.UUID, int]:
    """Per order line of an article that is not individually marked: what came back to stock, or was
    returned and scrapped when the patient moved out (R43)."""
    asked = {"patient_id": patient_id}
    returned: dict[uuid.UUID, int] = {}
    for query in (_returned_quantities(), _written_off_quantities()):
        for line_id, quantity in session.execute(query, asked):
            if line_id is not None:
                returned[line_id] = returned.get(line_id, 0) + quantity
    return returned


@cache
def _handed_over() -> Executable:
    """R42: the devices handed to this patient by a change of recipient, with the day of each."""
    return select(RecipientChange.individual_id, RecipientChange.changed_on).where(
        RecipientChange.to_patient_id == _PATIENT
    )


def _aids_held(connection: Connection, patient_id: uuid.UUID, today: dt.date) -> list[AidHeld]:
    asked = {"patient_id": patient_id, "today": today}
    open_pickups: set[uuid.UUID] = set()
    lines_on_pickup: set[uuid.UUID] = set()
    for individual_id, order_line_id in connection.execute(_open_pickups(), asked):
        if individual_id is not None:
            open_pickups.add(individual_id)
        elif order_line_id is not None:
            lines_on_pickup.add(order_line_id)
    handed_over: dict[uuid.UUID, dt.date] = {}
    for individual_id, changed_on in connection.execute(_handed_over(), asked):
        handed_over[individual_id] = max(changed_on, handed_over.get(individual_id, changed_on))
    rows: list[AidHeld] = []
    for (
        individual_id,
        purchase_date,
        individual_number,
        serial_number,
        article_number,
        article_name,
        delivered_on,
        order_number,
    ) in connection.execute(_individuals_held(), asked):
        rows.append(
            AidHeld(
                delivered_on=handed_over.get(individual_id) or delivered_on or purchase_date,
                article_number=article_number,
                article_name=article_name,
                quantity=1,
                individual_number=individual_number,
                serial_number=serial_number,
                order_number=order_number or "",
                pickup_registered=individual_id in open_pickups,
            )
        )
    # Articles that are not individually marked: delivered quantity less what was returned.
    returned = returned_quantities(connection, patient_id)
    for line_id, quantity, delivered_on, article_number, article_name, order_number in connection.execute(
        _lines_held(), asked
    ):
        held = quantity - returned.get(line_id, 0)
        if held > 0:
            rows.append(
                AidHeld(
                    delivered_on,
                    article_number,
                    article_name,
                    held,
                    "",
                    "",
                    order_number or "",
                    line_id in lines_on_pickup,
                )
            )
    rows.sort(key=lambda r: r.delivered_on or dt.date.min, reverse=True)
    return rows


@cache
def _ordered_query() -> Executable:
    return (
        select(
            Order.number,
            Article.article_number,
            Article.name,
            OrderLine.quantity,
            OrderLine.planned_delivery_on,
            Order.created_at,
        )
        .join(Order, Order.id == OrderLine.order_id)
        .join(Article, Article.id == OrderLine.article_id)
        .where(
            Order.patient_id == _PATIENT,
            Order.status.not_in((OrderStatus.CART, OrderStatus.CANCELLED)),
            on_its_way(_TODAY),
        )
        .order_by(Order.created_at.desc(), OrderLine.line_number)
    )


def _ordered(connection: Connection, patient_id: uuid.UUID, today: dt.date) -> list[AidOrdered]:
    """Lines still to come: open ones, and central-warehouse lines before the day they count as delivered."""
    return [
        AidOrdered(number or "", article_number, article_name, quantity, planned, created_at.date())
        for number, article_number, article_name, quantity, planned, created_at in connection.execute(
            _ordered_query(), {"patient_id": patient_id, "today": today}
        )
    ]


@cache
def _stock_returned() -> Executable:
    return (
        select(
            StockReturn.created_at,
            Article.article_number,
            Article.name,
            StockReturnLine.quantity,
            Individual.individual_number,
            StockReturn.number,
        )
        .join(StockReturn, StockReturn.id == StockReturnLine.stock_return_id)
        .join(Article, Article.id == StockReturnLine.article_id)
        .outerjoin(Individual, Individual.id == StockReturnLine.individual_id)
        .where(StockReturn.patient_id == _PATIENT)
    )


@cache
def _picked_up() -> Executable:
    return (
        select(
            PickupOrder.closed_at,
            PickupOrder.created_at,
            Article.article_number,
            Article.name,
            PickupOrderLine.quantity,
            Individual.individual_number,
            PickupOrder.number,
        )
        .join(PickupOrder, PickupOrder.id == PickupOrderLine.pickup_order_id)
        .join(Article, Article.id == PickupOrderLine.article_id)
        .outerjoin(Individual, Individual.id == PickupOrderLine.individual_id)
        .where(PickupOrder.patient_id == _PATIENT, PickupOrder.status == PickupStatus.CLOSED)
    )


@cache
def _handed_on() -> Executable:
    """R42: devices this patient held that went straight to another patient."""
    return (
        select(
            RecipientChange.changed_on,
            Article.article_number,
            Article.name,
            Individual.individual_number,
        )
        .join(Individual, Individual.id == RecipientChange.individual_id)
        .join(Article, Article.id == Individual.article_id)
        .where(RecipientChange.from_patient_id == _PATIENT)
    )


@cache
def _written_off() -> Executable:
    """R43: lines returned and scrapped from the list when the patient moved out."""
    return (
        select(
            AidWriteOff.written_off_on,
            Article.article_number,
            Article.name,
            AidWriteOff.quantity,
            Order.number,
        )
        .join(Article, Article.id == AidWriteOff.article_id)
        .join(OrderLine, OrderLine.id == AidWriteOff.order_line_id)
        .join(Order, Order.id == OrderLine.order_id)
        .where(AidWriteOff.patient_id == _PATIENT)
    )


def _returned(connection: Connection, patient_id: uuid.UUID) -> list[AidReturned]:
    asked = {"patient_id": patient_id}
    rows = [
        AidReturned(
            created_at.date(), article_number, article_name, quantity, individual_number or "", number
        )
        for created_at, article_number, article_name, quantity, individual_number, number in connection.execute(
            _stock_returned(), asked
        )
    ]
    for (
        closed_at,
        created_at,
        article_number,
        article_name,
        quantity,
        individual_number,
        number,
    ) in connection.execute(_picked_up(), asked):
        rows.append(
            AidReturned(
                (closed_at or created_at).date(),
                article_number,
                article_name,
                quantity,
                individual_number or "",
                number,
            )
        )
    for changed_on, article_number, article_name, individual_number in connection.execute(
        _handed_on(), asked
    ):
        rows.append(AidReturned(changed_on, article_number, article_name, 1, individual_number, ""))
    for written_off_on, article_number, article_name, quantity, order_number in connection.execute(
        _written_off(), asked
    ):
        rows.append(
            AidReturned(written_off_on, article_number, article_name, quantity, "", order_number or "")
        )
    rows.sort(key=lambda r: r.returned_on, reverse=True)
    return rows


@cache
def _activities_query() -> Executable:
    return (
        select(Activity.id, Activity.number, Activity.kind, Activity.status, Activity.created_at)
        .where(Activity.patient_id == _PATIENT)
        .order_by(Activity.created_at.desc())
    )


def _activities(connection: Connection, patient_id: uuid.UUID) -> list[ActivityRow]:
    return [
        ActivityRow(activity_id, number, kind.value, status.value, created_at.date())
        for activity_id, number, kind, status, created_at in connection.execute(
            _activities_query(), {"patient_id": patient_id}
        )
    ]


@cache
def _access_log_query() -> Executable:
    return (
        select(PatientAccessLog.opened_at, User.full_name, PatientAccessLog.description)
        .join(User, User.id == PatientAccessLog.user_id)
        .where(PatientAccessLog.patient_id == _PATIENT)
        .order_by(PatientAccessLog.opened_at.desc())
        .limit(bindparam("limit"))
    )


def _access_log(connection: Connection, patient_id: uuid.UUID, limit: int = 20) -> list[AccessRow]:
    # Entries written before the text became a translatable one ("Record opened: <number>") are shown as
    # the same words, without the number (R5).
    return [
        AccessRow(
            opened_at,
            user_name,
            RECORD_OPENED if description.startswith(RECORD_OPENED) else description,
        )
        for opened_at, user_name, description in connection.execute(
            _access_log_query(), {"patient_id": patient_id, "limit": limit}
        )
    ]


# The access log's one entry kind, translated when shown (the log never holds an identity number, R5).
RECORD_OPENED = QT_TRANSLATE_NOOP("app", "Record opened")


def read_patient_record(
    session: Session,
    patient_id: uuid.UUID,
    *,
    user_id: uuid.UUID,
    service_location_id: uuid.UUID | None,
    today: dt.date | None = None,
) -> PatientRecord:
    """The record as *user_id* at *service_location_id* sees it, without logging (after an edit, when the
    record is already open). Its notices are the patient rules' report (``app.patient_rules``)."""
    today = today or dt.date.today()
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The patient was not found; search again."))
    # The lists are read straight from the session's connection (the ORM's work for each statement was a
    # third of each read), after anything pending is flushed.
    session.flush()
    connection = session.connection()
    aids_held = _aids_held(connection, patient.id, today)
    report = patient_report(
        session,
        patient,
        user_id=user_id,
        service_location_id=service_location_id,
        today=today,
    )
    street, postal_code, city = (
        FORWARDING_ADDRESS
        if patient.protected_identity
        else (patient.street, patient.postal_code, patient.city)
    )
    return PatientRecord(
        id=patient.id,
        identity_number=format_identity(patient.identity_number),
        identity_kind=patient.identity_kind,
        name=f"{patient.first_name} {patient.last_name}",
        birth_date=patient.birth_date,
        age=age_on(patient.birth_date, today),
        street=street,
        postal_code=postal_code,
        city=city,
        phone=patient.phone,
        home_region=patient.home_region,
        residency=patient.residency,
        country=patient.country,
        protected_identity=patient.protected_identity,
        deceased_on=patient.deceased_on,
        active=patient.active,
        lma_card_valid_until=patient.lma_card_valid_until,
        notices=report.notices,
        can_order=report.may_order,
        aids_held=tuple(aids_held),
        ordered=tuple(_ordered(connection, patient.id, today)),
        returned=tuple(_returned(connection, patient.id)),
        activities=tuple(_activities(connection, patient.id)),
        access_log=tuple(_access_log(connection, patient.id)),
    )


def open_patient_record(
    session: Session,
    *,
    patient_id: uuid.UUID,
    user_id: uuid.UUID,
    service_location_id: uuid.UUID | None,
    today: dt.date | None = None,
) -> PatientRecord:
    """Open a record: log the access (who, when, which patient), then read it. A write unit of work."""
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The patient was not found; search again."))
    session.add(
        PatientAccessLog(
            patient_id=patient.id,
            user_id=user_id,
            service_location_id=service_location_id,
            description=RECORD_OPENED,
        )
    )
    session.flush()
    log.info("patient record opened: patient_id=%s user_id=%s", patient.id, user_id)
    return read_patient_record(
        session, patient_id, user_id=user_id, service_location_id=service_location_id, today=today
    )


def find_by_identity(session: Session, identity: IdentityNumber) -> uuid.UUID | None:
    return session.scalars(select(Patient.id).where(Patient.identity_number == identity.number)).first()


# ---------------------------------------------------------------------------------------------- phone


def normalise_phone(text: str) -> str:
    """A phone number in one form (R2): a Swedish number as the region writes it (``070-123 45 67``,
    ``046-12 34 56``), a foreign one in international form (``+45 12 34 56 78``). Uses libphonenumber's
    numbering plans (``phonenumbers``); digits in any script are read as digits."""
    stripped = unicodedata.normalize("NFKC", text).strip()
    if not stripped:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "The phone number is required: type the patient's number.")
        )
    refused = InvalidInput(
        QT_TRANSLATE_NOOP("app", "{text} is not a phone number: use digits, e.g. 070-123 45 67."),
        text=stripped,
    )
    if not _PHONE_ALLOWED.match(stripped):
        raise refused
    try:
        number = phonenumbers.parse(stripped, "SE")
    except phonenumbers.NumberParseException:
        raise refused from None
    if not phonenumbers.is_possible_number(number):
        raise refused
    if number.country_code == SWEDEN_CALLING_CODE:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def update_phone(session: Session, *, patient_id: uuid.UUID, phone: str) -> None:
    """Edit the patient's phone number (the registered address is not editable at the desk, R2)."""
    value = normalise_phone(phone)
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The patient was not found; search again."))
    patient.phone = value
    log.info("patient phone updated: patient_id=%s", patient.id)
