"""The stock ledger: the one place that makes a stock movement, and the balances derived from it.

Stock is a ledger of movements (a signed quantity of an article in a warehouse, with a reason and the
document that caused it); a balance is their sum, never stored over by a sync (movements from several
workstations add up). ``move`` is the only function that writes a ``StockMovement``: every feature that
takes goods in or out (orders, goods receipt, the central warehouse, returns, inventory) calls it. It
queues the row on a ``PlainRows`` batch, which the caller writes with the rest of its unit of work in one
INSERT. Balances are summed in the covering index ``ix_stock_movement_balance`` without reading a row.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Executable, func, literal, select, union_all
from sqlalchemy.orm import Session

from app.changelog import PlainRows
from app.organisation import WorkContext
from db.models import (
    Activity,
    GoodsReceipt,
    Individual,
    Order,
    OrderLine,
    PickupOrder,
    PurchaseOrder,
    StockMovement,
    StockReturn,
    User,
    Warehouse,
)
from db.models.enums import DocumentKind, MovementReason, WarehouseKind


@dataclass(frozen=True)
class Document:
    """The document that caused a movement or a device's status change: its kind and its row id (None for
    one that has no row, such as a scrapping)."""

    kind: DocumentKind
    id: uuid.UUID | None = None


def move(
    rows: PlainRows,
    *,
    article_id: uuid.UUID,
    warehouse_id: uuid.UUID,
    quantity: int,
    reason: MovementReason,
    document: Document,
    user_id: uuid.UUID | None,
    unit_price: Decimal = Decimal("0"),
    individual_id: uuid.UUID | None = None,
    movement_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Queue one movement on *rows* (written by ``rows.write(session)``): *quantity* of the article into
    (positive) or out of (negative) the warehouse, for *reason*, caused by *document*. Returns its id.

    *movement_id* is given by a booking that must not happen twice when two workstations make it (an
    inventory's close): the same id on both, and the server refuses the second insert."""
    if quantity == 0:
        raise ValueError("a stock movement moves at least one unit")
    given = {"id": movement_id} if movement_id is not None else {}
    return rows.add(
        StockMovement,
        **given,
        warehouse_id=warehouse_id,
        article_id=article_id,
        quantity=quantity,
        reason=MovementReason(reason),
        unit_price=unit_price,
        document_kind=DocumentKind(document.kind).value,
        document_id=document.id,
        individual_id=individual_id,
        user_id=user_id,
    )


def withdraw(
    rows: PlainRows,
    context: WorkContext,
    *,
    order_id: uuid.UUID,
    line: OrderLine,
    warehouse_id: uuid.UUID,
    individual: Individual | None = None,
) -> None:
    """Queue the movement that takes an order line's goods out of a warehouse: one device at its purchase
    price, or the line's whole quantity at the line's price when it has no devices."""
    move(
        rows,
        article_id=line.article_id,
        warehouse_id=warehouse_id,
        quantity=-1 if individual is not None else -line.quantity,
        reason=MovementReason.WITHDRAWAL,
        document=Document(DocumentKind.ORDER, order_id),
        user_id=context.user_id,
        unit_price=individual.purchase_price if individual is not None else line.unit_price,
        individual_id=individual.id if individual is not None else None,
    )


# ---------------------------------------------------------------------------------------------- reading


def balances_of(
    session: Session, warehouse_id: uuid.UUID, article_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, int]:
    """Balances derived from the movement ledger, for the given articles in one warehouse (an article
    that never moved there is absent)."""
    if not article_ids:
        return {}
    rows = session.execute(
        select(StockMovement.article_id, func.sum(StockMovement.quantity))
        .where(StockMovement.warehouse_id == warehouse_id, StockMovement.article_id.in_(article_ids))
        .group_by(StockMovement.article_id)
    )
    return {article_id: int(total or 0) for article_id, total in rows}


def balance(session: Session, warehouse_id: uuid.UUID, article_id: uuid.UUID) -> int:
    """One article's balance in one warehouse."""
    return balances_of(session, warehouse_id, [article_id]).get(article_id, 0)


def balances(
    session: Session, warehouse_ids: Collection[uuid.UUID], article_ids: Collection[uuid.UUID]
) -> dict[tuple[uuid.UUID, uuid.UUID], int]:
    """The balance of each of *article_ids* in each of *warehouse_ids*, by (warehouse id, article id), 0
    where nothing moved, in one query (one range of the covering index per warehouse). A warehouse that
    shows no balance (750) is left out."""
    shown = (
        list(
            session.scalars(
                select(Warehouse.id).where(
                    Warehouse.id.in_(warehouse_ids), Warehouse.kind != WarehouseKind.DIRECT_PURCHASE
                )
            )
        )
        if warehouse_ids
        else []
    )
    found = {(warehouse_id, article_id): 0 for warehouse_id in shown for article_id in article_ids}
    if not found:
        return found
    movement = StockMovement.__table__
    ranges = [
        select(movement.c.warehouse_id, movement.c.article_id, func.sum(movement.c.quantity))
        .where(movement.c.warehouse_id == warehouse_id, movement.c.article_id.in_(article_ids))
        .group_by(movement.c.warehouse_id, movement.c.article_id)
        for warehouse_id in shown
    ]
    query = ranges[0] if len(ranges) == 1 else union_all(*ranges)
    for warehouse_id, article_id, total in session.execute(query):
        found[warehouse_id, article_id] = int(total or 0)
    return found


