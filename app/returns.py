"""Returns: a pickup order to the central warehouse (R28), a return to own stock (R30) or to the supplier for
credit (R31), each with the checklist of R29 kept with it and the questions of R32 (known infection,
incident); the deceased patient's returns (R9); search and detail; cancelling and closing a pickup order;
the return wizard's drafts, kept on this workstation only.

Every write is one function of one session (``register_return`` saves the document, its lines, the
checklist, the devices' statuses and the stock movements together). Devices change only through
``app.individuals.change_status`` and stock only through ``app.stock.move``.

Where a device involved in an incident goes (R32, "Spärrat hjälpmedel, till hjälpmedelskonsulent"):
- by pickup order it travels like any other (on its way back), marked blocked on the pickup order; the
  central warehouse takes it in blocked (in warehouse 70, counted in its balance, never handed out) for the
  aid consultant to investigate;
- to own stock it is taken in blocked at once (in own stock, counted in the balance like every blocked
  device there, never handed out);
- to the supplier for credit it is refused: a blocked device is investigated before anyone credits it.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import BindParameter, Date, Executable, and_, bindparam, delete, select, union_all
from sqlalchemy.orm import Session, aliased

from app.changelog import PlainRows
from app.errors import InvalidInput, NotFound, Phrase, RuleViolation
from app.i18n import QT_TRANSLATE_NOOP
from app.identity import format_identity
from app.individuals import STATUS_NAMES, change_status
from app.numbers import NumberAllocator
from app.organisation import WorkContext
from app.patients import name_label, patient_label
from app.stock import Document, move
from app.typed_input import document_number, is_digits
from db.base import utc_now
from db.models import (
    Article,
    Individual,
    IndividualEvent,
    Order,
    OrderLine,
    Patient,
    PickupOrder,
    PickupOrderLine,
    ReturnCheck,
    ReturnDraft,
    ServiceLocation,
    StockReturn,
    StockReturnLine,
    Supplier,
    User,
    UserRole,
    Warehouse,
)
from db.models.enums import (
    ArticleType,
    DocumentKind,
    IndividualStatus,
    LineStatus,
    MovementReason,
    PickupReason,
    PickupStatus,
    ReturnKind,
    Role,
    WarehouseKind,
)

log = logging.getLogger(__name__)


class Destination(StrEnum):
    """Where the aids go."""

    CENTRAL_WAREHOUSE = "central_warehouse"  # pickup order, by post (R28); the only one for private clinics
    OWN_STOCK = "own_stock"  # R30
    SUPPLIER = "supplier"  # R31, credit: only individuals in own stock


class CheckPoint(StrEnum):
    """The return checklist (R29), in the seed's order (002 "Checklista vid retur")."""

    COMPLETE = "complete"
    WIPED_DRY = "wiped_dry"
    SOUND_CHECKED = "sound_checked"
    BATTERIES_REMOVED = "batteries_removed"
    COLOUR_MARKINGS_REMOVED = "colour_markings_removed"
    TUBES_REMOVED = "tubes_removed"
    CONSUMABLES_CHECKED = "consumables_checked"
    PACKAGING_GOOD = "packaging_good"
    ACCESSORIES_INCLUDED = "accessories_included"


#: What the clerk reads for each point of the checklist.
CHECK_POINT_TEXTS: dict[CheckPoint, str] = {
    CheckPoint.COMPLETE: QT_TRANSLATE_NOOP(
        "app", "The product is complete, with its accessories, manual and original packaging."
    ),
    CheckPoint.WIPED_DRY: QT_TRANSLATE_NOOP(
        "app",
        "Wiped with a soft, dry cloth (no water, cleaning fluid, solvent or alcohol that could damage it).",
    ),
    CheckPoint.SOUND_CHECKED: QT_TRANSLATE_NOOP("app", "Sound and function checked."),
    CheckPoint.BATTERIES_REMOVED: QT_TRANSLATE_NOOP("app", "Batteries removed."),
    CheckPoint.COLOUR_MARKINGS_REMOVED: QT_TRANSLATE_NOOP("app", "Colour markings removed."),
    CheckPoint.TUBES_REMOVED: QT_TRANSLATE_NOOP("app", "Tubes, domes, earphones and ear inserts removed."),
    CheckPoint.CONSUMABLES_CHECKED: QT_TRANSLATE_NOOP(
        "app", "Filters, tube holders and other consumables checked."
    ),
    CheckPoint.PACKAGING_GOOD: QT_TRANSLATE_NOOP(
        "app", "Manual, original packaging and case present and in good condition."
    ),
    CheckPoint.ACCESSORIES_INCLUDED: QT_TRANSLATE_NOOP(
        "app", "The accessories delivered with the product are included."
    ),
}

#: The points a return to the supplier for credit must answer: the supplier credits a complete product in
#: its packaging (the rest of the checklist prepares an aid for the next patient, which it will not meet).
SUPPLIER_CHECK_POINTS: tuple[CheckPoint, ...] = (
    CheckPoint.COMPLETE,
    CheckPoint.PACKAGING_GOOD,
    CheckPoint.ACCESSORIES_INCLUDED,
)

#: What the clerk reads for each destination, reason and pickup status.
DESTINATION_NAMES: dict[Destination, str] = {
    Destination.CENTRAL_WAREHOUSE: QT_TRANSLATE_NOOP("app", "Sent to the central warehouse by post"),
    Destination.OWN_STOCK: QT_TRANSLATE_NOOP("app", "Return to own stock"),
    Destination.SUPPLIER: QT_TRANSLATE_NOOP("app", "Return to the supplier"),
}
REASON_NAMES: dict[PickupReason, str] = {
    PickupReason.MODEL_UNSUITABLE: QT_TRANSLATE_NOOP("app", "The model does not suit the patient"),
    PickupReason.WRONG_ORDER: QT_TRANSLATE_NOOP("app", "Wrong order"),
    PickupReason.PATIENT_DECEASED: QT_TRANSLATE_NOOP("app", "Patient deceased"),
    PickupReason.CHANGED_MIND: QT_TRANSLATE_NOOP("app", "The patient changed their mind"),
    PickupReason.OTHER: QT_TRANSLATE_NOOP("app", "Other"),
}
#: R31: a return to the supplier has the one reason "Kreditering".
CREDIT = "credit"
CREDIT_NAME = QT_TRANSLATE_NOOP("app", "Credit")
PICKUP_STATUS_NAMES: dict[PickupStatus, str] = {
    PickupStatus.REGISTERED: QT_TRANSLATE_NOOP("app", "Registered"),
    PickupStatus.CLOSED: QT_TRANSLATE_NOOP("app", "Closed"),
    PickupStatus.CANCELLED: QT_TRANSLATE_NOOP("app", "Cancelled"),
}
RETURNED_STATUS_NAME = QT_TRANSLATE_NOOP("app", "Returned")
#: R32: how a device involved in an incident is marked (the seed's words, kept in Swedish on paper).
BLOCKED_MARK = "Spärrat hjälpmedel, till hjälpmedelskonsulent"

