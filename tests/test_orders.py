"""Ordering (R10–R17) and the patient rules enforced at the moment of ordering (R4–R9), on the demo data."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import orders
from app.articles import balances_of, search_articles
from app.database import Database
from app.errors import InvalidInput, RuleViolation
from app.numbers import NumberAllocator
from app.orders import DeliveryDetails, OrderQuery
from app.organisation import WorkContext, work_context
from db.models import (
    Article,
    Fee,
    ForeignCertificate,
    Individual,
    Order,
    OrderLine,
    Patient,
    PurchaseOrder,
    StockMovement,
    UrgentNeedDecision,
    Warehouse,
)
from db.models.enums import (
    ArticleStatus,
    ArticleType,
    DeliverFrom,
    IndividualStatus,
    LineStatus,
    OrderKind,
    OrderStatus,
)

TODAY = dt.date.today()


@pytest.fixture
def numbers(demo_template: Any) -> dict[str, str]:
    return dict(demo_template[1].numbers)


def context(database: Database, username: str = "anna.audionom", location: str = "LUND") -> WorkContext:
    location = (
        location
        if location.startswith(("HM-", "HK-"))
        else {"PRIVAT": "HK-PRIVAT"}.get(location, f"HM-{location}")
    )
    with database.read() as session:
        return work_context(session, username=username, service_location_code=location)


def patient_id(database: Database, identity: str) -> uuid.UUID:
    with database.read() as session:
        return session.scalars(select(Patient.id).where(Patient.identity_number == identity)).one()


def article_id(database: Database, number: str) -> uuid.UUID:
    with database.read() as session:
        return session.scalars(select(Article.id).where(Article.article_number == number)).one()


def warehouse(session: Session, code: str) -> Warehouse:
    return session.scalars(select(Warehouse).where(Warehouse.code == code)).one()


def stocked_article(database: Database, code: str, *, at_least: int, marked: bool = False) -> uuid.UUID:
    """An active, non-service article with at least *at_least* in warehouse *code*."""
    with database.read() as session:
        store = warehouse(session, code)
        ids = list(
            session.scalars(
                select(Article.id).where(
                    Article.status == ArticleStatus.ACTIVE,
                    Article.article_type != ArticleType.SERVICE,
                    Article.individually_marked.is_(marked),
                    Article.article_type != ArticleType.MAIN_AID,
                )
            )
        )
        held = balances_of(session, store.id, ids)
        return next(a for a in ids if held.get(a, 0) >= at_least)


def unstocked_article(database: Database) -> uuid.UUID:
    """An active article the central warehouse does not hold: it goes through 750."""
    with database.read() as session:
        central = warehouse(session, "70")
        ids = list(
            session.scalars(
                select(Article.id).where(
                    Article.status == ArticleStatus.ACTIVE,
                    Article.article_type == ArticleType.ACCESSORY,
                    Article.article_type != ArticleType.MAIN_AID,
                )
            )
        )
        held = balances_of(session, central.id, ids)
        return next(a for a in ids if held.get(a, 0) == 0)


def cart_for(
    database: Database, ctx: WorkContext, patient: uuid.UUID | None, kind: OrderKind | None = None
) -> uuid.UUID:
    with database.write() as session:
        return orders.open_cart(session, ctx, patient_id=patient, kind=kind).id


def add(
    database: Database,
    ctx: WorkContext,
    order_id: uuid.UUID,
    article: uuid.UUID,
    quantity: int = 1,
    **kw: Any,
) -> None:
    with database.write() as session:
        orders.add_line(
            session, ctx, order_id=order_id, article_id=article, quantity=quantity, today=TODAY, **kw
        )


def send(database: Database, ctx: WorkContext, order_id: uuid.UUID) -> orders.SentOrder:
    with database.write() as session:
        return orders.send_order(session, ctx, order_id=order_id, allocator=NumberAllocator(), today=TODAY)


def test_r10a_r15_prescription_from_central_stock_else_750_numbered_yywwnnnn(
    demo: Database, examples: dict[str, str]
) -> None:
    ctx = context(demo)
    order_id = cart_for(demo, ctx, patient_id(demo, examples["ordinary"]), OrderKind.PRESCRIPTION)
    in_central = stocked_article(demo, "70", at_least=2)
    not_in_central = unstocked_article(demo)
    add(demo, ctx, order_id, in_central, 2)
    add(demo, ctx, order_id, not_in_central, 1)
    with demo.read() as session:
        cart = orders.read_cart(session, order_id, TODAY)
    assert [line.deliver_from_code for line in cart.lines] == ["70", "750"]
    assert cart.lines[0].balance is not None and cart.lines[0].balance >= 2
    assert cart.lines[1].balance is None  # 750 never shows a balance
    sent = send(demo, ctx, order_id)
    iso = TODAY.isocalendar()
    assert re.fullmatch(rf"{iso.year % 100:02d}{iso.week:02d}\d{{4}}", sent.number)
    assert sent.needs_purchase_orders and not sent.handed_out
    with demo.read() as session:
        order = session.get(Order, order_id)
        assert order is not None and order.status is OrderStatus.SENT and order.number == sent.number
        assert order.lines[0].planned_delivery_on is not None and order.lines[0].planned_delivery_on > TODAY
        taken = session.scalars(
            select(StockMovement.quantity).where(StockMovement.document_id == order_id)
        ).all()
        assert taken == [-2]  # reserved in 70; nothing moves for the 750 line


def test_r10b_r16_own_stock_withdrawal_is_delivered_at_once_and_cannot_be_cancelled(
    demo: Database, examples: dict[str, str]
) -> None:
    ctx = context(demo)
    article = stocked_article(demo, "L-LUND", at_least=2)
    with demo.read() as session:
        own = warehouse(session, "L-LUND")
        before = balances_of(session, own.id, [article])[article]
    order_id = cart_for(demo, ctx, patient_id(demo, examples["ordinary"]), OrderKind.OWN_STOCK_PRESCRIPTION)
    add(demo, ctx, order_id, article, 1)
    add(demo, ctx, order_id, article, 1)  # two requisitions are two lines
    sent = send(demo, ctx, order_id)
    assert sent.handed_out and sent.status is OrderStatus.DELIVERED and not sent.needs_purchase_orders
    with demo.read() as session:
        assert balances_of(session, own.id, [article])[article] == before - 2
        lines = session.scalars(select(OrderLine).where(OrderLine.order_id == order_id)).all()
        assert [(line.status, line.delivered_on) for line in lines] == [(LineStatus.DELIVERED, TODAY)] * 2
        detail = orders.order_detail(session, order_id)
    assert not detail.can_cancel and "withdrawal from own stock" in detail.cancel_refusal
    with pytest.raises(RuleViolation, match="withdrawal from own stock"), demo.write() as session:
        orders.cancel_order(session, ctx, order_id=order_id, today=TODAY)


def test_r10b_own_stock_cannot_give_more_than_its_balance(demo: Database, examples: dict[str, str]) -> None:
    ctx = context(demo)
    article = stocked_article(demo, "L-LUND", at_least=1)
    with demo.read() as session:
        held = balances_of(session, warehouse(session, "L-LUND").id, [article])[article]
    order_id = cart_for(demo, ctx, patient_id(demo, examples["ordinary"]), OrderKind.OWN_STOCK_PRESCRIPTION)
    with pytest.raises(RuleViolation, match=f"holds {held} of"):
        add(demo, ctx, order_id, article, held + 1)


def test_r10c_individual_delivery_only_from_the_matching_service_location(
    demo: Database, examples: dict[str, str]
) -> None:
    with demo.read() as session:
        individual = session.scalars(
            select(Individual)
            .join(Warehouse, Warehouse.id == Individual.warehouse_id)
            .where(Individual.status == IndividualStatus.IN_STOCK, Warehouse.code == "L-LUND")
        ).first()
        assert individual is not None
        number, individual_id = individual.individual_number, individual.id
    malmo = context(demo, "anna.audionom", "MALMO")
    with (
        pytest.raises(RuleViolation, match="choose the service location that matches"),
        demo.read() as session,
    ):
        orders.find_individual_for_delivery(session, malmo, number)
    lund = context(demo)
    order_id = cart_for(demo, lund, patient_id(demo, examples["ordinary"]), OrderKind.INDIVIDUAL_DELIVERY)
    with demo.read() as session:
        choice = orders.find_individual_for_delivery(session, lund, f" {number} ")
    with demo.write() as session:
        orders.add_line(session, lund, order_id=order_id, individual_id=choice.id, today=TODAY)
    with demo.read() as session:
        assert session.get(Individual, individual_id).status is IndividualStatus.RESERVED  # type: ignore[union-attr]
        assert orders.read_cart(session, order_id, TODAY).lines[0].individual_number == number
    sent = send(demo, lund, order_id)
    assert sent.handed_out
    with demo.read() as session:
        delivered = session.get(Individual, individual_id)
        assert delivered is not None and delivered.status is IndividualStatus.DELIVERED
        assert (
            delivered.patient_id == patient_id(demo, examples["ordinary"]) and delivered.warehouse_id is None
        )


def test_r10d_replenishment_has_no_recipient_and_private_clinics_hold_no_stock(demo: Database) -> None:
    ctx = context(demo, "lars.lager", "LUND")
    order_id = cart_for(demo, ctx, None)
    with demo.read() as session:
        cart = orders.read_cart(session, order_id, TODAY)
    assert cart.kind is OrderKind.REPLENISHMENT and cart.patient is None and cart.prescriber is None
    private = context(demo, "peter.privat", "PRIVAT")
    with pytest.raises(RuleViolation, match="holds no own stock"):
        cart_for(demo, private, None)


def test_r11_prescriber_defaults_to_the_user_and_an_orderer_picks_a_linked_one(
    demo: Database, examples: dict[str, str]
) -> None:
    patient = patient_id(demo, examples["ordinary"])
    anna = context(demo)
    order_id = cart_for(demo, anna, patient)
    with demo.read() as session:
        cart = orders.read_cart(session, order_id, TODAY)
    assert cart.prescriber is not None and cart.prescriber.id == anna.user_id
    assert cart.kind is OrderKind.PRESCRIPTION  # Anna's default is "deliver from the aid service"
    assert cart.delivery.method == "clinic" and cart.delivery.name == anna.service_location_name
    sara = context(demo, "sara.sekreterare", "LUND")
    secretary_cart = cart_for(demo, sara, patient)
    with demo.read() as session:
        linked = orders.prescribers_for(session, sara)
        assert orders.read_cart(session, secretary_cart, TODAY).prescriber is None
    assert {p.name for p in linked} == {"Anna Bergström", "Per Lindahl", "Ingrid Sandell"}
    add(demo, sara, secretary_cart, stocked_article(demo, "70", at_least=1))
    with pytest.raises(InvalidInput, match="prescriber"):
        send(demo, sara, secretary_cart)
    with pytest.raises(RuleViolation, match="linked to you"), demo.write() as session:
        orders.set_prescriber(session, sara, order_id=secretary_cart, prescriber_id=uuid.uuid4())
    with demo.write() as session:
        orders.set_prescriber(session, sara, order_id=secretary_cart, prescriber_id=linked[0].id)
    assert send(demo, sara, secretary_cart).number
    # The cart is one per user and patient: opening it again gives the same one, and other users' carts are theirs.
    assert cart_for(demo, anna, patient) == order_id
    with pytest.raises(RuleViolation, match="belongs to Anna"):
        add(demo, sara, order_id, stocked_article(demo, "70", at_least=1))


def test_r11_default_deliver_from_is_a_user_setting(demo: Database, examples: dict[str, str]) -> None:
    ctx = context(demo)
    with demo.write() as session:
        orders.set_default_deliver_from(session, ctx, DeliverFrom.OWN_STOCK)
    assert orders.OrderKind.OWN_STOCK_PRESCRIPTION is (
        _kind_of_new_cart(demo, ctx, patient_id(demo, examples["ordinary"]))
    )


def _kind_of_new_cart(database: Database, ctx: WorkContext, patient: uuid.UUID) -> OrderKind:
    with database.write() as session:
        return orders.open_cart(session, ctx, patient_id=patient).kind


def test_r12_outgoing_articles_only_from_own_stock_with_a_balance(
    demo: Database, examples: dict[str, str], numbers: dict[str, str]
) -> None:
    ctx = context(demo)
    order_id = cart_for(demo, ctx, patient_id(demo, examples["ordinary"]), OrderKind.PRESCRIPTION)
    for key in ("article_outgoing", "article_outgone"):
        with pytest.raises(RuleViolation, match="no longer purchased"):
            add(demo, ctx, order_id, article_id(demo, numbers[key]))


def test_r13_r14_service_needs_its_comment_and_one_purchase_order_per_supplier(
    demo: Database, examples: dict[str, str], numbers: dict[str, str]
) -> None:
    ctx = context(demo)
    education = article_id(demo, numbers["article_education"])
    order_id = cart_for(demo, ctx, patient_id(demo, examples["ordinary"]), OrderKind.PRESCRIPTION)
    add(demo, ctx, order_id, education, 2)
    other = unstocked_article(demo)
    add(demo, ctx, order_id, other, 1)
    with demo.read() as session:
        cart = orders.read_cart(session, order_id, TODAY)
        suppliers = {session.get(Article, line.article_id).supplier_id for line in cart.lines}  # type: ignore[union-attr]
    assert cart.lines[0].deliver_from_code == "750" and cart.lines[0].needs_comment
    with pytest.raises(RuleViolation, match="needs a comment"):
        send(demo, ctx, order_id)
    with demo.write() as session:
        orders.update_line(
            session, ctx, line_id=cart.lines[0].id, comment="Utbildning 2 h, 12 och 19 maj", today=TODAY
        )
    sent = send(demo, ctx, order_id)
    assert sent.needs_purchase_orders
    with demo.read() as session:
        assert orders.order_detail(session, order_id).can_cancel
    with demo.write() as session:
        made = orders.create_purchase_orders(
            session, ctx, order_id=order_id, allocator=NumberAllocator(), today=TODAY
        )
    assert len(made) == len(suppliers)
    assert len({p.number for p in made}) == len(made) and all(len(p.number) == 8 for p in made)
    with demo.read() as session:
        detail = orders.order_detail(session, order_id)
        assert {p.number for p in detail.purchase_orders} == {p.number for p in made}
        assert all(line.purchase_order_number for line in detail.lines)
        assert not detail.needs_purchase_orders
        assert session.scalars(select(PurchaseOrder).where(PurchaseOrder.order_id == order_id)).all()
    # R16: a purchase order exists now, so it can no longer be cancelled.
    assert not detail.can_cancel and "purchase order exists" in detail.cancel_refusal


def test_r16_a_fresh_order_is_cancelled_and_its_central_reservation_returned(
    demo: Database, examples: dict[str, str]
) -> None:
    ctx = context(demo)
    article = stocked_article(demo, "70", at_least=1)
    with demo.read() as session:
        central = warehouse(session, "70").id
        before = balances_of(session, central, [article])[article]
    order_id = cart_for(demo, ctx, patient_id(demo, examples["ordinary"]), OrderKind.PRESCRIPTION)
    add(demo, ctx, order_id, article)
    send(demo, ctx, order_id)
    with demo.write() as session:
        orders.cancel_order(session, ctx, order_id=order_id, today=TODAY)
    with demo.read() as session:
        order = session.get(Order, order_id)
        assert order is not None and order.status is OrderStatus.CANCELLED
        assert {line.status for line in order.lines} == {LineStatus.CANCELLED}
        assert balances_of(session, central, [article])[article] == before
        fees = session.scalars(
            select(Fee).where(Fee.order_line_id.in_([line.id for line in order.lines]))
        ).all()
        assert all(fee.status.value == "cancelled" for fee in fees)
    with pytest.raises(RuleViolation, match="already cancelled"), demo.write() as session:
        orders.cancel_order(session, ctx, order_id=order_id, today=TODAY)


def test_r17_search_by_number_location_period_and_my_orders(demo: Database, examples: dict[str, str]) -> None:
    anna = context(demo)
    order_id = cart_for(demo, anna, patient_id(demo, examples["ordinary"]))
    add(demo, anna, order_id, stocked_article(demo, "70", at_least=1))
    sent = send(demo, anna, order_id)
    with demo.read() as session:
        (found,) = orders.search_orders(session, anna, OrderQuery(number=sent.number))
        assert found.id == order_id and found.prescriber_name == "Anna Bergström" and found.line_count == 1
        recent = orders.search_orders(
            session,
            anna,
            OrderQuery(service_location_id=anna.service_location_id, date_from=TODAY - dt.timedelta(days=60)),
        )
        assert recent[0].id == order_id
        assert [r.created_on for r in recent] == sorted((r.created_on for r in recent), reverse=True)
        assert {r.service_location_code for r in recent} == {"HM-LUND"}
        mine = orders.search_orders(
            session, anna, OrderQuery(mine=True, date_from=TODAY - dt.timedelta(days=60))
        )
        assert order_id in {r.id for r in mine}
        assert all(anna.user_name in (r.orderer_name, r.prescriber_name) for r in mine)
        replenishments = [r for r in recent if r.kind is OrderKind.REPLENISHMENT]
        assert all(r.prescriber_name == "" and r.patient_label == "" for r in replenishments)
        with pytest.raises(InvalidInput, match="all 8 digits"):
            orders.search_orders(session, anna, OrderQuery(number="1234"))


def test_r4_r9_inactive_and_deceased_patients_get_no_new_orders(
    demo: Database, examples: dict[str, str]
) -> None:
    ctx = context(demo)
    with pytest.raises(RuleViolation, match="inactive"):
        cart_for(demo, ctx, patient_id(demo, examples["inactive"]))
    with pytest.raises(RuleViolation, match="deceased"):
        cart_for(demo, ctx, patient_id(demo, examples["deceased"]))


def test_r6_hearing_aid_for_an_out_of_region_patient_needs_the_payment_commitment(
    demo: Database, examples: dict[str, str], numbers: dict[str, str]
) -> None:
    aid = article_id(demo, numbers["article_hearing_aid"])
    without = context(demo, "oskar.audionom", "KSTAD")
    order_id = cart_for(demo, without, patient_id(demo, examples["other_region_without_commitment"]))
    with pytest.raises(RuleViolation, match="payment commitment"):
        add(demo, without, order_id, aid)
    add(demo, without, order_id, stocked_article(demo, "70", at_least=1))  # a cheap accessory needs none
    with_commitment = context(demo, "johan.audionom", "HBG")
    other = cart_for(demo, with_commitment, patient_id(demo, examples["other_region_with_commitment"]))
    add(demo, with_commitment, other, aid)


def test_r7_adult_reserve_number_needs_the_urgent_need_reason_and_a_valid_lma_card(
    demo: Database, examples: dict[str, str]
) -> None:
    ctx = context(demo, "erik.audionom", "MALMO")
    patient = patient_id(demo, examples["reserve_adult"])
    with demo.read() as session:
        row = session.get(Patient, patient)
        assert row is not None
        decided = session.scalars(
            select(UrgentNeedDecision.id).where(UrgentNeedDecision.patient_id == patient)
        ).first()
        lma_ok = row.lma_card_valid_until is not None and row.lma_card_valid_until >= TODAY
    if row.residency.value == "asylum_seeker" and not lma_ok:
        with pytest.raises(RuleViolation, match="LMA card"):
            cart_for(demo, ctx, patient)
        with demo.write() as session:
            session.get(Patient, patient).lma_card_valid_until = TODAY + dt.timedelta(days=90)  # type: ignore[union-attr]
    if decided is None:
        with pytest.raises(RuleViolation, match="record the reason"):
            cart_for(demo, ctx, patient)
        with demo.write() as session:
            session.add(
                UrgentNeedDecision(patient_id=patient, prescriber_id=ctx.user_id, reason="Kan inte vänta.")
            )
    assert cart_for(demo, ctx, patient)


def test_r8_abroad_needs_certificates_before_an_aid_is_handed_out(
    demo: Database, examples: dict[str, str]
) -> None:
    ctx = context(demo)
    patient = patient_id(demo, examples["abroad"])
    with demo.write() as session:
        for certificate in session.scalars(
            select(ForeignCertificate).where(ForeignCertificate.patient_id == patient)
        ):
            session.delete(certificate)
    order_id = cart_for(demo, ctx, patient, OrderKind.OWN_STOCK_PRESCRIPTION)
    with pytest.raises(RuleViolation, match="certificates"):
        add(demo, ctx, order_id, stocked_article(demo, "L-LUND", at_least=1))
    prescription = cart_for(demo, ctx, patient, OrderKind.PRESCRIPTION)
    add(demo, ctx, prescription, stocked_article(demo, "70", at_least=1))  # ordering is not handing out


def test_r5_protected_identity_is_always_delivered_to_the_prescribing_unit(
    demo: Database, examples: dict[str, str]
) -> None:
    ctx = context(demo)
    order_id = cart_for(demo, ctx, patient_id(demo, examples["protected"]))
    with pytest.raises(RuleViolation, match="prescribing unit"), demo.write() as session:
        orders.set_delivery(
            session, ctx, order_id=order_id, delivery=DeliveryDetails(method="patient_address")
        )
    with demo.read() as session:
        assert orders.read_cart(session, order_id, TODAY).delivery.name == ctx.service_location_name


def test_r33_article_search_needs_three_characters_and_all_criteria(
    demo: Database, numbers: dict[str, str]
) -> None:
    with demo.read() as session:
        assert search_articles(session, "ph").refusal
        one = search_articles(session, "phonak")
        both = search_articles(session, "phonak laddare")
        assert one.total > both.total > 0
        assert all("phonak" in f"{h.name} {h.supplier_name}".lower() for h in one.hits)
        by_number = search_articles(session, numbers["article_hearing_aid"])
        assert [h.article_number for h in by_number.hits] == [numbers["article_hearing_aid"]]
        own = warehouse(session, "L-LUND")
        stocked = search_articles(session, "phonak", warehouse_id=own.id)
        assert all(h.balance is not None for h in stocked.hits)
        direct = search_articles(session, "phonak", warehouse_id=warehouse(session, "750").id)
        assert all(h.balance is None for h in direct.hits)
