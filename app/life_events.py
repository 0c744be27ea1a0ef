"""A device's and a patient's life events: lost or stolen (R41), change of recipient (R42), moving in and
moving out (R43).

- Lost or stolen (003 §7.6): the device is scrapped from the ledger (its status through
  ``app.individuals``, and a stock movement through ``app.stock`` when it lay in a warehouse), and the
  prescribing unit is charged its residual value and an administrative fee (a ``Fee`` of kind LOST_DEVICE
  with the unit as ``service_location_id``). A stolen device needs the police report's reference.
- Change of recipient (003 §7.5, "BMB"): a device with full function, which the clerk confirms, goes from
  one patient to another without passing the central warehouse (delivered → delivered); the old patient's
  record lists it under returned, the new one's under aids held.
- Moving in (002 "Överköp"): the aid centre's administration enters a device bought over from another
  region into the service location's own stock with the data the seed names; the desk then prescribes it
  from own stock as any other device.
- Moving out (002 "Försäljning av hjälpmedel till annan region"): the desk cleans the patient's list — it
  returns and scraps every service purchase and every main aid that is not individually marked and costs
  under 1 000 SEK — and prints the aid list (``app.documents.aid_list``) with the invoice address.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.changelog import PlainRows
from app.errors import InvalidInput, NotFound, RuleViolation
from app.i18n import QT_TRANSLATE_NOOP
from app.identity import parse_identity
from app.individuals import change_status, register
from app.organisation import WorkContext
from app.patient_rules import patient_report
from app.patients import patient_label, returned_quantities
from app.stock import Document, move
from app.typed_input import normalise_digits
from db.base import new_id
from db.models import (
    AidWriteOff,
    Article,
    BoughtOverDevice,
    Fee,
    Individual,
    LostDeviceReport,
    Order,
    OrderLine,
    Patient,
    RecipientChange,
    ServiceLocation,
    Supplier,
    UserRole,
    Warehouse,
)
from db.models.enums import (
    ArticleType,
    DocumentKind,
    FeeKind,
    IndividualStatus,
    LineStatus,
    MovementReason,
    Role,
    WarehouseKind,
)

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------------- R41

#: R41: the residual value is the purchase price written off in a straight line over this many months from
#: the purchase date (nothing left after it). The seed (003 §7.6) says "restvärde" but not how it is
#: reckoned; six years is our assumption for a hearing aid's life (the usual interval before a new one is
#: prescribed), kept as one named constant to set from the region's rules.
DEVICE_LIFE_MONTHS = 72
#: R41: the administrative fee charged with the residual value. The seed names the fee but not its size;
#: 300 SEK is an assumed figure, kept as one named constant to set from the region's price list.
LOST_DEVICE_ADMIN_FEE = Decimal("300.00")
#: A device in one of these statuses may be reported lost: held by a patient, or lying in a warehouse.
LOSABLE = (IndividualStatus.DELIVERED, IndividualStatus.IN_STOCK, IndividualStatus.INVESTIGATION)

_ORE = Decimal("0.01")


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from *start* to *end* (0 when *end* is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month - (1 if end.day < start.day else 0)
    return max(months, 0)


def residual_value(price: Decimal, purchased_on: dt.date | None, on: dt.date) -> Decimal:
    """R41: *price* written off in a straight line over ``DEVICE_LIFE_MONTHS`` from *purchased_on*, to öre;
    a device without a purchase date is charged its whole price."""
    if purchased_on is None:
        return price.quantize(_ORE)
    left = max(DEVICE_LIFE_MONTHS - months_between(purchased_on, on), 0)
    return (price * left / DEVICE_LIFE_MONTHS).quantize(_ORE, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class LostDevicePreview:
    """What the lost-or-stolen dialog shows before the clerk reports it."""

    individual_id: uuid.UUID
    individual_number: str
    article_name: str
    status: IndividualStatus
    patient_label: str  # masked per R5 like every list; "" when in a warehouse
    purchase_price: Decimal
    purchase_date: dt.date | None
    residual_value: Decimal
    admin_fee: Decimal
    total: Decimal
    charged_unit: str  # the prescribing unit's name


@dataclass(frozen=True)
class LostDeviceRequest:
    individual_id: uuid.UUID
    stolen: bool
    police_reference: str = ""
    comment: str = ""


@dataclass(frozen=True)
class LostDeviceDone:
    report_id: uuid.UUID
    fee_id: uuid.UUID
    individual_number: str
    total: Decimal
    charged_unit: str


def _individual(session: Session, individual_id: uuid.UUID) -> Individual:
    individual = session.get(Individual, individual_id)
    if individual is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The individual was not found; search again."))
    return individual


def find_device(session: Session, individual_number: str) -> uuid.UUID:
    """The id of the device with *individual_number* (as the record lists it)."""
    found = session.scalars(
        select(Individual.id).where(Individual.individual_number == individual_number.strip())
    ).first()
    if found is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("app", "No individual has the number {number}."), number=individual_number
        )
    return found


def _prescribing_unit(session: Session, individual: Individual, context: WorkContext) -> ServiceLocation:
    """R41: the unit charged: the one that handed the device to its patient last (a change of recipient,
    else the order that delivered it), the one whose warehouse holds it, else the user's."""
    location_id: uuid.UUID | None = None
    if individual.patient_id is not None and individual.status is IndividualStatus.DELIVERED:
        location_id = session.scalars(
            select(RecipientChange.service_location_id)
            .where(
                RecipientChange.individual_id == individual.id,
                RecipientChange.to_patient_id == individual.patient_id,
            )
            .order_by(RecipientChange.created_at.desc())
        ).first()
        if location_id is None and individual.order_line_id is not None:
            location_id = session.scalars(
                select(Order.service_location_id)
                .join(OrderLine, OrderLine.order_id == Order.id)
                .where(OrderLine.id == individual.order_line_id)
            ).first()
    if location_id is None and individual.warehouse_id is not None:
        location_id = session.scalars(
            select(Warehouse.service_location_id).where(Warehouse.id == individual.warehouse_id)
        ).first()
    location = session.get(ServiceLocation, location_id or context.service_location_id)
    assert location is not None
    return location