#: R31, said wherever a return to the supplier meets an aid that is not a device in own stock.
_ONLY_OWN_STOCK_TO_SUPPLIER = QT_TRANSLATE_NOOP(
    "app",
    "Only an individually marked device in your own stock can go back to the supplier for credit; for "
    "other aids, contact the aid centre.",
)

_HELD_STATUSES = (IndividualStatus.DELIVERED, IndividualStatus.IN_TRANSIT)


# --------------------------------------------------------------------------------------------- values


@dataclass(frozen=True)
class CheckAnswer:
    point: CheckPoint
    done: bool
    reason: str = ""  # required (non-blank) when not done


@dataclass(frozen=True)
class ReturnableAid:
    """One line the wizard's first page lists."""

    key: str  # "i:<individual id>" or "l:<order line id>"
    individual_id: uuid.UUID | None
    order_line_id: uuid.UUID | None
    article_id: uuid.UUID
    article_number: str
    article_name: str
    individual_number: str  # "" for a line that is not individually marked
    quantity: int  # held (for a line: what is not already on an open pickup order)
    delivered_on: dt.date | None
    on_open_pickup: bool  # already on a registered pickup order: cannot be chosen again
    in_own_stock: bool  # an individual in stock in the own stock of the user's service location (R31)


@dataclass(frozen=True)
class ReturnStart:
    """What the wizard loads first."""

    patient_id: uuid.UUID | None
    patient_label: str  # masked per R5 like the record
    aids: tuple[ReturnableAid, ...]
    destinations: tuple[Destination, ...]  # what this desk may choose (private: the central warehouse only)
    deceased: bool  # R9: reason preset to PATIENT_DECEASED, every aid preselected

    @property
    def choosable(self) -> tuple[ReturnableAid, ...]:
        return tuple(aid for aid in self.aids if not aid.on_open_pickup)


@dataclass(frozen=True)
class AidReturn:
    key: str
    quantity: int = 1
    checklist: tuple[CheckAnswer, ...] = ()
    infection_known: bool = False  # R32: then ``cleaned`` must be True
    cleaned: bool = False
    incident: bool = False  # R32: the aid is blocked for investigation


@dataclass(frozen=True)
class ReturnRequest:
    destination: Destination
    patient_id: uuid.UUID | None
    reason: PickupReason  # SUPPLIER: ignored, "Kreditering"
    comment: str  # required for OTHER and for SUPPLIER
    aids: tuple[AidReturn, ...]


@dataclass(frozen=True)
class ReturnDone:
    kind: DocumentKind  # PICKUP_ORDER or STOCK_RETURN
    id: uuid.UUID
    number: str


def key_of_individual(individual_id: uuid.UUID) -> str:
    return f"i:{individual_id}"


def key_of_line(order_line_id: uuid.UUID) -> str:
    return f"l:{order_line_id}"


def all_done(points: Iterable[CheckPoint] = tuple(CheckPoint)) -> tuple[CheckAnswer, ...]:
    """Every point ticked (a convenience for callers that answer them all)."""
    return tuple(CheckAnswer(point, True) for point in points)


# -------------------------------------------------------------------------------------------- lookups


def _location(session: Session, context: WorkContext) -> ServiceLocation:
    location = session.get(ServiceLocation, context.service_location_id)
    if location is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "Your service location was not found; sign in again."))
    return location


def _own_stock(session: Session, service_location_id: uuid.UUID) -> Warehouse | None:
    return session.scalars(
        select(Warehouse)
        .where(
            Warehouse.service_location_id == service_location_id, Warehouse.kind == WarehouseKind.OWN_STOCK
        )
        .order_by(Warehouse.code)
    ).first()


def _central(session: Session) -> Warehouse:
    warehouse = session.scalars(
        select(Warehouse).where(Warehouse.kind == WarehouseKind.CENTRAL).order_by(Warehouse.code)
    ).first()
    if warehouse is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The central warehouse is missing; contact the aid centre."))
    return warehouse


# The wizard's first page is read on every start: its statements are built once (at their first use), with
# the patient, the service location and the day as parameters, and read plain columns (as the patient
# record does); building a statement anew and loading whole ORM objects took most of its time.
_PATIENT: BindParameter[uuid.UUID] = bindparam("patient_id")
_LOCATION: BindParameter[uuid.UUID] = bindparam("location_id")
_TODAY: BindParameter[dt.date] = bindparam("today", type_=Date)


@cache
def _desk_query() -> Executable:
    """Whether the service location is private, and its own stock (None when it holds none)."""
    return (
        select(ServiceLocation.is_private, Warehouse.id)
        .select_from(ServiceLocation)
        .outerjoin(
            Warehouse,
            and_(
                Warehouse.service_location_id == ServiceLocation.id, Warehouse.kind == WarehouseKind.OWN_STOCK
            ),
        )
        .where(ServiceLocation.id == _LOCATION)
        .order_by(Warehouse.code)
        .limit(1)
    )


@cache
def _patient_query() -> Executable:
    return select(
        Patient.last_name,
        Patient.first_name,
        Patient.identity_number,
        Patient.protected_identity,
        Patient.deceased_on,
    ).where(Patient.id == _PATIENT)


@cache
def _open_pickups_query() -> Executable:
    return (
        select(PickupOrderLine.individual_id, PickupOrderLine.order_line_id, PickupOrderLine.quantity)
        .join(PickupOrder, PickupOrder.id == PickupOrderLine.pickup_order_id)
        .where(PickupOrder.patient_id == _PATIENT, PickupOrder.status == PickupStatus.REGISTERED)
    )


@cache
def _devices_query() -> Executable:
    return (
        select(
            Individual.id,
            Individual.individual_number,
            Individual.order_line_id,
            Individual.purchase_date,
            Individual.status,
            Article.id,
            Article.article_number,
            Article.name,
            OrderLine.delivered_on,
        )
        .join(Article, Article.id == Individual.article_id)
        .outerjoin(OrderLine, OrderLine.id == Individual.order_line_id)
        .where(Individual.patient_id == _PATIENT, Individual.status.in_(_HELD_STATUSES))
    )


@cache
def _gone_query() -> Executable:
    """Per order line of the patient (not individually marked): what was returned to own stock or taken in
    by the central warehouse."""
    return union_all(
        select(StockReturnLine.order_line_id, StockReturnLine.quantity)
        .join(StockReturn, StockReturn.id == StockReturnLine.stock_return_id)
        .where(
            StockReturn.patient_id == _PATIENT,
            StockReturnLine.order_line_id.is_not(None),
            StockReturnLine.individual_id.is_(None),
        ),
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
def _lines_query() -> Executable:
    return (
        select(
            OrderLine.id,
            OrderLine.quantity,
            OrderLine.delivered_on,
            Article.id,
            Article.article_number,
            Article.name,
        )
        .join(Order, Order.id == OrderLine.order_id)
        .join(Article, Article.id == OrderLine.article_id)
        .where(
            Order.patient_id == _PATIENT,
            OrderLine.status == LineStatus.DELIVERED,
            OrderLine.delivered_on <= _TODAY,
            Article.individually_marked.is_(False),
            Article.article_type != ArticleType.SERVICE,
        )
    )


@dataclass(frozen=True)
class _Desk:
    private: bool
    own_stock_id: uuid.UUID | None

    @property
    def destinations(self) -> tuple[Destination, ...]:
        """R30: a private clinic (or one without own stock) returns by pickup order only."""
        if self.private or self.own_stock_id is None:
            return (Destination.CENTRAL_WAREHOUSE,)
        return (Destination.CENTRAL_WAREHOUSE, Destination.OWN_STOCK)


def _desk(session: Session, context: WorkContext) -> _Desk:
    row = session.execute(_desk_query(), {"location_id": context.service_location_id}).first()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "Your service location was not found; sign in again."))
    return _Desk(bool(row[0]), row[1])


