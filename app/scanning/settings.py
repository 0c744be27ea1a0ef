"""How the window tells a handheld (keyboard-wedge) scanner's burst from a person typing, kept per workstation.

The defaults come from measurements; ``ui/scanning/recogniser.py`` says which, and the clerk can adjust
them under File → Scanner settings… with the scanner at hand ("Test your scanner").
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields
from pathlib import Path

log = logging.getLogger(__name__)

SCANNER_SETTINGS_FILE = "scanner-settings.json"


@dataclass(frozen=True)
class ScannerSettings:
    """The recogniser's thresholds (milliseconds and characters)."""

    #: The longest gap between two key presses inside a burst: every gap of a scan is at most this.
    max_gap_ms: int = 30
    #: The fewest characters a burst has (the shortest code we route: a 6-digit article number).
    min_length: int = 6
    #: How long after a burst's last character the recogniser waits for its suffix (Enter or Tab) before
    #: it takes the burst as a scan without one.
    pause_ms: int = 100
    #: The same text scanned again within this time is a double trigger and is dropped.
    double_trigger_ms: int = 800
    #: Off: every key goes straight to the focused field, as if there were no recogniser.
    enabled: bool = True

    def checked(self) -> ScannerSettings:
        """The same settings with every number within what the recogniser can work with."""
        max_gap = min(max(self.max_gap_ms, 1), 1000)
        return ScannerSettings(
            max_gap_ms=max_gap,
            min_length=min(max(self.min_length, 2), 100),
            pause_ms=min(max(self.pause_ms, max_gap), 2000),
            double_trigger_ms=min(max(self.double_trigger_ms, 0), 10000),
            enabled=bool(self.enabled),
        )


def load_scanner_settings(data_dir: Path) -> ScannerSettings:
    """The workstation's scanner settings; the defaults when none are saved or the file is damaged."""
    path = data_dir / SCANNER_SETTINGS_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not an object")
        defaults = ScannerSettings()
        values: dict[str, int | bool] = {}
        for field in fields(ScannerSettings):
            value = raw.get(field.name, getattr(defaults, field.name))
            default = getattr(defaults, field.name)
            if isinstance(default, bool):
                if not isinstance(value, bool):
                    raise ValueError(f"{field.name} is not true or false")
            elif isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"{field.name} is not a whole number")
            values[field.name] = value
        return ScannerSettings(**values).checked()  # type: ignore[arg-type]
    except FileNotFoundError:
        return ScannerSettings()
    except (OSError, ValueError) as error:
        log.warning("scanner settings file unreadable (%s); using the default thresholds", error)
        return ScannerSettings()


def save_scanner_settings(data_dir: Path, settings: ScannerSettings) -> bool:
    """Keep the settings for the next start; False (and a log line) when the folder cannot be written."""
    path = data_dir / SCANNER_SETTINGS_FILE
    temporary = path.with_suffix(".tmp")
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(asdict(settings.checked()), indent=2), encoding="utf-8")
        temporary.replace(path)
    except OSError as error:
        log.warning("the scanner settings were not saved: %s", error.strerror)
        return False
    return True