def _check_losable(individual: Individual) -> None:
    if individual.status not in LOSABLE:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "Individual {number} is neither held by a patient nor in a warehouse, so it cannot be "
                "reported lost here; contact the aid centre.",
            ),
            number=individual.individual_number,
        )


def lost_device_preview(
    session: Session, context: WorkContext, *, individual_id: uuid.UUID, today: dt.date
) -> LostDevicePreview:
    """The device, the unit charged and what it is charged (R41), for the dialog."""
    individual = _individual(session, individual_id)
    _check_losable(individual)
    article = session.get(Article, individual.article_id)
    assert article is not None
    unit = _prescribing_unit(session, individual, context)
    residual = residual_value(individual.purchase_price, individual.purchase_date, today)
    patient = session.get(Patient, individual.patient_id) if individual.patient_id else None
    return LostDevicePreview(
        individual_id=individual.id,
        individual_number=individual.individual_number,
        article_name=article.name,
        status=individual.status,
        patient_label=patient_label(patient)
        if patient and individual.status is IndividualStatus.DELIVERED
        else "",
        purchase_price=individual.purchase_price,
        purchase_date=individual.purchase_date,
        residual_value=residual,
        admin_fee=LOST_DEVICE_ADMIN_FEE,
        total=residual + LOST_DEVICE_ADMIN_FEE,
        charged_unit=unit.name,
    )


