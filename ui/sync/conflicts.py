"""The conflicts view: what the server could not merge by rule, both versions, and a resolve action."""

from __future__ import annotations

import json

from app.sync.client import REJECTED, SyncIssue, to_show, versions_for_people
from ui.qt import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from ui.sync.controller import SyncController
from ui.table_model import Column, RowTableModel


class ConflictsDialog(QDialog):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_conflicts")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(900, 500)
        self._controller = controller
        self.model = RowTableModel(
            [
                Column(self.tr("Created"), lambda i: i.created_at),
                Column(
                    self.tr("Status"),
                    lambda i: (
                        self.tr("Open")
                        if i.status == "open"
                        else self.tr("Read")
                        if i.kind == REJECTED
                        else self.tr("Resolved")
                    ),
                ),
                Column(self.tr("Kind"), self._kind),
                Column(self.tr("What happened"), self._what_happened),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("conflict_list")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.versions = QLabel()
        self.versions.setObjectName("conflict_versions")
        self.versions.setWordWrap(True)
        self.keep_buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Choose a conflict, read both versions, and keep the one that is right. A change the "
                    "server refused is listed here too until you have read it."
                )
            )
        )
        layout.addWidget(self.table, 2)
        layout.addWidget(self.versions, 1)
        layout.addLayout(self.keep_buttons)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show(current.row())
        )
        controller.sig_issues.connect(self.show_issues)
        controller.load_issues()

    def _kind(self, issue: SyncIssue) -> str:
        kinds = {
            REJECTED: self.tr("Refused by the server"),
            "individual_conflict": self.tr("Device changed on two workstations"),
            "receipt_line_received_twice": self.tr("Received twice"),
            "row_deleted_elsewhere": self.tr("Deleted on another workstation"),
        }
        return kinds.get(issue.kind, self.tr("Conflict"))

    def _what_happened(self, issue: SyncIssue) -> str:
        """One sentence in the clerk's language; the server's own words follow with the versions."""
        sentences = {
            REJECTED: self.tr(
                "The server refused a change made here and the record is back as the server has it; "
                "read the reason, and do the work again if it is still needed."
            ),
            "individual_conflict": self.tr(
                "The same device was handed out, returned or otherwise changed in different ways on two "
                "workstations; keep the version that is right."
            ),
            "receipt_line_received_twice": self.tr(
                "The same delivery line was received on two workstations; keep the receipt that is right."
            ),
            "row_deleted_elsewhere": self.tr(
                "The record was deleted on another workstation before the change made here arrived; keep "
                "the deletion or restore the record with the change."
            ),
        }
        return sentences.get(issue.kind, issue.description)

    def show_issues(self, issues: list[SyncIssue]) -> None:
        conflicts = sorted(to_show(issues), key=lambda i: (i.status != "open", i.created_at))
        self.model.set_rows(conflicts)
        if conflicts:
            self.table.selectRow(0)
            self._show(0)
        else:
            self.versions.setText(self.tr("No conflicts and no refused changes."))
            self._clear_buttons()

    def _clear_buttons(self) -> None:
        while self.keep_buttons.count():
            item = self.keep_buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _show(self, row: int) -> None:
        self._clear_buttons()
        if not 0 <= row < self.model.rowCount():
            return
        issue: SyncIssue = self.model.row_at(row)
        texts = []
        for index, version in enumerate(versions_for_people(issue)):
            shown = json.dumps(version, ensure_ascii=False, indent=1, default=str)
            texts.append(self.tr("Version {number}:").format(number=index + 1) + f"\n{shown}")
        reason = self.tr("The server's words: {reason}").format(reason=issue.description)
        self.versions.setText("\n\n".join([reason, *texts]))
        if issue.status != "open":
            return
        if issue.kind == REJECTED:
            button = QPushButton(self.tr("I have read this"))
            button.setObjectName("acknowledge")
            button.clicked.connect(lambda _checked=False, c=issue.id: self._controller.acknowledge(c))
            self.keep_buttons.addWidget(button)
            return
        for index in range(len(issue.versions)):
            button = QPushButton(self.tr("Keep version {number}").format(number=index + 1))
            button.setObjectName(f"keep_{index}")
            button.clicked.connect(lambda _checked=False, i=index, c=issue.id: self._controller.resolve(c, i))
            self.keep_buttons.addWidget(button)
