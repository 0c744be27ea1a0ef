"""Article search (R33) with the balances the clerk needs, and the status rules of R12."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnClause, Select, func, literal_column, select, table
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from db.models import Article, StockMovement, Supplier, Warehouse
from db.models.enums import ArticleStatus, ArticleType

MIN_SEARCH_CHARACTERS = 3
TRIGRAM = 3  # the index finds criteria of at least this length; shorter ones are checked row by row
BROAD = 400  # from this many index hits, the first ones are found through the name index


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
    criteria = text.lower().split()
    if len("".join(criteria)) < MIN_SEARCH_CHARACTERS:
        return ArticleSearch(
            text, (), 0, QT_TRANSLATE_NOOP("app", "Type at least 3 characters to search for articles.")
        )
    sqlite = session.get_bind().dialect.name == "sqlite"
    indexed = [c for c in criteria if len(c) >= TRIGRAM] if sqlite else []
    conditions = [func.instr(Article.search_key, c) > 0 for c in criteria if c not in indexed]
    if article_type is not None:
        conditions.append(Article.article_type == article_type)
    if assortment_only:
        conditions.append(Article.in_assortment.is_(True))
    query = select(Article.id).where(*conditions).order_by(Article.name, Article.article_number).limit(limit)
    if indexed:
        # The trigram index (migration 0003) finds the rows of every criterion of three or more characters.
        match = " AND ".join('"' + c.replace('"', '""') + '"' for c in indexed)
        matching = sql("article_search MATCH :match").bindparams(match=match)
        found: Select[Any] = (
            select(literal_column("rowid")).select_from(table("article_search")).where(matching)
        )
        indexed_total = (
            session.scalar(select(func.count()).select_from(table("article_search")).where(matching)) or 0
        )
        rowid: ColumnClause[Any] = literal_column("article.rowid")
        if conditions:
            total = (
                session.scalar(select(func.count()).select_from(Article).where(rowid.in_(found), *conditions))
                or 0
            )
        else:
            total = indexed_total
        # Many hits: "+rowid" keeps SQLite from looking each one up, so it walks the name index instead and
        # stops at the first *limit* in order; few hits: it looks them up by rowid and sorts them.
        query = query.where((literal_column("+article.rowid") if indexed_total > BROAD else rowid).in_(found))
    else:
        total = session.scalar(select(func.count()).select_from(Article).where(*conditions)) or 0
    shows_balance = False
    if warehouse_id is not None:
        warehouse = session.get(Warehouse, warehouse_id)
        shows_balance = warehouse is not None and warehouse.shows_balance
    # One statement for the page: plain columns (no ORM objects built per keystroke) and the balance of each
    # row, summed from the ledger only for the rows returned.
    held = (
        select(func.coalesce(func.sum(StockMovement.quantity), 0))
        .where(StockMovement.warehouse_id == warehouse_id, StockMovement.article_id == Article.id)
        .scalar_subquery()
        if shows_balance
        else literal_column("NULL")
    )
    # Looked up per returned row, like the balance: a join would let SQLite start from the supplier and
    # sort every match instead of walking the name index and stopping at the page.
    supplier_name = select(Supplier.name).where(Supplier.id == Article.supplier_id).scalar_subquery()
    page = query.with_only_columns(
        Article.id,
        Article.article_number,
        Article.name,
        supplier_name.label("supplier_name"),
        Article.supplier_article_number,
        Article.article_type,
        Article.status,
        Article.price,
        Article.individually_marked,
        Article.in_assortment,
        held.label("balance"),
    )
    hits = tuple(
        ArticleHit(
            id=row.id,
            article_number=row.article_number,
            name=row.name,
            supplier_name=row.supplier_name,
            supplier_article_number=row.supplier_article_number,
            article_type=row.article_type,
            status=row.status,
            price=row.price,
            individually_marked=row.individually_marked,
            in_assortment=row.in_assortment,
            balance=int(row.balance) if shows_balance else None,
        )
        for row in session.execute(page)
    )
    return ArticleSearch(text, hits, total)


def balances_of(
    session: Session, warehouse_id: uuid.UUID, article_ids: list[uuid.UUID]
) -> dict[uuid.UUID, int]:
    """Balances derived from the movement ledger, for the given articles in one warehouse."""
    if not article_ids:
        return {}
    rows = session.execute(
        select(StockMovement.article_id, func.sum(StockMovement.quantity))
        .where(StockMovement.warehouse_id == warehouse_id, StockMovement.article_id.in_(article_ids))
        .group_by(StockMovement.article_id)
    )
    return {article_id: int(total or 0) for article_id, total in rows}


def balance(session: Session, warehouse_id: uuid.UUID, article_id: uuid.UUID) -> int:
    return balances_of(session, warehouse_id, [article_id]).get(article_id, 0)
