"""Orders: the cart, the four ways to order (R10), sending with a number (R15), purchase orders (R14),
cancellation (R16) and order search (R17).

Every function takes the session of one unit of work; writes run inside ``Database.write()``.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased, selectinload
from sqlalchemy.orm.interfaces import ORMOption

from app import fees
from app.central_warehouse import dispatch_line, free_counts, pick_devices, undo_dispatch
from app.changelog import PlainRows
from app.deliveries import line_arrived, status_on
from app.errors import InvalidInput, NotFound, RuleViolation
from app.fees import FeePreview
from app.i18n import QT_TRANSLATE_NOOP
from app.identity import age_on, format_identity
from app.individuals import change_status
from app.numbers import NumberAllocator
from app.organisation import WorkContext
from app.patient_rules import ArticleFacts, Notice, PatientReport, patient_report
from app.patients import patient_label
from app.stock import Document, balances_of, withdraw
from app.typed_input import compact, document_number, is_digits
from db.models import (
    Article,
    Individual,
    Order,
    OrderLine,
    Patient,
    PrescriberLink,
    PurchaseOrder,
    ServiceLocation,
    Supplier,
    User,
    UserRole,
    Warehouse,
)
from db.models.enums import (
    ArticleStatus,
    ArticleType,
    DeliverFrom,
    DocumentKind,
    IndividualStatus,
    LineStatus,
    OrderKind,
    OrderStatus,
    Role,
    WarehouseKind,
)

log = logging.getLogger(__name__)

#: How an order reaches the patient or clinic (R11). Stored as the key; the UI shows a translated label.
DELIVERY_METHODS = ("clinic", "patient_address", "other_address")
PATIENT_KINDS = (OrderKind.PRESCRIPTION, OrderKind.OWN_STOCK_PRESCRIPTION, OrderKind.INDIVIDUAL_DELIVERY)
# The kinds handed out from the clinic's own stock when the order is sent (R10b, R10c).
HANDED_OUT_AT_SENDING = (OrderKind.OWN_STOCK_PRESCRIPTION, OrderKind.INDIVIDUAL_DELIVERY)
MAX_QUANTITY = 999


@dataclass(frozen=True)
class PatientSummary:
    id: uuid.UUID
    identity: str  # formatted identity number
    name: str  # the fictive name for a protected identity (R5)
    protected: bool
    age: int


@dataclass(frozen=True)
class Prescriber:
    id: uuid.UUID
    name: str


@dataclass(frozen=True)
class DeliveryDetails:
    method: str = "clinic"  # one of DELIVERY_METHODS
    name: str = ""
    street: str = ""
    postal_code: str = ""
    city: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    comment: str = ""


@dataclass(frozen=True)
class CartLine:
    id: uuid.UUID
    line_number: int
    article_id: uuid.UUID
    article_number: str
    article_name: str
    quantity: int
    deliver_from_code: str  # "70", "750" or the own stock's code
    deliver_from_name: str
    balance: int | None  # in the deliver-from warehouse; None for 750 (never shows a balance)
    unit_price: Decimal
    comment: str
    needs_comment: bool  # a service purchase without its comment (R13)
    individual_number: str | None  # the chosen device of an individual delivery (R10c)
    fees: tuple[FeePreview, ...]


@dataclass(frozen=True)
class Cart:
    id: uuid.UUID
    kind: OrderKind
    patient: PatientSummary | None
    prescriber: Prescriber | None
    orderer_name: str
    service_location_name: str
    own_stock_code: str | None  # the service location's own stock, None for a private clinic
    #: Where an article line would come from: own stock for R10b/c, the central warehouse otherwise (its
    #: balance decides between 70 and 750, R10a); article search shows balances there.
    balance_warehouse_id: uuid.UUID | None
    delivery: DeliveryDetails
    lines: tuple[CartLine, ...]


@dataclass(frozen=True)
class PurchaseOrderRef:
    id: uuid.UUID
    number: str
    supplier_name: str


@dataclass(frozen=True)
class SentOrder:
    order_id: uuid.UUID
    number: str
    status: OrderStatus
    #: Lines go through warehouse 750 and no purchase order exists yet: offer "create purchase orders" (R14).
    needs_purchase_orders: bool
    purchase_orders: tuple[PurchaseOrderRef, ...]
    #: Handed out at once (own stock, R10b/c): the loan agreement can be printed now.
    handed_out: bool


@dataclass(frozen=True)
class IndividualChoice:
    id: uuid.UUID
    individual_number: str
    serial_number: str
    article_id: uuid.UUID
    article_number: str
    article_name: str
    warehouse_code: str


@dataclass(frozen=True)
class OrderQuery:
    number: str = ""  # a full 8-digit order number; when given, the other filters are ignored
    service_location_id: uuid.UUID | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    mine: bool = False  # the user is orderer or prescriber (R17 "my orders")
    limit: int = 1000


@dataclass(frozen=True)
class OrderRow:
    id: uuid.UUID
    number: str
    created_on: dt.date
    kind: OrderKind
    status: OrderStatus
    patient_label: str  # identity and name; the fictive name for a protected identity; "" for replenishment
    orderer_name: str
    prescriber_name: str  # "" for a replenishment (R17)
    service_location_code: str
    line_count: int


@dataclass(frozen=True)
class DetailLine:
    line_number: int
    article_number: str
    article_name: str
    quantity: int
    deliver_from_code: str
    status: LineStatus
    planned_delivery_on: dt.date | None
    delivered_on: dt.date | None
    comment: str
    purchase_order_number: str


@dataclass(frozen=True)
class OrderDetail:
    row: OrderRow
    lines: tuple[DetailLine, ...]
    delivery: DeliveryDetails
    purchase_orders: tuple[PurchaseOrderRef, ...]
    needs_purchase_orders: bool
    can_cancel: bool
    #: Why it cannot be cancelled (R16), a translatable template; "" when it can.
    cancel_refusal: str


# ------------------------------------------------------------------------------------------- lookups


def _warehouse_of_kind(session: Session, kind: WarehouseKind) -> Warehouse:
    warehouse = session.scalars(
        select(Warehouse).where(Warehouse.kind == kind).order_by(Warehouse.code)
    ).first()
    if warehouse is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("app", "Warehouse {kind} is missing; contact the aid centre."), kind=kind
        )
    return warehouse


def own_stock(session: Session, service_location_id: uuid.UUID) -> Warehouse | None:
    """The service location's own stock; None for a private clinic, which holds none (R10d)."""
    return session.scalars(
        select(Warehouse)
        .where(
            Warehouse.service_location_id == service_location_id, Warehouse.kind == WarehouseKind.OWN_STOCK
        )
        .order_by(Warehouse.code)
    ).first()


