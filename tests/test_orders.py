"""Ordering (R10–R17) and the patient rules enforced at the moment of ordering (R4–R9), on the demo data."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import central_warehouse, cli, orders, patients, receipts
from app.articles import search_articles
from app.database import Database
from app.errors import InvalidInput, RuleViolation
from app.fees import charger_bill_on
from app.numbers import NumberAllocator
from app.orders import DeliveryDetails, OrderQuery
from app.organisation import WorkContext, work_context
from app.stock import balances_of
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
    FeeKind,
    FeeRule,
    FeeStatus,
    IdentityKind,
    IndividualStatus,
    LineStatus,
    MovementReason,
    OrderKind,
    OrderStatus,
    Residency,
)
from tests import factories

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
        assert order is not None and order.number == sent.number
        assert (
            orders.order_detail(session, order_id, TODAY).row.status is OrderStatus.SENT
        )  # as the clerk sees it
        assert order.lines[0].planned_delivery_on is not None and order.lines[0].planned_delivery_on > TODAY
        taken = session.scalars(
            select(StockMovement.quantity).where(StockMovement.document_id == order_id)
        ).all()
        assert taken == [-2]  # drawn from 70; nothing moves for the 750 line


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
    with pytest.raises(RuleViolation, match=r"Deceased on .*must be returned"):
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


def _reserve_patient(
    database: Database, *, residency: Residency, born: dt.date, lma_until: dt.date | None
) -> uuid.UUID:
    with database.seed() as session:
        letters = "".join(chr(65 + (born.toordinal() // 26**n) % 26) for n in range(4))
        return factories.patient(
            session,
            "Reserv",
            "Patient",
            born=born,
            identity_number=born.strftime("%Y%m%d") + letters,
            identity_kind=IdentityKind.RESERVE,
            residency=residency,
            lma_card_valid_until=lma_until,
        ).id


def test_r7_asylum_seeker_needs_a_valid_lma_card(demo: Database) -> None:
    ctx = context(demo, "erik.audionom", "MALMO")
    child = dt.date(2016, 4, 4)  # a child: no urgent-need reason is needed, only the LMA card is checked
    expired = _reserve_patient(
        demo, residency=Residency.ASYLUM_SEEKER, born=child, lma_until=TODAY - dt.timedelta(days=1)
    )
    with pytest.raises(RuleViolation, match="LMA card"):
        cart_for(demo, ctx, expired)
    missing = _reserve_patient(
        demo, residency=Residency.ASYLUM_SEEKER, born=dt.date(2016, 5, 5), lma_until=None
    )
    with pytest.raises(RuleViolation, match="LMA card"):
        cart_for(demo, ctx, missing)
    valid = _reserve_patient(
        demo, residency=Residency.ASYLUM_SEEKER, born=dt.date(2016, 6, 6), lma_until=TODAY
    )
    assert cart_for(demo, ctx, valid)


def test_r7_adult_reserve_number_needs_the_urgent_need_reason(demo: Database) -> None:
    ctx = context(demo, "erik.audionom", "MALMO")
    adult = _reserve_patient(
        demo,
        residency=Residency.ASYLUM_SEEKER,
        born=dt.date(1985, 1, 9),
        lma_until=TODAY + dt.timedelta(days=90),
    )
    with pytest.raises(RuleViolation, match="record the reason"):
        cart_for(demo, ctx, adult)
    with demo.write() as session:
        session.add(UrgentNeedDecision(patient_id=adult, prescriber_id=ctx.user_id, reason="Kan inte vänta."))
    order_id = cart_for(demo, ctx, adult)
    add(demo, ctx, order_id, stocked_article(demo, "70", at_least=1))
    assert send(demo, ctx, order_id).number


def test_r7_undocumented_patients_are_registered_by_the_aid_centre_not_the_desk(
    demo: Database, examples: dict[str, str]
) -> None:
    """001: "Du kan inte själv registrera dessa förskrivningar" — the desk is told whom to contact."""
    undocumented = _reserve_patient(
        demo, residency=Residency.UNDOCUMENTED, born=dt.date(2015, 2, 2), lma_until=None
    )
    desk = context(demo, "erik.audionom", "MALMO")
    with pytest.raises(RuleViolation, match="VO Hjälpmedel"):
        cart_for(demo, desk, undocumented)
    aid_centre = context(demo, "helena.hjalpmedel", "MALMO")
    order_id = cart_for(demo, aid_centre, undocumented)
    with demo.write() as session:
        orders.set_prescriber(
            session,
            aid_centre,
            order_id=order_id,
            prescriber_id=context(demo, "erik.audionom", "MALMO").user_id,
        )
    add(demo, aid_centre, order_id, stocked_article(demo, "70", at_least=1))
    assert send(demo, aid_centre, order_id).number
    # The demo's undocumented adult cannot be ordered for at the desk either, although a reason is recorded.
    with pytest.raises(RuleViolation, match="VO Hjälpmedel"):
        cart_for(demo, desk, patient_id(demo, examples["reserve_adult"]))


@pytest.mark.parametrize("residency", [Residency.ASYLUM_SEEKER, Residency.UNDOCUMENTED, Residency.ABROAD])
def test_r7_r8_private_clinics_do_not_handle_asylum_seekers_swedes_abroad_or_eu_citizens(
    demo: Database, residency: Residency
) -> None:
    """002: "asylsökanden/utlandssvenskar/EU-medborgare – Ärenden handläggs endast av mottagningar inom
    Region Skåne"."""
    private = context(demo, "peter.privat", "PRIVAT")
    if residency is Residency.ABROAD:
        with demo.seed() as session:
            person = factories.patient(
                session, "Utland", "Patient", serial=771, residency=residency, country="DK"
            )
            patient = person.id
    else:
        patient = _reserve_patient(
            demo, residency=residency, born=dt.date(2014, 3, 3), lma_until=TODAY + dt.timedelta(days=30)
        )
    with pytest.raises(RuleViolation, match="region's own clinics"):
        cart_for(demo, private, patient)


