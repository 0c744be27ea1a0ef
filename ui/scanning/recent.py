"""The recent scans: what the scanner or camera sent, what it was read as and what became of it.

So a clerk can see what the scanner really sent (a code that named nothing, one that could not be read,
one a field took). Kept in memory only, the newest ``RECENT_LIMIT`` (50: about an hour of a busy goods
receipt; nothing a scan names needs keeping longer, and a list on disk could hold identity numbers).
What is shown is ``Code.shown()``: an identity number is masked there (R5), as in the status bar.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import deque
from dataclasses import dataclass, replace

from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QObject,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.table_model import Column, RowTableModel
from ui.widgets import row_table

RECENT_LIMIT = 50


@dataclass(frozen=True)
class RecentScan:
    number: int  # running number of the scan in this session
    at: dt.datetime
    source: str  # translated: "Scanner" or "Camera"
    shown: str  # the code as it may be shown (an identity number masked)
    reading: str  # translated: what it was read as ("individual number", "UDI (GS1)", …)
    outcome: str  # translated: what happened ("Opened in the Individual tab", "Not found: …")


class RecentScans(QObject):
    """The newest scans, newest first; ``sig_changed`` after each change."""

    sig_changed = Signal()

    def __init__(self, parent: QObject | None = None, *, limit: int = RECENT_LIMIT) -> None:
        super().__init__(parent)
        self._scans: deque[RecentScan] = deque(maxlen=limit)
        self._numbers = itertools.count(1)

    def add(self, *, source: str, shown: str, reading: str, outcome: str) -> int:
        number = next(self._numbers)
        self._scans.appendleft(
            RecentScan(number, dt.datetime.now().astimezone(), source, shown, reading, outcome)
        )
        self.sig_changed.emit()
        return number

    def settle(self, number: int, outcome: str) -> None:
        """What became of scan *number* (it may have left the list meanwhile)."""
        for index, scan in enumerate(self._scans):
            if scan.number == number:
                self._scans[index] = replace(scan, outcome=outcome)
                self.sig_changed.emit()
                return

    def scans(self) -> tuple[RecentScan, ...]:
        return tuple(self._scans)


class RecentScansDialog(QDialog):
    """The recent scans as a list that follows new scans while it is open."""

    def __init__(self, recent: RecentScans, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recent_scans")
        self.setWindowTitle(self.tr("Recent scans"))
        self.resize(900, 420)
        self._recent = recent
        self.model = RowTableModel(
            [
                Column(self.tr("Time"), lambda s: s.at.strftime("%H:%M:%S")),
                Column(self.tr("From"), lambda s: s.source),
                Column(self.tr("Scanned"), lambda s: s.shown),
                Column(self.tr("Read as"), lambda s: s.reading),
                Column(self.tr("What happened"), lambda s: s.outcome),
            ],
            self,
        )
        self.view = row_table("recent_scans_list", self.model)
        note = QLabel(
            self.tr(
                "The last {count} scans of this session, newest first. Identity numbers are not shown."
            ).format(count=RECENT_LIMIT)
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        recent.sig_changed.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        self.model.set_rows(self._recent.scans())