def _require_own_stock(session: Session, context: WorkContext) -> Warehouse:
    warehouse = own_stock(session, context.service_location_id)
    if warehouse is None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "{location} holds no own stock: order from the aid service instead."),
            location=context.service_location_name,
        )
    return warehouse


#: Loads an order's lines and their articles with it (two queries instead of one per line).
_WITH_LINES = (selectinload(Order.lines).joinedload(OrderLine.article),)


def _order(session: Session, order_id: uuid.UUID, options: Sequence[ORMOption] = ()) -> Order:
    order = session.get(Order, order_id, options=options)
    if order is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The order was not found; search for it again."))
    return order


def _cart(
    session: Session, context: WorkContext, order_id: uuid.UUID, options: Sequence[ORMOption] = ()
) -> Order:
    order = _order(session, order_id, options)
    if order.status is not OrderStatus.CART:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "Order {number} has already been sent; it can no longer be changed."),
            number=order.number or "",
        )
    if order.orderer_id != context.user_id:
        owner = session.get(User, order.orderer_id)
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "This order in progress belongs to {name}; start your own."),
            name=owner.full_name if owner else "",
        )
    return order


def _line(session: Session, line_id: uuid.UUID) -> OrderLine:
    line = session.get(OrderLine, line_id)
    if line is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The order line was not found; it may have been removed."))
    return line


def _article(session: Session, article_id: uuid.UUID) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The article was not found; search again."))
    return article


def _patient(session: Session, patient_id: uuid.UUID) -> Patient:
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The patient was not found; search again."))
    return patient


def _user_name(session: Session, user_id: uuid.UUID | None) -> str:
    if user_id is None:
        return ""
    user = session.get(User, user_id)
    return user.full_name if user else ""


# --------------------------------------------------------------------------------------------- rules


def _check_patient_may_order(
    session: Session, context: WorkContext, patient: Patient, today: dt.date
) -> PatientReport:
    """R4–R9 for the patient as a whole: the same report the patient record shows, enforced."""
    report = patient_report(
        session,
        patient,
        user_id=context.user_id,
        service_location_id=context.service_location_id,
        today=today,
    )
    _refuse(report.order_refusal)
    return report


def _check_article(report: PatientReport, article: Article, kind: OrderKind) -> None:
    """R6 and R8 for one article (R8 when the order hands the aid out at once)."""
    _refuse(report.article_refusal(ArticleFacts.of(article), handed_out=kind in HANDED_OUT_AT_SENDING))


def _refuse(notice: Notice | None) -> None:
    if notice is not None:
        raise RuleViolation(notice.template, **notice.params)


def _check_quantity(quantity: int) -> None:
    if not 1 <= quantity <= MAX_QUANTITY:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "The quantity must be between 1 and {most}."), most=str(MAX_QUANTITY)
        )


class _Sources:
    """Where an order's lines can come from (R10), read once per service call and shared by its lines: the
    central, direct-purchase and own-stock warehouses and what they hold of the order's articles (one
    query per warehouse for all of them instead of one per line)."""

    def __init__(self, session: Session, context: WorkContext, order: Order) -> None:
        self.session = session
        self.context = context
        self.order = order
        self._warehouses: dict[WarehouseKind, Warehouse] = {}
        self._held: dict[uuid.UUID, dict[uuid.UUID, int]] = {}
        #: How many devices of the order's individually marked articles are free at the central warehouse.
        self.free: dict[uuid.UUID, int] = {}

    def warehouse(self, kind: WarehouseKind) -> Warehouse:
        if kind not in self._warehouses:
            self._warehouses[kind] = _warehouse_of_kind(self.session, kind)
        return self._warehouses[kind]

    def own(self) -> Warehouse:
        if WarehouseKind.OWN_STOCK not in self._warehouses:
            self._warehouses[WarehouseKind.OWN_STOCK] = _require_own_stock(self.session, self.context)
        return self._warehouses[WarehouseKind.OWN_STOCK]

    def held(self, warehouse: Warehouse, article: Article) -> int:
        """What *warehouse* holds of *article*; at the central warehouse an individually marked article
        counts no more than its free devices."""
        held = self._held.get(warehouse.id)
        if held is None or article.id not in held:
            articles = {line.article_id: line.article for line in self.order.lines}
            articles[article.id] = article
            held = dict.fromkeys(articles, 0) | balances_of(self.session, warehouse.id, list(articles))
            if warehouse.kind is WarehouseKind.CENTRAL:
                marked = [a.id for a in articles.values() if a.individually_marked]
                self.free = free_counts(self.session, warehouse.id, marked)
                held.update({a: min(held[a], self.free[a]) for a in marked})
            self._held[warehouse.id] = held
        return held.get(article.id, 0)