def report_lost_device(
    session: Session, context: WorkContext, request: LostDeviceRequest, *, today: dt.date
) -> LostDeviceDone:
    """R41: the device lost or stolen is scrapped from the ledger and its prescribing unit charged the
    residual value and the administrative fee. A stolen device needs the police report's reference."""
    reference = " ".join(request.police_reference.split())
    if request.stolen and not reference:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "app", "A stolen aid needs the police report's reference: type it from the report."
            )
        )
    individual = _individual(session, request.individual_id)
    _check_losable(individual)
    unit = _prescribing_unit(session, individual, context)
    residual = residual_value(individual.purchase_price, individual.purchase_date, today)
    total = residual + LOST_DEVICE_ADMIN_FEE
    patient_id = individual.patient_id if individual.status is IndividualStatus.DELIVERED else None
    fee = Fee(
        kind=FeeKind.LOST_DEVICE,
        patient_id=None,  # charged to the prescribing unit, never to the patient
        service_location_id=unit.id,
        article_id=individual.article_id,
        individual_id=individual.id,
        amount=total,
        bill_on=today,
    )
    session.add(fee)
    session.flush()
    report = LostDeviceReport(
        individual_id=individual.id,
        patient_id=patient_id,
        stolen=request.stolen,
        police_reference=reference if request.stolen else "",
        comment=request.comment.strip(),
        residual_value=residual,
        admin_fee=LOST_DEVICE_ADMIN_FEE,
        fee_id=fee.id,
        service_location_id=unit.id,
        user_id=context.user_id,
        reported_on=today,
    )
    session.add(report)
    session.flush()
    document = Document(DocumentKind.SCRAP, report.id)
    plain = PlainRows()
    if individual.warehouse_id is not None:
        move(
            plain,
            article_id=individual.article_id,
            warehouse_id=individual.warehouse_id,
            quantity=-1,
            reason=MovementReason.SCRAP,
            document=document,
            user_id=context.user_id,
            unit_price=individual.purchase_price,
            individual_id=individual.id,
        )
    change_status(
        session,
        individual,
        IndividualStatus.SCRAPPED,
        user_id=context.user_id,
        document=document,
        warehouse_id=None,
        note=reference if request.stolen else "",
        events=plain,
    )
    plain.write(session)
    log.info("device reported lost: individual_id=%s stolen=%s", individual.id, request.stolen)
    return LostDeviceDone(report.id, fee.id, individual.individual_number, total, unit.name)


# ---------------------------------------------------------------------------------------------- R42


@dataclass(frozen=True)
class RecipientChangeRequest:
    individual_id: uuid.UUID
    new_patient_id: uuid.UUID
    full_function_confirmed: bool
    comment: str = ""


@dataclass(frozen=True)
class RecipientChangeDone:
    change_id: uuid.UUID
    individual_number: str
    new_patient_label: str


def change_recipient(
    session: Session, context: WorkContext, request: RecipientChangeRequest, *, today: dt.date
) -> RecipientChangeDone:
    """R42: hand a device held by one patient straight to another (delivered → delivered), only when the
    clerk confirms its full function; the new patient must be one who may get aids (R4, R9)."""
    if not request.full_function_confirmed:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "Only an aid with full function goes straight to another patient: confirm that it has been "
                "checked, or return it instead.",
            )
        )
    individual = _individual(session, request.individual_id)
    if individual.status is not IndividualStatus.DELIVERED or individual.patient_id is None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "Individual {number} is not held by a patient (a pickup order or repair may be open), so it "
                "cannot change recipient.",
            ),
            number=individual.individual_number,
        )
    if individual.patient_id == request.new_patient_id:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "The aid is already this patient's: choose the new recipient.")
        )
    new_patient = session.get(Patient, request.new_patient_id)
    if new_patient is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The patient was not found; search again."))
    refusal = patient_report(
        session,
        new_patient,
        user_id=context.user_id,
        service_location_id=context.service_location_id,
        today=today,
    ).order_refusal
    if refusal is not None:
        raise RuleViolation(refusal.template, **refusal.params)
    old_patient_id = individual.patient_id
    change = RecipientChange(
        individual_id=individual.id,
        from_patient_id=old_patient_id,
        to_patient_id=new_patient.id,
        full_function_confirmed=True,
        comment=request.comment.strip(),
        service_location_id=context.service_location_id,
        user_id=context.user_id,
        changed_on=today,
    )
    session.add(change)
    session.flush()
    change_status(
        session,
        individual,
        IndividualStatus.DELIVERED,
        user_id=context.user_id,
        document=Document(DocumentKind.RECIPIENT_CHANGE, change.id),
        patient_id=new_patient.id,
        # The old patient's order no longer names the device's holder.
        order_line_id=None,
    )
    log.info("recipient changed: individual_id=%s", individual.id)
    return RecipientChangeDone(change.id, individual.individual_number, patient_label(new_patient))


