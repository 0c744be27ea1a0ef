"""Order search ("Orders", R17) and the order's detail: purchase orders (R14) and cancel (R16)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.database import Database
from db.models import Order, PurchaseOrder
from db.models.enums import OrderKind, OrderStatus
from tests.gui.test_order_cart import WAIT, add_article, choose, open_for, send
from ui.documents import Documents
from ui.main_window import MainWindow
from ui.messages import MessageBoxes
from ui.order.cart import CartPage
from ui.order.search import OrderSearchPage
from ui.qt import QPoint, Qt

pytestmark = pytest.mark.gui


@pytest.fixture
def pages(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[CartPage, OrderSearchPage]:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(Documents, "directory", tmp_path / "documents")
    monkeypatch.setattr(Documents, "open_files", False)
    window.tabs.setCurrentWidget(window.order_tab)
    cart, search = window.order_tab.cart_page, window.order_tab.search_page
    qtbot.wait_until(
        lambda: (
            not window.runner.busy()
            and cart.recipient.prescriber_combo.count() > 0
            and search.location_combo.count() > 1
        ),
        timeout=WAIT,
    )
    return cart, search


def show_search(window: MainWindow) -> OrderSearchPage:
    page = window.order_tab.search_page
    window.order_tab.pages.setCurrentWidget(page)
    return page


def find_number(qtbot, page: OrderSearchPage, number: str) -> None:  # type: ignore[no-untyped-def]
    """Type the full number: the order is found and its detail opens."""
    with qtbot.wait_signal(page.sig_detail, timeout=WAIT, check_params_cb=lambda d: d.row.number == number):
        page.number_edit.clear()
        qtbot.keyClicks(page.number_edit, number)
        qtbot.keyClick(page.number_edit, Qt.Key.Key_Return)


def test_r17_full_number_opens_the_order_with_its_lines(
    qtbot, qtmodeltester, window: MainWindow, pages, demo_template
) -> None:  # type: ignore[no-untyped-def]
    page = show_search(window)
    number = demo_template[1].numbers["open_order"]
    find_number(qtbot, page, number)
    assert page.results_model.rowCount() == 1
    detail = page.current_detail()
    assert detail is not None and detail.row.number == number
    assert number in page.detail_title.text()
    assert page.lines_model.rowCount() == len(detail.lines) == 2
    planned = [page.lines_model.index(r, 6).data() for r in range(2)]
    assert all(planned), "planned delivery dates are shown"
    assert page.cancel_button.isEnabled()  # sent, no purchase order, logistics not started
    assert page.delivery_label.text()
    for model in (page.results_model, page.results_proxy, page.lines_model, page.purchase_model):
        qtmodeltester.check(model)


def test_r17_a_short_number_is_refused_with_a_sentence(qtbot, window: MainWindow, pages) -> None:  # type: ignore[no-untyped-def]
    page = show_search(window)
    with qtbot.wait_signal(page.sig_refused, timeout=WAIT) as refused:
        qtbot.keyClicks(page.number_edit, "2647")
        qtbot.keyClick(page.number_edit, Qt.Key.Key_Return)
    assert "8 digits" in refused.args[0]
    assert page.count_label.text() == refused.args[0]
    assert page.number_edit.text() == "2647"


def test_r17_my_orders_and_sorting_by_a_column(qtbot, window: MainWindow, pages) -> None:  # type: ignore[no-untyped-def]
    page = show_search(window)
    with qtbot.wait_signal(page.sig_results, timeout=WAIT) as everything:
        qtbot.mouseClick(page.search_button, Qt.MouseButton.LeftButton)
    all_rows = everything.args[0]
    assert len(all_rows) > 1
    assert [r.created_on for r in all_rows] == sorted((r.created_on for r in all_rows), reverse=True)
    assert all(r.prescriber_name == "" for r in all_rows if r.kind is OrderKind.REPLENISHMENT)

    header = page.results_view.horizontalHeader()
    orderer_column = next(
        c
        for c in range(page.results_model.columnCount())
        if page.results_model.headerData(c, Qt.Orientation.Horizontal) == "Orderer"
    )
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, orderer_column)
    )
    shown = [page.results_proxy.index(r, orderer_column).data() for r in range(page.results_proxy.rowCount())]
    assert shown == sorted(shown) or shown == sorted(shown, reverse=True)
    assert header.sortIndicatorSection() == orderer_column

    me = window.context.user_name  # type: ignore[union-attr]
    with qtbot.wait_signal(page.sig_results, timeout=WAIT) as mine:
        qtbot.keyClick(page.mine_check, Qt.Key.Key_Space)
    rows = mine.args[0]
    assert rows and len(rows) < len(all_rows)
    assert all(me in (r.orderer_name, r.prescriber_name) for r in rows)


def _section_centre(header, column: int) -> QPoint:  # type: ignore[no-untyped-def]
    return QPoint(
        header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2
    )


def test_r16_cancel_refused_for_a_withdrawal_and_allowed_for_a_fresh_order(
    qtbot, window: MainWindow, pages, examples: dict[str, str], demo_template, demo_dir: Path, messages
) -> None:  # type: ignore[no-untyped-def]
    cart, page = pages
    numbers = demo_template[1].numbers
    window.order_tab.pages.setCurrentWidget(cart)
    # An individual handed out from own stock (R10c) …
    open_for(qtbot, cart, examples["ordinary"])
    with qtbot.wait_signal(cart.sig_cart_changed, timeout=WAIT):
        choose(qtbot, cart.recipient.kind_combo, OrderKind.INDIVIDUAL_DELIVERY)
    with qtbot.wait_signal(cart.sig_cart_changed, timeout=WAIT):
        qtbot.keyClicks(cart.articles.individual_edit, numbers["individual_in_stock"])
        qtbot.keyClick(cart.articles.individual_edit, Qt.Key.Key_Return)
    withdrawal = send(qtbot, cart)
    # … and a fresh prescription delivered from the central warehouse, without purchase orders.
    open_for(qtbot, cart, examples["ordinary"])
    assert cart.current_cart().kind is OrderKind.PRESCRIPTION  # type: ignore[union-attr]  # the user's default
    assert cart.recipient.kind_combo.currentData() == OrderKind.PRESCRIPTION
    add_article(qtbot, cart, numbers["article_charger"])
    fresh = send(qtbot, cart)
    assert not fresh.needs_purchase_orders

    show_search(window)
    find_number(qtbot, page, withdrawal.number)
    assert not page.cancel_button.isEnabled()
    assert "withdrawal from own stock" in page.cancel_refusal.text()

    find_number(qtbot, page, fresh.number)
    assert page.cancel_button.isEnabled() and page.cancel_refusal.text() == ""
    MessageBoxes.answer = False  # the clerk thinks again
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert messages[-1][0] == "question" and fresh.number in messages[-1][2]
    window.runner.wait_for_done()
    assert page.current_detail().row.status is OrderStatus.SENT  # type: ignore[union-attr]

    MessageBoxes.answer = True
    with qtbot.wait_signal(page.sig_cancelled, timeout=WAIT):
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(
        lambda: (
            page.current_detail() is not None and page.current_detail().row.status is OrderStatus.CANCELLED
        ),  # type: ignore[union-attr]
        timeout=WAIT,
    )
    assert not page.cancel_button.isEnabled()
    assert "already cancelled" in page.cancel_refusal.text()
    window.runner.wait_for_done()
    db = Database.open(demo_dir)
    with db.read() as session:
        statuses = dict(
            session.execute(
                select(Order.number, Order.status).where(Order.number.in_([withdrawal.number, fresh.number]))
            ).all()
        )
    db.dispose()
    assert statuses == {withdrawal.number: OrderStatus.DELIVERED, fresh.number: OrderStatus.CANCELLED}


def test_r14_purchase_orders_created_and_printed_from_the_detail(
    qtbot, window: MainWindow, pages, demo_template, demo_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    cart, page = pages
    numbers = demo_template[1].numbers
    window.order_tab.pages.setCurrentWidget(cart)
    with qtbot.wait_signal(cart.sig_cart_changed, timeout=WAIT, check_params_cb=lambda c: c is not None):
        choose(qtbot, cart.recipient.kind_combo, OrderKind.REPLENISHMENT)
    add_article(qtbot, cart, numbers["article_unpriced"], quantity=4)
    MessageBoxes.answer = False  # not now: later, from the order
    sent = send(qtbot, cart)
    assert sent.needs_purchase_orders

    show_search(window)
    find_number(qtbot, page, sent.number)
    assert page.create_purchase_button.isVisible() and page.create_purchase_button.isEnabled()
    assert not page.cancel_button.isEnabled() or page.current_detail().can_cancel  # type: ignore[union-attr]
    with qtbot.wait_signal(page.sig_purchase_orders, timeout=WAIT) as created:
        qtbot.mouseClick(page.create_purchase_button, Qt.MouseButton.LeftButton)
    (ref,) = created.args[0]
    qtbot.wait_until(lambda: page.purchase_model.rowCount() == 1, timeout=WAIT)
    assert not page.create_purchase_button.isVisible()
    assert page.lines_model.index(0, 8).data() == ref.number
    assert "purchase order exists" in page.cancel_refusal.text()  # R16
    with qtbot.wait_signal(page.sig_status, timeout=WAIT):
        qtbot.mouseClick(page.print_purchase_button, Qt.MouseButton.LeftButton)
    assert list((tmp_path / "documents").glob("*.pdf"))
    window.runner.wait_for_done()
    db = Database.open(demo_dir)
    with db.read() as session:
        assert (
            session.scalars(select(PurchaseOrder.number).where(PurchaseOrder.id == ref.id)).one()
            == ref.number
        )
    db.dispose()
