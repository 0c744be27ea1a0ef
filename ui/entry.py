"""The console scripts ``hearing-desk`` and ``hearing-desk-admin``: where the desktop libraries are missing
(a server-only install, ``pip install hearing-desk[server]``) they say so in one sentence instead of a
traceback. Imports nothing but the standard library until the check has passed.
"""

from __future__ import annotations

import sys
from importlib.util import find_spec

#: The import names of the ``desktop`` extra's libraries that the program and its admin commands load.
DESKTOP_MODULES = (
    "PySide6",
    "cv2",
    "zxingcpp",
    "pyzbar",
    "reportlab",
    "pypdfium2",
    "barcode",
    "biip",
    "stdnum",
    "phonenumbers",
    "platformdirs",
    "httpx",
    "keyring",
)


def missing_desktop_modules() -> list[str]:
    return [name for name in DESKTOP_MODULES if find_spec(name) is None]


def desktop_missing_sentence(program: str, missing: list[str]) -> str:
    return (
        f"{program} needs the workstation's libraries, which this installation lacks "
        f"({', '.join(missing)}): install hearing-desk[desktop] (pip install 'hearing-desk[desktop]')."
    )


def _checked(program: str) -> bool:
    missing = missing_desktop_modules()
    if missing:
        print(desktop_missing_sentence(program, missing), file=sys.stderr)
        return False
    return True


def workstation(argv: list[str] | None = None) -> int:
    """``hearing-desk``: the desktop program (``ui.main``)."""
    if not _checked("hearing-desk"):
        return 2
    from ui.main import main

    return main(argv)


def admin(argv: list[str] | None = None) -> int:
    """``hearing-desk-admin``: the workstation's administration commands (``app.cli``)."""
    if not _checked("hearing-desk-admin"):
        return 2
    from app.cli import main

    return main(argv)


if __name__ == "__main__":
    sys.exit(workstation())