def test_r6_private_clinic_may_prescribe_for_an_out_of_region_patient(
    demo: Database, examples: dict[str, str]
) -> None:
    """Out-of-region patients (R6) are not on the list of 002 that private clinics may not handle."""
    private = context(demo, "peter.privat", "PRIVAT")
    order_id = cart_for(demo, private, patient_id(demo, examples["other_region_with_commitment"]))
    add(demo, private, order_id, stocked_article(demo, "70", at_least=1))


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


# ------------------------------------------------------------------------ R6 limit, R16 logistics


@pytest.mark.parametrize(("price", "refused"), [("9999.99", False), ("10000.00", True)])
def test_r6_aids_from_10000_sek_need_the_payment_commitment(
    demo: Database, examples: dict[str, str], price: str, refused: bool
) -> None:
    """Below 10 000 SEK an aid (not a hearing aid) needs no commitment from the home region; from it, one."""
    with demo.seed() as session:
        item = factories.article(session, "Fjärrmikrofon Pro")
        item.price = Decimal(price)
        item_id = item.id
    ctx = context(demo, "oskar.audionom", "KSTAD")
    order_id = cart_for(demo, ctx, patient_id(demo, examples["other_region_without_commitment"]))
    if refused:
        with pytest.raises(RuleViolation, match="payment commitment"):
            add(demo, ctx, order_id, item_id)
    else:
        add(demo, ctx, order_id, item_id)


