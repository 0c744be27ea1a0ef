"""The stock ledger (app.stock): one function makes a movement; balances and an article's ledger are read
from it (R35)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app import stock
from app.changelog import PlainRows
from app.database import Database
from app.stock import Document
from db.base import new_id
from db.models import (
    Activity,
    GoodsReceipt,
    Order,
    PickupOrder,
    PurchaseOrder,
    StockReturn,
    Warehouse,
)
from db.models.enums import (
    ActivityKind,
    DocumentKind,
    MovementReason,
    OrderKind,
    OrderStatus,
    PickupReason,
    ReturnKind,
    WarehouseKind,
)
from tests import factories


def test_a_movement_of_each_reason_names_its_document(database: Database) -> None:
    """Each reason goes into the ledger with its document; the article's ledger lists them newest first,
    each with its reason, its document's number and who made it."""
    with database.seed() as session:
        user, location, own = factories.organisation(session)
        patient = factories.patient(session)
        dome = factories.article(session)
        order = Order(
            number="26480001",
            kind=OrderKind.REPLENISHMENT,
            status=OrderStatus.SENT,
            orderer_id=user.id,
            service_location_id=location.id,
        )
        session.add(order)
        session.flush()
        purchase = PurchaseOrder(number="26480002", order_id=order.id, supplier_id=dome.supplier_id)
        session.add(purchase)
        session.flush()
        receipt = GoodsReceipt(
            order_id=order.id,
            purchase_order_id=purchase.id,
            received_by_id=user.id,
            service_location_id=location.id,
            warehouse_id=own.id,
        )
        pickup = PickupOrder(
            number="26480003",
            patient_id=patient.id,
            service_location_id=location.id,
            contact_user_id=user.id,
            reason=PickupReason.OTHER,
        )
        back = StockReturn(
            number="26480004",
            kind=ReturnKind.TO_OWN_STOCK,
            patient_id=patient.id,
            service_location_id=location.id,
            warehouse_id=own.id,
            user_id=user.id,
        )
        activity = Activity(
            number="26480005",
            kind=ActivityKind.WARRANTY_REPAIR,
            patient_id=patient.id,
            service_location_id=location.id,
            orderer_id=user.id,
        )
        session.add_all([receipt, pickup, back, activity])
        session.flush()
        ids = {"order": order.id, "receipt": receipt.id, "pickup": pickup.id, "back": back.id}
        ids |= {"activity": activity.id, "user": user.id, "own": own.id, "dome": dome.id}
    doc = Document
    moves = [
        (MovementReason.GOODS_RECEIPT, 10, doc(DocumentKind.GOODS_RECEIPT, ids["receipt"]), "26480002"),
        (MovementReason.WITHDRAWAL, -2, doc(DocumentKind.ORDER, ids["order"]), "26480001"),
        (MovementReason.WITHDRAWAL, 1, doc(DocumentKind.ORDER_CANCELLED, ids["order"]), "26480001"),
        (MovementReason.TRANSFER, 1, doc(DocumentKind.ORDER, ids["order"]), "26480001"),
        (MovementReason.RETURN_FROM_PATIENT, 1, doc(DocumentKind.STOCK_RETURN, ids["back"]), "26480004"),
        (MovementReason.RETURN_FROM_PATIENT, 1, doc(DocumentKind.PICKUP_ORDER, ids["pickup"]), "26480003"),
        (MovementReason.RETURN_TO_SUPPLIER, -1, doc(DocumentKind.STOCK_RETURN, ids["back"]), "26480004"),
        (MovementReason.SCRAP, -1, doc(DocumentKind.ACTIVITY, ids["activity"]), "26480005"),
        (MovementReason.SCRAP, -1, doc(DocumentKind.SCRAP), ""),
        (MovementReason.INVENTORY, -3, doc(DocumentKind.INVENTORY), ""),
        (MovementReason.INVENTORY, 1, doc(DocumentKind.FOUND_AFTER_INVENTORY), ""),
        (MovementReason.BOUGHT_OVER, 1, doc(DocumentKind.BOUGHT_OVER), ""),
    ]
    # A new number or SIP number, or a change of recipient (R42: straight from patient to patient), changes
    # no stock: those kinds name device events only.
    numbers_only = {
        DocumentKind.INDIVIDUAL_NUMBER_CHANGE,
        DocumentKind.SIP_NUMBER_CHANGE,
        DocumentKind.RECIPIENT_CHANGE,
    }
    assert {document.kind for _reason, _quantity, document, _number in moves} == set(
        DocumentKind
    ) - numbers_only
    assert {reason for reason, *_ in moves} == set(MovementReason)
    with database.write() as session:
        rows = PlainRows()
        for reason, quantity, document, _number in moves:
            made = stock.move(
                rows,
                article_id=ids["dome"],
                warehouse_id=ids["own"],
                quantity=quantity,
                reason=reason,
                document=document,
                user_id=ids["user"],
                unit_price=Decimal("12.50"),
            )
            assert made is not None
        rows.write(session)
    with database.read() as session:
        entries = stock.ledger(session, ids["dome"])
        held = stock.balances_of(session, ids["own"], [ids["dome"]])
        assert stock.ledger(session, ids["dome"], warehouse_ids=[ids["own"]], limit=2) == entries[:2]
    assert held == {ids["dome"]: sum(quantity for _reason, quantity, *_ in moves)}
    newest_first = list(reversed(moves))
    assert [(e.reason, e.quantity, e.document_kind) for e in entries] == [
        (reason, quantity, document.kind) for reason, quantity, document, _number in newest_first
    ]
    assert [e.document_number for e in entries] == [number for *_, number in newest_first]
    assert {(e.username, e.warehouse_code) for e in entries} == {("anna", "L-LUND")}


