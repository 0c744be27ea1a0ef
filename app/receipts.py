"""Goods receipt (kvittens) of direct deliveries: find by purchase or order number (R18), price and mark
what arrived (R19), cancel what cannot be delivered, and list what is still waiting (R20).

Only lines that go through the direct-purchase warehouse 750 are received here: deliveries from the
central warehouse 70 arrive already received. Every write runs in the caller's unit of work, and every
check is made before the first row changes, so a refused receipt saves nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import fees
from app.changelog import PlainRows
from app.errors import InvalidInput, NotFound, RuleViolation
from app.i18n import QT_TRANSLATE_NOOP
from app.individuals import register
from app.orders import own_stock, settle_status
from app.organisation import WorkContext
from app.patients import patient_label
from app.stock import Document, move
from app.typed_input import is_digits, normalise_digits
from db.base import new_id
from db.models import (
    Article,
    GoodsReceipt,
    GoodsReceiptLine,
    Individual,
    Order,
    OrderLine,
    Patient,
    PurchaseOrder,
    ServiceLocation,
    Supplier,
    User,
    Warehouse,
)
from db.models.enums import (
    DocumentKind,
    IndividualStatus,
    LineStatus,
    MovementReason,
    OrderKind,
    OrderStatus,
    PurchaseOrderStatus,
    WarehouseKind,
)

log = logging.getLogger(__name__)

NUMBER_LENGTH = 8
_SEPARATORS = re.compile(r"[\s\-–—]")
_AMOUNT = re.compile(r"[0-9]+(\.[0-9]*)?|\.[0-9]+")  # kronor, ASCII digits (no sign, exponent or "_")
_CENT = Decimal("0.01")
_WAITING = (OrderStatus.SENT, OrderStatus.PARTLY_DELIVERED)
_PURCHASE_OPEN = (PurchaseOrderStatus.CREATED, PurchaseOrderStatus.SENT)


# ---------------------------------------------------------------------------------------------- results


@dataclass(frozen=True)
class DeliveryLine:
    id: uuid.UUID
    line_number: int
    article_id: uuid.UUID
    article_number: str
    article_name: str
    supplier_article_number: str
    supplier_name: str
    quantity: int
    unit_price: Decimal
    #: Priced 0 when ordered: the unit price must be given at receipt (R19).
    needs_price: bool
    #: An individual number and a serial number are needed for each unit (R19).
    individually_marked: bool
    comment: str
    purchase_order_number: str  # "" while no purchase order exists
    planned_delivery_on: dt.date | None
    #: The article's GTIN-14 (a box's UDI names the line by it); None when the article has none.
    gtin: str | None = None


@dataclass(frozen=True)
class Delivery:
    """An order's open direct-delivery lines, as the receipt page shows them."""

    order_id: uuid.UUID
    order_number: str
    #: The number the clerk typed turned out to be this purchase order ("" when it was the order number).
    matched_purchase_order_number: str
    purchase_order_numbers: tuple[str, ...]
    supplier_names: tuple[str, ...]
    kind: OrderKind
    #: Identity and name; for a protected identity (R5) only the fictive name. "" for a replenishment.
    patient_label: str
    protected_identity: bool
    orderer_name: str
    service_location_name: str
    planned_delivery_on: dt.date | None  # the earliest of the open lines
    lines: tuple[DeliveryLine, ...]


@dataclass(frozen=True)
class DeliverySummary:
    """One row of the list of unreceived deliveries of a service location (R20)."""

    order_id: uuid.UUID
    order_number: str
    purchase_order_numbers: tuple[str, ...]
    supplier_names: tuple[str, ...]
    kind: OrderKind
    patient_label: str
    protected_identity: bool
    orderer_name: str
    ordered_on: dt.date
    planned_delivery_on: dt.date | None
    open_lines: int


