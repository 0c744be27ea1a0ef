"""Human-facing numbers ``YYWWNNNN`` (R15): two digits of ISO year, two of ISO week, four running.

Orders, purchase orders, activities, pickup orders and returns all draw from one running sequence per
week, so a number names one document (goods receipt never has to guess which). A node hands out numbers
only from blocks of that sequence it holds (``NumberBlock``). Where the blocks come from is a
``BlockSource``: the embedded, local-only default grants the whole week to itself; sync replaces it with
blocks leased from the central server, so offline work still gets real, globally unique numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import RuleViolation
from app.i18n import QT_TRANSLATE_NOOP
from db.models import NumberBlock
from db.models.enums import NumberSeries

LAST_RUNNING = 9999
WARNING_FRACTION = 0.2  # tell the clerk when 20 % of the held numbers are left


def year_week(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso.year % 100:02d}{iso.week:02d}"


class BlockSource(Protocol):
    def lease(self, year_week: str) -> tuple[int, int] | None:
        """A new block (first, last) of the week's sequence, or None when none can be had now."""


class StandaloneSource:
    """A workstation that does not sync owns every number of the week."""

    def lease(self, year_week: str) -> tuple[int, int] | None:
        return (1, LAST_RUNNING)


class HeldBlocksOnly:
    """A syncing workstation: blocks are leased in the background (``app.sync.numbers.top_up``), so a
    clerk's write uses only what the node holds and never waits for the network."""

    def lease(self, year_week: str) -> tuple[int, int] | None:
        return None


@dataclass(frozen=True)
class NumberSupply:
    """What this node holds of one week's sequence."""

    year_week: str
    remaining: int
    held: int

    @property
    def running_low(self) -> bool:
        return self.held > 0 and self.remaining <= self.held * WARNING_FRACTION

    @property
    def needs_attention(self) -> bool:
        """Running low, or none held for this week: a syncing node says so before a clerk meets it."""
        return self.held == 0 or self.running_low


def supply(session: Session, today: dt.date) -> NumberSupply:
    """What this node holds of the current week's sequence."""
    return NumberAllocator().supply(session, today)


class NumberAllocator:
    def __init__(self, source: BlockSource | None = None) -> None:
        self.source: BlockSource = source or StandaloneSource()

    def _blocks(self, session: Session, week: str) -> list[NumberBlock]:
        return list(
            session.scalars(
                select(NumberBlock).where(NumberBlock.year_week == week).order_by(NumberBlock.first)
            )
        )

    def supply(self, session: Session, today: dt.date) -> NumberSupply:
        blocks = self._blocks(session, year_week(today))
        held = sum(b.last - b.first + 1 for b in blocks)
        remaining = sum(b.last - b.next + 1 for b in blocks)
        return NumberSupply(year_week(today), remaining, held)

    def allocate(self, session: Session, series: NumberSeries, today: dt.date) -> str:
        """The next number of the week for a document of *series*; refuse (never invent one) when this
        node holds none. Every series draws from the same sequence, so no two documents share a number."""
        week = year_week(today)
        for block in self._blocks(session, week):
            if block.next <= block.last:
                running = block.next
                block.next += 1
                return f"{week}{running:04d}"
        leased = self.source.lease(week)
        if leased is None:
            raise RuleViolation(
                QT_TRANSLATE_NOOP(
                    "app",
                    "This workstation has no document numbers left for week {week}. Connect it to the "
                    "network so it can fetch more; nothing was saved.",
                ),
                week=week,
            )
        first, last = leased
        session.add(NumberBlock(year_week=week, first=first, last=last, next=first + 1))
        return f"{week}{first:04d}"