def test_r16_no_cancelling_once_logistics_has_started(demo: Database, examples: dict[str, str]) -> None:
    ctx = context(demo)
    order_id = cart_for(demo, ctx, patient_id(demo, examples["ordinary"]), OrderKind.PRESCRIPTION)
    add(demo, ctx, order_id, unstocked_article(demo))  # through 750, no purchase order yet
    send(demo, ctx, order_id)
    with demo.write() as session:
        order = session.get(Order, order_id)
        assert order is not None
        order.logistics_started = True
    with demo.read() as session:
        detail = orders.order_detail(session, order_id, TODAY)
    assert not detail.can_cancel and "Logistics has started" in detail.cancel_refusal
    with pytest.raises(RuleViolation, match="Logistics has started"), demo.write() as session:
        orders.cancel_order(session, ctx, order_id=order_id, today=TODAY)


# ------------------------------------------------------------------------------- R10a, R20: from 70


def central_devices(
    database: Database, count: int, *, fee_rule: FeeRule = FeeRule.NONE, name: str = "Laddare Lumity"
) -> uuid.UUID:
    """An individually marked article of which the central warehouse holds *count* devices."""
    with database.seed() as session:
        central = warehouse(session, "70")
        item = factories.article(session, name, individually_marked=True)
        item.fee_rule = fee_rule
        for n in range(count):
            device = Individual(
                individual_number=f"7{item.article_number}{n}",
                serial_number=f"SN-{item.article_number}-{n}",
                article_id=item.id,
                status=IndividualStatus.IN_STOCK,
                warehouse_id=central.id,
                purchase_price=Decimal("890"),
            )
            session.add(device)
            session.flush()
            session.add(
                StockMovement(
                    warehouse_id=central.id,
                    article_id=item.id,
                    quantity=1,
                    reason=MovementReason.GOODS_RECEIPT,
                    individual_id=device.id,
                )
            )
        return item.id


def record(database: Database, ctx: WorkContext, patient: uuid.UUID, day: dt.date) -> patients.PatientRecord:
    with database.read() as session:
        return patients.read_patient_record(
            session, patient, user_id=ctx.user_id, service_location_id=ctx.service_location_id, today=day
        )


def test_r10a_r20_a_delivery_from_70_arrives_without_a_receipt(
    demo: Database, examples: dict[str, str]
) -> None:
    """002: "När du får leverans från Hjälpmedels centrallager – Hörsel, 70 är din beställning redan
    kvitterad": ordered until the planned day, then held by the patient, its device known, its charger
    clock running from that day — and never on the list of deliveries to receive."""
    ctx = context(demo)
    karin = patient_id(demo, examples["ordinary"])
    charger = central_devices(demo, 2, fee_rule=FeeRule.CHARGER)
    domes = stocked_article(demo, "70", at_least=2)
    order_id = cart_for(demo, ctx, karin, OrderKind.PRESCRIPTION)
    add(demo, ctx, order_id, charger)
    add(demo, ctx, order_id, domes, 2)
    sent = send(demo, ctx, order_id)
    assert not sent.needs_purchase_orders
    with demo.read() as session:
        line = session.scalars(
            select(OrderLine).where(OrderLine.order_id == order_id, OrderLine.article_id == charger)
        ).one()
        planned = line.planned_delivery_on
        assert planned is not None and planned > TODAY and planned.weekday() < 5
        device = session.scalars(select(Individual).where(Individual.order_line_id == line.id)).one()
        assert (device.status, device.patient_id, device.warehouse_id) == (
            IndividualStatus.DELIVERED,
            karin,
            None,
        )
        fee = session.scalars(select(Fee).where(Fee.order_line_id == line.id)).one()
        assert (fee.kind, fee.individual_id, fee.bill_on) == (
            FeeKind.CHARGER,
            device.id,
            charger_bill_on(planned),
        )
        central = warehouse(session, "70").id
        assert balances_of(session, central, [charger])[charger] == 1
        waiting = {d.order_number for d in receipts.unreceived_deliveries(session, ctx)}
    assert sent.number not in waiting  # R20: nothing to receive
    today = record(demo, ctx, karin, TODAY)
    assert [(o.quantity, o.planned_delivery_on) for o in today.ordered if o.order_number == sent.number] == [
        (1, planned),
        (2, planned),
    ]
    assert sent.number not in {a.order_number for a in today.aids_held}
    arrived = record(demo, ctx, karin, planned)
    assert sent.number not in {o.order_number for o in arrived.ordered}
    held = next(a for a in arrived.aids_held if a.individual_number == device.individual_number)
    assert (held.delivered_on, held.order_number) == (planned, sent.number)
    plain = [(a.quantity, a.delivered_on) for a in arrived.aids_held if a.order_number == sent.number]
    assert sorted(plain, key=str) == sorted([(1, planned), (2, planned)], key=str)
    with demo.read() as session:
        assert orders.order_detail(session, order_id, TODAY).row.status is OrderStatus.SENT
        assert orders.order_detail(session, order_id, planned).row.status is OrderStatus.DELIVERED


