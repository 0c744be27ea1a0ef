"""What happens before the clerk can work: open (migrate, back up) the database, fill an empty one with
demo data on first start, and list who may sign in. Runs on a worker thread, never the UI thread.

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
    from app.organisation import UserChoice

log = logging.getLogger(__name__)

LOG_FILE = "hearing-desk.log"


@dataclass(frozen=True)
class Workstation:
    database: Database
    users: tuple[UserChoice, ...]
    remembered: Remembered
    demo_data_created: bool


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


def open_workstation(data_dir: Path, *, demo_scale: str | None = "small") -> Workstation:
    """Open this workstation's database; on first start (no users) fill it with demo data."""
    from sqlalchemy import func, select

    from app.database import Database, environment_errors
    from app.organisation import list_users
    from db.models import User

    database = Database.open(data_dir)
    created = False
    with database.read() as session:
        empty = (session.scalar(select(func.count()).select_from(User)) or 0) == 0
    if empty and demo_scale is not None:
        from app import demo_data  # a first start only: keep it out of the normal start path

        log.info("empty database: creating %s demo data", demo_scale)
        with environment_errors(database.path):  # the disk may fill up while it is written
            demo_data.generate(database, demo_scale)
        created = True
    with database.read() as session:
        users = tuple(list_users(session))
    return Workstation(database, users, load_remembered(data_dir), created)
