"""Activities (R23–R27): warranty repairs, installations (and their warranty, dismantling), repairs of
installed aids and outside-assortment applications; their statuses, search, closing and the renumbering of
a device the supplier replaced (R37).

An activity is made in one call (``create_activity``) after the checks of its kind. The checks are pure
functions of what the "New activity" wizard loads first (``ActivityStart``: the patient's report, phone,
age, aids and the service products), so its pages refuse to go on (``check_kind``, ``check_aids``,
``check_description``, ``check_address``) for the same reason the save would, without a database call:

- every kind: the patient may get new activities (the patient rules' stops: inactive R4, deceased R9, …)
  and the patient's phone number is present (R23; 002 asks it for every kind);
- warranty repair (R23): a service product, one or several aids delivered to the patient, the wanted
  action and the fault, the address; each aid goes from delivered to "in repair" (``app.individuals``) and
  back when the activity is closed;
- installation, its warranty and dismantling (R24): the aid delivered first, exactly one aid per activity
  and no other open activity of the kind on it; dismantling for children only;
- repair of installed aids (R25): children only, the aid delivered;
- outside-assortment application (R26): no article and no aid; the application's points are separate
  required fields (supplier, the supplier's article number, the product's name, CE marking under MDR,
  the patient's need, the products tried or considered and why), composed into the stored text. Separate
  fields because "the text covers X" cannot be checked in free text, while an empty field can, and the
  clerk sees at once which point is missing; the composed text keeps the one text box the aid centre reads.

A known infection (R32) marks the work order "protective clothing required". Statuses go forward
assigned → planned → started (R27); closing records the action taken or "Not warranty".
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import individuals
from app.errors import InvalidInput, NotFound, Phrase, RuleViolation
from app.i18n import QT_TRANSLATE_NOOP
from app.identity import age_on
from app.individual_record import renumber_individual
from app.numbers import NumberAllocator
from app.organisation import WorkContext
from app.patient_rules import ADULT_AGE, patient_report
from app.patients import patient_label
from app.stock import Document
from app.typed_input import document_number, is_digits
from db.models import (
    Activity,
    ActivityIndividual,
    Article,
    Individual,
    OrderLine,
    Patient,
    ServiceLocation,
    Supplier,
    User,
    UserRole,
    UserServiceLocation,
)
from db.models.enums import ActivityKind, ActivityStatus, ArticleType, DocumentKind, IndividualStatus, Role

log = logging.getLogger(__name__)

Translate = Callable[[str], str]

#: The kinds in the order the wizard offers them.
KINDS = (
    ActivityKind.WARRANTY_REPAIR,
    ActivityKind.INSTALLATION,
    ActivityKind.INSTALLATION_WARRANTY,
    ActivityKind.DISMANTLING,
    ActivityKind.INSTALLED_REPAIR,
    ActivityKind.OUTSIDE_ASSORTMENT,
)
#: R24: hearing-technical services, one aid each (002: "Endast en aktivitet per installation").
INSTALLATION_KINDS = frozenset(
    {ActivityKind.INSTALLATION, ActivityKind.INSTALLATION_WARRANTY, ActivityKind.DISMANTLING}
)
#: R24 dismantling, R25 repair of installed aids: "Gäller endast barn!"
CHILDREN_ONLY = frozenset({ActivityKind.DISMANTLING, ActivityKind.INSTALLED_REPAIR})
#: Kinds that concern aids the patient holds and need a service product (R23–R25); R26 has neither.
WITH_AIDS = frozenset(KINDS) - {ActivityKind.OUTSIDE_ASSORTMENT}
#: A fault to describe for the supplier's sheet (R23) and for a repair of an installed aid (R25).
WITH_FAULT = frozenset({ActivityKind.WARRANTY_REPAIR, ActivityKind.INSTALLED_REPAIR})
#: Closing may say "Not warranty" (002: "Ej garanti").
WARRANTY_KINDS = frozenset({ActivityKind.WARRANTY_REPAIR, ActivityKind.INSTALLATION_WARRANTY})
#: The device is with the supplier while the activity is open (R23); renumbered when replaced (R37).
SENT_AWAY = frozenset({ActivityKind.WARRANTY_REPAIR})

#: R27, in order; closing (``close_activity``) is the last step.
STATUS_ORDER = (
    ActivityStatus.ASSIGNED,
    ActivityStatus.PLANNED,
    ActivityStatus.STARTED,
    ActivityStatus.CLOSED,
)

#: What the wizard shows when a kind is chosen (002: "infotext … hur aktivitetstypen ska användas").
KIND_INFO: dict[ActivityKind, str] = {
    ActivityKind.WARRANTY_REPAIR: QT_TRANSLATE_NOOP(
        "app",
        "For an aid that is sent to the supplier for a warranty repair, only when you judge it to be a "
        "warranty matter. A repair outside the warranty is ordered as a service purchase instead.",
    ),
    ActivityKind.INSTALLATION: QT_TRANSLATE_NOOP(
        "app",
        "When the patient needs help with the installation of a hearing-technical aid. The aid must have "
        "been delivered to the patient first. One activity per installation: choose one aid and write in the "
        "wanted action if there are more to install.",
    ),
    ActivityKind.INSTALLATION_WARRANTY: QT_TRANSLATE_NOOP(
        "app",
        "Warranty on an installation already made. The aid must have been delivered to the patient; one "
        "activity per installation.",
    ),
    ActivityKind.DISMANTLING: QT_TRANSLATE_NOOP(
        "app",
        "Dismantling of installed hearing-technical aids: for children only. The aid must have been delivered "
        "to the patient; one activity per installation.",
    ),
    ActivityKind.INSTALLED_REPAIR: QT_TRANSLATE_NOOP(
        "app",
        "Repair of a permanently installed hearing-technical aid: for children only. In the first place the "
        "patient, or a relative, takes the aid down and brings it back to the clinic. The aid must have been "
        "delivered to the patient.",
    ),
    ActivityKind.OUTSIDE_ASSORTMENT: QT_TRANSLATE_NOOP(
        "app",
        "An application for an individual prescription outside the assortment, when the assortment cannot "
        "meet the patient's need. No article is chosen and no address is needed; the application names the "
        "supplier, the product, its CE marking under MDR, the need and what was tried or considered.",
    ),
}

#: The headings of an outside-assortment application's text (R26), in the application's order.
APPLICATION_HEADINGS = (
    QT_TRANSLATE_NOOP("app", "Supplier"),
    QT_TRANSLATE_NOOP("app", "Supplier's article number"),
    QT_TRANSLATE_NOOP("app", "Product name"),
    QT_TRANSLATE_NOOP("app", "CE-marked under MDR"),
    QT_TRANSLATE_NOOP("app", "The patient's need"),
    QT_TRANSLATE_NOOP("app", "Products or measures tried or considered, and why"),
)
YES = QT_TRANSLATE_NOOP("app", "Yes")
NO = QT_TRANSLATE_NOOP("app", "No")

#: Kind names inside the app's sentences (the UI's labels have their own context).
KIND_NAMES: dict[ActivityKind, str] = {
    ActivityKind.WARRANTY_REPAIR: QT_TRANSLATE_NOOP("app", "Warranty repair"),
    ActivityKind.INSTALLATION: QT_TRANSLATE_NOOP("app", "Installation"),
    ActivityKind.INSTALLATION_WARRANTY: QT_TRANSLATE_NOOP("app", "Warranty on installation"),
    ActivityKind.DISMANTLING: QT_TRANSLATE_NOOP("app", "Dismantling"),
    ActivityKind.INSTALLED_REPAIR: QT_TRANSLATE_NOOP("app", "Repair of installed aid"),
    ActivityKind.OUTSIDE_ASSORTMENT: QT_TRANSLATE_NOOP("app", "Outside-assortment application"),
}

#: Status names inside the app's sentences.
STATUS_NAMES: dict[ActivityStatus, str] = {
    ActivityStatus.ASSIGNED: QT_TRANSLATE_NOOP("app", "assigned"),
    ActivityStatus.PLANNED: QT_TRANSLATE_NOOP("app", "planned"),
    ActivityStatus.STARTED: QT_TRANSLATE_NOOP("app", "started"),
    ActivityStatus.CLOSED: QT_TRANSLATE_NOOP("app", "closed"),
}

#: Longest texts the clerk may type (a sheet stays readable; the columns are Text).
MAX_TEXT = 4000
SEARCH_LIMIT = 1000


def _untranslated(text: str) -> str:
    return text


# ---------------------------------------------------------------------------------------------- values


@dataclass(frozen=True)
class ActivityAid:
    """One aid of the patient the wizard lists (individually marked devices the patient holds)."""

    individual_id: uuid.UUID
    individual_number: str
    serial_number: str
    article_number: str
    article_name: str
    supplier_name: str
    status: IndividualStatus
    delivered_on: dt.date | None
    #: Delivered to the patient by today (a delivery from the central warehouse counts from its day).
    delivered: bool
    #: The open activities (number, kind) the aid is on.
    open_activities: tuple[tuple[str, ActivityKind], ...]


@dataclass(frozen=True)
class ServiceProduct:
    id: uuid.UUID
    article_number: str
    name: str
    supplier_name: str


@dataclass(frozen=True)
class Address:
    street: str = ""
    postal_code: str = ""
    city: str = ""

    def is_complete(self) -> bool:
        return all(part.strip() for part in (self.street, self.postal_code, self.city))

    def lines(self) -> list[str]:
        return [line for line in (self.street, f"{self.postal_code} {self.city}".strip()) if line]


@dataclass(frozen=True)
class UnitChoice:
    """A service location the user works for, with the address the activity defaults to."""

    id: uuid.UUID
    code: str
    name: str
    address: Address


@dataclass(frozen=True)
class ActivityStart:
    """What the "New activity" wizard loads first."""

    patient_id: uuid.UUID
    patient_label: str  # as lists name a patient (R5)
    age: int
    phone: str
    #: Why the patient gets no new activity (a translatable template and its parameters), or "".
    refusal: str
    refusal_params: dict[str, str]
    units: tuple[UnitChoice, ...]
    default_unit_id: uuid.UUID
    #: The patient's registered address; None for a protected identity (R5: everything via the unit).
    patient_address: Address | None
    aids: tuple[ActivityAid, ...]
    services: tuple[ServiceProduct, ...]


@dataclass(frozen=True)
class OutsideAssortment:
    """The points an outside-assortment application must cover (R26), each its own field."""

    supplier: str = ""
    supplier_article_number: str = ""
    article_name: str = ""
    ce_marked_mdr: bool | None = None  # not answered yet
    need: str = ""
    tried: str = ""


@dataclass(frozen=True)
class ActivityRequest:
    kind: ActivityKind
    patient_id: uuid.UUID
    service_location_id: uuid.UUID
    service_article_id: uuid.UUID | None = None
    individual_ids: tuple[uuid.UUID, ...] = ()
    wanted_action: str = ""
    fault_description: str = ""
    address: Address = Address()
    #: R32: the patient has a known infection; the work order says protective clothing is required.
    infection_known: bool = False
    application: OutsideAssortment | None = None


@dataclass(frozen=True)
class ActivityCreated:
    id: uuid.UUID
    number: str


@dataclass(frozen=True)
class ActivityQuery:
    number: str = ""  # a full 8-digit activity number; when given, the other filters are ignored
    service_location_id: uuid.UUID | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    limit: int = SEARCH_LIMIT


@dataclass(frozen=True)
class ActivityHit:
    id: uuid.UUID
    number: str
    created_on: dt.date
    kind: ActivityKind
    status: ActivityStatus
    patient_label: str  # a protected identity by its fictive name only (R5)
    service_location_code: str
    orderer_name: str
    individual_numbers: str  # the aids' current numbers, comma separated


@dataclass(frozen=True)
class ActivityAidRow:
    individual_id: uuid.UUID
    individual_number: str
    #: The number the device had before the supplier's replacement was renumbered from here (R37), or "".
    replaced_individual_number: str
    serial_number: str
    article_number: str
    article_name: str
    status: IndividualStatus


@dataclass(frozen=True)
class ActivityDetail:
    id: uuid.UUID
    number: str
    kind: ActivityKind
    status: ActivityStatus
    created_on: dt.date
    closed_on: dt.date | None
    patient_id: uuid.UUID
    patient_label: str
    service_location_id: uuid.UUID
    service_location_name: str
    orderer_name: str
    service_product: str  # "article number name", "" when none (R26)
    supplier_name: str
    wanted_action: str
    fault_description: str
    address: Address
    action_taken: str
    not_warranty: bool
    protective_clothing_required: bool
    aids: tuple[ActivityAidRow, ...]
    #: The statuses it may be set to now (R27), closing not among them.
    next_statuses: tuple[ActivityStatus, ...]
    may_close: bool
    may_say_not_warranty: bool
    #: A device of the activity may get the number of the supplier's replacement (R37).
    may_renumber: bool


# ---------------------------------------------------------------------------------------------- lookups


def _patient(session: Session, patient_id: uuid.UUID) -> Patient:
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The patient was not found; search again."))
    return patient


def _activity(session: Session, activity_id: uuid.UUID) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The activity was not found; search for it again."))
    return activity


def _units(session: Session, user_id: uuid.UUID) -> list[UnitChoice]:
    rows = session.scalars(
        select(ServiceLocation)
        .join(UserServiceLocation, UserServiceLocation.service_location_id == ServiceLocation.id)
        .where(UserServiceLocation.user_id == user_id, ServiceLocation.active.is_(True))
        .order_by(ServiceLocation.name)
    )
    return [
        UnitChoice(row.id, row.code, row.name, Address(row.street, row.postal_code, row.city)) for row in rows
    ]


def _open_activities(
    session: Session, individual_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[tuple[str, ActivityKind]]]:
    """The open activities (number, kind) of each device, oldest first."""
    found: dict[uuid.UUID, list[tuple[str, ActivityKind]]] = {}
    ids = list(individual_ids)
    if not ids:
        return found
    for individual_id, number, kind in session.execute(
        select(ActivityIndividual.individual_id, Activity.number, Activity.kind)
        .join(Activity, Activity.id == ActivityIndividual.activity_id)
        .where(ActivityIndividual.individual_id.in_(ids), Activity.status != ActivityStatus.CLOSED)
        .order_by(Activity.created_at)
    ):
        found.setdefault(individual_id, []).append((number, kind))
    return found


def patient_aids(session: Session, patient_id: uuid.UUID, today: dt.date) -> list[ActivityAid]:
    """The individually marked aids the patient holds or is about to hold, as the wizard lists them."""
    rows = list(
        session.execute(
            select(Individual, Article, Supplier.name, OrderLine.delivered_on)
            .join(Article, Article.id == Individual.article_id)
            .outerjoin(Supplier, Supplier.id == Article.supplier_id)
            .outerjoin(OrderLine, OrderLine.id == Individual.order_line_id)
            .where(
                Individual.patient_id == patient_id,
                Individual.status.in_(
                    (IndividualStatus.DELIVERED, IndividualStatus.IN_REPAIR, IndividualStatus.IN_TRANSIT)
                ),
            )
            .order_by(OrderLine.delivered_on.desc(), Individual.individual_number)
        )
    )
    open_by_aid = _open_activities(session, (individual.id for individual, *_rest in rows))
    return [
        ActivityAid(
            individual_id=individual.id,
            individual_number=individual.individual_number,
            serial_number=individual.serial_number,
            article_number=article.article_number,
            article_name=article.name,
            supplier_name=supplier_name or "",
            status=individual.status,
            delivered_on=delivered_on or individual.purchase_date,
            delivered=individual.status is IndividualStatus.DELIVERED
            and (delivered_on is None or delivered_on <= today),
            open_activities=tuple(open_by_aid.get(individual.id, [])),
        )
        for individual, article, supplier_name, delivered_on in rows
    ]


def service_products(session: Session) -> list[ServiceProduct]:
    """The service articles an activity can be made on (R23–R25: "välj tjänsteprodukt")."""
    return [
        ServiceProduct(article.id, article.article_number, article.name, supplier or "")
        for article, supplier in session.execute(
            select(Article, Supplier.name)
            .outerjoin(Supplier, Supplier.id == Article.supplier_id)
            .where(Article.article_type == ArticleType.SERVICE)
            .order_by(Article.name)
        )
    ]


def activity_start(
    session: Session, context: WorkContext, *, patient_id: uuid.UUID, today: dt.date
) -> ActivityStart:
    """What the wizard needs: the patient, the units the user works for, the aids and service products."""
    patient = _patient(session, patient_id)
    report = patient_report(
        session,
        patient,
        user_id=context.user_id,
        service_location_id=context.service_location_id,
        today=today,
    )
    refusal = report.order_refusal
    units = _units(session, context.user_id)
    default = next(
        (u.id for u in units if u.id == context.service_location_id), units[0].id if units else None
    )
    if default is None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "You work for no service location; contact the aid centre.")
        )
    return ActivityStart(
        patient_id=patient.id,
        patient_label=patient_label(patient),
        age=age_on(patient.birth_date, today),
        phone=patient.phone,
        refusal=refusal.template if refusal else "",
        refusal_params=dict(refusal.params) if refusal else {},
        units=tuple(units),
        default_unit_id=default,
        patient_address=None
        if patient.protected_identity
        else Address(patient.street, patient.postal_code, patient.city),
        aids=tuple(patient_aids(session, patient.id, today)),
        services=tuple(service_products(session)),
    )


# ---------------------------------------------------------------------------------------------- checks


def check_kind(start: ActivityStart, *, kind: ActivityKind, service_location_id: uuid.UUID) -> None:
    """The wizard's first page (and the save): may this patient get an activity of *kind*, made for this unit?"""
    if start.refusal:  # R4 inactive, R9 deceased and the other stops of the patient rules
        raise RuleViolation(start.refusal, **start.refusal_params)
    if not start.phone.strip():  # R23: "ska alltid vara angivet och uppdaterat"
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "The patient's phone number is missing: ask the patient and add it on the record before "
                "making an activity.",
            )
        )
    if kind in CHILDREN_ONLY and start.age >= ADULT_AGE:  # R24 dismantling, R25: "Gäller endast barn!"
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "{kind} is for children only, and the patient is {age}; contact the aid centre.",
            ),
            kind=Phrase(KIND_NAMES[kind]),
            age=str(start.age),
        )
    if all(unit.id != service_location_id for unit in start.units):
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "You do not work for the chosen service location; choose one of yours.")
        )


