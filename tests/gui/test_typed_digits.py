"""Digits typed with another keyboard layout or input method, in the real window: the number is read as
the clerk meant it, or refused with a sentence; nothing crashes."""

from __future__ import annotations

from typing import Any

import pytest

from app.patients import format_identity
from tests.gui.test_order_cart import WAIT
from tests.gui.test_order_search import pages, show_search  # noqa: F401 (a fixture)
from tests.gui.test_receipt_page import _find, _page, _sign_in
from tests.test_typed_input import written
from ui.main_window import MainWindow
from ui.qt import QLineEdit, Qt, QTest

pytestmark = pytest.mark.gui


def type_keys(field: QLineEdit, text: str) -> None:
    """Key presses carrying *text*, as a keyboard layout or input method sends them (``qtbot.keyClicks``
    takes Latin-1 only)."""
    for char in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, field, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
        )


def test_r1_identity_number_typed_in_full_width_opens_the_record(
    qtbot, window: MainWindow, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    number = examples["ordinary"]
    tab = window.patient_tab
    with qtbot.wait_signal(tab.sig_record_opened, timeout=10000):
        type_keys(tab.search_edit, written(format_identity(number), "full-width"))
        qtbot.keyClick(tab.search_edit, Qt.Key.Key_Return)
    assert tab.record_view.identity.text().startswith(format_identity(number))


@pytest.mark.usefixtures("pages")
def test_r17_order_number_typed_in_arabic_indic_digits_opens_the_order(
    qtbot, window: MainWindow, demo_template: Any
) -> None:  # type: ignore[no-untyped-def]
    page = show_search(window)
    number = demo_template[1].numbers["open_order"]
    with qtbot.wait_signal(page.sig_detail, timeout=WAIT, check_params_cb=lambda d: d.row.number == number):
        type_keys(page.number_edit, written(number, "Arabic-Indic"))
        qtbot.keyClick(page.number_edit, Qt.Key.Key_Return)
    assert page.results_model.rowCount() == 1


def test_r18_a_quantity_that_is_no_number_gets_the_sentence(
    qtbot, window: MainWindow, demo_template: Any
) -> None:  # type: ignore[no-untyped-def]
    numbers = demo_template[1].numbers
    _sign_in(qtbot, window, "anna.audionom", "HM-LUND")
    page = _page(qtbot, window)
    _find(qtbot, page, numbers["replenishment_purchase_order"])
    _aid_editor, dome_editor = page.line_editors
    dome_editor.delivered_edit.clear()
    type_keys(dome_editor.delivered_edit, "\u19da\u19da")  # Tai Tham digits: isdigit(), no value
    for other in page.line_editors[:1]:
        other.tick.setChecked(False)
    qtbot.keyClick(page.receive_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "type how many were delivered" in page.message.text(), timeout=10000)
    assert page.delivery is not None  # nothing received, the delivery stays on the page
