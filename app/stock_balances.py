"""What the Stock tab reads (R33–R35): the warehouses a clerk may look into, a warehouse's balances for every
article found (by search, by ISO node, by type and by balance), the ISO 9999 assortment tree, an article's
ledger, and the stock balance report's rows.

Read only: nothing here writes a stock movement. Balances come from the ledger: on a workstation through
the ``stock_balance`` table that triggers on ``stock_movement`` keep (migration 0011, a local derived
table that sync never writes), elsewhere summed from the movements themselves.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Uuid,
    and_,
    bindparam,
    func,
    literal,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import Session

from app.articles import article_match
from app.errors import NotFound
from app.i18n import QT_TRANSLATE_NOOP
from app.organisation import WorkContext
from db.models import (
    Article,
    GoodsReceipt,
    Individual,
    IsoCode,
    Order,
    PickupOrder,
    PurchaseOrder,
    ServiceLocation,
    StockMovement,
    StockReturn,
    Supplier,
    User,
    UserServiceLocation,
    Warehouse,
)
from db.models.enums import ArticleStatus, ArticleType, MovementReason, WarehouseKind
from db.models.stock import stock_balance

#: Rows a balance list returns at most (the clerk narrows with a word, a node or a filter; the report has all).
BALANCE_PAGE = 200
#: Movements an article's ledger shows at most, newest first.
LEDGER_PAGE = 100


class BalanceFilter(enum.StrEnum):
    """Which articles a balance list shows (R35)."""

    IN_WAREHOUSE = "in_warehouse"  # every article the warehouse has a ledger for
    IN_STOCK = "in_stock"  # balance above zero
    ZERO = "zero"
    BELOW_REORDER_LEVEL = "below_reorder_level"  # a reorder level is set and the balance is below it
    NEGATIVE = "negative"
    ALL_ARTICLES = "all_articles"  # the whole catalogue, each with the warehouse's balance (0 if none)


@dataclass(frozen=True)
class StockWarehouse:
    id: uuid.UUID
    code: str
    name: str
    kind: WarehouseKind
    service_location_name: str
    shows_balance: bool


@dataclass(frozen=True)
class BalanceRow:
    article_id: uuid.UUID
    article_number: str
    name: str
    supplier_name: str
    supplier_article_number: str
    article_type: ArticleType
    status: ArticleStatus
    iso_code: str
    unit: str
    reorder_level: int
    in_assortment: bool
    #: The warehouse's balance; None for a warehouse that shows none (750).
    balance: int | None


@dataclass(frozen=True)
class BalanceList:
    warehouse_id: uuid.UUID
    shows_balance: bool
    rows: tuple[BalanceRow, ...]
    #: Every article the conditions match, even beyond the rows returned; None when not counted yet.
    total: int | None
    #: A translatable sentence saying why nothing was searched ("type at least 3 characters").
    refusal: str = ""


@dataclass(frozen=True)
class IsoNode:
    code: str  # 2, 4 or 6 digits
    title: str
    has_children: bool
    articles: int  # articles of the catalogue under this node

    @property
    def level(self) -> int:
        return len(self.code) // 2


@dataclass(frozen=True)
class LedgerRow:
    occurred_at: dt.datetime
    quantity: int
    reason: MovementReason
    document_number: str  # the order, purchase order, return or pickup order number the clerk knows
    user_name: str
    individual_number: str


@dataclass(frozen=True)
class ArticleLedger:
    article_number: str
    article_name: str
    warehouse_code: str
    warehouse_name: str
    balance: int | None
    rows: tuple[LedgerRow, ...]  # newest first
    total: int  # every movement of the article in the warehouse


@dataclass(frozen=True)
class StockReport:
    """The stock balance report ("Lagersaldorapport") of one warehouse: every article it holds."""

    warehouse_code: str
    warehouse_name: str
    service_location_name: str
    printed_by: str
    printed_at: dt.datetime
    balance_filter: BalanceFilter
    rows: tuple[BalanceRow, ...]


# -- warehouses --------------------------------------------------------------------------------------


def stock_warehouses(session: Session, context: WorkContext) -> tuple[StockWarehouse, ...]:
    """The warehouses of the user's service locations (the chosen location's first), then the central
    warehouse 70. The direct-purchase warehouse 750 holds no balance to look at and is left out."""
    own = select(UserServiceLocation.service_location_id).where(
        UserServiceLocation.user_id == context.user_id
    )
    rows = session.execute(
        select(Warehouse, ServiceLocation.name)
        .outerjoin(ServiceLocation, ServiceLocation.id == Warehouse.service_location_id)
        .where(
            or_(
                Warehouse.service_location_id.in_(own),
                Warehouse.service_location_id == context.service_location_id,
                Warehouse.kind == WarehouseKind.CENTRAL,
            ),
            Warehouse.kind != WarehouseKind.DIRECT_PURCHASE,
        )
    ).all()

    def order(row: Any) -> tuple[int, str]:
        warehouse = row[0]
        if warehouse.service_location_id == context.service_location_id:
            rank = 0 if warehouse.kind is WarehouseKind.OWN_STOCK else 1
        else:
            rank = 3 if warehouse.kind is WarehouseKind.CENTRAL else 2
        return rank, warehouse.code

    return tuple(
        StockWarehouse(
            warehouse.id,
            warehouse.code,
            warehouse.name,
            warehouse.kind,
            location or "",
            warehouse.shows_balance,
        )
        for warehouse, location in sorted(rows, key=order)
    )


# -- balances ----------------------------------------------------------------------------------------

_article = Article.__table__
_movement = StockMovement.__table__


def _uses_cache(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _balance_of(session: Session, warehouse_id: uuid.UUID) -> Any:
    """The warehouse's balance of the article of the outer row (NULL when it has no ledger for it)."""
    if _uses_cache(session):
        return (
            select(stock_balance.c.quantity)
            .where(stock_balance.c.warehouse_id == warehouse_id, stock_balance.c.article_id == _article.c.id)
            .scalar_subquery()
        )
    return (
        select(func.sum(_movement.c.quantity))
        .where(_movement.c.warehouse_id == warehouse_id, _movement.c.article_id == _article.c.id)
        .scalar_subquery()
    )


