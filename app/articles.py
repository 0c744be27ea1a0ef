"""Article search (R33) with the balances the clerk needs and the status rules of R12."""

from __future__ import annotations

import logging
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnClause,
    ColumnElement,
    Select,
    Subquery,
    and_,
    bindparam,
    case,
    column,
    func,
    literal_column,
    select,
    table,
)
from sqlalchemy import text as sql
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry

from app.i18n import QT_TRANSLATE_NOOP
from db.models import Article, StockMovement, Supplier, Warehouse
from db.models.enums import ArticleStatus, ArticleType, WarehouseKind
from db.models.stock import stock_balance

log = logging.getLogger(__name__)

MIN_SEARCH_CHARACTERS = 3
#: Without the connection's name order (``temp.article_order``), the page of many matches is found by
#: walking the name index until it has filled (at worst every article), of few by looking each match up and
#: sorting them. Looking one match up and sorting it costs about as much as walking this many entries of the
#: index (on the large demo catalogue: about 1 µs against 44 ns; its 50 000 articles walked in 2.2 ms), so
#: the walk is taken from one match in this many articles.
WALK_PER_LOOKUP = 25
#: In the connection's name order, a search without filters and with many matches first walks this many
#: times the places that hold a page of its matches if they were spread evenly (``_walked_page``); only
#: when that does not fill the page (the matches sit later: "örkrok …") are they all sorted.
WALK_SPAN = 3
# Marks the index writes around each character of a search key and before each pair of adjacent characters
# (migration 0005), so a criterion of one or two characters is a three-character term of the index too.
ONE_CHARACTER, TWO_CHARACTERS = "\ue000", "\ue001"
_MARKS = str.maketrans("", "", "\ue000\ue001\ue002")
#: The mark between the search key and its characters and pairs in the indexed text.
_KEY_END = "\ue002"


def indexed_text(search_key: str | None) -> str | None:
    """What the full-text index holds for an article's *search_key*: the text the view
    ``article_search_text`` of migration 0005 gives, character for character (the key, a mark, then its
    distinct characters other than spaces and its distinct pairs of adjacent characters without a space,
    each with its marks, in code-point order, which is SQLite's binary order of their UTF-8). An external-
    content index must be fed the text its view gives, or a later deletion leaves terms behind; a first
    download feeds thousands of articles at once, and here it takes less than half the view's time."""
    if search_key is None:
        return None
    terms = {ONE_CHARACTER + c + ONE_CHARACTER for c in search_key if c != " "}
    terms.update(
        TWO_CHARACTERS + search_key[n : n + 2]
        for n in range(len(search_key) - 1)
        if " " not in search_key[n : n + 2]
    )
    return search_key + _KEY_END + "".join(sorted(terms))


@dataclass(frozen=True)
class ArticleHit:
    id: uuid.UUID
    article_number: str
    name: str
    supplier_name: str
    supplier_article_number: str
    article_type: ArticleType
    status: ArticleStatus
    price: Decimal
    individually_marked: bool
    in_assortment: bool
    #: Balance in the warehouse the search was made for; None when it shows no balance (750) or none given.
    balance: int | None


@dataclass(frozen=True)
class ArticleSearch:
    text: str
    hits: tuple[ArticleHit, ...]
    total: int  # all matches, even beyond the hits returned
    #: A translatable template telling the clerk why nothing was searched ("type at least 3 characters").
    refusal: str = ""


def search_key(name: str, supplier_name: str, supplier_article_number: str, article_number: str) -> str:
    """What R33 matches against: name, supplier, supplier article number and article number, lower-cased."""
    return f"{name} {supplier_name} {supplier_article_number} {article_number}".lower()