def test_r10a_what_70_holds_always_comes_from_70_and_only_the_rest_through_750(
    demo: Database, examples: dict[str, str]
) -> None:
    """002: "Om en artikel finns på lager 70 ... kommer alltid leverans att ske härifrån"."""
    ctx = context(demo)
    streamer = central_devices(demo, 3, name="TV-adapter 3")
    order_id = cart_for(demo, ctx, patient_id(demo, examples["ordinary"]), OrderKind.PRESCRIPTION)
    add(demo, ctx, order_id, streamer, 5)
    with demo.read() as session:
        cart = orders.read_cart(session, order_id, TODAY)
    assert [(line.deliver_from_code, line.quantity) for line in cart.lines] == [("70", 3), ("750", 2)]
    sent = send(demo, ctx, order_id)
    assert sent.needs_purchase_orders
    with demo.read() as session:
        devices = session.scalars(
            select(Individual)
            .join(OrderLine, OrderLine.id == Individual.order_line_id)
            .where(OrderLine.order_id == order_id)
        ).all()
        assert len(devices) == 3 and {d.status for d in devices} == {IndividualStatus.DELIVERED}
        assert balances_of(session, warehouse(session, "70").id, [streamer]).get(streamer) == 0


def test_r16_a_delivery_from_70_can_be_cancelled_until_its_day(
    demo: Database, examples: dict[str, str]
) -> None:
    ctx = context(demo)
    karin = patient_id(demo, examples["ordinary"])
    charger = central_devices(demo, 1, fee_rule=FeeRule.CHARGER)
    order_id = cart_for(demo, ctx, karin, OrderKind.PRESCRIPTION)
    add(demo, ctx, order_id, charger)
    sent = send(demo, ctx, order_id)
    with demo.read() as session:
        planned = session.scalars(
            select(OrderLine.planned_delivery_on).where(OrderLine.order_id == order_id)
        ).one()
        assert planned is not None
        late = orders.order_detail(session, order_id, planned)
    assert not late.can_cancel and "has been delivered" in late.cancel_refusal
    with pytest.raises(RuleViolation, match="has been delivered"), demo.write() as session:
        orders.cancel_order(session, ctx, order_id=order_id, today=planned)
    with demo.write() as session:
        orders.cancel_order(session, ctx, order_id=order_id, today=TODAY)
    with demo.read() as session:
        device = session.scalars(select(Individual).where(Individual.article_id == charger)).one()
        assert (device.status, device.patient_id, device.order_line_id) == (
            IndividualStatus.IN_STOCK,
            None,
            None,
        )
        assert device.warehouse_id == warehouse(session, "70").id
        assert balances_of(session, device.warehouse_id, [charger])[charger] == 1
        assert {f.status for f in session.scalars(select(Fee).where(Fee.individual_id == device.id))} == {
            FeeStatus.CANCELLED
        }
    later = record(demo, ctx, karin, planned)
    assert sent.number not in {a.order_number for a in later.aids_held} | {
        o.order_number for o in later.ordered
    }


