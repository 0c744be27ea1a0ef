"""When a line counts as delivered (R10a, R17, R20): the day-aware status every list shows."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.central_warehouse import add_weekdays
from app.database import Database
from app.deliveries import arrived_by, line_arrived, on_its_way, status_on
from db.models import OrderLine
from db.models.enums import LineStatus, OrderStatus
from tests import factories

TODAY = dt.date(2026, 11, 30)  # a Monday
SOON = TODAY + dt.timedelta(days=2)
DELIVERED, OPEN, CANCELLED = LineStatus.DELIVERED, LineStatus.OPEN, LineStatus.CANCELLED


@pytest.mark.parametrize(
    ("stored", "lines", "shown"),
    [
        # A delivery from 70 sent this morning: stored delivered, shown sent until its day.
        (OrderStatus.DELIVERED, [(DELIVERED, SOON)], OrderStatus.SENT),
        (OrderStatus.DELIVERED, [(DELIVERED, TODAY)], OrderStatus.DELIVERED),
        (OrderStatus.DELIVERED, [(DELIVERED, None)], OrderStatus.DELIVERED),
        # 70 on its way and a line through 750 still open: sent; once 70's line is there, partly delivered.
        (OrderStatus.PARTLY_DELIVERED, [(DELIVERED, SOON), (OPEN, None)], OrderStatus.SENT),
        (OrderStatus.PARTLY_DELIVERED, [(DELIVERED, TODAY), (OPEN, None)], OrderStatus.PARTLY_DELIVERED),
        (OrderStatus.DELIVERED, [(DELIVERED, TODAY), (CANCELLED, None)], OrderStatus.DELIVERED),
        (OrderStatus.DELIVERED, [(DELIVERED, SOON), (CANCELLED, None)], OrderStatus.SENT),
        (OrderStatus.SENT, [(OPEN, None)], OrderStatus.SENT),
        (OrderStatus.CANCELLED, [(CANCELLED, None)], OrderStatus.CANCELLED),
        (OrderStatus.SENT, [(CANCELLED, None), (CANCELLED, None)], OrderStatus.CANCELLED),
        (OrderStatus.CART, [(OPEN, None)], OrderStatus.CART),
    ],
)
def test_r17_an_order_shows_the_status_of_its_lines_on_the_day(
    stored: OrderStatus, lines: list[tuple[LineStatus, dt.date | None]], shown: OrderStatus
) -> None:
    assert status_on(stored, lines, TODAY) is shown


def test_r10a_central_deliveries_arrive_after_two_weekdays() -> None:
    assert add_weekdays(dt.date(2026, 11, 30), 2) == dt.date(2026, 12, 2)  # Monday → Wednesday
    assert add_weekdays(dt.date(2026, 12, 3), 2) == dt.date(2026, 12, 7)  # Thursday → Monday
    assert add_weekdays(dt.date(2026, 12, 5), 2) == dt.date(2026, 12, 8)  # Saturday → Tuesday


@pytest.mark.parametrize(
    ("status", "delivered_on"),
    [
        (DELIVERED, None),
        (DELIVERED, TODAY - dt.timedelta(days=1)),
        (DELIVERED, TODAY),
        (DELIVERED, SOON),
        (OPEN, None),
        (CANCELLED, None),
        (CANCELLED, TODAY),
    ],
)
def test_r10a_the_lists_queries_say_what_a_line_shows_on_the_day(
    database: Database, status: LineStatus, delivered_on: dt.date | None
) -> None:
    """``arrived_by`` and ``on_its_way`` (what the record's lists, the loan agreement and the aid list ask
    the database) agree with ``line_arrived``: a central-warehouse line is on its way until its day, then
    arrived; an open line is on its way; a cancelled one is neither."""
    with database.seed() as session:
        user, location, _warehouse = factories.organisation(session)
        line = factories.delivered_line(
            session,
            factories.patient(session),
            user,
            location,
            factories.article(session),
            delivered_on=TODAY,
            number="26490001",
        )
        line.status, line.delivered_on = status, delivered_on
        session.flush()
        arrived = session.scalar(select(func.count()).where(OrderLine.id == line.id, arrived_by(TODAY)))
        coming = session.scalar(select(func.count()).where(OrderLine.id == line.id, on_its_way(TODAY)))
        expected = line_arrived(line, TODAY)
    assert arrived == int(expected)
    assert coming == int(
        status is OPEN or (status is DELIVERED and delivered_on is not None and delivered_on > TODAY)
    )
    assert not (arrived and coming)
