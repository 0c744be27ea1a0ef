"""The program's icon and the desktop entry its windows belong to."""

from __future__ import annotations

from importlib import resources

from ui.qt import QGuiApplication, QIcon

#: The desktop entry (packaging/hearing-desk.desktop, installed as hearing-desk.desktop): a Wayland
#: compositor or a desktop's task bar matches the windows to it, and so to its name and icon.
DESKTOP_FILE_NAME = "hearing-desk"
#: The sizes rendered from resources/icons/hearing-desk.svg by packaging/make_icons.py.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def program_icon() -> QIcon:
    """The icon in every size that resources/icons holds (no SVG renderer needed)."""
    icons = resources.files("resources.icons")
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icons.joinpath(f"hearing-desk-{size}.png")))
    return icon


def identify_program() -> None:
    """Give every window the program's icon and say which desktop entry they belong to; call it once the
    application exists, before the first window shows."""
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    QGuiApplication.setWindowIcon(program_icon())