def _in_own_stock(individual: Individual, own_stock_id: uuid.UUID | None) -> bool:
    return (
        own_stock_id is not None
        and individual.status is IndividualStatus.IN_STOCK
        and individual.warehouse_id == own_stock_id
    )


def _patient_aids(session: Session, patient_id: uuid.UUID, today: dt.date) -> list[ReturnableAid]:
    """The patient's aids held (R3): devices delivered or on their way back, and the delivered quantity of
    lines that are not individually marked less what was returned or taken in by the central warehouse."""
    asked = {"patient_id": patient_id, "today": today}
    open_individuals: set[uuid.UUID] = set()
    open_quantity: dict[uuid.UUID, int] = {}
    for individual_id, line_id, quantity in session.execute(_open_pickups_query(), asked):
        if individual_id is not None:
            open_individuals.add(individual_id)
        elif line_id is not None:
            open_quantity[line_id] = open_quantity.get(line_id, 0) + quantity
    aids: list[ReturnableAid] = []
    for (
        individual_id,
        individual_number,
        line_id,
        purchase_date,
        status,
        article_id,
        article_number,
        article_name,
        delivered_on,
    ) in session.execute(_devices_query(), asked):
        if delivered_on is not None and delivered_on > today:
            continue  # on its way from the central warehouse: not held yet
        aids.append(
            ReturnableAid(
                key=key_of_individual(individual_id),
                individual_id=individual_id,
                order_line_id=line_id,
                article_id=article_id,
                article_number=article_number,
                article_name=article_name,
                individual_number=individual_number,
                quantity=1,
                delivered_on=delivered_on or purchase_date,
                on_open_pickup=individual_id in open_individuals or status is IndividualStatus.IN_TRANSIT,
                in_own_stock=False,  # held by the patient
            )
        )
    gone: dict[uuid.UUID, int] = {}
    for line_id, quantity in session.execute(_gone_query(), asked):
        gone[line_id] = gone.get(line_id, 0) + quantity
    for line_id, quantity, delivered_on, article_id, article_number, article_name in session.execute(
        _lines_query(), asked
    ):
        held = quantity - gone.get(line_id, 0)
        if held <= 0:
            continue
        on_pickup = open_quantity.get(line_id, 0)
        free = held - on_pickup
        aids.append(
            ReturnableAid(
                key=key_of_line(line_id),
                individual_id=None,
                order_line_id=line_id,
                article_id=article_id,
                article_number=article_number,
                article_name=article_name,
                individual_number="",
                quantity=free if free > 0 else on_pickup,
                delivered_on=delivered_on,
                on_open_pickup=free <= 0,
                in_own_stock=False,
            )
        )
    aids.sort(key=lambda aid: (aid.delivered_on or dt.date.min, aid.article_name), reverse=True)
    return aids


def returnable_aids(
    session: Session,
    context: WorkContext,
    *,
    patient_id: uuid.UUID | None = None,
    individual_id: uuid.UUID | None = None,
    today: dt.date | None = None,
) -> ReturnStart:
    """What the return wizard starts from: the patient's aids held, or one device (the Individual tab, a
    scan). A device in the own stock of the user's service location can only go back to its supplier."""
    today = today or dt.date.today()
    desk = _desk(session, context)
    if individual_id is not None:
        individual = session.get(Individual, individual_id)
        if individual is None:
            raise NotFound(QT_TRANSLATE_NOOP("app", "The individual was not found; search again."))
        if individual.patient_id is not None and individual.status in _HELD_STATUSES:
            start = returnable_aids(session, context, patient_id=individual.patient_id, today=today)
            aids = tuple(aid for aid in start.aids if aid.individual_id == individual.id)
            return ReturnStart(
                start.patient_id, start.patient_label, aids, start.destinations, start.deceased
            )
        if not _in_own_stock(individual, desk.own_stock_id):
            raise RuleViolation(
                QT_TRANSLATE_NOOP(
                    "app",
                    "Individual {number} is neither held by a patient nor in stock in your own stock, so it "
                    "cannot be returned from here.",
                ),
                number=individual.individual_number,
            )
        return ReturnStart(None, "", (_own_stock_aid(session, individual),), (Destination.SUPPLIER,), False)
    if patient_id is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "Choose the patient or the individual to return."))
    row = session.execute(_patient_query(), {"patient_id": patient_id}).first()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The patient was not found; search again."))
    last_name, first_name, identity_number, protected, deceased_on = row
    return ReturnStart(
        patient_id=patient_id,
        patient_label=name_label(last_name, first_name, identity_number, protected),
        aids=tuple(_patient_aids(session, patient_id, today)),
        destinations=desk.destinations,
        deceased=deceased_on is not None,
    )


def _own_stock_aid(session: Session, individual: Individual) -> ReturnableAid:
    article = session.get(Article, individual.article_id)
    assert article is not None
    return ReturnableAid(
        key=key_of_individual(individual.id),
        individual_id=individual.id,
        order_line_id=None,
        article_id=article.id,
        article_number=article.article_number,
        article_name=article.name,
        individual_number=individual.individual_number,
        quantity=1,
        delivered_on=None,
        on_open_pickup=False,
        in_own_stock=True,
    )


# ----------------------------------------------------------------------------------------------- checks


def required_points(destination: Destination) -> tuple[CheckPoint, ...]:
    """The checklist points a return to *destination* must answer (R29): all of them for an aid that goes
    back into stock; completeness and packaging for the supplier."""
    return SUPPLIER_CHECK_POINTS if destination is Destination.SUPPLIER else tuple(CheckPoint)


def check_reason(request: ReturnRequest, *, deceased: bool = False) -> None:
    """The wizard's reason page: the reason fits the patient (R9) and has the comment it needs (R28, R31)."""
    comment = request.comment.strip()
    if request.destination is Destination.SUPPLIER:
        if not comment:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("app", "Write in the comment why the aid goes back to the supplier.")
            )
        return
    if deceased and request.reason is not PickupReason.PATIENT_DECEASED:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app", 'The patient is deceased: the reason for the return is "Patient deceased".'
            )
        )
    if request.reason is PickupReason.OTHER and not comment:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", 'Write in the comment why the aid is returned ("Other").')
        )