def test_r10a_the_central_warehouse_reports_an_earlier_dispatch(
    demo: Database, examples: dict[str, str]
) -> None:
    """Delivered from the day the central warehouse reports the dispatch, fees with it; then logistics has
    started and the order cannot be cancelled (R16). Only the aid centre reports dispatches."""
    ctx = context(demo)
    karin = patient_id(demo, examples["ordinary"])
    charger = central_devices(demo, 1, fee_rule=FeeRule.CHARGER)
    order_id = cart_for(demo, ctx, karin, OrderKind.PRESCRIPTION)
    add(demo, ctx, order_id, charger)
    sent = send(demo, ctx, order_id)
    with pytest.raises(RuleViolation, match="Only the aid centre"), demo.write() as session:
        central_warehouse.report_dispatch(
            session, ctx, order_number=sent.number, dispatched_on=TODAY, today=TODAY
        )
    central = context(demo, "helena.hjalpmedel", "MALMO")
    with pytest.raises(InvalidInput, match="dispatch day"), demo.write() as session:
        central_warehouse.report_dispatch(
            session,
            central,
            order_number=sent.number,
            dispatched_on=TODAY + dt.timedelta(days=1),
            today=TODAY,
        )
    with demo.write() as session:
        central_warehouse.report_dispatch(
            session, central, order_number=sent.number, dispatched_on=TODAY, today=TODAY
        )
    with demo.read() as session:
        line = session.scalars(select(OrderLine).where(OrderLine.order_id == order_id)).one()
        assert line.delivered_on == TODAY
        fee = session.scalars(select(Fee).where(Fee.order_line_id == line.id)).one()
        assert fee.bill_on == charger_bill_on(TODAY)
        detail = orders.order_detail(session, order_id, TODAY)
    assert detail.row.status is OrderStatus.DELIVERED and not detail.can_cancel
    assert any(a.order_number == sent.number for a in record(demo, ctx, karin, TODAY).aids_held)


def test_r4_to_r9_the_record_and_the_order_agree_for_every_example_patient(
    demo: Database, examples: dict[str, str]
) -> None:
    """One rule check: a record that allows a new order lets the cart open, one that stops it refuses
    with the record's own stop sentence, for each showcase patient and for a desk, an aid-centre user and
    a private clinic."""
    for username, location in (
        ("erik.audionom", "MALMO"),
        ("helena.hjalpmedel", "MALMO"),
        ("peter.privat", "PRIVAT"),
    ):
        ctx = context(demo, username, location)
        for key, identity in examples.items():
            patient = patient_id(demo, identity)
            shown = record(demo, ctx, patient, TODAY)
            stops = [n for n in shown.notices if n.severity == "stop"]
            if shown.can_order:
                assert not stops
                assert cart_for(demo, ctx, patient), key
            else:
                with pytest.raises(RuleViolation) as refused:
                    cart_for(demo, ctx, patient)
                assert str(refused.value) == stops[0].sentence(), key


def test_r10a_dispatch_reported_from_the_command_line(
    demo: Database, demo_dir: Path, examples: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = context(demo)
    order_id = cart_for(demo, ctx, patient_id(demo, examples["ordinary"]), OrderKind.PRESCRIPTION)
    add(demo, ctx, order_id, stocked_article(demo, "70", at_least=1))
    sent = send(demo, ctx, order_id)
    args = ["report-dispatch", sent.number, "--location", "HM-MALMO", "--data-dir", str(demo_dir)]
    assert cli.main([*args, "--user", "erik.audionom"]) == cli.EXIT_PROBLEM
    assert "Only the aid centre" in capsys.readouterr().err
    assert cli.main([*args, "--user", "helena.hjalpmedel"]) == 0
    with demo.read() as session:
        assert (
            session.scalars(select(OrderLine.delivered_on).where(OrderLine.order_id == order_id)).one()
            == TODAY
        )