def check_aids(
    start: ActivityStart,
    *,
    kind: ActivityKind,
    service_article_id: uuid.UUID | None,
    individual_ids: Sequence[uuid.UUID],
) -> None:
    """The wizard's second page: the service product and the aids the activity concerns."""
    if kind is ActivityKind.OUTSIDE_ASSORTMENT:
        if service_article_id is not None or individual_ids:  # R26: "Du ska inte välja någon artikel"
            raise RuleViolation(
                QT_TRANSLATE_NOOP(
                    "app",
                    "An outside-assortment application names no article and no aid: the product is "
                    "described in the application.",
                )
            )
        return
    if service_article_id is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "Choose the service product."))
    if all(service.id != service_article_id for service in start.services):
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "Choose a service product from the list."))
    chosen = list(dict.fromkeys(individual_ids))
    if not chosen:
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "Tick the aid the activity concerns."))
    if kind in INSTALLATION_KINDS and len(chosen) > 1:  # R24: "väljer du endast ett"
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "One activity per installation: tick one aid only, and write in the wanted action if there "
                "are more to install.",
            )
        )
    aids = {aid.individual_id: aid for aid in start.aids}
    for individual_id in chosen:
        aid = aids.get(individual_id)
        if aid is None:
            raise RuleViolation(
                QT_TRANSLATE_NOOP(
                    "app",
                    "One of the chosen aids is not held by this patient; open the record again and choose.",
                )
            )
        if aid.status is IndividualStatus.DELIVERED and not aid.delivered:
            raise RuleViolation(
                QT_TRANSLATE_NOOP(
                    "app",
                    "Individual {number} counts as delivered to the patient from {date}; the activity can be "
                    "made from that day.",
                ),
                number=aid.individual_number,
                date=aid.delivered_on.isoformat() if aid.delivered_on else "",
            )
        if not aid.delivered:  # R24, R25: "levererat till patienten innan"; R23: the aid is with the patient
            raise RuleViolation(
                QT_TRANSLATE_NOOP(
                    "app",
                    "Individual {number} is not with the patient now (status: {status}); an activity can be "
                    "made for a delivered aid.",
                ),
                number=aid.individual_number,
                status=Phrase(individuals.STATUS_NAMES[aid.status]),
            )
        if kind in INSTALLATION_KINDS or kind in SENT_AWAY:
            same = [number for number, open_kind in aid.open_activities if open_kind is kind]
            if same:  # R24: "Endast en aktivitet per installation ska registreras"; a repair once at a time
                raise RuleViolation(
                    QT_TRANSLATE_NOOP(
                        "app",
                        "Individual {number} already has the open activity {activity} of the same kind; one "
                        "activity per installation or repair.",
                    ),
                    number=aid.individual_number,
                    activity=same[0],
                )


