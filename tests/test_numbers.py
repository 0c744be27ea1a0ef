"""R15: numbers YYWWNNNN from the node's blocks; never an invented number when none is held."""

from __future__ import annotations

import datetime as dt

import pytest

from app.database import Database
from app.errors import RuleViolation
from app.numbers import NumberAllocator, year_week
from db.models.enums import NumberSeries


class _Lender:
    def __init__(self, blocks: list[tuple[int, int]]) -> None:
        self.blocks = blocks

    def lease(self, series: NumberSeries, year_week: str) -> tuple[int, int] | None:
        return self.blocks.pop(0) if self.blocks else None


def test_r15_numbers_are_year_iso_week_and_running(database: Database) -> None:
    day = dt.date(2026, 11, 23)  # ISO week 48 of 2026
    allocator = NumberAllocator()
    with database.write() as session:
        first = allocator.allocate(session, NumberSeries.ORDER, day)
        second = allocator.allocate(session, NumberSeries.ORDER, day)
        other_series = allocator.allocate(session, NumberSeries.PURCHASE_ORDER, day)
    assert (first, second, other_series) == ("26480001", "26480002", "26480001")
    assert year_week(dt.date(2027, 1, 1)) == "2653"  # ISO year 2026, week 53
    with database.write() as session:
        assert allocator.allocate(session, NumberSeries.ORDER, day) == "26480003"


def test_r15_running_out_is_refused_and_warned_before(database: Database) -> None:
    day = dt.date(2026, 11, 23)
    allocator = NumberAllocator(_Lender([(11, 15)]))
    with database.write() as session:
        numbers = [allocator.allocate(session, NumberSeries.ACTIVITY, day) for _ in range(4)]
        supply = allocator.supply(session, NumberSeries.ACTIVITY, day)
        assert supply.remaining == 1 and supply.running_low
        numbers.append(allocator.allocate(session, NumberSeries.ACTIVITY, day))
    assert numbers == [f"2648{n:04d}" for n in range(11, 16)]
    with pytest.raises(RuleViolation, match="no activity numbers left"), database.write() as session:
        allocator.allocate(session, NumberSeries.ACTIVITY, day)


def test_r15_a_series_short_of_numbers_is_flagged_before_it_runs_out(database: Database) -> None:
    from app.numbers import supplies

    day = dt.date(2026, 11, 23)
    allocator = NumberAllocator(_Lender([(1, 10)]))
    with database.write() as session:
        flagged = {s.series for s in supplies(session, day) if s.needs_attention}
        assert flagged == set(NumberSeries)  # nothing held yet for this week
        for _ in range(7):
            allocator.allocate(session, NumberSeries.ORDER, day)
        order = next(s for s in supplies(session, day) if s.series is NumberSeries.ORDER)
        assert (order.remaining, order.running_low, order.needs_attention) == (3, False, False)
        allocator.allocate(session, NumberSeries.ORDER, day)
        order = next(s for s in supplies(session, day) if s.series is NumberSeries.ORDER)
        assert (order.remaining, order.running_low, order.needs_attention) == (2, True, True)
