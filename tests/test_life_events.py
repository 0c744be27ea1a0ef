"""Life events on the demo data: lost or stolen (R41), change of recipient (R42), moving in and moving out
(R43) with the patient's aid list (R5 for a protected identity), PDFs read back."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import life_events, orders, patients
from app.database import Database
from app.documents.aid_list import aid_list, render_aid_list
from app.errors import InvalidInput, NotFound, RuleViolation
from app.identity import make_identity_number
from app.life_events import (
    DEVICE_LIFE_MONTHS,
    LOST_DEVICE_ADMIN_FEE,
    BoughtOverRequest,
    LostDeviceRequest,
    RecipientChangeRequest,
    residual_value,
)
from app.numbers import NumberAllocator
from app.organisation import WorkContext, work_context
from app.patients import FORWARDING_ADDRESS, format_identity
from app.stock import balance
from db.models import (
    Article,
    BoughtOverDevice,
    Fee,
    Individual,
    Order,
    OrderLine,
    Patient,
    StockMovement,
    Supplier,
    Warehouse,
)
from db.models.enums import (
    ArticleType,
    FeeKind,
    IndividualStatus,
    LineStatus,
    MovementReason,
    OrderKind,
    OrderStatus,
)
from tests.test_documents import pdf_text

TODAY = dt.date.today()


def context(database: Database, username: str = "anna.audionom", location: str = "HM-LUND") -> WorkContext:
    with database.read() as session:
        return work_context(session, username=username, service_location_code=location)


def patient_id(database: Database, identity: str) -> uuid.UUID:
    with database.read() as session:
        return session.scalars(select(Patient.id).where(Patient.identity_number == identity)).one()


def held_device(session: Session, patient: uuid.UUID) -> Individual:
    device = session.scalars(
        select(Individual).where(
            Individual.patient_id == patient,
            Individual.status == IndividualStatus.DELIVERED,
            Individual.order_line_id.is_not(None),
        )
    ).first()
    assert device is not None, "the example patient holds a device"
    return device


def record(database: Database, ctx: WorkContext, patient: uuid.UUID) -> patients.PatientRecord:
    with database.read() as session:
        return patients.read_patient_record(
            session, patient, user_id=ctx.user_id, service_location_id=ctx.service_location_id
        )


# ---------------------------------------------------------------------------------------------- R41


def test_r41_residual_value_is_written_off_in_a_straight_line_plus_the_admin_fee() -> None:
    price = Decimal("7200.00")
    bought = dt.date(2024, 1, 15)
    assert residual_value(price, bought, bought) == price
    assert residual_value(price, bought, dt.date(2025, 1, 15)) == price * (DEVICE_LIFE_MONTHS - 12) / 72
    assert residual_value(price, bought, dt.date(2025, 1, 14)) == Decimal("6100.00")  # 11 whole months
    assert residual_value(price, bought, dt.date(2031, 1, 15)) == Decimal("0.00")
    assert residual_value(price, None, bought) == price
    assert LOST_DEVICE_ADMIN_FEE > 0


def test_r41_a_lost_device_is_scrapped_and_its_prescribing_unit_charged(
    demo: Database, examples: dict[str, str]
) -> None:
    ctx = context(demo)
    karin = patient_id(demo, examples["ordinary"])
    with demo.read() as session:
        device = held_device(session, karin)
        device_id, number = device.id, device.individual_number
        expected = residual_value(device.purchase_price, device.purchase_date, TODAY) + LOST_DEVICE_ADMIN_FEE
        unit = session.scalars(
            select(Order.service_location_id)
            .join(OrderLine, OrderLine.order_id == Order.id)
            .where(OrderLine.id == device.order_line_id)
        ).one()
    with demo.read() as session:
        preview = life_events.lost_device_preview(session, ctx, individual_id=device_id, today=TODAY)
    assert preview.total == expected and preview.patient_label
    with demo.write() as session:
        done = life_events.report_lost_device(
            session, ctx, LostDeviceRequest(device_id, stolen=False), today=TODAY
        )
    assert done.total == expected
    with demo.read() as session:
        scrapped = session.get(Individual, device_id)
        assert scrapped is not None and scrapped.status is IndividualStatus.SCRAPPED
        fee = session.get(Fee, done.fee_id)
        assert fee is not None and fee.kind is FeeKind.LOST_DEVICE
        assert fee.amount == expected and fee.service_location_id == unit and fee.patient_id is None
        # It was with the patient, in no warehouse: nothing moves in the ledger.
        assert not session.scalars(
            select(StockMovement.id).where(
                StockMovement.individual_id == device_id, StockMovement.reason == MovementReason.SCRAP
            )
        ).first()
    assert number not in {aid.individual_number for aid in record(demo, ctx, karin).aids_held}


def test_r41_a_stolen_device_needs_the_police_report_reference(
    demo: Database, examples: dict[str, str]
) -> None:
    ctx = context(demo)
    karin = patient_id(demo, examples["ordinary"])
    with demo.read() as session:
        device_id = held_device(session, karin).id
    with pytest.raises(InvalidInput, match="police report"), demo.write() as session:
        life_events.report_lost_device(
            session, ctx, LostDeviceRequest(device_id, stolen=True, police_reference="  "), today=TODAY
        )
    with demo.read() as session:
        device = session.get(Individual, device_id)
        assert device is not None and device.status is IndividualStatus.DELIVERED  # nothing was saved
    with demo.write() as session:
        life_events.report_lost_device(
            session,
            ctx,
            LostDeviceRequest(device_id, stolen=True, police_reference="5000-K123456-26"),
            today=TODAY,
        )
    with demo.read() as session:
        device = session.get(Individual, device_id)
        assert device is not None and device.status is IndividualStatus.SCRAPPED


def test_r41_a_lost_device_in_own_stock_leaves_the_ledger(demo: Database) -> None:
    ctx = context(demo)
    with demo.read() as session:
        lund = session.scalars(select(Warehouse).where(Warehouse.code == "L-LUND")).one()
        device = session.scalars(
            select(Individual).where(
                Individual.warehouse_id == lund.id, Individual.status == IndividualStatus.IN_STOCK
            )
        ).first()
        assert device is not None
        device_id, article_id = device.id, device.article_id
        before = balance(session, lund.id, article_id)
    with demo.write() as session:
        done = life_events.report_lost_device(
            session, ctx, LostDeviceRequest(device_id, stolen=False), today=TODAY
        )
    with demo.read() as session:
        assert balance(session, lund.id, article_id) == before - 1
        device = session.get(Individual, device_id)
        assert (
            device is not None and device.status is IndividualStatus.SCRAPPED and device.warehouse_id is None
        )
        fee = session.get(Fee, done.fee_id)
        assert fee is not None and fee.service_location_id == lund.service_location_id


# ---------------------------------------------------------------------------------------------- R42


def _second_patient(demo: Database, examples: dict[str, str]) -> uuid.UUID:
    with demo.read() as session:
        return session.scalars(
            select(Patient.id).where(
                Patient.identity_number != examples["ordinary"],
                Patient.active.is_(True),
                Patient.deceased_on.is_(None),
                Patient.protected_identity.is_(False),
                Patient.home_region == "Region Skåne",
                Patient.phone != "",
            )
        ).first()  # type: ignore[return-value]


def test_r42_change_of_recipient_moves_the_device_and_both_records_show_it(
    demo: Database, examples: dict[str, str]
) -> None:
    ctx = context(demo)
    old = patient_id(demo, examples["ordinary"])
    new = _second_patient(demo, examples)
    with demo.read() as session:
        device = held_device(session, old)
        device_id, number = device.id, device.individual_number
    with demo.write() as session:
        done = life_events.change_recipient(
            session, ctx, RecipientChangeRequest(device_id, new, full_function_confirmed=True), today=TODAY
        )
    assert done.individual_number == number
    with demo.read() as session:
        moved = session.get(Individual, device_id)
        assert moved is not None and moved.status is IndividualStatus.DELIVERED and moved.patient_id == new
        assert moved.warehouse_id is None  # it never passed a warehouse
    old_record, new_record = record(demo, ctx, old), record(demo, ctx, new)
    assert number not in {aid.individual_number for aid in old_record.aids_held}
    assert number in {row.individual_number for row in old_record.returned}
    held = [aid for aid in new_record.aids_held if aid.individual_number == number]
    assert held and held[0].delivered_on == TODAY


def test_r42_only_a_device_whose_full_function_is_confirmed(demo: Database, examples: dict[str, str]) -> None:
    ctx = context(demo)
    old = patient_id(demo, examples["ordinary"])
    new = _second_patient(demo, examples)
    with demo.read() as session:
        device_id = held_device(session, old).id
    with pytest.raises(RuleViolation, match="full function"), demo.write() as session:
        life_events.change_recipient(
            session, ctx, RecipientChangeRequest(device_id, new, full_function_confirmed=False), today=TODAY
        )
    with demo.read() as session:
        device = session.get(Individual, device_id)
        assert device is not None and device.patient_id == old


def test_r42_r9_a_deceased_patient_cannot_be_the_new_recipient(
    demo: Database, examples: dict[str, str]
) -> None:
    ctx = context(demo)
    old = patient_id(demo, examples["ordinary"])
    deceased = patient_id(demo, examples["deceased"])
    with demo.read() as session:
        device_id = held_device(session, old).id
    with pytest.raises(RuleViolation), demo.write() as session:
        life_events.change_recipient(
            session,
            ctx,
            RecipientChangeRequest(device_id, deceased, full_function_confirmed=True),
            today=TODAY,
        )


# ---------------------------------------------------------------------------------------------- R43 in


def _bought_over(demo: Database, identity: str, individual_number: str = "BO-26-0001") -> BoughtOverRequest:
    with demo.read() as session:
        article = session.scalars(
            select(Article).where(
                Article.individually_marked.is_(True),
                Article.article_type == ArticleType.MAIN_AID,
                Article.supplier_article_number != "",
            )
        ).first()
        assert article is not None
        supplier_id, supplier_article = article.supplier_id, article.supplier_article_number
    return BoughtOverRequest(
        patient_identity=format_identity(identity),
        selling_region="Region Halland",
        supplier_id=supplier_id,
        supplier_article_number=supplier_article.lower(),
        price="4 500,00",
        age_months=14,
        individual_number=individual_number,
        serial_number="SN-BO-1",
        approving_contact="Sofia Sortiment",
    )


def test_r43_only_the_administration_enters_bought_over_aids(
    demo: Database, examples: dict[str, str]
) -> None:
    request = _bought_over(demo, examples["ordinary"])
    with pytest.raises(RuleViolation, match="administration"), demo.write() as session:
        life_events.register_bought_over(session, context(demo), request, today=TODAY)
    with demo.read() as session:
        assert not session.scalars(select(BoughtOverDevice.id)).first()
        assert life_events.bought_over_start(session, context(demo, "helena.hjalpmedel")).allowed


def test_r43_a_bought_over_device_goes_into_own_stock_and_is_prescribed_from_it(
    demo: Database, examples: dict[str, str]
) -> None:
    admin = context(demo, "helena.hjalpmedel")
    request = _bought_over(demo, examples["ordinary"])
    with demo.write() as session:
        done = life_events.register_bought_over(session, admin, request, today=TODAY)
    assert done.individual_id is not None and done.warehouse_code == "L-LUND"
    with demo.read() as session:
        device = session.get(Individual, done.individual_id)
        assert device is not None and device.status is IndividualStatus.IN_STOCK
        assert device.purchase_price == Decimal("4500.00") and device.bought_over_from == "Region Halland"
        kept = session.get(BoughtOverDevice, done.id)
        assert kept is not None
        assert (kept.selling_region, kept.age_months, kept.individual_number, kept.approving_contact) == (
            "Region Halland",
            14,
            "BO-26-0001",
            "Sofia Sortiment",
        )
        assert kept.patient_id == patient_id(demo, examples["ordinary"]) and kept.price == Decimal("4500.00")
        movement = session.scalars(
            select(StockMovement).where(StockMovement.individual_id == done.individual_id)
        ).one()
        assert movement.reason is MovementReason.BOUGHT_OVER and movement.quantity == 1
    # The desk prescribes it from own stock with the ordinary order path (R10c).
    desk = context(demo)
    karin = patient_id(demo, examples["ordinary"])
    with demo.write() as session:
        order_id = orders.open_cart(session, desk, patient_id=karin, kind=OrderKind.INDIVIDUAL_DELIVERY).id
    with demo.read() as session:
        choice = orders.find_individual_for_delivery(session, desk, "BO-26-0001")
    with demo.write() as session:
        orders.add_line(session, desk, order_id=order_id, individual_id=choice.id, today=TODAY)
    with demo.write() as session:
        sent = orders.send_order(session, desk, order_id=order_id, allocator=NumberAllocator(), today=TODAY)
    assert sent.handed_out
    with demo.read() as session:
        device = session.get(Individual, done.individual_id)
        assert (
            device is not None and device.status is IndividualStatus.DELIVERED and device.patient_id == karin
        )


def test_r43_a_bought_over_device_needs_the_data_of_the_seed(
    demo: Database, examples: dict[str, str]
) -> None:
    admin = context(demo, "helena.hjalpmedel")
    request = _bought_over(demo, examples["ordinary"])
    refused = (
        (dict(individual_number=""), "individual number"),
        (dict(approving_contact=" "), "approved"),
        (dict(selling_region=""), "region"),
        (dict(price="fyra tusen"), "not a price"),
        (dict(supplier_article_number="NOPE-000"), "no article"),
        (dict(patient_identity=make_identity_number(dt.date(1912, 12, 12), 999)), "registered in the region"),
    )
    for change, sentence in refused:
        with pytest.raises((InvalidInput, NotFound, RuleViolation), match=sentence), demo.write() as session:
            life_events.register_bought_over(session, admin, _replace(request, **change), today=TODAY)
    with demo.read() as session:
        assert not session.scalars(select(BoughtOverDevice.id)).first()
    with demo.write() as session:
        life_events.register_bought_over(session, admin, request, today=TODAY)
    with pytest.raises(RuleViolation, match="already in use"), demo.write() as session:
        life_events.register_bought_over(session, admin, request, today=TODAY)


def _replace(request: BoughtOverRequest, **change: object) -> BoughtOverRequest:
    import dataclasses

    return dataclasses.replace(request, **change)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------- R43 out


def _line(
    session: Session, order: Order, article: Article, number: int, price: str, quantity: int = 1
) -> OrderLine:
    line = OrderLine(
        order_id=order.id,
        line_number=number,
        article_id=article.id,
        quantity=quantity,
        status=LineStatus.DELIVERED,
        delivered_on=TODAY - dt.timedelta(days=30),
        unit_price=Decimal(price),
    )
    session.add(line)
    return line


def _moving_patient(demo: Database, examples: dict[str, str]) -> tuple[uuid.UUID, dict[str, uuid.UUID]]:
    """The ordinary example given a service purchase, a main aid at 500 and one at 1 500 (neither
    individually marked), and an accessory at 100; returns the patient and the lines by name."""
    ctx = context(demo)
    karin = patient_id(demo, examples["ordinary"])
    with demo.write() as session:
        supplier = session.scalars(select(Supplier)).first()
        assert supplier is not None

        def article(name: str, kind: ArticleType, price: str) -> Article:
            row = Article(
                article_number=f"T{uuid.uuid4().hex[:6]}",
                name=name,
                supplier_id=supplier.id,
                iso_code="220618",
                article_type=kind,
                price=Decimal(price),
            )
            session.add(row)
            return row

        service = article("Utbildning hörteknik", ArticleType.SERVICE, "800")
        cheap = article("Samtalsförstärkare enkel", ArticleType.MAIN_AID, "500")
        dear = article("Samtalsförstärkare proffs", ArticleType.MAIN_AID, "1500")
        accessory = article("Halsslinga", ArticleType.ACCESSORY, "100")
        session.flush()
        order = Order(
            number="26019999",
            kind=OrderKind.PRESCRIPTION,
            status=OrderStatus.DELIVERED,
            patient_id=karin,
            prescriber_id=ctx.user_id,
            orderer_id=ctx.user_id,
            service_location_id=ctx.service_location_id,
        )
        session.add(order)
        session.flush()
        lines = {
            "service": _line(session, order, service, 1, "800"),
            "cheap": _line(session, order, cheap, 2, "0", quantity=2),  # priced 0: the article's price counts
            "dear": _line(session, order, dear, 3, "1500"),
            "accessory": _line(session, order, accessory, 4, "100"),
        }
        session.flush()
        return karin, {name: line.id for name, line in lines.items()}


def test_r43_moving_out_returns_and_scraps_services_and_cheap_main_aids_only(
    demo: Database, examples: dict[str, str]
) -> None:
    ctx = context(demo)
    karin, lines = _moving_patient(demo, examples)
    with demo.read() as session:
        plan = life_events.moving_out_plan(session, patient_id=karin, today=TODAY)
    assert {line.order_line_id for line in plan.lines} == {lines["service"], lines["cheap"]}
    with pytest.raises(RuleViolation, match="1 000 SEK"), demo.write() as session:
        life_events.clean_list_for_moving_out(
            session, ctx, patient_id=karin, order_line_ids=[lines["dear"]], today=TODAY
        )
    before = record(demo, ctx, karin)
    assert "Samtalsförstärkare enkel" in {aid.article_name for aid in before.aids_held}
    with demo.write() as session:
        done = life_events.clean_list_for_moving_out(
            session,
            ctx,
            patient_id=karin,
            order_line_ids=[line.order_line_id for line in plan.lines],
            today=TODAY,
        )
    assert done == 2
    after = record(demo, ctx, karin)
    held = {aid.article_name for aid in after.aids_held}
    assert (
        "Samtalsförstärkare enkel" not in held
        and "Samtalsförstärkare proffs" in held
        and "Halsslinga" in held
    )
    returned = {row.article_name: row.quantity for row in after.returned}
    assert returned["Samtalsförstärkare enkel"] == 2 and returned["Utbildning hörteknik"] == 1
    with demo.read() as session:
        assert not life_events.moving_out_plan(session, patient_id=karin, today=TODAY).lines


def test_r43_the_aid_list_carries_the_invoice_address_and_contact(
    demo: Database, examples: dict[str, str]
) -> None:
    ctx = context(demo)
    karin, _lines = _moving_patient(demo, examples)
    with demo.read() as session:
        doc = aid_list(
            session,
            patient_id=karin,
            service_location_id=ctx.service_location_id,
            user_id=ctx.user_id,
            today=TODAY,
            invoice_address="Region Halland\nFakturaenheten\nBox 517\n301 80 Halmstad",
            contact_name="Sofia Sortiment",
            contact_phone="035-13 40 00",
        )
        device = held_device(session, karin)
    text = pdf_text(render_aid_list(doc))
    for expected in (
        "Aid list",
        "Invoice address",
        "Region Halland Fakturaenheten Box 517 301 80 Halmstad",
        "Contact person",
        "Sofia Sortiment",
        "035-13 40 00",
        format_identity(examples["ordinary"]),
        device.individual_number,
        "Samtalsförstärkare proffs",
        "Utbildning hörteknik",  # a service purchase stays on the list until the desk cleans it
        "1 500,00",
    ):
        assert expected in text


def test_r5_the_aid_list_of_a_protected_identity_prints_no_real_name_or_address(
    demo: Database, examples: dict[str, str]
) -> None:
    ctx = context(demo)
    protected = patient_id(demo, examples["protected"])
    with demo.write() as session:
        # A row that came with an address all the same (from the register, or an older import).
        patient = session.get(Patient, protected)
        assert patient is not None and patient.protected_identity
        patient.street, patient.postal_code, patient.city = "Hemliga vägen 5", "271 39", "Ystad"
    with demo.read() as session:
        doc = aid_list(
            session,
            patient_id=protected,
            service_location_id=ctx.service_location_id,
            user_id=ctx.user_id,
            today=TODAY,
        )
    assert doc.protected_identity and doc.aids
    text = pdf_text(render_aid_list(doc))
    assert FORWARDING_ADDRESS[0] in text and "Skyddad" in text
    assert "Hemliga" not in text and "Ystad" not in text and "271 39" not in text
    assert "Invoice address" not in text  # printed from the record: no invoice block