def test_a_movement_refuses_a_document_kind_outside_the_enumeration() -> None:
    with pytest.raises(ValueError):
        stock.move(
            PlainRows(),
            article_id=new_id(),
            warehouse_id=new_id(),
            quantity=1,
            reason=MovementReason.GOODS_RECEIPT,
            document=Document("delivery note"),  # type: ignore[arg-type]
            user_id=None,
        )


def test_balances_of_many_articles_in_several_warehouses_at_once(database: Database) -> None:
    """R35: the balance of each article in each warehouse asked, 0 where nothing moved; 750 shows none."""
    with database.seed() as session:
        user, _location, own = factories.organisation(session)
        central = Warehouse(code="70", name="Centrallager", kind=WarehouseKind.CENTRAL)
        direct = Warehouse(code="750", name="Direktköp", kind=WarehouseKind.DIRECT_PURCHASE)
        session.add_all([central, direct])
        session.flush()
        dome, filter_, tube = (factories.article(session, name) for name in ("Dome", "Filter", "Tube"))
        ids = {"own": own.id, "central": central.id, "direct": direct.id, "user": user.id}
        ids |= {"dome": dome.id, "filter": filter_.id, "tube": tube.id}
    with database.write() as session:
        rows = PlainRows()
        for warehouse, article, quantity in (
            ("own", "dome", 5),
            ("own", "dome", -2),
            ("central", "dome", 40),
            ("central", "filter", 7),
            ("direct", "filter", 3),
        ):
            stock.move(
                rows,
                article_id=ids[article],
                warehouse_id=ids[warehouse],
                quantity=quantity,
                reason=MovementReason.GOODS_RECEIPT,
                document=Document(DocumentKind.GOODS_RECEIPT),
                user_id=ids["user"],
            )
        rows.write(session)
    with database.read() as session:
        found = stock.balances(
            session,
            [ids["own"], ids["central"], ids["direct"]],
            [ids["dome"], ids["filter"], ids["tube"]],
        )
    assert found == {
        (ids["own"], ids["dome"]): 3,
        (ids["own"], ids["filter"]): 0,
        (ids["own"], ids["tube"]): 0,
        (ids["central"], ids["dome"]): 40,
        (ids["central"], ids["filter"]): 7,
        (ids["central"], ids["tube"]): 0,
    }
