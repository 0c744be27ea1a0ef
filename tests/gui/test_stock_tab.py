"""The Stock tab in the real window (R33–R35): search with the ISO tree, a balance filter, an article's
ledger, the stock balance report as a PDF and to a printer."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.stock_balances import BalanceFilter, BalanceList
from ui.main_window import MainWindow
from ui.printing import PrintDialogs
from ui.qt import QModelIndex, Qt
from ui.stock.iso_tree import CODE_ROLE
from ui.stock.tab import StockTab
from ui.widgets import find_data

pytestmark = pytest.mark.gui


def _pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def tab(qtbot, window: MainWindow) -> StockTab:  # type: ignore[no-untyped-def]
    """The Stock tab shown (Ctrl+3) with its first list and the ISO tree's top level read."""
    stock = window.stock_tab
    if stock.balances_model.rowCount() == 0 or stock.iso_model.rowCount() == 0:
        qtbot.waitUntil(
            lambda: stock.balances_model.rowCount() > 0 and stock.iso_model.rowCount() > 0, timeout=20000
        )
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is stock
    assert stock.search_edit.hasFocus() or not window.isActiveWindow()
    return stock


def _child(tab: StockTab, parent: QModelIndex, code: str) -> QModelIndex:
    model = tab.iso_model
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data(CODE_ROLE) == code:
            return index
    raise AssertionError(f"no ISO node {code}")


def _expand(qtbot, tab: StockTab, index: QModelIndex) -> None:  # type: ignore[no-untyped-def]
    with qtbot.wait_signal(tab.iso_model.sig_loaded, timeout=10000):
        tab.iso_view.expand(index)
    assert tab.iso_model.rowCount(index) > 0


def _listed(qtbot, tab: StockTab, action) -> BalanceList:  # type: ignore[no-untyped-def]
    with qtbot.wait_signal(tab.sig_listed, timeout=10000) as listed:
        action()
    result: BalanceList = listed.args[0]
    return result


def test_stock_search_with_the_iso_tree(qtbot, qtmodeltester, tab: StockTab) -> None:  # type: ignore[no-untyped-def]
    """R34: 22 → 22 06 → 22 06 15, the node's articles listed; R33: a word narrows them, two characters
    are refused with a sentence."""
    top = _child(tab, QModelIndex(), "22")
    assert top.data(Qt.ItemDataRole.DisplayRole).startswith("22 Hjälpmedel för kommunikation")
    _expand(qtbot, tab, top)
    hearing = _child(tab, top, "2206")
    _expand(qtbot, tab, hearing)
    leaf = _child(tab, hearing, "220630")
    assert not tab.iso_model.hasChildren(leaf)
    listing = _listed(qtbot, tab, lambda: tab.iso_view.setCurrentIndex(leaf))
    assert listing.rows and all(row.iso_code == "220630" for row in listing.rows)
    assert tab.balances_model.rowCount() == len(listing.rows)

    with qtbot.wait_signal(tab.sig_counted, timeout=10000):
        listing = _listed(qtbot, tab, lambda: qtbot.keyClicks(tab.search_edit, "laddare"))
    assert listing.rows and all(
        row.iso_code == "220630" and "laddare" in row.name.lower() for row in listing.rows
    )
    assert "found" in tab.count_label.text()

    listing = _listed(qtbot, tab, lambda: (tab.search_edit.clear(), qtbot.keyClicks(tab.search_edit, "la")))
    assert listing.refusal and tab.balances_model.rowCount() == 0
    assert tab.ledger_model.rowCount() == 0  # no article chosen: no ledger left from the one before
    assert "at least 3 characters" in tab.count_label.text()
    qtmodeltester.check(tab.iso_model)


def test_balance_filter_zero(qtbot, tab: StockTab) -> None:  # type: ignore[no-untyped-def]
    """R35: the clinic's stock filtered to the articles whose balance is zero."""
    combo = tab.balance_combo
    index = find_data(combo, BalanceFilter.ZERO)
    assert combo.itemText(index) == "Zero balance"

    def choose() -> None:
        combo.setCurrentIndex(index)
        combo.activated.emit(index)

    listing = _listed(qtbot, tab, choose)
    assert listing.rows and all(row.balance == 0 for row in listing.rows)
    assert tab.balances_model.headerData(2, Qt.Orientation.Horizontal) == "Balance"
    assert tab.balances_model.index(0, 2).data() == "0"


def test_open_an_articles_ledger(qtbot, tab: StockTab) -> None:  # type: ignore[no-untyped-def]
    """Choosing an article shows its movements newest first, with reason, document and who."""
    model = tab.balances_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).balance)
    article = model.row_at(row)
    with qtbot.wait_signal(tab.sig_ledger, timeout=10000) as shown:
        tab.balances_view.setCurrentIndex(model.index(row, 1))
    ledger = shown.args[0]
    assert ledger.article_number == article.article_number
    assert ledger.balance == article.balance == sum(m.quantity for m in ledger.rows) or ledger.total > len(
        ledger.rows
    )
    times = [m.occurred_at for m in ledger.rows]
    assert times == sorted(times, reverse=True)
    assert tab.ledger_model.rowCount() == len(ledger.rows)
    assert article.article_number in tab.ledger_title.text()
    reason = tab.ledger_model.index(0, 1).data()
    assert reason in {"Goods receipt", "Withdrawal", "Return from patient", "Inventory", "Scrapped"}
    assert any(m.user_name for m in ledger.rows)


def test_stock_balance_report_to_pdf(qtbot, tab: StockTab) -> None:  # type: ignore[no-untyped-def]
    with qtbot.wait_signal(tab.sig_report_saved, timeout=30000) as saved:
        qtbot.mouseClick(tab.report_button, Qt.MouseButton.LeftButton)
    path: Path = saved.args[0]
    assert path.suffix == ".pdf"
    text = _pdf_text(path)
    assert "Stock balance report" in text
    first = tab.balances_model.row_at(0)
    assert first.name in text and first.article_number in text


@pytest.fixture
def printer_file(tmp_path: Path) -> Iterator[Path]:
    """The print dialog answered as a clerk choosing "print to file"."""
    target = tmp_path / "printed.pdf"

    def ask(printer, _parent) -> bool:  # type: ignore[no-untyped-def]
        printer.setOutputFileName(str(target))
        return True

    original = PrintDialogs.__dict__["ask"]
    PrintDialogs.ask = staticmethod(ask)  # type: ignore[assignment]
    yield target
    PrintDialogs.ask = original


def test_stock_balance_report_to_the_printer(qtbot, tab: StockTab, printer_file: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.wait_signal(tab.sig_printed, timeout=30000) as printed:
        qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert printed.args[0] is True
    text = _pdf_text(printer_file)
    assert "Stock balance report" in text
    assert tab.balances_model.row_at(0).article_number in text
