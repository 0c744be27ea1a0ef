"""What happens before the clerk can work: open (migrate, back up) the database, set a new workstation up
on its first start (demo data, a join of the clinic's server, or empty: ``app.first_start``), and list who
may sign in. Runs on a worker thread, never the UI thread.

Importing this module is cheap (the program's entry point uses ``configure_logging`` before its window is
painted); the database stack is imported when the workstation is opened.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING

from app.config import Remembered, load_remembered

if TYPE_CHECKING:
    from app.database import Database
    from app.first_start import FirstStart, JoinDetails
    from app.organisation import UserChoice

log = logging.getLogger(__name__)

LOG_FILE = "hearing-desk.log"


@dataclass(frozen=True)
class Workstation:
    database: Database
    users: tuple[UserChoice, ...]
    remembered: Remembered
    demo_data_created: bool
    #: A new workstation (no users, no sync settings, no first-start choice): the program asks what to do.
    needs_first_start: bool = False
    #: The database holds demo data (the title bar says so; it never syncs with a real server).
    demo: bool = False
    #: The first-start choice made during this opening, if one was.
    set_up_now: FirstStart | None = None


def configure_logging(data_dir: Path) -> Path | None:
    """Log to a rotating file in the data directory (no patient identity is ever logged).

    A folder that cannot be written gives no log file (None): the start goes on, and opening the
    database then tells the clerk in a sentence.
    """
    path = data_dir / LOG_FILE
    root = logging.getLogger()
    if not any(isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path for h in root.handlers):
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
        except OSError as error:
            log.warning("no log file in %s: %s", data_dir, error.strerror)
            return None
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return path


def open_workstation(
    data_dir: Path,
    *,
    first_start: str | None = "demo",
    join: JoinDetails | None = None,
    demo_scale: str = "small",
) -> Workstation:
    """Open this workstation's database. A new workstation (see ``app.first_start``) is set up as
    *first_start* (a ``FirstStart`` value) says (demo data, a join of the clinic's server with *join*, or empty); with None it is
    left as it is and ``needs_first_start`` tells the program to ask. On a workstation already set up
    *first_start* changes nothing."""
    from app.database import Database
    from app.first_start import FirstStart, is_new_workstation, set_up

    database = Database.open(data_dir)
    try:
        with database.read() as session:
            new = is_new_workstation(session)
        chosen = FirstStart(first_start) if first_start is not None else None
        if new and chosen is not None:
            set_up(database, data_dir, chosen, join=join, demo_scale=demo_scale)
        return read_workstation(
            database,
            data_dir,
            needs_first_start=new and chosen is None,
            set_up_now=chosen if new else None,
        )
    except BaseException:
        database.dispose()
        raise


def read_workstation(
    database: Database,
    data_dir: Path,
    *,
    needs_first_start: bool = False,
    set_up_now: FirstStart | None = None,
) -> Workstation:
    """Who may sign in on the open *database*, and what kind of database it is."""
    from app.first_start import FirstStart, is_demo_database
    from app.organisation import list_users

    with database.read() as session:
        users = tuple(list_users(session))
        demo = is_demo_database(session)
    return Workstation(
        database,
        users,
        load_remembered(data_dir),
        demo_data_created=set_up_now is FirstStart.DEMO,
        needs_first_start=needs_first_start,
        demo=demo,
        set_up_now=set_up_now,
    )


def finish_first_start(
    database: Database, data_dir: Path, choice: FirstStart, join: JoinDetails | None = None
) -> Workstation:
    """The first-start dialog's choice, on the database the program opened: set up, then read again."""
    from app.first_start import set_up

    set_up(database, data_dir, choice, join=join)
    return read_workstation(database, data_dir, set_up_now=choice)
