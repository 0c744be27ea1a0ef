"""The Stock tab's reads (R33–R35): search and filters over a warehouse's balances, the ISO 9999 tree, an
article's ledger, the stock balance report; and the balance table the ledger's triggers keep."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from pypdf import PdfReader
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.database import Database
from app.documents import render_stock_report
from app.errors import NotFound
from app.organisation import WorkContext
from app.stock_balances import (
    BalanceFilter,
    article_ledger,
    balance_list,
    iso_children,
    stock_report,
    stock_warehouses,
)
from db.models import (
    Article,
    IsoCode,
    Order,
    ServiceLocation,
    StockMovement,
    Supplier,
    User,
    Warehouse,
)
from db.models.enums import ArticleType, MovementReason, OrderKind, WarehouseKind
from tests import factories


@dataclass
class Stock:
    context: WorkContext
    own: uuid.UUID  # the clinic's own stock
    central: uuid.UUID  # 70
    direct: uuid.UUID  # 750
    articles: dict[str, uuid.UUID]


def _article(
    session: Session,
    supplier: Supplier,
    number: str,
    name: str,
    iso: str,
    article_type: ArticleType = ArticleType.ACCESSORY,
    *,
    reorder_level: int = 0,
    in_assortment: bool = True,
) -> uuid.UUID:
    row = Article(
        article_number=number,
        name=name,
        supplier_id=supplier.id,
        supplier_article_number=f"X-{number}",
        iso_code=iso,
        article_type=article_type,
        reorder_level=reorder_level,
        in_assortment=in_assortment,
        search_key=f"{name} {supplier.name} X-{number} {number}".lower(),
    )
    session.add(row)
    session.flush()
    return row.id


def move(
    session: Session,
    warehouse_id: uuid.UUID,
    article_id: uuid.UUID,
    quantity: int,
    reason: MovementReason = MovementReason.GOODS_RECEIPT,
    **fields: object,
) -> StockMovement:
    """A ledger row as the writing services leave it (the test builds the ledger it reads)."""
    row = StockMovement(
        warehouse_id=warehouse_id, article_id=article_id, quantity=quantity, reason=reason, **fields
    )
    session.add(row)
    session.flush()
    return row


@pytest.fixture
def stock(database: Database) -> Iterator[Stock]:
    with database.write() as session:
        user, location, own = factories.organisation(session)
        central = Warehouse(code="70", name="Centrallager Hjälpmedel", kind=WarehouseKind.CENTRAL)
        direct = Warehouse(code="750", name="Direktinköp", kind=WarehouseKind.DIRECT_PURCHASE)
        other_location = ServiceLocation(code="YSTAD", name="Hörselmottagningen Ystad")
        session.add_all([central, direct, other_location])
        session.flush()
        session.add(
            Warehouse(
                code="L-YSTAD",
                name="Eget förråd Ystad",
                kind=WarehouseKind.OWN_STOCK,
                service_location_id=other_location.id,
            )
        )
        for code, title in (
            ("22", "Hjälpmedel för kommunikation och information"),
            ("2206", "Hjälpmedel för hörsel"),
            ("220606", "Hörapparater, kroppsburna"),
            ("220615", "Hörapparater, bakom örat"),
            ("2209", "Hjälpmedel för rösten"),
            ("24", "Hjälpmedel för att hantera produkter"),
        ):
            session.add(IsoCode(code=code, title=title))
        oticon = Supplier(number="S1", name="Oticon AB")
        phonak = Supplier(number="S2", name="Sonova Nordic AB (Phonak)")
        session.add_all([oticon, phonak])
        session.flush()
        articles = {
            "dome8": _article(session, oticon, "100001", "Dome öppen 8 mm", "220615", reorder_level=10),
            "dome10": _article(session, oticon, "100002", "Dome tulpan 10 mm", "220615"),
            "aid": _article(session, phonak, "100003", "Audéo Lumity 90 RIC", "220615", ArticleType.MAIN_AID),
            "body": _article(
                session, phonak, "100004", "Kroppsburen förstärkare", "220606", ArticleType.MAIN_AID
            ),
            "voice": _article(session, oticon, "100005", "Röstförstärkare", "2209", in_assortment=False),
            "filter": _article(
                session, oticon, "100006", "Filter ProWax", "220615", ArticleType.SPARE_PART, reorder_level=5
            ),
            "unheld": _article(session, oticon, "100007", "Dome power 12 mm", "220615"),
        }
        move(session, own.id, articles["dome8"], 12)
        move(session, own.id, articles["dome8"], -5, MovementReason.WITHDRAWAL)  # 7, below its level 10
        move(session, own.id, articles["dome10"], 4)
        move(session, own.id, articles["dome10"], -4, MovementReason.WITHDRAWAL)  # zero
        move(session, own.id, articles["aid"], 3)
        move(session, own.id, articles["body"], -1, MovementReason.WITHDRAWAL)  # negative
        move(session, own.id, articles["voice"], 2)
        move(session, own.id, articles["filter"], 20)
        move(session, central.id, articles["dome10"], 100)
        move(session, direct.id, articles["aid"], 5)
        move(session, direct.id, articles["aid"], -6, MovementReason.WITHDRAWAL)
        context = WorkContext(
            user.id, user.username, user.full_name, location.id, location.code, location.name
        )
        ids = (own.id, central.id, direct.id)
    yield Stock(context, *ids, articles)


def names(database: Database, **conditions: object) -> list[str]:
    with database.read() as session:
        return [row.name for row in balance_list(session, **conditions).rows]  # type: ignore[arg-type]


# -- R33 ---------------------------------------------------------------------------------------------


def test_r33_stock_search_every_criterion_must_match_with_a_hit_count(
    database: Database, stock: Stock
) -> None:
    with database.read() as session:
        found = balance_list(session, warehouse_id=stock.own, text="dome 8")
        assert [row.name for row in found.rows] == ["Dome öppen 8 mm"]
        assert found.total == 1
        by_supplier = balance_list(session, warehouse_id=stock.own, text="oticon dome")
        assert by_supplier.total == 2
        by_number = balance_list(session, warehouse_id=stock.own, text="X-100003")
        assert [row.name for row in by_number.rows] == ["Audéo Lumity 90 RIC"]


def test_r33_stock_search_needs_three_characters_or_none_for_all(database: Database, stock: Stock) -> None:
    with database.read() as session:
        short = balance_list(session, warehouse_id=stock.own, text="do")
        assert short.rows == () and short.refusal
        everything = balance_list(session, warehouse_id=stock.own, text="")
    assert everything.total == 6  # every article the warehouse has a ledger for
    assert "Dome power 12 mm" not in [row.name for row in everything.rows]


def test_r33_stock_search_filters_type_and_assortment(database: Database, stock: Stock) -> None:
    assert names(database, warehouse_id=stock.own, article_type=ArticleType.MAIN_AID) == [
        "Audéo Lumity 90 RIC",
        "Kroppsburen förstärkare",
    ]
    assert "Röstförstärkare" not in names(database, warehouse_id=stock.own, assortment_only=True)
    assert "Röstförstärkare" in names(database, warehouse_id=stock.own)


# -- R34 ---------------------------------------------------------------------------------------------


def test_r34_iso_tree_levels_2_4_and_6_digits(database: Database, stock: Stock) -> None:
    with database.read() as session:
        top = iso_children(session)
        assert [(n.code, n.level, n.has_children) for n in top] == [("22", 1, True), ("24", 1, False)]
        assert top[0].articles == 7
        middle = iso_children(session, "22")
        assert [(n.code, n.level, n.has_children) for n in middle] == [("2206", 2, True), ("2209", 2, False)]
        leaves = iso_children(session, "2206")
        assert [(n.code, n.level, n.has_children, n.articles) for n in leaves] == [
            ("220606", 3, False, 1),
            ("220615", 3, False, 5),
        ]


def test_r34_iso_node_lists_its_articles(database: Database, stock: Stock) -> None:
    assert names(database, warehouse_id=stock.own, iso_code="220606") == ["Kroppsburen förstärkare"]
    assert "Röstförstärkare" not in names(database, warehouse_id=stock.own, iso_code="2206")
    assert names(database, warehouse_id=stock.own, iso_code="2209") == ["Röstförstärkare"]
    catalogue = names(
        database, warehouse_id=stock.own, iso_code="220615", balance_filter=BalanceFilter.ALL_ARTICLES
    )
    assert "Dome power 12 mm" in catalogue  # the catalogue's articles of the node, held or not


# -- R35 ---------------------------------------------------------------------------------------------


def test_r35_balance_filters_zero_below_reorder_level_and_negative(database: Database, stock: Stock) -> None:
    assert names(database, warehouse_id=stock.own, balance_filter=BalanceFilter.ZERO) == ["Dome tulpan 10 mm"]
    assert names(database, warehouse_id=stock.own, balance_filter=BalanceFilter.BELOW_REORDER_LEVEL) == [
        "Dome öppen 8 mm"
    ]
    assert names(database, warehouse_id=stock.own, balance_filter=BalanceFilter.NEGATIVE) == [
        "Kroppsburen förstärkare"
    ]
    assert names(database, warehouse_id=stock.own, balance_filter=BalanceFilter.IN_STOCK) == [
        "Audéo Lumity 90 RIC",
        "Dome öppen 8 mm",
        "Filter ProWax",
        "Röstförstärkare",
    ]
    with database.read() as session:
        balances = {r.name: r.balance for r in balance_list(session, warehouse_id=stock.own).rows}
    assert balances == {
        "Audéo Lumity 90 RIC": 3,
        "Dome tulpan 10 mm": 0,
        "Dome öppen 8 mm": 7,
        "Filter ProWax": 20,
        "Kroppsburen förstärkare": -1,
        "Röstförstärkare": 2,
    }


def test_r35_balances_are_per_warehouse(database: Database, stock: Stock) -> None:
    with database.read() as session:
        central = balance_list(session, warehouse_id=stock.central)
    assert [(r.name, r.balance) for r in central.rows] == [("Dome tulpan 10 mm", 100)]


def test_r35_750_never_shows_a_balance(database: Database, stock: Stock) -> None:
    with database.read() as session:
        for balance_filter in BalanceFilter:
            listing = balance_list(session, warehouse_id=stock.direct, balance_filter=balance_filter)
            assert not listing.shows_balance
            assert listing.rows and all(row.balance is None for row in listing.rows)
        ledger = article_ledger(session, article_id=stock.articles["aid"], warehouse_id=stock.direct)
        assert ledger.balance is None
        with pytest.raises(NotFound):
            stock_report(session, warehouse_id=stock.direct, context=stock.context)
    with database.write() as session:  # even a 750 tied to the user's own service location
        direct = session.get(Warehouse, stock.direct)
        assert direct is not None
        direct.service_location_id = stock.context.service_location_id
    with database.read() as session:
        offered = [w.code for w in stock_warehouses(session, stock.context)]
    assert "750" not in offered


def test_r35_warehouses_of_the_users_locations_then_70(database: Database, stock: Stock) -> None:
    with database.read() as session:
        offered = [w.code for w in stock_warehouses(session, stock.context)]
    assert offered == ["L-LUND", "70"]  # not Ystad's stock: the user does not work there


def test_r35_balance_table_follows_the_ledger(database: Database, stock: Stock) -> None:
    """The triggers keep the balance of every warehouse and article equal to its ledger's sum, through
    inserts, updates (a warehouse, an article or a quantity changed) and deletions (a tombstone)."""
    with database.write() as session:
        row = move(session, stock.own, stock.articles["unheld"], 3)
        row.quantity = 8
        moved = move(session, stock.own, stock.articles["filter"], -2, MovementReason.WITHDRAWAL)
        moved.warehouse_id = stock.central
        session.flush()
        first = session.scalars(
            select(StockMovement).where(StockMovement.article_id == stock.articles["aid"])
        ).first()
        session.delete(first)
    with database.read() as session:
        cached = set(session.execute(text("SELECT warehouse_id, article_id, quantity FROM stock_balance")))
        summed = set(
            session.execute(
                text("SELECT warehouse_id, article_id, sum(quantity) FROM stock_movement GROUP BY 1, 2")
            )
        )
    # A warehouse whose last movement of an article was deleted keeps a balance of 0 for it.
    assert {row for row in cached if row[2] != 0} == {row for row in summed if row[2] != 0}
    assert {row[:2] for row in summed} <= {row[:2] for row in cached}


def test_r35_ledger_newest_first_with_reason_document_and_who(database: Database, stock: Stock) -> None:
    with database.write() as session:
        user = session.scalars(select(User)).one()
        location = session.scalars(select(ServiceLocation).where(ServiceLocation.code == "LUND")).one()
        patient = factories.patient(session)
        order = Order(
            number="26480012",
            kind=OrderKind.OWN_STOCK_PRESCRIPTION,
            patient_id=patient.id,
            service_location_id=location.id,
            orderer_id=user.id,
            prescriber_id=user.id,
        )
        session.add(order)
        session.flush()
        start = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
        for day, quantity, reason in (
            (3, 5, MovementReason.GOODS_RECEIPT),
            (5, -2, MovementReason.WITHDRAWAL),
        ):
            move(
                session,
                stock.own,
                stock.articles["unheld"],
                quantity,
                reason,
                occurred_at=start + dt.timedelta(days=day),
                user_id=user.id,
                document_kind="order",
                document_id=order.id,
            )
    with database.read() as session:
        ledger = article_ledger(session, article_id=stock.articles["unheld"], warehouse_id=stock.own)
    assert [(r.quantity, r.reason, r.document_number, r.user_name) for r in ledger.rows] == [
        (-2, MovementReason.WITHDRAWAL, "26480012", "Anna Audionom"),
        (5, MovementReason.GOODS_RECEIPT, "26480012", "Anna Audionom"),
    ]
    assert ledger.balance == 3 and ledger.total == 2


def test_r35_stock_balance_report_pdf_lists_the_warehouse(database: Database, stock: Stock) -> None:
    with database.read() as session:
        report = stock_report(
            session, warehouse_id=stock.own, context=stock.context, balance_filter=BalanceFilter.IN_WAREHOUSE
        )
    reader = PdfReader(io.BytesIO(render_stock_report(report)))
    printed = " ".join(page.extract_text() for page in reader.pages)
    assert "Stock balance report" in printed
    assert "L-LUND Eget förråd Lund" in printed
    assert "Anna Audionom" in printed
    for row in report.rows:
        assert row.name in printed
    assert "Dome power 12 mm" not in printed  # never held here
    assert "Kroppsburen förstärkare" in printed and "-1" in printed