def _plan(
    sources: _Sources,
    order: Order,
    article: Article,
    quantity: int,
    taken: int = 0,
) -> list[tuple[Warehouse, int]]:
    """Where a line's quantity comes from (R10): one warehouse, or 70 for what 70 holds and 750 for the
    rest; refusing what the article's status or type does not allow (R12, R13).

    *taken* is what other lines of the same order already claim of the article at 70.
    """
    if order.kind is OrderKind.OWN_STOCK_PRESCRIPTION:
        if article.article_type is ArticleType.SERVICE:
            raise RuleViolation(
                QT_TRANSLATE_NOOP("app", "{article} is a service: order it from the aid service."),
                article=article.name,
            )
        if article.individually_marked:
            raise RuleViolation(
                QT_TRANSLATE_NOOP(
                    "app",
                    '{article} is individually marked: deliver it with "Deliver an individual from own '
                    'stock" and scan its number.',
                ),
                article=article.name,
            )
        own = sources.own()
        held = sources.held(own, article)
        if held < quantity:
            raise RuleViolation(
                QT_TRANSLATE_NOOP(
                    "app", "Own stock holds {held} of {article}, fewer than the {wanted} asked for."
                ),
                held=str(held),
                article=article.name,
                wanted=str(quantity),
            )
        return [(own, quantity)]
    if order.kind is OrderKind.INDIVIDUAL_DELIVERY:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app", "An individual delivery takes devices from own stock: scan the individual number."
            )
        )
    # R10a and R10d: the aid service delivers, from 70 when it has stock, else via 750 from the supplier.
    if article.status is not ArticleStatus.ACTIVE:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "{article} is no longer purchased: it can only be prescribed from own stock while own stock "
                "has a balance.",
            ),
            article=article.name,
        )
    if order.kind is OrderKind.REPLENISHMENT and article.article_type is ArticleType.SERVICE:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "{article} is a service: services are not kept in stock."),
            article=article.name,
        )
    direct = sources.warehouse(WarehouseKind.DIRECT_PURCHASE)
    if article.article_type is ArticleType.SERVICE:
        return [(direct, quantity)]  # R13: a service purchase always makes a purchase order
    # R10a: "Om en artikel finns på lager 70 ... kommer alltid leverans att ske härifrån": what 70 holds
    # comes from 70, only the rest through 750 from the supplier.
    central = sources.warehouse(WarehouseKind.CENTRAL)
    held = sources.held(central, article)
    from_central = max(0, min(quantity, held - taken))
    parts = [(central, from_central), (direct, quantity - from_central)]
    return [(warehouse, part) for warehouse, part in parts if part > 0]


def _claimed_at_central(
    sources: _Sources, order: Order, article_id: uuid.UUID, besides: OrderLine | None
) -> int:
    """What the order's other lines already take of *article_id* from 70."""
    central = sources.warehouse(WarehouseKind.CENTRAL)
    return sum(
        line.quantity
        for line in order.lines
        if line is not besides
        and line.article_id == article_id
        and line.deliver_from_warehouse_id == central.id
    )


def _place(sources: _Sources, order: Order, line: OrderLine, quantity: int) -> None:
    """Give *line* (new or in the order) *quantity* and its warehouse; a quantity that 70 covers only in
    part becomes two lines: 70's part on *line*, the rest through 750 on a new line after the last."""
    session = sources.session
    taken = _claimed_at_central(sources, order, line.article_id, besides=line)
    parts = _plan(sources, order, line.article, quantity, taken)
    (warehouse, first), *rest = parts
    if (line.deliver_from_warehouse_id, line.quantity) != (warehouse.id, first):  # else it stays unchanged
        line.deliver_from_warehouse_id = warehouse.id
        line.quantity = first
    number = max((other.line_number for other in order.lines), default=0)
    number = max(number, line.line_number or 0)
    for warehouse, part in rest:
        number += 1
        extra = OrderLine(
            order_id=order.id,
            line_number=number,
            article_id=line.article.id,  # the change log reads the column, not the relationship
            article=line.article,
            quantity=part,
            deliver_from_warehouse_id=warehouse.id,
            unit_price=line.unit_price,
            comment=line.comment,
        )
        session.add(extra)
    if rest:
        session.flush()
        session.expire(order, ["lines"])


# ---------------------------------------------------------------------------------------------- cart


def _patient_summary(patient: Patient, today: dt.date) -> PatientSummary:
    return PatientSummary(
        id=patient.id,
        identity=format_identity(patient.identity_number),
        name=f"{patient.first_name} {patient.last_name}",
        protected=patient.protected_identity,
        age=age_on(patient.birth_date, today),
    )


def _clinic_delivery(session: Session, context: WorkContext) -> DeliveryDetails:
    location = session.get(ServiceLocation, context.service_location_id)
    user = session.get(User, context.user_id)
    return DeliveryDetails(
        method="clinic",
        name=location.name if location else "",
        street=location.street if location else "",
        postal_code=location.postal_code if location else "",
        city=location.city if location else "",
        contact_name=user.full_name if user else "",
        contact_phone=(user.phone or (location.phone if location else "")) if user else "",
    )


def _store_delivery(order: Order, delivery: DeliveryDetails) -> None:
    order.delivery_method = delivery.method
    order.delivery_name = delivery.name.strip()
    order.delivery_street = delivery.street.strip()
    order.delivery_postal_code = delivery.postal_code.strip()
    order.delivery_city = delivery.city.strip()
    order.contact_name = delivery.contact_name.strip()
    order.contact_phone = delivery.contact_phone.strip()
    order.comment = delivery.comment.strip()


def _delivery_of(order: Order) -> DeliveryDetails:
    return DeliveryDetails(
        method=order.delivery_method or "clinic",
        name=order.delivery_name,
        street=order.delivery_street,
        postal_code=order.delivery_postal_code,
        city=order.delivery_city,
        contact_name=order.contact_name,
        contact_phone=order.contact_phone,
        comment=order.comment,
    )


