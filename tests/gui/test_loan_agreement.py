"""The patient record's document and order buttons, driven in the real window (R3, R4, R9, R5)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.documents import render_loan_agreement
from app.patients import format_identity
from tests import factories
from ui.documents import Documents, set_documents_dir, translate_documents
from ui.i18n import install_translators
from ui.main_window import MainWindow
from ui.qt import QItemSelectionModel, Qt

pytestmark = pytest.mark.gui


@pytest.fixture
def documents(tmp_path: Path) -> Iterator[Path]:
    """PDFs go to a folder of the test and are not opened in a viewer."""
    folder = set_documents_dir(tmp_path / "workstation")
    Documents.open_files = False
    yield folder
    Documents.directory = None
    Documents.open_files = True


def _open(qtbot, window: MainWindow, number: str) -> None:  # type: ignore[no-untyped-def]
    tab = window.patient_tab
    with qtbot.wait_signal(tab.sig_record_opened, timeout=10000):
        tab.search_edit.clear()
        qtbot.keyClicks(tab.search_edit, format_identity(number))
        qtbot.keyClick(tab.search_edit, Qt.Key.Key_Return)


def _pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _print(qtbot, window: MainWindow, documents: Path) -> Path:  # type: ignore[no-untyped-def]
    view = window.patient_tab.record_view
    assert view.print_button.text().replace("&", "") == "Print loan agreement…"
    assert view.print_button.isEnabled()
    with qtbot.wait_signal(window.patient_tab.sig_document_saved, timeout=20000) as saved:
        qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
        assert not view.print_button.isEnabled()  # waits for the worker, the UI does not
    path: Path = saved.args[0]
    qtbot.waitUntil(path.exists, timeout=5000)
    assert path.parent == documents and path.suffix == ".pdf"
    assert view.print_button.isEnabled()
    return path


def test_print_loan_agreement_for_every_aid_held(
    qtbot, window: MainWindow, examples: dict[str, str], documents: Path
) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, window, examples["ordinary"])
    record = window.patient_tab.current_record()
    assert record is not None and record.aids_held
    text = _pdf_text(_print(qtbot, window, documents))
    assert "Loan agreement" in text
    assert record.name in text and record.identity_number in text
    for aid in record.aids_held:
        assert aid.article_number in text
        if aid.individual_number:
            assert aid.individual_number in text and aid.serial_number in text
    assert examples["ordinary"] not in path_names(documents)  # the file name carries no identity


def path_names(folder: Path) -> str:
    return " ".join(p.name for p in folder.iterdir())


def test_print_loan_agreement_for_the_selected_rows_only(
    qtbot, window: MainWindow, examples: dict[str, str], documents: Path
) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, window, examples["ordinary"])
    view = window.patient_tab.record_view
    marked = [
        row for row in range(view.aids_model.rowCount()) if view.aids_model.row_at(row).individual_number
    ]
    assert len(marked) >= 2
    chosen, other = view.aids_model.row_at(marked[0]), view.aids_model.row_at(marked[1])
    view.aids_view.selectionModel().select(
        view.aids_model.index(marked[0], 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert view.selected_aids() == (chosen,)
    assert "1 selected" in view.print_button.toolTip()
    text = _pdf_text(_print(qtbot, window, documents))
    assert chosen.individual_number in text and chosen.serial_number in text
    assert other.individual_number not in text


def test_r5_loan_agreement_from_the_record_shows_the_forwarding_address(
    qtbot, window: MainWindow, examples: dict[str, str], documents: Path
) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, window, examples["protected"])
    record = window.patient_tab.current_record()
    assert record is not None and record.protected_identity
    text = _pdf_text(_print(qtbot, window, documents))
    assert record.name in text and "Förmedlingsärende Skatteverket" in text


def test_new_order_for_this_patient_carries_the_patient_id(
    qtbot, window: MainWindow, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, window, examples["ordinary"])
    tab = window.patient_tab
    record = tab.current_record()
    assert record is not None
    button = tab.record_view.new_order_button
    assert button.text().replace("&", "") == "New order for this patient"
    assert button.isEnabled()
    with qtbot.wait_signal(tab.sig_new_order, timeout=2000) as emitted:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert emitted.args == [record.id]


@pytest.mark.parametrize(("kind", "reason"), [("deceased", "deceased"), ("inactive", "inactive")])
def test_r4_r9_new_order_is_disabled_and_says_why(
    qtbot, window: MainWindow, examples: dict[str, str], kind: str, reason: str
) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, window, examples[kind])
    tab = window.patient_tab
    button = tab.record_view.new_order_button
    record = tab.current_record()
    assert record is not None and not record.can_order
    assert not button.isEnabled()
    assert reason in button.toolTip() and "no new orders" in button.toolTip()
    emitted: list[object] = []
    tab.sig_new_order.connect(emitted.append)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert emitted == []


def test_loan_agreement_headings_fit_their_columns_in_swedish(qapp) -> None:  # type: ignore[no-untyped-def]
    """The Swedish column headings print whole ("Beställning", not "Beställnin" and "g")."""
    assert install_translators(qapp, "sv") == "sv"
    try:
        data = render_loan_agreement(factories.loan_agreement_of(3), translate_documents)
    finally:
        install_translators(qapp, "en")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)
    assert "Låneförbindelse" in text
    assert "Artikel Benämning Individ Serienummer Antal Levererad Beställning" in text
