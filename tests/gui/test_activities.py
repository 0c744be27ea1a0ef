"""Activities in the real main window (R23–R27, R32, R37): the "New activity" wizard from the patient record,
its pages refusing to go on, the detail (status, sheet, renumber, close), the search and a scanned number."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.database import Database
from app.patients import PatientRecord, format_identity
from db.models import Activity, ActivityIndividual, Individual
from db.models.enums import ActivityKind, ActivityStatus, IndividualStatus
from tests.gui.scanner import scan
from ui.activities.detail import ActivityDetailDialog
from ui.activities.search import ActivitySearchDialog
from ui.activities.wizard import ActivityWizard
from ui.documents import Documents
from ui.main_window import MainWindow
from ui.qt import QAction, QComboBox, QPlainTextEdit, QPoint, Qt, QWizard

pytestmark = pytest.mark.gui

WAIT = 10000
#: The ordinary demo patient's charging case: delivered, individually marked, on no activity.
CASE = "429862045"
#: Her TV adapter, on its way from the central warehouse: delivered only in a few days (R24).
COMING = "512313698"


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "documents"
    monkeypatch.setattr(Documents, "directory", folder)
    monkeypatch.setattr(Documents, "open_files", False)
    return folder


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def open_record(qtbot, window: MainWindow, number: str) -> PatientRecord:  # type: ignore[no-untyped-def]
    window.show_tab(0)
    tab = window.patient_tab
    with qtbot.wait_signal(tab.sig_record_opened, timeout=WAIT) as opened:
        tab.search_edit.setText(format_identity(number))
        qtbot.keyClick(tab.search_edit, Qt.Key.Key_Return)
    record: PatientRecord = opened.args[0]
    return record


def start_wizard(qtbot, window: MainWindow, number: str) -> ActivityWizard:  # type: ignore[no-untyped-def]
    open_record(qtbot, window, number)
    button = window.patient_tab.record_view.new_activity_button
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(
        lambda: isinstance(getattr(window, "activity_wizard", None), ActivityWizard), timeout=WAIT
    )
    wizard: ActivityWizard = window.activity_wizard
    qtbot.wait_until(wizard.isVisible, timeout=WAIT)
    return wizard


def choose(qtbot, combo: QComboBox, data: Any) -> None:  # type: ignore[no-untyped-def]
    target = combo.findData(data)
    assert target >= 0, data
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)


def next_page(qtbot, wizard: ActivityWizard) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def refused_on(qtbot, wizard: ActivityWizard, click: Any) -> str:  # type: ignore[no-untyped-def]
    """The sentence the current page refuses with when *click* is pressed; the page stays."""
    page = wizard.currentId()
    with qtbot.wait_signal(wizard.sig_refused, timeout=WAIT) as refused:
        click()
    assert wizard.currentId() == page
    sentence: str = refused.args[0]
    return sentence


def tick(qtbot, button: Any) -> None:  # type: ignore[no-untyped-def]
    """Click a check box or radio button on its box (a click beside a short text does nothing)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def write(qtbot, edit: Any, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type *text* into *edit*; Swedish letters, which QTest cannot type as keys, are inserted as a paste."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
    elif isinstance(edit, QPlainTextEdit):
        edit.insertPlainText(text)
    else:
        edit.insert(text)


def service_id(wizard: ActivityWizard, name: str) -> Any:
    return next(s.id for s in wizard.start.services if s.name == name)


def test_an_activity_from_creation_to_closing_with_a_renumber(
    qtbot, qtmodeltester, window: MainWindow, examples: dict[str, str], demo_dir: Path, documents: Path
) -> None:  # type: ignore[no-untyped-def]
    wizard = start_wizard(qtbot, window, examples["ordinary"])
    # Page 1: the kind with its info text, the service location.
    assert wizard.kind_page.kind() is ActivityKind.WARRANTY_REPAIR
    assert "warranty repair" in wizard.kind_page.info.text()
    next_page(qtbot, wizard)
    # Page 2: nothing chosen yet is refused with one sentence; an aid not yet delivered too (R24).
    aids = wizard.aids_page
    sentence = refused_on(qtbot, wizard, lambda: next_page(qtbot, wizard))
    assert sentence == "Choose the service product." == aids.error.text()
    choose(qtbot, aids.service_combo, service_id(wizard, "Garantireparation Phonak"))
    boxes = {aid.individual_number: box for box, aid in aids.aid_boxes}
    tick(qtbot, boxes[COMING])
    assert "counts as delivered to the patient from" in refused_on(
        qtbot, wizard, lambda: next_page(qtbot, wizard)
    )
    tick(qtbot, boxes[COMING])
    tick(qtbot, boxes[CASE])
    next_page(qtbot, wizard)
    # Page 3: the wanted action and the fault (R23), a known infection (R32).
    description = wizard.description_page
    assert wizard.currentPage() is description and description.fault.isVisible()
    assert "wanted action" in refused_on(qtbot, wizard, lambda: next_page(qtbot, wizard))
    qtbot.keyClicks(description.wanted, "Kontroll och reparation enligt garanti")
    write(qtbot, description.fault, "Laddar inte; lampan blinkar rött.")
    tick(qtbot, description.infection)
    next_page(qtbot, wizard)
    # Page 4: the unit's address is filled in; a half address is refused.
    address = wizard.address_page
    assert wizard.currentPage() is address and address.unit_radio.isChecked() and address.street.text()
    unit_street = address.street.text()
    address.city.clear()
    save = wizard.button(QWizard.WizardButton.FinishButton)
    assert "whole address" in refused_on(
        qtbot, wizard, lambda: qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    )
    tick(qtbot, address.patient_radio)
    tick(qtbot, address.unit_radio)
    assert address.street.text() == unit_street and address.city.text()
    with qtbot.wait_signal(wizard.sig_created, timeout=WAIT) as created:
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    number = created.args[0].number
    assert f"Activity {number} created." in window.statusBar().currentMessage()

    # The detail opens at once; the device is with the supplier (R23).
    qtbot.wait_until(
        lambda: isinstance(getattr(window, "activity_detail", None), ActivityDetailDialog), timeout=WAIT
    )
    detail: ActivityDetailDialog = window.activity_detail
    qtbot.wait_until(lambda: detail.detail is not None, timeout=WAIT)
    qtmodeltester.check(detail.aids_model)
    assert number in detail.title.text() and "Warranty repair" in detail.title.text()
    assert detail.protective.isVisible()  # R32
    assert (
        detail.aids_model.index(0, 0).data() == CASE and detail.aids_model.index(0, 5).data() == "In repair"
    )
    record = window.patient_tab.current_record()
    qtbot.wait_until(lambda: any(a.number == number for a in window.patient_tab.current_record().activities))
    assert record is not None

    # R27: assigned → planned → started.
    for expected in (ActivityStatus.PLANNED, ActivityStatus.STARTED):
        with qtbot.wait_signal(
            detail.sig_detail, timeout=WAIT, check_params_cb=lambda d, e=expected: d.status is e
        ):
            qtbot.mouseClick(detail.status_button, Qt.MouseButton.LeftButton)
    assert "Started" in detail.title.text() and not detail.status_button.isEnabled()

    # The sheet for the supplier, read back.
    qtbot.keyClicks(detail.comment_edit, "Skickas med rekommenderat brev.")
    with qtbot.wait_signal(detail.sig_sheet_saved, timeout=WAIT) as saved:
        qtbot.mouseClick(detail.print_button, Qt.MouseButton.LeftButton)
    text = pdf_text(saved.args[0])
    for expected in (
        number,
        CASE,
        "Laddar inte; lampan blinkar rött.",
        "Skickas med rekommenderat brev.",
        "PROTECTIVE",
    ):
        assert expected in text, expected

    # R37: the supplier sent a new device; without the confirmation nothing changes.
    qtbot.keyClicks(detail.new_number, "987650001")
    with qtbot.wait_signal(detail.sig_refused, timeout=WAIT) as refused:
        qtbot.mouseClick(detail.renumber_button, Qt.MouseButton.LeftButton)
    assert "confirmation" in refused.args[0] and "confirmation" in detail.message.text()
    tick(qtbot, detail.confirm)
    with qtbot.wait_signal(
        detail.sig_detail,
        timeout=WAIT,
        check_params_cb=lambda d: d.aids[0].replaced_individual_number == CASE,
    ):
        qtbot.mouseClick(detail.renumber_button, Qt.MouseButton.LeftButton)
    assert (
        detail.aids_model.index(0, 0).data() == "987650001" and detail.aids_model.index(0, 1).data() == CASE
    )
    assert "now has the number 987650001" in detail.message.text()

    # Closed with the action taken: the device is back with the patient.
    write(qtbot, detail.action_edit, "Ny laddare skickad av leverantören.")
    with qtbot.wait_signal(
        detail.sig_detail, timeout=WAIT, check_params_cb=lambda d: d.status is ActivityStatus.CLOSED
    ):
        qtbot.mouseClick(detail.close_button, Qt.MouseButton.LeftButton)
    assert not detail.close_box.isVisible() and "Ny laddare skickad av leverantören." in detail.action.text()
    window.runner.wait_for_done()
    database = Database.open(demo_dir)
    try:
        with database.read() as session:
            device = session.scalars(
                select(Individual).where(Individual.individual_number == "987650001")
            ).one()
            assert device.status is IndividualStatus.DELIVERED
            link = session.scalars(
                select(ActivityIndividual)
                .join(Activity, Activity.id == ActivityIndividual.activity_id)
                .where(Activity.number == number)
            ).one()
            assert link.replaced_individual_number == CASE
    finally:
        database.dispose()


def test_r26_the_application_page_asks_each_point(
    qtbot, window: MainWindow, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    wizard = start_wizard(qtbot, window, examples["ordinary"])
    choose(qtbot, wizard.kind_page.kind_combo, ActivityKind.OUTSIDE_ASSORTMENT)
    assert "No article is chosen" in wizard.kind_page.info.text()
    next_page(qtbot, wizard)
    page = wizard.application_page
    assert wizard.currentPage() is page  # no aids, no address (002)
    qtbot.keyClicks(page.supplier, "Starkey Sverige AB")
    qtbot.keyClicks(page.supplier_article_number, "81234-02")
    qtbot.keyClicks(page.article_name, "Starkey Genesis AI 24 CIC")
    write(qtbot, page.need, "Mycket trånga hörselgångar.")
    qtbot.keyClicks(page.tried, "Oticon Intent CIC provad; passade inte.")
    save = wizard.button(QWizard.WizardButton.FinishButton)
    sentence = refused_on(qtbot, wizard, lambda: qtbot.mouseClick(save, Qt.MouseButton.LeftButton))
    assert sentence == "The application must say whether the product is CE-marked under MDR."
    tick(qtbot, page.ce_yes)
    with qtbot.wait_signal(wizard.sig_created, timeout=WAIT):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.wait_until(
        lambda: isinstance(getattr(window, "activity_detail", None), ActivityDetailDialog), timeout=WAIT
    )
    detail = window.activity_detail
    qtbot.wait_until(lambda: detail.detail is not None, timeout=WAIT)
    assert "CE-marked under MDR: Yes" in detail.wanted.text()
    assert not detail.renumber_box.isVisible() and detail.aids_model.rowCount() == 0


def test_r25_the_first_page_refuses_a_childrens_kind_for_an_adult(
    qtbot, window: MainWindow, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    wizard = start_wizard(qtbot, window, examples["ordinary"])
    choose(qtbot, wizard.kind_page.kind_combo, ActivityKind.INSTALLED_REPAIR)
    sentence = refused_on(qtbot, wizard, lambda: next_page(qtbot, wizard))
    assert sentence.startswith("Repair of installed aid is for children only, and the patient is")
    assert wizard.kind_page.error.text() == sentence


def test_r4_an_inactive_patient_has_no_new_activity(
    qtbot, window: MainWindow, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    open_record(qtbot, window, examples["inactive"])
    button = window.patient_tab.record_view.new_activity_button
    assert not button.isEnabled()
    assert button.toolTip() == "The patient is inactive: no new orders or activities. Contact the aid centre."


def test_r27_search_by_number_and_a_scanned_number_open_the_detail(
    qtbot, qtmodeltester, window: MainWindow, demo_template
) -> None:  # type: ignore[no-untyped-def]
    action = next(a for a in window.findChildren(QAction) if a.objectName() == "search_activities")
    action.trigger()
    search: ActivitySearchDialog = window.activity_search
    qtbot.wait_until(lambda: search.results_model.rowCount() > 0, timeout=WAIT)
    qtmodeltester.check(search.results_proxy)
    rows = [search.results_model.row_at(r) for r in range(search.results_model.rowCount())]
    assert [r.created_on for r in rows] == sorted((r.created_on for r in rows), reverse=True)  # newest first
    number = rows[0].number
    with qtbot.wait_signal(search.sig_open, timeout=WAIT):
        search.number_edit.setText(number)
    qtbot.wait_until(lambda: getattr(window, "activity_detail", None) is not None, timeout=WAIT)
    detail = window.activity_detail
    qtbot.wait_until(lambda: detail.detail is not None and detail.detail.number == number, timeout=WAIT)
    detail.close()
    search.close()
    window.activity_detail = None
    window.show_tab(0)
    qtbot.wait_until(lambda: not window.runner.busy(), timeout=WAIT)
    scan(qtbot, window, number)
    qtbot.wait_until(lambda: getattr(window, "activity_detail", None) is not None, timeout=WAIT)
    scanned = window.activity_detail
    qtbot.wait_until(lambda: scanned.detail is not None and scanned.detail.number == number, timeout=WAIT)
    assert "Activity opened" in window.statusBar().currentMessage()


def test_r27_an_activity_on_the_patient_record_opens_its_detail(
    qtbot, window: MainWindow, demo_template
) -> None:  # type: ignore[no-untyped-def]
    from db.models import Patient

    database = Database.open(demo_template[0].parent)
    try:
        with database.read() as session:
            number, identity = session.execute(
                select(Activity.number, Patient.identity_number)
                .join(Patient, Patient.id == Activity.patient_id)
                .where(Patient.protected_identity.is_(False))
                .order_by(Activity.number)
                .limit(1)
            ).one()
    finally:
        database.dispose()
    record = open_record(qtbot, window, identity)
    assert number in [a.number for a in record.activities]
    view = window.patient_tab.record_view
    view.lists.setCurrentWidget(view.activities_view)
    row = next(
        r for r in range(view.activities_model.rowCount()) if view.activities_model.row_at(r).number == number
    )
    view.activities_view.setCurrentIndex(view.activities_model.index(row, 0))
    view.activities_view.setFocus()
    qtbot.keyClick(view.activities_view, Qt.Key.Key_Return)
    qtbot.wait_until(lambda: getattr(window, "activity_detail", None) is not None, timeout=WAIT)
    detail = window.activity_detail
    qtbot.wait_until(lambda: detail.detail is not None and detail.detail.number == number, timeout=WAIT)
    detail.close()