def search_articles(
    session: Session,
    text: str,
    *,
    warehouse_id: uuid.UUID | None = None,
    article_type: ArticleType | None = None,
    assortment_only: bool = False,
    limit: int = 100,
) -> ArticleSearch:
    """R33: every space-separated criterion must match; at least three characters in all."""
    criteria = text.lower().translate(_MARKS).split()
    if len("".join(criteria)) < MIN_SEARCH_CHARACTERS:
        return ArticleSearch(
            text, (), 0, QT_TRANSLATE_NOOP("app", "Type at least 3 characters to search for articles.")
        )
    params: dict[str, Any] = {"limit": limit, "warehouse_id": warehouse_id, "article_type": article_type}
    filtered = article_type is not None or assortment_only
    rows: Sequence[Any] | None = None
    if session.get_bind().dialect.name == "sqlite":
        indexed_total = _find(session, " AND ".join(map(_term, criteria)))
        if _in_name_order(session):
            size = _catalogue_size(session)
            if not filtered and indexed_total * WALK_PER_LOOKUP > size:
                rows = _walked_page(session, params, indexed_total, size)
            count, page = _ordered_statements(
                filtered_type=article_type is not None, assortment_only=assortment_only
            )
        else:
            broad = indexed_total * WALK_PER_LOOKUP > _catalogue_size(session)
            count, page = _statements(
                filtered_type=article_type is not None, assortment_only=assortment_only, broad=broad
            )
        total = (session.scalar(count, params) or 0) if filtered else indexed_total
    else:  # the central database has no index for it (workstations search their own copy)
        count, page = _scanning_statements(
            criteria, filtered_type=article_type is not None, assortment_only=assortment_only
        )
        total = session.scalar(count, params) or 0
    if rows is None:
        rows = session.connection().execute(page, params).all()
    # Plain rows through SQLAlchemy Core (no ORM objects per keystroke), with the balance of each returned row
    # (None from the page itself when the warehouse shows none, or none is given).
    hits = tuple(
        ArticleHit(
            id=row[0],
            article_number=row[1],
            name=row[2],
            supplier_name=row[3],
            supplier_article_number=row[4],
            article_type=row[5],
            status=row[6],
            price=row[7],
            individually_marked=row[8],
            in_assortment=row[9],
            balance=None if row[10] is None else int(row[10]),
        )
        for row in rows
    )
    return ArticleSearch(text, hits, total)


_article = Article.__table__
#: The rowids of the articles the full-text index found for the current search, kept in a temporary table
#: of the connection (its own, not in the database file): the index is asked once per keystroke, and both
#: the count and the page read its answer (asked twice, the index's work was half of a keystroke's time).
_FOUND = table("article_found", column("article_rowid"), schema="temp")
_FIND = "INSERT INTO temp.article_found (article_rowid) SELECT rowid FROM article_search WHERE article_search MATCH ?"


#: Each article's place in name order (name, then article number; the table's key) and the two columns the
#: filters ask, kept by each read connection in its temporary memory (the process grew by 5.5 MB when one
#: connection made it for the 50 000 articles of the large demo catalogue): a search walks its first places
#: or sorts its matches by this narrow table instead of looking each one up in the wide article table, whose
#: rows are spread over the file (1–3 ms for a few thousand matches on the large demo catalogue).
#: It is made when the connection goes back to the pool after a search found it missing or made at another
#: version of the catalogue (``article_catalogue_version``, counted up by triggers: migration 0017); until
#: then that connection's searches look their matches up.
_ORDER = table(
    "article_order",
    column("article_rowid"),
    column("place"),
    column("article_type", _article.c.article_type.type),
    column("in_assortment", _article.c.in_assortment.type),
    schema="temp",
)
#: The catalogue version a connection's ``temp.article_order`` was made at (in the pool's record of the
#: connection), and the mark of a connection whose search wanted it made again.
_ORDER_VERSION = "hearing_desk.article_order_version"
_ORDER_WANTED = "hearing_desk.article_order_wanted"
_CATALOGUE_VERSION = "SELECT version FROM article_catalogue_version"
_MAKE_ORDER = (
    "INSERT INTO temp.article_order (article_rowid, place, article_type, in_assortment) "
    "SELECT rowid, row_number() OVER (ORDER BY name, article_number), article_type, in_assortment FROM article"
)


