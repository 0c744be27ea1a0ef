"""Driving the real window as a clerk would: type, press Enter, edit, read what is shown."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from app.database import Database
from app.patients import format_identity
from db.models import Patient, PatientAccessLog
from ui.main_window import MainWindow
from ui.qt import QEvent, QLabel, QLineEdit, Qt

pytestmark = pytest.mark.gui


def _search(qtbot, window: MainWindow, text: str, *, enter: bool = False) -> None:  # type: ignore[no-untyped-def]
    tab = window.patient_tab
    tab.search_edit.clear()
    qtbot.keyClicks(tab.search_edit, text)
    if enter:
        qtbot.keyClick(tab.search_edit, Qt.Key.Key_Return)


def _open_by_identity(qtbot, window: MainWindow, number: str) -> None:  # type: ignore[no-untyped-def]
    tab = window.patient_tab
    with qtbot.wait_signal(tab.sig_record_opened, timeout=10000):
        _search(qtbot, window, format_identity(number), enter=True)


def test_start_shows_user_location_and_honest_sync_state(window: MainWindow) -> None:
    assert window.status_user.text().startswith("User: ")
    assert window.status_location.text().startswith("Service location: ")
    assert "Local only" in window.status_sync.text()
    assert [window.tabs.tabText(i).replace("&", "") for i in range(4)] == [
        "Patient",
        "Order",
        "Stock",
        "Individual",
    ]


def test_r1_type_identity_number_press_enter_opens_record_and_logs_access(
    qtbot, window: MainWindow, examples: dict[str, str], demo_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    number = examples["ordinary"]
    _open_by_identity(qtbot, window, number)
    view = window.patient_tab.record_view
    assert view.identity.text().startswith(format_identity(number))
    assert view.access_model.rowCount() >= 1
    newest = view.access_model.row_at(0)
    assert newest.user_name in window.status_user.text()
    assert view.access_model.index(0, 2).data() == "Record opened"  # words only, never the number (R5)
    assert "Access log (1)" in view.lists.tabText(4)
    db = Database.open(demo_dir)
    with db.read() as session:
        patient_id = session.scalars(select(Patient.id).where(Patient.identity_number == number)).one()
        assert (
            len(
                session.scalars(
                    select(PatientAccessLog).where(PatientAccessLog.patient_id == patient_id)
                ).all()
            )
            == 1
        )
    db.dispose()


def test_r1_short_typed_form_and_name_search_as_you_type(
    qtbot, window: MainWindow, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    number = examples["ordinary"]
    tab = window.patient_tab
    _search(qtbot, window, f"{number[2:8]}-{number[8:]}")
    qtbot.wait_until(lambda: tab.results_model.rowCount() == 1, timeout=5000)
    hit = tab.results_model.row_at(0)
    last_name = hit.name.split(",")[0]
    _search(qtbot, window, last_name[:3].lower())
    qtbot.wait_until(lambda: tab.results_model.rowCount() > 0, timeout=5000)
    assert all(
        tab.results_model.row_at(r).name.lower().startswith(last_name[:3].lower())
        or last_name[:3].lower() in tab.results_model.row_at(r).name.lower()
        for r in range(tab.results_model.rowCount())
    )


def test_r1_wrong_check_digit_gets_one_sentence(qtbot, window: MainWindow, examples: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    number = examples["ordinary"]
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    tab = window.patient_tab
    _search(qtbot, window, wrong, enter=True)
    qtbot.wait_until(lambda: "check digit" in tab.search_message.text(), timeout=5000)
    assert f"should be {number[-1]}" in tab.search_message.text()
    assert tab.results_model.rowCount() == 0


def test_scanner_burst_of_an_identity_number_opens_the_record(
    qtbot, window: MainWindow, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    tab = window.patient_tab
    with qtbot.wait_signal(tab.sig_record_opened, timeout=10000):
        tab.search_edit.clear()
        qtbot.keyClicks(tab.search_edit, examples["coordination"], delay=1)
        qtbot.keyClick(tab.search_edit, Qt.Key.Key_Enter)
    assert tab.record_view.record is not None
    assert tab.record_view.record.identity_number == format_identity(examples["coordination"])


def test_r2_edit_phone_with_keyboard_and_refuse_a_bad_one(
    qtbot, window: MainWindow, examples: dict[str, str], demo_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    _open_by_identity(qtbot, window, examples["ordinary"])
    view = window.patient_tab.record_view
    before = view.record.phone  # type: ignore[union-attr]
    qtbot.keyClick(view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert view.phone_edit.isVisible()
    view.phone_edit.clear()
    qtbot.keyClicks(view.phone_edit, "hello")
    qtbot.keyClick(view.phone_edit, Qt.Key.Key_Return)
    qtbot.wait_until(lambda: view.phone_error.isVisible(), timeout=5000)
    assert "is not a phone number" in view.phone_error.text()
    assert view.phone_edit.text() == "hello"  # what the clerk typed is kept
    view.phone_edit.clear()
    qtbot.keyClicks(view.phone_edit, "070-765 43 21")
    qtbot.keyClick(view.phone_edit, Qt.Key.Key_Return)
    qtbot.wait_until(lambda: view.phone.isVisible() and view.phone.text() == "070-765 43 21", timeout=5000)
    assert before != "070-765 43 21"
    window.runner.wait_for_done()
    db = Database.open(demo_dir)
    with db.read() as session:
        phone = session.scalars(
            select(Patient.phone).where(Patient.identity_number == examples["ordinary"])
        ).one()
    db.dispose()
    assert phone == "070-765 43 21"


def test_r2_address_is_read_only(qtbot, window: MainWindow, examples: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    _open_by_identity(qtbot, window, examples["ordinary"])
    view = window.patient_tab.record_view
    assert isinstance(view.address, QLabel)
    assert view.address.text().strip()
    assert "population register" in view.address.toolTip()


def test_r3_four_lists_are_shown(qtbot, window: MainWindow, examples: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    _open_by_identity(qtbot, window, examples["ordinary"])
    view = window.patient_tab.record_view
    titles = [view.lists.tabText(i) for i in range(5)]
    assert [t.split(" ", 1)[1].split(" (")[0] for t in titles] == [
        "Aids held",
        "Ordered",
        "Returned",
        "Activities",
        "Access log",
    ]
    assert view.aids_model.rowCount() > 0
    dates = [view.aids_model.row_at(r).delivered_on or dt.date.min for r in range(view.aids_model.rowCount())]
    assert dates == sorted(dates, reverse=True)


def test_r5_protected_identity_shows_forwarding_address_only(
    qtbot, window: MainWindow, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    _open_by_identity(qtbot, window, examples["protected"])
    view = window.patient_tab.record_view
    assert "Förmedlingsärende Skatteverket" in view.address.text()
    assert "403 20 Göteborg" in view.address.text()
    assert "(protected identity)" in view.title.text()
    assert "R5" in [rule for rule, _text in view.shown_notices()]
    assert view.access_model.index(0, 2).data() == "Record opened"
    assert examples["protected"][:8] not in view.access_model.index(0, 2).data()
    hits = window.patient_tab.results_model
    assert all(hits.row_at(r).city == "" for r in range(hits.rowCount()) if hits.row_at(r).protected_identity)


@pytest.mark.parametrize(
    ("example", "rule", "fragment"),
    [
        ("deceased", "R9", "must be returned"),
        ("inactive", "R4", "Contact the aid centre"),
        ("reserve_adult", "R7", "cannot wait"),
        ("reserve_child", "R7", "same rights"),
        ("other_region_without_commitment", "R6", "none is stored"),
        ("abroad", "R8", "From "),
    ],
)
def test_special_patients_tell_the_clerk_what_to_do(
    qtbot, window: MainWindow, examples: dict[str, str], example: str, rule: str, fragment: str
) -> None:  # type: ignore[no-untyped-def]
    _open_by_identity(qtbot, window, examples[example])
    shown = window.patient_tab.record_view.shown_notices()
    texts = [text for shown_rule, text in shown if shown_rule == rule]
    assert any(fragment in t for t in texts), texts
    # Clerks never read a rule code: the rule id stays internal.
    assert not [text for _rule, text in shown if re.search(r"\bR\d+\b", text)], shown


def test_a_record_shows_only_its_own_notices(qtbot, window: MainWindow, examples: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """The notice boxes are reused from record to record (issue 9): none of the last record's is left."""
    view = window.patient_tab.record_view

    def visible() -> list[str]:
        """The rule of every box the clerk sees in the notices' place."""
        boxes = [view.notices.itemAt(i).widget() for i in range(view.notices.count())]  # type: ignore[union-attr]
        return sorted(box.objectName().removeprefix("notice_") for box in boxes if box.isVisible())

    for example, rule, absent in (
        ("deceased", "R9", "R5"),
        ("protected", "R5", "R9"),
        ("ordinary", None, "R5"),
        ("deceased", "R9", "R5"),
    ):
        _open_by_identity(qtbot, window, examples[example])
        shown = [shown_rule for shown_rule, _text in view.shown_notices()]
        assert (rule is None or rule in shown) and absent not in shown, shown
        assert visible() == sorted(shown) == sorted(notice.rule for notice in view.record.notices)  # type: ignore[union-attr]