def check_description(
    kind: ActivityKind,
    *,
    wanted_action: str,
    fault_description: str,
    application: OutsideAssortment | None,
) -> None:
    """The wizard's third page: what is wanted (R23), the fault (R23, R25), or the application (R26)."""
    for value in (wanted_action, fault_description):
        if len(value) > MAX_TEXT:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("app", "A text may be at most {most} characters long."), most=str(MAX_TEXT)
            )
    if kind is ActivityKind.OUTSIDE_ASSORTMENT:
        _check_application(application)
        return
    if not wanted_action.strip():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "Describe the wanted action: what the supplier or technician is to do.")
        )
    if kind in WITH_FAULT and not fault_description.strip():
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "Describe the fault for the supplier."))


#: R26: each point of the application and the sentence when it is missing.
_APPLICATION_MISSING = (
    ("supplier", QT_TRANSLATE_NOOP("app", "The application must name the supplier.")),
    (
        "supplier_article_number",
        QT_TRANSLATE_NOOP("app", "The application must give the supplier's article number."),
    ),
    ("article_name", QT_TRANSLATE_NOOP("app", "The application must give the product's name.")),
    (
        "ce_marked_mdr",
        QT_TRANSLATE_NOOP("app", "The application must say whether the product is CE-marked under MDR."),
    ),
    (
        "need",
        QT_TRANSLATE_NOOP(
            "app", "The application must describe the patient's need that the assortment cannot meet."
        ),
    ),
    (
        "tried",
        QT_TRANSLATE_NOOP(
            "app",
            "The application must describe the products or measures tried or considered, and why; if none, "
            "why not and how the need was established.",
        ),
    ),
)


