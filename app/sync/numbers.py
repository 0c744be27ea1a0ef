"""Number blocks leased from the central server (``POST /v1/numbers/lease``), so offline work gets real,
globally unique ``YYWWNNNN`` numbers and a node that cannot reach the server refuses instead of inventing.

A block is part of the week's one sequence that every series (orders, purchase orders, activities, pickup
orders, returns) draws from.
"""

from __future__ import annotations

import datetime as dt
import logging
import time

import httpx

from app.database import Database
from app.numbers import LAST_RUNNING, NumberAllocator, NumberSupply, supply, year_week
from app.sync.transport import SyncFailure, Transport
from db.models import NumberBlock
from db.sync_protocol.messages import LeaseRequest, LeaseResponse

log = logging.getLogger(__name__)

BLOCK_SIZE = 200
#: After the server could not be reached, do not make the clerk wait for another attempt this soon.
OFFLINE_PAUSE_S = 10.0
LEASE_TIMEOUT = httpx.Timeout(5.0, connect=2.0)


class LeasingBlockSource:
    """A ``BlockSource`` that leases from the central server; None while offline (the allocator refuses)."""

    def __init__(self, transport: Transport, *, size: int = BLOCK_SIZE) -> None:
        self.transport = transport
        self.size = size
        self._offline_until = 0.0

    @classmethod
    def connect(
        cls, server_url: str, token: str, *, http: httpx.Client | None = None, size: int = BLOCK_SIZE
    ) -> LeasingBlockSource:
        """A source with short timeouts: a lease may happen inside the clerk's write, which must not hang."""
        return cls(Transport(server_url, token, http=http, timeout=LEASE_TIMEOUT), size=size)

    def lease(self, year_week: str) -> tuple[int, int] | None:
        if time.monotonic() < self._offline_until:
            return None
        try:
            answer = self.transport.call(
                "POST",
                "/numbers/lease",
                LeaseResponse,
                body=LeaseRequest(year_week=year_week, size=self.size),
            )
        except SyncFailure as failure:
            if failure.offline:
                self._offline_until = time.monotonic() + OFFLINE_PAUSE_S
            log.info("sync: no numbers leased for week %s: %s", year_week, failure.kind)
            return None
        self._offline_until = 0.0
        if answer.year_week != year_week or not 1 <= answer.first <= answer.last <= LAST_RUNNING:
            log.warning("sync: the server leased a block that does not fit the request; ignored")
            return None
        return answer.first, answer.last


def top_up(database: Database, source: LeasingBlockSource, today: dt.date | None = None) -> NumberSupply:
    """While online, lease a further block of the week's sequence when none is held or it runs low (20 %).

    The lease happens outside any database transaction (the clerk's writes never wait for the network).
    A block leased but not stored (a crash in between) only leaves numbers unused, never a duplicate.
    """
    today = today or dt.date.today()
    week = year_week(today)
    allocator = NumberAllocator(source)
    with database.read() as session:
        held = allocator.supply(session, today)
    if held.held == 0 or held.running_low:
        leased = source.lease(week)
        if leased is not None:
            first, last = leased
            with database.write() as session:
                session.add(NumberBlock(year_week=week, first=first, last=last, next=first))
            with database.read() as session:
                held = allocator.supply(session, today)
    return held


def running_short(database: Database, today: dt.date | None = None) -> tuple[NumberSupply, ...]:
    """What the clerk must hear about: the week's numbers running out before the node is back online."""
    with database.read() as session:
        held = supply(session, today or dt.date.today())
    return (held,) if held.needs_attention else ()
