"""A read-only table model over a tuple of frozen dataclasses, with columns given as (header, value)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ui.qt import (
    QAbstractTableModel,
    QColor,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_ANSWERED = frozenset((_DISPLAY, _ALIGNMENT, Qt.ItemDataRole.BackgroundRole))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column:
    header: str  # already translated
    value: Callable[[Any], Any]
    align_right: bool = False


def display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class RowTableModel(QAbstractTableModel):
    def __init__(
        self,
        columns: Sequence[Column],
        parent: QObject | None = None,
        highlight: Callable[[Any], QColor | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []
        self._highlight = highlight

    def set_rows(self, rows: Sequence[Any]) -> None:
        if not rows and not self._rows:
            return  # still empty: a reset would only make the views measure and paint their columns again
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Asked for every role of every cell each time a view measures or paints (a dozen calls a cell):
        # the roles this model never answers are turned away before anything else is looked at.
        if role not in _ANSWERED:
            return None
        if not index.isValid():
            return None
        row_number = index.row()
        if not 0 <= row_number < len(self._rows):
            return None
        row = self._rows[row_number]
        if role == _DISPLAY:
            return display(self._columns[index.column()].value(row))
        if role == _ALIGNMENT:
            return _RIGHT if self._columns[index.column()].align_right else None
        return None if self._highlight is None else self._highlight(row)  # the background

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None


class RowSortProxy(QSortFilterProxyModel):
    """Sorts a RowTableModel by the value behind each column (dates as dates, counts as numbers)."""

    def __init__(self, keys: Sequence[Callable[[Any], Any]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys = list(keys)

    def lessThan(
        self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex
    ) -> bool:
        source = self.sourceModel()
        if not isinstance(source, RowTableModel) or not 0 <= left.column() < len(self._keys):
            return super().lessThan(left, right)
        key = self._keys[left.column()]
        a, b = key(source.row_at(left.row())), key(source.row_at(right.row()))
        if a is None or b is None:
            return a is None and b is not None
        return bool(a < b)
