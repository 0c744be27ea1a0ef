"""Scans into the pages and dialogs that wait for them: the goods receipt, the inventory count, the cart,
the pause of a charger invoice (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.database import Database
from app.patients import format_identity
from db.models import Article, Individual, Warehouse
from db.models.enums import IndividualStatus, OrderKind, WarehouseKind
from tests.gui.scanner import scan
from tests.gui.test_order_cart import choose, open_for
from ui.main_window import MainWindow
from ui.order.cart import CartPage
from ui.order.receipt import ReceiptPage
from ui.qt import QLineEdit, Qt

pytestmark = pytest.mark.gui


@pytest.fixture
def numbers(demo_template) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return dict(demo_template[1].numbers)


def _gtin(demo_dir: Path, article_number: str) -> str:
    database = Database.open(demo_dir)
    try:
        with database.read() as session:
            gtin = session.scalars(select(Article.gtin).where(Article.article_number == article_number)).one()
    finally:
        database.dispose()
    assert gtin, f"the demo's article {article_number} has a GTIN"
    return gtin


def _receipt(qtbot, window: MainWindow) -> ReceiptPage:  # type: ignore[no-untyped-def]
    with qtbot.wait_signal(window.sig_ready, timeout=10000):
        window.sign_in("anna.audionom", "HM-LUND")
    page = window.order_tab.receipt_page
    window.tabs.setCurrentWidget(window.order_tab)
    window.order_tab.pages.setCurrentWidget(page)
    page.number_edit.setFocus()
    return page


def _field(page: ReceiptPage, name: str) -> QLineEdit:
    field = page.findChild(QLineEdit, name)
    assert isinstance(field, QLineEdit), name
    return field


def test_r18_goods_receipt_takes_the_number_the_individual_and_the_serial_where_they_belong(
    qtbot, window: MainWindow, numbers: dict[str, str]
) -> None:
    page = _receipt(qtbot, window)
    with qtbot.wait_signal(page.sig_delivery_shown, timeout=10000):
        routed = scan(qtbot, window, numbers["replenishment_purchase_order"])
    assert routed.taken_by is page.number_edit
    assert page.delivery is not None
    assert page.delivery.order_number == numbers["replenishment_awaiting_receipt"]
    individual, serial = _field(page, "individual_1_1"), _field(page, "serial_1_1")
    assert page.focusWidget() is individual

    routed = scan(qtbot, window, "880000001")
    assert routed.taken_by is individual and individual.text() == "880000001"
    assert page.focusWidget() is serial  # Enter moved on, as it does when typed
    routed = scan(qtbot, window, "PHX-0001")
    assert routed.taken_by is serial and serial.text() == "PHX-0001"
    assert page.line_editors[0].tick.isChecked()  # a line scanned into arrived
    assert page.focusWidget() is _field(page, "individual_1_2")


def test_r18_a_boxs_udi_scanned_anywhere_on_the_goods_receipt_fills_the_serial_of_the_right_line(
    qtbot, window: MainWindow, numbers: dict[str, str], demo_dir: Path
) -> None:
    page = _receipt(qtbot, window)
    gtin = _gtin(demo_dir, numbers["article_hearing_aid"])
    routed = scan(qtbot, window, f"]d201{gtin}21HB0001")
    assert routed.taken_by is page and "Find the delivery first" in page.message.text()

    with qtbot.wait_signal(page.sig_delivery_shown, timeout=10000):
        scan(qtbot, window, numbers["replenishment_purchase_order"])
    page.receive_button.setFocus()  # the clerk has left the fields
    routed = scan(qtbot, window, f"]d201{gtin}\x1d21HB0001\x1d17{_expiry()}")
    assert routed.taken_by is page
    assert _field(page, "serial_1_1").text() == "HB0001"
    routed = scan(qtbot, window, f"(01){gtin}(21)HB0002")  # the bracketed form, as some scanners send it
    assert _field(page, "serial_1_2").text() == "HB0002"
    assert page.line_editors[0].tick.isChecked()
    assert [_field(page, f"individual_1_{unit}").text() for unit in (1, 2)] == ["", ""]

    routed = scan(qtbot, window, f"(01){gtin}(21)HB0003")  # every unit has its serial already
    assert "already has a serial number" in page.message.text()
    routed = scan(qtbot, window, "(01)07350000000016(21)HB0004")  # an article that is not on the delivery
    assert routed.taken_by is page
    assert "No line of this delivery" in page.message.text() and "07350000000016" in page.message.text()
    assert [_field(page, f"serial_1_{unit}").text() for unit in (1, 2)] == ["HB0001", "HB0002"]


def _expiry() -> str:
    return "301231"


def test_r39_inventory_counts_a_scanned_individual_once_and_flags_a_second_scan(
    qtbot, window: MainWindow, demo_dir: Path
) -> None:
    with qtbot.wait_signal(window.sig_ready, timeout=10000):
        window.sign_in("anna.audionom", "HM-LUND")
    database = Database.open(demo_dir)
    try:
        with database.read() as session:
            own = session.scalars(
                select(Warehouse).where(Warehouse.code == "L-LUND", Warehouse.kind == WarehouseKind.OWN_STOCK)
            ).one()
            own_id = own.id
            device = session.scalars(
                select(Individual.individual_number)
                .where(Individual.warehouse_id == own_id, Individual.status == IndividualStatus.IN_STOCK)
                .order_by(Individual.individual_number)
            ).first()
    finally:
        database.dispose()
    assert device is not None
    window.open_inventory()
    page = window.inventory_dialog.page
    qtbot.wait_until(lambda: page.warehouse_combo.count() > 0, timeout=10000)
    combo = page.warehouse_combo
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i) == own_id))
    with qtbot.wait_signal(page.sig_count_shown, timeout=10000):
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert page.count is not None
    found_before = page.count.individuals_found

    combo.setFocus()  # anywhere in the count: the scan goes to it
    with qtbot.wait_signal(page.sig_count_shown, timeout=10000):
        routed = scan(qtbot, window, device)
    assert routed.taken_by is page and "found" in page.feedback.text()
    assert page.count.individuals_found == found_before + 1
    assert window.tabs.currentWidget() is window.patient_tab  # nothing opened behind the count

    qtbot.wait(900)  # later, the same device scanned again: flagged, not counted twice
    with qtbot.wait_signal(page.sig_entry_answered, timeout=10000):
        scan(qtbot, window, device)
    assert "already counted" in page.feedback.text()
    assert page.feedback.styleSheet()  # shown in the warning colour
    with qtbot.wait_signal(page.sig_count_shown, timeout=10000):
        page.start_count()
    assert page.count.individuals_found == found_before + 1


def _cart(qtbot, window: MainWindow) -> CartPage:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentWidget(window.order_tab)
    cart = window.order_tab.cart_page
    window.order_tab.pages.setCurrentWidget(cart)
    qtbot.wait_until(lambda: cart.recipient.prescriber_combo.count() > 0, timeout=10000)
    return cart


def test_the_cart_takes_the_recipient_and_the_article_from_the_scanner(
    qtbot, window: MainWindow, examples: dict[str, str], numbers: dict[str, str], demo_dir: Path
) -> None:
    cart = _cart(qtbot, window)
    cart.recipient.focus_identity()
    with qtbot.wait_signal(cart.sig_cart_changed, timeout=10000, check_params_cb=lambda c: c is not None):
        routed = scan(qtbot, window, examples["ordinary"])
    assert routed.taken_by is cart.recipient.identity_edit
    assert cart.recipient.identity_edit.text() == examples["ordinary"]
    assert window.tabs.currentWidget() is window.order_tab  # the patient is not opened elsewhere

    cart.articles.focus_search()
    routed = scan(qtbot, window, numbers["article_hearing_aid"])  # the article number: its single hit added
    assert routed.taken_by is cart.articles.article_edit
    qtbot.wait_until(lambda: cart.lines.lines_model.rowCount() == 1, timeout=10000)
    routed = scan(qtbot, window, _gtin(demo_dir, numbers["article_charger"]))  # a box's GTIN: its article
    assert routed.taken_by is cart.articles.article_edit
    qtbot.wait_until(lambda: cart.lines.lines_model.rowCount() == 2, timeout=10000)
    assert {cart.lines.lines_model.row_at(r).article_number for r in range(2)} == {
        numbers["article_hearing_aid"],
        numbers["article_charger"],
    }


def test_the_cart_takes_the_device_to_hand_out_from_the_scanner(
    qtbot, window: MainWindow, examples: dict[str, str], numbers: dict[str, str]
) -> None:
    cart = _cart(qtbot, window)
    open_for(qtbot, cart, examples["ordinary"])
    with qtbot.wait_signal(cart.sig_cart_changed, timeout=10000):
        choose(qtbot, cart.recipient.kind_combo, OrderKind.INDIVIDUAL_DELIVERY)
    assert cart.articles.individual_edit.isVisible()
    cart.articles.focus_search()  # the device scanned while the article field has the focus
    with qtbot.wait_signal(cart.sig_cart_changed, timeout=10000):
        routed = scan(qtbot, window, numbers["individual_in_stock"])
    assert routed.taken_by is cart.articles
    assert cart.lines.lines_model.row_at(0).individual_number == numbers["individual_in_stock"]


def test_the_pause_dialog_takes_the_chargers_number_and_nothing_else(
    qtbot, window: MainWindow, examples: dict[str, str]
) -> None:
    page = window.order_tab.fees_page
    window.tabs.setCurrentWidget(window.order_tab)
    window.order_tab.pages.setCurrentWidget(page)
    page.open_pause_dialog()
    dialog = page.pause_dialog
    assert dialog is not None
    qtbot.wait_until(dialog.isVisible)
    dialog.cancel_button.setFocus()
    routed = scan(qtbot, window, "880000009")
    assert routed.taken_by is dialog and dialog.number_edit.text() == "880000009"
    qtbot.wait_until(lambda: bool(dialog.message.text()), timeout=10000)  # looked up: no such charger

    routed = scan(qtbot, window, examples["ordinary"])  # not a charger's number: not routed behind it
    assert routed.taken_by is None and routed.scanned is None
    assert format_identity(examples["ordinary"])[4:] not in window.statusBar().currentMessage()
    assert "dialog" in window.statusBar().currentMessage()
    assert window.tabs.currentWidget() is window.order_tab
    dialog.reject()
