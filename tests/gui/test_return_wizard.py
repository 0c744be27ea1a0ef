"""The return wizard driven in the real window (R9, R28–R32): from the patient record to a pickup order and
its PDF, the checklist refusing to go on, a draft resumed, a deceased patient's aids, a return to own stock,
an aid ticked by its scanned individual number."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.patients import format_identity
from db.models.enums import PickupReason
from ui.documents import Documents, set_documents_dir
from ui.main_window import MainWindow
from ui.messages import MessageBoxes
from ui.qt import QItemSelectionModel, Qt, QWizard
from ui.returns.wizard import AIDS_PAGE, CHECKLIST_PAGE, SUMMARY_PAGE, ReturnWizard

pytestmark = pytest.mark.gui


@pytest.fixture
def documents(tmp_path: Path) -> Iterator[Path]:
    """PDFs go to a folder of the test and are not opened in a viewer."""
    folder = set_documents_dir(tmp_path / "workstation")
    Documents.open_files = False
    yield folder
    Documents.directory = None
    Documents.open_files = True


def open_patient(qtbot, window: MainWindow, number: str) -> None:  # type: ignore[no-untyped-def]
    tab = window.patient_tab
    with qtbot.wait_signal(tab.sig_record_opened, timeout=10000):
        tab.search_edit.clear()
        qtbot.keyClicks(tab.search_edit, format_identity(number))
        qtbot.keyClick(tab.search_edit, Qt.Key.Key_Return)


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled() and button.isVisible(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def start_from_record(qtbot, window: MainWindow, rows: tuple[int, ...] = ()) -> ReturnWizard:  # type: ignore[no-untyped-def]
    """The chosen rows of Aids held (none: all), then "Return…"; the wizard once its first page is ready."""
    view = window.patient_tab.record_view
    selection = view.aids_view.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            view.aids_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    return wizard_opened(qtbot, window, lambda: click(qtbot, view.return_button))


def wizard_opened(qtbot, window: MainWindow, action) -> ReturnWizard:  # type: ignore[no-untyped-def]
    previous = getattr(window, "return_wizard", None)
    action()
    qtbot.waitUntil(lambda: getattr(window, "return_wizard", None) not in (None, previous), timeout=5000)
    wizard: ReturnWizard = window.return_wizard
    qtbot.waitUntil(lambda: wizard.aids_page.start is not None, timeout=10000)
    assert wizard.isVisible() and wizard.currentId() == AIDS_PAGE
    return wizard


def ticked(wizard: ReturnWizard) -> list[str]:
    return [aid.article_number for aid in wizard.aids_page.chosen()]


def choose(wizard: ReturnWizard, destination: str, reason: PickupReason | None, comment: str = "") -> None:
    page = wizard.aids_page
    page.destination_buttons[destination].click()  # type: ignore[index]
    if reason is not None:
        page.choose_reason(reason)
    page.comment_edit.setText(comment)


def next_page(qtbot, wizard: ReturnWizard, expected: int) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentId() == expected, [
        label.text() for label in (wizard.aids_page.error, wizard.checklist_page.error) if label.isVisible()
    ]


def answer_checklists(wizard: ReturnWizard) -> None:
    """Every aid's checklist: all points done, no infection, no incident (one aid shown at a time)."""
    page = wizard.checklist_page
    for row in range(page.aids_model.rowCount()):
        page.show_aid_at(row)
        page.editor.all_done.click()
        page.editor.infection_no.click()
        page.editor.incident_no.click()


def finish(qtbot, wizard: ReturnWizard) -> Path:  # type: ignore[no-untyped-def]
    """Finish on the summary: the one save, then the document saved (its path)."""
    with qtbot.wait_signal(wizard.sig_document_saved, timeout=20000) as saved:
        click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    path: Path = saved.args[0]
    assert not wizard.isVisible()
    return path