def test_enter_on_several_hits_moves_to_the_list_and_enter_opens(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tab = window.patient_tab
    _search(qtbot, window, "a", enter=True)
    qtbot.wait_until(lambda: tab.results.hasFocus() and tab.results_model.rowCount() > 1, timeout=5000)
    with qtbot.wait_signal(tab.sig_record_opened, timeout=10000):
        qtbot.keyClick(tab.results, Qt.Key.Key_Return)
    assert tab.record_view.record is not None


def test_results_and_lists_are_valid_item_models(
    qtbot, qtmodeltester, window: MainWindow, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    _open_by_identity(qtbot, window, examples["deceased"])
    view = window.patient_tab.record_view
    for model in (
        window.patient_tab.results_model,
        view.aids_model,
        view.ordered_model,
        view.returned_model,
        view.activities_model,
        view.access_model,
    ):
        qtmodeltester.check(model)


@pytest.fixture
def line_edits_take_ctrl_e(monkeypatch: pytest.MonkeyPatch) -> None:
    """Line edits as on a Linux desktop, where Ctrl+E is the line edit's own "end of line" key.

    (Qt's offscreen platform uses Windows key bindings; on X11, KDE or GNOME a focused QLineEdit accepts
    Ctrl+E before any shortcut sees it, and the clerk met exactly that.)
    """
    original = QLineEdit.event

    def event(self: QLineEdit, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.keyCombination() == (  # type: ignore[attr-defined]
            Qt.KeyboardModifier.ControlModifier | Qt.Key.Key_E
        ):
            event.accept()
            return True
        return original(self, event)

    monkeypatch.setattr(QLineEdit, "event", event)  # before the window makes its line edits


def test_r2_ctrl_e_edits_the_phone_right_after_a_single_hit_search(
    qtbot, line_edits_take_ctrl_e: None, window: MainWindow, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    _open_by_identity(qtbot, window, examples["ordinary"])
    tab = window.patient_tab
    assert window.focusWidget() is tab.search_edit  # the search keeps the focus for the next scan
    qtbot.keyClick(tab.search_edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert tab.record_view.phone_edit.isVisible() and tab.record_view.phone_edit.hasFocus()


def test_r3_alt_1_to_5_switch_the_lists_on_every_press(
    qtbot, window: MainWindow, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    _open_by_identity(qtbot, window, examples["ordinary"])
    view = window.patient_tab.record_view
    shown = []
    for number in (2, 3, 4, 5, 1, 2, 2):
        qtbot.keyClick(
            window.focusWidget(), getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.AltModifier
        )
        shown.append(view.lists.currentIndex() + 1)
    assert shown == [2, 3, 4, 5, 1, 2, 2]
    assert all("&" not in view.lists.tabText(i) for i in range(5))  # no mnemonic to clash with Alt+N


def test_r3_a_newly_opened_patient_starts_on_aids_held(
    qtbot, window: MainWindow, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    _open_by_identity(qtbot, window, examples["ordinary"])
    view = window.patient_tab.record_view
    view.lists.setCurrentIndex(4)  # the clerk looked at the access log
    _open_by_identity(qtbot, window, examples["deceased"])
    assert view.lists.currentIndex() == 0


def test_deceased_and_inactive_patients_are_explained_without_rule_codes(
    qtbot, window: MainWindow, examples: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    view = window.patient_tab.record_view
    for example, fragment in (("deceased", "must be returned"), ("inactive", "Contact the aid centre")):
        _open_by_identity(qtbot, window, examples[example])
        tip = view.new_order_button.toolTip()
        assert fragment in tip and not re.search(r"\bR\d+\b", tip), tip