# ---------------------------------------------------------------------------------------------- R43 in


@dataclass(frozen=True)
class SupplierChoice:
    id: uuid.UUID
    name: str


@dataclass(frozen=True)
class BoughtOverStart:
    """What the "bought over" dialog needs: the suppliers, the warehouse the device goes to, and whether
    this user may enter it (the aid centre's administration)."""

    suppliers: tuple[SupplierChoice, ...]
    warehouse_code: str  # "" when the service location has no own stock
    warehouse_name: str
    allowed: bool


@dataclass(frozen=True)
class BoughtOverRequest:
    patient_identity: str  # as typed
    selling_region: str
    supplier_id: uuid.UUID | None
    supplier_article_number: str
    price: str  # as typed: "4 500", "4500,00"
    age_months: int
    individual_number: str
    serial_number: str
    approving_contact: str


@dataclass(frozen=True)
class BoughtOverDone:
    id: uuid.UUID
    individual_id: uuid.UUID | None
    article_number: str
    article_name: str
    individual_number: str
    warehouse_code: str


def _is_administration(session: Session, user_id: uuid.UUID) -> bool:
    """R43: the administration (Administrationsenheten, VO Hjälpmedel) enters bought-over aids: in this
    program the aid-centre role."""
    return (
        session.scalars(
            select(UserRole.id).where(UserRole.user_id == user_id, UserRole.role == Role.AID_CENTRE)
        ).first()
        is not None
    )


def _own_stock(session: Session, service_location_id: uuid.UUID) -> Warehouse | None:
    return session.scalars(
        select(Warehouse).where(
            Warehouse.service_location_id == service_location_id, Warehouse.kind == WarehouseKind.OWN_STOCK
        )
    ).first()


def bought_over_start(session: Session, context: WorkContext) -> BoughtOverStart:
    suppliers = tuple(
        SupplierChoice(row.id, row.name)
        for row in session.execute(select(Supplier.id, Supplier.name).order_by(Supplier.name))
    )
    warehouse = _own_stock(session, context.service_location_id)
    return BoughtOverStart(
        suppliers=suppliers,
        warehouse_code=warehouse.code if warehouse else "",
        warehouse_name=warehouse.name if warehouse else "",
        allowed=_is_administration(session, context.user_id),
    )


_PRICE = re.compile(r"^\d+([.,]\d{1,2})?$")


def parse_price(text: str) -> Decimal:
    """A price typed as "4 500", "4500,50" or "4500.50" (kronor)."""
    cleaned = normalise_digits(text).replace(" ", "").replace("\u00a0", "").removesuffix("kr")
    if not _PRICE.match(cleaned):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "{text} is not a price: type kronor, e.g. 4500 or 4500,50."), text=text
        )
    try:
        return Decimal(cleaned.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern lets through only numbers
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "{text} is not a price: type kronor, e.g. 4500 or 4500,50."), text=text
        ) from None