def _balances(session: Session, warehouse_id: uuid.UUID) -> Any:
    """A (article_id, quantity) selectable of one warehouse's balances, one row per article it holds."""
    if _uses_cache(session):
        return (
            select(stock_balance.c.article_id, stock_balance.c.quantity)
            .where(stock_balance.c.warehouse_id == warehouse_id)
            .subquery("held")
        )
    return (
        select(_movement.c.article_id, func.sum(_movement.c.quantity).label("quantity"))
        .where(_movement.c.warehouse_id == warehouse_id)
        .group_by(_movement.c.article_id)
        .subquery("held")
    )


def _balance_condition(quantity: Any, balance_filter: BalanceFilter) -> ColumnElement[bool] | None:
    match balance_filter:
        case BalanceFilter.IN_WAREHOUSE:
            return quantity.is_not(None)
        case BalanceFilter.IN_STOCK:
            return quantity > 0
        case BalanceFilter.ZERO:
            return quantity == 0
        case BalanceFilter.NEGATIVE:
            return quantity < 0
        case BalanceFilter.BELOW_REORDER_LEVEL:
            # A literal 0, so SQLite can use the partial index of articles with a reorder level.
            return and_(_article.c.reorder_level > literal_column("0"), quantity < _article.c.reorder_level)
        case BalanceFilter.ALL_ARTICLES:
            return None


#: Filters that few balances of a warehouse pass: their lists start from those balances and sort what they
#: find; the others walk the articles in name order (those below a reorder level: the few articles that
#: have one, through their partial index) and stop at the page.
_SELECTIVE = frozenset((BalanceFilter.ZERO, BalanceFilter.NEGATIVE))


def _article_conditions(
    session: Session, *, text: str, article_type: ArticleType | None, assortment_only: bool, iso_code: str
) -> tuple[list[ColumnElement[bool]], str]:
    conditions: list[ColumnElement[bool]] = []
    match, refusal = article_match(session, text)
    if match is not None:
        conditions.append(match)
    if article_type is not None:
        conditions.append(_article.c.article_type == article_type)
    if assortment_only:
        conditions.append(_article.c.in_assortment.is_(True))
    if iso_code:
        conditions.append(_article.c.iso_code.startswith(iso_code, autoescape=True))
    return conditions, refusal


