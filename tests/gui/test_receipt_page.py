"""The goods-receipt page driven as a clerk with a handheld scanner would (R18–R20)."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app import receipts
from app.database import Database
from app.receipts import DeliveryLine
from db.models import Fee, Individual, Order, OrderLine, Warehouse
from db.models.enums import FeeKind, FeeStatus, IndividualStatus, LineStatus, OrderStatus
from ui.main_window import MainWindow
from ui.order.receipt import LineEditor, ReceiptPage
from ui.qt import QLineEdit, QPushButton, Qt, QWidget

pytestmark = pytest.mark.gui


def _page(qtbot, window: MainWindow) -> ReceiptPage:
    page: ReceiptPage = window.order_tab.receipt_page
    window.tabs.setCurrentWidget(window.order_tab)
    window.order_tab.pages.setCurrentWidget(page)
    return page


def _sign_in(qtbot, window: MainWindow, username: str, code: str) -> None:
    with qtbot.wait_signal(window.sig_ready, timeout=10000):
        window.sign_in(username, code)


def _scan(qtbot, window: MainWindow, text: str) -> QWidget:
    """A scanner burst into whatever field has the focus, then Enter; returns the field it went to."""
    field = window.focusWidget()
    assert isinstance(field, QLineEdit), field
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    return field


def _find(qtbot, page: ReceiptPage, number: str) -> None:
    page.number_edit.clear()
    with qtbot.wait_signal(page.sig_delivery_shown, timeout=10000):
        qtbot.keyClicks(page.number_edit, number)
        qtbot.keyClick(page.number_edit, Qt.Key.Key_Return)


def _listed(page: ReceiptPage) -> set[str]:
    return {page.list_model.row_at(r).order_number for r in range(page.list_model.rowCount())}


def test_r19_r20_replenishment_received_at_scanner_speed(
    qtbot, window: MainWindow, demo_template: Any, demo_dir: Path
) -> None:
    numbers = demo_template[1].numbers
    _sign_in(qtbot, window, "anna.audionom", "HM-LUND")  # lars ordered it: a colleague receives (R20)
    page = _page(qtbot, window)
    qtbot.waitUntil(lambda: numbers["replenishment_awaiting_receipt"] in _listed(page), timeout=10000)

    purchase = numbers["replenishment_purchase_order"]
    _find(qtbot, page, f"{purchase[:4]}-{purchase[4:]}")  # R18: the purchase number, as printed
    assert (
        page.delivery is not None and page.delivery.order_number == numbers["replenishment_awaiting_receipt"]
    )
    assert "Replenishment of own stock" in page.header.text()
    aid_editor, dome_editor = page.line_editors
    assert len(aid_editor.unit_edits) == 2 and dome_editor.unit_edits == []
    assert window.focusWidget() is page.findChild(QLineEdit, "individual_1_1")

    # The same individual number scanned twice: one sentence, and what was typed stays.
    for text in ("880000001", "PHX-0001", "880000001", "PHX-0002"):
        _scan(qtbot, window, text)
    assert window.focusWidget() is page.receive_button
    assert aid_editor.tick.isChecked() and not dome_editor.tick.isChecked()
    qtbot.mouseClick(page.select_all, Qt.MouseButton.LeftButton)
    assert dome_editor.tick.isChecked()
    qtbot.keyClick(page.receive_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "typed twice" in page.message.text(), timeout=10000)
    assert "880000001" in page.message.text()
    assert [(n.text(), s.text()) for n, s in aid_editor.unit_edits] == [
        ("880000001", "PHX-0001"),
        ("880000001", "PHX-0002"),
    ]

    second = page.findChild(QLineEdit, "individual_1_2")
    assert isinstance(second, QLineEdit)
    second.setFocus()
    second.selectAll()
    _scan(qtbot, window, "880000002")
    _scan(qtbot, window, "PHX-0002")  # Enter moves on, the serial is typed over the selection
    qtbot.keyClicks(page.note_edit, "FS-2211")
    with qtbot.wait_signal(page.sig_received, timeout=10000) as received:
        qtbot.keyClick(page.receive_button, Qt.Key.Key_Return)
    result = received.args[0]
    assert result.lines_received == 2 and result.order_status is OrderStatus.DELIVERED
    qtbot.waitUntil(lambda: numbers["replenishment_awaiting_receipt"] not in _listed(page), timeout=10000)
    qtbot.waitUntil(lambda: page.delivery is None, timeout=10000)
    assert "Received 2 lines" in page.message.text()

    window.runner.wait_for_done()
    db = Database.open(demo_dir)
    with db.read() as session:
        stock = session.scalars(select(Warehouse).where(Warehouse.code == "L-LUND")).one()
        devices = session.scalars(
            select(Individual).where(Individual.individual_number.in_(["880000001", "880000002"]))
        ).all()
        assert sorted((d.individual_number, d.serial_number) for d in devices) == [
            ("880000001", "PHX-0001"),
            ("880000002", "PHX-0002"),
        ]
        assert {(d.status, d.warehouse_id) for d in devices} == {(IndividualStatus.IN_STOCK, stock.id)}
        order = session.scalars(
            select(Order).where(Order.number == numbers["replenishment_awaiting_receipt"])
        ).one()
        assert order.status is OrderStatus.DELIVERED
    db.dispose()


def test_r19_zero_priced_line_takes_total_divided_by_quantity(
    qtbot, window: MainWindow, demo_template: Any, demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    called: list[dict[str, Any]] = []
    real = receipts.fees.fees_at_delivery

    def fees_at_delivery(session: Any, **kwargs: Any) -> list[Any]:
        called.append(kwargs)
        return real(session, **kwargs)

    monkeypatch.setattr(receipts.fees, "fees_at_delivery", fees_at_delivery)
    numbers = demo_template[1].numbers
    _sign_in(qtbot, window, "anna.audionom", "HM-MALMO")
    page = _page(qtbot, window)
    order_number = numbers["order_awaiting_receipt"]
    qtbot.waitUntil(lambda: order_number in _listed(page), timeout=10000)
    row = next(
        r for r in range(page.list_model.rowCount()) if page.list_model.row_at(r).order_number == order_number
    )
    page.list_view.setFocus()
    page.list_view.setCurrentIndex(page.list_model.index(row, 0))
    with qtbot.wait_signal(page.sig_delivery_shown, timeout=10000):
        qtbot.keyClick(page.list_view, Qt.Key.Key_Return)  # R20: opened from the list
    (editor,) = page.line_editors
    assert editor.line.needs_price and editor.price_edit is not None
    assert window.focusWidget() is editor.total_edit

    _scan(qtbot, window, f"{editor.line.quantity * 1250},00")
    assert editor.price_edit.text() == "1 250,00"
    assert window.focusWidget() is editor.price_edit
    _scan(qtbot, window, "")  # the offered unit price is accepted as it is
    assert window.focusWidget() is page.receive_button
    with qtbot.wait_signal(page.sig_received, timeout=10000):
        qtbot.keyClick(page.receive_button, Qt.Key.Key_Return)
    window.runner.wait_for_done()
    assert [c["line"].id for c in called] == [editor.line.id]
    db = Database.open(demo_dir)
    with db.read() as session:
        line = session.get(OrderLine, editor.line.id)
        assert line is not None and line.status is LineStatus.DELIVERED
        assert line.unit_price == Decimal("1250.00")
    db.dispose()


def test_r19_total_field_divides_by_the_quantity(qtbot) -> None:
    line = DeliveryLine(
        id=uuid.uuid4(),
        line_number=3,
        article_id=uuid.uuid4(),
        article_number="A-1",
        article_name="Örpropp",
        supplier_article_number="S-1",
        supplier_name="Nordic",
        quantity=4,
        unit_price=Decimal("0"),
        needs_price=True,
        individually_marked=False,
        comment="",
        purchase_order_number="26480001",
        planned_delivery_on=None,
    )
    editor = LineEditor(line)
    qtbot.add_widget(editor)
    assert editor.total_edit is not None and editor.price_edit is not None
    qtbot.keyClicks(editor.total_edit, "1 000,50")
    assert editor.price_edit.text() == "250,13"  # 1000.50 ÷ 4, to öre
    assert editor.tick.isChecked()
    receipt = editor.receipt()
    assert receipt.unit_price == Decimal("250.13") and receipt.quantity == 4


def test_r18_partial_quantity_refused_and_r20_cancel_asks_first(
    qtbot, window: MainWindow, demo_template: Any, demo_dir: Path, messages: list[tuple[str, str, str]]
) -> None:
    numbers = demo_template[1].numbers
    _sign_in(qtbot, window, "anna.audionom", "HM-LUND")
    page = _page(qtbot, window)
    _find(qtbot, page, numbers["replenishment_awaiting_receipt"])  # R18: the order number works too
    _aid, domes = page.line_editors
    domes.delivered_edit.clear()
    qtbot.keyClicks(domes.delivered_edit, "7")
    assert domes.tick.isChecked()
    qtbot.mouseClick(page.receive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "contact the aid centre" in page.message.text(), timeout=10000)
    assert domes.delivered_edit.text() == "7"

    cancel = page.findChild(QPushButton, "receipt_cancel_lines")
    assert cancel is page.cancel_button
    with qtbot.wait_signal(window.runner.sig_changes, timeout=10000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert [kind for kind, _title, _text in messages] == ["question"]
    assert "tell the supplier" in messages[0][2]
    qtbot.waitUntil(lambda: page.delivery is not None and len(page.line_editors) == 1, timeout=10000)
    window.runner.wait_for_done()
    db = Database.open(demo_dir)
    with db.read() as session:
        line = session.get(OrderLine, domes.line.id)
        assert line is not None and line.status is LineStatus.CANCELLED
    db.dispose()


def test_r20_other_location_refused_in_one_sentence(qtbot, window: MainWindow, demo_template: Any) -> None:
    numbers = demo_template[1].numbers
    _sign_in(qtbot, window, "anna.audionom", "HM-MALMO")
    page = _page(qtbot, window)
    number = numbers["replenishment_awaiting_receipt"]  # Lund's replenishment
    qtbot.keyClicks(page.number_edit, number)
    qtbot.keyClick(page.number_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Hörselmottagningen Lund" in page.message.text(), timeout=10000)
    assert page.delivery is None and page.number_edit.text() == number
    assert number not in _listed(page)


def test_r20_a_line_cancelled_at_receipt_cancels_its_fee_on_the_fees_page(
    qtbot, window: MainWindow, demo_template: Any, demo_dir: Path, messages: list[tuple[str, str, str]]
) -> None:
    numbers = demo_template[1].numbers
    database = Database.open(demo_dir)
    with database.write() as session:  # the patient fee planned when the order was sent (R21)
        order = session.scalars(select(Order).where(Order.number == numbers["order_awaiting_receipt"])).one()
        line = session.scalars(select(OrderLine).where(OrderLine.order_id == order.id)).first()
        assert line is not None and order.patient_id is not None
        fee = Fee(
            kind=FeeKind.PATIENT_FEE,
            patient_id=order.patient_id,
            article_id=line.article_id,
            order_line_id=line.id,
            amount=Decimal("300.00"),
            bill_on=dt.date.today(),
        )
        session.add(fee)
        session.flush()
        fee_id = fee.id
    database.dispose()
    _sign_in(qtbot, window, "anna.audionom", "HM-MALMO")
    fees_page = window.order_tab.fees_page
    window.tabs.setCurrentWidget(window.order_tab)
    with qtbot.wait_signal(fees_page.sig_loaded, timeout=10000):
        window.order_tab.pages.setCurrentWidget(fees_page)
    assert [r.status for r in fees_page.rows() if r.id == fee_id] == [FeeStatus.PLANNED]

    page = _page(qtbot, window)
    _find(qtbot, page, numbers["order_awaiting_receipt"])
    (editor,) = page.line_editors
    editor.tick.setChecked(True)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.delivery is None, timeout=10000)  # nothing left to receive

    window.order_tab.pages.setCurrentWidget(fees_page)  # the clerk looks at the fees again
    qtbot.waitUntil(
        lambda: [r.status for r in fees_page.rows() if r.id == fee_id] == [FeeStatus.CANCELLED], timeout=10000
    )


def test_r20_an_older_list_of_unreceived_deliveries_never_overwrites_a_newer_one(
    qtbot, window: MainWindow, demo_template: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    numbers = demo_template[1].numbers
    lund, malmo = numbers["replenishment_awaiting_receipt"], numbers["order_awaiting_receipt"]
    _sign_in(qtbot, window, "anna.audionom", "HM-LUND")
    page = _page(qtbot, window)
    qtbot.waitUntil(lambda: lund in _listed(page), timeout=10000)

    gate = threading.Event()
    calls: list[str] = []
    real = receipts.unreceived_deliveries

    def slow_first(session: Any, context: Any) -> Any:
        calls.append(context.service_location_code)
        if len(calls) == 1:
            assert gate.wait(10)  # Lund's list is still being read ...
        return real(session, context)

    monkeypatch.setattr(receipts, "unreceived_deliveries", slow_first)
    page.refresh_list()
    _sign_in(qtbot, window, "anna.audionom", "HM-MALMO")  # ... when the clerk changes to Malmö
    qtbot.waitUntil(lambda: malmo in _listed(page), timeout=10000)
    gate.set()
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=10000)
    assert calls[:2] == ["HM-LUND", "HM-MALMO"]
    assert malmo in _listed(page) and lund not in _listed(page)
