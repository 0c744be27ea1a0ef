"""Deliveries from the central warehouse 70 (R10a, R20, R16).

A line from the central warehouse arrives "already received" (002: "När du får leverans från
Hjälpmedels centrallager – Hörsel, 70 är din beställning redan kvitterad"): nobody at the clinic receives
it. So the workstation that sends the order settles the line completely in the same unit of work: the
quantity leaves 70's balance, an individually marked article gets its devices from 70's stock, and the
line is written as delivered with ``delivered_on`` set to the planned delivery day, its fees (charger
clock included) running from that day. Until that day every list shows the line as ordered, with its
planned day; from that day it is among the patient's aids held. When the central warehouse reports the
dispatch earlier (an aid-centre user, ``report_dispatch``, travelling to every workstation by sync),
``delivered_on`` and the fees move to the dispatch day.

Why decided at sending and not by a later job: one workstation writes the line once, so two workstations
(or one offline for days) can never deliver the same line twice, bill its fees twice, or disagree; every
list reads the same two columns and today's date. ``arrived_by`` and ``on_its_way`` are the only
definition of "delivered by today" the lists use (``app.deliveries``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import uuid
from collections.abc import Collection, Sequence
from functools import cache

from sqlalchemy import ColumnElement, Integer, Select, bindparam, func, select
from sqlalchemy.orm import Session

from app import fees
from app.changelog import PlainRows
from app.errors import InvalidInput, NotFound, RuleViolation
from app.i18n import QT_TRANSLATE_NOOP
from app.individuals import change_status
from app.organisation import WorkContext
from app.stock import Document, move, withdraw
from db.models import Individual, Order, OrderLine, UserRole, Warehouse
from db.models.enums import DocumentKind, IndividualStatus, LineStatus, MovementReason, Role, WarehouseKind

log = logging.getLogger(__name__)

# Central warehouse deliveries reach the clinic this many weekdays after sending.
CENTRAL_LEAD_WEEKDAYS = 2


def add_weekdays(day: dt.date, count: int) -> dt.date:
    while count:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def central_warehouse(session: Session) -> Warehouse:
    warehouse = session.scalars(
        select(Warehouse).where(Warehouse.kind == WarehouseKind.CENTRAL).order_by(Warehouse.code)
    ).first()
    if warehouse is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("app", "The central warehouse 70 is missing; contact the aid centre.")
        )
    return warehouse


_individual = Individual.__table__


def _free_in(warehouse_id: uuid.UUID) -> tuple[ColumnElement[bool], ...]:
    return (_individual.c.warehouse_id == warehouse_id, _individual.c.status == IndividualStatus.IN_STOCK)


def free_counts(
    session: Session, warehouse_id: uuid.UUID, article_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, int]:
    """How many devices of each of *article_ids* are free in *warehouse_id* (one query, counted in the
    index ``ix_individual_article_stock`` without reading a device)."""
    found = dict.fromkeys(article_ids, 0)
    if article_ids:
        for article_id, count in session.execute(
            select(_individual.c.article_id, func.count())
            .where(_individual.c.article_id.in_(article_ids), *_free_in(warehouse_id))
            .group_by(_individual.c.article_id)
        ):
            found[article_id] = count
    return found


def _start(line_id: uuid.UUID, free: int) -> int:
    """Where in the free devices (in id order) a line starts taking them: a place that differs per line,
    so two workstations sending offline rarely pick the same device (when they do, sync shows the conflict
    to a person)."""
    return int.from_bytes(hashlib.blake2b(line_id.bytes, digest_size=8).digest()) % free


@cache
def _free_devices() -> Select[Individual]:
    """The free devices of an article in a warehouse in id order, but those already taken: a range of the
    index ``ix_individual_article_stock`` (built once; the values are parameters)."""
    return (
        select(Individual)
        .where(
            Individual.article_id == bindparam("article_id"),
            Individual.warehouse_id == bindparam("warehouse_id"),
            Individual.status == IndividualStatus.IN_STOCK,
            Individual.id.not_in(bindparam("taken", expanding=True)),
        )
        .order_by(Individual.id)
        .limit(bindparam("wanted", type_=Integer))
        .offset(bindparam("skip", type_=Integer))
    )


def pick_devices(
    session: Session, central: Warehouse, lines: Sequence[OrderLine], free: dict[uuid.UUID, int] | None = None
) -> dict[uuid.UUID, list[Individual]]:
    """The devices the central warehouse gives each individually marked line of *lines*, by line id: of the
    free ones in id order, those from the line's own starting place onwards (wrapping round), read as far
    as the line needs. *free* holds how many are free per article (``free_counts``, read here when not
    given). A device goes to one line only; a line that 70 cannot fill is refused."""
    marked = [line for line in lines if line.article.individually_marked]
    if not marked:
        return {}
    articles = {line.article_id for line in marked}
    if free is None or not articles <= free.keys():
        free = free_counts(session, central.id, articles)
    left = {article_id: free[article_id] for article_id in articles}
    chosen: dict[uuid.UUID, list[Individual]] = {}
    taken: list[uuid.UUID] = []
    for line in marked:
        picked: list[Individual] = []
        if left[line.article_id] >= line.quantity:
            asked = {"article_id": line.article_id, "warehouse_id": central.id, "taken": taken}
            skip = _start(line.id, left[line.article_id])
            picked.extend(session.scalars(_free_devices(), {**asked, "wanted": line.quantity, "skip": skip}))
            if len(picked) < line.quantity:  # wrapped round to the first
                rest = {**asked, "wanted": line.quantity - len(picked), "skip": 0}
                picked.extend(session.scalars(_free_devices(), rest))
        if len(picked) < line.quantity:
            raise RuleViolation(
                QT_TRANSLATE_NOOP(
                    "app", "The central warehouse has only {held} devices of {article}; send the order again."
                ),
                held=str(max(left[line.article_id], 0)),
                article=line.article.name,
            )
        taken.extend(device.id for device in picked)
        left[line.article_id] -= line.quantity
        chosen[line.id] = picked
    return chosen


def dispatch_line(
    session: Session,
    context: WorkContext,
    *,
    line: OrderLine,
    patient_id: uuid.UUID | None,
    destination: Warehouse | None,
    today: dt.date,
    central: Warehouse | None = None,
    devices: list[Individual] | None = None,
    plain: PlainRows | None = None,
) -> list[uuid.UUID]:
    """Settle a line from the central warehouse when its order is sent: draw it from 70, give it 70's
    devices (to the patient, or to *destination*, the clinic's own stock, for a replenishment), and make
    it delivered on the planned day.

    Returns the ids of the devices. The caller has checked that 70 holds the quantity (and the devices).
    An order's sending passes *central* and the line's *devices* (``pick_devices``, read once for all its
    lines); without them they are read here. Its stock movements and device events go into *plain*, which
    the caller writes (``PlainRows.write``); without it they are written here.
    """
    rows = plain if plain is not None else PlainRows()
    central = central or central_warehouse(session)
    order = session.get(Order, line.order_id)
    assert order is not None
    planned = add_weekdays(today, CENTRAL_LEAD_WEEKDAYS)
    line.planned_delivery_on = planned
    line.delivered_on = planned
    line.status = LineStatus.DELIVERED
    individuals: list[Individual] = []
    if line.article.individually_marked:
        individuals = devices if devices is not None else pick_devices(session, central, [line])[line.id]
    document = Document(DocumentKind.ORDER, order.id)
    for individual in individuals:
        withdraw(rows, context, order_id=order.id, line=line, warehouse_id=central.id, individual=individual)
        note = f"from the central warehouse, delivered {planned.isoformat()}"
        if patient_id is not None:
            change_status(
                session,
                individual,
                IndividualStatus.DELIVERED,
                user_id=context.user_id,
                document=document,
                order_line_id=line.id,
                patient_id=patient_id,
                warehouse_id=None,
                note=note,
                events=rows,
            )
        else:  # a replenishment: from 70's stock into the clinic's
            change_status(
                session,
                individual,
                IndividualStatus.IN_STOCK,
                user_id=context.user_id,
                document=document,
                order_line_id=line.id,
                warehouse_id=destination.id if destination else None,
                note=note,
                events=rows,
            )
    if not individuals:
        withdraw(rows, context, order_id=order.id, line=line, warehouse_id=central.id)
    if destination is not None:
        _into_own_stock(rows, context, order, line, destination, individuals)
    if plain is None:
        rows.write(session)
    return [i.id for i in individuals]


def _into_own_stock(
    rows: PlainRows,
    context: WorkContext,
    order: Order,
    line: OrderLine,
    destination: Warehouse,
    individuals: list[Individual],
) -> None:
    """A replenishment from 70 lands in the clinic's own stock (R10d) on its delivery day."""
    units: list[Individual | None] = list(individuals) or [None]
    for individual in units:
        move(
            rows,
            article_id=line.article_id,
            warehouse_id=destination.id,
            quantity=1 if individual else line.quantity,
            reason=MovementReason.TRANSFER,
            document=Document(DocumentKind.ORDER, order.id),
            user_id=context.user_id,
            unit_price=individual.purchase_price if individual else line.unit_price,
            individual_id=individual.id if individual else None,
        )


def undo_dispatch(
    session: Session, context: WorkContext, *, line: OrderLine, destination: Warehouse | None
) -> None:
    """Cancelling before the delivery day (R16): 70 takes the quantity and its devices back (from
    *destination*, the own stock a replenishment went to)."""
    central = central_warehouse(session)
    order = session.get(Order, line.order_id)
    assert order is not None
    individuals = list(session.scalars(select(Individual).where(Individual.order_line_id == line.id)))
    expected = IndividualStatus.IN_STOCK if destination is not None else IndividualStatus.DELIVERED
    used = next((device for device in individuals if device.status is not expected), None)
    if used is not None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "Device {number} of this order has already been used, so the order can no longer be "
                "cancelled: contact the aid centre.",
            ),
            number=used.individual_number,
        )
    units: list[Individual | None] = list(individuals) or [None]
    document = Document(DocumentKind.ORDER_CANCELLED, order.id)
    rows = PlainRows()
    for individual in units:
        price = individual.purchase_price if individual else line.unit_price
        quantity = 1 if individual else line.quantity
        device = individual.id if individual else None
        if destination is not None:
            move(
                rows,
                article_id=line.article_id,
                warehouse_id=destination.id,
                quantity=-quantity,
                reason=MovementReason.TRANSFER,
                document=document,
                user_id=context.user_id,
                unit_price=price,
                individual_id=device,
            )
        move(
            rows,
            article_id=line.article_id,
            warehouse_id=central.id,
            quantity=quantity,
            reason=MovementReason.WITHDRAWAL,
            document=document,
            user_id=context.user_id,
            unit_price=price,
            individual_id=device,
        )
        if individual is not None:
            change_status(
                session,
                individual,
                IndividualStatus.IN_STOCK,
                user_id=context.user_id,
                document=document,
                patient_id=None,
                order_line_id=None,
                warehouse_id=central.id,
                note="back to the central warehouse: the order was cancelled",
                events=rows,
            )
    rows.write(session)
    line.delivered_on = None
    line.status = LineStatus.CANCELLED