def _columns() -> tuple[Any, ...]:
    supplier = Supplier.__table__
    supplier_name = select(supplier.c.name).where(supplier.c.id == _article.c.supplier_id).scalar_subquery()
    return (
        _article.c.id,
        _article.c.article_number,
        _article.c.name,
        supplier_name,
        _article.c.supplier_article_number,
        _article.c.article_type,
        _article.c.status,
        _article.c.iso_code,
        _article.c.unit,
        _article.c.reorder_level,
        _article.c.in_assortment,
    )


def _rows(
    session: Session,
    warehouse: Warehouse,
    conditions: list[ColumnElement[bool]],
    balance_filter: BalanceFilter,
) -> Select[Any]:
    """The rows of one balance list, unordered and unlimited."""
    if not warehouse.shows_balance:  # 750: the catalogue without a balance, whatever the filter (R35)
        return select(*_columns(), literal(None).label("quantity")).where(*conditions)
    if balance_filter in _SELECTIVE:
        held = _balances(session, warehouse.id)
        wanted = _balance_condition(held.c.quantity, balance_filter)
        return (
            select(*_columns(), held.c.quantity)
            .select_from(_article.join(held, held.c.article_id == _article.c.id))
            .where(*conditions, *([wanted] if wanted is not None else []))
        )
    quantity = _balance_of(session, warehouse.id)
    wanted = _balance_condition(quantity, balance_filter)
    return select(*_columns(), func.coalesce(quantity, 0)).where(
        *conditions, *([wanted] if wanted is not None else [])
    )


def _count(
    session: Session,
    warehouse: Warehouse,
    conditions: list[ColumnElement[bool]],
    balance_filter: BalanceFilter,
) -> Select[Any]:
    if not warehouse.shows_balance or balance_filter is BalanceFilter.ALL_ARTICLES:
        return select(func.count()).select_from(_article).where(*conditions)
    held = _balances(session, warehouse.id)
    wanted = _balance_condition(held.c.quantity, balance_filter)
    return (
        select(func.count())
        .select_from(_article.join(held, held.c.article_id == _article.c.id))
        .where(*conditions, *([wanted] if wanted is not None else []))
    )


def _row(row: Any, shows_balance: bool) -> BalanceRow:
    return BalanceRow(
        article_id=row[0],
        article_number=row[1],
        name=row[2],
        supplier_name=row[3] or "",
        supplier_article_number=row[4],
        article_type=ArticleType(row[5]),
        status=ArticleStatus(row[6]),
        iso_code=row[7],
        unit=row[8],
        reorder_level=row[9],
        in_assortment=row[10],
        balance=int(row[11]) if shows_balance and row[11] is not None else None,
    )


def _warehouse(session: Session, warehouse_id: uuid.UUID) -> Warehouse:
    warehouse = session.get(Warehouse, warehouse_id)
    if warehouse is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The warehouse was not found; choose it again."))
    return warehouse