@dataclass(frozen=True)
class LineReceipt:
    """What the clerk confirms for one ticked line."""

    line_id: uuid.UUID
    quantity: int  # the delivered quantity: it must be the ordered quantity (R18)
    unit_price: Decimal | None = None  # required when the line is priced 0 (R19)
    #: (individual number, serial number) per unit of an individually marked line (R19).
    units: tuple[tuple[str, str], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ReceiptResult:
    order_id: uuid.UUID
    order_number: str
    receipt_ids: tuple[uuid.UUID, ...]
    lines_received: int
    individual_ids: tuple[uuid.UUID, ...]
    fees_created: int
    order_status: OrderStatus


# ---------------------------------------------------------------------------------------------- helpers


def normalise_number(text: str) -> str:
    """A purchase or order number as typed or scanned: spaces and dashes removed, 8 digits (R15)."""
    cleaned = _SEPARATORS.sub("", normalise_digits(text))
    if not cleaned:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "Type or scan the purchase number or the order number of the delivery.")
        )
    if not (is_digits(cleaned) and len(cleaned) == NUMBER_LENGTH):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "app",
                "{number} is not a purchase or order number: those have 8 digits (year, week, running number).",
            ),
            number=text.strip(),
        )
    return cleaned


def parse_amount(text: str) -> Decimal:
    """A price typed at the desk ("1 234,50", "1234.5", "850 kr") as a Decimal of kronor."""
    cleaned = re.sub(r"(?i)(kr|sek|:-)", "", normalise_digits(text))
    cleaned = re.sub(r"\s", "", cleaned).replace(",", ".")
    value = Decimal(cleaned) if _AMOUNT.fullmatch(cleaned) else Decimal("NaN")
    if not value.is_finite():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "{text} is not an amount in kronor; type it like 1 234,50."),
            text=text.strip(),
        )
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def unit_price_from_total(total: Decimal, quantity: int) -> Decimal:
    """The unit price when the delivery note gives the line's total (R19): total ÷ quantity, to öre."""
    if quantity <= 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "The quantity must be at least 1."))
    return (total / quantity).quantize(_CENT, rounding=ROUND_HALF_UP)


def _patient_label(patient: Patient | None) -> tuple[str, bool]:
    return patient_label(patient), bool(patient and patient.protected_identity)


def _direct_warehouse_ids(session: Session) -> set[uuid.UUID]:
    return set(session.scalars(select(Warehouse.id).where(Warehouse.kind == WarehouseKind.DIRECT_PURCHASE)))


def _open_direct(line: OrderLine, direct: set[uuid.UUID]) -> bool:
    return line.status is LineStatus.OPEN and line.deliver_from_warehouse_id in direct


def awaits_receipt(
    session: Session, order_id: uuid.UUID, *, purchase_order_id: uuid.UUID | None = None
) -> bool:
    """Whether the order (only its lines on *purchase_order_id* when given) has lines still to receive at
    the clinic: open lines delivered through the direct-purchase warehouse 750 (R20)."""
    query = (
        select(OrderLine.id)
        .join(Warehouse, Warehouse.id == OrderLine.deliver_from_warehouse_id)
        .where(
            OrderLine.order_id == order_id,
            OrderLine.status == LineStatus.OPEN,
            Warehouse.kind == WarehouseKind.DIRECT_PURCHASE,
        )
    )
    if purchase_order_id is not None:
        query = query.where(OrderLine.purchase_order_id == purchase_order_id)
    return session.scalars(query.limit(1)).first() is not None


def _check_location(session: Session, context: WorkContext, order: Order) -> None:
    """R20: anyone of the order's service location may receive it, a colleague's order too."""
    if order.service_location_id == context.service_location_id:
        return
    location = session.get(ServiceLocation, order.service_location_id)
    raise RuleViolation(
        QT_TRANSLATE_NOOP(
            "app",
            "Order {number} belongs to {location}; it is received by someone working for that service "
            "location.",
        ),
        number=order.number or "",
        location=location.name if location else "",
    )


