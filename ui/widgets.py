"""Small pieces every page uses: money as the clerk reads it, the error colour, list views, combo look-ups."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ui.qt import (
    QAbstractItemModel,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLocale,
    QTableView,
    QTabWidget,
    QWidget,
)

#: The colour of a refusal or error sentence.
ERROR_STYLE = "color:#a00000;"


def money(amount: Decimal) -> str:
    """An amount in kronor in the clerk's locale, two decimals: "4 190,00" (the one money format)."""
    return QLocale().toString(float(amount), "f", 2)


def find_data(combo: QComboBox, value: Any) -> int:
    """The index of the entry whose data equals *value*, or -1.

    ``QComboBox.findData`` compares Python objects such as a UUID by identity, so an equal id read in
    another unit of work is not found; this compares values.
    """
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            return index
    return -1


def row_table(name: str, model: QAbstractItemModel) -> QTableView:
    """A read-only list of whole rows, one selected at a time, columns sized to their contents."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class RecordLists(QTabWidget):
    """The lists of an open record, a tab each. The shown list's columns are sized to its rows once per
    record (``rows_changed``), a hidden one when it is first shown: a header that resizes to contents
    measures every list on every layout, the hidden ones too, which was half the time a record took to
    show. The last column stretches."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._unfitted: set[int] = set()
        self.currentChanged.connect(self._fit)

    def add_list(self, page: QWidget) -> None:
        """Add *page* as a tab (titled later); a table among them is sized by this widget, not its header."""
        if isinstance(page, QTableView):
            page.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            page.horizontalHeader().setStretchLastSection(True)
        self.addTab(page, "")

    def rows_changed(self) -> None:
        """The lists hold a new record's rows: size the shown one now, the others when shown."""
        self._unfitted = set(range(self.count()))
        self._fit(self.currentIndex())

    def _fit(self, index: int) -> None:
        if index not in self._unfitted:
            return
        self._unfitted.discard(index)
        view = self.widget(index)
        if isinstance(view, QTableView):
            for column in range(view.model().columnCount() - 1):  # the last one stretches
                view.resizeColumnToContents(column)