@dataclass(frozen=True)
class LedgerEntry:
    """One movement of an article's ledger, as the Stock tab lists it."""

    id: uuid.UUID
    occurred_at: dt.datetime
    warehouse_code: str
    quantity: int
    reason: MovementReason
    document_kind: DocumentKind | None  # None for a kind this program does not know (newer data)
    document_number: str  # "" when the document has no number (or is not on this workstation)
    individual_number: str
    username: str  # who made it ("" when unknown)


#: The number each kind of document shows, read from its own table.
_NUMBERED = {
    DocumentKind.ORDER: (Order.id, Order.number),
    DocumentKind.ORDER_CANCELLED: (Order.id, Order.number),
    DocumentKind.PICKUP_ORDER: (PickupOrder.id, PickupOrder.number),
    DocumentKind.STOCK_RETURN: (StockReturn.id, StockReturn.number),
    DocumentKind.ACTIVITY: (Activity.id, Activity.number),
}


def ledger(
    session: Session,
    article_id: uuid.UUID,
    *,
    warehouse_ids: Collection[uuid.UUID] | None = None,
    limit: int = 200,
) -> tuple[LedgerEntry, ...]:
    """An article's movements, newest first (in *warehouse_ids* when given), each with its reason, the
    number of the document that caused it (a goods receipt shows its purchase order's number, else its
    order's) and who made it."""
    movement = StockMovement.__table__
    query = (
        select(
            movement.c.id,
            movement.c.occurred_at,
            Warehouse.code,
            movement.c.quantity,
            movement.c.reason,
            movement.c.document_kind,
            movement.c.document_id,
            Individual.individual_number,
            User.username,
        )
        .join(Warehouse, Warehouse.id == movement.c.warehouse_id)
        .outerjoin(Individual, Individual.id == movement.c.individual_id)
        .outerjoin(User, User.id == movement.c.user_id)
        .where(movement.c.article_id == article_id)
        .order_by(movement.c.occurred_at.desc(), movement.c.id.desc())
        .limit(limit)
    )
    if warehouse_ids is not None:
        query = query.where(movement.c.warehouse_id.in_(warehouse_ids))
    rows = session.execute(query).all()
    kinds = {row.id: _kind(row.document_kind) for row in rows}
    numbers = _document_numbers(session, {(kinds[row.id], row.document_id) for row in rows})
    return tuple(
        LedgerEntry(
            id=row.id,
            occurred_at=row.occurred_at,
            warehouse_code=row.code,
            quantity=row.quantity,
            reason=row.reason,
            document_kind=kinds[row.id],
            document_number=numbers.get((kinds[row.id], row.document_id), ""),
            individual_number=row.individual_number or "",
            username=row.username or "",
        )
        for row in rows
    )


def _kind(value: str) -> DocumentKind | None:
    try:
        return DocumentKind(value)
    except ValueError:
        return None


def _document_numbers(
    session: Session, documents: set[tuple[DocumentKind | None, uuid.UUID | None]]
) -> dict[tuple[DocumentKind | None, uuid.UUID | None], str]:
    """The number of each (kind, id) document that has one, read with one query per table."""
    wanted: dict[DocumentKind, set[uuid.UUID]] = {}
    for kind, document_id in documents:
        if kind is not None and document_id is not None:
            wanted.setdefault(kind, set()).add(document_id)
    found: dict[tuple[DocumentKind | None, uuid.UUID | None], str] = {}
    parts: list[Executable] = []
    for kind, ids in wanted.items():
        if kind in _NUMBERED:
            key, number = _NUMBERED[kind]
            parts.append(select(literal(kind.value), key, number).where(key.in_(ids)))
        elif kind is DocumentKind.GOODS_RECEIPT:
            parts.append(
                select(
                    literal(kind.value),
                    GoodsReceipt.id,
                    func.coalesce(PurchaseOrder.number, Order.number),
                )
                .join(Order, Order.id == GoodsReceipt.order_id)
                .outerjoin(PurchaseOrder, PurchaseOrder.id == GoodsReceipt.purchase_order_id)
                .where(GoodsReceipt.id.in_(ids))
            )
    for part in parts:
        for kind_value, document_id, shown in session.execute(part):
            found[DocumentKind(kind_value), document_id] = shown or ""
    return found