def _check_has_open_lines(order: Order, direct: set[uuid.UUID]) -> None:
    if any(_open_direct(line, direct) for line in order.lines):
        return
    if order.status is OrderStatus.CANCELLED:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "Order {number} is cancelled; there is nothing to receive."),
            number=order.number or "",
        )
    if any(line.status is LineStatus.OPEN for line in order.lines):
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "Order {number} is delivered from the central warehouse 70 and arrives already received; "
                "there is nothing to receive here.",
            ),
            number=order.number or "",
        )
    raise RuleViolation(
        QT_TRANSLATE_NOOP(
            "app", "Everything on order {number} is already received or cancelled; there is nothing left."
        ),
        number=order.number or "",
    )


# ---------------------------------------------------------------------------------------------- reads


def find_delivery(session: Session, context: WorkContext, number: str) -> Delivery:
    """The delivery a purchase number or an order number belongs to (R18), with its open lines through
    750; refused for another service location or when nothing is left to receive (R20)."""
    cleaned = normalise_number(number)
    purchase = session.scalars(select(PurchaseOrder).where(PurchaseOrder.number == cleaned)).first()
    by_order = session.scalars(select(Order).where(Order.number == cleaned)).first()
    candidates: list[tuple[Order, PurchaseOrder | None]] = []
    if purchase is not None:
        order = session.get(Order, purchase.order_id)
        if order is not None:
            candidates.append((order, purchase))
    if by_order is not None:
        candidates.append((by_order, None))
    if not candidates:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "app",
                "No purchase order or order has the number {number}; check the number on the delivery note.",
            ),
            number=cleaned,
        )
    direct = _direct_warehouse_ids(session)
    first_refusal: Exception | None = None
    for order, matched in candidates:  # the two series may share a number: take the one that fits
        try:
            _check_location(session, context, order)
            _check_has_open_lines(order, direct)
        except RuleViolation as refusal:
            first_refusal = first_refusal or refusal
            continue
        return _delivery(session, order, matched, direct)
    assert first_refusal is not None
    raise first_refusal


def read_delivery(session: Session, context: WorkContext, *, order_id: uuid.UUID) -> Delivery:
    """The delivery of an order picked from the list of unreceived deliveries."""
    order = session.get(Order, order_id)
    if order is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The order no longer exists; refresh the list."))
    direct = _direct_warehouse_ids(session)
    _check_location(session, context, order)
    _check_has_open_lines(order, direct)
    return _delivery(session, order, None, direct)


def _delivery(
    session: Session, order: Order, matched: PurchaseOrder | None, direct: set[uuid.UUID]
) -> Delivery:
    open_lines = [line for line in order.lines if _open_direct(line, direct)]
    purchase_ids = {line.purchase_order_id for line in open_lines if line.purchase_order_id}
    purchases = {
        po.id: po for po in session.scalars(select(PurchaseOrder).where(PurchaseOrder.id.in_(purchase_ids)))
    }
    articles = {
        a.id: a
        for a in session.scalars(
            select(Article).where(Article.id.in_({line.article_id for line in open_lines}))
        )
    }
    suppliers = {
        s.id: s.name
        for s in session.scalars(
            select(Supplier).where(Supplier.id.in_({a.supplier_id for a in articles.values()}))
        )
    }
    lines = []
    for line in open_lines:
        article = articles[line.article_id]
        po = purchases.get(line.purchase_order_id) if line.purchase_order_id else None
        lines.append(
            DeliveryLine(
                id=line.id,
                line_number=line.line_number,
                article_id=article.id,
                article_number=article.article_number,
                article_name=article.name,
                supplier_article_number=article.supplier_article_number,
                supplier_name=suppliers.get(article.supplier_id, ""),
                quantity=line.quantity,
                unit_price=line.unit_price,
                needs_price=line.unit_price == 0,
                individually_marked=article.individually_marked,
                comment=line.comment,
                purchase_order_number=po.number if po else "",
                planned_delivery_on=line.planned_delivery_on,
                gtin=article.gtin,
            )
        )
    patient = session.get(Patient, order.patient_id) if order.patient_id else None
    label, protected = _patient_label(patient)
    orderer = session.get(User, order.orderer_id)
    location = session.get(ServiceLocation, order.service_location_id)
    planned = [line.planned_delivery_on for line in lines if line.planned_delivery_on]
    return Delivery(
        order_id=order.id,
        order_number=order.number or "",
        matched_purchase_order_number=matched.number if matched else "",
        purchase_order_numbers=tuple(sorted(po.number for po in purchases.values())),
        supplier_names=tuple(sorted({line.supplier_name for line in lines if line.supplier_name})),
        kind=order.kind,
        patient_label=label,
        protected_identity=protected,
        orderer_name=orderer.full_name if orderer else "",
        service_location_name=location.name if location else "",
        planned_delivery_on=min(planned) if planned else None,
        lines=tuple(lines),
    )


