"""A delivery from the central warehouse 70 (R10a, R20, R22): settled once by the workstation that sent it,
moved earlier by the aid centre's dispatch report on another workstation, and the same everywhere after
sync — never delivered or billed twice."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from app import central_warehouse, orders
from app.database import Database
from app.fees import charger_bill_on
from app.numbers import HeldBlocksOnly, NumberAllocator
from app.organisation import work_context
from app.stock import balances_of
from app.sync.numbers import LeasingBlockSource, top_up
from app.sync.transport import Transport
from db.models import Article, Fee, Individual, OrderLine, Patient, Warehouse
from db.models.enums import ArticleStatus, FeeRule, IndividualStatus, OrderKind
from tests.sync.test_client_integration import assert_converged, clinic  # noqa: F401 - the fixture
from tests.sync.test_client_support import sync_until_quiet

TABLES = ("customer_order", "order_line", "fee", "individual", "stock_movement", "individual_event")


def _charger_in_central(database: Database) -> Any:
    """A charger article of which 70 holds a device."""
    with database.read() as session:
        central = session.scalars(select(Warehouse.id).where(Warehouse.code == "70")).one()
        for article_id in session.scalars(
            select(Article.id).where(
                Article.fee_rule == FeeRule.CHARGER, Article.status == ArticleStatus.ACTIVE
            )
        ):
            device = session.scalars(
                select(Individual.id).where(
                    Individual.article_id == article_id,
                    Individual.warehouse_id == central,
                    Individual.status == IndividualStatus.IN_STOCK,
                )
            ).first()
            if device is not None and balances_of(session, central, [article_id]).get(article_id, 0) >= 1:
                return article_id
    raise AssertionError("the demo's central warehouse holds no charger")


def test_r10a_a_dispatch_reported_by_the_aid_centre_reaches_the_desk_that_sent_the_order(
    clinic: dict[str, Any],  # noqa: F811 - the fixture imported above
    examples: dict[str, str],
) -> None:
    today = dt.date.today()
    desk, aid_centre = clinic["desks"]
    # A syncing desk numbers its documents from blocks it leased from the server (R15).
    server = clinic["server"]
    top_up(desk, LeasingBlockSource(Transport(server.url, server.add_workstation("numbers")), size=20), today)
    charger = _charger_in_central(desk)
    with desk.read() as session:
        ctx = work_context(session, username="anna.audionom", service_location_code="HM-LUND")
        patient = session.scalars(
            select(Patient.id).where(Patient.identity_number == examples["ordinary"])
        ).one()
    with desk.write() as session:
        cart = orders.open_cart(session, ctx, patient_id=patient, kind=OrderKind.PRESCRIPTION)
        orders.add_line(session, ctx, order_id=cart.id, article_id=charger, today=today)
        sent = orders.send_order(
            session, ctx, order_id=cart.id, allocator=NumberAllocator(HeldBlocksOnly()), today=today
        )
    assert not any(report.rejected for report in sync_until_quiet(clinic["clients"]))

    with aid_centre.read() as session:
        helena = work_context(session, username="helena.hjalpmedel", service_location_code="HM-MALMO")
        arrives = session.scalars(select(OrderLine.delivered_on).where(OrderLine.order_id == cart.id)).all()
        assert [day is not None and day > today for day in arrives] == [True]  # came down from the desk
    with aid_centre.write() as session:
        central_warehouse.report_dispatch(
            session, helena, order_number=sent.number, dispatched_on=today, today=today
        )
    assert not any(report.rejected for report in sync_until_quiet(clinic["clients"]))

    with desk.read() as session:
        (line,) = session.scalars(select(OrderLine).where(OrderLine.order_id == cart.id)).all()
        assert line.delivered_on == today
        given = session.scalars(select(Individual.id).where(Individual.order_line_id == line.id)).one()
        fees = session.scalars(select(Fee).where(Fee.order_line_id == line.id)).all()
        assert [(f.individual_id, f.bill_on) for f in fees] == [(given, charger_bill_on(today))]
        assert orders.order_detail(session, line.order_id, today).can_cancel is False
    assert_converged(clinic, TABLES)
