"""Errors the clerk reads: each carries one sentence (English source, translated by the UI).

Domain rule violations and bad input are typed; failures the environment caused (a locked, read-only,
full or corrupt database, a newer schema) are sorted apart from bugs, as qutebrowser's ``misc/sql.py``
does. Nothing here loses data: the caller's transaction is rolled back and what was saved stays saved.
"""

from __future__ import annotations

from typing import Any

from app.i18n import QT_TRANSLATE_NOOP


class Phrase(str):
    """A translatable word or phrase (marked with ``QT_TRANSLATE_NOOP``) given as a sentence's parameter,
    such as a device's status: translated together with the sentence."""


class ClerkError(Exception):
    """An error with a sentence for the person at the desk."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.sentence())

    def sentence(self, translate: Any = None) -> str:
        """The sentence, translated by *translate(template)* when given."""
        text = translate(self.template) if translate else self.template
        if translate is None:
            return text.format(**self.params)
        return text.format(
            **{
                key: translate(value) if isinstance(value, Phrase) else value
                for key, value in self.params.items()
            }
        )


class InvalidInput(ClerkError):
    """Something typed or scanned that cannot be right (an identity number with a wrong check digit)."""


class RuleViolation(ClerkError):
    """The request is well formed but a rule of the region forbids it (R-numbers)."""


class NotFound(ClerkError):
    pass


class EnvironmentProblem(ClerkError):
    """The database or the machine is in a state the program cannot fix by itself."""


class DatabaseLocked(EnvironmentProblem):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "app",
                "The database is busy in another program; wait a moment and try again. Nothing was lost.",
            )
        )


class DatabaseReadOnly(EnvironmentProblem):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "app", "The database file cannot be written (read-only or disk full); nothing was saved."
            )
        )


class DataFolderUnusable(EnvironmentProblem):
    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "app",
                "Hearing Desk cannot write in its data folder {path} (it is read-only, full, or not a folder) "
                "and changed nothing there; ask IT support to make the folder writable.",
            ),
            path=path,
        )


class DatabaseFileEmpty(EnvironmentProblem):
    """A 0-byte file where the database should be: the program never leaves one (a new database is made
    under another name and renamed when complete), so it is a copy or restore that failed."""

    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "app",
                "The database file {path} is empty (0 bytes), most likely from a copy or restore that failed, "
                "and was left as it is; ask IT support to restore it from the latest backup.",
            ),
            path=path,
        )


class DatabaseCorrupt(EnvironmentProblem):
    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "app",
                "The database file {path} is damaged and cannot be opened; it was left untouched. "
                "Contact IT support to restore it from the latest backup.",
            ),
            path=path,
        )


class SchemaTooNew(EnvironmentProblem):
    def __init__(self, found: str, known: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "app",
                "The database was written by a newer Hearing Desk (schema {found}; this program knows up to "
                "{known}). Install the newer version; the file was left untouched.",
            ),
            found=found,
            known=known,
        )


class WriteOutsideService(RuntimeError):
    """A bug: something tried to write without going through an ``app`` service (no change log)."""