def unreceived_deliveries(session: Session, context: WorkContext) -> list[DeliverySummary]:
    """R20: every order of the service location with lines still waiting for the supplier's direct
    delivery, the oldest planned delivery first.

    A delivery is awaited once its purchase order exists (R14): the list starts from the purchase orders
    not yet received, which stay few, rather than from every order the location ever placed.
    """
    direct = _direct_warehouse_ids(session)
    if not direct:
        return []
    rows = session.execute(
        select(
            OrderLine.order_id,
            func.count(OrderLine.id),
            func.min(OrderLine.planned_delivery_on),
        )
        .select_from(PurchaseOrder)
        .join(Order, Order.id == PurchaseOrder.order_id)
        .join(OrderLine, OrderLine.purchase_order_id == PurchaseOrder.id)
        .where(
            PurchaseOrder.status.in_(_PURCHASE_OPEN),
            Order.service_location_id == context.service_location_id,
            Order.status.in_(_WAITING),
            OrderLine.status == LineStatus.OPEN,
            OrderLine.deliver_from_warehouse_id.in_(direct),
        )
        .group_by(OrderLine.order_id)
    ).all()
    if not rows:
        return []
    order_ids = [row[0] for row in rows]
    orders = {o.id: o for o in session.scalars(select(Order).where(Order.id.in_(order_ids)))}
    purchase_numbers: dict[uuid.UUID, set[str]] = defaultdict(set)
    supplier_names: dict[uuid.UUID, set[str]] = defaultdict(set)
    for order_id, po_number, supplier_name in session.execute(
        select(OrderLine.order_id, PurchaseOrder.number, Supplier.name)
        .join(Article, Article.id == OrderLine.article_id)
        .join(Supplier, Supplier.id == Article.supplier_id)
        .outerjoin(PurchaseOrder, PurchaseOrder.id == OrderLine.purchase_order_id)
        .where(
            OrderLine.order_id.in_(order_ids),
            OrderLine.status == LineStatus.OPEN,
            OrderLine.deliver_from_warehouse_id.in_(direct),
        )
    ):
        if po_number:
            purchase_numbers[order_id].add(po_number)
        supplier_names[order_id].add(supplier_name)
    patient_ids = {o.patient_id for o in orders.values() if o.patient_id}
    patients = {p.id: p for p in session.scalars(select(Patient).where(Patient.id.in_(patient_ids)))}
    users = {
        u.id: u.full_name
        for u in session.scalars(select(User).where(User.id.in_({o.orderer_id for o in orders.values()})))
    }
    summaries = []
    for order_id, count, planned in rows:
        order = orders[order_id]
        label, protected = _patient_label(patients.get(order.patient_id) if order.patient_id else None)
        summaries.append(
            DeliverySummary(
                order_id=order.id,
                order_number=order.number or "",
                purchase_order_numbers=tuple(sorted(purchase_numbers[order_id])),
                supplier_names=tuple(sorted(supplier_names[order_id])),
                kind=order.kind,
                patient_label=label,
                protected_identity=protected,
                orderer_name=users.get(order.orderer_id, ""),
                ordered_on=(order.sent_at or order.created_at).date(),
                planned_delivery_on=planned,
                open_lines=int(count),
            )
        )
    summaries.sort(
        key=lambda s: (s.planned_delivery_on is None, s.planned_delivery_on or dt.date.max, s.order_number)
    )
    return summaries