def check_aid(destination: Destination, aid: AidReturn, label: str) -> None:
    """The wizard's checklist page for one aid (*label* names it in the sentence): every point the
    destination needs answered, a reason for each point not done (R29); cleaned when an infection is known,
    and no incident on a return to the supplier (R32)."""
    answered = {answer.point: answer for answer in aid.checklist}
    for point in required_points(destination):
        answer = answered.get(point)
        if answer is None:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("app", "{aid}: answer every point of the checklist."), aid=label
            )
        if not answer.done and not answer.reason.strip():
            raise InvalidInput(
                QT_TRANSLATE_NOOP("app", "{aid}: write why a point of the checklist cannot be done."),
                aid=label,
            )
    if aid.infection_known and not aid.cleaned:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "{aid}: the patient has a known infection, so the aid must be cleaned before it is returned.",
            ),
            aid=label,
        )
    if aid.incident and destination is Destination.SUPPLIER:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "{aid} was involved in an incident: it is blocked for the aid consultant to investigate and "
                "cannot go back to the supplier for credit.",
            ),
            aid=label,
        )


def _label(aid: ReturnableAid) -> str:
    return f"{aid.article_name} {aid.individual_number}".strip()


# -------------------------------------------------------------------------------------------- register


@dataclass
class _Chosen:
    aid: ReturnableAid
    answer: AidReturn
    individual: Individual | None
    line: OrderLine | None


def _choose(session: Session, start: ReturnStart, request: ReturnRequest) -> list[_Chosen]:
    if not request.aids:
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "Choose at least one aid to return."))
    by_key = {aid.key: aid for aid in start.aids}
    chosen: list[_Chosen] = []
    seen: set[str] = set()
    for answer in request.aids:
        aid = by_key.get(answer.key)
        if aid is None or answer.key in seen:
            raise RuleViolation(
                QT_TRANSLATE_NOOP(
                    "app", "One of the chosen aids is no longer held here; start the return again."
                )
            )
        seen.add(answer.key)
        if aid.on_open_pickup:
            raise RuleViolation(
                QT_TRANSLATE_NOOP(
                    "app", "{aid} is already on an open pickup order; it cannot be returned again."
                ),
                aid=_label(aid),
            )
        if not 1 <= answer.quantity <= aid.quantity:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("app", "{aid}: the quantity must be between 1 and {most}."),
                aid=_label(aid),
                most=str(aid.quantity),
            )
        check_aid(request.destination, answer, _label(aid))
        individual = session.get(Individual, aid.individual_id) if aid.individual_id else None
        line = session.get(OrderLine, aid.order_line_id) if aid.order_line_id else None
        chosen.append(_Chosen(aid, answer, individual, line))
    return chosen


def register_return(
    session: Session,
    context: WorkContext,
    numbers: NumberAllocator,
    request: ReturnRequest,
    today: dt.date,
) -> ReturnDone:
    """Save a return in one unit of work: the pickup order or the return with its number, its lines, the
    checklist answers, the devices' statuses and the stock movements."""
    location = _location(session, context)
    if request.destination is Destination.SUPPLIER:
        start = _supplier_start(session, context, request)
    else:
        start = returnable_aids(session, context, patient_id=request.patient_id, today=today)
    if request.destination not in start.destinations:  # R30
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "{location} holds no own stock: return the aids to the central warehouse with a pickup order.",
            ),
            location=location.name,
        )
    check_reason(request, deceased=start.deceased)
    chosen = _choose(session, start, request)
    plain = PlainRows()
    if request.destination is Destination.CENTRAL_WAREHOUSE:
        done = _pickup(session, context, numbers, request, chosen, today, plain)
    elif request.destination is Destination.OWN_STOCK:
        done = _to_own_stock(session, context, numbers, request, chosen, today, plain)
    else:
        done = _to_supplier(session, context, numbers, request, chosen, today, plain)
    session.flush()
    plain.write(session)
    log.info(
        "return registered: kind=%s id=%s number=%s lines=%d", done.kind, done.id, done.number, len(chosen)
    )
    return done


def _supplier_start(session: Session, context: WorkContext, request: ReturnRequest) -> ReturnStart:
    """The devices of a return to the supplier, each one in the own stock of the user's service location."""
    own_id = _desk(session, context).own_stock_id
    aids: list[ReturnableAid] = []
    for answer in request.aids:
        kind, _, text = answer.key.partition(":")
        try:
            individual_id = uuid.UUID(text)
        except ValueError:
            individual_id = None
        individual = session.get(Individual, individual_id) if kind == "i" and individual_id else None
        if individual is None or not _in_own_stock(individual, own_id):
            raise RuleViolation(_ONLY_OWN_STOCK_TO_SUPPLIER)
        aids.append(_own_stock_aid(session, individual))
    return ReturnStart(None, "", tuple(aids), (Destination.SUPPLIER,), False)


def _checks(plain: PlainRows, answers: Sequence[CheckAnswer], **line: uuid.UUID) -> None:
    for answer in answers:
        plain.add(
            ReturnCheck,
            point=answer.point.value,
            done=answer.done,
            reason="" if answer.done else answer.reason.strip(),
            **line,
        )


def _pickup(
    session: Session,
    context: WorkContext,
    numbers: NumberAllocator,
    request: ReturnRequest,
    chosen: list[_Chosen],
    today: dt.date,
    plain: PlainRows,
) -> ReturnDone:
    """R28: the pickup order; every device is on its way back (it stays on the patient's list until the
    central warehouse takes it in); nothing moves in stock yet."""
    assert request.patient_id is not None
    pickup = PickupOrder(
        number=numbers.allocate(session, today),
        patient_id=request.patient_id,
        service_location_id=context.service_location_id,
        contact_user_id=context.user_id,
        reason=request.reason,
        comment=request.comment.strip(),
        status=PickupStatus.REGISTERED,
        infection_known=any(c.answer.infection_known for c in chosen),
        blocked_for_investigation=any(c.answer.incident for c in chosen),
        checklist_completed=all(a.done for c in chosen for a in c.answer.checklist),
    )
    session.add(pickup)
    session.flush()
    document = Document(DocumentKind.PICKUP_ORDER, pickup.id)
    for item in chosen:
        line_id = plain.add(
            PickupOrderLine,
            pickup_order_id=pickup.id,
            order_line_id=item.aid.order_line_id,
            individual_id=item.aid.individual_id,
            article_id=item.aid.article_id,
            quantity=item.answer.quantity,
            infection_known=item.answer.infection_known,
            incident=item.answer.incident,
        )
        _checks(plain, item.answer.checklist, pickup_order_line_id=line_id)
        if item.individual is not None:
            change_status(
                session,
                item.individual,
                IndividualStatus.IN_TRANSIT,
                user_id=context.user_id,
                document=document,
                note=BLOCKED_MARK if item.answer.incident else "",
                events=plain,
            )
    return ReturnDone(DocumentKind.PICKUP_ORDER, pickup.id, pickup.number)


