"""``hearing-desk``: start the reception-desk program.

``--data-dir DIR`` chooses the database folder (default: the user data directory); a new workstation asks
how to start (demo data, join the clinic's server, or empty) unless ``--first-start demo|join|empty`` says
(``join`` with ``--server URL --workstation NAME`` and the token from ``--token-file FILE`` or
``HEARING_DESK_TOKEN``);
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
#: ``--smoke`` gives up (exit 1) when the window is not ready within this many seconds.
SMOKE_LIMIT_S = 120


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
        prog="hearing-desk",
        description="Hearing Desk: the audiology reception desk.",
        allow_abbrev=False,  # "--token SECRET" must not pass as --token-file: no token on the command line
    )
    parser.add_argument("--data-dir", type=Path, default=None, help="folder of the local database")
    parser.add_argument(
        "--smoke", action="store_true", help="start, show the window, print ms to first paint, exit"
    )
    parser.add_argument("--language", choices=("sv", "en"), default=None, help="override the system language")
    first = parser.add_argument_group(
        "first start (unattended installs)",
        "On a new workstation, do this instead of asking; the token comes from --token-file or the "
        "environment variable HEARING_DESK_TOKEN, never from the command line. On a workstation already "
        "set up it changes nothing.",
    )
    first.add_argument(
        "--first-start",
        choices=("demo", "join", "empty"),
        default=None,
        help="demo data, join the clinic's server, or empty",
    )
    first.add_argument("--server", default=None, metavar="URL", help="the clinic's server (join)")
    first.add_argument("--workstation", default=None, metavar="NAME", help="this workstation's name (join)")
    first.add_argument("--token-file", type=Path, default=None, metavar="FILE", help="its token (join)")
    parser.add_argument("--version", action="version", version=f"hearing-desk {__version__}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    data_dir: Path = arguments.data_dir or default_data_dir()
    configure_logging(data_dir)
    join = None
    if arguments.first_start == "join":
        from app.errors import ClerkError
        from app.first_start import join_details

        try:
            join = join_details(
                arguments.server, arguments.workstation, arguments.token_file, dict(os.environ)
            )
        except ClerkError as error:
            print(error.sentence(), file=sys.stderr, flush=True)
            return 2

    from ui.i18n import install_translators
    from ui.main_window import MainWindow
    from ui.qt import QApplication, QEvent, QObject, QTimer

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Hearing Desk")
    app.setApplicationVersion(__version__)
    from ui.app_icon import identify_program

    identify_program()  # the icon of every window, and the desktop entry the windows belong to
    install_translators(app, arguments.language)

    # A new workstation asks how to start (--smoke: demo data, as it always did), unless told.
    window = MainWindow(
        data_dir,
        ask_who=not arguments.smoke,
        paint_first=True,
        first_start=arguments.first_start or ("demo" if arguments.smoke else None),
        join=join,
        first_start_on_command_line=arguments.first_start is not None,
    )

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

        def waiting() -> None:
            print(f"ready (database open, no user to sign in yet): {_process_age_ms():.0f} ms", flush=True)
            outcome["code"] = 0
            QTimer.singleShot(0, window.close)

        def too_long() -> None:
            # A start that broke without a sentence (an error inside a slot) would otherwise never end.
            if outcome["code"] != 0:
                failed(f"not ready within {SMOKE_LIMIT_S} s")

        window.sig_ready.connect(ready)
        window.sig_waiting_for_data.connect(waiting)
        window.sig_start_failed.connect(failed)
        QTimer.singleShot(SMOKE_LIMIT_S * 1000, too_long)
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