def open_cart(
    session: Session, context: WorkContext, *, patient_id: uuid.UUID | None, kind: OrderKind | None = None
) -> Cart:
    """The user's cart for this patient (or replenishment), created when there is none.

    Without *kind* a patient cart follows the user's default "deliver from" setting (R10a or R10b).
    """
    today = dt.date.today()
    if patient_id is not None:
        if kind is OrderKind.REPLENISHMENT:
            raise InvalidInput(QT_TRANSLATE_NOOP("app", "A stock replenishment has no recipient."))
        _check_patient_may_order(session, context, _patient(session, patient_id), today)
    else:
        if kind not in (None, OrderKind.REPLENISHMENT):
            raise InvalidInput(QT_TRANSLATE_NOOP("app", "Give the recipient's identity number first."))
        kind = OrderKind.REPLENISHMENT
        _require_own_stock(session, context)  # R10d: private clinics hold no stock
    query = select(Order).where(
        Order.status == OrderStatus.CART,
        Order.orderer_id == context.user_id,
        Order.service_location_id == context.service_location_id,
    )
    query = query.where(
        Order.patient_id == patient_id if patient_id is not None else Order.patient_id.is_(None)
    )
    order = session.scalars(query.order_by(Order.created_at.desc())).first()
    if order is None:
        user = session.get(User, context.user_id)
        if kind is None:
            own_first = user is not None and user.default_deliver_from is DeliverFrom.OWN_STOCK
            has_stock = own_stock(session, context.service_location_id) is not None
            kind = OrderKind.OWN_STOCK_PRESCRIPTION if own_first and has_stock else OrderKind.PRESCRIPTION
        is_prescriber = (
            session.scalars(
                select(UserRole.id).where(
                    UserRole.user_id == context.user_id, UserRole.role == Role.PRESCRIBER
                )
            ).first()
            is not None
        )
        order = Order(
            kind=kind,
            status=OrderStatus.CART,
            patient_id=patient_id,
            prescriber_id=context.user_id if patient_id is not None and is_prescriber else None,
            orderer_id=context.user_id,
            service_location_id=context.service_location_id,
        )
        _store_delivery(order, _clinic_delivery(session, context))
        session.add(order)
        session.flush()
        log.info("cart opened: order_id=%s kind=%s", order.id, kind.value)
    elif kind is not None and kind is not order.kind:
        set_cart_kind(session, context, order_id=order.id, kind=kind)
    return read_cart(session, order.id, today)


def read_cart(session: Session, order_id: uuid.UUID, today: dt.date) -> Cart:
    order = _order(session, order_id)
    patient = session.get(Patient, order.patient_id) if order.patient_id else None
    location = session.get(ServiceLocation, order.service_location_id)
    own = own_stock(session, order.service_location_id)
    central = _warehouse_of_kind(session, WarehouseKind.CENTRAL)
    warehouses = {w.id: w for w in session.scalars(select(Warehouse))}
    individuals = {
        i.order_line_id: i.individual_number
        for i in session.scalars(
            select(Individual).where(Individual.order_line_id.in_([line.id for line in order.lines]))
        )
    }
    balances: dict[tuple[uuid.UUID, uuid.UUID], int] = {}
    by_warehouse: dict[uuid.UUID, list[uuid.UUID]] = {}
    for line in order.lines:
        if line.deliver_from_warehouse_id is not None:
            by_warehouse.setdefault(line.deliver_from_warehouse_id, []).append(line.article_id)
    for warehouse_id, article_ids in by_warehouse.items():
        if warehouses[warehouse_id].shows_balance:
            for article_id, held in balances_of(session, warehouse_id, article_ids).items():
                balances[warehouse_id, article_id] = held
    lines = []
    for line in order.lines:
        warehouse = warehouses.get(line.deliver_from_warehouse_id) if line.deliver_from_warehouse_id else None
        shows = warehouse is not None and warehouse.shows_balance
        lines.append(
            CartLine(
                id=line.id,
                line_number=line.line_number,
                article_id=line.article_id,
                article_number=line.article.article_number,
                article_name=line.article.name,
                quantity=line.quantity,
                deliver_from_code=warehouse.code if warehouse else "",
                deliver_from_name=warehouse.name if warehouse else "",
                balance=balances.get((warehouse.id, line.article_id), 0) if shows and warehouse else None,
                unit_price=line.unit_price,
                comment=line.comment,
                needs_comment=line.article.article_type is ArticleType.SERVICE and not line.comment.strip(),
                individual_number=individuals.get(line.id),
                fees=fees.fee_preview(patient, line.article, line.quantity, today),
            )
        )
    prescriber = (
        Prescriber(order.prescriber_id, _user_name(session, order.prescriber_id))
        if order.prescriber_id
        else None
    )
    return Cart(
        id=order.id,
        kind=order.kind,
        patient=_patient_summary(patient, today) if patient else None,
        prescriber=prescriber,
        orderer_name=_user_name(session, order.orderer_id),
        service_location_name=location.name if location else "",
        own_stock_code=own.code if own else None,
        balance_warehouse_id=(own.id if own else None) if order.kind in HANDED_OUT_AT_SENDING else central.id,
        delivery=_delivery_of(order),
        lines=tuple(lines),
    )


def set_cart_kind(session: Session, context: WorkContext, *, order_id: uuid.UUID, kind: OrderKind) -> None:
    order = _cart(session, context, order_id)
    if kind is order.kind:
        return
    if (kind is OrderKind.REPLENISHMENT) != (order.patient_id is None):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "A stock replenishment has no recipient; a prescription needs one.")
        )
    if order.lines and OrderKind.INDIVIDUAL_DELIVERY in (kind, order.kind):
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app", "Remove the lines first: an individual delivery cannot be mixed with other lines."
            )
        )
    if kind in HANDED_OUT_AT_SENDING:
        _require_own_stock(session, context)
    order.kind = kind
    sources = _Sources(session, context, order)
    for line in list(order.lines):
        _place(sources, order, line, line.quantity)