def test_r28_wizard_end_to_end_to_a_pickup_order_and_its_pdf(
    qtbot, window: MainWindow, examples: dict[str, str], documents: Path
) -> None:  # type: ignore[no-untyped-def]
    open_patient(qtbot, window, examples["ordinary"])
    record = window.patient_tab.current_record()
    assert record is not None
    first = next(
        i for i, aid in enumerate(record.aids_held) if aid.individual_number and not aid.pickup_registered
    )
    aid = record.aids_held[first]
    wizard = start_from_record(qtbot, window, (first,))
    assert ticked(wizard) == [aid.article_number]  # the chosen row, ticked
    next_page(qtbot, wizard, AIDS_PAGE)  # no destination yet: refused
    assert wizard.aids_page.error.text() == "Choose where the aids go."
    choose(wizard, "central_warehouse", PickupReason.MODEL_UNSUITABLE)
    next_page(qtbot, wizard, CHECKLIST_PAGE)
    answer_checklists(wizard)
    next_page(qtbot, wizard, SUMMARY_PAGE)
    summary = wizard.summary_page.summary.text()
    assert "HÖRSEL" in summary and aid.individual_number in summary
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == "Create the pickup order"
    path = finish(qtbot, wizard)
    done = wizard.done_return
    assert done is not None and len(done.number) == 8
    text = pdf_text(path)
    assert done.number in text and aid.article_number in text and aid.individual_number in text
    assert "HÖRSEL" in text and "Truckstigen 2" in text
    # R28: the aid stays on the patient's list, its pickup order shown.
    qtbot.waitUntil(
        lambda: any(
            a.individual_number == aid.individual_number and a.pickup_registered
            for a in window.patient_tab.current_record().aids_held  # type: ignore[union-attr]
        ),
        timeout=10000,
    )