def balance_list(
    session: Session,
    *,
    warehouse_id: uuid.UUID,
    text: str = "",
    article_type: ArticleType | None = None,
    assortment_only: bool = False,
    iso_code: str = "",
    balance_filter: BalanceFilter = BalanceFilter.IN_WAREHOUSE,
    limit: int = BALANCE_PAGE,
    count: bool = True,
) -> BalanceList:
    """R33–R35: the articles of one warehouse (or the catalogue) that match the search text (R33: every
    criterion, at least three characters; empty for all), the type, the assortment, the ISO node (R34) and
    the balance filter, in name order, each with the warehouse's balance. A warehouse that shows no
    balance (750) lists the catalogue without one.

    A full page is counted to the end only with *count* (else ``total`` is None): the tab shows the first
    rows at once and asks ``balance_count`` for the number afterwards."""
    warehouse = _warehouse(session, warehouse_id)
    conditions, refusal = _article_conditions(
        session, text=text, article_type=article_type, assortment_only=assortment_only, iso_code=iso_code
    )
    if refusal:
        return BalanceList(warehouse.id, warehouse.shows_balance, (), 0, refusal)
    name: Any = _article.c.name
    if balance_filter is BalanceFilter.BELOW_REORDER_LEVEL and _uses_cache(session):
        # Few articles have a reorder level: start from their partial index and sort them ("+name" keeps
        # SQLite from walking every article in name order to find them).
        name = literal_column("+article.name")
    page = (
        _rows(session, warehouse, conditions, balance_filter)
        .order_by(name, _article.c.article_number)
        .limit(limit)
    )
    found = tuple(_row(row, warehouse.shows_balance) for row in session.execute(page))
    total: int | None = len(found)
    if len(found) >= limit:
        total = (
            (session.scalar(_count(session, warehouse, conditions, balance_filter)) or 0) if count else None
        )
    return BalanceList(warehouse.id, warehouse.shows_balance, found, total)


def balance_count(
    session: Session,
    *,
    warehouse_id: uuid.UUID,
    text: str = "",
    article_type: ArticleType | None = None,
    assortment_only: bool = False,
    iso_code: str = "",
    balance_filter: BalanceFilter = BalanceFilter.IN_WAREHOUSE,
) -> int:
    """How many articles ``balance_list`` with the same conditions finds in all (the hit count, R33)."""
    warehouse = _warehouse(session, warehouse_id)
    conditions, refusal = _article_conditions(
        session, text=text, article_type=article_type, assortment_only=assortment_only, iso_code=iso_code
    )
    if refusal:
        return 0
    return session.scalar(_count(session, warehouse, conditions, balance_filter)) or 0


# -- the ISO 9999 tree (R34) -------------------------------------------------------------------------


def iso_children(session: Session, parent: str = "") -> tuple[IsoNode, ...]:
    """The nodes one level below *parent* ("" for the 2-digit level: 22 → 22 06 → 22 06 15), each with
    the number of catalogue articles under it."""
    length = len(parent) + 2
    codes = list(session.execute(select(IsoCode.code, IsoCode.title).order_by(IsoCode.code)))
    children = [(code, title) for code, title in codes if len(code) == length and code.startswith(parent)]
    deeper = {code[:length] for code, _title in codes if len(code) > length}
    prefix = func.substr(Article.iso_code, 1, length)
    counts: dict[str, int] = dict(
        session.execute(
            select(prefix, func.count())
            .where(Article.iso_code.startswith(parent, autoescape=True))
            .group_by(prefix)
        ).all()
    )
    return tuple(IsoNode(code, title, code in deeper, counts.get(code, 0)) for code, title in children)


# -- an article's ledger (R35) -----------------------------------------------------------------------


def article_ledger(
    session: Session, *, article_id: uuid.UUID, warehouse_id: uuid.UUID, limit: int = LEDGER_PAGE
) -> ArticleLedger:
    """An article's movements in one warehouse, newest first (the newest *limit*), each with its reason,
    the number of the document that caused it and who made it. One statement through the ledger index;
    each movement's document, user and individual are looked up by their keys."""
    named = session.execute(
        select(_article.c.article_number, _article.c.name).where(_article.c.id == article_id)
    ).first()
    if named is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The article was not found; search again."))
    warehouse = _warehouse(session, warehouse_id)
    where = (_movement.c.article_id == article_id, _movement.c.warehouse_id == warehouse_id)
    movements = session.execute(_ledger_page(limit), {"article_id": article_id, "warehouse_id": warehouse_id})
    rows = tuple(
        LedgerRow(
            occurred_at=occurred_at,
            quantity=quantity,
            reason=MovementReason(reason),
            document_number=number or "",
            user_name=user_name or "",
            individual_number=individual_number or "",
        )
        for occurred_at, quantity, reason, number, user_name, individual_number in movements
    )
    total = len(rows) if len(rows) < limit else session.scalar(select(func.count()).where(*where)) or 0
    balance: int | None = None
    if warehouse.shows_balance:
        held = (
            select(stock_balance.c.quantity).where(
                stock_balance.c.warehouse_id == warehouse_id, stock_balance.c.article_id == article_id
            )
            if _uses_cache(session)
            else select(func.sum(_movement.c.quantity)).where(*where)
        )
        balance = int(session.scalar(held) or 0)
    return ArticleLedger(named[0], named[1], warehouse.code, warehouse.name, balance, rows, total)


