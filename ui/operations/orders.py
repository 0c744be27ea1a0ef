"""Order operations: the cart, sending, purchase orders, cancelling and searching (R10–R17, R33).

Each function runs one user action as one unit of work on a worker thread. Writes that change the cart
hand back the cart as it now reads, so the page shows the result of the very write it asked for.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app import articles, orders
from app.articles import ArticleSearch
from app.orders import (
    Cart,
    DeliveryDetails,
    IndividualChoice,
    OrderDetail,
    OrderQuery,
    OrderRow,
    Prescriber,
    PurchaseOrderRef,
    SentOrder,
)
from app.organisation import LocationChoice, WorkContext, list_users
from db.models.enums import ArticleType, DeliverFrom, OrderKind
from ui.operations import Failure, Key, OperationRunner, Success
from ui.order.numbers import Numbers


def _today() -> dt.date:
    return dt.date.today()


@dataclass(frozen=True)
class CartStart:
    """What the cart page needs when it opens: the prescribers and the user's "deliver from" setting."""

    prescribers: tuple[Prescriber, ...]
    default_deliver_from: DeliverFrom


@dataclass(frozen=True)
class IndividualAdded:
    choice: IndividualChoice
    cart: Cart


# ---------------------------------------------------------------------------------------------- cart


def _change_cart(
    runner: OperationRunner,
    order_id: uuid.UUID,
    change: Callable[[Session, dt.date], object],
    on_success: Success,
    on_error: Failure,
) -> None:
    """One cart edit in the background, answered with the cart as it now stands."""

    def work(session: Session) -> Cart:
        today = _today()
        change(session, today)
        return orders.read_cart(session, order_id, today)

    runner.write(work, on_success=on_success, on_error=on_error)


def cart_start(runner: OperationRunner, *, context: WorkContext, on_success: Success) -> None:
    def work(session: Session) -> CartStart:
        prescribers = tuple(orders.prescribers_for(session, context))
        return CartStart(prescribers, orders.default_deliver_from(session, context))

    runner.read(work, on_success=on_success)


def open_cart(
    runner: OperationRunner,
    *,
    context: WorkContext,
    patient_id: uuid.UUID | None,
    kind: OrderKind | None,
    on_success: Success,
    on_error: Failure,
) -> None:
    """The user's cart for the patient (or the replenishment), created when there is none."""

    def work(session: Session) -> Cart:
        return orders.open_cart(session, context, patient_id=patient_id, kind=kind)

    runner.write(work, on_success=on_success, on_error=on_error)


def read_cart(
    runner: OperationRunner,
    *,
    order_id: uuid.UUID,
    on_success: Success,
    on_error: Failure,
    key: Key | None = None,
) -> None:
    def work(session: Session) -> Cart:
        return orders.read_cart(session, order_id, _today())

    runner.read(work, on_success=on_success, on_error=on_error, key=key)


def set_cart_kind(
    runner: OperationRunner,
    *,
    context: WorkContext,
    order_id: uuid.UUID,
    kind: OrderKind,
    on_success: Success,
    on_error: Failure,
) -> None:
    _change_cart(
        runner,
        order_id,
        lambda session, _day: orders.set_cart_kind(session, context, order_id=order_id, kind=kind),
        on_success,
        on_error,
    )


def set_prescriber(
    runner: OperationRunner,
    *,
    context: WorkContext,
    order_id: uuid.UUID,
    prescriber_id: uuid.UUID,
    on_success: Success,
    on_error: Failure,
) -> None:
    _change_cart(
        runner,
        order_id,
        lambda session, _day: orders.set_prescriber(
            session, context, order_id=order_id, prescriber_id=prescriber_id
        ),
        on_success,
        on_error,
    )


def set_default_deliver_from(
    runner: OperationRunner,
    *,
    context: WorkContext,
    value: DeliverFrom,
    on_success: Success,
    on_error: Failure,
) -> None:
    def work(session: Session) -> DeliverFrom:
        orders.set_default_deliver_from(session, context, value)
        return value

    runner.write(work, on_success=on_success, on_error=on_error)


def add_line(
    runner: OperationRunner,
    *,
    context: WorkContext,
    order_id: uuid.UUID,
    article_id: uuid.UUID,
    quantity: int,
    comment: str = "",
    on_success: Success,
    on_error: Failure,
) -> None:
    _change_cart(
        runner,
        order_id,
        lambda session, today: orders.add_line(
            session,
            context,
            order_id=order_id,
            article_id=article_id,
            quantity=quantity,
            comment=comment,
            today=today,
        ),
        on_success,
        on_error,
    )


def add_individual(
    runner: OperationRunner,
    *,
    context: WorkContext,
    order_id: uuid.UUID,
    text: str,
    on_success: Success,
    on_error: Failure,
) -> None:
    """R10c: find the scanned individual in a warehouse of the service location and put it in the cart."""

    def work(session: Session) -> IndividualAdded:
        today = _today()
        choice = orders.find_individual_for_delivery(session, context, text)
        orders.add_line(session, context, order_id=order_id, individual_id=choice.id, quantity=1, today=today)
        return IndividualAdded(choice, orders.read_cart(session, order_id, today))

    runner.write(work, on_success=on_success, on_error=on_error)


