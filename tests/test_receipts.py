"""Goods receipt of direct deliveries (R18–R20), on seeded rows and on the demo database's showcase."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import receipts
from app.database import Database
from app.errors import ClerkError, InvalidInput, NotFound, RuleViolation
from app.organisation import WorkContext, work_context
from app.receipts import LineReceipt
from db.models import (
    Activity,
    Article,
    Fee,
    GoodsReceipt,
    GoodsReceiptLine,
    Individual,
    IndividualEvent,
    Order,
    OrderLine,
    Patient,
    PickupOrder,
    PurchaseOrder,
    ServiceLocation,
    StockMovement,
    StockReturn,
    User,
    UserServiceLocation,
    Warehouse,
)
from db.models.enums import (
    FeeKind,
    FeeRule,
    FeeStatus,
    IndividualStatus,
    LineStatus,
    MovementReason,
    OrderKind,
    OrderStatus,
    PurchaseOrderStatus,
    WarehouseKind,
)
from tests import factories

TODAY = dt.date(2026, 11, 23)


# ---------------------------------------------------------------------------------------------- seeded rows


@dataclass(frozen=True)
class World:
    lund: WorkContext  # anna at Lund
    colleague: WorkContext  # per at Lund
    malmo: WorkContext  # erik at Malmö
    own_stock: uuid.UUID
    direct: uuid.UUID
    central: uuid.UUID
    patient: uuid.UUID
    protected_patient: uuid.UUID
    aid: uuid.UUID  # individually marked
    dome: uuid.UUID
    mould: uuid.UUID  # another supplier


@pytest.fixture
def world(database: Database) -> World:
    with database.seed() as session:
        _user, lund, own = factories.organisation(session)
        malmo = ServiceLocation(code="MALMO", name="Hörselmottagningen Malmö", city="Malmö")
        session.add(malmo)
        session.flush()
        per = User(username="per", full_name="Per Audionom", default_service_location_id=lund.id)
        erik = User(username="erik", full_name="Erik Audionom", default_service_location_id=malmo.id)
        direct = Warehouse(code="750", name="Direktleverans", kind=WarehouseKind.DIRECT_PURCHASE)
        central = Warehouse(code="70", name="Centrallager", kind=WarehouseKind.CENTRAL)
        malmo_stock = Warehouse(
            code="L-MALMO",
            name="Eget förråd Malmö",
            kind=WarehouseKind.OWN_STOCK,
            service_location_id=malmo.id,
        )
        session.add_all([per, erik, direct, central, malmo_stock])
        session.flush()
        session.add_all(
            [
                UserServiceLocation(user_id=per.id, service_location_id=lund.id),
                UserServiceLocation(user_id=erik.id, service_location_id=malmo.id),
            ]
        )
        person = factories.patient(session)
        hidden = factories.patient(session, "Eva", "Skyddad", serial=456, protected_identity=True)
        aid = factories.article(session, "Audéo Lumity R", individually_marked=True)
        dome = factories.article(session, "Dome öppen 8 mm")
        mould = factories.article(session, "Örpropp silikon")
        session.flush()
        ids = (own.id, direct.id, central.id, person.id, hidden.id, aid.id, dome.id, mould.id)
    with database.read() as session:
        lund_context = work_context(session, username="anna", service_location_code="LUND")
        colleague = work_context(session, username="per", service_location_code="LUND")
        malmo_context = work_context(session, username="erik", service_location_code="MALMO")
    return World(lund_context, colleague, malmo_context, *ids)


@dataclass(frozen=True)
class Made:
    order_id: uuid.UUID
    number: str
    purchase_numbers: tuple[str, ...]
    line_ids: tuple[uuid.UUID, ...]


_serial = iter(range(1000, 9999))


def make_order(
    database: Database,
    world: World,
    lines: Sequence[tuple[uuid.UUID, int, str, str]],
    *,
    kind: OrderKind = OrderKind.REPLENISHMENT,
    patient: uuid.UUID | None = None,
    context: WorkContext | None = None,
) -> Made:
    """A sent order with lines (article, quantity, price, "750"/"70"), one purchase order per supplier."""
    context = context or world.lund
    number = f"2648{next(_serial):04d}"
    with database.seed() as session:
        order = Order(
            number=number,
            kind=kind,
            status=OrderStatus.SENT,
            patient_id=patient,
            prescriber_id=None if patient is None else context.user_id,
            orderer_id=context.user_id,
            service_location_id=context.service_location_id,
            sent_at=dt.datetime(2026, 11, 16, 10, 0, tzinfo=dt.UTC),
        )
        session.add(order)
        session.flush()
        purchases: dict[uuid.UUID, PurchaseOrder] = {}
        line_ids = []
        for position, (article_id, quantity, price, source) in enumerate(lines, start=1):
            article = session.get(Article, article_id)
            assert article is not None
            purchase_id = None
            if source == "750":
                if article.supplier_id not in purchases:
                    purchases[article.supplier_id] = PurchaseOrder(
                        number=f"2648{next(_serial):04d}",
                        order_id=order.id,
                        supplier_id=article.supplier_id,
                        status=PurchaseOrderStatus.SENT,
                    )
                    session.add(purchases[article.supplier_id])
                    session.flush()
                purchase_id = purchases[article.supplier_id].id
            line = OrderLine(
                order_id=order.id,
                line_number=position,
                article_id=article_id,
                quantity=quantity,
                deliver_from_warehouse_id=world.direct if source == "750" else world.central,
                unit_price=Decimal(price),
                planned_delivery_on=TODAY + dt.timedelta(days=position),
                purchase_order_id=purchase_id,
            )
            session.add(line)
            session.flush()
            line_ids.append(line.id)
        return Made(order.id, number, tuple(p.number for p in purchases.values()), tuple(line_ids))


def units(prefix: str, count: int) -> tuple[tuple[str, str], ...]:
    return tuple((f"{prefix}{i:03d}", f"SN-{prefix}-{i:03d}") for i in range(count))


def counts(database: Database) -> dict[str, int]:
    with database.read() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (GoodsReceipt, GoodsReceiptLine, Individual, IndividualEvent, StockMovement)
        }


def line_statuses(database: Database, order_id: uuid.UUID) -> list[LineStatus]:
    with database.read() as session:
        return list(
            session.scalars(
                select(OrderLine.status).where(OrderLine.order_id == order_id).order_by(OrderLine.line_number)
            )
        )


def receive(
    database: Database, context: WorkContext, made: Made, *receipts_: LineReceipt
) -> receipts.ReceiptResult:
    with database.write() as session:
        return receipts.receive(session, context, order_id=made.order_id, lines=receipts_, today=TODAY)


def refused(database: Database, context: WorkContext, made: Made, *receipts_: LineReceipt) -> ClerkError:
    before = counts(database)
    statuses = line_statuses(database, made.order_id)
    with pytest.raises(ClerkError) as caught:
        receive(database, context, made, *receipts_)
    assert counts(database) == before, "a refused receipt saved something"
    assert line_statuses(database, made.order_id) == statuses
    return caught.value


# ---------------------------------------------------------------------------------------------- R18


def test_r18_found_by_purchase_number_or_order_number(database: Database, world: World) -> None:
    made = make_order(database, world, [(world.aid, 2, "5200", "750"), (world.mould, 1, "0", "750")])
    purchase = made.purchase_numbers[1]
    with database.read() as session:
        by_order = receipts.find_delivery(session, world.lund, made.number)
        by_purchase = receipts.find_delivery(session, world.lund, f" {purchase[:4]}-{purchase[4:]} ")
        by_spaces = receipts.find_delivery(session, world.lund, f"{made.number[:4]} {made.number[4:]}")
    assert by_order.order_id == by_purchase.order_id == by_spaces.order_id == made.order_id
    assert by_order.matched_purchase_order_number == ""
    assert by_purchase.matched_purchase_order_number == purchase
    # Every open line of the order is shown, whichever purchase number was typed (several suppliers).
    assert [line.id for line in by_purchase.lines] == list(made.line_ids)
    assert by_purchase.purchase_order_numbers == tuple(sorted(made.purchase_numbers))
    aid, mould = by_purchase.lines
    assert aid.individually_marked and not aid.needs_price and aid.unit_price == Decimal("5200")
    assert mould.needs_price and not mould.individually_marked
    assert aid.purchase_order_number == made.purchase_numbers[0]
    assert by_purchase.orderer_name == "Anna Audionom"
    assert by_purchase.kind is OrderKind.REPLENISHMENT and by_purchase.patient_label == ""
    assert by_purchase.planned_delivery_on == TODAY + dt.timedelta(days=1)


def test_r18_unknown_or_malformed_number_is_named_in_the_sentence(database: Database, world: World) -> None:
    with database.read() as session:
        with pytest.raises(NotFound) as unknown:
            receipts.find_delivery(session, world.lund, "2648-9999")
        with pytest.raises(InvalidInput) as malformed:
            receipts.find_delivery(session, world.lund, "12345")
        with pytest.raises(InvalidInput):
            receipts.find_delivery(session, world.lund, "  ")
    assert "26489999" in unknown.value.sentence()
    assert "12345" in malformed.value.sentence() and "8 digits" in malformed.value.sentence()


def test_r18_showcase_found_by_both_numbers(demo: Database, demo_template: Any) -> None:
    numbers = demo_template[1].numbers
    with demo.read() as session:
        lars = work_context(session, username="lars.lager", service_location_code="HM-LUND")
        by_po = receipts.find_delivery(session, lars, numbers["replenishment_purchase_order"])
        by_order = receipts.find_delivery(session, lars, numbers["replenishment_awaiting_receipt"])
    assert by_po.order_id == by_order.order_id
    assert by_po.order_number == numbers["replenishment_awaiting_receipt"]
    assert [(line.quantity, line.individually_marked) for line in by_po.lines] == [(2, True), (10, False)]


def test_r15_r18_a_number_names_one_document_so_receipt_never_picks_between_two(
    demo: Database, demo_template: Any
) -> None:
    """Every series draws from the week's one sequence: no order, purchase order, activity, pickup order
    or return shares its number with another document, so a typed number finds exactly one delivery.
    (Before, an order and a purchase order of one week could both be 26490001.)"""
    numbers = demo_template[1].numbers
    with demo.read() as session:
        every = [
            number
            for model in (Order, PurchaseOrder, Activity, PickupOrder, StockReturn)
            for number in session.scalars(select(model.number)).all()
            if number is not None
        ]
        lund = work_context(session, username="anna.audionom", service_location_code="HM-LUND")
        by_purchase_order = receipts.find_delivery(session, lund, numbers["replenishment_purchase_order"])
    assert len(every) == len(set(every)) > 100
    assert by_purchase_order.order_number == numbers["replenishment_awaiting_receipt"]
    assert by_purchase_order.matched_purchase_order_number == numbers["replenishment_purchase_order"]


def test_r18_no_partial_line_receipt(database: Database, world: World) -> None:
    made = make_order(database, world, [(world.dome, 10, "65", "750")])
    error = refused(database, world.lund, made, LineReceipt(made.line_ids[0], quantity=7))
    assert isinstance(error, RuleViolation)
    sentence = error.sentence()
    assert "10 ordered but 7 delivered" in sentence
    assert "contact the aid centre" in sentence and made.number in sentence
    unreadable = refused(database, world.lund, made, LineReceipt(made.line_ids[0], quantity=-1))
    assert "type how many were delivered" in unreadable.sentence()


def test_r18_only_ticked_lines_are_received_and_the_order_is_partly_delivered(
    database: Database, world: World
) -> None:
    made = make_order(database, world, [(world.dome, 10, "65", "750"), (world.mould, 2, "300", "750")])
    result = receive(database, world.lund, made, LineReceipt(made.line_ids[0], quantity=10))
    assert result.order_status is OrderStatus.PARTLY_DELIVERED
    assert line_statuses(database, made.order_id) == [LineStatus.DELIVERED, LineStatus.OPEN]
    with database.read() as session:
        first, second = (
            session.scalars(select(PurchaseOrder).where(PurchaseOrder.number == n)).one()
            for n in made.purchase_numbers
        )
        assert first.status is PurchaseOrderStatus.RECEIVED
        assert second.status is PurchaseOrderStatus.SENT
        line = session.get(OrderLine, made.line_ids[0])
        assert line is not None and line.delivered_on == TODAY
        delivery = receipts.find_delivery(session, world.lund, made.number)
    assert [line.id for line in delivery.lines] == [made.line_ids[1]]
    # The same line cannot be received twice.
    error = refused(database, world.lund, made, LineReceipt(made.line_ids[0], quantity=10))
    assert "not waiting for a direct delivery" in error.sentence()


# ---------------------------------------------------------------------------------------------- R19


def test_r19_zero_price_needs_unit_price(database: Database, world: World) -> None:
    made = make_order(database, world, [(world.mould, 4, "0", "750")])
    line_id = made.line_ids[0]
    for missing in (None, Decimal("0")):
        error = refused(database, world.lund, made, LineReceipt(line_id, quantity=4, unit_price=missing))
        assert "has no price" in error.sentence() and "Örpropp silikon" in error.sentence()
    price = receipts.unit_price_from_total(receipts.parse_amount("1 000,00"), 4)
    receive(database, world.lund, made, LineReceipt(line_id, quantity=4, unit_price=price))
    with database.read() as session:
        line = session.get(OrderLine, line_id)
        assert line is not None and line.unit_price == Decimal("250.00")
        assert session.scalars(select(GoodsReceiptLine.unit_price)).one() == Decimal("250.00")
        assert session.scalars(select(StockMovement.unit_price)).one() == Decimal("250.00")


def test_r19_total_on_the_delivery_note_is_divided_by_the_quantity() -> None:
    assert receipts.unit_price_from_total(Decimal("100"), 3) == Decimal("33.33")
    assert receipts.unit_price_from_total(Decimal("1250"), 2) == Decimal("625.00")
    assert receipts.unit_price_from_total(Decimal("0.05"), 2) == Decimal("0.03")  # rounded half up, to öre
    assert receipts.parse_amount("1 234,50") == Decimal("1234.50")
    assert receipts.parse_amount("850 kr") == Decimal("850.00")
    assert receipts.parse_amount("99.9") == Decimal("99.90")
    for wrong in ("abc", "-5", "1,2,3", ""):
        with pytest.raises(InvalidInput):
            receipts.parse_amount(wrong)
    with pytest.raises(InvalidInput):
        receipts.unit_price_from_total(Decimal("100"), 0)


def test_r19_priced_line_keeps_its_price(database: Database, world: World) -> None:
    made = make_order(database, world, [(world.dome, 10, "65", "750")])
    receive(database, world.lund, made, LineReceipt(made.line_ids[0], quantity=10, unit_price=Decimal("1")))
    with database.read() as session:
        assert session.scalars(select(GoodsReceiptLine.unit_price)).one() == Decimal("65.00")


def test_r19_individual_and_serial_per_unit(database: Database, world: World) -> None:
    made = make_order(database, world, [(world.aid, 2, "5200", "750")])
    line_id = made.line_ids[0]
    too_few = refused(database, world.lund, made, LineReceipt(line_id, 2, units=units("A", 1)))
    assert "each of its 2 units" in too_few.sentence()
    no_serial = (("A001", "SN1"), ("A002", "  "))
    assert (
        "serial number"
        in refused(database, world.lund, made, LineReceipt(line_id, 2, units=no_serial)).sentence()
    )
    no_number = (("A001", "SN1"), ("", "SN2"))
    assert (
        "individual number"
        in refused(database, world.lund, made, LineReceipt(line_id, 2, units=no_number)).sentence()
    )
    result = receive(
        database, world.lund, made, LineReceipt(line_id, 2, units=((" A001 ", "SN1"), ("A002", "SN2")))
    )
    assert len(result.individual_ids) == 2
    with database.read() as session:
        made_units = session.scalars(select(Individual).order_by(Individual.individual_number)).all()
        assert [(i.individual_number, i.serial_number) for i in made_units] == [
            ("A001", "SN1"),
            ("A002", "SN2"),
        ]
        assert all(i.order_line_id == line_id and i.article_id == world.aid for i in made_units)


def test_r19_duplicate_individual_number_refused_and_nothing_saved(database: Database, world: World) -> None:
    first = make_order(database, world, [(world.aid, 1, "5200", "750")])
    receive(database, world.lund, first, LineReceipt(first.line_ids[0], 1, units=(("900100200", "SN-1"),)))
    made = make_order(database, world, [(world.dome, 10, "65", "750"), (world.aid, 2, "5200", "750")])
    dome, aid = (LineReceipt(made.line_ids[0], 10), made.line_ids[1])
    in_db = refused(
        database,
        world.lund,
        made,
        dome,
        LineReceipt(aid, 2, units=(("900100201", "SN-2"), ("900100200", "SN-3"))),
    )
    assert isinstance(in_db, RuleViolation) and "900100200" in in_db.sentence()
    twice = refused(
        database,
        world.lund,
        made,
        dome,
        LineReceipt(aid, 2, units=(("900100300", "SN-4"), ("900100300", "SN-5"))),
    )
    assert "typed twice" in twice.sentence() and "900100300" in twice.sentence()
    assert line_statuses(database, made.order_id) == [LineStatus.OPEN, LineStatus.OPEN]


def test_r19_duplicate_serial_for_the_same_article_refused(database: Database, world: World) -> None:
    with database.seed() as session:
        other_aid = factories.article(session, "Bernafon Alpha", individually_marked=True).id
    first = make_order(database, world, [(world.aid, 1, "5200", "750")])
    receive(database, world.lund, first, LineReceipt(first.line_ids[0], 1, units=(("I-1", "SER-77"),)))
    made = make_order(database, world, [(world.aid, 1, "5200", "750"), (other_aid, 1, "4000", "750")])
    same_article = refused(
        database, world.lund, made, LineReceipt(made.line_ids[0], 1, units=(("I-2", "SER-77"),))
    )
    assert "SER-77" in same_article.sentence() and "Audéo Lumity R" in same_article.sentence()
    # The same serial on another article is a different device.
    receive(
        database,
        world.lund,
        made,
        LineReceipt(made.line_ids[0], 1, units=(("I-2", "SER-78"),)),
        LineReceipt(made.line_ids[1], 1, units=(("I-3", "SER-77"),)),
    )
    with database.read() as session:
        assert session.scalar(select(func.count()).where(Individual.serial_number == "SER-77")) == 2


def test_r19_patient_order_units_go_to_the_patient_with_the_fees_due_at_delivery(
    database: Database, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []
    real = receipts.fees.fees_at_delivery

    def fees_at_delivery(session: Session, **kwargs: Any) -> list[Any]:
        calls.append(kwargs)
        return real(session, **kwargs)

    monkeypatch.setattr(receipts.fees, "fees_at_delivery", fees_at_delivery)
    made = make_order(
        database,
        world,
        [(world.aid, 2, "5200", "750"), (world.mould, 1, "0", "750")],
        kind=OrderKind.PRESCRIPTION,
        patient=world.patient,
    )
    result = receive(
        database,
        world.lund,
        made,
        LineReceipt(made.line_ids[0], 2, units=units("P", 2)),
        LineReceipt(made.line_ids[1], 1, unit_price=Decimal("640")),
    )
    assert result.order_status is OrderStatus.DELIVERED
    assert not result.changes.stock and result.changes.orders and result.changes.individuals
    with database.read() as session:
        devices = session.scalars(select(Individual)).all()
        assert {(d.status, d.patient_id, d.warehouse_id) for d in devices} == {
            (IndividualStatus.DELIVERED, world.patient, None)
        }
        events = session.scalars(select(IndividualEvent)).all()
        assert {(e.status, e.patient_id, e.document_kind) for e in events} == {
            (IndividualStatus.DELIVERED, world.patient, "goods_receipt")
        }
        assert session.scalar(select(func.count()).select_from(StockMovement)) == 0  # 750 has no balance
        patient = session.get(Patient, world.patient)
    assert [c["line"].id for c in calls] == list(made.line_ids)
    assert all(c["patient"].id == patient.id and c["delivered_on"] == TODAY for c in calls)  # type: ignore[union-attr]
    assert sorted(calls[0]["individual_ids"]) == sorted(result.individual_ids)
    assert list(calls[1]["individual_ids"]) == []


def test_r22_charging_kit_received_for_a_patient_is_billed_at_receipt(
    database: Database, world: World
) -> None:
    with database.seed() as session:
        kit = factories.article(session, "Laddkit Lumity")
        kit.fee_rule = FeeRule.CHARGING_KIT
        kit_id = kit.id
    made = make_order(
        database, world, [(kit_id, 1, "900", "750")], kind=OrderKind.PRESCRIPTION, patient=world.patient
    )
    result = receive(database, world.lund, made, LineReceipt(made.line_ids[0], 1))
    assert result.fees_created == 1 and result.changes.fees
    with database.read() as session:
        fee = session.scalars(select(Fee).where(Fee.order_line_id == made.line_ids[0])).one()
    assert fee.kind is FeeKind.CHARGING_KIT and fee.patient_id == world.patient and fee.bill_on == TODAY


def test_r5_protected_patient_shows_only_the_fictive_name(database: Database, world: World) -> None:
    made = make_order(
        database,
        world,
        [(world.mould, 1, "0", "750")],
        kind=OrderKind.PRESCRIPTION,
        patient=world.protected_patient,
    )
    with database.read() as session:
        delivery = receipts.find_delivery(session, world.lund, made.number)
        summary = receipts.unreceived_deliveries(session, world.lund)[0]
        patient = session.get(Patient, world.protected_patient)
    assert patient is not None
    for label in (delivery.patient_label, summary.patient_label):
        assert label == "Skyddad, Eva"
        assert patient.identity_number[:8] not in label and patient.street not in label
    assert delivery.protected_identity and summary.protected_identity


# ---------------------------------------------------------------------------------------------- R20


def test_r20_cancel_undeliverable_lines(database: Database, world: World) -> None:
    made = make_order(database, world, [(world.dome, 10, "65", "750"), (world.aid, 1, "5200", "750")])
    with database.write() as session:
        changes = receipts.cancel_lines(
            session, world.lund, order_id=made.order_id, line_ids=[made.line_ids[0]], today=TODAY
        )
    assert changes.orders
    assert line_statuses(database, made.order_id) == [LineStatus.CANCELLED, LineStatus.OPEN]
    receive(database, world.lund, made, LineReceipt(made.line_ids[1], 1, units=(("C-1", "S-1"),)))
    with database.read() as session:
        order = session.get(Order, made.order_id)
        purchases = {
            po.number: po.status
            for po in session.scalars(select(PurchaseOrder).where(PurchaseOrder.order_id == made.order_id))
        }
        assert order is not None and order.status is OrderStatus.DELIVERED
        # The domes' supplier had nothing delivered, the aid's supplier delivered everything.
        assert purchases == {
            made.purchase_numbers[0]: PurchaseOrderStatus.CANCELLED,
            made.purchase_numbers[1]: PurchaseOrderStatus.RECEIVED,
        }
        with pytest.raises(RuleViolation):
            receipts.find_delivery(session, world.lund, made.number)

    everything = make_order(database, world, [(world.dome, 10, "65", "750"), (world.mould, 1, "0", "750")])
    with database.write() as session:
        receipts.cancel_lines(
            session, world.lund, order_id=everything.order_id, line_ids=everything.line_ids, today=TODAY
        )
    with database.read() as session:
        order = session.get(Order, everything.order_id)
        assert order is not None and order.status is OrderStatus.CANCELLED
        assert set(
            session.scalars(select(PurchaseOrder.status).where(PurchaseOrder.order_id == everything.order_id))
        ) == {PurchaseOrderStatus.CANCELLED}
    with pytest.raises(RuleViolation), database.write() as session:  # already cancelled: nothing to cancel
        receipts.cancel_lines(
            session, world.lund, order_id=everything.order_id, line_ids=everything.line_ids[:1], today=TODAY
        )


def test_r20_colleague_of_same_location_may_receive(database: Database, world: World) -> None:
    made = make_order(database, world, [(world.dome, 10, "65", "750")], context=world.lund)
    with database.read() as session:
        assert receipts.find_delivery(session, world.colleague, made.number).orderer_name == "Anna Audionom"
    receive(database, world.colleague, made, LineReceipt(made.line_ids[0], 10))
    with database.read() as session:
        receipt = session.scalars(select(GoodsReceipt)).one()
        assert receipt.received_by_id == world.colleague.user_id
        assert receipt.service_location_id == world.lund.service_location_id


def test_r20_other_location_refused(database: Database, world: World) -> None:
    made = make_order(database, world, [(world.dome, 10, "65", "750")], context=world.lund)
    with database.read() as session, pytest.raises(RuleViolation) as caught:
        receipts.find_delivery(session, world.malmo, made.purchase_numbers[0])
    assert "Hörselmottagningen Lund" in caught.value.sentence() and made.number in caught.value.sentence()
    refused(database, world.malmo, made, LineReceipt(made.line_ids[0], 10))
    with pytest.raises(RuleViolation), database.write() as session:
        receipts.cancel_lines(
            session, world.malmo, order_id=made.order_id, line_ids=made.line_ids, today=TODAY
        )


def test_r20_deliveries_from_70_arrive_already_received(database: Database, world: World) -> None:
    central_only = make_order(database, world, [(world.dome, 10, "65", "70")])
    mixed = make_order(database, world, [(world.dome, 10, "65", "70"), (world.mould, 1, "300", "750")])
    with database.read() as session:
        with pytest.raises(RuleViolation) as caught:
            receipts.find_delivery(session, world.lund, central_only.number)
        delivery = receipts.find_delivery(session, world.lund, mixed.number)
        listed = {s.order_number: s.open_lines for s in receipts.unreceived_deliveries(session, world.lund)}
    assert "central warehouse 70" in caught.value.sentence()
    assert [line.id for line in delivery.lines] == [mixed.line_ids[1]]
    assert listed == {mixed.number: 1}
    refused(database, world.lund, mixed, LineReceipt(mixed.line_ids[0], 10))


def test_r20_unreceived_list(database: Database, world: World) -> None:
    later = make_order(database, world, [(world.mould, 1, "300", "750")])  # planned TODAY + 1
    sooner_but_second_line = make_order(
        database, world, [(world.dome, 5, "65", "70"), (world.dome, 5, "65", "750")]
    )
    colleague = make_order(database, world, [(world.dome, 5, "65", "750")], context=world.colleague)
    elsewhere = make_order(database, world, [(world.dome, 5, "65", "750")], context=world.malmo)
    with database.seed() as session:  # the first order's line is planned sooner than everything else
        line = session.get(OrderLine, later.line_ids[0])
        assert line is not None
        line.planned_delivery_on = TODAY - dt.timedelta(days=3)
    with database.read() as session:
        rows = receipts.unreceived_deliveries(session, world.lund)
    assert [r.order_number for r in rows] == [later.number, colleague.number, sooner_but_second_line.number]
    assert elsewhere.number not in {r.order_number for r in rows}
    assert rows[0].planned_delivery_on == TODAY - dt.timedelta(days=3)
    assert rows[0].purchase_order_numbers == later.purchase_numbers and rows[0].supplier_names == (
        "Oticon AB",
    )
    assert rows[1].orderer_name == "Per Audionom"
    receive(database, world.lund, later, LineReceipt(later.line_ids[0], 1))
    with database.read() as session:
        assert [r.order_number for r in receipts.unreceived_deliveries(session, world.lund)] == [
            colleague.number,
            sooner_but_second_line.number,
        ]


def test_r20_showcase_unreceived_lists_of_lund_and_malmo(demo: Database, demo_template: Any) -> None:
    numbers = demo_template[1].numbers
    with demo.read() as session:
        lund = work_context(session, username="anna.audionom", service_location_code="HM-LUND")
        malmo = work_context(session, username="anna.audionom", service_location_code="HM-MALMO")
        lund_rows = receipts.unreceived_deliveries(session, lund)
        malmo_rows = receipts.unreceived_deliveries(session, malmo)
    assert numbers["replenishment_awaiting_receipt"] in {r.order_number for r in lund_rows}
    assert numbers["order_awaiting_receipt"] in {r.order_number for r in malmo_rows}
    assert numbers["order_awaiting_receipt"] not in {r.order_number for r in lund_rows}
    for rows in (lund_rows, malmo_rows):
        planned = [r.planned_delivery_on or dt.date.max for r in rows]
        assert planned == sorted(planned)


def test_r20_replenishment_puts_stock_and_individuals_in_own_stock_at_once(
    demo: Database, demo_template: Any
) -> None:
    numbers = demo_template[1].numbers
    with demo.read() as session:
        anna = work_context(
            session, username="anna.audionom", service_location_code="HM-LUND"
        )  # a colleague of lars
        delivery = receipts.find_delivery(session, anna, numbers["replenishment_purchase_order"])
        stock = session.scalars(select(Warehouse).where(Warehouse.code == "L-LUND")).one()
        aid, dome = delivery.lines

        def balance(article_id: uuid.UUID) -> int:
            return (
                session.scalar(
                    select(func.coalesce(func.sum(StockMovement.quantity), 0)).where(
                        StockMovement.warehouse_id == stock.id, StockMovement.article_id == article_id
                    )
                )
                or 0
            )

        before = (balance(aid.article_id), balance(dome.article_id))
    with demo.write() as session:
        result = receipts.receive(
            session,
            anna,
            order_id=delivery.order_id,
            lines=[
                LineReceipt(aid.id, 2, units=(("777000001", "PH-1"), ("777000002", "PH-2"))),
                LineReceipt(dome.id, 10),
            ],
            today=TODAY,
            delivery_note="FS-2001",
        )
    assert result.changes.stock and result.changes.individuals and result.changes.orders
    assert result.order_status is OrderStatus.DELIVERED
    with demo.read() as session:
        assert (balance(aid.article_id), balance(dome.article_id)) == (before[0] + 2, before[1] + 10)
        devices = session.scalars(select(Individual).where(Individual.id.in_(result.individual_ids))).all()
        assert {d.individual_number for d in devices} == {"777000001", "777000002"}
        for device in devices:
            assert device.status is IndividualStatus.IN_STOCK and device.warehouse_id == stock.id
            assert device.purchase_date == TODAY and device.purchase_price == aid.unit_price
            assert device.order_line_id == aid.id and device.patient_id is None
        movements = session.scalars(
            select(StockMovement).where(StockMovement.document_id.in_(result.receipt_ids))
        ).all()
        assert {m.reason for m in movements} == {MovementReason.GOODS_RECEIPT}
        assert {m.individual_id for m in movements if m.individual_id} == set(result.individual_ids)
        events = session.scalars(
            select(IndividualEvent).where(IndividualEvent.individual_id.in_(result.individual_ids))
        ).all()
        assert {(e.status, e.warehouse_id, e.user_id) for e in events} == {
            (IndividualStatus.IN_STOCK, stock.id, anna.user_id)
        }
        receipt = session.get(GoodsReceipt, result.receipt_ids[0])
        assert receipt is not None and receipt.delivery_note == "FS-2001" and receipt.warehouse_id == stock.id
        purchase = session.scalars(
            select(PurchaseOrder).where(PurchaseOrder.number == numbers["replenishment_purchase_order"])
        ).one()
        assert purchase.status is PurchaseOrderStatus.RECEIVED
        assert numbers["replenishment_awaiting_receipt"] not in {
            r.order_number for r in receipts.unreceived_deliveries(session, anna)
        }


def test_r20_private_clinic_without_own_stock_is_told_so(database: Database, world: World) -> None:
    with database.seed() as session:
        private = ServiceLocation(code="PRIV", name="Privat hörselklinik", is_private=True)
        session.add(private)
        session.flush()
        session.add(UserServiceLocation(user_id=world.lund.user_id, service_location_id=private.id))
    with database.read() as session:
        context = work_context(session, username="anna", service_location_code="PRIV")
    made = make_order(database, world, [(world.dome, 10, "65", "750")], context=context)
    assert "no own stock" in refused(database, context, made, LineReceipt(made.line_ids[0], 10)).sentence()


def test_r20_cancelled_line_bills_no_fee(database: Database, world: World) -> None:
    """A line cancelled at receipt is never delivered: the patient fee raised at sending is cancelled with it,
    while the fee of the line still coming stays planned."""
    with database.seed() as session:
        aid = factories.article(session, "Audéo Lumity")
        aid.fee_rule = FeeRule.PATIENT_FEE
        aid_id = aid.id
    made = make_order(
        database,
        world,
        [(aid_id, 1, "5200", "750"), (aid_id, 1, "5200", "750")],
        kind=OrderKind.PRESCRIPTION,
        patient=world.patient,
    )
    with database.write() as session:
        patient = session.get(Patient, world.patient)
        for line_id in made.line_ids:
            line = session.get(OrderLine, line_id)
            assert line is not None
            assert receipts.fees.fees_at_order(session, patient=patient, line=line, today=TODAY)
    with database.write() as session:
        changes = receipts.cancel_lines(
            session, world.lund, order_id=made.order_id, line_ids=[made.line_ids[0]], today=TODAY
        )
    assert changes.fees
    with database.read() as session:
        statuses = {line: status for line, status in session.execute(select(Fee.order_line_id, Fee.status))}
    assert statuses == {made.line_ids[0]: FeeStatus.CANCELLED, made.line_ids[1]: FeeStatus.PLANNED}
