"""The Qt binding itself: PySide6 6.12.0 on Python 3.11 drops a reference to None on every call that
returns nothing and one to True on every ``Signal.emit``; a few thousand calls later the interpreter
aborts ("none_dealloc"). pyproject.toml keeps that version out; this test fails if it comes back."""

from __future__ import annotations

import sys

from ui.qt import QLineEdit

CALLS = 300


def test_qt_calls_keep_the_references_to_none_and_true(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = QLineEdit()
    qtbot.addWidget(edit)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(CALLS):
        edit.textChanged.emit("a")
        edit.hide()
    # A few references may come and go with the interpreter's own work; a leak loses one per call.
    assert sys.getrefcount(None) > none_before - CALLS // 3
    assert sys.getrefcount(True) > true_before - CALLS // 3