def prepare_connection(dbapi_connection: Any) -> None:
    """Give a new connection to the workstation's database its ``temp.article_found`` and
    ``temp.article_order``: made once, outside any unit of work (a read unit of work ends in a rollback,
    which would undo the tables with their rows)."""
    dbapi_connection.execute(
        "CREATE TEMP TABLE IF NOT EXISTS article_found (article_rowid INTEGER PRIMARY KEY)"
    )
    dbapi_connection.execute(
        "CREATE TEMP TABLE IF NOT EXISTS article_order (place INTEGER PRIMARY KEY, "
        "article_rowid INTEGER NOT NULL UNIQUE, article_type TEXT, in_assortment INTEGER)"
    )


def refresh_name_order(dbapi_connection: sqlite3.Connection, record: ConnectionPoolEntry) -> None:
    """Pool check-in of a read connection: when a search on it wanted the name order (``_ORDER``), make it
    now, outside any unit of work, with the catalogue version it was made at (one snapshot). About 50 ms for
    the large demo catalogue, on the thread that ran the search, once per connection and catalogue change.
    A failure leaves the connection without it (its searches look their matches up)."""
    if not record.info.pop(_ORDER_WANTED, False) or dbapi_connection.in_transaction:
        return
    record.info.pop(_ORDER_VERSION, None)
    try:
        dbapi_connection.execute("BEGIN")
        try:
            version = dbapi_connection.execute(_CATALOGUE_VERSION).fetchone()[0]
            dbapi_connection.execute("DELETE FROM temp.article_order")
            dbapi_connection.execute(_MAKE_ORDER)
            dbapi_connection.execute("COMMIT")
        except BaseException:
            dbapi_connection.execute("ROLLBACK")
            raise
    except sqlite3.Error as error:
        log.warning("the article name order was not made: %s", error)
        return
    record.info[_ORDER_VERSION] = version


def _in_name_order(session: Session) -> bool:
    """Whether this connection's ``temp.article_order`` is of the catalogue this unit of work reads; if
    not, the connection is marked to make it again when it goes back to the pool (``refresh_name_order``)."""
    connection = session.connection()
    version = connection.exec_driver_sql(_CATALOGUE_VERSION).scalar()
    if version is not None and connection.info.get(_ORDER_VERSION) == version:
        return True
    connection.info[_ORDER_WANTED] = True
    return False


def _catalogue_size(session: Session) -> int:
    """About how many articles there are (the largest rowid: one step down the table, where a count reads
    all of it)."""
    return session.connection().exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM article").scalar() or 0


def _find(session: Session, match: str) -> int:
    """Fill ``temp.article_found`` with the matches of *match* (a criterion of any length is a term of the
    index, migration 0005); returns how many there are. The rows go with the unit of work (a read one
    ends in a rollback)."""
    connection = session.connection()
    connection.exec_driver_sql("DELETE FROM temp.article_found")
    return connection.exec_driver_sql(_FIND, (match,)).rowcount


def _page(conditions: list[Any], *, kept_balances: bool) -> Select[Any]:
    """The page of hits in name order: first the page's articles alone (name index, or the matches looked up
    and sorted), then for those *limit* rows only their columns, their supplier's name and (when the
    warehouse ``:warehouse_id`` shows one, asked once per page) their balance: the one the workstation
    keeps (*kept_balances*, ``stock_balance``), else summed from the ledger. Asked in one query, SQLite
    would sum the ledger and look up the supplier of every match before sorting them; a join would make it
    start from the supplier and sort every match instead of walking the name index and stopping at the
    page."""
    chosen = (
        select(_article.c.id)
        .where(*conditions)
        .order_by(_article.c.name, _article.c.article_number)
        .limit(bindparam("limit"))
        .subquery("page")
    )
    order = (_article.c.name, _article.c.article_number)
    return _page_of(chosen, _article.c.id == chosen.c.id, order, kept_balances=kept_balances)