def _check_application(application: OutsideAssortment | None) -> None:
    application = application or OutsideAssortment()
    for field, sentence in _APPLICATION_MISSING:
        value = getattr(application, field)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise InvalidInput(sentence)
        if isinstance(value, str) and len(value) > MAX_TEXT:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("app", "A text may be at most {most} characters long."), most=str(MAX_TEXT)
            )


def application_text(application: OutsideAssortment, translate: Translate = _untranslated) -> str:
    """The application's points as the one text the aid centre reads, a heading per point (R26)."""
    answer = YES if application.ce_marked_mdr else NO
    values = (
        application.supplier,
        application.supplier_article_number,
        application.article_name,
        translate(answer),
        application.need,
        application.tried,
    )
    return "\n".join(
        f"{translate(heading)}: {value.strip()}"
        for heading, value in zip(APPLICATION_HEADINGS, values, strict=True)
    )


def check_address(kind: ActivityKind, address: Address) -> None:
    """The wizard's last page: the address (not for an application, 002: "Adress behöver inte anges")."""
    if kind is ActivityKind.OUTSIDE_ASSORTMENT:
        return
    if not address.is_complete():
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "Give the whole address: street, postal code and city."))


# ---------------------------------------------------------------------------------------------- create


def create_activity(
    session: Session,
    context: WorkContext,
    *,
    request: ActivityRequest,
    allocator: NumberAllocator,
    today: dt.date,
    translate: Translate = _untranslated,
) -> ActivityCreated:
    """Check *request* with every check of its kind, number it (R15) and save it with its aids in one unit
    of work; a warranty repair's aids go to "in repair" (R23). *translate* translates the headings of an
    outside-assortment application's text (the clerk's language)."""
    kind = ActivityKind(request.kind)
    start = activity_start(session, context, patient_id=request.patient_id, today=today)
    check_kind(start, kind=kind, service_location_id=request.service_location_id)
    check_aids(
        start,
        kind=kind,
        service_article_id=request.service_article_id,
        individual_ids=request.individual_ids,
    )
    check_description(
        kind,
        wanted_action=request.wanted_action,
        fault_description=request.fault_description,
        application=request.application,
    )
    check_address(kind, request.address)
    service = session.get(Article, request.service_article_id) if request.service_article_id else None
    if kind is ActivityKind.OUTSIDE_ASSORTMENT:
        assert request.application is not None
        wanted = application_text(request.application, translate)
        address = Address()
    else:
        wanted = request.wanted_action.strip()
        address = Address(
            request.address.street.strip(), request.address.postal_code.strip(), request.address.city.strip()
        )
    activity = Activity(
        number=allocator.allocate(session, today),
        kind=kind,
        status=ActivityStatus.ASSIGNED,
        patient_id=request.patient_id,
        service_location_id=request.service_location_id,
        orderer_id=context.user_id,
        service_article_id=service.id if service else None,
        supplier_id=service.supplier_id if service else None,
        wanted_action=wanted,
        fault_description=request.fault_description.strip()
        if kind is not ActivityKind.OUTSIDE_ASSORTMENT
        else "",
        return_street=address.street,
        return_postal_code=address.postal_code,
        return_city=address.city,
        protective_clothing_required=request.infection_known,
    )
    session.add(activity)
    session.flush()
    document = Document(DocumentKind.ACTIVITY, activity.id)
    for individual_id in dict.fromkeys(request.individual_ids):
        session.add(ActivityIndividual(activity_id=activity.id, individual_id=individual_id))
        if kind in SENT_AWAY:  # R23: the device is with the supplier until the activity is closed
            device = session.get(Individual, individual_id)
            assert device is not None
            individuals.change_status(
                session, device, IndividualStatus.IN_REPAIR, user_id=context.user_id, document=document
            )
    session.flush()
    log.info("activity created: activity_id=%s number=%s kind=%s", activity.id, activity.number, kind.value)
    return ActivityCreated(activity.id, activity.number)


