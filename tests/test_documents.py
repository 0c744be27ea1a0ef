"""Printed documents: the loan agreement (R5) and the purchase order per supplier (R13, R14), read back."""

from __future__ import annotations

import datetime as dt
import io
import logging
import uuid
from decimal import Decimal
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app import patients
from app.database import Database
from app.documents import (
    LoanAgreement,
    loan_agreement,
    purchase_order,
    render_loan_agreement,
    render_purchase_order,
)
from app.documents.purchase_order import format_money
from app.errors import NotFound, RuleViolation
from app.patients import FORWARDING_ADDRESS, format_identity
from db.models import (
    Article,
    Individual,
    Order,
    OrderLine,
    Patient,
    PurchaseOrder,
    ServiceLocation,
    Supplier,
    User,
)
from db.models.enums import ArticleType, LineStatus, OrderKind, OrderStatus
from tests import factories

TODAY = dt.date(2026, 11, 23)


def pdf_text(data: bytes) -> str:
    """All the text of a PDF, whitespace collapsed (table cells and wrapped lines join with a space)."""
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def _patient(session: Any, number: str) -> Patient:
    return session.scalars(select(Patient).where(Patient.identity_number == number)).one()


def _context(session: Any, patient: Patient) -> dict[str, Any]:
    """The Lund desk, as the user who made the patient's most recent order."""
    order = session.scalars(
        select(Order).where(Order.patient_id == patient.id).order_by(Order.created_at.desc())
    ).first()
    assert order is not None
    return {"service_location_id": order.service_location_id, "user_id": order.orderer_id}


def _agreement(database: Database, number: str, **choice: Any) -> tuple[LoanAgreement, str]:
    with database.read() as session:
        patient = _patient(session, number)
        doc = loan_agreement(
            session, patient_id=patient.id, today=TODAY, **_context(session, patient), **choice
        )
    return doc, pdf_text(render_loan_agreement(doc))


# ---------------------------------------------------------------------------------------------- loan agreement


def test_loan_agreement_names_the_patient_and_every_aid_held_with_individual_and_serial_numbers(
    demo: Database, examples: dict[str, str]
) -> None:
    number = examples["ordinary"]
    with demo.read() as session:
        patient = _patient(session, number)
        record = patients.read_patient_record(session, patient.id, **_context(session, patient), today=TODAY)
        unit = session.get(ServiceLocation, _context(session, patient)["service_location_id"])
        assert unit is not None
        name, street, unit_name = f"{patient.first_name} {patient.last_name}", patient.street, unit.name
    doc, text = _agreement(demo, number)
    assert "Loan agreement" in text
    assert name in text and format_identity(number) in text and street in text
    assert unit_name in text
    individuals = [aid for aid in record.aids_held if aid.individual_number]
    assert individuals, "the ordinary example holds individually marked aids"
    for aid in individuals:
        assert aid.individual_number in text and aid.serial_number in text and aid.article_name in text
    # The same aids as the record's list (R3), individual and non-individual alike.
    assert sorted((a.individual_number, a.article_number, a.quantity) for a in doc.aids) == sorted(
        (a.individual_number, a.article_number, a.quantity) for a in record.aids_held
    )
    assert "lent to you by Region Skåne" in text
    assert "return it cleaned to the prescribing unit" in text
    assert "lost, stolen or damaged" in text
    assert "Page 1 of 1" in text