def _to_own_stock(
    session: Session,
    context: WorkContext,
    numbers: NumberAllocator,
    request: ReturnRequest,
    chosen: list[_Chosen],
    today: dt.date,
    plain: PlainRows,
) -> ReturnDone:
    """R30: the aids leave the patient's list at once and the own stock's balance increases; a device
    involved in an incident is taken in blocked (R32)."""
    own = _own_stock(session, context.service_location_id)
    assert own is not None  # the destination was checked
    stock_return = StockReturn(
        number=numbers.allocate(session, today),
        kind=ReturnKind.TO_OWN_STOCK,
        patient_id=request.patient_id,
        service_location_id=context.service_location_id,
        warehouse_id=own.id,
        user_id=context.user_id,
        reason=request.reason.value,
        comment=request.comment.strip(),
    )
    session.add(stock_return)
    session.flush()
    document = Document(DocumentKind.STOCK_RETURN, stock_return.id)
    for item in chosen:
        line_id = plain.add(
            StockReturnLine,
            stock_return_id=stock_return.id,
            order_line_id=item.aid.order_line_id,
            individual_id=item.aid.individual_id,
            article_id=item.aid.article_id,
            quantity=item.answer.quantity,
            infection_known=item.answer.infection_known,
            incident=item.answer.incident,
        )
        _checks(plain, item.answer.checklist, stock_return_line_id=line_id)
        individual = item.individual
        # A device is taken in once per time it was handed out: two workstations that take the same device
        # in offline write the same movement, which the server books once (the second comes back refused).
        once = (
            _booking_id("own", individual.id, _handed_out_by(session, individual.id))
            if individual is not None
            else None
        )
        if individual is not None:
            change_status(
                session,
                individual,
                IndividualStatus.BLOCKED if item.answer.incident else IndividualStatus.IN_STOCK,
                user_id=context.user_id,
                document=document,
                warehouse_id=own.id,
                patient_id=None,
                order_line_id=None,
                note=BLOCKED_MARK if item.answer.incident else "",
                events=plain,
            )
        move(
            plain,
            article_id=item.aid.article_id,
            warehouse_id=own.id,
            quantity=item.answer.quantity,
            reason=MovementReason.RETURN_FROM_PATIENT,
            document=document,
            user_id=context.user_id,
            unit_price=_unit_price(item),
            individual_id=item.aid.individual_id,
            movement_id=once,
        )
    return ReturnDone(DocumentKind.STOCK_RETURN, stock_return.id, stock_return.number)


def _unit_price(item: _Chosen) -> Any:
    if item.individual is not None:
        return item.individual.purchase_price
    return item.line.unit_price if item.line is not None else 0


def _to_supplier(
    session: Session,
    context: WorkContext,
    numbers: NumberAllocator,
    request: ReturnRequest,
    chosen: list[_Chosen],
    today: dt.date,
    plain: PlainRows,
) -> ReturnDone:
    """R31: devices in own stock go back to their supplier for credit ("Kreditering"), one supplier per
    return slip; they leave the own stock's balance."""
    own = _own_stock(session, context.service_location_id)
    assert own is not None
    suppliers = {
        session.scalars(select(Article.supplier_id).where(Article.id == item.aid.article_id)).one()
        for item in chosen
    }
    if len(suppliers) != 1:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app", "The devices come from different suppliers: make one return slip per supplier."
            )
        )
    stock_return = StockReturn(
        number=numbers.allocate(session, today),
        kind=ReturnKind.TO_SUPPLIER,
        patient_id=None,
        service_location_id=context.service_location_id,
        warehouse_id=own.id,
        supplier_id=suppliers.pop(),
        user_id=context.user_id,
        reason=CREDIT,
        comment=request.comment.strip(),
    )
    session.add(stock_return)
    session.flush()
    document = Document(DocumentKind.STOCK_RETURN, stock_return.id)
    for item in chosen:
        individual = item.individual
        assert individual is not None
        line_id = plain.add(
            StockReturnLine,
            stock_return_id=stock_return.id,
            order_line_id=None,
            individual_id=individual.id,
            article_id=item.aid.article_id,
            quantity=1,
            infection_known=item.answer.infection_known,
            incident=False,
        )
        _checks(plain, item.answer.checklist, stock_return_line_id=line_id)
        change_status(
            session,
            individual,
            IndividualStatus.AT_SUPPLIER,
            user_id=context.user_id,
            document=document,
            warehouse_id=None,
            events=plain,
        )
        move(
            plain,
            article_id=item.aid.article_id,
            warehouse_id=own.id,
            quantity=-1,
            reason=MovementReason.RETURN_TO_SUPPLIER,
            document=document,
            user_id=context.user_id,
            unit_price=individual.purchase_price,
            individual_id=individual.id,
            movement_id=_booking_id("supplier", individual.id),  # a device goes back to its supplier once
        )
    return ReturnDone(DocumentKind.STOCK_RETURN, stock_return.id, stock_return.number)


# ------------------------------------------------------------------------------------ pickup lifecycle


def _pickup_order(session: Session, pickup_id: uuid.UUID) -> PickupOrder:
    pickup = session.get(PickupOrder, pickup_id)
    if pickup is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The pickup order was not found; search for it again."))
    return pickup


def _registered(pickup: PickupOrder) -> None:
    if pickup.status is not PickupStatus.REGISTERED:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app", 'Pickup order {number} is "{status}"; only a registered pickup order can change.'
            ),
            number=pickup.number,
            status=PICKUP_STATUS_NAMES[pickup.status],
        )


def _has_role(session: Session, user_id: uuid.UUID, role: Role) -> bool:
    return (
        session.scalars(select(UserRole.id).where(UserRole.user_id == user_id, UserRole.role == role)).first()
        is not None
    )


def _lines_of(session: Session, pickup_id: uuid.UUID) -> list[PickupOrderLine]:
    return list(session.scalars(select(PickupOrderLine).where(PickupOrderLine.pickup_order_id == pickup_id)))


def _on_another_pickup(session: Session, individual_id: uuid.UUID, pickup_id: uuid.UUID) -> bool:
    return (
        session.scalars(
            select(PickupOrderLine.id)
            .join(PickupOrder, PickupOrder.id == PickupOrderLine.pickup_order_id)
            .where(
                PickupOrderLine.individual_id == individual_id,
                PickupOrder.id != pickup_id,
                PickupOrder.status == PickupStatus.REGISTERED,
            )
        ).first()
        is not None
    )


def cancel_pickup(session: Session, context: WorkContext, pickup_id: uuid.UUID) -> None:
    """R28: a registered pickup order is cancelled (by its service location or the aid centre); its
    devices are the patient's again, as delivered. A device that is no longer on its way back for this
    pickup order alone (taken in on another one, as two workstations offline may both have ordered its
    pickup) is left where it is: only the paper is cancelled."""
    pickup = _pickup_order(session, pickup_id)
    _registered(pickup)
    if pickup.service_location_id != context.service_location_id and not _has_role(
        session, context.user_id, Role.AID_CENTRE
    ):
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "Only the pickup order's own service location can cancel it.")
        )
    plain = PlainRows()
    document = Document(DocumentKind.PICKUP_ORDER, pickup.id)
    for line in _lines_of(session, pickup.id):
        if line.individual_id is None:
            continue
        individual = session.get(Individual, line.individual_id)
        assert individual is not None
        if individual.status is not IndividualStatus.IN_TRANSIT or _on_another_pickup(
            session, individual.id, pickup.id
        ):
            continue
        change_status(
            session,
            individual,
            IndividualStatus.DELIVERED,
            user_id=context.user_id,
            document=document,
            events=plain,
        )
    pickup.status = PickupStatus.CANCELLED
    session.flush()
    plain.write(session)
    log.info("pickup order cancelled: id=%s", pickup.id)


