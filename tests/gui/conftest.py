"""Fixtures that start the real main window on the demo database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ui.i18n import install_translators
from ui.main_window import MainWindow
from ui.messages import MessageBoxes


@pytest.fixture(autouse=True)
def english(qapp):  # type: ignore[no-untyped-def]
    """The program as an English-speaking clerk starts it: English texts with their plural forms, and the
    Swedish number and money formats the program uses for English too (as ``hearing-desk --language en``)."""
    install_translators(qapp, "en")


@pytest.fixture
def messages() -> Iterator[list[tuple[str, str, str]]]:
    """Message boxes are recorded instead of shown."""
    shown: list[tuple[str, str, str]] = []
    MessageBoxes.handler = lambda kind, title, text: shown.append((kind, title, text))
    yield shown
    MessageBoxes.handler = None
    MessageBoxes.answer = True
    MessageBoxes.choice = 0


@pytest.fixture
def window(qtbot, demo_dir: Path, messages) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The main window, started on a copy of the demo database and signed in as the first user."""
    main = MainWindow(demo_dir, ask_who=False)
    qtbot.add_widget(main)
    main.show()
    with qtbot.wait_signal(main.sig_ready, timeout=20000):
        main.start()
    yield main
    main.runner.wait_for_done()