# ---------------------------------------------------------------------------------------------- writes


@dataclass(frozen=True)
class _Checked:
    line: OrderLine
    article: Article
    unit_price: Decimal
    units: tuple[tuple[str, str], ...]


def _line_label(line: OrderLine, article: Article) -> dict[str, str]:
    return {"line": str(line.line_number), "article": article.name}


def _load_open_lines(
    session: Session, context: WorkContext, order_id: uuid.UUID, line_ids: Iterable[uuid.UUID]
) -> tuple[Order, list[OrderLine]]:
    order = session.get(Order, order_id)
    if order is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The order no longer exists; refresh the list."))
    _check_location(session, context, order)
    wanted = list(dict.fromkeys(line_ids))
    if not wanted:
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "Tick the lines first."))
    by_id = {line.id: line for line in order.lines}
    direct = _direct_warehouse_ids(session)
    lines = []
    for line_id in wanted:
        line = by_id.get(line_id)
        if line is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("app", "A ticked line is not on order {number}; open the delivery again."),
                number=order.number or "",
            )
        if not _open_direct(line, direct):
            raise RuleViolation(
                QT_TRANSLATE_NOOP(
                    "app",
                    "Line {line} of order {number} is not waiting for a direct delivery (already received, "
                    "cancelled or delivered from 70); open the delivery again.",
                ),
                line=str(line.line_number),
                number=order.number or "",
            )
        lines.append(line)
    return order, lines


def _check_line(order: Order, line: OrderLine, article: Article, receipt: LineReceipt) -> _Checked:
    label = _line_label(line, article)
    if receipt.quantity <= 0:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "app",
                "Line {line} ({article}): type how many were delivered, or untick the line if nothing came.",
            ),
            **label,
        )
    if receipt.quantity != line.quantity:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "Line {line} ({article}): {ordered} ordered but {delivered} delivered; a line cannot be partly "
                "received, so contact the aid centre and give order number {number}.",
            ),
            ordered=str(line.quantity),
            delivered=str(receipt.quantity),
            number=order.number or "",
            **label,
        )
    price = line.unit_price
    if line.unit_price == 0:
        if receipt.unit_price is None or receipt.unit_price <= 0:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "app",
                    "Line {line} ({article}) has no price: type the unit price from the delivery note (or its "
                    "total, which is divided by the quantity).",
                ),
                **label,
            )
        price = receipt.unit_price.quantize(_CENT, rounding=ROUND_HALF_UP)
    units: tuple[tuple[str, str], ...] = ()
    if article.individually_marked:
        units = tuple(
            (normalise_digits(number).strip(), normalise_digits(serial).strip())
            for number, serial in receipt.units
        )
        if len(units) != line.quantity or any(not number or not serial for number, serial in units):
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "app",
                    "Line {line} ({article}) is individually marked: type an individual number and a serial "
                    "number for each of its {quantity} units.",
                ),
                quantity=str(line.quantity),
                **label,
            )
    return _Checked(line, article, price, units)


