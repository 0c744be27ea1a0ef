"""Every Qt name the UI uses, imported in one place (as qutebrowser's ``qutebrowser/qt``)."""

import sys
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QElapsedTimer,
    QEvent,
    QEventLoop,
    QItemSelectionModel,
    QLibraryInfo,
    QLocale,
    QMarginsF,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRectF,
    QRunnable,
    QSettings,
    QSize,
    QSizeF,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    QTimer,
    QTranslator,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QGuiApplication,
    QIcon,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QShortcut,
    QWindow,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QTableView,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

if TYPE_CHECKING:
    from PySide6.QtTest import QTest


def __getattr__(name: str) -> object:
    """``QTest`` on first use only: the tests and packaging/screenshot.py drive the window with it, the
    program never does, and the workstation bundle leaves QtTest out."""
    if name == "QTest":
        from PySide6.QtTest import QTest

        return QTest
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _look_for_pyside_without_keeping_sources() -> None:
    """Let PySide's import hook read a module's file, not keep its source for the rest of the run.

    Once PySide6 is imported, it asks of every module imported after it whether its source mentions
    "PySide6" (for ``from __feature__ import …``), through ``inspect.getsource``: that puts the source of
    every module the program imports (SQLAlchemy, httpx, pydantic, …) into ``linecache`` for good, about
    30 MB and a quarter of the start's import time. Same question, same answer, read from the file and
    dropped. A PySide without that hook (or with another one) is left alone.
    """
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, "reads_file", False):
        return

    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(original(module))

    mod_uses_pyside.reads_file = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[attr-defined]


_look_for_pyside_without_keeping_sources()

__all__ = [
    "QAbstractItemModel",
    "QAbstractItemView",
    "QAbstractTableModel",
    "QAction",
    "QApplication",
    "QButtonGroup",
    "QCheckBox",
    "QCloseEvent",
    "QColor",
    "QComboBox",
    "QCoreApplication",
    "QDate",
    "QDateEdit",
    "QDesktopServices",
    "QDialog",
    "QDialogButtonBox",
    "QDragEnterEvent",
    "QDropEvent",
    "QElapsedTimer",
    "QEvent",
    "QEventLoop",
    "QFont",
    "QFormLayout",
    "QFrame",
    "QGridLayout",
    "QGroupBox",
    "QGuiApplication",
    "QHBoxLayout",
    "QHeaderView",
    "QIcon",
    "QImage",
    "QItemSelectionModel",
    "QKeyEvent",
    "QKeySequence",
    "QLabel",
    "QLibraryInfo",
    "QLineEdit",
    "QLocale",
    "QMainWindow",
    "QMarginsF",
    "QMenu",
    "QMessageBox",
    "QModelIndex",
    "QObject",
    "QPageLayout",
    "QPageSize",
    "QPainter",
    "QPalette",
    "QPen",
    "QPersistentModelIndex",
    "QPixmap",
    "QPlainTextEdit",
    "QPoint",
    "QPointF",
    "QPolygonF",
    "QPrintDialog",
    "QPrinter",
    "QProgressBar",
    "QPushButton",
    "QRadioButton",
    "QRectF",
    "QRunnable",
    "QScrollArea",
    "QSettings",
    "QShortcut",
    "QSize",
    "QSizeF",
    "QSizePolicy",
    "QSortFilterProxyModel",
    "QSpinBox",
    "QSplitter",
    "QStackedWidget",
    "QStatusBar",
    "QTabWidget",
    "QTableView",
    "QTest",
    "QThreadPool",
    "QTimer",
    "QToolButton",
    "QTranslator",
    "QTreeView",
    "QUrl",
    "QVBoxLayout",
    "QWidget",
    "QWindow",
    "QWizard",
    "QWizardPage",
    "Qt",
    "Signal",
    "Slot",
]
