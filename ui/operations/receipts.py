"""Goods-receipt operations: each runs one app service in its own unit of work on a worker thread."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy.orm import Session

from app import receipts
from app.organisation import WorkContext
from app.receipts import Delivery, DeliverySummary, LineReceipt, ReceiptResult
from ui.operations import Failure, Key, OperationRunner, Success


def find_delivery(
    runner: OperationRunner,
    *,
    context: WorkContext,
    number: str,
    on_success: Success,
    on_error: Failure,
    key: Key | None = None,
) -> None:
    """R18: the delivery of a purchase number or an order number, whichever it is."""

    def work(session: Session) -> Delivery:
        return receipts.find_delivery(session, context, number)

    runner.read(work, on_success=on_success, on_error=on_error, key=key)


def read_delivery(
    runner: OperationRunner,
    *,
    context: WorkContext,
    order_id: uuid.UUID,
    on_success: Success,
    on_error: Failure,
    key: Key | None = None,
) -> None:
    def work(session: Session) -> Delivery:
        return receipts.read_delivery(session, context, order_id=order_id)

    runner.read(work, on_success=on_success, on_error=on_error, key=key)


def unreceived_deliveries(
    runner: OperationRunner,
    *,
    context: WorkContext,
    on_success: Success,
    on_error: Failure | None = None,
    key: Key | None = None,
) -> None:
    """R20: every delivery of the service location still waiting for its receipt."""

    def work(session: Session) -> list[DeliverySummary]:
        return receipts.unreceived_deliveries(session, context)

    runner.read(work, on_success=on_success, on_error=on_error, key=key)


def receive(
    runner: OperationRunner,
    *,
    context: WorkContext,
    order_id: uuid.UUID,
    lines: Sequence[LineReceipt],
    delivery_note: str,
    today: dt.date,
    on_success: Success,
    on_error: Failure,
) -> None:
    """Receive the ticked lines; nothing is saved when one of them is refused."""
    chosen = tuple(lines)

    def work(session: Session) -> ReceiptResult:
        return receipts.receive(
            session, context, order_id=order_id, lines=chosen, today=today, delivery_note=delivery_note
        )

    runner.write(work, on_success=on_success, on_error=on_error)


def cancel_lines(
    runner: OperationRunner,
    *,
    context: WorkContext,
    order_id: uuid.UUID,
    line_ids: Sequence[uuid.UUID],
    today: dt.date,
    on_success: Success,
    on_error: Failure,
) -> None:
    """R20: cancel the lines the supplier cannot deliver."""
    chosen = tuple(line_ids)

    def work(session: Session) -> None:
        receipts.cancel_lines(session, context, order_id=order_id, line_ids=chosen, today=today)

    runner.write(work, on_success=on_success, on_error=on_error)
