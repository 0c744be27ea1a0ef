"""The cart ("New order") driven like a clerk: scan the patient, search articles, Enter, send."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app import orders
from app.database import Database
from app.patients import format_identity
from db.models import Fee, Order, OrderLine, PurchaseOrder, Warehouse
from db.models.enums import OrderKind, OrderStatus
from ui.documents import Documents
from ui.main_window import MainWindow
from ui.messages import MessageBoxes
from ui.order.cart import CartPage
from ui.qt import QComboBox, Qt

pytestmark = pytest.mark.gui

WAIT = 10000


@pytest.fixture
def cart(qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CartPage:  # type: ignore[no-untyped-def]
    """The Order tab's cart page, shown, once the page has loaded its prescribers."""
    monkeypatch.setattr(Documents, "directory", tmp_path / "documents")
    monkeypatch.setattr(Documents, "open_files", False)
    window.tabs.setCurrentWidget(window.order_tab)
    page = window.order_tab.cart_page
    window.order_tab.pages.setCurrentWidget(page)
    qtbot.wait_until(
        lambda: not window.runner.busy() and page.recipient.prescriber_combo.count() > 0, timeout=WAIT
    )
    return page


def open_for(qtbot, cart: CartPage, number: str) -> None:  # type: ignore[no-untyped-def]
    """Scan an identity number into the recipient field and press Enter; wait for the cart."""
    with qtbot.wait_signal(cart.sig_cart_changed, timeout=WAIT, check_params_cb=lambda c: c is not None):
        cart.recipient.identity_edit.clear()
        qtbot.keyClicks(cart.recipient.identity_edit, format_identity(number))
        qtbot.keyClick(cart.recipient.identity_edit, Qt.Key.Key_Return)


def choose(qtbot, combo: QComboBox, data: Any) -> None:  # type: ignore[no-untyped-def]
    """Pick an entry of a closed combo box with the arrow keys, as a clerk does."""
    target = combo.findData(data)
    assert target >= 0
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def type_quantity(qtbot, cart: CartPage, quantity: int) -> None:  # type: ignore[no-untyped-def]
    cart.articles.quantity_spin.lineEdit().selectAll()
    qtbot.keyClicks(cart.articles.quantity_spin, str(quantity))
    assert cart.articles.quantity_spin.value() == quantity


def add_article(qtbot, cart: CartPage, text: str, quantity: int = 1, lines: int = 1) -> None:  # type: ignore[no-untyped-def]
    """Type the search, press Enter: a single hit goes into the cart; wait for the new line (or *lines*,
    when 70 holds only part of the quantity and the rest goes through 750)."""
    before = cart.lines.lines_model.rowCount()
    if quantity != 1:
        type_quantity(qtbot, cart, quantity)
    cart.articles.article_edit.clear()
    qtbot.keyClicks(cart.articles.article_edit, text)
    qtbot.keyClick(cart.articles.article_edit, Qt.Key.Key_Return)
    qtbot.wait_until(lambda: cart.lines.lines_model.rowCount() == before + lines, timeout=WAIT)