def test_r5_loan_agreement_never_shows_protected_address(
    demo: Database, examples: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    number = examples["protected"]
    with demo.seed() as session:
        # A register update has put a real address on the row: it must still never be printed.
        patient = _patient(session, number)
        patient.street, patient.postal_code, patient.city = "Hemliga gränd 12", "226 60", "Dalby"
        fictive = f"{patient.first_name} {patient.last_name}"
        patient_id = patient.id
    caplog.set_level(logging.DEBUG)
    doc, text = _agreement(demo, number)
    assert doc.protected_identity
    assert fictive in text
    assert "Förmedlingsärende Skatteverket" in text and "Box 2820" in text
    assert f"{FORWARDING_ADDRESS[1]} {FORWARDING_ADDRESS[2]}" in text
    assert "Hemliga gränd" not in text and "Dalby" not in text and "226 60" not in text
    assert "Hemliga" not in repr(doc)
    assert doc.aids, "the protected example holds an aid"
    # Logs carry ids only.
    assert str(patient_id) in caplog.text
    assert fictive not in caplog.text and number not in caplog.text


def test_loan_agreement_for_chosen_individuals_lists_only_those(
    demo: Database, examples: dict[str, str]
) -> None:
    number = examples["ordinary"]
    with demo.read() as session:
        patient = _patient(session, number)
        held = session.scalars(select(Individual).where(Individual.patient_id == patient.id)).all()
        assert len(held) >= 2
        chosen, other = held[0], held[1]
        chosen_id, chosen_number, chosen_serial = chosen.id, chosen.individual_number, chosen.serial_number
        other_number = other.individual_number
    doc, text = _agreement(demo, number, individual_ids=[chosen_id])
    assert [aid.individual_number for aid in doc.aids] == [chosen_number]
    assert chosen_number in text and chosen_serial in text
    assert other_number not in text


def test_loan_agreement_for_the_rows_chosen_on_the_record(demo: Database, examples: dict[str, str]) -> None:
    number = examples["ordinary"]
    with demo.read() as session:
        patient = _patient(session, number)
        record = patients.read_patient_record(session, patient.id, **_context(session, patient), today=TODAY)
    plain = [aid for aid in record.aids_held if not aid.individual_number]
    marked = [aid for aid in record.aids_held if aid.individual_number]
    assert plain and len(marked) >= 2
    doc, text = _agreement(demo, number, held=[plain[0], marked[0]])
    assert {(a.individual_number, a.article_number) for a in doc.aids} == {
        (plain[0].individual_number, plain[0].article_number),
        (marked[0].individual_number, marked[0].article_number),
    }
    assert marked[0].individual_number in text and marked[1].individual_number not in text


def test_loan_agreement_for_one_order_lists_its_delivered_lines_including_non_individual(
    demo: Database, examples: dict[str, str]
) -> None:
    number = examples["ordinary"]
    with demo.read() as session:
        patient = _patient(session, number)
        # The patient's order that delivered both an individually marked aid and something that is not.
        candidates = session.execute(
            select(
                Order.id,
                Order.number,
                Article.individually_marked,
                Article.article_number,
                OrderLine.quantity,
            )
            .join(OrderLine, OrderLine.order_id == Order.id)
            .join(Article, Article.id == OrderLine.article_id)
            .where(
                Order.patient_id == patient.id,
                OrderLine.status == LineStatus.DELIVERED,
                Article.article_type != ArticleType.SERVICE,
            )
        ).all()
        by_order: dict[uuid.UUID, list[Any]] = {}
        for row in candidates:
            by_order.setdefault(row.id, []).append(row)
        order_id = next(
            oid
            for oid, rows in by_order.items()
            if any(r.individually_marked for r in rows) and any(not r.individually_marked for r in rows)
        )
        order_number = by_order[order_id][0].number
        plain = [r for r in by_order[order_id] if not r.individually_marked]
        on_order = {
            i.individual_number
            for i in session.scalars(
                select(Individual)
                .join(OrderLine, OrderLine.id == Individual.order_line_id)
                .where(OrderLine.order_id == order_id, Individual.patient_id == patient.id)
            )
        }
        elsewhere = session.scalars(
            select(Individual.individual_number)
            .join(OrderLine, OrderLine.id == Individual.order_line_id)
            .where(Individual.patient_id == patient.id, OrderLine.order_id != order_id)
        ).all()
    doc, text = _agreement(demo, number, order_id=order_id)
    assert {a.order_number for a in doc.aids} == {order_number}
    assert {a.individual_number for a in doc.aids if a.individual_number} == on_order
    assert {(a.article_number, a.quantity) for a in doc.aids if not a.individual_number} == {
        (r.article_number, r.quantity) for r in plain
    }
    assert order_number in text
    for other in elsewhere:
        assert other not in text


def test_loan_agreement_refuses_an_aid_the_patient_does_not_hold(
    demo: Database, examples: dict[str, str]
) -> None:
    with demo.read() as session:
        ordinary = _patient(session, examples["ordinary"])
        protected = _patient(session, examples["protected"])
        foreign = session.scalars(select(Individual.id).where(Individual.patient_id == protected.id)).first()
        assert foreign is not None
        with pytest.raises(RuleViolation, match="not held by this patient"):
            loan_agreement(
                session,
                patient_id=ordinary.id,
                individual_ids=[foreign],
                today=TODAY,
                **_context(session, ordinary),
            )
        with pytest.raises(NotFound):
            loan_agreement(session, patient_id=uuid.uuid4(), today=TODAY, **_context(session, ordinary))


def test_loan_agreement_for_a_patient_without_aids_says_so(database: Database) -> None:
    with database.seed() as session:
        user, location, _warehouse = factories.organisation(session)
        person = factories.patient(session)
        ids = (person.id, user.id, location.id)
    with database.read() as session, pytest.raises(RuleViolation, match="no delivered aids"):
        loan_agreement(session, patient_id=ids[0], user_id=ids[1], service_location_id=ids[2], today=TODAY)


def test_loan_agreement_pages_are_numbered_and_swedish_letters_print() -> None:
    data = render_loan_agreement(factories.loan_agreement_of(90))
    pages = page_count(data)
    assert pages >= 2
    text = pdf_text(data)
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    assert "Åsa Öberg" in text and "Ängsvägen 3" in text and "Hörselmottagningen Lund" in text
    assert "IND00000" in text and "IND00089" in text and "SN-000089" in text


def test_every_printed_text_goes_through_translate() -> None:
    seen: list[str] = []

    def translate(source: str) -> str:
        seen.append(source)
        return "<<" + source + ">>"

    text = pdf_text(render_loan_agreement(factories.loan_agreement_of(2), translate))
    assert "<<Loan agreement>>" in text and "<<Conditions of the loan>>" in text
    assert "<<Page 1 of 1>>" in text
    assert "Loan agreement" not in text.replace("<<Loan agreement>>", "")
    assert "Borrower" in seen and "Aids lent" in seen


# ---------------------------------------------------------------------------------------------- purchase order


def _purchase_order_id(session: Any, number: str) -> uuid.UUID:
    return session.scalars(select(PurchaseOrder.id).where(PurchaseOrder.number == number)).one()


def test_r14_purchase_order_names_supplier_lines_and_total_but_never_the_patient(
    demo: Database, demo_template: Any, examples: dict[str, str]
) -> None:
    numbers = demo_template[1].numbers
    with demo.read() as session:
        row = session.scalars(
            select(PurchaseOrder).where(PurchaseOrder.number == numbers["purchase_order_awaiting_receipt"])
        ).one()
        order = session.get(Order, row.order_id)
        supplier = session.get(Supplier, row.supplier_id)
        assert order is not None and supplier is not None and order.patient_id is not None
        patient = session.get(Patient, order.patient_id)
        assert patient is not None
        orderer = session.get(User, order.orderer_id)
        assert orderer is not None
        lines = session.execute(
            select(OrderLine, Article)
            .join(Article, Article.id == OrderLine.article_id)
            .where(OrderLine.purchase_order_id == row.id)
        ).all()
        doc = purchase_order(session, purchase_order_id=row.id)
        facts: dict[str, Any] = {
            "supplier": (supplier.name, supplier.street, f"{supplier.postal_code} {supplier.city}"),
            "identity": patient.identity_number,
            "names": (patient.first_name, patient.last_name),
            "street": patient.street,
            "delivery_name": order.delivery_name,
            "orderer": orderer.full_name,
        }
    text = pdf_text(render_purchase_order(doc))
    assert "Purchase order" in text and row.number in text
    assert doc.reference == order.number and f"order {order.number}" in text
    for part in facts["supplier"]:
        assert part and part in text
    assert supplier.email in text
    assert lines
    for line, article in lines:
        assert article.supplier_article_number in text and article.article_number in text
        assert article.name in text
        if line.comment:
            assert line.comment in text
    assert doc.total == sum((line.unit_price * line.quantity for line, _a in lines), Decimal("0"))
    assert facts["orderer"] in text
    # The patient's identity and name never reach the supplier.
    identity = str(facts["identity"])
    assert identity not in text and format_identity(identity) not in text and identity[2:8] not in text
    for name in facts["names"]:
        assert name not in text
    assert str(facts["street"]) not in text
    assert examples["ordinary"] not in text


def test_r14_one_purchase_order_per_supplier_carries_only_that_suppliers_lines(
    demo: Database, demo_template: Any
) -> None:
    numbers = demo_template[1].numbers
    with demo.read() as session:
        replenishment = purchase_order(
            session, purchase_order_id=_purchase_order_id(session, numbers["replenishment_purchase_order"])
        )
        patient_po = purchase_order(
            session, purchase_order_id=_purchase_order_id(session, numbers["purchase_order_awaiting_receipt"])
        )
        own_lines = session.execute(
            select(OrderLine.quantity, OrderLine.unit_price, Article.article_number)
            .join(Article, Article.id == OrderLine.article_id)
            .join(PurchaseOrder, PurchaseOrder.id == OrderLine.purchase_order_id)
            .where(PurchaseOrder.number == numbers["replenishment_purchase_order"])
        ).all()
    assert replenishment.supplier.name != patient_po.supplier.name
    assert sorted((line.article_number, line.quantity) for line in replenishment.lines) == sorted(
        (r.article_number, r.quantity) for r in own_lines
    )
    assert replenishment.total == sum((r.unit_price * r.quantity for r in own_lines), Decimal("0"))
    text = pdf_text(render_purchase_order(replenishment))
    assert replenishment.supplier.name in text and patient_po.supplier.name not in text
    for line in patient_po.lines:
        assert line.article_number not in text
    amount = f"{replenishment.total:,.2f}".replace(",", " ").replace(".", ",")
    assert f"Total (SEK) {amount}" in text


def test_r13_service_purchase_line_prints_its_comment(database: Database) -> None:
    with database.seed() as session:
        user, location, _warehouse = factories.organisation(session)
        service = factories.article(session, "Utbildning hörteknik", article_type=ArticleType.SERVICE)
        service.unit = "tim"
        supplier = session.get(Supplier, service.supplier_id)
        assert supplier is not None
        supplier.street, supplier.postal_code, supplier.city = "Kongebakken 9", "2765", "Smørum"
        order = Order(
            number="26480007",
            kind=OrderKind.REPLENISHMENT,
            status=OrderStatus.SENT,
            orderer_id=user.id,
            service_location_id=location.id,
        )
        session.add(order)
        session.flush()
        po = PurchaseOrder(number="26480008", order_id=order.id, supplier_id=supplier.id)
        session.add(po)
        session.flush()
        for number, (hours, comment, status) in enumerate(
            [
                (2, "Utbildning 2 timmar 2026-12-01", LineStatus.OPEN),
                (3, "Utbildning 3 timmar 2026-12-08", LineStatus.OPEN),
                (5, "Inställd utbildning", LineStatus.CANCELLED),
            ],
            start=1,
        ):
            session.add(
                OrderLine(
                    order_id=order.id,
                    line_number=number,
                    article_id=service.id,
                    quantity=hours,
                    unit_price=Decimal("950"),
                    comment=comment,
                    status=status,
                    purchase_order_id=po.id,
                )
            )
        po_id = po.id
    with database.read() as session:
        doc = purchase_order(session, purchase_order_id=po_id)
    assert [line.comment for line in doc.lines] == [
        "Utbildning 2 timmar 2026-12-01",
        "Utbildning 3 timmar 2026-12-08",
    ]
    assert doc.total == Decimal("4750")
    text = pdf_text(render_purchase_order(doc))
    assert "Comment: Utbildning 2 timmar 2026-12-01" in text and "Utbildning 3 timmar 2026-12-08" in text
    assert "Inställd" not in text
    assert "Kongebakken 9" in text and "2765 Smørum" in text and "tim" in text
    assert "4 750,00" in text and "26480007" in text and "26480008" in text


def test_long_purchase_order_breaks_pages_repeating_the_heading_row_and_prints_swedish_letters() -> None:
    doc = factories.purchase_order_of(60)
    data = render_purchase_order(doc)
    reader = PdfReader(io.BytesIO(data))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert len(pages) >= 2
    heading_row = "Line Supplier's art. no. Our art. no. Name Qty Unit Unit price Amount"
    for number, page in enumerate(pages, start=1):
        assert "Region Skåne" in page and "Purchase order 26480012" in page
        assert f"Page {number} of {len(pages)}" in page
        assert heading_row in page  # repeated on every page the lines run over
    text = " ".join(pages)
    assert "Hörteknik Öresund AB" in text and "Contact: Anna Åström, Phone: 046-17 10 01" in text
    assert "Our reference: order 26480011" in text and "Supplier number: LEV-77" in text
    for line in doc.lines:  # every line once, in order, none lost at a page break
        assert text.count(f" {line.supplier_article_number} {line.article_number} ") == 1
    positions = [text.index(f" {line.supplier_article_number} ") for line in doc.lines]
    assert positions == sorted(positions)
    assert "Laddare för hörapparat 60" in text and "Comment: Utbildning två timmar på Ängsvägen" in text
    assert "Hörapparat Ödla 56 bakom örat, med en benämning lång nog att bryta raden" in text
    assert f"Total (SEK) {format_money(doc.total)}" in pages[-1]
    assert "Lines priced 0 are priced by the supplier" in pages[-1]
    assert "quote the purchase order number" in pages[-1]


def test_purchase_order_not_found(database: Database) -> None:
    with database.read() as session, pytest.raises(NotFound):
        purchase_order(session, purchase_order_id=uuid.uuid4())