# ---------------------------------------------------------------------------------------------- status


def _check_may_change(session: Session, context: WorkContext, activity: Activity) -> None:
    """The activity's own service location changes it, or the aid centre."""
    if activity.service_location_id == context.service_location_id:
        return
    aid_centre = session.scalars(
        select(UserRole.id).where(UserRole.user_id == context.user_id, UserRole.role == Role.AID_CENTRE)
    ).first()
    if aid_centre is None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "Activity {number} belongs to another service location; only that unit or the aid centre can "
                "change it.",
            ),
            number=activity.number,
        )


def _check_open(activity: Activity) -> None:
    if activity.status is ActivityStatus.CLOSED:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "Activity {number} is closed and can no longer be changed."),
            number=activity.number,
        )


def next_statuses(status: ActivityStatus) -> tuple[ActivityStatus, ...]:
    """The statuses an activity in *status* may be set to (R27): any later one before closing."""
    if status is ActivityStatus.CLOSED:
        return ()
    position = STATUS_ORDER.index(status)
    return tuple(s for s in STATUS_ORDER[position + 1 :] if s is not ActivityStatus.CLOSED)


def set_activity_status(
    session: Session, context: WorkContext, *, activity_id: uuid.UUID, status: ActivityStatus
) -> ActivityDetail:
    """Move the activity on: assigned → planned → started (R27). Closing is ``close_activity``."""
    activity = _activity(session, activity_id)
    _check_may_change(session, context, activity)
    _check_open(activity)
    status = ActivityStatus(status)
    if status is ActivityStatus.CLOSED:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "Close the activity with the action taken, or as not warranty.")
        )
    if status not in next_statuses(activity.status):
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app", "Activity {number} is already {status}; an activity's status only moves forward."
            ),
            number=activity.number,
            status=Phrase(STATUS_NAMES[activity.status]),
        )
    activity.status = status
    session.flush()
    log.info("activity status: activity_id=%s status=%s", activity.id, status.value)
    return read_activity(session, activity.id)


