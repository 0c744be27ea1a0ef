"""The inventory page driven as a clerk at the shelf would (R39): start, scan, type, close."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.database import Database
from app.stock import balance
from db.models import Article, Individual, Warehouse
from db.models.enums import ArticleType, IndividualStatus, WarehouseKind
from ui.inventory import InventoryPage
from ui.main_window import MainWindow
from ui.messages import MessageBoxes
from ui.qt import Qt

pytestmark = pytest.mark.gui


def _type(qtbot, page: InventoryPage, text: str, signal) -> None:
    with qtbot.wait_signal(signal, timeout=10000):
        qtbot.keyClicks(page.entry_edit, text)
        qtbot.keyClick(page.entry_edit, Qt.Key.Key_Return)


def test_r39_inventory_count_with_a_missing_individual_ends_in_the_investigation_warehouse(
    qtbot, window: MainWindow, demo_dir: Path, messages: list[tuple[str, str, str]]
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
            devices = list(
                session.scalars(
                    select(Individual.individual_number)
                    .where(Individual.warehouse_id == own_id, Individual.status == IndividualStatus.IN_STOCK)
                    .order_by(Individual.individual_number)
                )
            )
            counted = session.scalars(
                select(Article)
                .where(Article.individually_marked.is_(False), Article.article_type == ArticleType.ACCESSORY)
                .order_by(Article.article_number)
            ).first()
            assert counted is not None
            counted_id, counted_number = counted.id, counted.article_number
    finally:
        database.dispose()
    assert len(devices) >= 2, "the demo's own stock holds individuals"
    found, missing = devices[:-1], devices[-1]

    window.open_inventory()
    page = window.inventory_dialog.page
    qtbot.waitUntil(lambda: page.warehouse_combo.count() > 0, timeout=10000)
    combo = page.warehouse_combo
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i) == own_id))
    with qtbot.wait_signal(page.sig_count_shown, timeout=10000):
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert page.count is not None and page.count.warehouse_code == "L-LUND"
    assert window.focusWidget() is page.entry_edit or page.entry_edit.isEnabled()

    for number in found:  # the handheld scanner at the shelf
        _type(qtbot, page, number, page.sig_entry_answered)
    assert f"Individual {found[-1]}" in page.feedback.text() and "found" in page.feedback.text()
    _type(qtbot, page, found[0], page.sig_entry_answered)  # scanned again
    assert "already counted" in page.feedback.text()

    # An article number, then a quantity that is not a whole number: one sentence, what was typed stays.
    _type(qtbot, page, counted_number, page.sig_entry_answered)
    assert counted_number in page.prompt.text()
    _type(qtbot, page, "2,5", page.sig_entry_answered)
    assert "not a whole number" in page.feedback.text()
    assert page.entry_edit.text() == "2,5"
    page.entry_edit.clear()
    _type(qtbot, page, "3", page.sig_entry_answered)
    # Counted again on another shelf: the clerk is asked which count stands and adds both.
    _type(qtbot, page, counted_number, page.sig_entry_answered)
    MessageBoxes.choice = 2
    _type(qtbot, page, "4", page.sig_entry_answered)
    assert any(kind == "choice" and "already counted: 3" in text for kind, _t, text in messages)
    line = next(line for line in page.count.lines if line.article_number == counted_number)
    assert line.counted == 7

    # Close: confirmed, then lines nobody counted booked as 0 when the clerk agrees.
    with qtbot.wait_signal(page.sig_closed, timeout=20000):
        qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    questions = [title for kind, title, _text in messages if kind == "question"]
    assert questions[:1] == ["Close the count"]
    assert missing in page.feedback.text() and "investigation warehouse" in page.feedback.text()
    window.runner.wait_for_done()

    database = Database.open(demo_dir)
    try:
        with database.read() as session:
            device = session.scalars(select(Individual).where(Individual.individual_number == missing)).one()
            investigation = session.get(Warehouse, device.warehouse_id)
            assert device.status is IndividualStatus.INVESTIGATION
            assert investigation is not None and investigation.kind is WarehouseKind.INVESTIGATION
            for number in found:
                kept = session.scalars(select(Individual).where(Individual.individual_number == number)).one()
                assert (kept.status, kept.warehouse_id) == (IndividualStatus.IN_STOCK, own_id)
            assert balance(session, own_id, counted_id) == 7
    finally:
        database.dispose()
