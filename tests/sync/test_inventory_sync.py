"""Two workstations counting the same warehouse offline sync into one consistent ledger (R39)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import func, select

from app import inventory
from app.database import Database
from app.inventory import Choice
from app.organisation import WorkContext, work_context
from app.stock import balance
from app.sync.client import list_issues
from db.models import Article, Individual, StockMovement, Warehouse
from db.models.enums import ArticleType, IndividualStatus, WarehouseKind
from tests.sync.test_client_integration import assert_converged, clinic  # noqa: F401 - the fixture
from tests.sync.test_client_support import sync_until_quiet

TABLES = (
    "inventory_count",
    "inventory_count_line",
    "inventory_count_entry",
    "stock_movement",
    "individual",
    "individual_event",
)


def _setting(database: Database) -> tuple[WorkContext, uuid.UUID, list[str], list[tuple[uuid.UUID, str]]]:
    with database.read() as session:
        context = work_context(session, username="anna.audionom", service_location_code="HM-LUND")
        own = session.scalars(
            select(Warehouse.id).where(
                Warehouse.service_location_id == context.service_location_id,
                Warehouse.kind == WarehouseKind.OWN_STOCK,
            )
        ).one()
        devices = list(
            session.scalars(
                select(Individual.individual_number)
                .where(Individual.warehouse_id == own, Individual.status == IndividualStatus.IN_STOCK)
                .order_by(Individual.individual_number)
            )
        )
        articles = [
            (row.id, row.article_number)
            for row in session.scalars(
                select(Article)
                .where(Article.individually_marked.is_(False), Article.article_type == ArticleType.ACCESSORY)
                .order_by(Article.article_number)
                .limit(2)
            )
        ]
    return context, own, devices, articles


def _scan(database: Database, context: WorkContext, count_id: uuid.UUID, code: str) -> None:
    with database.write() as session:
        inventory.find_code(session, context, count_id=count_id, code=code)


def _enter(
    database: Database, context: WorkContext, count_id: uuid.UUID, article: uuid.UUID, text: str
) -> None:
    with database.write() as session:
        inventory.enter_count(session, context, count_id=count_id, article_id=article, quantity_text=text)


def test_r39_two_offline_workstations_counting_one_warehouse_sync_into_one_consistent_ledger(
    clinic: dict[str, Any],  # noqa: F811 - the fixture imported above
) -> None:
    a, b = clinic["desks"]
    context, own, devices, articles = _setting(a)
    assert len(devices) >= 3, "the demo's own stock holds individuals"
    (shelf_article, shelf_number), (other_article, _other_number) = articles
    with a.write() as session:
        count_id = inventory.start_count(session, context, warehouse_id=own).id
    sync_until_quiet(clinic["clients"])  # the count reaches the second workstation
    with b.write() as session:
        assert inventory.start_count(session, context, warehouse_id=own).id == count_id  # resumed there

    # The network is gone: each workstation counts its part of the warehouse; one individual is missing,
    # one individual is scanned on both, and both count the same article.
    missing = devices[-1]
    half = len(devices[:-1]) // 2
    for number in devices[: half + 1]:
        _scan(a, context, count_id, number)
    for number in devices[half:-1]:
        _scan(b, context, count_id, number)
    _enter(a, context, count_id, shelf_article, "3")
    _enter(b, context, count_id, shelf_article, "5")
    _enter(b, context, count_id, other_article, "2")

    reports = sync_until_quiet(clinic["clients"])
    assert not any(report.rejected for report in reports)
    for database in (a, b):  # nothing lost: both see every count, and the article counted on both is asked
        with database.read() as session:
            status = inventory.count_status(session, context, count_id=count_id)
        assert status.individuals_found == len(devices) - 1
        assert status.counted_twice == (shelf_number,)
    with a.write() as session, pytest.raises(inventory.RuleViolation, match="counted twice"):
        inventory.close_count(session, context, count_id=count_id, uncounted_as_zero=True)
    with a.write() as session:
        inventory.settle_counted_twice(
            session, context, count_id=count_id, article_id=shelf_article, choice=Choice.ADD
        )
    sync_until_quiet(clinic["clients"])

    # Both close the count before hearing of the other's close: the difference is booked once.
    for database in (a, b):
        with database.write() as session:
            inventory.close_count(session, context, count_id=count_id, uncounted_as_zero=True)
    # The second close's rows carry the ids of the first's: the server refuses them and puts them back as it
    # holds them, so nothing is booked twice.
    sync_until_quiet(clinic["clients"])
    assert_converged(clinic, TABLES)
    for database in (a, b):  # the second close's rows were the first's: nothing for a clerk to decide
        with database.read() as session:
            assert [issue.table for issue in list_issues(session)] == []
    for database in (a, b):
        with database.read() as session:
            assert balance(session, own, shelf_article) == 8
            assert balance(session, own, other_article) == 2
            booked = session.scalar(
                select(func.count())
                .select_from(StockMovement)
                .where(StockMovement.document_id == count_id, StockMovement.article_id == shelf_article)
            )
            assert booked == 1
            device = session.scalars(select(Individual).where(Individual.individual_number == missing)).one()
            assert device.status is IndividualStatus.INVESTIGATION
            investigation = session.get(Warehouse, device.warehouse_id)
            assert investigation is not None and investigation.kind is WarehouseKind.INVESTIGATION
            assert balance(session, own, device.article_id) == session.scalar(
                select(func.count())
                .select_from(Individual)
                .where(
                    Individual.warehouse_id == own,
                    Individual.article_id == device.article_id,
                    Individual.status == IndividualStatus.IN_STOCK,
                )
            )


def test_a_different_booking_under_an_id_the_server_holds_is_still_shown_to_the_clerk(
    clinic: dict[str, Any],  # noqa: F811 - the fixture imported above
) -> None:
    """Only the same booking twice is put right silently: the same id with another quantity is refused,
    put back as the server holds it, and listed for the clerk."""
    from app.changelog import PlainRows
    from app.stock import Document, move
    from db.models.enums import DocumentKind, MovementReason

    a, b = clinic["desks"]
    context, own, _devices, articles = _setting(a)
    article = articles[0][0]
    shared = uuid.uuid4()
    for database, quantity in ((a, 2), (b, 5)):
        with database.write() as session:
            rows = PlainRows()
            move(
                rows,
                article_id=article,
                warehouse_id=own,
                quantity=quantity,
                reason=MovementReason.INVENTORY,
                document=Document(DocumentKind.INVENTORY),
                user_id=context.user_id,
                movement_id=shared,
            )
            rows.write(session)
    sync_until_quiet(clinic["clients"])
    with b.read() as session:
        assert session.get(StockMovement, shared).quantity == 2  # type: ignore[union-attr]
        issues = list_issues(session)
    assert [(issue.table, issue.row_id) for issue in issues] == [("stock_movement", shared)]
