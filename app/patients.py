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
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from app.changes import Changes
from app.errors import InvalidInput, NotFound
from app.i18n import QT_TRANSLATE_NOOP
from app.identity import IdentityNumber, age_on, parse_identity
from app.typed_input import normalise_digits
from db.models import (
    Activity,
    Article,
    ForeignCertificate,
    Individual,
    Order,
    OrderLine,
    Patient,
    PatientAccessLog,
    PaymentCommitment,
    PickupOrder,
    PickupOrderLine,
    StockReturn,
    StockReturnLine,
    User,
)
from db.models.enums import (
    ArticleType,
    IdentityKind,
    IndividualStatus,
    LineStatus,
    OrderStatus,
    PickupStatus,
    Residency,
)

log = logging.getLogger(__name__)

SEARCH_LIMIT = 50
ADULT_AGE = 18
FORWARDING_ADDRESS = ("Förmedlingsärende Skatteverket, Box 2820", "403 20", "Göteborg")
_PHONE_ALLOWED = re.compile(r"^\+?[\d\s\-()]+$")


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
    name = f"{patient.last_name}, {patient.first_name}"
    if patient.protected_identity:
        return name
    return f"{name} ({format_identity(patient.identity_number)})"


def format_identity(number: str) -> str:
    return f"{number[:8]}-{number[8:]}"


# ---------------------------------------------------------------------------------------------- search


@dataclass(frozen=True)
class PatientHit:
    id: uuid.UUID
    identity_number: str  # formatted
    name: str
    birth_date: dt.date
    city: str  # empty for a protected identity
    protected_identity: bool
    deceased: bool
    active: bool


@dataclass(frozen=True)
class PatientSearch:
    hits: tuple[PatientHit, ...]
    more: bool  # more than the limit matched: refine the search
    exact: bool  # a complete identity number was typed


