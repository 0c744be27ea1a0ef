"""R15: numbers YYWWNNNN from the node's blocks, one sequence a week for every series; never an invented
number when none is held."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from app.database import DATABASE_FILE, Database
from app.errors import RuleViolation
from app.numbers import HeldBlocksOnly, NumberAllocator, year_week
from db import migrate
from db.engine import create_sqlite_engine
from db.models import NumberBlock
from db.models.enums import NumberSeries


class _Lender:
    def __init__(self, blocks: list[tuple[int, int]]) -> None:
        self.blocks = blocks

    def lease(self, year_week: str) -> tuple[int, int] | None:
        return self.blocks.pop(0) if self.blocks else None


def test_r15_numbers_are_year_iso_week_and_running(database: Database) -> None:
    day = dt.date(2026, 11, 23)  # ISO week 48 of 2026
    allocator = NumberAllocator()
    with database.write() as session:
        first = allocator.allocate(session, NumberSeries.ORDER, day)
        second = allocator.allocate(session, NumberSeries.ORDER, day)
    assert (first, second) == ("26480001", "26480002")
    assert year_week(dt.date(2027, 1, 1)) == "2653"  # ISO year 2026, week 53
    with database.write() as session:
        assert allocator.allocate(session, NumberSeries.ORDER, day) == "26480003"


def test_r15_every_series_draws_from_the_weeks_one_sequence_so_a_number_names_one_document(
    database: Database,
) -> None:
    day = dt.date(2026, 11, 23)
    allocator = NumberAllocator()
    with database.write() as session:
        order = allocator.allocate(session, NumberSeries.ORDER, day)
        purchase_order = allocator.allocate(session, NumberSeries.PURCHASE_ORDER, day)
        others = [allocator.allocate(session, series, day) for series in NumberSeries]
    numbers = [order, purchase_order, *others]
    assert numbers == [f"2648{n:04d}" for n in range(1, 3 + len(NumberSeries))]
    assert len(set(numbers)) == len(numbers)


def test_r15_running_out_is_refused_and_warned_before(database: Database) -> None:
    day = dt.date(2026, 11, 23)
    allocator = NumberAllocator(_Lender([(11, 15)]))
    with database.write() as session:
        numbers = [allocator.allocate(session, NumberSeries.ACTIVITY, day) for _ in range(4)]
        supply = allocator.supply(session, day)
        assert supply.remaining == 1 and supply.running_low
        numbers.append(allocator.allocate(session, NumberSeries.ACTIVITY, day))
    assert numbers == [f"2648{n:04d}" for n in range(11, 16)]
    with pytest.raises(RuleViolation, match="no document numbers left"), database.write() as session:
        allocator.allocate(session, NumberSeries.ACTIVITY, day)


def test_r15_numbers_running_short_are_flagged_before_they_run_out(database: Database) -> None:
    from app.numbers import supply

    day = dt.date(2026, 11, 23)
    allocator = NumberAllocator(_Lender([(1, 10)]))
    with database.write() as session:
        assert supply(session, day).needs_attention  # nothing held yet for this week
        for _ in range(7):
            allocator.allocate(session, NumberSeries.ORDER, day)
        week = supply(session, day)
        assert (week.remaining, week.running_low, week.needs_attention) == (3, False, False)
        allocator.allocate(session, NumberSeries.PURCHASE_ORDER, day)
        week = supply(session, day)
        assert (week.remaining, week.running_low, week.needs_attention) == (2, True, True)


def _database_with_series_blocks(
    folder: Path, blocks: list[tuple[str, int, int, int]], syncing: bool
) -> None:
    """A workstation file at migration 0004, holding per-series blocks (series, first, last, next) of 2648."""
    engine = create_sqlite_engine(folder / DATABASE_FILE)
    migrate.upgrade(engine, "0004")
    with engine.begin() as connection:
        for series, first, last, next_ in blocks:
            connection.exec_driver_sql(
                "INSERT INTO number_block (id, series, year_week, first, last, next) VALUES (?, ?, ?, ?, ?, ?)",
                (uuid.uuid4().hex, series, "2648", first, last, next_),
            )
        if syncing:
            connection.exec_driver_sql(
                "INSERT INTO node_setting (key, value) VALUES ('sync.server_url', 'https://sync.example.org')"
            )
    engine.dispose()


def test_r15_a_standalone_workstation_goes_on_after_the_highest_number_any_series_used(
    tmp_path: Path,
) -> None:
    """Migration 0006: the week's blocks of every series become one, continuing after all of them."""
    _database_with_series_blocks(
        tmp_path, [("order", 1, 9999, 5), ("purchase_order", 1, 9999, 8), ("activity", 1, 9999, 2)], False
    )
    database = Database.open(tmp_path)
    day = dt.date(2026, 11, 23)
    with database.write() as session:
        numbers = [NumberAllocator().allocate(session, series, day) for series in NumberSeries]
    database.dispose()
    assert numbers == [f"2648{n:04d}" for n in range(8, 8 + len(NumberSeries))]


def test_r15_a_syncing_workstation_drops_block_rests_another_series_may_have_used(tmp_path: Path) -> None:
    """Migration 0006: an unused rest of one series' leased block may be a number another workstation
    gave to another series, so it is not handed out; the next sync leases from the shared sequence."""
    _database_with_series_blocks(tmp_path, [("order", 1, 200, 5), ("purchase_order", 1, 200, 3)], True)
    database = Database.open(tmp_path)
    day = dt.date(2026, 11, 23)
    with pytest.raises(RuleViolation, match="no document numbers left"), database.write() as session:
        NumberAllocator(HeldBlocksOnly()).allocate(session, NumberSeries.ORDER, day)
    with database.read() as session:
        assert session.scalars(select(NumberBlock)).all() == []
    database.dispose()
