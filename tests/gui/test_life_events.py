"""The life-event dialogs driven in the real window: lost or stolen (R41), change of recipient (R42), bought
over from another region and moving out with the aid list (R43), PDFs read back."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.database import Database
from app.patients import format_identity
from db.models import Individual, Patient
from db.models.enums import IndividualStatus
from tests.test_life_events import _moving_patient, _second_patient
from ui.documents import Documents, set_documents_dir
from ui.life_events.bought_over import BoughtOverDialog
from ui.life_events.lost_device import LostDeviceDialog
from ui.life_events.moving_out import AidListDialog, MovingOutDialog
from ui.life_events.recipient import RecipientChangeDialog
from ui.main_window import MainWindow
from ui.qt import QAction, QItemSelectionModel, Qt

pytestmark = pytest.mark.gui


@pytest.fixture
def documents(tmp_path: Path) -> Iterator[Path]:
    folder = set_documents_dir(tmp_path / "workstation")
    Documents.open_files = False
    yield folder
    Documents.directory = None
    Documents.open_files = True


def _pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _open_patient(qtbot, window: MainWindow, number: str) -> None:  # type: ignore[no-untyped-def]
    tab = window.patient_tab
    window.show_tab(0)
    with qtbot.wait_signal(tab.sig_record_opened, timeout=10000):
        tab.search_edit.clear()
        qtbot.keyClicks(tab.search_edit, format_identity(number))
        qtbot.keyClick(tab.search_edit, Qt.Key.Key_Return)


def _menu_action(view, kind: str) -> QAction:  # type: ignore[no-untyped-def]
    menu = view.life_events_button.menu()
    action = next(a for a in menu.actions() if a.objectName() == f"life_event_{kind}")
    assert isinstance(action, QAction)
    return action


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(button.isEnabled, timeout=10000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_r41_a_stolen_aid_reported_from_the_patient_record(
    qtbot, window: MainWindow, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    _open_patient(qtbot, window, examples["ordinary"])
    view = window.patient_tab.record_view
    assert view.life_events_button.isEnabled()
    _menu_action(view, "lost").trigger()
    assert window.life_events.dialog is None  # no aid chosen: the clerk is told to choose one
    row = next(r for r in range(view.aids_model.rowCount()) if view.aids_model.row_at(r).individual_number)
    number = view.aids_model.row_at(row).individual_number
    view.aids_view.selectionModel().select(
        view.aids_model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    _menu_action(view, "lost").trigger()
    dialog = window.life_events.dialog
    assert isinstance(dialog, LostDeviceDialog)
    qtbot.waitUntil(dialog.report_button.isEnabled, timeout=10000)
    assert number in dialog.device.text() and "administrative fee" in dialog.charge.text()
    dialog.stolen.setChecked(True)
    _click(qtbot, dialog.report_button)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10000)
    assert "police report" in dialog.error.text()
    qtbot.keyClicks(dialog.police_reference, "5000-K123456-26")
    _click(qtbot, dialog.report_button)
    qtbot.waitUntil(lambda: window.life_events.dialog is None, timeout=10000)
    qtbot.waitUntil(
        lambda: number not in {aid.individual_number for aid in view.record.aids_held}, timeout=10000
    )
    assert number in window.statusBar().currentMessage()


def test_r42_change_of_recipient_from_the_individual_tab(
    qtbot, window: MainWindow, examples: dict[str, str], demo_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    database = Database.open(demo_dir)
    try:
        new = _second_patient(database, examples)
        with database.read() as session:
            new_identity = session.get(Patient, new).identity_number  # type: ignore[union-attr]
            old = session.scalars(
                select(Patient.id).where(Patient.identity_number == examples["ordinary"])
            ).one()
            number = session.scalars(
                select(Individual.individual_number).where(
                    Individual.patient_id == old, Individual.status == IndividualStatus.DELIVERED
                )
            ).first()
    finally:
        database.dispose()
    assert number is not None
    tab = window.individual_tab
    window.show_tab(3)
    with qtbot.wait_signal(tab.sig_record_opened, timeout=10000):
        tab.search_edit.clear()
        qtbot.keyClicks(tab.search_edit, number)
        qtbot.keyClick(tab.search_edit, Qt.Key.Key_Return)
    view = tab.record_view
    assert view.recipient_action.isEnabled() and view.lost_action.isEnabled()
    view.recipient_action.trigger()
    dialog = window.life_events.dialog
    assert isinstance(dialog, RecipientChangeDialog)
    qtbot.keyClicks(dialog.search, format_identity(new_identity))
    qtbot.waitUntil(lambda: dialog.chosen() is not None, timeout=10000)
    _click(qtbot, dialog.change_button)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10000)
    assert "full function" in dialog.error.text()
    dialog.confirm.setChecked(True)
    _click(qtbot, dialog.change_button)
    qtbot.waitUntil(lambda: window.life_events.dialog is None, timeout=10000)
    qtbot.waitUntil(lambda: view.record is not None and view.record.patient_id == new, timeout=10000)
    assert not view.recipient_action.isEnabled() or view.record.status is IndividualStatus.DELIVERED


def test_r43_bought_over_from_the_stock_menu_by_the_administration(
    qtbot, window: MainWindow, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    action = window.findChild(QAction, "bought_over_action")
    assert action is not None
    action.trigger()
    dialog = window.life_events.dialog
    assert isinstance(dialog, BoughtOverDialog)
    qtbot.waitUntil(lambda: dialog.supplier.count() > 1, timeout=10000)
    assert "administration" in dialog.intro.text() and not dialog.register_button.isEnabled()
    dialog.close()
    with qtbot.wait_signal(window.sig_ready, timeout=10000):
        window.sign_in("helena.hjalpmedel", "HM-LUND")
    action.trigger()
    dialog = window.life_events.dialog
    assert isinstance(dialog, BoughtOverDialog)
    qtbot.waitUntil(dialog.register_button.isEnabled, timeout=10000)
    assert "L-LUND" in dialog.intro.text()
    from tests.test_life_events import _bought_over

    database = Database.open(window.data_dir)
    try:
        request = _bought_over(database, examples["ordinary"], "BO-GUI-0001")
    finally:
        database.dispose()
    qtbot.keyClicks(dialog.patient, request.patient_identity)
    qtbot.keyClicks(dialog.region, request.selling_region)
    qtbot.keyClicks(dialog.contact, request.approving_contact)
    dialog.supplier.setCurrentIndex(
        next(i for i in range(dialog.supplier.count()) if dialog.supplier.itemData(i) == request.supplier_id)
    )
    qtbot.keyClicks(dialog.supplier_article, request.supplier_article_number)
    qtbot.keyClicks(dialog.price, "abc")
    dialog.age.setValue(14)
    qtbot.keyClicks(dialog.individual_number, "BO-GUI-0001")
    qtbot.keyClicks(dialog.serial_number, "SN-GUI-1")
    _click(qtbot, dialog.register_button)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10000)
    assert "not a price" in dialog.error.text()
    dialog.price.clear()
    qtbot.keyClicks(dialog.price, "4500")
    _click(qtbot, dialog.register_button)
    qtbot.waitUntil(lambda: dialog.done_model.rowCount() == 1, timeout=10000)
    assert dialog.done_model.row_at(0).individual_number == "BO-GUI-0001"
    assert not dialog.error.isVisible() and dialog.individual_number.text() == ""
    assert dialog.patient.text() == request.patient_identity  # kept for the patient's next aid


def test_r43_moving_out_cleans_the_list_and_prints_the_aid_list_with_the_invoice_address(
    qtbot, window: MainWindow, examples: dict[str, str], documents: Path
) -> None:  # type: ignore[no-untyped-def]
    database = Database.open(window.data_dir)
    try:
        _moving_patient(database, examples)
    finally:
        database.dispose()
    _open_patient(qtbot, window, examples["ordinary"])
    view = window.patient_tab.record_view
    assert "Samtalsförstärkare enkel" in {aid.article_name for aid in view.record.aids_held}
    _menu_action(view, "moving_out").trigger()
    dialog = window.life_events.dialog
    assert isinstance(dialog, MovingOutDialog)
    qtbot.waitUntil(lambda: dialog.lines_model.rowCount() == 2, timeout=10000)
    shown = {dialog.lines_model.row_at(r).article_name for r in range(2)}
    assert shown == {"Utbildning hörteknik", "Samtalsförstärkare enkel"}
    _click(qtbot, dialog.clean_button)
    qtbot.waitUntil(lambda: dialog.lines_model.rowCount() == 0, timeout=10000)
    assert not dialog.clean_button.isEnabled()
    qtbot.waitUntil(
        lambda: "Samtalsförstärkare enkel" not in {aid.article_name for aid in view.record.aids_held},
        timeout=10000,
    )
    _click(qtbot, dialog.print_button)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10000)
    assert "invoice address" in dialog.error.text()
    dialog.invoice.address.setPlainText("Region Halland\nFakturaenheten\nBox 517\n301 80 Halmstad")
    qtbot.keyClicks(dialog.invoice.name, "Sofia Sortiment")
    qtbot.keyClicks(dialog.invoice.phone, "035-13 40 00")
    _click(qtbot, dialog.print_button)
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=20000)
    assert dialog.saved is not None and dialog.saved.parent == documents
    text = _pdf_text(dialog.saved)
    assert "Region Halland Fakturaenheten Box 517 301 80 Halmstad" in text
    assert "Sofia Sortiment" in text and "035-13 40 00" in text
    assert "Samtalsförstärkare proffs" in text and "Samtalsförstärkare enkel" not in text


def test_r5_print_aid_list_from_the_record_of_a_protected_identity(
    qtbot, window: MainWindow, examples: dict[str, str], documents: Path
) -> None:  # type: ignore[no-untyped-def]
    _open_patient(qtbot, window, examples["protected"])
    view = window.patient_tab.record_view
    _menu_action(view, "aid_list").trigger()
    dialog = window.life_events.dialog
    assert isinstance(dialog, AidListDialog)
    _click(qtbot, dialog.print_button)
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=20000)
    assert dialog.saved is not None
    text = _pdf_text(dialog.saved)
    assert "Aid list" in text and "Förmedlingsärende Skatteverket" in text
    assert view.record.name in text
    assert examples["protected"] not in dialog.saved.name