def update_line(
    runner: OperationRunner,
    *,
    context: WorkContext,
    order_id: uuid.UUID,
    line_id: uuid.UUID,
    quantity: int | None,
    comment: str | None,
    on_success: Success,
    on_error: Failure,
) -> None:
    _change_cart(
        runner,
        order_id,
        lambda session, today: orders.update_line(
            session, context, line_id=line_id, quantity=quantity, comment=comment, today=today
        ),
        on_success,
        on_error,
    )


def remove_line(
    runner: OperationRunner,
    *,
    context: WorkContext,
    order_id: uuid.UUID,
    line_id: uuid.UUID,
    on_success: Success,
    on_error: Failure,
) -> None:
    _change_cart(
        runner,
        order_id,
        lambda session, _day: orders.remove_line(session, context, line_id=line_id),
        on_success,
        on_error,
    )


def set_delivery(
    runner: OperationRunner,
    *,
    context: WorkContext,
    order_id: uuid.UUID,
    delivery: DeliveryDetails,
    on_success: Success,
    on_error: Failure,
) -> None:
    _change_cart(
        runner,
        order_id,
        lambda session, _day: orders.set_delivery(session, context, order_id=order_id, delivery=delivery),
        on_success,
        on_error,
    )


def send_order(
    runner: OperationRunner,
    *,
    context: WorkContext,
    order_id: uuid.UUID,
    numbers: Numbers,
    delivery: DeliveryDetails | None,
    on_success: Success,
    on_error: Failure,
) -> None:
    """Save the delivery details the clerk has just typed (when given) and send, in one unit of work.

    The number allocator is asked for on the worker, at the moment of the send (R15).
    """

    def work(session: Session) -> SentOrder:
        if delivery is not None:
            orders.set_delivery(session, context, order_id=order_id, delivery=delivery)
        allocator = numbers()
        return orders.send_order(session, context, order_id=order_id, allocator=allocator, today=_today())

    runner.write(work, on_success=on_success, on_error=on_error)


def create_purchase_orders(
    runner: OperationRunner,
    *,
    context: WorkContext,
    order_id: uuid.UUID,
    numbers: Numbers,
    on_success: Success,
    on_error: Failure,
) -> None:
    """One purchase order per supplier (R14); numbers are taken on the worker."""

    def work(session: Session) -> tuple[PurchaseOrderRef, ...]:
        allocator = numbers()
        return orders.create_purchase_orders(
            session, context, order_id=order_id, allocator=allocator, today=_today()
        )

    runner.write(work, on_success=on_success, on_error=on_error)


def cancel_order(
    runner: OperationRunner,
    *,
    context: WorkContext,
    order_id: uuid.UUID,
    on_success: Success,
    on_error: Failure,
) -> None:
    def work(session: Session) -> uuid.UUID:
        orders.cancel_order(session, context, order_id=order_id, today=_today())
        return order_id

    runner.write(work, on_success=on_success, on_error=on_error)


# ---------------------------------------------------------------------------------------------- search


def search_articles(
    runner: OperationRunner,
    *,
    text: str,
    warehouse_id: uuid.UUID | None,
    article_type: ArticleType | None,
    assortment_only: bool,
    on_success: Success,
    on_error: Failure,
    key: Key | None = None,
) -> None:
    """R33, with the balances of the warehouse the cart delivers from (none for 750)."""

    def work(session: Session) -> ArticleSearch:
        return articles.search_articles(
            session,
            text,
            warehouse_id=warehouse_id,
            article_type=article_type,
            assortment_only=assortment_only,
        )

    runner.read(work, on_success=on_success, on_error=on_error, key=key)


def user_locations(runner: OperationRunner, *, context: WorkContext, on_success: Success) -> None:
    """The service locations the user works for (the order search's location filter)."""

    def work(session: Session) -> tuple[LocationChoice, ...]:
        for user in list_users(session):
            if user.id == context.user_id:
                return user.locations
        return ()

    runner.read(work, on_success=on_success)


def search_orders(
    runner: OperationRunner,
    *,
    context: WorkContext,
    query: OrderQuery,
    on_success: Success,
    on_error: Failure,
    key: Key | None = None,
) -> None:
    def work(session: Session) -> list[OrderRow]:
        return orders.search_orders(session, context, query)

    runner.read(work, on_success=on_success, on_error=on_error, key=key)


def order_detail(
    runner: OperationRunner,
    *,
    order_id: uuid.UUID,
    on_success: Success,
    on_error: Failure,
    key: Key | None = None,
) -> None:
    def work(session: Session) -> OrderDetail:
        return orders.order_detail(session, order_id)

    runner.read(work, on_success=on_success, on_error=on_error, key=key)
