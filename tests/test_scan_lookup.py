"""Issue 11: what a scanned code names in the demo database (``find_scanned``), by index lookups only."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from app.database import Database
from app.demo_data import DemoSummary
from app.errors import InvalidInput, NotFound
from app.scanning.codes import GS, read_code
from app.scanning.gs1 import with_indicator
from app.scanning.hibc import check_character
from app.scanning.lookup import DocumentKind, Scanned, find_scanned
from db.models import Article, Individual, Order, Patient
from db.models.enums import IndividualStatus, LineStatus


@pytest.fixture
def summary(demo_template) -> DemoSummary:  # type: ignore[no-untyped-def]
    return demo_template[1]  # type: ignore[no-any-return]


def scan(session: Session, raw: str) -> Scanned:
    return find_scanned(session, read_code(raw))


def test_r36_r38_individual_by_number_serial_and_sip(demo: Database, summary: DemoSummary) -> None:
    numbers = summary.numbers
    with demo.read() as session:
        individual = session.scalars(
            select(Individual).where(Individual.individual_number == numbers["individual_in_stock"])
        ).one()
        assert scan(session, individual.individual_number).individual_id == individual.id
        by_serial = scan(session, individual.serial_number.lower())
        assert by_serial.individual_id == individual.id
        with_sip = scan(session, f"sip:{numbers['sip_number'].upper()}")
        assert with_sip.individual_id is not None
        assert (
            session.get(Individual, with_sip.individual_id).individual_number
            == numbers["individual_with_sip"]
        )  # type: ignore[union-attr]


def test_r5_patient_by_identity_and_protected_identity_masked(
    demo: Database, examples: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    with demo.read() as session, caplog.at_level(logging.DEBUG):
        for key in ("ordinary", "protected"):
            number = examples[key]
            found = scan(session, f"{number[:8]}-{number[8:]}")
            patient = session.scalars(select(Patient).where(Patient.identity_number == number)).one()
            assert found.patient_id == patient.id
            assert number[4:] not in found.code.shown() and number[4:] not in repr(found)
        reserve = scan(session, examples["reserve_child"])
        assert reserve.patient_id is not None
        assert reserve.code.shown() == f"{examples['reserve_child'][:4]}xxxx-xxxx"
    assert examples["protected"] not in caplog.text
    assert examples["protected"][2:] not in caplog.text


def test_article_by_number_supplier_number_and_gtin(demo: Database, summary: DemoSummary) -> None:
    with demo.read() as session:
        article = session.scalars(
            select(Article).where(Article.article_number == summary.numbers["article_hearing_aid"])
        ).one()
        assert article.gtin is not None and len(article.gtin) == 14
        assert scan(session, article.article_number).article_id == article.id
        assert scan(session, article.gtin).article_id == article.id
        assert scan(session, article.gtin.lstrip("0")).article_id == article.id  # the EAN-13 on the box
        assert scan(session, f"]E0{article.gtin[1:]}").article_id == article.id
        case_of_ten = with_indicator(article.gtin, "1")
        assert scan(session, case_of_ten).article_id == article.id  # another indicator: the same item
        assert scan(session, f"(01){case_of_ten}").article_id == article.id
        supplier = session.scalars(
            select(Article).where(Article.supplier_article_number.like("HB%")).limit(1)
        ).one()
        assert scan(session, supplier.supplier_article_number).article_id == supplier.id


def test_hibc_names_the_article_by_its_supplier_article_number(demo: Database) -> None:
    with demo.read() as session:
        article = session.scalars(
            select(Article).where(Article.supplier_article_number.like("WX%")).limit(1)
        ).one()
        data = f"+E123{article.supplier_article_number}0"
        found = scan(session, data + check_character(data))
        assert found.article_id == article.id
        unknown = scan(session, "+E123NOSUCH0" + check_character("+E123NOSUCH0"))
        assert isinstance(unknown.sentence, NotFound) and "NOSUCH" in unknown.sentence.sentence()


def test_udi_names_the_individual_by_serial_narrowed_by_gtin(demo: Database, summary: DemoSummary) -> None:
    with demo.write() as session:
        individual = session.scalars(
            select(Individual).where(Individual.individual_number == summary.numbers["individual_in_stock"])
        ).one()
        article = session.get(Article, individual.article_id)
        assert article is not None and article.gtin
        found = scan(session, f"]d201{article.gtin}17301231{GS}21{individual.serial_number}")
        assert (found.individual_id, found.article_id) == (individual.id, article.id)
        # Another supplier's device with the same serial number: the UDI's GTIN says which.
        other = session.scalars(select(Individual).where(Individual.article_id != article.id).limit(1)).one()
        session.add(
            Individual(
                individual_number="999000111",
                serial_number=individual.serial_number,
                article_id=other.article_id,
                status=IndividualStatus.IN_STOCK,
                warehouse_id=other.warehouse_id or individual.warehouse_id,
            )
        )
        session.flush()
        assert (
            scan(session, f"(01){article.gtin}(21){individual.serial_number}").individual_id == individual.id
        )
        # The UDI of the other article's box names the other device, never this one.
        other_article = session.get(Article, other.article_id)
        assert other_article is not None and other_article.gtin
        assert scan(session, f"(01){other_article.gtin}(21){individual.serial_number}").individual_id not in (
            None,
            individual.id,
        )
        ambiguous = scan(session, individual.serial_number)
        assert ambiguous.individual_id is None
        assert isinstance(ambiguous.sentence, NotFound)
        assert "2 individuals" in ambiguous.sentence.sentence()


def test_udi_never_names_another_articles_device_with_the_same_serial(
    demo: Database, summary: DemoSummary
) -> None:
    """A serial number is the supplier's: a box's UDI whose GTIN names one article does not name a device
    of another article that happens to carry the same serial; it names its article (a box to receive)."""
    with demo.write() as session:
        individual = session.scalars(
            select(Individual).where(Individual.individual_number == summary.numbers["individual_in_stock"])
        ).one()
        other = session.scalars(
            select(Article).where(Article.id != individual.article_id, Article.gtin.is_not(None)).limit(1)
        ).one()
        found = scan(session, f"(01){other.gtin}(21){individual.serial_number}")
        assert found.individual_id is None
        assert found.article_id == other.id


def test_udi_of_a_box_awaiting_receipt_names_its_article(demo: Database, summary: DemoSummary) -> None:
    """The demo's example UDI: a box on the open replenishment's purchase order, its serial not yet any
    individual's (goods receipt fills the line's serial number from it)."""
    code = read_code(summary.numbers["udi_awaiting_receipt"])
    assert code.udi is not None and code.udi.serial
    with demo.read() as session:
        found = find_scanned(session, code)
        article = session.get(Article, found.article_id)
        assert article is not None and article.article_number == summary.numbers["article_hearing_aid"]
        assert found.individual_id is None
        assert (
            session.scalars(select(Individual).where(Individual.serial_number == code.udi.serial)).first()
            is None
        )


def test_documents_by_number_with_awaits_receipt(demo: Database, summary: DemoSummary) -> None:
    numbers = summary.numbers
    with demo.read() as session:
        expected = {
            "purchase_order_awaiting_receipt": (DocumentKind.PURCHASE_ORDER, True),
            "order_awaiting_receipt": (DocumentKind.ORDER, True),
            "replenishment_purchase_order": (DocumentKind.PURCHASE_ORDER, True),
            "pickup_order": (DocumentKind.PICKUP_ORDER, False),
            "activity": (DocumentKind.ACTIVITY, False),
            "stock_return": (DocumentKind.RETURN, False),
            "open_order": (DocumentKind.ORDER, False),  # delivered from 70: nothing to receive here
            "replenishment_received": (DocumentKind.ORDER, False),
            "purchase_order_received": (DocumentKind.PURCHASE_ORDER, False),
        }
        for key, (kind, awaits) in expected.items():
            found = scan(session, numbers[key])
            assert found.document is not None, key
            assert (found.document.kind, found.document.awaits_receipt) == (kind, awaits), key
            assert found.document.number == numbers[key]
            assert found.document.order_id is not None or kind not in (
                DocumentKind.ORDER,
                DocumentKind.PURCHASE_ORDER,
            )

    # An open line from the central warehouse 70 arrives already received (R10a): nothing awaits receipt here.
    with demo.write() as session:
        order = session.scalars(select(Order).where(Order.number == numbers["open_order"])).one()
        for line in order.lines:
            line.status = LineStatus.OPEN
        session.flush()
        found = scan(session, numbers["open_order"])
        assert found.document is not None and not found.document.awaits_receipt


def test_nothing_found_says_what_kind_and_what_was_looked_up(
    demo: Database, examples: dict[str, str]
) -> None:
    with demo.read() as session:
        found = scan(session, "923456781")
        assert not found.found
        assert isinstance(found.sentence, NotFound)
        assert (
            found.sentence.sentence()
            == "923456781 looks like an individual number, but no individual or article has it."
        )
        unknown_patient = scan(session, "19121212-1212")
        assert isinstance(unknown_patient.sentence, NotFound)
        assert "1912xxxx-xxxx looks like a personal identity number" in unknown_patient.sentence.sentence()
        assert "1212-1212" not in unknown_patient.sentence.sentence()
        nothing = scan(session, "¤¤")
        assert isinstance(nothing.sentence, NotFound)
        wrong = scan(session, "(01)09520011234560(17)270230")
        assert isinstance(wrong.sentence, InvalidInput)


def test_every_scan_lookup_is_an_index_lookup(
    demo: Database, summary: DemoSummary, examples: dict[str, str]
) -> None:
    """Each query the lookups make is planned as a search of an index, never a scan of a table."""
    statements: list[tuple[str, object]] = []
    with demo.read() as session:
        individual = session.scalars(
            select(Individual).where(Individual.individual_number == summary.numbers["individual_in_stock"])
        ).one()
        article = session.get(Article, individual.article_id)
        assert article is not None
        codes = [
            individual.individual_number,
            individual.serial_number,
            summary.numbers["sip_number"],
            examples["ordinary"],
            article.article_number,
            "HB99999",
            f"(01){article.gtin}(21){individual.serial_number}",
            f"(01){with_indicator(article.gtin or '', '3')}",
            summary.numbers["purchase_order_awaiting_receipt"],
            summary.numbers["stock_return"],
            "26019999",
            "923456781",
        ]
        connection = session.connection()

        def record(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
            statements.append((statement, parameters))

        event.listen(connection, "before_cursor_execute", record)
        try:
            for raw in codes:
                scan(session, raw)
        finally:
            event.remove(connection, "before_cursor_execute", record)
        assert len(statements) >= len(codes)
        sqlite = connection.connection.driver_connection
        assert sqlite is not None
        for statement, parameters in statements:
            plan = sqlite.execute(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
            details = " | ".join(row[3] for row in plan)
            assert "SCAN" not in details.replace("SCAN CONSTANT ROW", ""), (statement, details)