def register_bought_over(
    session: Session, context: WorkContext, request: BoughtOverRequest, *, today: dt.date
) -> BoughtOverDone:
    """R43 moving in: a device bought over from another region goes into the service location's own stock
    (in stock; a bought-over movement), with the data of 002 "Överköp" kept beside it. Only the
    administration (the aid-centre role) enters it; the desk then prescribes it from own stock."""
    if not _is_administration(session, context.user_id):
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "Only the aid centre's administration enters aids bought over from another region; send "
                "them the details.",
            )
        )
    warehouse = _own_stock(session, context.service_location_id)
    if warehouse is None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app", "{location} has no own stock to put the aid in; choose the clinic's service location."
            ),
            location=context.service_location_name,
        )
    if not request.patient_identity.strip():
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "Type the patient's identity number."))
    identity = parse_identity(request.patient_identity, today)
    patient = session.scalars(select(Patient).where(Patient.identity_number == identity.number)).first()
    if patient is None:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "app",
                "No patient has that identity number; the patient must be registered in the region first.",
            )
        )
    for value, sentence in (
        (request.selling_region, QT_TRANSLATE_NOOP("app", "Type the region the aid is bought from.")),
        (
            request.approving_contact,
            QT_TRANSLATE_NOOP("app", "Type the contact in the region who approved the purchase."),
        ),
        (
            request.supplier_article_number,
            QT_TRANSLATE_NOOP("app", "Type the supplier's article number of the aid."),
        ),
    ):
        if not value.strip():
            raise InvalidInput(sentence)
    if request.supplier_id is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "Choose the aid's supplier."))
    if request.age_months < 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "The age of the aid cannot be negative."))
    price = parse_price(request.price)
    supplier_article_number = request.supplier_article_number.strip()
    article = session.scalars(
        select(Article).where(
            Article.supplier_id == request.supplier_id,
            func.upper(Article.supplier_article_number) == supplier_article_number.upper(),
        )
    ).first()
    if article is None:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "app",
                "The supplier has no article {number} in the catalogue; check the number, or ask the aid "
                "centre to add the article.",
            ),
            number=supplier_article_number,
        )
    individual_number = request.individual_number.strip()
    serial_number = request.serial_number.strip()
    if article.individually_marked:
        if not individual_number or not serial_number:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "app", "{article} is individually marked: type its individual number and serial number."
                ),
                article=article.name,
            )
        taken = session.scalars(
            select(Individual.id).where(Individual.individual_number == individual_number)
        ).first()
        if taken is not None:
            raise RuleViolation(
                QT_TRANSLATE_NOOP(
                    "app", "Individual number {number} is already in use; check the label on the aid."
                ),
                number=individual_number,
            )
    else:
        individual_number = ""
    selling_region = " ".join(request.selling_region.split())
    approving_contact = " ".join(request.approving_contact.split())
    record_id = new_id()
    document = Document(DocumentKind.BOUGHT_OVER, record_id)
    devices, rows = PlainRows(), PlainRows()
    individual_id: uuid.UUID | None = None
    if article.individually_marked:
        individual_id = register(
            devices,
            rows,
            status=IndividualStatus.IN_STOCK,
            individual_number=individual_number,
            serial_number=serial_number,
            article_id=article.id,
            warehouse_id=warehouse.id,
            patient_id=None,
            order_line_id=None,
            purchase_date=today,
            purchase_price=price,
            user_id=context.user_id,
            document=document,
            bought_over_from=selling_region,
            approving_contact=approving_contact,
        )
    devices.write(session)  # the device before the record that names it
    record = BoughtOverDevice(
        id=record_id,
        patient_id=patient.id,
        selling_region=selling_region,
        supplier_id=request.supplier_id,
        supplier_article_number=supplier_article_number,
        article_id=article.id,
        price=price,
        age_months=request.age_months,
        individual_number=individual_number,
        individual_id=individual_id,
        approving_contact=approving_contact,
        warehouse_id=warehouse.id,
        service_location_id=context.service_location_id,
        user_id=context.user_id,
        bought_on=today,
    )
    session.add(record)
    move(
        rows,
        article_id=article.id,
        warehouse_id=warehouse.id,
        quantity=1,
        reason=MovementReason.BOUGHT_OVER,
        document=document,
        user_id=context.user_id,
        unit_price=price,
        individual_id=individual_id,
    )
    rows.write(session)
    log.info("aid bought over: record_id=%s", record.id)
    return BoughtOverDone(
        record.id, individual_id, article.article_number, article.name, individual_number, warehouse.code
    )


# ---------------------------------------------------------------------------------------------- R43 out

#: R43 moving out: a main aid that is not individually marked and costs under this (SEK, a unit) is
#: returned and scrapped from the list rather than sold to the new region (002).
WRITE_OFF_BELOW = Decimal("1000")


@dataclass(frozen=True)
class WriteOffLine:
    """One line the moving-out cleanup returns and scraps: a service purchase, or a cheap main aid."""

    order_line_id: uuid.UUID
    article_number: str
    article_name: str
    article_type: ArticleType
    quantity: int
    unit_price: Decimal
    delivered_on: dt.date | None
    order_number: str


