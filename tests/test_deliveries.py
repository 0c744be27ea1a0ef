"""When a line counts as delivered (R10a, R17, R20): the day-aware status every list shows."""

from __future__ import annotations

import datetime as dt

import pytest

from app.central_warehouse import add_weekdays
from app.deliveries import status_on
from db.models.enums import LineStatus, OrderStatus

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
