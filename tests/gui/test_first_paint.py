"""The window is painted before the tabs and the database stack are built (the program's start)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_the_window_paints_first_then_builds_its_tabs_and_starts(qtbot, demo_dir: Path, messages) -> None:  # type: ignore[no-untyped-def]
    main = MainWindow(demo_dir, ask_who=False, paint_first=True)
    qtbot.add_widget(main)
    assert not main.built and main.tabs.count() == 0
    with qtbot.wait_signal(main.sig_ready, timeout=20000):
        main.show()
        main.start()
    assert main.built and main.tabs.count() == 4
    assert main.status_user.text().startswith("User: ")
    main.runner.wait_for_done()


def _printed_by(probe: str, **environment: str) -> str:
    """What *probe* prints, run in a fresh interpreter (imports counted from nothing)."""
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **environment},
        check=True,
    )
    return result.stdout.strip()


def test_the_window_module_loads_no_database_stack() -> None:
    """What runs before the first paint imports Qt and light modules only (SQLAlchemy, Alembic and
    reportlab come after it)."""
    probe = (
        "import sys, ui.main, ui.main_window, app.startup; "
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'reportlab', 'httpx') if m in sys.modules))"
    )
    assert _printed_by(probe) == "[]"


def test_modules_imported_after_qt_leave_no_source_in_memory(tmp_path: Path) -> None:
    """PySide6 checks each module imported after it for "PySide6" in its source; the program's start must
    not keep those sources (about 30 MB with the database stack) and must get the same answers."""
    (tmp_path / "uses_qt.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "plain.py").write_text("VALUE = 1\n")
    probe = (
        "import linecache, sys, ui.qt, sqlalchemy.orm, uses_qt, plain; "
        "feature = sys.modules['shibokensupport.feature'].pyside_feature_dict; "
        "kept = [f for f in linecache.cache if f.endswith(('uses_qt.py', 'plain.py')) or 'sqlalchemy/' in f]; "
        "print(len(kept), feature['uses_qt'], feature['plain'], feature['sqlalchemy.orm'])"
    )
    # No source kept; a module that uses PySide6 gets 0 ("no feature"), the others -1 ("ignore").
    assert _printed_by(probe, PYTHONPATH=str(tmp_path)).split() == ["0", "0", "-1", "-1"]


def test_a_workstation_without_sync_loads_no_sync_client() -> None:
    """The tabs and the sync controller of a workstation that works alone leave the sync client, httpx and
    pydantic unloaded (about 20 MB); they come when sync is set up or its lists are opened."""
    probe = (
        "import sys, ui.main_window, ui.operations, ui.patient.tab, ui.order.tab, ui.sync.controller, "
        "ui.sync.status; "
        "print(sorted(m for m in ('app.sync.client', 'httpx', 'pydantic') if m in sys.modules))"
    )
    assert _printed_by(probe) == "[]"