def test_r29_checklist_page_refuses_until_every_point_is_answered(
    qtbot, window: MainWindow, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    open_patient(qtbot, window, examples["ordinary"])
    record = window.patient_tab.current_record()
    assert record is not None
    first = next(
        i for i, aid in enumerate(record.aids_held) if aid.individual_number and not aid.pickup_registered
    )
    wizard = start_from_record(qtbot, window, (first,))
    choose(wizard, "central_warehouse", PickupReason.WRONG_ORDER)
    next_page(qtbot, wizard, CHECKLIST_PAGE)
    page = wizard.checklist_page
    checklist = page.editor
    next_page(qtbot, wizard, CHECKLIST_PAGE)  # nothing answered: stays
    assert page.error.isVisible() and "The product is complete" in page.error.text()
    checklist.all_done.click()
    checklist.points[next(iter(checklist.points))].click()  # the first point not done …
    next_page(qtbot, wizard, CHECKLIST_PAGE)  # … and no reason why: stays
    checklist.reasons[next(iter(checklist.reasons))].setText("The manual is lost")
    next_page(qtbot, wizard, CHECKLIST_PAGE)  # infection not asked yet: stays
    assert "known infection" in page.error.text()
    checklist.infection_yes.click()
    next_page(qtbot, wizard, CHECKLIST_PAGE)  # incident not asked: stays
    assert "incident" in page.error.text()
    checklist.incident_no.click()
    next_page(qtbot, wizard, CHECKLIST_PAGE)  # R32: infection, not cleaned: stays
    assert "cleaned before it is returned" in page.error.text()
    checklist.cleaned.click()
    next_page(qtbot, wizard, SUMMARY_PAGE)
    summary = wizard.summary_page.summary.text()
    assert "The manual is lost" in summary and "protective clothing" in summary
    wizard.done(QWizard.DialogCode.Rejected)


def test_draft_resumed_after_the_wizard_was_closed_half_way(
    qtbot, window: MainWindow, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    open_patient(qtbot, window, examples["ordinary"])
    record = window.patient_tab.current_record()
    assert record is not None
    first = next(
        i for i, aid in enumerate(record.aids_held) if aid.individual_number and not aid.pickup_registered
    )
    wizard = start_from_record(qtbot, window, (first,))
    chosen = ticked(wizard)
    choose(wizard, "central_warehouse", PickupReason.OTHER, "Hears better with the old one")
    next_page(qtbot, wizard, CHECKLIST_PAGE)
    checklist = wizard.checklist_page.editor
    checklist.all_done.click()
    checklist.incident_no.click()
    with qtbot.wait_signal(wizard.sig_draft_saved, timeout=10000):
        click(qtbot, wizard.button(QWizard.WizardButton.CancelButton))
    assert not wizard.isVisible()
    # Nothing went to the ledger: no pickup order on the patient.
    assert window.patient_tab.current_record() == record

    MessageBoxes.answer = True  # "Resume the return?" — yes
    again = start_from_record(qtbot, window)  # no row chosen: the draft's aid is ticked, not all of them
    page = again.aids_page
    assert ticked(again) == chosen
    assert page.destination() == "central_warehouse" and page.reason() is PickupReason.OTHER
    assert page.comment_edit.text() == "Hears better with the old one"
    next_page(qtbot, again, CHECKLIST_PAGE)
    resumed = again.checklist_page.editor
    assert all(box.isChecked() for box in resumed.points.values())  # the draft's answers, shown
    assert resumed.incident_no.isChecked() and not resumed.infection_yes.isChecked()
    again.done(QWizard.DialogCode.Rejected)


def test_r9_deceased_patient_notice_returns_every_aid(
    qtbot, window: MainWindow, examples: dict[str, str], documents: Path
) -> None:  # type: ignore[no-untyped-def]
    open_patient(qtbot, window, examples["deceased"])
    view = window.patient_tab.record_view
    record = window.patient_tab.current_record()
    assert record is not None and record.deceased_on is not None and record.aids_held
    assert view.deceased_box.isVisible()
    notice = view.deceased_text.text()
    assert "must be returned" in notice
    for aid in record.aids_held:
        assert aid.article_number in notice
    wizard = wizard_opened(qtbot, window, lambda: click(qtbot, view.deceased_button))
    page = wizard.aids_page
    assert page.reason() is PickupReason.PATIENT_DECEASED
    assert sorted(ticked(wizard)) == sorted(
        a.article_number for a in record.aids_held if not a.pickup_registered
    )
    choose(wizard, "central_warehouse", None)
    next_page(qtbot, wizard, CHECKLIST_PAGE)
    answer_checklists(wizard)
    next_page(qtbot, wizard, SUMMARY_PAGE)
    assert "deceased" in wizard.summary_page.summary.text()
    text = pdf_text(finish(qtbot, wizard))
    assert wizard.done_return is not None and wizard.done_return.number in text
    # R28: the aids stay on the list with their pickup order shown, devices and lines alike.
    qtbot.waitUntil(
        lambda: all(
            a.pickup_registered
            for a in window.patient_tab.current_record().aids_held  # type: ignore[union-attr]
        ),
        timeout=10000,
    )
    # Nothing is left to return: every aid is on the pickup order, so the notice offers no new return.
    assert view.deceased_box.isVisible() and not view.deceased_button.isEnabled()
    assert "pickup order registered" in view.deceased_text.text()


def test_r30_own_stock_return_leaves_aids_held_and_shows_under_returned(
    qtbot, window: MainWindow, examples: dict[str, str], documents: Path
) -> None:  # type: ignore[no-untyped-def]
    open_patient(qtbot, window, examples["ordinary"])
    record = window.patient_tab.current_record()
    assert record is not None
    first = next(
        i for i, aid in enumerate(record.aids_held) if aid.individual_number and not aid.pickup_registered
    )
    aid = record.aids_held[first]
    wizard = start_from_record(qtbot, window, (first,))
    choose(wizard, "own_stock", PickupReason.CHANGED_MIND)
    next_page(qtbot, wizard, CHECKLIST_PAGE)
    answer_checklists(wizard)
    next_page(qtbot, wizard, SUMMARY_PAGE)
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == "Return to own stock"
    text = pdf_text(finish(qtbot, wizard))
    assert aid.individual_number in text

    def moved() -> bool:
        current = window.patient_tab.current_record()
        assert current is not None
        held = {a.individual_number for a in current.aids_held}
        returned = {a.individual_number for a in current.returned}
        return aid.individual_number not in held and aid.individual_number in returned

    qtbot.waitUntil(moved, timeout=10000)


def test_scanned_individual_number_ticks_its_aid_in_the_wizard(
    qtbot, window: MainWindow, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    open_patient(qtbot, window, examples["ordinary"])
    record = window.patient_tab.current_record()
    assert record is not None
    individuals = [a for a in record.aids_held if a.individual_number and not a.pickup_registered]
    wizard = start_from_record(qtbot, window, (record.aids_held.index(individuals[0]),))
    for box in wizard.aids_page.aid_boxes.values():
        box.setChecked(False)
    with qtbot.wait_signal(window.scan_router.sig_routed, timeout=5000) as routed:
        window.scan_router.deliver(individuals[0].individual_number)
    assert routed.args[0].taken_by is wizard
    assert ticked(wizard) == [individuals[0].article_number]
    wizard.done(QWizard.DialogCode.Rejected)


@pytest.fixture
def numbers(demo_template) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Device and document numbers of the demo data."""
    return dict(demo_template[1].numbers)


def test_r31_individual_in_own_stock_goes_back_to_the_supplier_from_the_individual_tab(
    qtbot, window: MainWindow, numbers: dict[str, str], documents: Path
) -> None:  # type: ignore[no-untyped-def]
    number = numbers["individual_in_stock"]
    with qtbot.wait_signal(window.individual_tab.sig_record_opened, timeout=10000):
        window.scan_router.deliver(number)
    view = window.individual_tab.record_view
    wizard = wizard_opened(qtbot, window, lambda: click(qtbot, view.return_button))
    page = wizard.aids_page
    assert list(page.destination_buttons) == ["supplier"]  # the only way for a device in own stock
    assert page.destination_buttons["supplier"].isChecked()  # type: ignore[index]
    assert page.credit_label.isVisible() and not page.reason_combo.isVisible()
    assert [aid.individual_number for aid in page.chosen()] == [number]
    next_page(qtbot, wizard, AIDS_PAGE)  # R31: the credit needs its comment
    assert "supplier" in page.error.text()
    page.comment_edit.setText("Wrong model delivered to stock")
    next_page(qtbot, wizard, CHECKLIST_PAGE)
    editor = wizard.checklist_page.editor
    asked = [point for point, box in editor.points.items() if not box.isHidden()]
    assert 0 < len(asked) < len(editor.points)  # the supplier's points only
    answer_checklists(wizard)
    next_page(qtbot, wizard, SUMMARY_PAGE)
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == "Return to the supplier"
    text = pdf_text(finish(qtbot, wizard))
    assert number in text and wizard.done_return is not None and wizard.done_return.number in text


def test_new_return_from_the_returns_menu_asks_for_the_patient(
    qtbot, window: MainWindow, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Returns")
    action = next(a for a in menu.actions() if a.text().replace("&", "") == "New return…")  # type: ignore[union-attr]
    action.trigger()
    dialog = window.new_return_dialog
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.number_edit, "12345")
    qtbot.keyClick(dialog.number_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)  # one sentence, the dialog stays
    dialog.number_edit.clear()
    qtbot.keyClicks(dialog.number_edit, format_identity(examples["ordinary"]))
    wizard = wizard_opened(qtbot, window, lambda: qtbot.keyClick(dialog.number_edit, Qt.Key.Key_Return))
    assert wizard.aids_page.start is not None and wizard.aids_page.start.patient_id is not None
    assert ticked(wizard) == []  # the clerk ticks what comes back
    wizard.done(QWizard.DialogCode.Rejected)
