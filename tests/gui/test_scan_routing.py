"""Scans routed from the real main window: what each kind of code opens on the tabs, what a clerk is told
when a code names nothing, and the recent scans list (issue 11)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.database import Database
from app.patients import format_identity
from db.models import Article, PatientAccessLog
from tests.gui.scanner import scan, type_like_a_person
from ui.main_window import MainWindow
from ui.qt import QAction, QLineEdit
from ui.scanning.recent import RecentScansDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def numbers(demo_template) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return dict(demo_template[1].numbers)


def _article(demo_dir: Path, number: str) -> tuple[str, str | None]:
    database = Database.open(demo_dir)
    try:
        with database.read() as session:
            article = session.scalars(select(Article).where(Article.article_number == number)).one()
            return str(article.id), article.gtin
    finally:
        database.dispose()


def test_r36_an_individual_number_scanned_on_the_patient_tab_opens_the_individual(
    qtbot, window: MainWindow, numbers: dict[str, str]
) -> None:
    window.show_tab(0)
    search = window.patient_tab.search_edit
    search.setText("Nilsson")
    with qtbot.wait_signal(window.individual_tab.sig_record_opened, timeout=10000) as opened:
        scan(qtbot, window, numbers["individual_in_stock"])
    assert opened.args[0].individual_number == numbers["individual_in_stock"]
    assert window.tabs.currentWidget() is window.individual_tab
    assert search.text() == "Nilsson"  # the scan never landed in the search field
    assert numbers["individual_in_stock"] in window.statusBar().currentMessage()


def test_on_the_individual_tab_a_scan_opens_the_individual_and_typing_still_searches(
    qtbot, window: MainWindow, numbers: dict[str, str]
) -> None:
    window.show_tab(3)
    tab = window.individual_tab
    search = tab.search_edit
    part = numbers["individual_in_stock"][2:7]  # a worn label: part of a number, searched as typed
    type_like_a_person(qtbot, window, part)
    assert search.text() == part, tab.search_message.text()
    qtbot.wait_until(
        lambda: (
            numbers["individual_in_stock"]
            in {tab.results_model.row_at(r).individual_number for r in range(tab.results_model.rowCount())}
        ),
        timeout=10000,
    )
    with qtbot.wait_signal(tab.sig_record_opened, timeout=10000) as opened:
        scan(qtbot, window, numbers["individual_blocked"])
    assert opened.args[0].individual_number == numbers["individual_blocked"]
    assert search.text() == part  # the scan did not land in the search


def test_r38_a_sip_number_scanned_opens_the_individual_carrying_it(
    qtbot, window: MainWindow, numbers: dict[str, str]
) -> None:
    window.show_tab(2)
    with qtbot.wait_signal(window.individual_tab.sig_record_opened, timeout=10000) as opened:
        scan(qtbot, window, numbers["sip_number"])
    assert opened.args[0].individual_number == numbers["individual_with_sip"]


def test_an_identity_number_scanned_in_the_patient_search_opens_the_patient_and_logs_the_access(
    qtbot, window: MainWindow, examples: dict[str, str], demo_dir: Path
) -> None:
    window.show_tab(0)
    tab = window.patient_tab
    search = tab.search_edit
    qtbot.keyClicks(search, "Nils")  # what the clerk had typed stays
    number = examples["ordinary"]
    with qtbot.wait_signal(tab.sig_record_opened, timeout=10000) as opened:
        scan(qtbot, window, number)
    assert opened.args[0].identity_number == format_identity(number)
    assert search.text() == "Nils"
    database = Database.open(demo_dir)
    with database.read() as session:
        logged = session.scalars(
            select(PatientAccessLog.description).where(PatientAccessLog.patient_id == opened.args[0].id)
        ).all()
    database.dispose()
    assert logged == ["Record opened"]

    # A person typing into the search field still searches as they type.
    search.clear()
    with qtbot.wait_signal(tab.sig_record_opened, timeout=10000):
        search.setFocus()
        type_like_a_person(qtbot, window, format_identity(number), enter=True)
    assert search.text() == format_identity(number)


def test_r5_a_scanned_identity_number_is_masked_in_the_status_bar_and_the_recent_scans(
    qtbot, window: MainWindow, examples: dict[str, str]
) -> None:
    number = examples["protected"]
    with qtbot.wait_signal(window.patient_tab.sig_record_opened, timeout=10000):
        routed = scan(qtbot, window, number)
    shown = window.statusBar().currentMessage()
    assert number[4:] not in shown and format_identity(number)[4:] not in shown
    assert f"{number[:4]}xxxx-xxxx" in shown
    assert routed.outcome
    recent = window.scan_router.recent.scans()[0]
    assert recent.shown == f"{number[:4]}xxxx-xxxx"
    assert number[4:] not in recent.outcome


def selected_articles(tab: Any) -> list[str]:
    chosen = tab.balances_view.selectionModel().selectedRows()
    return [tab.balances_model.row_at(i.row()).article_number for i in chosen]


def test_an_article_number_and_its_gtin_scanned_show_the_article_in_the_stock_tab(
    qtbot, window: MainWindow, numbers: dict[str, str], demo_dir: Path
) -> None:
    number = numbers["article_hearing_aid"]
    _id, gtin = _article(demo_dir, number)
    assert gtin, "the demo's hearing aid has a GTIN"
    window.show_tab(2)
    tab = window.stock_tab
    for code in (number, gtin):
        with qtbot.wait_signal(
            tab.sig_ledger, timeout=10000, check_params_cb=lambda ledger: ledger.article_number == number
        ):
            scan(qtbot, window, code)
        assert window.tabs.currentWidget() is tab
        assert tab.search_edit.text() == number
        # The list searched for the number arrives after the ledger: until then the list shown before the
        # scan (and its selected first row) is still there.
        qtbot.wait_until(lambda: selected_articles(tab) == [number], timeout=10000)
        tab.search_edit.clear()


def test_r18_an_order_number_scanned_opens_the_goods_receipt_when_it_awaits_receipt_else_the_order(
    qtbot, window: MainWindow, numbers: dict[str, str]
) -> None:
    with qtbot.wait_signal(window.sig_ready, timeout=10000):
        window.sign_in("anna.audionom", "HM-LUND")
    receipt = window.order_tab.receipt_page
    window.show_tab(0)
    with qtbot.wait_signal(receipt.sig_delivery_shown, timeout=10000) as shown:
        scan(qtbot, window, numbers["replenishment_purchase_order"])
    assert shown.args[0].order_number == numbers["replenishment_awaiting_receipt"]
    assert window.tabs.currentWidget() is window.order_tab
    assert window.order_tab.pages.currentWidget() is receipt

    search = window.order_tab.search_page
    window.show_tab(3)
    with qtbot.wait_signal(search.sig_detail, timeout=10000) as detail:
        scan(qtbot, window, numbers["open_order"])
    assert detail.args[0] is not None and detail.args[0].row.number == numbers["open_order"]
    assert window.order_tab.pages.currentWidget() is search


def test_a_code_that_names_nothing_or_cannot_be_read_gets_one_sentence_and_is_listed(
    qtbot, window: MainWindow
) -> None:
    window.show_tab(2)
    stock_search = window.stock_tab.search_edit
    stock_search.setText("dome")
    routed = scan(qtbot, window, "777777777")
    assert routed.scanned is not None and routed.scanned.sentence is not None
    message = window.statusBar().currentMessage()
    assert "777777777" in message and routed.outcome in message
    assert window.tabs.currentWidget() is window.stock_tab and stock_search.text() == "dome"

    routed = scan(qtbot, window, "]d2010739123456789921HB0123")  # a GTIN with a wrong check digit
    assert routed.code.problem is not None
    assert window.tabs.currentWidget() is window.stock_tab and stock_search.text() == "dome"

    recent = window.scan_router.recent.scans()
    assert [scan.outcome.split(":")[0] for scan in recent[:2]] == ["Unreadable", "Not found"]

    # The recent scans, from the View menu: what the scanner sent and what became of it.
    action = next(a for a in window.findChildren(QAction) if a.text() == "&Recent scans…")
    action.trigger()
    dialog = window.findChild(RecentScansDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.model.rowCount() == 2
    assert dialog.model.index(1, 2).data() == "777777777"
    assert dialog.model.index(1, 4).data().startswith("Not found")
    routed = scan(qtbot, window, "888888888")  # the open list follows new scans
    assert dialog.model.rowCount() == 3


def test_a_modal_dialog_that_does_not_take_a_code_keeps_it_from_the_tabs_behind(
    qtbot, window: MainWindow, numbers: dict[str, str]
) -> None:
    tab = window.individual_tab
    with qtbot.wait_signal(tab.sig_record_opened, timeout=10000):
        scan(qtbot, window, numbers["individual_in_stock"])
    tab.start_renumber()
    dialog = tab.renumber_dialog
    assert dialog is not None
    qtbot.wait_until(dialog.isVisible)
    routed = scan(qtbot, window, numbers["article_hearing_aid"])  # no individual number: not for the dialog
    assert routed.scanned is None and routed.taken_by is None
    assert "dialog" in window.statusBar().currentMessage()
    assert window.tabs.currentWidget() is tab  # nothing opened behind the dialog

    # The renumber dialog takes a new label's number, and still waits for the confirmation.
    routed = scan(qtbot, window, "880099001")
    assert routed.taken_by is dialog
    assert dialog.findChild(QLineEdit, "renumber_new_number").text() == "880099001"
    assert dialog.isVisible()
    dialog.reject()