def _check_unique_units(session: Session, checked: Sequence[_Checked]) -> None:
    """R19: an individual number exists once; a serial number once per article (DB and this receipt)."""
    numbers: set[str] = set()
    serials: set[tuple[uuid.UUID, str]] = set()
    for item in checked:
        for number, serial in item.units:
            if number in numbers:
                raise InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "app", "Individual number {number} is typed twice; each unit has its own number."
                    ),
                    number=number,
                )
            if (item.article.id, serial) in serials:
                raise InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "app", "Serial number {serial} of {article} is typed twice; each unit has its own."
                    ),
                    serial=serial,
                    article=item.article.name,
                )
            numbers.add(number)
            serials.add((item.article.id, serial))
    if not numbers:
        return
    taken = session.scalars(
        select(Individual.individual_number).where(Individual.individual_number.in_(numbers))
    ).first()
    if taken is not None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "Individual number {number} already belongs to another device; check the label and type this "
                "unit's number.",
            ),
            number=taken,
        )
    registered = {
        (article_id, serial)
        for article_id, serial in session.execute(
            select(Individual.article_id, Individual.serial_number).where(
                Individual.serial_number.in_({serial for _article, serial in serials})
            )
        )
    }
    for item in checked:  # the first line (in order) with a serial number its article already has
        for _number, serial in item.units:
            if (item.article.id, serial) in registered:
                raise RuleViolation(
                    QT_TRANSLATE_NOOP(
                        "app",
                        "Serial number {serial} is already registered for {article}; check the label and "
                        "type this unit's serial number.",
                    ),
                    serial=serial,
                    article=item.article.name,
                )


def _own_stock(session: Session, context: WorkContext) -> Warehouse:
    warehouse = own_stock(session, context.service_location_id)
    if warehouse is None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "{location} has no own stock to receive a replenishment into; contact the aid centre.",
            ),
            location=context.service_location_name,
        )
    return warehouse


def _settle_statuses(session: Session, order: Order) -> None:
    """Order and purchase-order status follow their lines (after a receipt or a cancellation)."""
    settle_status(order)
    by_purchase: dict[uuid.UUID, list[LineStatus]] = defaultdict(list)
    for line in order.lines:
        if line.purchase_order_id is not None:
            by_purchase[line.purchase_order_id].append(line.status)
    for purchase_id, line_statuses in by_purchase.items():
        if any(s is LineStatus.OPEN for s in line_statuses):
            continue
        purchase = session.get(PurchaseOrder, purchase_id)
        if purchase is None:
            continue
        done = (
            PurchaseOrderStatus.CANCELLED
            if all(s is LineStatus.CANCELLED for s in line_statuses)
            else PurchaseOrderStatus.RECEIVED
        )
        if purchase.status is not done:
            purchase.status = done


