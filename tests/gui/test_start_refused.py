"""A start the program must refuse, in the real window: one sentence in a message box, then the window
closes; the file is left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.database import DATABASE_FILE
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def start_refused(qtbot, folder: Path) -> tuple[MainWindow, str]:  # type: ignore[no-untyped-def]
    main = MainWindow(folder, ask_who=False)
    qtbot.add_widget(main)
    with qtbot.wait_signal(main.sig_start_failed, timeout=10000) as failed:
        main.show()
        main.start()
    qtbot.wait_until(lambda: not main.isVisible(), timeout=10000)
    return main, failed.args[0]


def test_an_empty_database_file_stops_the_start_and_gets_no_demo_data(
    qtbot, tmp_path: Path, messages
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / DATABASE_FILE).touch()
    main, sentence = start_refused(qtbot, tmp_path)
    assert "empty (0 bytes)" in sentence
    assert messages == [("critical", "Hearing Desk cannot start", sentence)]
    assert (tmp_path / DATABASE_FILE).stat().st_size == 0
    assert main.workstation is None


def test_a_data_folder_that_is_a_file_stops_the_start_with_a_sentence(
    qtbot, tmp_path: Path, messages
) -> None:  # type: ignore[no-untyped-def]
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("not a folder")
    _main, sentence = start_refused(qtbot, not_a_folder)
    assert "cannot write in its data folder" in sentence and str(not_a_folder) in sentence
    assert messages == [("critical", "Hearing Desk cannot start", sentence)]
