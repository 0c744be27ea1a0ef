"""Orders made on two workstations while offline sync without number collisions (R15, issue "Order tab")."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from app import orders
from app.database import Database
from app.numbers import HeldBlocksOnly, NumberAllocator
from app.organisation import work_context
from app.sync.numbers import LeasingBlockSource, top_up
from app.sync.transport import Transport
from db.models import Article, Order, Patient, PurchaseOrder
from db.models.enums import OrderKind, OrderStatus, Residency
from tests.sync.test_client_integration import assert_converged, clinic  # noqa: F401 - the fixture
from tests.sync.test_client_support import sync_until_quiet

TABLES = ("customer_order", "order_line", "purchase_order", "fee", "stock_movement")


def offline_orders(database: Database, patient_ids: list[Any], unpriced: str, today: dt.date) -> list[str]:
    """Prescriptions through 750 with their purchase orders, numbered only from blocks already held."""
    offline = NumberAllocator(HeldBlocksOnly())
    numbers = []
    with database.read() as session:
        context = work_context(session, username="anna.audionom", service_location_code="HM-LUND")
        article = session.scalars(select(Article.id).where(Article.article_number == unpriced)).one()
    for patient_id in patient_ids:
        with database.write() as session:
            order_id = orders.open_cart(
                session, context, patient_id=patient_id, kind=OrderKind.PRESCRIPTION
            ).id
            orders.add_line(session, context, order_id=order_id, article_id=article, today=today)
            sent = orders.send_order(session, context, order_id=order_id, allocator=offline, today=today)
            made = orders.create_purchase_orders(
                session, context, order_id=order_id, allocator=offline, today=today
            )
        numbers += [sent.number, *(p.number for p in made)]
    return numbers


def test_r15_orders_made_offline_on_two_workstations_sync_without_number_collisions(
    clinic: dict[str, Any],  # noqa: F811 - the fixture imported above
    demo_template: Any,
) -> None:
    today = dt.date.today()
    server = clinic["server"]
    desks: list[Database] = clinic["desks"]
    for index, database in enumerate(desks):
        source = LeasingBlockSource(
            Transport(server.url, server.add_workstation(f"numbers-{index}")), size=20
        )
        top_up(database, source, today)
    with desks[0].read() as session:
        patients = list(
            session.scalars(
                select(Patient.id)
                .where(
                    Patient.active.is_(True),
                    Patient.deceased_on.is_(None),
                    Patient.replaced_by_id.is_(None),
                    Patient.residency == Residency.RESIDENT,
                )
                .order_by(Patient.identity_number)
                .limit(12)
            )
        )
    unpriced = demo_template[1].numbers["article_unpriced"]
    # The network is gone: both desks keep ordering from the blocks they hold.
    made_a = offline_orders(desks[0], patients[:6], unpriced, today)
    made_b = offline_orders(desks[1], patients[6:], unpriced, today)
    assert len(made_a) == len(made_b) == 12
    assert not set(made_a) & set(made_b), "two workstations handed out the same number"
    # Orders and purchase orders of one week draw from one sequence: every number names one document.
    assert len(set(made_a) | set(made_b)) == 24, "an order and a purchase order share a number"
    # Back online: everything reaches the server and the other desk, nothing collides or is refused.
    reports = sync_until_quiet(clinic["clients"])
    assert not any(report.rejected for report in reports)
    assert_converged(clinic, TABLES)
    for database in desks:
        with database.read() as session:
            numbers = set(session.scalars(select(Order.number).where(Order.status == OrderStatus.SENT)))
            numbers |= set(session.scalars(select(PurchaseOrder.number)))
        assert set(made_a) | set(made_b) <= numbers