def _page_of(
    chosen: Subquery, joined: ColumnElement[bool], order: tuple[Any, ...], *, kept_balances: bool
) -> Select[Any]:
    """The columns of the page's articles (*chosen*, joined to ``article`` by *joined*), in name order
    (*order*)."""
    movement = StockMovement.__table__
    kind = select(Warehouse.kind).where(Warehouse.id == bindparam("warehouse_id")).scalar_subquery()
    if kept_balances:
        balance: Any = func.coalesce(
            select(stock_balance.c.quantity)
            .where(
                stock_balance.c.warehouse_id == bindparam("warehouse_id"),
                stock_balance.c.article_id == _article.c.id,
            )
            .scalar_subquery(),
            0,
        )
    else:
        balance = (
            select(func.coalesce(func.sum(movement.c.quantity), 0))
            .where(
                movement.c.warehouse_id == bindparam("warehouse_id"), movement.c.article_id == _article.c.id
            )
            .scalar_subquery()
        )
    held = case((kind != WarehouseKind.DIRECT_PURCHASE, balance))
    supplier = Supplier.__table__
    supplier_name = select(supplier.c.name).where(supplier.c.id == _article.c.supplier_id).scalar_subquery()
    return (
        select(
            _article.c.id,
            _article.c.article_number,
            _article.c.name,
            supplier_name,
            _article.c.supplier_article_number,
            _article.c.article_type,
            _article.c.status,
            _article.c.price,
            _article.c.individually_marked,
            _article.c.in_assortment,
            held,
        )
        .select_from(chosen.join(_article, joined))
        .order_by(*order)
    )


def _filters(*, filtered_type: bool, assortment_only: bool) -> list[Any]:
    conditions: list[Any] = []
    if filtered_type:
        conditions.append(_article.c.article_type == bindparam("article_type"))
    if assortment_only:
        conditions.append(_article.c.in_assortment.is_(True))
    return conditions


@cache
def _statements(
    *, filtered_type: bool, assortment_only: bool, broad: bool
) -> tuple[Select[Any], Select[Any]]:
    """(count, page) of one shape of search through the matches in ``temp.article_found``, built once: per
    keystroke only the parameters change."""
    found: Select[Any] = select(_FOUND.c.article_rowid)
    filters = _filters(filtered_type=filtered_type, assortment_only=assortment_only)
    count = (
        select(func.count()).select_from(_article).where(literal_column("article.rowid").in_(found), *filters)
    )
    # Many hits: "+rowid" keeps SQLite from looking each one up, so it walks the name index instead and stops
    # at the first *limit* in order; few hits: it looks them up by rowid and sorts them.
    rowid: ColumnClause[Any] = literal_column("+article.rowid" if broad else "article.rowid")
    return count, _page([rowid.in_(found), *filters], kept_balances=True)


#: A match's place in the name order, found by its rowid (the unary "+" keeps SQLite from walking the whole
#: name order and looking each place up among the matches, which it may take for cheaper without figures).
_PLACED = _ORDER.c.article_rowid == literal_column('+"temp".article_found.article_rowid')


@cache
def _ordered_statements(*, filtered_type: bool, assortment_only: bool) -> tuple[Select[Any], Select[Any]]:
    """(count, page) through the matches in ``temp.article_found``, in the connection's name order
    (``_ORDER``): both read only the two temporary tables until the page's *limit* rows are chosen."""
    matches = _FOUND.join(_ORDER, _PLACED)
    filters: list[Any] = []
    if filtered_type:
        filters.append(_ORDER.c.article_type == bindparam("article_type"))
    if assortment_only:
        filters.append(_ORDER.c.in_assortment.is_(True))
    count = select(func.count()).select_from(matches).where(*filters)
    chosen = (
        select(_ORDER.c.article_rowid, _ORDER.c.place)
        .select_from(matches)
        .where(*filters)
        .order_by(_ORDER.c.place)
        .limit(bindparam("limit"))
        .subquery("page")
    )
    return count, _placed_page(chosen)