@dataclass(frozen=True)
class MovingOutPlan:
    patient_id: uuid.UUID
    patient_label: str
    lines: tuple[WriteOffLine, ...]


def moving_out_plan(session: Session, *, patient_id: uuid.UUID, today: dt.date) -> MovingOutPlan:
    """R43: exactly what the cleanup will return and scrap, for the clerk to see before it is done."""
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The patient was not found; search again."))
    # What came back or was written off already: the record's own definition.
    returned = returned_quantities(session, patient_id)
    price = func.coalesce(func.nullif(OrderLine.unit_price, 0), Article.price)
    rows = session.execute(
        select(
            OrderLine.id,
            Article.article_number,
            Article.name,
            Article.article_type,
            Article.individually_marked,
            OrderLine.quantity,
            price,
            OrderLine.delivered_on,
            Order.number,
        )
        .join(Order, Order.id == OrderLine.order_id)
        .join(Article, Article.id == OrderLine.article_id)
        .where(
            Order.patient_id == patient_id,
            OrderLine.status == LineStatus.DELIVERED,
            (OrderLine.delivered_on.is_(None)) | (OrderLine.delivered_on <= today),
        )
        .order_by(OrderLine.delivered_on, Order.number)
    )
    lines = []
    for line_id, number, name, kind, marked, quantity, unit_price, delivered_on, order_number in rows:
        held = quantity - returned.get(line_id, 0)
        service = kind is ArticleType.SERVICE
        cheap_main_aid = kind is ArticleType.MAIN_AID and not marked and Decimal(unit_price) < WRITE_OFF_BELOW
        if held > 0 and (service or cheap_main_aid):
            lines.append(
                WriteOffLine(
                    line_id, number, name, kind, held, Decimal(unit_price), delivered_on, order_number or ""
                )
            )
    return MovingOutPlan(patient.id, patient_label(patient), tuple(lines))


def clean_list_for_moving_out(
    session: Session,
    context: WorkContext,
    *,
    patient_id: uuid.UUID,
    order_line_ids: Sequence[uuid.UUID],
    today: dt.date,
) -> int:
    """R43: return and scrap the lines the clerk was shown (each must still be one the rule names); they
    leave the patient's list and show under returned. Nothing physical comes back (a service was never
    stock, a cheap main aid is scrapped where it is), so no stock movement is made. Returns the lines done."""
    plan = {
        line.order_line_id: line
        for line in moving_out_plan(session, patient_id=patient_id, today=today).lines
    }
    chosen = list(dict.fromkeys(order_line_ids))
    if not chosen:
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "There is nothing on the list to return and scrap."))
    if any(line_id not in plan for line_id in chosen):
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "Only service purchases and main aids without an individual number that cost under "
                "1 000 SEK are returned and scrapped; open the list again.",
            )
        )
    articles = {
        line_id: article_id
        for line_id, article_id in session.execute(
            select(OrderLine.id, OrderLine.article_id).where(OrderLine.id.in_(chosen))
        )
    }
    for line_id in chosen:
        session.add(
            AidWriteOff(
                patient_id=patient_id,
                order_line_id=line_id,
                article_id=articles[line_id],
                quantity=plan[line_id].quantity,
                service_location_id=context.service_location_id,
                user_id=context.user_id,
                written_off_on=today,
            )
        )
    session.flush()
    log.info("moving out: %d lines written off, patient_id=%s", len(chosen), patient_id)
    return len(chosen)


def check_invoice_details(invoice_address: str, contact_name: str, contact_phone: str) -> None:
    """R43 moving out: the aid list sent to the administration carries the full invoice address and the
    contact person's name and phone (002)."""
    if len([line for line in invoice_address.splitlines() if line.strip()]) < 2:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "app",
                "Type the full invoice address (name, street or box, postal code and town) for the list.",
            )
        )
    if not contact_name.strip() or not contact_phone.strip():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "Type the contact person's name and phone number for the list.")
        )
