"""Every message box goes through here, so tests can answer them (``MessageBoxes.handler``)."""

from __future__ import annotations

from collections.abc import Callable

from ui.qt import QMessageBox, QWidget

#: Replaced in tests: called with (kind, title, text) instead of showing a dialog.
Handler = Callable[[str, str, str], None]


class MessageBoxes:
    handler: Handler | None = None
    #: What a question is answered with while a test handler is installed.
    answer: bool = True
    #: The button a choice (``choose``) is answered with while a test handler is installed (None: cancel).
    choice: int | None = 0

    @classmethod
    def _show(cls, kind: str, parent: QWidget | None, title: str, text: str) -> None:
        if cls.handler is not None:
            cls.handler(kind, title, text)
            return
        {
            "warning": QMessageBox.warning,
            "information": QMessageBox.information,
            "critical": QMessageBox.critical,
        }[kind](parent, title, text)

    @classmethod
    def warn(cls, parent: QWidget | None, title: str, text: str) -> None:
        cls._show("warning", parent, title, text)

    @classmethod
    def inform(cls, parent: QWidget | None, title: str, text: str) -> None:
        cls._show("information", parent, title, text)

    @classmethod
    def critical(cls, parent: QWidget | None, title: str, text: str) -> None:
        cls._show("critical", parent, title, text)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> bool:
        """A yes/no question; Yes is the default button."""
        if cls.handler is not None:
            cls.handler("question", title, text)
            return cls.answer
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        chosen = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.Yes)
        return chosen == QMessageBox.StandardButton.Yes

    @classmethod
    def choose(cls, parent: QWidget | None, title: str, text: str, buttons: list[str]) -> int | None:
        """A question with several answers (the buttons, in order); None when the clerk cancels."""
        if cls.handler is not None:
            cls.handler("choice", title, text)
            return cls.choice
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
        made = [box.addButton(label, QMessageBox.ButtonRole.AcceptRole) for label in buttons]
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(made[0])
        box.exec()
        clicked = box.clickedButton()
        return made.index(clicked) if clicked in made else None