def _placed_page(chosen: Subquery) -> Select[Any]:
    """The page of *chosen* (rowids and places in the name order), in the page's order (not the article
    table's name index, which SQLite would then walk whole): each row looked up by its rowid."""
    joined = literal_column("article.rowid") == chosen.c.article_rowid
    return _page_of(chosen, joined, (chosen.c.place,), kept_balances=True)


@cache
def _walk_statement() -> Select[Any]:
    """The page among the first ``:walk`` places of the name order, read in order until the page is full."""
    chosen = (
        select(_ORDER.c.article_rowid, _ORDER.c.place)
        .where(
            _ORDER.c.place <= bindparam("walk"),
            # "+": each place in turn looked up among the matches, not each match looked up in the order
            literal_column('+"temp".article_order.article_rowid').in_(select(_FOUND.c.article_rowid)),
        )
        .order_by(_ORDER.c.place)
        .limit(bindparam("limit"))
        .subquery("page")
    )
    return _placed_page(chosen)


def _walked_page(session: Session, params: dict[str, Any], matches: int, size: int) -> Sequence[Any] | None:
    """The page of an unfiltered search with many *matches* (in ``temp.article_found``) from the first
    places of the name order of about *size* articles (``WALK_SPAN``), or None when they do not hold it
    whole."""
    walk = WALK_SPAN * params["limit"] * size // max(matches, 1)
    rows = session.connection().execute(_walk_statement(), {**params, "walk": walk}).all()
    return rows if len(rows) >= min(params["limit"], matches) else None


def _scanning_statements(
    criteria: list[str], *, filtered_type: bool, assortment_only: bool
) -> tuple[Select[Any], Select[Any]]:
    conditions = _filters(filtered_type=filtered_type, assortment_only=assortment_only) + [
        func.instr(_article.c.search_key, criterion) > 0 for criterion in criteria
    ]
    return select(func.count()).select_from(_article).where(*conditions), _page(
        conditions, kept_balances=False
    )


def _term(criterion: str) -> str:
    """The full-text query term that finds *criterion* anywhere in an article's search key."""
    if len(criterion) == 1:
        criterion = ONE_CHARACTER + criterion + ONE_CHARACTER
    elif len(criterion) == 2:
        criterion = TWO_CHARACTERS + criterion
    return '"' + criterion.replace('"', '""') + '"'


def article_match(session: Session, text: str) -> tuple[ColumnElement[bool] | None, str]:
    """(condition, refusal) that R33 puts on articles for *text*, the same match ``search_articles`` makes,
    for lists that add conditions of their own (the Stock tab's balances): every criterion must match,
    through the full-text index on a workstation, by scanning the search key elsewhere. Empty *text*: no
    condition (all articles); fewer than three characters: the refusal sentence and no condition."""
    criteria = text.lower().translate(_MARKS).split()
    if not criteria:
        return None, ""
    if len("".join(criteria)) < MIN_SEARCH_CHARACTERS:
        return None, QT_TRANSLATE_NOOP("app", "Type at least 3 characters to search for articles.")
    if session.get_bind().dialect.name == "sqlite":
        found: Select[Any] = (
            select(literal_column("rowid"))
            .select_from(table("article_search"))
            .where(sql("article_search MATCH :match").bindparams(match=" AND ".join(map(_term, criteria))))
        )
        return literal_column("article.rowid").in_(found), ""
    return and_(*(func.instr(_article.c.search_key, criterion) > 0 for criterion in criteria)), ""


def article_number(session: Session, article_id: uuid.UUID) -> str:
    """The article number of *article_id* (a scanned box's GTIN names the article; the cart searches by
    number)."""
    return session.scalars(select(Article.article_number).where(Article.id == article_id)).one()