def close_activity(
    session: Session,
    context: WorkContext,
    *,
    activity_id: uuid.UUID,
    action_taken: str,
    not_warranty: bool = False,
    now: dt.datetime | None = None,
) -> ActivityDetail:
    """Close the activity with the action taken, or (a warranty kind) as "Not warranty" (R23, R27); the
    devices a warranty repair sent away are back with the patient."""
    activity = _activity(session, activity_id)
    _check_may_change(session, context, activity)
    _check_open(activity)
    action = action_taken.strip()
    if len(action) > MAX_TEXT:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "A text may be at most {most} characters long."), most=str(MAX_TEXT)
        )
    if not_warranty and activity.kind not in WARRANTY_KINDS:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "Only a warranty activity can be closed as not warranty.")
        )
    if not not_warranty and not action:  # 002: "skriv in de åtgärder som leverantör gjort"
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "app", "Write the action taken, or close it as not warranty if the warranty did not apply."
            )
        )
    activity.status = ActivityStatus.CLOSED
    activity.action_taken = action
    activity.not_warranty = not_warranty
    activity.closed_at = (now or dt.datetime.now(dt.UTC)).replace(tzinfo=None)
    if activity.kind in SENT_AWAY:
        document = Document(DocumentKind.ACTIVITY, activity.id)
        for device in session.scalars(
            select(Individual)
            .join(ActivityIndividual, ActivityIndividual.individual_id == Individual.id)
            .where(ActivityIndividual.activity_id == activity.id)
        ):
            if device.status is IndividualStatus.IN_REPAIR:  # back to the patient who held it
                individuals.change_status(
                    session, device, IndividualStatus.DELIVERED, user_id=context.user_id, document=document
                )
    session.flush()
    log.info("activity closed: activity_id=%s not_warranty=%s", activity.id, not_warranty)
    return read_activity(session, activity.id)


