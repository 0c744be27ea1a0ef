"""The conflicts view: what the server could not merge by rule, both versions, and a resolve action."""

from __future__ import annotations

import json

from app.sync.client import SyncIssue
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
                    lambda i: self.tr("Open") if i.status == "open" else self.tr("Resolved"),
                ),
                Column(self.tr("Kind"), lambda i: i.kind),
                Column(self.tr("What happened"), lambda i: i.description),
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
            QLabel(self.tr("Choose a conflict, read both versions, and keep the one that is right."))
        )
        layout.addWidget(self.table, 2)
        layout.addWidget(self.versions, 1)
        layout.addLayout(self.keep_buttons)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show(current.row())
        )
        controller.sig_issues.connect(self.show_issues)
        controller.load_issues()

    def show_issues(self, issues: list[SyncIssue]) -> None:
        conflicts = [i for i in issues if i.kind != "rejected"]
        conflicts.sort(key=lambda i: (i.status != "open", i.created_at))
        self.model.set_rows(conflicts)
        if conflicts:
            self.table.selectRow(0)
            self._show(0)
        else:
            self.versions.setText(self.tr("No conflicts."))
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
        for index, version in enumerate(issue.versions):
            shown = json.dumps(version, ensure_ascii=False, indent=1, default=str)
            texts.append(self.tr("Version {number}:").format(number=index + 1) + f"\n{shown}")
        self.versions.setText("\n\n".join(texts) or issue.description)
        if issue.status != "open":
            return
        for index in range(len(issue.versions)):
            button = QPushButton(self.tr("Keep version {number}").format(number=index + 1))
            button.setObjectName(f"keep_{index}")
            button.clicked.connect(lambda _checked=False, i=index, c=issue.id: self._controller.resolve(c, i))
            self.keep_buttons.addWidget(button)