def _hit(row: Patient) -> PatientHit:
    return PatientHit(
        id=row.id,
        identity_number=format_identity(row.identity_number),
        name=f"{row.last_name}, {row.first_name}",
        birth_date=row.birth_date,
        city="" if row.protected_identity else row.city,
        protected_identity=row.protected_identity,
        deceased=row.deceased_on is not None,
        active=row.active,
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
            row = session.scalars(select(Patient).where(Patient.identity_number == identity.number)).first()
            return PatientSearch((_hit(row),) if row else (), False, True)
        stem = digits + tail
        prefixes = [stem] if len(digits) >= 8 and stem[:2] in ("19", "20") else [f"19{stem}", f"20{stem}"]
        condition = or_(*(_prefix_range(Patient.identity_number, p) for p in prefixes))
        rows = list(
            session.scalars(
                select(Patient).where(condition).order_by(Patient.identity_number).limit(limit + 1)
            )
        )
        return PatientSearch(tuple(_hit(r) for r in rows[:limit]), len(rows) > limit, False)

    words = name_key(text).replace(",", " ").split()
    if not words:
        return PatientSearch((), False, False)
    anchor = max(words, key=len)
    others = [w for w in words if w is not anchor]
    hits: list[Patient] = []
    seen: set[uuid.UUID] = set()
    # Two index range scans (last name, then first name) rather than one OR that defeats the index.
    for column in (Patient.last_name_key, Patient.first_name_key):
        query = select(Patient).where(_prefix_range(column, anchor))
        for word in others:
            query = query.where(
                or_(_prefix_range(Patient.first_name_key, word), _prefix_range(Patient.last_name_key, word))
            )
        order = (
            (Patient.last_name_key, Patient.first_name_key)
            if column is Patient.last_name_key
            else (Patient.first_name_key, Patient.last_name_key)
        )
        for row in session.scalars(query.order_by(*order).limit(limit + 1 - len(hits))):
            if row.id not in seen:
                seen.add(row.id)
                hits.append(row)
        if len(hits) > limit:
            break
    return PatientSearch(tuple(_hit(r) for r in hits[:limit]), len(hits) > limit, False)


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
class Notice:
    """Something the clerk must know or do, with the rule it comes from."""

    rule: str
    template: str
    params: dict[str, str] = field(default_factory=dict)
    severity: str = "info"  # "info" | "warning" | "stop"

    def sentence(self) -> str:
        return self.template.format(**self.params)


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

    @property
    def can_order(self) -> bool:
        return self.active and self.deceased_on is None


def _aids_held(session: Session, patient_id: uuid.UUID) -> list[AidHeld]:
    open_pickups = set(
        session.scalars(
            select(PickupOrderLine.individual_id)
            .join(PickupOrder, PickupOrder.id == PickupOrderLine.pickup_order_id)
            .where(PickupOrder.patient_id == patient_id, PickupOrder.status == PickupStatus.REGISTERED)
        )
    )
    rows: list[AidHeld] = []
    individuals = session.execute(
        select(Individual, Article, OrderLine.delivered_on, Order.number)
        .join(Article, Article.id == Individual.article_id)
        .outerjoin(OrderLine, OrderLine.id == Individual.order_line_id)
        .outerjoin(Order, Order.id == OrderLine.order_id)
        .where(
            Individual.patient_id == patient_id,
            Individual.status.in_(
                (IndividualStatus.DELIVERED, IndividualStatus.IN_TRANSIT, IndividualStatus.IN_REPAIR)
            ),
        )
    )
    for individual, article, delivered_on, order_number in individuals:
        rows.append(
            AidHeld(
                delivered_on=delivered_on or individual.purchase_date,
                article_number=article.article_number,
                article_name=article.name,
                quantity=1,
                individual_number=individual.individual_number,
                serial_number=individual.serial_number,
                order_number=order_number or "",
                pickup_registered=individual.id in open_pickups,
            )
        )
    # Articles that are not individually marked: delivered quantity less what was returned.
    returned: dict[uuid.UUID, int] = {}
    for line_id, quantity in session.execute(
        select(StockReturnLine.order_line_id, StockReturnLine.quantity)
        .join(StockReturn, StockReturn.id == StockReturnLine.stock_return_id)
        .where(StockReturn.patient_id == patient_id, StockReturnLine.order_line_id.is_not(None))
    ):
        if line_id is not None:
            returned[line_id] = returned.get(line_id, 0) + quantity
    lines = session.execute(
        select(OrderLine, Article, Order.number)
        .join(Order, Order.id == OrderLine.order_id)
        .join(Article, Article.id == OrderLine.article_id)
        .where(
            Order.patient_id == patient_id,
            OrderLine.status == LineStatus.DELIVERED,
            Article.individually_marked.is_(False),
            Article.article_type != ArticleType.SERVICE,
        )
    )
    for line, article, order_number in lines:
        held = line.quantity - returned.get(line.id, 0)
        if held > 0:
            rows.append(
                AidHeld(
                    line.delivered_on,
                    article.article_number,
                    article.name,
                    held,
                    "",
                    "",
                    order_number or "",
                    False,
                )
            )
    rows.sort(key=lambda r: r.delivered_on or dt.date.min, reverse=True)
    return rows


def _ordered(session: Session, patient_id: uuid.UUID) -> list[AidOrdered]:
    result = session.execute(
        select(OrderLine, Article, Order)
        .join(Order, Order.id == OrderLine.order_id)
        .join(Article, Article.id == OrderLine.article_id)
        .where(
            Order.patient_id == patient_id,
            Order.status.in_((OrderStatus.SENT, OrderStatus.PARTLY_DELIVERED)),
            OrderLine.status == LineStatus.OPEN,
        )
        .order_by(Order.created_at.desc(), OrderLine.line_number)
    )
    return [
        AidOrdered(
            order.number or "",
            article.article_number,
            article.name,
            line.quantity,
            line.planned_delivery_on,
            order.created_at.date(),
        )
        for line, article, order in result
    ]


def _returned(session: Session, patient_id: uuid.UUID) -> list[AidReturned]:
    rows: list[AidReturned] = []
    for line, ret, article, individual_number in session.execute(
        select(StockReturnLine, StockReturn, Article, Individual.individual_number)
        .join(StockReturn, StockReturn.id == StockReturnLine.stock_return_id)
        .join(Article, Article.id == StockReturnLine.article_id)
        .outerjoin(Individual, Individual.id == StockReturnLine.individual_id)
        .where(StockReturn.patient_id == patient_id)
    ):
        rows.append(
            AidReturned(
                ret.created_at.date(),
                article.article_number,
                article.name,
                line.quantity,
                individual_number or "",
                ret.number,
            )
        )
    for pickup_line, pickup, article, individual_number in session.execute(
        select(PickupOrderLine, PickupOrder, Article, Individual.individual_number)
        .join(PickupOrder, PickupOrder.id == PickupOrderLine.pickup_order_id)
        .join(Article, Article.id == PickupOrderLine.article_id)
        .outerjoin(Individual, Individual.id == PickupOrderLine.individual_id)
        .where(PickupOrder.patient_id == patient_id, PickupOrder.status == PickupStatus.CLOSED)
    ):
        closed = pickup.closed_at or pickup.created_at
        rows.append(
            AidReturned(
                closed.date(),
                article.article_number,
                article.name,
                pickup_line.quantity,
                individual_number or "",
                pickup.number,
            )
        )
    rows.sort(key=lambda r: r.returned_on, reverse=True)
    return rows


def _activities(session: Session, patient_id: uuid.UUID) -> list[ActivityRow]:
    return [
        ActivityRow(a.number, a.kind.value, a.status.value, a.created_at.date())
        for a in session.scalars(
            select(Activity).where(Activity.patient_id == patient_id).order_by(Activity.created_at.desc())
        )
    ]


def _access_log(session: Session, patient_id: uuid.UUID, limit: int = 20) -> list[AccessRow]:
    return [
        AccessRow(entry.opened_at, user_name, entry.description)
        for entry, user_name in session.execute(
            select(PatientAccessLog, User.full_name)
            .join(User, User.id == PatientAccessLog.user_id)
            .where(PatientAccessLog.patient_id == patient_id)
            .order_by(PatientAccessLog.opened_at.desc())
            .limit(limit)
        )
    ]


def _notices(session: Session, patient: Patient, age: int, aids_held: int, today: dt.date) -> list[Notice]:
    notices: list[Notice] = []
    if patient.deceased_on is not None:
        notices.append(
            Notice(
                "R9",
                QT_TRANSLATE_NOOP(
                    "app",
                    "Deceased on {date}. The {count} aid(s) under Aids held must be returned; no new orders.",
                ),
                {"date": patient.deceased_on.isoformat(), "count": str(aids_held)},
                "stop",
            )
        )
    if not patient.active:
        notices.append(
            Notice(
                "R4",
                QT_TRANSLATE_NOOP(
                    "app", "The patient is inactive: no new orders or activities. Contact the aid centre."
                ),
                {},
                "stop",
            )
        )
    if patient.protected_identity:
        notices.append(
            Notice(
                "R5",
                QT_TRANSLATE_NOOP(
                    "app",
                    "Protected identity: the name is fictive and the address is the tax agency's forwarding "
                    "address. Deliver everything to the prescribing unit.",
                ),
                {},
                "warning",
            )
        )
    if not patient.phone:
        notices.append(
            Notice(
                "R2",
                QT_TRANSLATE_NOOP("app", "The phone number is missing: ask the patient and add it."),
                {},
                "warning",
            )
        )
    if patient.replaced_by_id is not None:
        new = session.get(Patient, patient.replaced_by_id)
        notices.append(
            Notice(
                "R7",
                QT_TRANSLATE_NOOP(
                    "app", "This reserve number was replaced by {number}; the aids were moved there."
                ),
                {"number": format_identity(new.identity_number) if new else "?"},
                "stop",
            )
        )
    if patient.residency is Residency.OTHER_REGION:
        commitment = session.scalars(
            select(PaymentCommitment)
            .where(PaymentCommitment.patient_id == patient.id)
            .order_by(PaymentCommitment.received_on.desc())
        ).first()
        if commitment is None:
            notices.append(
                Notice(
                    "R6",
                    QT_TRANSLATE_NOOP(
                        "app",
                        "Registered in {region}: hearing aids need the home region's payment commitment, and "
                        "none is stored. Aids under 10 000 SEK without advanced fitting need none.",
                    ),
                    {"region": patient.home_region},
                    "warning",
                )
            )
        else:
            notices.append(
                Notice(
                    "R6",
                    QT_TRANSLATE_NOOP(
                        "app", "Registered in {region}: payment commitment {reference} received {date}."
                    ),
                    {
                        "region": patient.home_region,
                        "reference": commitment.reference,
                        "date": commitment.received_on.isoformat(),
                    },
                    "info",
                )
            )
    if patient.residency in (Residency.ASYLUM_SEEKER, Residency.UNDOCUMENTED):
        if age < ADULT_AGE:
            notices.append(
                Notice(
                    "R7",
                    QT_TRANSLATE_NOOP(
                        "app",
                        "Reserve number, under 18: the same rights to aids as residents. No patient fee up to "
                        "20 years.",
                    ),
                    {},
                    "info",
                )
            )
        else:
            notices.append(
                Notice(
                    "R7",
                    QT_TRANSLATE_NOOP(
                        "app",
                        "Reserve number, 18 or over: only needs that cannot wait; the prescriber decides and "
                        "records the reason.",
                    ),
                    {},
                    "warning",
                )
            )
        if patient.residency is Residency.ASYLUM_SEEKER:
            valid = patient.lma_card_valid_until
            if valid is None or valid < today:
                notices.append(
                    Notice(
                        "R7",
                        QT_TRANSLATE_NOOP(
                            "app", "No valid LMA card is recorded: check the patient's LMA card."
                        ),
                        {},
                        "warning",
                    )
                )
            else:
                notices.append(
                    Notice(
                        "R7",
                        QT_TRANSLATE_NOOP("app", "LMA card valid until {date}."),
                        {"date": valid.isoformat()},
                        "info",
                    )
                )
    if patient.residency is Residency.ABROAD:
        certificates = session.scalars(
            select(ForeignCertificate).where(ForeignCertificate.patient_id == patient.id)
        ).all()
        if certificates:
            notices.append(
                Notice(
                    "R8",
                    QT_TRANSLATE_NOOP("app", "From {country}: certificates on file: {kinds}."),
                    {"country": patient.country, "kinds": ", ".join(c.kind for c in certificates)},
                    "info",
                )
            )
        else:
            notices.append(
                Notice(
                    "R8",
                    QT_TRANSLATE_NOOP(
                        "app",
                        "From {country}: record the required certificates before any aid is handed out.",
                    ),
                    {"country": patient.country},
                    "warning",
                )
            )
    return notices


def access_description(patient: Patient) -> str:
    """The access log's text: never a protected patient's identity (R5)."""
    if patient.protected_identity:
        return "Record opened (protected identity)"
    return f"Record opened: {format_identity(patient.identity_number)}"


def read_patient_record(
    session: Session, patient_id: uuid.UUID, today: dt.date | None = None
) -> PatientRecord:
    """The record as shown, without logging (used after an edit, when the record is already open)."""
    today = today or dt.date.today()
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The patient was not found; search again."))
    age = age_on(patient.birth_date, today)
    aids_held = _aids_held(session, patient.id)
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
        age=age,
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
        notices=tuple(_notices(session, patient, age, len(aids_held), today)),
        aids_held=tuple(aids_held),
        ordered=tuple(_ordered(session, patient.id)),
        returned=tuple(_returned(session, patient.id)),
        activities=tuple(_activities(session, patient.id)),
        access_log=tuple(_access_log(session, patient.id)),
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
            description=access_description(patient),
        )
    )
    session.flush()
    log.info("patient record opened: patient_id=%s user_id=%s", patient.id, user_id)
    return read_patient_record(session, patient_id, today)


def find_by_identity(session: Session, identity: IdentityNumber) -> uuid.UUID | None:
    return session.scalars(select(Patient.id).where(Patient.identity_number == identity.number)).first()


# ---------------------------------------------------------------------------------------------- phone


def normalise_phone(text: str) -> str:
    """A phone number as stored: required (R2), digits with an optional leading +, 7–15 digits."""
    stripped = text.strip()
    if not stripped:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "The phone number is required (R2): type the patient's number.")
        )
    digits = re.sub(r"\D", "", stripped)
    if not _PHONE_ALLOWED.match(stripped) or not 7 <= len(digits) <= 15:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "{text} is not a phone number: use digits, e.g. 070-123 45 67."),
            text=stripped,
        )
    return stripped if stripped.startswith("+") else " ".join(stripped.split())


def update_phone(session: Session, *, patient_id: uuid.UUID, phone: str) -> Changes:
    """Edit the patient's phone number (the registered address is not editable at the desk, R2)."""
    value = normalise_phone(phone)
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The patient was not found; search again."))
    patient.phone = value
    log.info("patient phone updated: patient_id=%s", patient.id)
    return Changes(patients=True)