def prescribers_for(session: Session, context: WorkContext) -> list[Prescriber]:
    """The user (when a prescriber) and the prescribers linked to the user (R11)."""
    chosen: list[Prescriber] = []
    if session.scalars(
        select(UserRole.id).where(UserRole.user_id == context.user_id, UserRole.role == Role.PRESCRIBER)
    ).first():
        chosen.append(Prescriber(context.user_id, context.user_name))
    linked = session.execute(
        select(User.id, User.full_name)
        .join(PrescriberLink, PrescriberLink.prescriber_id == User.id)
        .where(PrescriberLink.orderer_id == context.user_id, User.active.is_(True))
        .order_by(User.full_name)
    )
    chosen.extend(Prescriber(user_id, name) for user_id, name in linked if user_id != context.user_id)
    return chosen


def set_prescriber(
    session: Session, context: WorkContext, *, order_id: uuid.UUID, prescriber_id: uuid.UUID
) -> None:
    order = _cart(session, context, order_id)
    if prescriber_id not in {p.id for p in prescribers_for(session, context)}:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "You may only order in the name of a prescriber linked to you.")
        )
    order.prescriber_id = prescriber_id


def find_individual_for_delivery(session: Session, context: WorkContext, text: str) -> IndividualChoice:
    """An in-stock individual by its number, refused unless it is in a warehouse of the service location (R10c)."""
    number = compact(text)
    if not number:
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "Scan or type the individual number."))
    individual = session.scalars(select(Individual).where(Individual.individual_number == number)).first()
    if individual is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "No individual has the number {number}."), number=number)
    warehouse = session.get(Warehouse, individual.warehouse_id) if individual.warehouse_id else None
    if individual.status is not IndividualStatus.IN_STOCK or warehouse is None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "Individual {number} is not in stock, so it cannot be delivered."),
            number=number,
        )
    if warehouse.service_location_id != context.service_location_id:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "Individual {number} is in {warehouse}, which does not belong to {location}: choose the "
                "service location that matches the warehouse.",
            ),
            number=number,
            warehouse=warehouse.name,
            location=context.service_location_name,
        )
    return IndividualChoice(
        id=individual.id,
        individual_number=individual.individual_number,
        serial_number=individual.serial_number,
        article_id=individual.article_id,
        article_number=individual.article.article_number,
        article_name=individual.article.name,
        warehouse_code=warehouse.code,
    )


def add_line(
    session: Session,
    context: WorkContext,
    *,
    order_id: uuid.UUID,
    article_id: uuid.UUID | None = None,
    individual_id: uuid.UUID | None = None,
    quantity: int = 1,
    comment: str = "",
    today: dt.date,
) -> None:
    """Add an article (or, for R10c, an individual) to the cart after the rules R4, R6–R8, R10, R12, R13."""
    order = _cart(session, context, order_id)
    patient = session.get(Patient, order.patient_id) if order.patient_id else None
    report = _check_patient_may_order(session, context, patient, today) if patient is not None else None
    number = max((line.line_number for line in order.lines), default=0) + 1
    if order.kind is OrderKind.INDIVIDUAL_DELIVERY:
        if individual_id is None:
            raise InvalidInput(QT_TRANSLATE_NOOP("app", "Scan or type the individual number."))
        individual = session.get(Individual, individual_id)
        if individual is None:
            raise NotFound(QT_TRANSLATE_NOOP("app", "The individual was not found; scan it again."))
        choice = find_individual_for_delivery(session, context, individual.individual_number)
        if report is not None:
            _check_article(report, individual.article, order.kind)
        line = OrderLine(
            order_id=order.id,
            line_number=number,
            article_id=choice.article_id,
            quantity=1,
            deliver_from_warehouse_id=individual.warehouse_id,
            unit_price=individual.purchase_price,
            comment=comment.strip(),
        )
        session.add(line)
        session.flush()
        change_status(
            session,
            individual,
            IndividualStatus.RESERVED,
            user_id=context.user_id,
            document=Document(DocumentKind.ORDER, order.id),
            order_line_id=line.id,
            reserved_for=order.patient_id,
        )
        session.expire(order, ["lines"])
        return
    if article_id is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "Choose an article first."))
    _check_quantity(quantity)
    article = _article(session, article_id)
    if report is not None:
        _check_article(report, article, order.kind)
    line = OrderLine(
        order_id=order.id,
        line_number=number,
        article_id=article.id,  # the change log reads the column, not the relationship
        article=article,
        quantity=quantity,
        unit_price=article.price,
        comment=comment.strip(),
    )
    _place(_Sources(session, context, order), order, line, quantity)
    session.add(line)
    session.flush()
    session.expire(order, ["lines"])


def update_line(
    session: Session,
    context: WorkContext,
    *,
    line_id: uuid.UUID,
    quantity: int | None = None,
    comment: str | None = None,
    today: dt.date,
) -> None:
    line = _line(session, line_id)
    order = _cart(session, context, line.order_id)
    if quantity is not None and quantity != line.quantity:
        if order.kind is OrderKind.INDIVIDUAL_DELIVERY:
            raise RuleViolation(QT_TRANSLATE_NOOP("app", "An individual is always one device."))
        _check_quantity(quantity)
        _place(_Sources(session, context, order), order, line, quantity)
    if comment is not None:
        line.comment = comment.strip()


def _release_individual(session: Session, context: WorkContext, line: OrderLine) -> None:
    for individual in session.scalars(select(Individual).where(Individual.order_line_id == line.id)):
        if individual.status is IndividualStatus.RESERVED:
            change_status(
                session,
                individual,
                IndividualStatus.IN_STOCK,
                user_id=context.user_id,
                document=Document(DocumentKind.ORDER, line.order_id),
                order_line_id=None,
                note="released from an order in progress",
            )


def remove_line(session: Session, context: WorkContext, *, line_id: uuid.UUID) -> None:
    line = _line(session, line_id)
    order = _cart(session, context, line.order_id)
    _release_individual(session, context, line)
    session.delete(line)
    session.flush()
    session.expire(order, ["lines"])


