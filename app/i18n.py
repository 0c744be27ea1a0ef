"""Marking domain sentences for translation without importing Qt.

The domain raises errors whose sentence is English source text; the UI translates it at the moment it is
shown (``QCoreApplication.translate("app", template)``). ``QT_TRANSLATE_NOOP`` is the marker
``pyside6-lupdate`` extracts, so every sentence lands in the Swedish translation file.
"""

from __future__ import annotations

CONTEXT = "app"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


def N_(text: str) -> str:
    """Mark *text* as a sentence of the ``app`` context (alias of the lupdate marker)."""
    return QT_TRANSLATE_NOOP("app", text)
