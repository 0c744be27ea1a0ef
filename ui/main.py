"""``hearing-desk``: start the reception-desk program.

``--data-dir DIR`` chooses the database folder (default: the user data directory);
``--smoke`` starts, shows the main window, prints the milliseconds to first paint, waits until the
database is open and a user is signed in, then exits 0 (1 if the start failed). A start that fails (a
damaged or empty database file, a read-only data folder) says why in one sentence and exits 1.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from app import __version__
from app.config import default_data_dir
from app.startup import configure_logging

_STARTED = time.perf_counter()


def _process_age_ms() -> float:
    """Milliseconds since the process started (Linux: /proc; elsewhere: since this module loaded)."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return max(0.0, (uptime - ticks / os.sysconf("SC_CLK_TCK")) * 1000)
    except (OSError, ValueError, IndexError):
        return (time.perf_counter() - _STARTED) * 1000


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="hearing-desk", description="Hearing Desk: the audiology reception desk."
    )
    parser.add_argument("--data-dir", type=Path, default=None, help="folder of the local database")
    parser.add_argument(
        "--smoke", action="store_true", help="start, show the window, print ms to first paint, exit"
    )
    parser.add_argument("--language", choices=("sv", "en"), default=None, help="override the system language")
    parser.add_argument("--version", action="version", version=f"hearing-desk {__version__}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    data_dir: Path = arguments.data_dir or default_data_dir()
    configure_logging(data_dir)

    from ui.i18n import install_translators
    from ui.main_window import MainWindow
    from ui.qt import QApplication, QEvent, QObject, QTimer

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Hearing Desk")
    app.setApplicationVersion(__version__)
    from ui.app_icon import identify_program

    identify_program()  # the icon of every window, and the desktop entry the windows belong to
    install_translators(app, arguments.language)

    window = MainWindow(data_dir, ask_who=not arguments.smoke, paint_first=True)

    if arguments.smoke:
        outcome = {"code": 1}

        class FirstPaint(QObject):
            def __init__(self) -> None:
                super().__init__()
                self.seen = False

            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if not self.seen and event.type() == QEvent.Type.Paint:
                    self.seen = True
                    print(f"first paint: {_process_age_ms():.0f} ms after process start", flush=True)
                return False

        painter = FirstPaint()
        window.tabs.installEventFilter(painter)

        def ready(_context: object) -> None:
            print(f"ready (database open, user signed in): {_process_age_ms():.0f} ms", flush=True)
            outcome["code"] = 0
            QTimer.singleShot(0, window.close)

        def failed(sentence: str) -> None:
            print(f"start failed: {sentence}", file=sys.stderr, flush=True)
            QTimer.singleShot(0, window.close)

        window.sig_ready.connect(ready)
        window.sig_start_failed.connect(failed)
        from ui.messages import MessageBoxes

        MessageBoxes.handler = lambda *_args: None
        window.show()
        window.start()
        app.exec()
        return outcome["code"]

    start_failures: list[str] = []
    window.sig_start_failed.connect(start_failures.append)
    window.show()
    window.start()
    code = app.exec()
    return 1 if start_failures and window.context is None else code


if __name__ == "__main__":
    sys.exit(main())
