"""Scan targets: the nearest marked widget from the focus upward takes a code, or lets it pass on."""

from __future__ import annotations

import pytest

from app.scanning.codes import CodeKind, read_code
from ui.qt import QLineEdit, QVBoxLayout, QWidget
from ui.scanning.recent import RecentScans, RecentScansDialog
from ui.scanning.targets import mark_scan_target, offer, read_first_as, scan_into_line_edit

pytestmark = pytest.mark.gui


def test_the_nearest_target_that_waits_for_the_code_takes_it_else_the_next_one_up(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = QWidget()
    qtbot.add_widget(page)
    field = QLineEdit("old text")
    other = QLineEdit()
    layout = QVBoxLayout(page)
    layout.addWidget(field)
    layout.addWidget(other)
    entered: list[str] = []
    field.returnPressed.connect(lambda: entered.append(field.text()))
    page_took: list[str] = []
    mark_scan_target(
        field,
        scan_into_line_edit(field, take_kinds=read_first_as(CodeKind.INDIVIDUAL)),
        frozenset({CodeKind.INDIVIDUAL}),
        what="the field",
    )
    mark_scan_target(page, lambda code: page_took.append(code.text) is None, what="the page")
    page.show()

    taken = offer(field, read_code("880000001"))  # an individual number: the field's, Enter pressed
    assert taken is not None and taken[0] is field and taken[1].what == "the field"
    assert field.text() == "880000001" and entered == ["880000001"]

    taken = offer(field, read_code("100023"))  # an article number: the field lets it pass, the page takes it
    assert taken is not None and taken[0] is page and page_took == ["100023"]
    assert field.text() == "880000001"

    taken = offer(other, read_code("880000002"))  # from an unmarked field, the page
    assert taken is not None and taken[0] is page

    field.setEnabled(False)  # a disabled field waits for nothing
    taken = offer(field, read_code("880000003"))
    assert taken is not None and taken[0] is page
    assert field.text() == "880000001"


def test_a_target_that_does_not_take_the_code_leaves_it_to_the_router(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = QLineEdit()
    qtbot.add_widget(field)
    mark_scan_target(field, lambda _code: False)
    field.show()
    assert offer(field, read_code("880000001")) is None
    assert field.text() == ""


def test_recent_scans_keep_the_newest_fifty_and_an_open_list_follows_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    recent = RecentScans(limit=50)
    for number in range(60):
        recent.add(source="Scanner", shown=f"{number}", reading="individual number", outcome="Looking up…")
    scans = recent.scans()
    assert len(scans) == 50 and scans[0].shown == "59" and scans[-1].shown == "10"
    recent.settle(scans[0].number, "Opened in the Individual tab")
    dialog = RecentScansDialog(recent)
    qtbot.add_widget(dialog)
    assert dialog.model.rowCount() == 50
    assert dialog.model.index(0, 4).data() == "Opened in the Individual tab"
    recent.add(source="Scanner", shown="1990xxxx-xxxx", reading="identity number", outcome="Looking up…")
    assert dialog.model.index(0, 2).data() == "1990xxxx-xxxx"
    assert dialog.model.rowCount() == 50
