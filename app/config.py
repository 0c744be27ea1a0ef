"""Where this workstation keeps its data, and the few choices it remembers between starts."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"


def default_data_dir() -> Path:
    """The user's data directory for Hearing Desk (per OS conventions, via platformdirs)."""
    return platformdirs.user_data_path("hearing-desk", appauthor=False)


@dataclass(frozen=True)
class Remembered:
    """The last user and service location chosen at start, preselected next time."""

    username: str = ""
    service_location_code: str = ""


def load_remembered(data_dir: Path) -> Remembered:
    path = data_dir / SETTINGS_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Remembered(
            username=str(raw.get("username", "")),
            service_location_code=str(raw.get("service_location_code", "")),
        )
    except FileNotFoundError:
        return Remembered()
    except (OSError, ValueError, AttributeError):
        log.warning("settings file unreadable; starting without remembered choices")
        return Remembered()


def save_remembered(data_dir: Path, remembered: Remembered) -> None:
    """Remember the choice for the next start; a folder that has become unwritable (a full disk) only
    means the next start preselects nothing."""
    path = data_dir / SETTINGS_FILE
    temporary = path.with_suffix(".tmp")
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(asdict(remembered), indent=2), encoding="utf-8")
        temporary.replace(path)
    except OSError as error:
        log.warning("the chosen user and service location were not remembered: %s", error.strerror)