def report_dispatch(
    session: Session, context: WorkContext, *, order_number: str, dispatched_on: dt.date, today: dt.date
) -> None:
    """The central warehouse reports that it dispatched an order (an aid-centre user): its lines from 70
    count as delivered from *dispatched_on* if that is earlier than planned, the fees at delivery move with
    them, and logistics has started, so the order can no longer be cancelled (R16)."""
    if (
        session.scalars(
            select(UserRole.id).where(UserRole.user_id == context.user_id, UserRole.role == Role.AID_CENTRE)
        ).first()
        is None
    ):
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "Only the aid centre reports dispatches from the central warehouse.")
        )
    number = "".join(order_number.split())
    order = session.scalars(select(Order).where(Order.number == number)).first()
    if order is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "No order has the number {number}."), number=number)
    sent_on = order.sent_at.date() if order.sent_at else today
    if not sent_on <= dispatched_on <= today:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "app", "A dispatch day lies between the day the order was sent ({sent}) and today."
            ),
            sent=sent_on.isoformat(),
        )
    central = central_warehouse(session)
    moved = 0
    for line in order.lines:
        if line.deliver_from_warehouse_id != central.id or line.status is not LineStatus.DELIVERED:
            continue
        if line.delivered_on is not None and line.delivered_on > dispatched_on:
            line.delivered_on = dispatched_on
            fees.move_delivery_fees(session, line=line, delivered_on=dispatched_on)
            moved += 1
    order.logistics_started = True
    session.flush()
    log.info("central dispatch reported: order_id=%s lines moved=%d", order.id, moved)