#: The rows closing a pickup order writes get ids made from the line (uuid5), so two aid-centre
#: workstations closing the same pickup order offline write the same rows: the server keeps the first and
#: refuses the second, and the central warehouse's balance counts each aid once.
_CLOSE_IDS = uuid.UUID("0c7e2f5a-6b1d-4f3e-9a8c-2d5e7f1b3a64")


def _close_id(kind: str, line_id: uuid.UUID) -> uuid.UUID:
    return uuid.uuid5(_CLOSE_IDS, f"{kind}:{line_id}")


#: Events that note a change of a device's numbers, not where it is (R37, R38).
_NOTES_ONLY = (DocumentKind.INDIVIDUAL_NUMBER_CHANGE.value, DocumentKind.SIP_NUMBER_CHANGE.value)


def _handed_out_by(session: Session, individual_id: uuid.UUID) -> uuid.UUID | None:
    """The event that handed the device to the patient who holds it now (its newest "delivered" event that
    is not a renumbering): the same on every workstation that has synced it."""
    return session.scalar(
        select(IndividualEvent.id)
        .where(
            IndividualEvent.individual_id == individual_id,
            IndividualEvent.status == IndividualStatus.DELIVERED,
            IndividualEvent.document_kind.not_in(_NOTES_ONLY),
        )
        .order_by(IndividualEvent.occurred_at.desc(), IndividualEvent.id.desc())
        .limit(1)
    )


def _booking_id(kind: str, *parts: uuid.UUID | None) -> uuid.UUID:
    """The id of a device's one booking of *kind* from the state named by *parts*: the same on every
    workstation, so the server refuses a second one (a device cannot be taken in twice)."""
    return uuid.uuid5(_CLOSE_IDS, ":".join([kind, *(str(part) for part in parts)]))


def close_pickup(session: Session, context: WorkContext, pickup_id: uuid.UUID, today: dt.date) -> None:
    """R28: the central warehouse takes the aids in (a user with the aid-centre role): each device and
    each line's quantity is booked into warehouse 70 as a return from the patient and leaves the patient's
    list; a device involved in an incident is taken in blocked (R32)."""
    if not _has_role(session, context.user_id, Role.AID_CENTRE):
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "Only the aid centre closes a pickup order, when the central warehouse has taken it in.",
            )
        )
    pickup = _pickup_order(session, pickup_id)
    _registered(pickup)
    central = _central(session)
    plain = PlainRows()
    document = Document(DocumentKind.PICKUP_ORDER, pickup.id)
    for line in _lines_of(session, pickup.id):
        price: Any = 0
        if line.individual_id is not None:
            individual = session.get(Individual, line.individual_id)
            assert individual is not None
            if individual.status is not IndividualStatus.IN_TRANSIT:
                raise RuleViolation(
                    QT_TRANSLATE_NOOP(
                        "app",
                        'Individual {number} is not on its way back (it is "{status}"): check where the device '
                        "is; cancel the pickup order if it never came.",
                    ),
                    number=individual.individual_number,
                    status=Phrase(STATUS_NAMES[individual.status]),
                )
            change_status(
                session,
                individual,
                IndividualStatus.BLOCKED if line.incident else IndividualStatus.IN_STOCK,
                user_id=context.user_id,
                document=document,
                warehouse_id=central.id,
                patient_id=None,
                order_line_id=None,
                note=BLOCKED_MARK if line.incident else "",
                events=plain,
                event_id=_close_id("event", line.id),
            )
            price = individual.purchase_price
        elif line.order_line_id is not None:
            order_line = session.get(OrderLine, line.order_line_id)
            price = order_line.unit_price if order_line is not None else 0
        move(
            plain,
            article_id=line.article_id,
            warehouse_id=central.id,
            quantity=line.quantity,
            reason=MovementReason.RETURN_FROM_PATIENT,
            document=document,
            user_id=context.user_id,
            unit_price=price,
            individual_id=line.individual_id,
            movement_id=_close_id("movement", line.id),
        )
    pickup.status = PickupStatus.CLOSED
    pickup.closed_at = dt.datetime.combine(today, utc_now().time(), tzinfo=dt.UTC)
    session.flush()
    plain.write(session)
    log.info("pickup order closed: id=%s", pickup.id)


# ---------------------------------------------------------------------------------------------- drafts


def _subject(patient_id: uuid.UUID | None, individual_id: uuid.UUID | None) -> str:
    if (patient_id is None) == (individual_id is None):
        raise ValueError("a draft belongs to one patient or one individual")
    return f"p:{patient_id}" if patient_id is not None else f"i:{individual_id}"


def _draft(session: Session, context: WorkContext, subject: str) -> ReturnDraft | None:
    return session.scalars(
        select(ReturnDraft).where(ReturnDraft.subject == subject, ReturnDraft.user_id == context.user_id)
    ).first()


def save_draft(
    session: Session,
    context: WorkContext,
    *,
    patient_id: uuid.UUID | None = None,
    individual_id: uuid.UUID | None = None,
    answers: Mapping[str, Any],
) -> None:
    """Keep the wizard's answers so far (plain JSON values) on this workstation: a local table that is
    never synced and never in the change log; nothing of the return is saved until its last page."""
    subject = _subject(patient_id, individual_id)
    draft = _draft(session, context, subject)
    if draft is None:
        session.add(ReturnDraft(subject=subject, user_id=context.user_id, answers=dict(answers)))
    else:
        draft.answers = dict(answers)
        draft.saved_at = utc_now()


def load_draft(
    session: Session,
    context: WorkContext,
    *,
    patient_id: uuid.UUID | None = None,
    individual_id: uuid.UUID | None = None,
) -> dict[str, Any] | None:
    """The answers the user left for this patient or device, or None."""
    draft = _draft(session, context, _subject(patient_id, individual_id))
    return dict(draft.answers) if draft is not None else None


def drop_draft(
    session: Session,
    context: WorkContext,
    *,
    patient_id: uuid.UUID | None = None,
    individual_id: uuid.UUID | None = None,
) -> None:
    """Forget the draft (the return was saved, or the clerk discarded it)."""
    session.execute(
        delete(ReturnDraft).where(
            ReturnDraft.subject == _subject(patient_id, individual_id),
            ReturnDraft.user_id == context.user_id,
        )
    )


# ------------------------------------------------------------------------------------ search and detail