def renumber_from_activity(
    session: Session,
    context: WorkContext,
    *,
    activity_id: uuid.UUID,
    individual_id: uuid.UUID,
    new_number: str,
    confirmed: bool,
) -> ActivityDetail:
    """The supplier sent a new device with a new individual number (R23): the device of the activity gets
    it, only with the clerk's confirmation (R37, ``renumber_individual``); the activity keeps the number the
    device had."""
    activity = _activity(session, activity_id)
    _check_may_change(session, context, activity)
    if activity.kind not in SENT_AWAY:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app", "Only a warranty repair can give a device the number of the supplier's replacement."
            )
        )
    link = session.scalars(
        select(ActivityIndividual).where(
            ActivityIndividual.activity_id == activity.id, ActivityIndividual.individual_id == individual_id
        )
    ).first()
    if link is None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "The chosen individual is not one of this activity's aids.")
        )
    if link.replaced_individual_number:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "This aid already got a new number from this activity (it was {number}); change it in the "
                "Individual tab if need be.",
            ),
            number=link.replaced_individual_number,
        )
    device = session.get(Individual, individual_id)
    if device is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The individual was not found; search again."))
    old = device.individual_number
    renumber_individual(
        session,
        individual_id=individual_id,
        new_number=new_number,
        confirmed=confirmed,
        user_id=context.user_id,
    )
    link.replaced_individual_number = old
    session.flush()
    log.info("activity device renumbered: activity_id=%s individual_id=%s", activity.id, individual_id)
    return read_activity(session, activity.id)