def discard_cart(session: Session, context: WorkContext, *, order_id: uuid.UUID) -> None:
    """Throw away an order in progress: its lines go, reserved individuals return to stock."""
    order = _cart(session, context, order_id)
    for line in list(order.lines):
        _release_individual(session, context, line)
        session.delete(line)
    session.flush()
    session.delete(order)


def set_delivery(
    session: Session, context: WorkContext, *, order_id: uuid.UUID, delivery: DeliveryDetails
) -> None:
    order = _cart(session, context, order_id)
    if delivery.method not in DELIVERY_METHODS:
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "Choose how the order is delivered."))
    patient = session.get(Patient, order.patient_id) if order.patient_id else None
    if delivery.method == "patient_address":
        if patient is None:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("app", "A stock replenishment is always delivered to the clinic.")
            )
        if patient.protected_identity:
            raise RuleViolation(
                QT_TRANSLATE_NOOP(
                    "app", "Protected identity: everything is delivered to the prescribing unit."
                )
            )
        delivery = replace(
            delivery,
            name=f"{patient.first_name} {patient.last_name}",
            street=patient.street,
            postal_code=patient.postal_code,
            city=patient.city,
        )
    elif delivery.method == "other_address":
        if patient is None or patient.protected_identity:
            raise RuleViolation(
                QT_TRANSLATE_NOOP("app", "This order is delivered to the clinic, not to another address.")
            )
        if not (delivery.street.strip() and delivery.postal_code.strip() and delivery.city.strip()):
            raise InvalidInput(
                QT_TRANSLATE_NOOP("app", "Give street, postal code and city for the delivery.")
            )
    else:
        clinic = _clinic_delivery(session, context)
        delivery = replace(
            delivery, name=clinic.name, street=clinic.street, postal_code=clinic.postal_code, city=clinic.city
        )
    _store_delivery(order, delivery)


def default_deliver_from(session: Session, context: WorkContext) -> DeliverFrom:
    """The user's setting for new patient carts (aid service when the user row is gone)."""
    user = session.get(User, context.user_id)
    return user.default_deliver_from if user is not None else DeliverFrom.AID_SERVICE


def set_default_deliver_from(session: Session, context: WorkContext, value: DeliverFrom) -> None:
    """The user's setting: new patient carts deliver from the aid service or from own stock."""
    user = session.get(User, context.user_id)
    if user is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("app", "The user {username} does not exist or is inactive."),
            username=context.username,
        )
    user.default_deliver_from = value


# ---------------------------------------------------------------------------------------------- send


def _hand_out(
    session: Session,
    context: WorkContext,
    order: Order,
    patient: Patient,
    today: dt.date,
    existing: fees.ExistingFees | None,
    plain: PlainRows,
) -> None:
    """R10b/c: a withdrawal from own stock is delivered at once."""
    reserved: dict[uuid.UUID, list[Individual]] = {}
    for individual in session.scalars(
        select(Individual).where(Individual.order_line_id.in_([line.id for line in order.lines]))
    ):
        assert individual.order_line_id is not None
        reserved.setdefault(individual.order_line_id, []).append(individual)
    for line in order.lines:
        individuals = reserved.get(line.id, [])
        for individual in individuals:
            assert individual.warehouse_id is not None  # reserved in a warehouse of this service location
            withdraw(
                plain,
                context,
                order_id=order.id,
                line=line,
                warehouse_id=individual.warehouse_id,
                individual=individual,
            )
            change_status(
                session,
                individual,
                IndividualStatus.DELIVERED,
                user_id=context.user_id,
                document=Document(DocumentKind.ORDER, order.id),
                patient_id=patient.id,
                warehouse_id=None,
                events=plain,
            )
        if not individuals:
            assert line.deliver_from_warehouse_id is not None
            withdraw(
                plain, context, order_id=order.id, line=line, warehouse_id=line.deliver_from_warehouse_id
            )
        line.status = LineStatus.DELIVERED
        line.delivered_on = today
        fees.fees_at_delivery(
            session,
            patient=patient,
            line=line,
            individual_ids=[i.id for i in individuals],
            delivered_on=today,
            existing=existing,
        )
    order.status = OrderStatus.DELIVERED


def settle_status(order: Order) -> None:
    """The stored status follows the lines (a central-warehouse line is written delivered at sending;
    ``deliveries.status_on`` says what the clerk sees on a given day)."""
    statuses = [line.status for line in order.lines]
    if all(s is LineStatus.CANCELLED for s in statuses):
        order.status = OrderStatus.CANCELLED
    elif all(s is not LineStatus.OPEN for s in statuses):
        order.status = OrderStatus.DELIVERED
    elif any(s is LineStatus.DELIVERED for s in statuses):
        order.status = OrderStatus.PARTLY_DELIVERED
    else:
        order.status = OrderStatus.SENT


