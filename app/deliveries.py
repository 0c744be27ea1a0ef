"""When an order line counts as delivered (R3, R10, R16, R17, R20): one definition every list reads.

A line received at the clinic (R18–R20) or handed out from own stock (R10b, R10c) is delivered on the day
it happened. A line from the central warehouse 70 arrives already received and is written delivered when
the order is sent, with ``delivered_on`` the planned day (``app.central_warehouse``): until that day it is
still on its way. ``arrived_by`` and ``on_its_way`` are the only definition of "delivered by today".
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BindParameter, ColumnElement, and_, or_

from db.models import OrderLine
from db.models.enums import LineStatus, OrderStatus


def arrived_by(today: dt.date | BindParameter[dt.date]) -> ColumnElement[bool]:
    """An order line delivered on or before *today* (a central-warehouse line from its delivery day)."""
    return and_(
        OrderLine.status == LineStatus.DELIVERED,
        or_(OrderLine.delivered_on.is_(None), OrderLine.delivered_on <= today),
    )


def on_its_way(today: dt.date | BindParameter[dt.date]) -> ColumnElement[bool]:
    """An order line still to come on *today*: open, or from the central warehouse before its day."""
    return or_(
        OrderLine.status == LineStatus.OPEN,
        and_(OrderLine.status == LineStatus.DELIVERED, OrderLine.delivered_on > today),
    )


def line_arrived(line: OrderLine, today: dt.date) -> bool:
    return line.status is LineStatus.DELIVERED and (line.delivered_on is None or line.delivered_on <= today)


def status_on(
    stored: OrderStatus, lines: list[tuple[LineStatus, dt.date | None]], today: dt.date
) -> OrderStatus:
    """The order's status as a clerk sees it on *today*: a central-warehouse line counts as delivered only
    from its delivery day, so an order sent this morning shows as sent, not delivered."""
    if stored in (OrderStatus.CART, OrderStatus.CANCELLED) or not lines:
        return stored
    arrived = [s is LineStatus.DELIVERED and (d is None or d <= today) for s, d in lines]
    waiting = [
        s is LineStatus.OPEN or (s is LineStatus.DELIVERED and d is not None and d > today) for s, d in lines
    ]
    if not any(waiting):
        return OrderStatus.DELIVERED if any(arrived) else OrderStatus.CANCELLED
    return OrderStatus.PARTLY_DELIVERED if any(arrived) else OrderStatus.SENT