# ---------------------------------------------------------------------------------------------- read


def read_activity(session: Session, activity_id: uuid.UUID) -> ActivityDetail:
    session.flush()
    activity = _activity(session, activity_id)
    patient = session.get(Patient, activity.patient_id)
    location = session.get(ServiceLocation, activity.service_location_id)
    orderer = session.get(User, activity.orderer_id)
    service = session.get(Article, activity.service_article_id) if activity.service_article_id else None
    supplier = session.get(Supplier, activity.supplier_id) if activity.supplier_id else None
    aids = tuple(
        ActivityAidRow(
            individual_id=device.id,
            individual_number=device.individual_number,
            replaced_individual_number=link.replaced_individual_number,
            serial_number=device.serial_number,
            article_number=article.article_number,
            article_name=article.name,
            status=device.status,
        )
        for link, device, article in session.execute(
            select(ActivityIndividual, Individual, Article)
            .join(Individual, Individual.id == ActivityIndividual.individual_id)
            .join(Article, Article.id == Individual.article_id)
            .where(ActivityIndividual.activity_id == activity.id)
            .order_by(Individual.individual_number)
        )
    )
    is_open = activity.status is not ActivityStatus.CLOSED
    return ActivityDetail(
        id=activity.id,
        number=activity.number,
        kind=activity.kind,
        status=activity.status,
        created_on=activity.created_at.date(),
        closed_on=activity.closed_at.date() if activity.closed_at else None,
        patient_id=activity.patient_id,
        patient_label=patient_label(patient),
        service_location_id=activity.service_location_id,
        service_location_name=location.name if location else "",
        orderer_name=orderer.full_name if orderer else "",
        service_product=f"{service.article_number} {service.name}" if service else "",
        supplier_name=supplier.name if supplier else "",
        wanted_action=activity.wanted_action,
        fault_description=activity.fault_description,
        address=Address(activity.return_street, activity.return_postal_code, activity.return_city),
        action_taken=activity.action_taken,
        not_warranty=activity.not_warranty,
        protective_clothing_required=activity.protective_clothing_required,
        aids=aids,
        next_statuses=next_statuses(activity.status),
        may_close=is_open,
        may_say_not_warranty=is_open and activity.kind in WARRANTY_KINDS,
        may_renumber=activity.kind in SENT_AWAY and any(not aid.replaced_individual_number for aid in aids),
    )


# ---------------------------------------------------------------------------------------------- search


def search_activities(session: Session, query: ActivityQuery) -> list[ActivityHit]:
    """Newest first (R27): by the full number, or by service location and period."""
    statement = (
        select(Activity, Patient, ServiceLocation.code, User.full_name)
        .join(Patient, Patient.id == Activity.patient_id)
        .join(ServiceLocation, ServiceLocation.id == Activity.service_location_id)
        .join(User, User.id == Activity.orderer_id)
    )
    number = document_number(query.number)
    if number:
        if not (len(number) == 8 and is_digits(number)):
            raise InvalidInput(
                QT_TRANSLATE_NOOP("app", "{text} is not an activity number: give all 8 digits."),
                text=query.number.strip(),
            )
        statement = statement.where(Activity.number == number)
    else:
        if query.service_location_id is not None:
            statement = statement.where(Activity.service_location_id == query.service_location_id)
        if query.date_from is not None:
            statement = statement.where(
                Activity.created_at >= dt.datetime.combine(query.date_from, dt.time())
            )
        if query.date_to is not None:
            end = dt.datetime.combine(query.date_to + dt.timedelta(days=1), dt.time())
            statement = statement.where(Activity.created_at < end)
    rows = list(session.execute(statement.order_by(Activity.created_at.desc()).limit(query.limit)))
    numbers: dict[uuid.UUID, list[str]] = {}
    ids = [activity.id for activity, *_rest in rows]
    if ids:
        for activity_id, individual_number in session.execute(
            select(ActivityIndividual.activity_id, Individual.individual_number)
            .join(Individual, Individual.id == ActivityIndividual.individual_id)
            .where(ActivityIndividual.activity_id.in_(ids))
            .order_by(Individual.individual_number)
        ):
            numbers.setdefault(activity_id, []).append(individual_number)
    return [
        ActivityHit(
            id=activity.id,
            number=activity.number,
            created_on=activity.created_at.date(),
            kind=activity.kind,
            status=activity.status,
            patient_label=patient_label(patient),
            service_location_code=code,
            orderer_name=orderer_name,
            individual_numbers=", ".join(numbers.get(activity.id, [])),
        )
        for activity, patient, code, orderer_name in rows
    ]