def send_order(
    session: Session, context: WorkContext, *, order_id: uuid.UUID, allocator: NumberAllocator, today: dt.date
) -> SentOrder:
    """Check the cart once more, number it (R15) and send it; own-stock kinds are handed out at once.

    What the lines need is read once for the whole order (their articles, the warehouses and balances,
    70's free devices, the fees they carry) and the rows are written in one flush at the end.
    """
    order = _cart(session, context, order_id, _WITH_LINES)
    if not order.lines:
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "The order has no lines: add an article first."))
    patient = session.get(Patient, order.patient_id) if order.patient_id else None
    if order.kind in PATIENT_KINDS:
        if patient is None:
            raise InvalidInput(QT_TRANSLATE_NOOP("app", "Give the recipient's identity number first."))
        if order.prescriber_id is None:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("app", "Choose the prescriber the order is made in the name of.")
            )
    report = _check_patient_may_order(session, context, patient, today) if patient is not None else None
    sources = _Sources(session, context, order)
    for line in list(order.lines):
        article = line.article
        if article.article_type is ArticleType.SERVICE and not line.comment.strip():
            raise RuleViolation(
                QT_TRANSLATE_NOOP(
                    "app", "Line {line}, {article}: a service purchase needs a comment saying what is bought."
                ),
                line=str(line.line_number),
                article=article.name,
            )
        if report is not None:
            _check_article(report, article, order.kind)
        if order.kind is OrderKind.INDIVIDUAL_DELIVERY:
            continue  # the individual was checked and reserved when it was added
        _place(sources, order, line, line.quantity)  # balances may have moved since it was added
    # Everything read before the first write, so nothing is flushed until the end.
    central = sources.warehouse(WarehouseKind.CENTRAL)
    destination = own_stock(session, order.service_location_id) if patient is None else None
    from_central = [line for line in order.lines if line.deliver_from_warehouse_id == central.id]
    devices = pick_devices(session, central, from_central, sources.free)
    existing = fees.existing_fees(session, [line.id for line in order.lines]) if patient is not None else None
    order.number = allocator.allocate(session, today)
    order.status = OrderStatus.SENT
    order.sent_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    plain = PlainRows()  # stock movements and device events, written after the flush of the rest
    for line in order.lines:
        if patient is not None:
            fees.fees_at_order(session, patient=patient, line=line, today=today, existing=existing)
        if line.deliver_from_warehouse_id == central.id:
            # R10a, R20: a delivery from 70 arrives already received (app.deliveries).
            given = dispatch_line(
                session,
                context,
                line=line,
                patient_id=order.patient_id,
                destination=destination,
                today=today,
                central=central,
                devices=devices.get(line.id, []),
                plain=plain,
            )
            assert line.delivered_on is not None
            fees.fees_at_delivery(
                session,
                patient=patient,
                line=line,
                individual_ids=given,
                delivered_on=line.delivered_on,
                existing=existing,
            )
    settle_status(order)
    handed_out = order.kind in HANDED_OUT_AT_SENDING
    if handed_out:
        assert patient is not None
        _hand_out(session, context, order, patient, today, existing, plain)
    session.flush()
    plain.write(session)
    log.info("order sent: order_id=%s number=%s lines=%d", order.id, order.number, len(order.lines))
    direct = sources.warehouse(WarehouseKind.DIRECT_PURCHASE)
    return SentOrder(
        order_id=order.id,
        number=order.number,
        status=order.status,
        needs_purchase_orders=bool(_lines_needing_purchase_orders(order, direct)),
        purchase_orders=(),
        handed_out=handed_out,
    )


def _lines_needing_purchase_orders(order: Order, direct: Warehouse) -> list[OrderLine]:
    return [
        line
        for line in order.lines
        if line.deliver_from_warehouse_id == direct.id
        and line.purchase_order_id is None
        and line.status is LineStatus.OPEN
    ]


def create_purchase_orders(
    session: Session, context: WorkContext, *, order_id: uuid.UUID, allocator: NumberAllocator, today: dt.date
) -> tuple[PurchaseOrderRef, ...]:
    """One purchase order per supplier for the lines through warehouse 750 that have none (R13, R14)."""
    order = _order(session, order_id)
    if order.status not in (OrderStatus.SENT, OrderStatus.PARTLY_DELIVERED):
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "Purchase orders are made for a sent order that is still open.")
        )
    if order.service_location_id != context.service_location_id:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "Only the order's own service location can make its purchase orders.")
        )
    by_supplier: dict[uuid.UUID, list[OrderLine]] = {}
    for line in _lines_needing_purchase_orders(
        order, _warehouse_of_kind(session, WarehouseKind.DIRECT_PURCHASE)
    ):
        by_supplier.setdefault(line.article.supplier_id, []).append(line)
    if not by_supplier:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "Every line of this order already has its purchase order.")
        )
    made = []
    for supplier_id, lines in sorted(by_supplier.items(), key=lambda item: item[1][0].line_number):
        purchase = PurchaseOrder(
            number=allocator.allocate(session, today),
            order_id=order.id,
            supplier_id=supplier_id,
        )
        session.add(purchase)
        session.flush()
        for line in lines:
            line.purchase_order_id = purchase.id
        supplier = session.get(Supplier, supplier_id)
        made.append(PurchaseOrderRef(purchase.id, purchase.number, supplier.name if supplier else ""))
    log.info("purchase orders made: order_id=%s count=%d", order.id, len(made))
    return tuple(made)


# -------------------------------------------------------------------------------------------- cancel


def _cancel_refusal(order: Order, today: dt.date) -> str:
    """Why *order* cannot be cancelled on *today* (R16), a translatable sentence; "" when it can."""
    if order.status is OrderStatus.CART:
        return QT_TRANSLATE_NOOP("app", "The order has not been sent; remove its lines instead.")
    if order.kind in HANDED_OUT_AT_SENDING:
        return QT_TRANSLATE_NOOP(
            "app",
            "A withdrawal from own stock is already delivered and cannot be cancelled: register a return.",
        )
    if order.status is OrderStatus.CANCELLED:
        return QT_TRANSLATE_NOOP("app", "The order is already cancelled.")
    if any(line_arrived(line, today) for line in order.lines):
        return QT_TRANSLATE_NOOP("app", "Part of the order has been delivered, so it cannot be cancelled.")
    if any(line.purchase_order_id is not None for line in order.lines):
        return QT_TRANSLATE_NOOP(
            "app",
            "A purchase order exists for this order, so it cannot be cancelled: contact the aid centre.",
        )
    if order.logistics_started:
        return QT_TRANSLATE_NOOP(
            "app", "Logistics has started on this order, so it cannot be cancelled: contact the aid centre."
        )
    return ""


