"""Returns → Search returns… in the real window (R28, R30, R31): by number, by service location and period
(newest first, sortable), a return's detail with its lines and checklist, its document printed again, a
pickup order cancelled, and closed by a user of the aid centre; a scanned pickup number opens its detail."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from db.models.enums import DocumentKind, PickupStatus
from ui.documents import Documents, set_documents_dir
from ui.main_window import MainWindow
from ui.messages import MessageBoxes
from ui.qt import QAction, Qt
from ui.returns.search import ReturnSearchDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def documents(tmp_path: Path) -> Iterator[Path]:
    folder = set_documents_dir(tmp_path / "workstation")
    Documents.open_files = False
    yield folder
    Documents.directory = None
    Documents.open_files = True


@pytest.fixture
def numbers(demo_template) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Document and device numbers of the demo data (its open pickup order, …)."""
    return dict(demo_template[1].numbers)


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def menu_action(window: MainWindow, menu_title: str, text: str) -> QAction:
    for menu_action in window.menuBar().actions():
        if menu_action.text().replace("&", "") == menu_title:
            menu = menu_action.menu()
            for action in menu.actions():  # type: ignore[union-attr]
                if action.text().replace("&", "") == text:
                    return action
    raise AssertionError(f"no {menu_title} → {text}")


def open_search(qtbot, window: MainWindow) -> ReturnSearchDialog:  # type: ignore[no-untyped-def]
    menu_action(window, "Returns", "Search returns…").trigger()
    dialog: ReturnSearchDialog = window.return_search
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.count_label.text() != "", timeout=10000)
    return dialog


def search_number(qtbot, dialog: ReturnSearchDialog, number: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.wait_signal(dialog.sig_detail, timeout=10000):
        dialog.number_edit.clear()
        qtbot.keyClicks(dialog.number_edit, number)
        qtbot.keyClick(dialog.number_edit, Qt.Key.Key_Return)


def test_r28_search_by_number_shows_the_pickup_order_with_lines_and_reprints_it(
    qtbot, window: MainWindow, numbers: dict[str, str], documents: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_search(qtbot, window)
    search_number(qtbot, dialog, numbers["pickup_order"])
    detail = dialog.detail
    assert detail is not None and detail.number == numbers["pickup_order"]
    assert detail.kind is DocumentKind.PICKUP_ORDER
    assert dialog.results_model.rowCount() == 1
    assert numbers["pickup_order"] in dialog.detail_title.text()
    assert dialog.lines_model.rowCount() == len(detail.lines) > 0
    with qtbot.wait_signal(dialog.sig_document_saved, timeout=20000) as saved:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    text = pdf_text(saved.args[0])
    assert numbers["pickup_order"] in text and "HÖRSEL" in text


def test_r17_search_by_location_and_period_is_newest_first_and_sortable(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = open_search(qtbot, window)
    index = dialog.location_combo.findText("All service locations")
    dialog.location_combo.setCurrentIndex(index)
    dialog.from_edit.setDate(dialog.from_edit.date().addYears(-3))
    with qtbot.wait_signal(dialog.sig_results, timeout=10000) as found:
        qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    hits = found.args[0]
    assert len(hits) >= 2
    dates = [hit.created_on for hit in hits]
    assert dates == sorted(dates, reverse=True)  # newest first
    view = dialog.results_view
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by number, as a click on its header
    shown = [dialog.results_proxy.index(row, 0).data() for row in range(dialog.results_proxy.rowCount())]
    assert shown == sorted(shown)


def test_r28_registered_pickup_order_cancelled_from_its_detail(
    qtbot, window: MainWindow, numbers: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_search(qtbot, window)
    search_number(qtbot, dialog, numbers["pickup_order"])
    assert dialog.detail is not None and dialog.detail.status is PickupStatus.REGISTERED
    assert dialog.cancel_button.isEnabled()
    assert not dialog.close_button.isVisible()  # not an aid-centre user
    MessageBoxes.answer = True
    with qtbot.wait_signal(dialog.sig_detail, timeout=10000) as shown:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert shown.args[0].status is PickupStatus.CANCELLED
    assert not dialog.cancel_button.isEnabled()


def test_r28_aid_centre_user_closes_a_pickup_order(
    qtbot, window: MainWindow, numbers: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    with qtbot.wait_signal(window.sig_ready, timeout=10000):
        window.sign_in("helena.hjalpmedel", "HM-LUND")
    dialog = open_search(qtbot, window)
    search_number(qtbot, dialog, numbers["pickup_order"])
    assert dialog.close_button.isVisible() and dialog.close_button.isEnabled()
    with qtbot.wait_signal(dialog.sig_detail, timeout=10000) as shown:
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert shown.args[0].status is PickupStatus.CLOSED


def test_scanned_pickup_number_opens_its_detail(qtbot, window: MainWindow, numbers: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    with qtbot.wait_signal(window.scan_router.sig_routed, timeout=10000) as routed:
        window.scan_router.deliver(numbers["pickup_order"])
    assert routed.args[0].outcome == "Opened in the returns search"
    dialog: ReturnSearchDialog = window.return_search
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=10000)
    assert dialog.isVisible() and dialog.detail.number == numbers["pickup_order"]  # type: ignore[union-attr]