def receive(
    session: Session,
    context: WorkContext,
    *,
    order_id: uuid.UUID,
    lines: Sequence[LineReceipt],
    today: dt.date,
    delivery_note: str = "",
) -> ReceiptResult:
    """Receive the ticked lines of a direct delivery (R18, R19).

    A replenishment goes into the service location's own stock at once (balance and individuals); a
    patient order's units are delivered to the patient, with the fees due at delivery (R22).
    """
    order, order_lines = _load_open_lines(session, context, order_id, [r.line_id for r in lines])
    receipts = {r.line_id: r for r in lines}
    articles = {
        a.id: a
        for a in session.scalars(
            select(Article).where(Article.id.in_({line.article_id for line in order_lines}))
        )
    }
    checked = [_check_line(order, line, articles[line.article_id], receipts[line.id]) for line in order_lines]
    _check_unique_units(session, checked)
    replenishment = order.kind is OrderKind.REPLENISHMENT
    stock = _own_stock(session, context) if replenishment else None
    patient = session.get(Patient, order.patient_id) if order.patient_id else None
    existing = fees.existing_fees(session, [line.id for line in order_lines]) if stock is None else None
    note = delivery_note.strip()[:40]

    goods_receipts: dict[uuid.UUID | None, GoodsReceipt] = {}
    for item in checked:  # one receipt per purchase order, as the supplier's delivery note is
        key = item.line.purchase_order_id
        if key not in goods_receipts:
            goods_receipts[key] = GoodsReceipt(
                id=new_id(),
                order_id=order.id,
                purchase_order_id=key,
                received_by_id=context.user_id,
                service_location_id=context.service_location_id,
                warehouse_id=stock.id if stock else item.line.deliver_from_warehouse_id,
                delivery_note=note,
            )
    session.add_all(goods_receipts.values())

    # The devices first, as plain rows: the fees and events made below refer to them.
    status = IndividualStatus.IN_STOCK if stock else IndividualStatus.DELIVERED
    warehouse_id = stock.id if stock else None
    patient_id = None if stock else order.patient_id
    new_devices = PlainRows()
    plain = PlainRows()  # device events, receipt lines and stock movements: written after the rest
    devices: dict[uuid.UUID, list[uuid.UUID]] = {}
    for item in checked:
        document = Document(DocumentKind.GOODS_RECEIPT, goods_receipts[item.line.purchase_order_id].id)
        devices[item.line.id] = [
            register(
                new_devices,
                plain,
                status=status,
                individual_number=number,
                serial_number=serial,
                article_id=item.article.id,
                warehouse_id=warehouse_id,
                patient_id=patient_id,
                order_line_id=item.line.id,
                purchase_date=today,
                purchase_price=item.unit_price,
                user_id=context.user_id,
                document=document,
            )
            for number, serial in item.units
        ]
    new_devices.write(session)

    individual_ids: list[uuid.UUID] = []
    fee_count = 0
    for item in checked:
        line, article, price = item.line, item.article, item.unit_price
        receipt = goods_receipts[line.purchase_order_id]
        plain.add(
            GoodsReceiptLine,
            goods_receipt_id=receipt.id,
            order_line_id=line.id,
            quantity=line.quantity,
            unit_price=price,
        )
        line.status = LineStatus.DELIVERED
        line.delivered_on = today
        if line.unit_price != price:
            line.unit_price = price
        made = devices[line.id]
        individual_ids.extend(made)
        if stock is not None:  # "stock and individuals appear in the receiving warehouse at once"
            movements: list[tuple[int, uuid.UUID | None]] = [(1, i) for i in made] or [(line.quantity, None)]
            for quantity, device_id in movements:
                move(
                    plain,
                    article_id=article.id,
                    warehouse_id=stock.id,
                    quantity=quantity,
                    reason=MovementReason.GOODS_RECEIPT,
                    document=Document(DocumentKind.GOODS_RECEIPT, receipt.id),
                    user_id=context.user_id,
                    unit_price=price,
                    individual_id=device_id,
                )
        else:
            due = fees.fees_at_delivery(
                session,
                patient=patient,
                line=line,
                individual_ids=made,
                delivered_on=today,
                existing=existing,
            )
            fee_count += len(due)
    _settle_statuses(session, order)
    session.flush()
    plain.write(session)
    log.info(
        "goods receipt %s of order %s: %d lines, %d individuals, %d fees",
        ",".join(str(r.id) for r in goods_receipts.values()),
        order.id,
        len(checked),
        len(individual_ids),
        fee_count,
    )
    return ReceiptResult(
        order_id=order.id,
        order_number=order.number or "",
        receipt_ids=tuple(r.id for r in goods_receipts.values()),
        lines_received=len(checked),
        individual_ids=tuple(individual_ids),
        fees_created=fee_count,
        order_status=order.status,
    )


def cancel_lines(
    session: Session,
    context: WorkContext,
    *,
    order_id: uuid.UUID,
    line_ids: Sequence[uuid.UUID],
    today: dt.date,
) -> None:
    """R20: lines the supplier cannot deliver are cancelled at receipt; the clerk tells the supplier."""
    order, lines = _load_open_lines(session, context, order_id, line_ids)
    for line in lines:
        line.status = LineStatus.CANCELLED
    fees.cancel_fees_of_order(session, order_id=order.id, line_ids=[line.id for line in lines])
    _settle_statuses(session, order)
    session.flush()
    log.info("order %s: %d lines cancelled at receipt on %s", order.id, len(lines), today.isoformat())
