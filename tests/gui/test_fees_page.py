"""The Order tab's Fees page on the demo database: read what will be billed when (R21, R22), pause a
charger invoice by scanning its individual number (R22)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app import fees
from app.database import Database
from db.models import Fee, Individual, Order, OrderLine
from db.models.enums import FeeKind, FeeStatus
from ui.main_window import MainWindow
from ui.order.fees import FeesPage
from ui.qt import QDate, Qt
from ui.widgets import money

pytestmark = pytest.mark.gui

PERIOD = (dt.date.today() - dt.timedelta(days=400), dt.date.today() + dt.timedelta(days=200))


def _open_fees_page(qtbot, window: MainWindow) -> FeesPage:  # type: ignore[no-untyped-def]
    page = window.order_tab.fees_page
    window.tabs.setCurrentWidget(window.order_tab)
    with qtbot.wait_signal(page.sig_loaded, timeout=10000):
        window.order_tab.pages.setCurrentWidget(page)
    return page


def _set_period(qtbot, page: FeesPage, start: dt.date, end: dt.date) -> None:  # type: ignore[no-untyped-def]
    with qtbot.wait_signal(page.sig_loaded, timeout=10000):
        page.from_edit.setDate(QDate(start.year, start.month, start.day))
        page.to_edit.setDate(QDate(end.year, end.month, end.day))


def _location_fees(demo_dir: Path, window: MainWindow) -> list[tuple[Fee, str | None]]:
    assert window.context is not None
    database = Database(demo_dir / "hearing-desk.sqlite")
    try:
        with database.read() as session:
            return [
                (fee, number)
                for fee, number in session.execute(
                    select(Fee, Individual.individual_number)
                    .join(OrderLine, OrderLine.id == Fee.order_line_id)
                    .join(Order, Order.id == OrderLine.order_id)
                    .outerjoin(Individual, Individual.id == Fee.individual_id)
                    .where(
                        Order.service_location_id == window.context.service_location_id,
                        Fee.bill_on >= PERIOD[0],
                        Fee.bill_on <= PERIOD[1],
                    )
                )
            ]
    finally:
        database.dispose()


def test_r22_fees_page_lists_the_demo_fees_and_pauses_a_charger_invoice(
    qtbot, qtmodeltester, window: MainWindow, demo_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    page = _open_fees_page(qtbot, window)
    _set_period(qtbot, page, *PERIOD)
    qtmodeltester.check(page.model)

    expected = _location_fees(demo_dir, window)
    assert expected, "the demo has fees at the first user's service location"
    shown = page.rows()
    assert sorted((r.bill_on, r.kind, r.amount, r.individual_number) for r in shown) == sorted(
        (f.bill_on, f.kind, f.amount, n or "") for f, n in expected
    )
    assert [r.bill_on for r in shown] == sorted(r.bill_on for r in shown)  # by bill date
    assert page.table.model().index(0, 0).data() == shown[0].bill_on.isoformat()
    assert f"{len(expected)} fees" in page.totals_label.text()

    # Only planned: the status filter asks again.
    with qtbot.wait_signal(page.sig_loaded, timeout=10000):
        page.status_combo.setCurrentIndex(page.status_combo.findData(FeeStatus.PLANNED.value))
    assert page.rows() and all(r.status is FeeStatus.PLANNED for r in page.rows())

    # The charger billed last is far enough ahead to pause (the demo received it in the last months).
    today = dt.date.today()
    charger, number = max(
        ((f, n) for f, n in expected if f.kind is FeeKind.CHARGER and f.status is FeeStatus.PLANNED and n),
        key=lambda pair: pair[0].bill_on,
    )
    assert number is not None
    assert (charger.bill_on - today).days >= fees.PAUSE_NOTICE_DAYS

    qtbot.mouseClick(page.pause_button, Qt.MouseButton.LeftButton)
    dialog = page.pause_dialog
    assert dialog is not None and dialog.isVisible()

    # A number that is no charger: told so in one sentence, nothing saved.
    qtbot.keyClicks(dialog.number_edit, "NO-SUCH-1")
    qtbot.keyClick(dialog.number_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "NO-SUCH-1" in dialog.message.text(), timeout=10000)
    assert not dialog.pause_button.isEnabled()

    # The scanner types the number and Enter; the dialog shows what it found and asks for the end.
    dialog.number_edit.clear()
    qtbot.keyClicks(dialog.number_edit, number)
    qtbot.keyClick(dialog.number_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.pause_button.isEnabled, timeout=10000)
    assert charger.bill_on.isoformat() in dialog.found_label.text()
    until = charger.bill_on + dt.timedelta(days=40)
    dialog.until_edit.setDate(QDate(until.year, until.month, until.day))
    with qtbot.wait_signal(page.sig_loaded, timeout=10000):
        qtbot.mouseClick(dialog.pause_button, Qt.MouseButton.LeftButton)
    new_bill_on = fees.next_billing_day(until)
    assert page.pause_dialog is None
    assert number in page.message.text() and new_bill_on.isoformat() in page.message.text()

    # The table, still filtered on planned, no longer shows it; all statuses show it paused.
    assert number not in [r.individual_number for r in page.rows()]
    with qtbot.wait_signal(page.sig_loaded, timeout=10000):
        page.status_combo.setCurrentIndex(page.status_combo.findData(FeeStatus.PAUSED.value))
    [row] = [r for r in page.rows() if r.individual_number == number]
    assert (row.status, row.paused_until, row.bill_on) == (FeeStatus.PAUSED, until, new_bill_on)
    shown_row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 4).data() == number)
    assert page.proxy.index(shown_row, 7).data() == until.isoformat()

    database = Database(demo_dir / "hearing-desk.sqlite")
    try:
        with database.read() as session:
            stored = session.get(Fee, charger.id)
            assert stored is not None
            assert (stored.status, stored.paused_until, stored.bill_on) == (
                FeeStatus.PAUSED,
                until,
                new_bill_on,
            )
            assert session.scalars(select(Fee).where(Fee.status == FeeStatus.PAUSED)).all() == [stored]
    finally:
        database.dispose()


def test_fee_amounts_read_as_money_and_fees_already_billed_are_not_still_to_bill(
    qtbot, window: MainWindow, demo_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    located = _location_fees(demo_dir, window)
    billed_id = located[0][0].id
    database = Database(demo_dir / "hearing-desk.sqlite")
    try:
        with database.write() as session:
            fee = session.get(Fee, billed_id)
            assert fee is not None
            fee.status = FeeStatus.BILLED  # it has gone out
    finally:
        database.dispose()
    page = _open_fees_page(qtbot, window)
    _set_period(qtbot, page, *PERIOD)

    rows = page.rows()
    shown = [page.proxy.index(r, 5).data() for r in range(page.proxy.rowCount())]
    assert shown == [money(row.amount) for row in rows]
    assert all(re.fullmatch(r"\d{1,3}(\u00a0\d{3})*,\d\d", text) for text in shown), shown  # "4 190,00"

    to_bill = sum((r.amount for r in rows if r.status in (FeeStatus.PLANNED, FeeStatus.PAUSED)), Decimal(0))
    billed = sum((r.amount for r in rows if r.status is FeeStatus.BILLED), Decimal(0))
    assert billed > 0
    totals = page.totals_label.text()
    assert f"still to bill {money(to_bill)} kr" in totals
    assert f"already billed {money(billed)} kr" in totals