@dataclass(frozen=True)
class ReturnHit:
    kind: DocumentKind  # PICKUP_ORDER or STOCK_RETURN
    id: uuid.UUID
    number: str
    created_on: dt.date
    patient_label: str
    service_location: str
    user_name: str
    destination: Destination
    status: str  # translatable: a pickup order's status, or "Returned"


SEARCH_LIMIT = 500


def search_returns(
    session: Session,
    context: WorkContext,
    *,
    number: str = "",
    service_location_id: uuid.UUID | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    limit: int = SEARCH_LIMIT,
) -> list[ReturnHit]:
    """Pickup orders and returns, newest first: by full number, or by service location and period."""
    digits = document_number(number)
    pickups = select(PickupOrder)
    returns = select(StockReturn)
    if digits:
        if not (len(digits) == 8 and is_digits(digits)):
            raise InvalidInput(
                QT_TRANSLATE_NOOP("app", "{text} is not a return number: give all 8 digits."), text=number
            )
        pickups = pickups.where(PickupOrder.number == digits)
        returns = returns.where(StockReturn.number == digits)
    else:
        if service_location_id is not None:
            pickups = pickups.where(PickupOrder.service_location_id == service_location_id)
            returns = returns.where(StockReturn.service_location_id == service_location_id)
        if start is not None:
            since = dt.datetime.combine(start, dt.time())
            pickups = pickups.where(PickupOrder.created_at >= since)
            returns = returns.where(StockReturn.created_at >= since)
        if end is not None:
            until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
            pickups = pickups.where(PickupOrder.created_at < until)
            returns = returns.where(StockReturn.created_at < until)
    found_pickups = list(session.scalars(pickups.order_by(PickupOrder.created_at.desc()).limit(limit)))
    found_returns = list(session.scalars(returns.order_by(StockReturn.created_at.desc()).limit(limit)))
    patient_ids = {p.patient_id for p in found_pickups} | {
        r.patient_id for r in found_returns if r.patient_id is not None
    }
    patients = {p.id: p for p in session.scalars(select(Patient).where(Patient.id.in_(patient_ids)))}
    user_ids = {p.contact_user_id for p in found_pickups} | {r.user_id for r in found_returns}
    users = dict(session.execute(select(User.id, User.full_name).where(User.id.in_(user_ids))).all())
    locations = dict(session.execute(select(ServiceLocation.id, ServiceLocation.name)).all())
    hits = [
        ReturnHit(
            kind=DocumentKind.PICKUP_ORDER,
            id=p.id,
            number=p.number,
            created_on=p.created_at.date(),
            patient_label=patient_label(patients.get(p.patient_id)),
            service_location=locations.get(p.service_location_id, ""),
            user_name=users.get(p.contact_user_id, ""),
            destination=Destination.CENTRAL_WAREHOUSE,
            status=PICKUP_STATUS_NAMES[p.status],
        )
        for p in found_pickups
    ] + [
        ReturnHit(
            kind=DocumentKind.STOCK_RETURN,
            id=r.id,
            number=r.number,
            created_on=r.created_at.date(),
            patient_label=patient_label(patients.get(r.patient_id)) if r.patient_id else "",
            service_location=locations.get(r.service_location_id, ""),
            user_name=users.get(r.user_id, ""),
            destination=Destination.SUPPLIER if r.kind is ReturnKind.TO_SUPPLIER else Destination.OWN_STOCK,
            status=RETURNED_STATUS_NAME,
        )
        for r in found_returns
    ]
    created = {p.id: p.created_at for p in found_pickups} | {r.id: r.created_at for r in found_returns}
    hits.sort(key=lambda hit: (_aware(created[hit.id]), hit.number), reverse=True)
    return hits[:limit]


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class DetailLine:
    article_number: str
    supplier_article_number: str
    article_name: str
    individual_number: str
    serial_number: str
    quantity: int
    infection_known: bool
    incident: bool
    checklist: tuple[CheckAnswer, ...]


@dataclass(frozen=True)
class Address:
    name: str
    street: str
    postal_code: str
    city: str
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class ReturnDetail:
    kind: DocumentKind
    id: uuid.UUID
    number: str
    created_on: dt.date
    destination: Destination
    status: PickupStatus | None  # a pickup order's; None for a return (done when registered)
    status_text: str
    reason: PickupReason | None  # None for a return to the supplier ("Kreditering")
    reason_text: str
    comment: str
    patient_id: uuid.UUID | None
    patient_label: str  # as lists show it (R5: a protected identity by its fictive name only)
    #: For the patient's own papers (R5: the stored name, fictive for a protected identity; never an address).
    patient_name: str
    patient_identity: str
    service_location: Address  # the pickup address (R28), or the unit that returned
    contact_name: str  # the user (R28)
    contact_phone: str
    contact_email: str
    warehouse_code: str  # own stock of a return; "" for a pickup order
    supplier: Address  # R31; empty otherwise
    supplier_number: str
    closed_on: dt.date | None
    lines: tuple[DetailLine, ...]

    @property
    def infection_known(self) -> bool:
        return any(line.infection_known for line in self.lines)

    @property
    def blocked(self) -> bool:
        return any(line.incident for line in self.lines)


#: A return's reads, built once with the document's id as parameter (a document is printed from them).
_DOCUMENT: BindParameter[uuid.UUID] = bindparam("document_id")
_Unit = aliased(ServiceLocation)


@cache
def _pickup_header_query() -> Executable:
    return (
        select(
            PickupOrder.number,
            PickupOrder.created_at,
            PickupOrder.status,
            PickupOrder.reason,
            PickupOrder.comment,
            PickupOrder.closed_at,
            PickupOrder.patient_id,
            Patient.last_name,
            Patient.first_name,
            Patient.identity_number,
            Patient.protected_identity,
            _Unit.name,
            _Unit.street,
            _Unit.postal_code,
            _Unit.city,
            _Unit.phone,
            User.full_name,
            User.phone,
            User.email,
        )
        .join(Patient, Patient.id == PickupOrder.patient_id)
        .join(_Unit, _Unit.id == PickupOrder.service_location_id)
        .outerjoin(User, User.id == PickupOrder.contact_user_id)
        .where(PickupOrder.id == _DOCUMENT)
    )


@cache
def _return_header_query() -> Executable:
    return (
        select(
            StockReturn.number,
            StockReturn.created_at,
            StockReturn.kind,
            StockReturn.reason,
            StockReturn.comment,
            StockReturn.patient_id,
            Patient.last_name,
            Patient.first_name,
            Patient.identity_number,
            Patient.protected_identity,
            _Unit.name,
            _Unit.street,
            _Unit.postal_code,
            _Unit.city,
            _Unit.phone,
            User.full_name,
            User.phone,
            User.email,
            Warehouse.code,
            Supplier.number,
            Supplier.name,
            Supplier.street,
            Supplier.postal_code,
            Supplier.city,
            Supplier.phone,
            Supplier.email,
        )
        .outerjoin(Patient, Patient.id == StockReturn.patient_id)
        .join(_Unit, _Unit.id == StockReturn.service_location_id)
        .outerjoin(User, User.id == StockReturn.user_id)
        .outerjoin(Warehouse, Warehouse.id == StockReturn.warehouse_id)
        .outerjoin(Supplier, Supplier.id == StockReturn.supplier_id)
        .where(StockReturn.id == _DOCUMENT)
    )


