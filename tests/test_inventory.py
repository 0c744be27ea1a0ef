"""The yearly inventory (R39): the count sheet, counting at the shelf, the close, the investigation warehouse."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from app import inventory
from app.database import Database
from app.documents.count_sheet import render_count_sheet
from app.errors import InvalidInput, NotFound, RuleViolation
from app.inventory import Choice, CountedTwice, Finding, UncountedLines
from app.organisation import WorkContext, work_context
from app.stock import balance
from db.base import utc_now
from db.models import (
    Individual,
    IndividualEvent,
    InventoryCount,
    InventoryCountEntry,
    ServiceLocation,
    StockMovement,
    Warehouse,
)
from db.models.enums import ArticleType, IndividualStatus, MovementReason, WarehouseKind
from tests import factories
from tests.test_documents import pdf_text


@dataclass(frozen=True)
class Stock:
    context: WorkContext
    own: uuid.UUID
    investigation: uuid.UUID
    other: uuid.UUID  # another clinic's own stock
    dome: uuid.UUID  # accessory, balance 10
    dome_number: str
    filter: uuid.UUID  # spare part, balance 0 but used
    filter_number: str
    service: uuid.UUID  # a service with a "balance": never on the sheet
    service_number: str
    aid: uuid.UUID  # individually marked main aid, two individuals in stock
    aid_number: str
    individuals: tuple[str, ...]  # numbers of the two in own stock
    elsewhere: str  # an individual in the other clinic's stock
    in_investigation: str  # an individual of the same article in the investigation warehouse


def _movement(warehouse: uuid.UUID, article: uuid.UUID, quantity: int, **extra: object) -> StockMovement:
    return StockMovement(
        warehouse_id=warehouse,
        article_id=article,
        quantity=quantity,
        reason=MovementReason.GOODS_RECEIPT,
        **extra,
    )


@pytest.fixture
def stock(database: Database) -> Stock:
    with database.seed() as session:
        _user, _lund, own = factories.organisation(session)
        malmo = ServiceLocation(code="MALMO", name="Hörselmottagningen Malmö")
        session.add(malmo)
        session.flush()
        other = Warehouse(
            code="L-MALMO",
            name="Eget förråd Malmö",
            kind=WarehouseKind.OWN_STOCK,
            service_location_id=malmo.id,
        )
        investigation = Warehouse(code="UTR", name="Utredningslager", kind=WarehouseKind.INVESTIGATION)
        session.add_all([other, investigation])
        session.flush()
        dome = factories.article(session, "Dome öppen 8 mm")
        filt = factories.article(session, "Filter ProWax", article_type=ArticleType.SPARE_PART)
        service = factories.article(session, "Utbildning timme", article_type=ArticleType.SERVICE)
        aid = factories.article(
            session, "Audéo Lumity R", individually_marked=True, article_type=ArticleType.MAIN_AID
        )
        session.add_all(
            [
                _movement(own.id, dome.id, 10),
                _movement(own.id, filt.id, 5),
                _movement(own.id, filt.id, -5),
                _movement(own.id, service.id, 3),
            ]
        )
        numbers = ("880000001", "880000002")
        for number, warehouse, status in (
            (numbers[0], own.id, IndividualStatus.IN_STOCK),
            (numbers[1], own.id, IndividualStatus.IN_STOCK),
            ("880000009", other.id, IndividualStatus.IN_STOCK),
            ("880000007", investigation.id, IndividualStatus.INVESTIGATION),
        ):
            device = Individual(
                individual_number=number,
                serial_number=f"SN{number}",
                article_id=aid.id,
                status=status,
                warehouse_id=warehouse,
            )
            session.add(device)
            session.flush()
            session.add(_movement(warehouse, aid.id, 1, individual_id=device.id))
        session.flush()
        ids = (own.id, investigation.id, other.id, dome.id, dome.article_number, filt.id, filt.article_number)
        rest = (service.id, service.article_number, aid.id, aid.article_number)
    with database.read() as session:
        context = work_context(session, username="anna", service_location_code="LUND")
    return Stock(context, *ids, *rest, numbers, "880000009", "880000007")


def _start(database: Database, stock: Stock) -> uuid.UUID:
    with database.write() as session:
        return inventory.start_count(session, stock.context, warehouse_id=stock.own).id


def _status(database: Database, stock: Stock, count_id: uuid.UUID) -> inventory.CountStatus:
    with database.read() as session:
        return inventory.count_status(session, stock.context, count_id=count_id)


def _enter(
    database: Database,
    stock: Stock,
    count_id: uuid.UUID,
    article: uuid.UUID,
    text: str,
    choice: Choice | None = None,
) -> None:
    with database.write() as session:
        inventory.enter_count(
            session, stock.context, count_id=count_id, article_id=article, quantity_text=text, choice=choice
        )


def _scan(
    database: Database, stock: Stock, count_id: uuid.UUID, code: str
) -> inventory.ArticleToCount | inventory.IndividualFinding:
    with database.write() as session:
        return inventory.find_code(session, stock.context, count_id=count_id, code=code)


def _close(
    database: Database, stock: Stock, count_id: uuid.UUID, *, uncounted_as_zero: bool = False
) -> inventory.CloseResult:
    with database.write() as session:
        return inventory.close_count(
            session, stock.context, count_id=count_id, uncounted_as_zero=uncounted_as_zero
        )


def _counted(status: inventory.CountStatus, number: str) -> int | None:
    return next(line.counted for line in status.lines if line.article_number == number)


def _entries(database: Database) -> int:
    with database.read() as session:
        return int(session.scalar(select(func.count()).select_from(InventoryCountEntry)) or 0)


def test_r39_sheet_lists_main_aids_accessories_spare_parts_with_balance_or_use_never_services(
    database: Database, stock: Stock
) -> None:
    count_id = _start(database, stock)
    numbers = {line.article_number for line in _status(database, stock, count_id).lines}
    # The filter has balance 0 but was used since the last count (there was none): it is on the sheet.
    assert numbers == {stock.dome_number, stock.filter_number, stock.aid_number}
    assert stock.service_number not in numbers
    # After a closed count, an article with balance 0 and no movement since is left off the next sheet.
    _enter(database, stock, count_id, stock.dome, "10")
    _enter(database, stock, count_id, stock.filter, "0")
    for number in stock.individuals:
        _scan(database, stock, count_id, number)
    _close(database, stock, count_id)
    second = _start(database, stock)
    assert second != count_id
    numbers = {line.article_number for line in _status(database, stock, second).lines}
    assert numbers == {stock.dome_number, stock.aid_number}


def test_r39_only_the_own_stock_of_the_clerks_service_location_is_counted_one_open_count_each(
    database: Database, stock: Stock
) -> None:
    with database.write() as session, pytest.raises(RuleViolation, match="Only the own stock"):
        inventory.start_count(session, stock.context, warehouse_id=stock.other)
    with database.write() as session, pytest.raises(RuleViolation, match="Only the own stock"):
        inventory.start_count(session, stock.context, warehouse_id=stock.investigation)
    with database.seed() as session:  # a warehouse of the location that is not its own stock
        central = Warehouse(
            code="70",
            name="Centrallager",
            kind=WarehouseKind.CENTRAL,
            service_location_id=stock.context.service_location_id,
        )
        session.add(central)
        session.flush()
        central_id = central.id
    with database.write() as session, pytest.raises(RuleViolation, match="Only the own stock"):
        inventory.start_count(session, stock.context, warehouse_id=central_id)
    first = _start(database, stock)
    assert _start(database, stock) == first  # resumed, not a second count
    with database.read() as session:
        assert session.scalar(select(func.count()).select_from(InventoryCount)) == 1
        choices = inventory.warehouses_to_count(session, stock.context)
    assert [(c.id, c.open_count_id) for c in choices] == [(stock.own, first)]


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("2,5", "2,5 is not a whole number"),
        ("1.5", "1.5 is not a whole number"),
        ("tio", "tio is not a whole number"),
        ("-3", "cannot be negative"),
        ("", "Type the counted quantity"),
    ],
)
def test_r39_a_quantity_not_a_whole_number_or_negative_is_refused_and_nothing_saved(
    database: Database, stock: Stock, typed: str, sentence: str
) -> None:
    count_id = _start(database, stock)
    with pytest.raises(InvalidInput, match=sentence):
        _enter(database, stock, count_id, stock.dome, typed)
    assert _entries(database) == 0
    _enter(database, stock, count_id, stock.dome, " 0 ")  # zero is a count
    assert _counted(_status(database, stock, count_id), stock.dome_number) == 0


def test_r39_a_number_that_matches_nothing_says_so_with_what_was_typed(
    database: Database, stock: Stock
) -> None:
    count_id = _start(database, stock)
    with pytest.raises(NotFound, match="No article or individual has the number 12-34"):
        _scan(database, stock, count_id, "12-34")
    with pytest.raises(RuleViolation, match="services are not counted"):
        _scan(database, stock, count_id, stock.service_number)
    with pytest.raises(RuleViolation, match="individually marked"):
        _scan(database, stock, count_id, stock.aid_number)
    found = _scan(database, stock, count_id, stock.dome_number)
    assert isinstance(found, inventory.ArticleToCount) and found.article_id == stock.dome
    assert _entries(database) == 0


def test_r39_an_article_counted_twice_asks_which_count_stands(database: Database, stock: Stock) -> None:
    count_id = _start(database, stock)
    _enter(database, stock, count_id, stock.dome, "5")
    with pytest.raises(CountedTwice) as asked:
        _enter(database, stock, count_id, stock.dome, "7")
    earlier = asked.value.earlier[0]
    assert (earlier.quantity, earlier.entered_by) == (5, "Anna Audionom")
    assert "already counted: 5 by Anna Audionom" in asked.value.sentence()
    assert _counted(_status(database, stock, count_id), stock.dome_number) == 5
    _enter(database, stock, count_id, stock.dome, "7", Choice.KEEP_EARLIER)
    assert _counted(_status(database, stock, count_id), stock.dome_number) == 5
    _enter(database, stock, count_id, stock.dome, "7", Choice.TAKE_NEW)
    assert _counted(_status(database, stock, count_id), stock.dome_number) == 7
    _enter(database, stock, count_id, stock.dome, "3", Choice.ADD)  # a second shelf
    status = _status(database, stock, count_id)
    assert _counted(status, stock.dome_number) == 10 and status.counted_twice == ()
    assert _entries(database) == 4  # every count is kept on record


def test_r39_an_article_off_the_sheet_is_counted_and_booked_from_zero(
    database: Database, stock: Stock
) -> None:
    with database.seed() as session:
        extra = factories.article(session, "Örpropp silikon")
        extra_id, extra_number = extra.id, extra.article_number
    count_id = _start(database, stock)
    _enter(database, stock, count_id, extra_id, "2")
    line = next(
        line for line in _status(database, stock, count_id).lines if line.article_number == extra_number
    )
    assert line.counted == 2 and not line.on_sheet
    _enter(database, stock, count_id, stock.dome, "10")
    _enter(database, stock, count_id, stock.filter, "0")
    for number in stock.individuals:
        _scan(database, stock, count_id, number)
    _close(database, stock, count_id)
    with database.read() as session:
        assert balance(session, stock.own, extra_id) == 2


def test_r39_close_books_the_difference_as_a_movement_with_reason_inventory(
    database: Database, stock: Stock
) -> None:
    count_id = _start(database, stock)
    _enter(database, stock, count_id, stock.dome, "8")
    _enter(database, stock, count_id, stock.filter, "1")
    for number in stock.individuals:
        _scan(database, stock, count_id, number)
    result = _close(database, stock, count_id)
    assert dict(result.differences) == {stock.dome_number: -2, stock.filter_number: 1}
    with database.read() as session:
        assert balance(session, stock.own, stock.dome) == 8
        assert balance(session, stock.own, stock.filter) == 1
        assert balance(session, stock.own, stock.aid) == 2
        booked = session.scalars(select(StockMovement).where(StockMovement.document_id == count_id)).all()
        assert {(m.article_id, m.quantity, m.reason) for m in booked} == {
            (stock.dome, -2, MovementReason.INVENTORY),
            (stock.filter, 1, MovementReason.INVENTORY),
        }
        assert all(m.document_kind == inventory.DOCUMENT_KIND for m in booked)
        assert session.get(InventoryCount, count_id).closed_at is not None  # type: ignore[union-attr]
    with pytest.raises(RuleViolation, match="already closed"):
        _close(database, stock, count_id)


def test_r39_uncounted_sheet_lines_are_booked_as_zero_only_when_the_clerk_says_so(
    database: Database, stock: Stock
) -> None:
    count_id = _start(database, stock)
    for number in stock.individuals:
        _scan(database, stock, count_id, number)
    _enter(database, stock, count_id, stock.filter, "0")
    with pytest.raises(UncountedLines) as asked:
        _close(database, stock, count_id)
    assert asked.value.article_numbers == (stock.dome_number,)
    with database.read() as session:
        assert balance(session, stock.own, stock.dome) == 10  # nothing booked
    _close(database, stock, count_id, uncounted_as_zero=True)
    with database.read() as session:
        assert balance(session, stock.own, stock.dome) == 0


def test_r39_an_individual_not_found_goes_to_the_investigation_warehouse(
    database: Database, stock: Stock
) -> None:
    count_id = _start(database, stock)
    found, missing = stock.individuals
    assert _scan(database, stock, count_id, found).finding is Finding.FOUND  # type: ignore[union-attr]
    _enter(database, stock, count_id, stock.dome, "10")
    _enter(database, stock, count_id, stock.filter, "0")
    result = _close(database, stock, count_id)
    assert result.to_investigation == (missing,)
    with database.read() as session:
        device = session.scalars(select(Individual).where(Individual.individual_number == missing)).one()
        assert (device.status, device.warehouse_id) == (IndividualStatus.INVESTIGATION, stock.investigation)
        kept = session.scalars(select(Individual).where(Individual.individual_number == found)).one()
        assert (kept.status, kept.warehouse_id) == (IndividualStatus.IN_STOCK, stock.own)
        event = session.scalars(
            select(IndividualEvent).where(IndividualEvent.individual_id == device.id)
        ).one()
        assert (event.status, event.warehouse_id, event.document_id) == (
            IndividualStatus.INVESTIGATION,
            stock.investigation,
            count_id,
        )
        assert balance(session, stock.own, stock.aid) == 1
        assert balance(session, stock.investigation, stock.aid) == 2  # with the one already there


def test_r39_an_individual_scanned_again_is_counted_once(database: Database, stock: Stock) -> None:
    count_id = _start(database, stock)
    first = _scan(database, stock, count_id, stock.individuals[0])
    again = _scan(database, stock, count_id, stock.individuals[0])
    assert (first.finding, again.finding) == (Finding.FOUND, Finding.ALREADY_COUNTED)  # type: ignore[union-attr]
    assert _entries(database) == 1
    assert _counted(_status(database, stock, count_id), stock.aid_number) == 1


def test_r39_an_individual_of_another_warehouse_is_reported_not_counted_nor_moved(
    database: Database, stock: Stock
) -> None:
    count_id = _start(database, stock)
    finding = _scan(database, stock, count_id, stock.elsewhere)
    assert isinstance(finding, inventory.IndividualFinding)
    assert (finding.finding, finding.warehouse_code) == (Finding.ELSEWHERE, "L-MALMO")
    assert _entries(database) == 0
    for number in stock.individuals:
        _scan(database, stock, count_id, number)
    _close(database, stock, count_id, uncounted_as_zero=True)
    with database.read() as session:
        device = session.scalars(
            select(Individual).where(Individual.individual_number == stock.elsewhere)
        ).one()
        assert (device.status, device.warehouse_id) == (IndividualStatus.IN_STOCK, stock.other)


def test_r39_an_individual_found_in_the_investigation_warehouse_comes_back_at_the_close(
    database: Database, stock: Stock
) -> None:
    count_id = _start(database, stock)
    finding = _scan(database, stock, count_id, stock.in_investigation)
    assert finding.finding is Finding.FROM_INVESTIGATION  # type: ignore[union-attr]
    for number in stock.individuals:
        _scan(database, stock, count_id, number)
    result = _close(database, stock, count_id, uncounted_as_zero=True)
    assert result.back_from_investigation == (stock.in_investigation,)
    with database.read() as session:
        device = session.scalars(
            select(Individual).where(Individual.individual_number == stock.in_investigation)
        ).one()
        assert (device.status, device.warehouse_id) == (IndividualStatus.IN_STOCK, stock.own)
        assert balance(session, stock.own, stock.aid) == 3
        assert balance(session, stock.investigation, stock.aid) == 0


def test_r39_an_individual_found_after_the_inventory_is_moved_back_and_reported(
    database: Database, stock: Stock
) -> None:
    with database.write() as session:
        report = inventory.report_found_individual(
            session, stock.context, individual_number=stock.in_investigation
        )
    assert (report.individual_number, report.warehouse_code, report.report_address) == (
        stock.in_investigation,
        "L-LUND",
        "hjalpmedel@skane.se",
    )
    assert report.article_number == stock.aid_number
    with database.read() as session:
        device = session.scalars(
            select(Individual).where(Individual.individual_number == stock.in_investigation)
        ).one()
        assert (device.status, device.warehouse_id) == (IndividualStatus.IN_STOCK, stock.own)
        assert balance(session, stock.investigation, stock.aid) == 0
        assert balance(session, stock.own, stock.aid) == 3
    with (
        database.write() as session,
        pytest.raises(RuleViolation, match="not in the investigation warehouse"),
    ):
        inventory.report_found_individual(session, stock.context, individual_number=stock.in_investigation)


def test_r39_a_count_interrupted_by_closing_the_program_resumes_where_it_was(
    database: Database, stock: Stock
) -> None:
    count_id = _start(database, stock)
    _enter(database, stock, count_id, stock.dome, "4")
    _scan(database, stock, count_id, stock.individuals[0])
    folder = database.path.parent
    database.dispose()
    reopened = Database.open(folder)
    try:
        with reopened.write() as session:
            resumed = inventory.start_count(session, stock.context, warehouse_id=stock.own)
        assert resumed.id == count_id
        assert _counted(resumed, stock.dome_number) == 4
        assert _counted(resumed, stock.aid_number) == 1 and resumed.individuals_found == 1
    finally:
        reopened.dispose()


def test_r39_two_standing_counts_of_an_article_met_on_sync_block_the_close_until_settled(
    database: Database, stock: Stock
) -> None:
    count_id = _start(database, stock)
    with database.seed() as session:  # as sync applies two workstations' entries
        for quantity in (6, 9):
            session.add(
                InventoryCountEntry(
                    inventory_count_id=count_id,
                    article_id=stock.dome,
                    quantity=quantity,
                    entered_by_id=stock.context.user_id,
                    entered_at=utc_now() + dt.timedelta(seconds=quantity),
                )
            )
    status = _status(database, stock, count_id)
    assert status.counted_twice == (stock.dome_number,)
    _enter(database, stock, count_id, stock.filter, "0")
    for number in stock.individuals:
        _scan(database, stock, count_id, number)
    with pytest.raises(RuleViolation, match="counted twice"):
        _close(database, stock, count_id)
    with database.write() as session:
        inventory.settle_counted_twice(
            session, stock.context, count_id=count_id, article_id=stock.dome, choice=Choice.ADD
        )
    assert _counted(_status(database, stock, count_id), stock.dome_number) == 15
    _close(database, stock, count_id)
    with database.read() as session:
        assert balance(session, stock.own, stock.dome) == 15


def test_r39_the_close_writes_rows_with_ids_made_from_the_count(database: Database, stock: Stock) -> None:
    count_id = _start(database, stock)
    _enter(database, stock, count_id, stock.dome, "7")
    _close(database, stock, count_id, uncounted_as_zero=True)
    with database.read() as session:
        ids = set(session.scalars(select(StockMovement.id).where(StockMovement.document_id == count_id)))
        events = set(
            session.scalars(select(IndividualEvent.id).where(IndividualEvent.document_id == count_id))
        )
    assert inventory._derived_id("movement", count_id, "article", stock.dome) in ids
    assert len(events) == 2


def test_r39_count_sheet_pdf_lists_articles_and_individuals_to_tick_without_the_balance(
    database: Database, stock: Stock
) -> None:
    count_id = _start(database, stock)
    with database.read() as session:
        sheet = inventory.count_sheet(session, stock.context, count_id=count_id)
    assert [line.article_number for line in sheet.lines] == sorted(
        [stock.dome_number, stock.filter_number, stock.aid_number]
    )
    text = pdf_text(render_count_sheet(sheet, dt.date(2026, 11, 23)))
    assert "Inventory count sheet" in text and "Warehouse L-LUND Eget förråd Lund" in text
    assert "Counted" in text and "Dome öppen 8 mm" in text and stock.dome_number in text
    assert stock.service_number not in text
    for number in stock.individuals:
        assert f"[ ] {number}" in text
    assert stock.elsewhere not in text
