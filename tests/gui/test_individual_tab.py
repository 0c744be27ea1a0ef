"""The Individual tab driven as a clerk would: search part of a number, open a hit, renumber it behind its
confirmation, edit a SIP number, open the patient holding a device."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.database import Database
from db.models import Individual, IndividualEvent, PatientAccessLog
from ui.main_window import MainWindow
from ui.qt import QCoreApplication, Qt

pytestmark = pytest.mark.gui


@pytest.fixture
def numbers(demo_template) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return dict(demo_template[1].numbers)


def _search(qtbot, window: MainWindow, text: str, *, enter: bool = False) -> None:  # type: ignore[no-untyped-def]
    tab = window.individual_tab
    window.show_tab(3)
    tab.search_edit.clear()
    qtbot.keyClicks(tab.search_edit, text)
    if enter:
        qtbot.keyClick(tab.search_edit, Qt.Key.Key_Return)


def _open(qtbot, window: MainWindow, number: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.wait_signal(window.individual_tab.sig_record_opened, timeout=10000):
        _search(qtbot, window, number, enter=True)


def test_r36_partial_number_lists_hits_and_enter_on_the_list_opens_one(
    qtbot, window: MainWindow, numbers: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    tab = window.individual_tab
    number = numbers["individual_in_stock"]
    part = number[2:7]  # a worn label: five digits from the middle
    _search(qtbot, window, part)
    qtbot.waitUntil(lambda: tab.results_model.rowCount() > 0, timeout=10000)
    shown = [tab.results_model.row_at(r).individual_number for r in range(tab.results_model.rowCount())]
    assert number in shown and all(part in n for n in shown)
    assert tab.search_message.text().startswith(("Found:", "Showing the first"))
    row = shown.index(number)
    tab.results.setFocus()
    tab.results.selectRow(row)
    with qtbot.wait_signal(tab.sig_record_opened, timeout=10000):
        qtbot.keyClick(tab.results, Qt.Key.Key_Return)
    view = tab.record_view
    assert view.individual_number.text() == number
    assert "In stock" in view.status.text() and "Warehouse:" in view.status.text()
    assert view.history_model.rowCount() >= 1
    assert view.owner_colour.text() in (
        "Blue — the aid centre",
        "Red — a municipality",
        "Green — a regional unit",
    )


def test_r36_whole_number_and_enter_opens_the_single_hit(
    qtbot, window: MainWindow, numbers: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    number = numbers["individual_blocked"]
    _open(qtbot, window, number)
    view = window.individual_tab.record_view
    assert view.individual_number.text() == number
    assert view.status.text().startswith("Blocked")
    assert "Spärrat" in view.free_text.text()


def test_r36_a_number_that_matches_nothing_says_so_and_keeps_the_text(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tab = window.individual_tab
    _search(qtbot, window, "0000 0000", enter=True)
    qtbot.waitUntil(lambda: "No individual found" in tab.search_message.text(), timeout=10000)
    assert tab.search_message.text() == "No individual found for 0000 0000."
    assert tab.search_edit.text() == "0000 0000"
    _search(qtbot, window, "12", enter=True)
    qtbot.waitUntil(lambda: "at least 4" in tab.search_message.text(), timeout=10000)
    assert tab.search_edit.text() == "12" and tab.current_record() is None


def test_r37_renumber_refused_without_the_tick_then_done_with_it(
    qtbot, window: MainWindow, numbers: dict[str, str], demo_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    tab = window.individual_tab
    old = numbers["individual_in_stock"]
    _open(qtbot, window, old)
    qtbot.mouseClick(tab.record_view.renumber_button, Qt.MouseButton.LeftButton)
    dialog = tab.renumber_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.confirm.text() == "I confirm that this is the individual that is to get the new number"
    qtbot.keyClicks(dialog.new_number, "777000111")
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10000)
    assert "confirmation" in dialog.error.text()
    assert dialog.new_number.text() == "777000111"  # what was typed is kept
    # A number another individual has is refused with one sentence.
    dialog.confirm.setChecked(True)
    dialog.new_number.clear()
    qtbot.keyClicks(dialog.new_number, numbers["individual_blocked"])
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already used" in dialog.error.text(), timeout=10000)
    dialog.new_number.clear()
    qtbot.keyClicks(dialog.new_number, "777000111")
    with qtbot.wait_signal(tab.sig_record_opened, timeout=10000):
        qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert tab.record_view.individual_number.text() == "777000111"
    shown = [tab.results_model.row_at(r).individual_number for r in range(tab.results_model.rowCount())]
    assert "777000111" in shown and old not in shown  # the hit list follows the new number
    assert tab.record_view.history_model.index(0, 6).data() == f"Previous number: {old}"
    db = Database.open(demo_dir)
    with db.read() as session:
        individual = session.scalars(
            select(Individual).where(Individual.individual_number == "777000111")
        ).one()
        notes = session.scalars(
            select(IndividualEvent.note).where(IndividualEvent.individual_id == individual.id)
        ).all()
    db.dispose()
    assert old in notes


def test_r37_serial_number_change_tells_whom_to_contact(
    qtbot, window: MainWindow, numbers: dict[str, str], messages
) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, window, numbers["individual_in_stock"])
    qtbot.mouseClick(window.individual_tab.record_view.serial_button, Qt.MouseButton.LeftButton)
    assert messages and "hjalpmedel@skane.se" in messages[-1][2]


def test_r38_sip_number_edit_refuses_a_bad_one_and_saves_a_good_one(
    qtbot, window: MainWindow, numbers: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    tab = window.individual_tab
    tab.search_in.setCurrentIndex(2)  # SIP number
    _open(qtbot, window, numbers["sip_number"])
    view = tab.record_view
    assert view.individual_number.text() == numbers["individual_with_sip"]
    qtbot.mouseClick(view.sip_button, Qt.MouseButton.LeftButton)
    assert view.sip_edit.isVisible() and view.sip_edit.text() == numbers["sip_number"]
    view.sip_edit.clear()
    qtbot.keyClicks(view.sip_edit, "anna")
    qtbot.keyClick(view.sip_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.sip_error.isVisible(), timeout=10000)
    assert "is not a SIP number" in view.sip_error.text() and view.sip_edit.text() == "anna"
    view.sip_edit.clear()
    qtbot.keyClicks(view.sip_edit, "sip:46409998877@sip.horsel.skane.example")
    qtbot.keyClick(view.sip_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.sip_edit.isVisible(), timeout=10000)
    assert view.sip_number.text() == "46409998877@sip.horsel.skane.example"
    assert view.history_model.index(0, 6).data() == f"Previous SIP number: {numbers['sip_number']}"
    # The new SIP number is found by part of it.
    _search(qtbot, window, "4640999887", enter=True)
    qtbot.waitUntil(lambda: tab.results_model.rowCount() == 1, timeout=10000)


def test_r40_owner_colour_swatch_and_word(qtbot, window: MainWindow, numbers: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, window, numbers["individual_in_stock"])
    view = window.individual_tab.record_view
    colour = view.record.owner_colour if view.record else None
    assert colour is not None
    expected = {"blue": "#1f5fbf", "red": "#c62828", "green": "#2e7d32"}[colour.value]
    assert expected in view.owner_swatch.styleSheet()
    assert view.owner_colour.text().lower().startswith(colour.value)


def test_opening_the_patient_from_an_individual_logs_the_access(
    qtbot, window: MainWindow, numbers: dict[str, str], demo_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, window, numbers["individual_with_sip"])
    view = window.individual_tab.record_view
    record = view.record
    assert record is not None and record.patient_id is not None and view.open_patient_button.isEnabled()
    with qtbot.wait_signal(window.patient_tab.sig_record_opened, timeout=10000):
        qtbot.mouseClick(view.open_patient_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.patient_tab
    assert window.patient_tab.current_record() is not None
    assert window.patient_tab.current_record().id == record.patient_id  # type: ignore[union-attr]
    db = Database.open(demo_dir)
    with db.read() as session:
        logged = session.scalars(
            select(PatientAccessLog.description).where(PatientAccessLog.patient_id == record.patient_id)
        ).all()
    db.dispose()
    assert logged == ["Record opened"]


def test_individual_tab_speaks_swedish(qtbot, window: MainWindow, numbers: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    from ui.i18n import install_translators

    install_translators(QCoreApplication.instance(), "sv")  # type: ignore[arg-type]
    try:
        from ui.individual.record import RenumberDialog

        _open(qtbot, window, numbers["individual_in_stock"])
        record = window.individual_tab.record_view.record
        assert record is not None
        dialog = RenumberDialog(record)
        qtbot.add_widget(dialog)
        assert dialog.confirm.text() == "Jag bekräftar att detta är den individ som ska byta nummer"
    finally:
        install_translators(QCoreApplication.instance(), "en")  # type: ignore[arg-type]


def test_labels_from_the_individual_tab_one_from_the_record_a_sheet_for_chosen_hits(
    qtbot, window: MainWindow, numbers: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    """Labels: one at a time from the open individual, a sheet for several chosen hits (issue 10)."""
    import io

    import pypdfium2
    import zxingcpp
    from pypdf import PdfReader

    tab = window.individual_tab
    number = numbers["individual_in_stock"]
    _open(qtbot, window, number)
    qtbot.mouseClick(tab.record_view.label_button, Qt.MouseButton.LeftButton)
    dialog = tab.label_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.rendered is not None, timeout=20000)
    assert dialog.rendered is not None and dialog.rendered.labels == 1
    text = PdfReader(io.BytesIO(dialog.rendered.pdf)).pages[0].extract_text()
    assert number in text
    dialog.close()

    _search(qtbot, window, number[:4])
    qtbot.waitUntil(lambda: tab.results_model.rowCount() >= 2, timeout=10000)
    assert not tab.labels_button.isEnabled()
    tab.results.selectRow(0)
    tab.results.selectionModel().select(
        tab.results_model.index(1, 0),
        tab.results.selectionModel().SelectionFlag.Select | tab.results.selectionModel().SelectionFlag.Rows,
    )
    chosen = sorted(hit.individual_number for hit in tab.chosen_hits())
    assert len(chosen) == 2 and tab.labels_button.isEnabled()
    qtbot.mouseClick(tab.labels_button, Qt.MouseButton.LeftButton)
    dialog = tab.label_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.rendered is not None, timeout=20000)
    with qtbot.wait_signal(dialog.sig_ready, timeout=20000):
        qtbot.mouseClick(dialog.sheet_choice, Qt.MouseButton.LeftButton)
    assert dialog.rendered is not None and (dialog.rendered.labels, dialog.rendered.pages) == (2, 1)
    document = pypdfium2.PdfDocument(dialog.rendered.pdf)
    try:
        image = document[0].render(scale=300 / 72).to_pil()
    finally:
        document.close()
    assert sorted(result.text for result in zxingcpp.read_barcodes(image)) == chosen
    dialog.close()