def cancel_order(session: Session, context: WorkContext, *, order_id: uuid.UUID, today: dt.date) -> None:
    """Cancel while nothing has been delivered, no purchase order exists and logistics has not started
    (R16): lines from 70 give their quantity and devices back before their delivery day."""
    order = _order(session, order_id)
    refusal = _cancel_refusal(order, today)
    if refusal:
        raise RuleViolation(refusal)
    destination = own_stock(session, order.service_location_id) if order.patient_id is None else None
    for line in order.lines:
        if line.status is LineStatus.DELIVERED:  # from 70, before its delivery day
            undo_dispatch(session, context, line=line, destination=destination)
        line.status = LineStatus.CANCELLED
    order.status = OrderStatus.CANCELLED
    fees.cancel_fees_of_order(session, order_id=order.id)
    log.info("order cancelled: order_id=%s", order.id)


# -------------------------------------------------------------------------------------------- search


def _rows(session: Session, orders: list[Order], today: dt.date) -> list[OrderRow]:
    if not orders:
        return []
    ids = [order.id for order in orders]
    lines: dict[uuid.UUID, list[tuple[LineStatus, dt.date | None]]] = {}
    for order_id, status, delivered_on in session.execute(
        select(OrderLine.order_id, OrderLine.status, OrderLine.delivered_on).where(
            OrderLine.order_id.in_(ids)
        )
    ):
        lines.setdefault(order_id, []).append((status, delivered_on))
    user_ids = {o.orderer_id for o in orders} | {o.prescriber_id for o in orders if o.prescriber_id}
    users = dict(session.execute(select(User.id, User.full_name).where(User.id.in_(user_ids))).all())
    patient_ids = {o.patient_id for o in orders if o.patient_id}
    patients = {p.id: p for p in session.scalars(select(Patient).where(Patient.id.in_(patient_ids)))}
    locations = dict(session.execute(select(ServiceLocation.id, ServiceLocation.code)).all())
    return [
        OrderRow(
            id=order.id,
            number=order.number or "",
            created_on=(order.sent_at or order.created_at).date(),
            kind=order.kind,
            status=status_on(order.status, lines.get(order.id, []), today),
            patient_label=patient_label(patients.get(order.patient_id)) if order.patient_id else "",
            orderer_name=users.get(order.orderer_id, ""),
            prescriber_name=users.get(order.prescriber_id, "")
            if order.prescriber_id and order.patient_id
            else "",
            service_location_code=locations.get(order.service_location_id, ""),
            line_count=len(lines.get(order.id, [])),
        )
        for order in orders
    ]


def search_orders(
    session: Session, context: WorkContext, query: OrderQuery, today: dt.date | None = None
) -> list[OrderRow]:
    """Newest first (R17): by full number, or by service location and period; "my orders"."""
    statement = select(Order).where(Order.status != OrderStatus.CART)
    number = document_number(query.number)
    if number:
        if not (len(number) == 8 and is_digits(number)):
            raise InvalidInput(
                QT_TRANSLATE_NOOP("app", "{text} is not an order number: give all 8 digits."),
                text=query.number,
            )
        statement = statement.where(Order.number == number)
    else:
        if query.service_location_id is not None:
            statement = statement.where(Order.service_location_id == query.service_location_id)
        if query.date_from is not None:
            start = dt.datetime.combine(query.date_from, dt.time())
            statement = statement.where(Order.created_at >= start)
        if query.date_to is not None:
            end = dt.datetime.combine(query.date_to + dt.timedelta(days=1), dt.time())
            statement = statement.where(Order.created_at < end)
        if query.mine:
            statement = statement.where(
                or_(Order.orderer_id == context.user_id, Order.prescriber_id == context.user_id)
            )
    orders = list(session.scalars(statement.order_by(Order.created_at.desc()).limit(query.limit)))
    return _rows(session, orders, today or dt.date.today())


def order_detail(session: Session, order_id: uuid.UUID, today: dt.date | None = None) -> OrderDetail:
    today = today or dt.date.today()
    order = _order(session, order_id)
    (row,) = _rows(session, [order], today)
    warehouses = dict(session.execute(select(Warehouse.id, Warehouse.code)).all())
    purchase = aliased(PurchaseOrder)
    purchases = {
        p.id: p
        for p in session.scalars(
            select(purchase).where(purchase.order_id == order.id).order_by(purchase.number)
        )
    }
    suppliers = dict(
        session.execute(
            select(Supplier.id, Supplier.name).where(
                Supplier.id.in_({p.supplier_id for p in purchases.values()})
            )
        ).all()
    )
    lines = tuple(
        DetailLine(
            line_number=line.line_number,
            article_number=line.article.article_number,
            article_name=line.article.name,
            quantity=line.quantity,
            deliver_from_code=warehouses.get(line.deliver_from_warehouse_id, "")
            if line.deliver_from_warehouse_id
            else "",
            # A line from 70 shows as ordered, with its planned day, until the day it counts as delivered.
            status=line.status
            if line.status is not LineStatus.DELIVERED or line_arrived(line, today)
            else LineStatus.OPEN,
            planned_delivery_on=line.planned_delivery_on,
            delivered_on=line.delivered_on if line_arrived(line, today) else None,
            comment=line.comment,
            purchase_order_number=purchases[line.purchase_order_id].number
            if line.purchase_order_id in purchases
            else "",
        )
        for line in order.lines
    )
    refusal = _cancel_refusal(order, today)
    needs = order.status in (OrderStatus.SENT, OrderStatus.PARTLY_DELIVERED) and bool(
        _lines_needing_purchase_orders(order, _warehouse_of_kind(session, WarehouseKind.DIRECT_PURCHASE))
    )
    return OrderDetail(
        row=row,
        lines=lines,
        delivery=_delivery_of(order),
        purchase_orders=tuple(
            PurchaseOrderRef(p.id, p.number, suppliers.get(p.supplier_id, "")) for p in purchases.values()
        ),
        needs_purchase_orders=needs,
        can_cancel=not refusal,
        cancel_refusal=refusal,
    )