@cache
def _ledger_page(limit: int) -> Select[Any]:
    """Built once (its aliases take longer to build than the page takes to read). The newest *limit* movements of ``:article_id`` in ``:warehouse_id`` with the number the clerk knows
    for their document: an order's, a purchase order's, a return's or a pickup order's own number; a goods
    receipt goes by its purchase order's number, else its order's."""
    user = User.__table__
    individual = Individual.__table__
    order = Order.__table__.alias("document_order")
    purchase = PurchaseOrder.__table__.alias("document_purchase")
    returned = StockReturn.__table__.alias("document_return")
    pickup = PickupOrder.__table__.alias("document_pickup")
    receipt = GoodsReceipt.__table__.alias("document_receipt")
    receipt_purchase = PurchaseOrder.__table__.alias("receipt_purchase")
    receipt_order = Order.__table__.alias("receipt_order")
    document = _movement.c.document_id
    joined = (
        _movement.outerjoin(user, user.c.id == _movement.c.user_id)
        .outerjoin(individual, individual.c.id == _movement.c.individual_id)
        .outerjoin(order, order.c.id == document)
        .outerjoin(purchase, purchase.c.id == document)
        .outerjoin(returned, returned.c.id == document)
        .outerjoin(pickup, pickup.c.id == document)
        .outerjoin(receipt, receipt.c.id == document)
        .outerjoin(receipt_purchase, receipt_purchase.c.id == receipt.c.purchase_order_id)
        .outerjoin(receipt_order, receipt_order.c.id == receipt.c.order_id)
    )
    return (
        select(
            _movement.c.occurred_at,
            _movement.c.quantity,
            _movement.c.reason,
            func.coalesce(
                order.c.number,
                purchase.c.number,
                returned.c.number,
                pickup.c.number,
                receipt_purchase.c.number,
                receipt_order.c.number,
            ),
            user.c.full_name,
            individual.c.individual_number,
        )
        .select_from(joined)
        .where(
            _movement.c.article_id == bindparam("article_id", type_=Uuid()),
            _movement.c.warehouse_id == bindparam("warehouse_id", type_=Uuid()),
        )
        .order_by(_movement.c.occurred_at.desc())  # the ledger index's order: the page is read, not sorted
        .limit(limit)
    )


# -- the stock balance report (R35) ------------------------------------------------------------------


def stock_report(
    session: Session,
    *,
    warehouse_id: uuid.UUID,
    context: WorkContext,
    balance_filter: BalanceFilter = BalanceFilter.IN_WAREHOUSE,
    article_type: ArticleType | None = None,
    now: dt.datetime | None = None,
) -> StockReport:
    """Every article of one warehouse the filters leave, in name order, with its balance: what the stock
    balance report prints. A warehouse that shows no balance (750) has no report."""
    warehouse = _warehouse(session, warehouse_id)
    if not warehouse.shows_balance:
        raise NotFound(
            QT_TRANSLATE_NOOP("app", "The warehouse {code} keeps no balance to report."), code=warehouse.code
        )
    conditions, _refusal = _article_conditions(
        session, text="", article_type=article_type, assortment_only=False, iso_code=""
    )
    rows = _rows(session, warehouse, conditions, balance_filter)
    location = (
        session.get(ServiceLocation, warehouse.service_location_id) if warehouse.service_location_id else None
    )
    return StockReport(
        warehouse_code=warehouse.code,
        warehouse_name=warehouse.name,
        service_location_name=location.name if location is not None else "",
        printed_by=context.user_name,
        printed_at=now or dt.datetime.now(dt.UTC),
        balance_filter=balance_filter,
        rows=tuple(
            _row(row, True)
            for row in session.execute(rows.order_by(_article.c.name, _article.c.article_number))
        ),
    )