def _lines_of_document(line: type[PickupOrderLine] | type[StockReturnLine], parent: Any) -> Executable:
    return (
        select(
            line.id,
            Article.article_number,
            Article.supplier_article_number,
            Article.name,
            Individual.individual_number,
            Individual.serial_number,
            line.quantity,
            line.infection_known,
            line.incident,
        )
        .join(Article, Article.id == line.article_id)
        .outerjoin(Individual, Individual.id == line.individual_id)
        .where(parent == _DOCUMENT)
        .order_by(Article.name, Individual.individual_number)
    )


def _checks_of_document(
    line: type[PickupOrderLine] | type[StockReturnLine], parent: Any, key: Any
) -> Executable:
    return (
        select(key, ReturnCheck.point, ReturnCheck.done, ReturnCheck.reason)
        .join(line, line.id == key)
        .where(parent == _DOCUMENT)
    )


@cache
def _pickup_lines_query() -> Executable:
    return _lines_of_document(PickupOrderLine, PickupOrderLine.pickup_order_id)


@cache
def _return_lines_query() -> Executable:
    return _lines_of_document(StockReturnLine, StockReturnLine.stock_return_id)


@cache
def _pickup_checks_query() -> Executable:
    return _checks_of_document(
        PickupOrderLine, PickupOrderLine.pickup_order_id, ReturnCheck.pickup_order_line_id
    )


@cache
def _return_checks_query() -> Executable:
    return _checks_of_document(
        StockReturnLine, StockReturnLine.stock_return_id, ReturnCheck.stock_return_line_id
    )


_POINT_ORDER = {point.value: place for place, point in enumerate(CheckPoint)}


def _detail_lines(
    session: Session, lines: Executable, checks: Executable, document_id: uuid.UUID
) -> tuple[DetailLine, ...]:
    asked = {"document_id": document_id}
    answers: dict[uuid.UUID, list[tuple[str, bool, str]]] = {}
    for line_id, point, done, reason in session.execute(checks, asked):
        if point in _POINT_ORDER:  # a point this program does not know (newer data) is left out
            answers.setdefault(line_id, []).append((point, done, reason))
    return tuple(
        DetailLine(
            article_number=article_number,
            supplier_article_number=supplier_article_number,
            article_name=article_name,
            individual_number=individual_number or "",
            serial_number=serial_number or "",
            quantity=quantity,
            infection_known=infection_known,
            incident=incident,
            checklist=tuple(
                CheckAnswer(CheckPoint(point), done, reason)
                for point, done, reason in sorted(answers.get(line_id, []), key=lambda a: _POINT_ORDER[a[0]])
            ),
        )
        for (
            line_id,
            article_number,
            supplier_article_number,
            article_name,
            individual_number,
            serial_number,
            quantity,
            infection_known,
            incident,
        ) in session.execute(lines, asked)
    )


def read_return(session: Session, kind: DocumentKind, return_id: uuid.UUID) -> ReturnDetail:
    """A pickup order or a return with its lines and the checklist kept with each line."""
    asked = {"document_id": return_id}
    if kind is DocumentKind.PICKUP_ORDER:
        row = session.execute(_pickup_header_query(), asked).first()
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("app", "The pickup order was not found; search for it again."))
        (
            number, created_at, status, reason, comment, closed_at, patient_id,
            last_name, first_name, identity_number, protected,
            unit_name, unit_street, unit_postal_code, unit_city, unit_phone,
            user_name, user_phone, user_email,
        ) = row  # fmt: skip
        return ReturnDetail(
            kind=kind,
            id=return_id,
            number=number,
            created_on=created_at.date(),
            destination=Destination.CENTRAL_WAREHOUSE,
            status=status,
            status_text=PICKUP_STATUS_NAMES[status],
            reason=reason,
            reason_text=REASON_NAMES[reason],
            comment=comment,
            patient_id=patient_id,
            patient_label=name_label(last_name, first_name, identity_number, protected),
            patient_name=f"{first_name} {last_name}",
            patient_identity=format_identity(identity_number),
            service_location=Address(unit_name, unit_street, unit_postal_code, unit_city, unit_phone),
            contact_name=user_name or "",
            contact_phone=user_phone or "",
            contact_email=user_email or "",
            warehouse_code="",
            supplier=_NO_ADDRESS,
            supplier_number="",
            closed_on=closed_at.date() if closed_at else None,
            lines=_detail_lines(session, _pickup_lines_query(), _pickup_checks_query(), return_id),
        )
    if kind is not DocumentKind.STOCK_RETURN:
        raise ValueError(f"not a return: {kind}")
    found = session.execute(_return_header_query(), asked).first()
    if found is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The return was not found; search for it again."))
    (
        number, created_at, return_kind, stored_reason, comment, patient_id,
        last_name, first_name, identity_number, protected,
        unit_name, unit_street, unit_postal_code, unit_city, unit_phone,
        user_name, user_phone, user_email, warehouse_code,
        supplier_number, supplier_name, supplier_street, supplier_postal_code, supplier_city, supplier_phone,
        supplier_email,
    ) = found  # fmt: skip
    to_supplier = return_kind is ReturnKind.TO_SUPPLIER
    reason_of = None if to_supplier else _reason(stored_reason)
    has_patient = patient_id is not None
    return ReturnDetail(
        kind=kind,
        id=return_id,
        number=number,
        created_on=created_at.date(),
        destination=Destination.SUPPLIER if to_supplier else Destination.OWN_STOCK,
        status=None,
        status_text=RETURNED_STATUS_NAME,
        reason=reason_of,
        reason_text=CREDIT_NAME if to_supplier else (REASON_NAMES[reason_of] if reason_of else stored_reason),
        comment=comment,
        patient_id=patient_id,
        patient_label=name_label(last_name, first_name, identity_number, protected) if has_patient else "",
        patient_name=f"{first_name} {last_name}" if has_patient else "",
        patient_identity=format_identity(identity_number) if has_patient else "",
        service_location=Address(unit_name, unit_street, unit_postal_code, unit_city, unit_phone),
        contact_name=user_name or "",
        contact_phone=user_phone or "",
        contact_email=user_email or "",
        warehouse_code=warehouse_code or "",
        supplier=Address(
            supplier_name,
            supplier_street,
            supplier_postal_code,
            supplier_city,
            supplier_phone,
            supplier_email,
        )
        if supplier_name is not None
        else _NO_ADDRESS,
        supplier_number=supplier_number or "",
        closed_on=None,
        lines=_detail_lines(session, _return_lines_query(), _return_checks_query(), return_id),
    )


_NO_ADDRESS = Address("", "", "", "")


def _reason(value: str) -> PickupReason | None:
    try:
        return PickupReason(value)
    except ValueError:
        return None
