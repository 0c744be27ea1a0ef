"""Small pieces every page uses: money as the clerk reads it, the error colour, list views, combo look-ups."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ui.qt import QAbstractItemModel, QAbstractItemView, QComboBox, QHeaderView, QLocale, QTableView

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
