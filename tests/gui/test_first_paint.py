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


def test_the_window_module_loads_no_database_stack() -> None:
    """What runs before the first paint imports Qt and light modules only (SQLAlchemy, Alembic and
    reportlab come after it)."""
    probe = (
        "import sys, ui.main, ui.main_window, app.startup; "
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'reportlab', 'httpx') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=True,
    )
    assert result.stdout.strip() == "[]"
