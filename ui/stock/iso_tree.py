"""The ISO 9999 assortment tree (R34) as a lazily filled item model: 2-digit nodes first, a node's 4- or
6-digit children read on a worker the first time it is expanded."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.stock_balances import IsoNode
from ui.operations import OperationRunner
from ui.operations import stock as stock_ops
from ui.qt import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

Index = QModelIndex | QPersistentModelIndex

#: The role holding a node's ISO code ("22", "2206", "220615").
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


def spaced(code: str) -> str:
    """An ISO code as it is printed: "22 06 15"."""
    return " ".join(code[i : i + 2] for i in range(0, len(code), 2))


@dataclass(eq=False)
class _Item:
    node: IsoNode | None  # None for the invisible root
    parent: _Item | None
    children: list[_Item] = field(default_factory=list)
    loaded: bool = False
    loading: bool = False

    @property
    def code(self) -> str:
        return self.node.code if self.node is not None else ""


class IsoTreeModel(QAbstractItemModel):
    sig_loaded = Signal(str)  # the code whose children arrived ("" for the 2-digit level)

    def __init__(self, runner: OperationRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._root = _Item(None, None)

    def load(self) -> None:
        """Read the 2-digit level (again)."""
        self.beginResetModel()
        self._root = _Item(None, None)
        self.endResetModel()
        self._fetch(self._root)

    def _item(self, index: Index) -> _Item:
        if index.isValid():
            item: _Item = index.internalPointer()
            return item
        return self._root

    def _fetch(self, item: _Item) -> None:
        if item.loaded or item.loading:
            return
        item.loading = True
        root = self._root

        def arrived(nodes: tuple[IsoNode, ...]) -> None:
            item.loading = False
            if self._root is not root:
                return  # the tree was read again meanwhile
            parent = self._index_of(item)
            if nodes:
                self.beginInsertRows(parent, 0, len(nodes) - 1)
                item.children = [_Item(node, item) for node in nodes]
                item.loaded = True
                self.endInsertRows()
            else:
                item.loaded = True
            self.sig_loaded.emit(item.code)

        stock_ops.iso_children(self._runner, parent=item.code, on_success=arrived)

    def _index_of(self, item: _Item) -> QModelIndex:
        if item.parent is None:
            return QModelIndex()
        return self.createIndex(item.parent.children.index(item), 0, item)

    # -- QAbstractItemModel ------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        item = self._item(parent)
        if column != 0 or not 0 <= row < len(item.children):
            return QModelIndex()
        return self.createIndex(row, column, item.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        item = self._item(index)
        if item.parent is None or item.parent is self._root:
            return QModelIndex()
        return self._index_of(item.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        return len(self._item(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        item = self._item(parent)
        if item is self._root:
            return bool(item.children)
        if item.loaded:
            return bool(item.children)
        return item.node is not None and item.node.has_children

    def canFetchMore(self, parent: Index) -> bool:
        item = self._item(parent)
        return item is not self._root and not item.loaded and item.node is not None and item.node.has_children

    def fetchMore(self, parent: Index) -> None:
        self._fetch(self._item(parent))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._item(index).node
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("{code} {title} ({count})").format(
                code=spaced(node.code), title=node.title, count=node.articles
            )
        if role == CODE_ROLE:
            return node.code
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and section == 0:
            return self.tr("ISO 9999 assortment")
        return None