def send(qtbot, cart: CartPage) -> Any:  # type: ignore[no-untyped-def]
    with qtbot.wait_signal(cart.sig_sent, timeout=WAIT) as blocker:
        qtbot.keyClick(cart.articles.article_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    return blocker.args[0]


def read_db(demo_dir: Path) -> Database:
    return Database.open(demo_dir)


def test_whole_prescription_from_scan_to_sent_order_with_lines_and_fees(
    qtbot,
    qtmodeltester,
    window: MainWindow,
    cart: CartPage,
    examples: dict[str, str],
    demo_template,
    demo_dir: Path,
) -> None:  # type: ignore[no-untyped-def]
    numbers = demo_template[1].numbers
    open_for(qtbot, cart, examples["ordinary"])
    current = cart.current_cart()
    assert current is not None and current.kind is OrderKind.PRESCRIPTION
    assert format_identity(examples["ordinary"]) in cart.recipient.patient_label.text()
    assert cart.recipient.prescriber_combo.currentText() == window.context.user_name  # type: ignore[union-attr]
    assert cart.articles.article_edit.hasFocus()  # straight on to the articles

    add_article(qtbot, cart, numbers["article_hearing_aid"])
    assert cart.articles.article_edit.hasFocus()  # the clerk goes on typing
    add_article(qtbot, cart, numbers["article_charger"], quantity=2)
    assert cart.articles.quantity_spin.value() == 1
    lines = [cart.lines.lines_model.row_at(r) for r in range(2)]
    assert [line.article_number for line in lines] == [
        numbers["article_hearing_aid"],
        numbers["article_charger"],
    ]
    assert [line.quantity for line in lines] == [1, 2]
    fees_shown = cart.lines.lines_model.index(0, 7).data()
    assert fees_shown, "the rechargeable hearing aid of an adult carries a fee (R21)"
    qtmodeltester.check(cart.lines.lines_model)
    qtmodeltester.check(cart.articles.articles_model)

    cart.delivery.contact_phone.clear()
    qtbot.keyClicks(cart.delivery.contact_phone, "046-123 45 67")
    qtbot.keyClicks(cart.delivery.order_comment, "Ring innan leverans")
    qtbot.keyClick(cart.delivery.order_comment, Qt.Key.Key_Return)  # Enter moves on and saves
    sent = send(qtbot, cart)

    assert len(sent.number) == 8 and sent.number.isdigit()
    assert sent.number in cart.sending.last_sent.text()
    assert cart.current_cart() is None and cart.lines.lines_model.rowCount() == 0
    assert cart.recipient.identity_edit.text() == ""
    window.runner.wait_for_done()
    db = read_db(demo_dir)
    with db.read() as session:
        order = session.scalars(select(Order).where(Order.number == sent.number)).one()
        # Sent, as the clerk sees it: the lines from 70 count as delivered only from their planned day.
        assert orders.order_detail(session, order.id).row.status is OrderStatus.SENT
        assert order.kind is OrderKind.PRESCRIPTION
        assert order.contact_phone == "046-123 45 67"
        assert order.comment == "Ring innan leverans"
        order_lines = list(session.scalars(select(OrderLine).where(OrderLine.order_id == order.id)))
        assert sorted(line.quantity for line in order_lines) == [1, 2]
        fees = list(
            session.scalars(select(Fee).where(Fee.order_line_id.in_([line.id for line in order_lines])))
        )
        assert fees, "the fees due at order were planned (R21)"
    db.dispose()


def test_replenishment_through_750_creates_purchase_orders_per_supplier(
    qtbot, window: MainWindow, cart: CartPage, demo_template, demo_dir: Path, messages
) -> None:  # type: ignore[no-untyped-def]
    numbers = demo_template[1].numbers
    with qtbot.wait_signal(cart.sig_cart_changed, timeout=WAIT, check_params_cb=lambda c: c is not None):
        choose(qtbot, cart.recipient.kind_combo, OrderKind.REPLENISHMENT)
    current = cart.current_cart()
    assert current is not None and current.kind is OrderKind.REPLENISHMENT and current.patient is None
    assert not cart.delivery.method_combo.isEnabled()  # R10d: always delivered to the clinic
    assert not cart.recipient.prescriber_combo.isEnabled()

    # More than the central warehouse holds: what 70 holds comes from 70 (R10a), the rest and the moulds
    # (which 70 does not stock) go through 750 from two suppliers.
    add_article(qtbot, cart, numbers["article_hearing_aid"], quantity=5, lines=2)
    add_article(qtbot, cart, numbers["article_unpriced"], quantity=3)
    rows = [cart.lines.lines_model.row_at(r) for r in range(3)]
    assert [row.deliver_from_code for row in rows] == ["70", "750", "750"]
    assert rows[0].quantity + rows[1].quantity == 5
    assert rows[1].balance is None  # 750 never shows a balance

    assert MessageBoxes.answer  # the clerk answers yes to "Create purchase orders now?"
    with qtbot.wait_signal(cart.sig_purchase_orders, timeout=WAIT) as created:
        sent = send(qtbot, cart)
    assert sent.needs_purchase_orders
    refs = created.args[0]
    assert len(refs) == 2
    assert any(kind == "question" and "Create purchase orders" in title for kind, title, _text in messages)
    assert all(ref.number in cart.sending.last_sent.text() for ref in refs)
    window.runner.wait_for_done()
    db = read_db(demo_dir)
    with db.read() as session:
        order = session.scalars(select(Order).where(Order.number == sent.number)).one()
        purchases = list(session.scalars(select(PurchaseOrder).where(PurchaseOrder.order_id == order.id)))
        assert len(purchases) == 2
        assert len({p.supplier_id for p in purchases}) == 2
        assert sorted(p.number for p in purchases) == sorted(ref.number for ref in refs)
        lines = list(session.scalars(select(OrderLine).where(OrderLine.order_id == order.id)))
        central = session.scalars(select(Warehouse.id).where(Warehouse.code == "70")).one()
        assert all(
            (line.purchase_order_id is None) is (line.deliver_from_warehouse_id == central) for line in lines
        )
    db.dispose()


def test_r4_inactive_patient_is_refused_in_one_sentence_and_the_number_stays(
    qtbot, cart: CartPage, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    typed = format_identity(examples["inactive"])
    with qtbot.wait_signal(cart.sig_refused, timeout=WAIT) as refused:
        qtbot.keyClicks(cart.recipient.identity_edit, typed)
        qtbot.keyClick(cart.recipient.identity_edit, Qt.Key.Key_Return)
    sentence = refused.args[0]
    assert "Contact the aid centre" in sentence
    assert "\n" not in sentence and "Traceback" not in sentence
    assert cart.recipient.message.text() == sentence and cart.recipient.message.isVisible()
    assert cart.recipient.identity_edit.text() == typed  # nothing the clerk typed is lost
    assert cart.current_cart() is None


def test_r6_hearing_aid_out_of_region_without_commitment_is_refused(
    qtbot, cart: CartPage, examples: dict[str, str], demo_template
) -> None:  # type: ignore[no-untyped-def]
    numbers = demo_template[1].numbers
    open_for(qtbot, cart, examples["other_region_without_commitment"])
    with qtbot.wait_signal(cart.sig_refused, timeout=WAIT) as refused:
        qtbot.keyClicks(cart.articles.article_edit, numbers["article_hearing_aid"])
        qtbot.keyClick(cart.articles.article_edit, Qt.Key.Key_Return)
    assert "payment commitment" in refused.args[0]
    assert "payment commitment" in cart.recipient.message.text()
    assert cart.lines.lines_model.rowCount() == 0
    assert cart.articles.article_edit.text() == numbers["article_hearing_aid"]


def test_r33_short_search_is_refused_and_several_words_narrow_with_a_count(
    qtbot, cart: CartPage, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    open_for(qtbot, cart, examples["ordinary"])
    with qtbot.wait_signal(cart.sig_articles, timeout=WAIT):
        qtbot.keyClicks(cart.articles.article_edit, "fi")
    assert "at least 3 characters" in cart.articles.article_count.text()
    assert cart.articles.articles_model.rowCount() == 0
    with qtbot.wait_signal(cart.sig_articles, timeout=WAIT):
        cart.articles.article_edit.clear()
        qtbot.keyClicks(cart.articles.article_edit, "filter oticon")
    count = cart.articles.articles_model.rowCount()
    assert count > 0
    assert f"{count} articles found" in cart.articles.article_count.text()
    for row in range(count):
        hit = cart.articles.articles_model.row_at(row)
        assert "filter" in hit.name.lower() and "oticon" in f"{hit.name} {hit.supplier_name}".lower()
    assert all(
        cart.articles.articles_model.row_at(r).balance is not None for r in range(count)
    )  # balances of 70


def test_service_line_needs_its_comment_and_lines_are_edited_and_removed(
    qtbot, cart: CartPage, examples: dict[str, str], demo_template
) -> None:  # type: ignore[no-untyped-def]
    numbers = demo_template[1].numbers
    open_for(qtbot, cart, examples["ordinary"])
    add_article(qtbot, cart, numbers["article_education"])
    line = cart.lines.lines_model.row_at(0)
    assert line.needs_comment
    assert "write in its comment what is bought" in cart.recipient.message.text()
    assert "R13" not in cart.recipient.message.text()  # clerks never read a rule code
    assert "Comment needed" in cart.lines.lines_model.index(0, 8).data()
    qtbot.keyClicks(cart.lines.line_comment, "2 timmar, pass 1")
    with qtbot.wait_signal(cart.sig_cart_changed, timeout=WAIT):
        qtbot.keyClick(cart.lines.line_comment, Qt.Key.Key_Return)
    assert not cart.lines.lines_model.row_at(0).needs_comment
    assert cart.lines.lines_model.row_at(0).comment == "2 timmar, pass 1"
    cart.lines.lines_view.setFocus()
    cart.lines.lines_view.selectRow(0)
    with qtbot.wait_signal(cart.sig_cart_changed, timeout=WAIT):
        qtbot.keyClick(cart.lines.lines_view, Qt.Key.Key_Delete)
    assert cart.lines.lines_model.rowCount() == 0
    assert not cart.sending.send_button.isEnabled()


def test_r10c_individual_delivery_is_handed_out_and_offers_the_loan_agreement(
    qtbot,
    window: MainWindow,
    cart: CartPage,
    examples: dict[str, str],
    demo_template,
    demo_dir: Path,
    messages,
) -> None:  # type: ignore[no-untyped-def]
    numbers = demo_template[1].numbers
    open_for(qtbot, cart, examples["ordinary"])
    with qtbot.wait_signal(cart.sig_cart_changed, timeout=WAIT):
        choose(qtbot, cart.recipient.kind_combo, OrderKind.INDIVIDUAL_DELIVERY)
    assert cart.articles.individual_edit.isVisible()
    assert not cart.delivery.isEnabled()  # handed out at the desk
    with qtbot.wait_signal(cart.sig_cart_changed, timeout=WAIT):
        qtbot.keyClicks(cart.articles.individual_edit, numbers["individual_in_stock"])
        qtbot.keyClick(cart.articles.individual_edit, Qt.Key.Key_Return)
    assert cart.lines.lines_model.row_at(0).individual_number == numbers["individual_in_stock"]
    sent = send(qtbot, cart)
    assert sent.handed_out
    assert any(kind == "question" and "Loan agreement" in title for kind, title, _text in messages)
    window.runner.wait_for_done()
    db = read_db(demo_dir)
    with db.read() as session:
        order = session.scalars(select(Order).where(Order.number == sent.number)).one()
        assert order.status is OrderStatus.DELIVERED
    db.dispose()


def test_default_deliver_from_setting_is_saved(
    qtbot, window: MainWindow, cart: CartPage, demo_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    from db.models import User
    from db.models.enums import DeliverFrom

    with qtbot.wait_signal(cart.sig_status, timeout=WAIT):
        choose(qtbot, cart.recipient.default_combo, DeliverFrom.OWN_STOCK)
    window.runner.wait_for_done()
    db = read_db(demo_dir)
    with db.read() as session:
        user = session.get(User, window.context.user_id)  # type: ignore[union-attr]
        assert user is not None and user.default_deliver_from is DeliverFrom.OWN_STOCK
    db.dispose()


def test_r5_new_order_from_the_patient_tab_for_a_protected_identity_goes_to_the_unit(
    qtbot, window: MainWindow, cart: CartPage, examples: dict[str, str], demo_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    from db.models import Patient

    db = read_db(demo_dir)
    with db.read() as session:
        patient_id = session.scalars(
            select(Patient.id).where(Patient.identity_number == examples["protected"])
        ).one()
    db.dispose()
    with qtbot.wait_signal(cart.sig_cart_changed, timeout=WAIT, check_params_cb=lambda c: c is not None):
        window.order_tab.new_order_for(patient_id)
    assert window.order_tab.pages.currentWidget() is cart
    assert "protected identity" in cart.recipient.patient_label.text()
    assert not cart.delivery.method_combo.isEnabled()
    assert cart.delivery.method_combo.currentData() == "clinic"
    assert cart.delivery.delivery_name.text() == cart.current_cart().service_location_name  # type: ignore[union-attr]


def test_r11_prescriber_stays_shown_after_a_line_is_added(
    qtbot, window: MainWindow, cart: CartPage, examples: dict[str, str], demo_template
) -> None:  # type: ignore[no-untyped-def]
    numbers = demo_template[1].numbers
    open_for(qtbot, cart, examples["ordinary"])
    user_name = window.context.user_name  # type: ignore[union-attr]
    assert cart.recipient.prescriber_combo.currentText() == user_name
    add_article(qtbot, cart, numbers["article_hearing_aid"])
    assert cart.recipient.prescriber_combo.currentText() == user_name
    assert cart.recipient.prescriber_combo.currentData() == cart.current_cart().prescriber.id  # type: ignore[union-attr]


def test_counts_read_as_the_clerk_says_them(
    qtbot, cart: CartPage, examples: dict[str, str], demo_template
) -> None:  # type: ignore[no-untyped-def]
    numbers = demo_template[1].numbers
    open_for(qtbot, cart, examples["ordinary"])
    with qtbot.wait_signal(cart.sig_articles, timeout=WAIT):
        qtbot.keyClicks(cart.articles.article_edit, numbers["article_hearing_aid"])
    assert cart.articles.article_count.text() == "1 article found."
    add_article(qtbot, cart, numbers["article_hearing_aid"])
    assert cart.lines.title() == "Cart (1 line)"
    add_article(qtbot, cart, numbers["article_charger"])
    assert cart.lines.title() == "Cart (2 lines)"


def test_order_sent_is_said_once_and_is_gone_when_the_next_cart_opens(
    qtbot, window: MainWindow, cart: CartPage, examples: dict[str, str], demo_template
) -> None:  # type: ignore[no-untyped-def]
    numbers = demo_template[1].numbers
    open_for(qtbot, cart, examples["ordinary"])
    add_article(qtbot, cart, numbers["article_charger"])
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    sent = send(qtbot, cart)
    qtbot.wait_until(lambda: not window.runner.busy(), timeout=WAIT)
    shown = [cart.sending.last_sent.text(), cart.recipient.message.text(), *said]
    assert [text for text in shown if sent.number in text] == [f"Order {sent.number} sent."]

    open_for(qtbot, cart, examples["no_phone"])  # the next patient
    assert sent.number not in cart.sending.last_sent.text()
    assert sent.number not in cart.recipient.message.text()
