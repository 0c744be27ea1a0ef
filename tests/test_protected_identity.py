"""R5, protected identity (003 §7.18: "Det är namnet som är skyddande och inte personnumret"): the record
holds the fictive name and the tax agency's address; the identity number may print on the patient's own
documents (tests/test_documents.py) but stays out of every list others see and out of the logs."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from sqlalchemy import select

from app import fees, orders, patients, receipts
from app.database import Database
from app.identity import format_identity
from app.numbers import NumberAllocator
from app.orders import OrderQuery
from app.organisation import work_context
from db.models import Article, Patient
from db.models.enums import ArticleStatus, ArticleType, OrderKind

TODAY = dt.date.today()


def _protected(database: Database, number: str) -> Patient:
    with database.read() as session:
        patient = session.scalars(select(Patient).where(Patient.identity_number == number)).one()
        session.expunge(patient)
        return patient


def test_r5_a_protected_identity_found_by_name_lists_no_number_and_no_birth_date(
    demo: Database, examples: dict[str, str]
) -> None:
    person = _protected(demo, examples["protected"])
    with demo.read() as session:
        by_name = patients.search_patients(session, f"{person.first_name} {person.last_name}").hits
        by_part = patients.search_patients(session, person.identity_number[:8]).hits
        by_number = patients.search_patients(session, format_identity(person.identity_number)).hits
    (hit,) = [h for h in by_name if h.id == person.id]
    assert (hit.identity_number, hit.birth_date, hit.city) == ("", None, "")
    assert person.id not in {h.id for h in by_part}, "a part of the number never lists a protected identity"
    assert [(h.id, h.identity_number) for h in by_number] == [
        (person.id, format_identity(person.identity_number))
    ]


def test_r5_order_fee_and_receipt_lists_show_the_fictive_name_only(
    demo: Database, examples: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    person = _protected(demo, examples["protected"])
    with demo.read() as session:
        ctx = work_context(session, username="anna.audionom", service_location_code="HM-LUND")
        item = session.scalars(
            select(Article.id).where(
                Article.status == ArticleStatus.ACTIVE,
                Article.article_type == ArticleType.SERVICE,
            )
        ).first()
    assert item is not None
    with demo.write() as session:
        cart = orders.open_cart(session, ctx, patient_id=person.id, kind=OrderKind.PRESCRIPTION)
        orders.add_line(
            session, ctx, order_id=cart.id, article_id=item, comment="Utbildning 2 h", today=TODAY
        )
        sent = orders.send_order(session, ctx, order_id=cart.id, allocator=NumberAllocator(), today=TODAY)
        orders.create_purchase_orders(
            session, ctx, order_id=cart.id, allocator=NumberAllocator(), today=TODAY
        )
        patients.open_patient_record(
            session, patient_id=person.id, user_id=ctx.user_id, service_location_id=ctx.service_location_id
        )
    with demo.read() as session:
        rows = orders.search_orders(session, ctx, OrderQuery(number=sent.number))
        waiting = [d for d in receipts.unreceived_deliveries(session, ctx) if d.order_number == sent.number]
        every_fee = fees.fees_list(session, ctx, date_from=TODAY - dt.timedelta(days=400), date_to=TODAY)
        fee_rows = [r for r in every_fee if r.protected_identity]
        record = patients.read_patient_record(
            session, person.id, user_id=ctx.user_id, service_location_id=ctx.service_location_id
        )
    shown = (
        [r.patient_label for r in rows]
        + [d.patient_label for d in waiting]
        + [r.patient_label for r in fee_rows]
    )
    shown += [row.description for row in record.access_log]
    assert rows and waiting, "the order is listed and awaits receipt"
    assert fee_rows and not all(r.protected_identity for r in every_fee), (
        "only the protected patient's are marked"
    )
    for text in shown:
        assert person.identity_number[:8] not in text.replace("-", ""), text
    assert any(person.last_name in label for label in shown)
    assert person.identity_number[:8] not in caplog.text.replace("-", "")
    assert person.first_name not in caplog.text
