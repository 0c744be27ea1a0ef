"""The cart's article search (R33) and the individual-number field (R10c).

Scanner first: the search field keeps the focus while lines are added, Enter adds the single hit (or the
selected one), ↑/↓ move through the hits without leaving the field. The box asks for the articles itself;
adding one is the cart page's write (``sig_add``).
"""

from __future__ import annotations

import uuid
from typing import Any

from app.articles import ArticleHit, ArticleSearch
from app.scanning.codes import Code, CodeKind
from db.models.enums import ArticleType
from ui.labels import label
from ui.operations import OperationRunner
from ui.operations import orders as order_ops
from ui.operations import scanning as scanning_ops
from ui.qt import (
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QEvent,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    QSpinBox,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.scanning.targets import mark_scan_target, put_into_line_edit, read_first_as, scan_into_line_edit
from ui.table_model import Column, RowTableModel
from ui.widgets import ERROR_STYLE, money, row_table

ARTICLE_SEARCH_DELAY_MS = 150  # coalesce typing (or a scanner burst) into one search


class ArticleSearchBox(QWidget):
    sig_add = Signal(object, int)  # ArticleHit, quantity: the clerk wants it in the cart
    sig_individual_entered = Signal(str)  # an individual number scanned or typed, on Enter
    sig_articles = Signal(object)  # ArticleSearch, once its hits are shown
    sig_message = Signal(str)  # a hint for the page's message line

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._key = (self, "articles")
        self._warehouse_id: uuid.UUID | None = None
        self._add_when_found = False
        self._setup_widgets()
        self._setup_layout()
        self._connect_signals()

    def _setup_widgets(self) -> None:
        self.article_edit = QLineEdit()
        self.article_edit.setObjectName("cart_article_search")
        self.article_edit.setClearButtonEnabled(True)
        self.article_edit.setPlaceholderText(
            self.tr("Article: name, supplier, supplier's or our article number — several words narrow")
        )
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("cart_article_type")
        self.type_combo.addItem(self.tr("All types"), None)
        for article_type in ArticleType:
            self.type_combo.addItem(label(article_type), article_type)
        self.assortment_check = QCheckBox(self.tr("Assortment only"))
        self.assortment_check.setObjectName("cart_assortment_only")
        self.quantity_spin = QSpinBox()
        self.quantity_spin.setObjectName("cart_quantity")
        self.quantity_spin.setRange(1, 999)
        self.quantity_spin.setValue(1)
        self.quantity_spin.setToolTip(self.tr("Quantity for the next article added (Alt+Q)"))
        self.add_button = QPushButton(self.tr("&Add to cart"))
        self.add_button.setObjectName("cart_add_article")
        self.article_count = QLabel()
        self.article_count.setObjectName("cart_article_count")
        self.article_count.setWordWrap(True)
        self.articles_model = RowTableModel(
            [
                Column(self.tr("Article no."), lambda h: h.article_number),
                Column(self.tr("Name"), lambda h: h.name),
                Column(self.tr("Supplier"), lambda h: h.supplier_name),
                Column(self.tr("Supplier's no."), lambda h: h.supplier_article_number),
                Column(self.tr("Type"), lambda h: label(h.article_type)),
                Column(self.tr("Status"), lambda h: label(h.status)),
                Column(self.tr("Price"), lambda h: money(h.price), align_right=True),
                Column(self.tr("Balance"), lambda h: h.balance, align_right=True),
                Column(self.tr("Assortment"), self._assortment_text),
            ],
            self,
        )
        self.articles_view = row_table("cart_articles", self.articles_model)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(ARTICLE_SEARCH_DELAY_MS)
        self.individual_label = QLabel(self.tr("Individual number:"))
        self.individual_edit = QLineEdit()
        self.individual_edit.setObjectName("cart_individual")
        self.individual_edit.setClearButtonEnabled(True)
        self.individual_edit.setPlaceholderText(
            self.tr("Scan or type the individual number of the device to hand out, Enter")
        )

    def _assortment_text(self, hit: ArticleHit) -> str:
        return self.tr("Yes") if hit.in_assortment else self.tr("No")

    def _setup_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.addWidget(self.article_edit, 1)
        search_row.addWidget(self.type_combo)
        search_row.addWidget(self.assortment_check)
        quantity_caption = QLabel(self.tr("&Quantity:"))
        quantity_caption.setBuddy(self.quantity_spin)
        search_row.addWidget(quantity_caption)
        search_row.addWidget(self.quantity_spin)
        search_row.addWidget(self.add_button)
        layout.addLayout(search_row)
        layout.addWidget(self.article_count)
        layout.addWidget(self.articles_view, 1)
        individual_row = QHBoxLayout()
        individual_row.addWidget(self.individual_label)
        individual_row.addWidget(self.individual_edit, 1)
        layout.addLayout(individual_row)

    def _connect_signals(self) -> None:
        self.article_edit.textChanged.connect(self._search_soon)
        self.article_edit.returnPressed.connect(self._enter_in_search)
        self.article_edit.installEventFilter(self)
        self.type_combo.activated.connect(self.search_now)
        self.assortment_check.toggled.connect(self.search_now)
        self.quantity_spin.editingFinished.connect(self._quantity_entered)
        self._timer.timeout.connect(self.search_now)
        self.articles_view.activated.connect(self.add_selected)
        self.articles_view.doubleClicked.connect(self.add_selected)
        self.add_button.clicked.connect(self.add_selected)
        self.individual_edit.returnPressed.connect(self._individual_entered)
        mark_scan_target(
            self.article_edit,
            self._take_article,
            frozenset({CodeKind.ARTICLE, CodeKind.GTIN, CodeKind.UDI}),
            what=self.tr("the cart's article field"),
        )
        mark_scan_target(
            self.individual_edit,
            scan_into_line_edit(
                self.individual_edit, take_kinds=read_first_as(CodeKind.INDIVIDUAL, CodeKind.SERIAL)
            ),
            what=self.tr("the cart's individual number field"),
        )
        # A device scanned anywhere in the box goes to the individual number field while it is shown.
        mark_scan_target(
            self,
            self._take_individual,
            frozenset({CodeKind.INDIVIDUAL}),
            what=self.tr("the cart's individual number field"),
        )

    def tab_chain(self) -> list[QWidget]:
        return [
            self.article_edit,
            self.type_combo,
            self.assortment_check,
            self.quantity_spin,
            self.add_button,
            self.articles_view,
            self.individual_edit,
        ]

    # -- the cart it adds to -----------------------------------------------------------------------

    def show_for(self, warehouse_id: uuid.UUID | None, *, cart_open: bool, individual_delivery: bool) -> None:
        """The cart now shown: balances of *warehouse_id* (searched again when it changed)."""
        self.add_button.setEnabled(cart_open)
        self.individual_label.setVisible(individual_delivery)
        self.individual_edit.setVisible(individual_delivery)
        if warehouse_id != self._warehouse_id or not cart_open:
            self._warehouse_id = warehouse_id
            self.search_now()  # balances follow the warehouse the cart delivers from

    def focus_search(self) -> None:
        self.article_edit.setFocus()
        self.article_edit.selectAll()

    def added(self) -> None:
        """The article went into the cart: the next one starts at quantity 1, typed in the same field."""
        self.quantity_spin.setValue(1)
        self.focus_search()

    # -- searching (R33) ---------------------------------------------------------------------------

    def _search_soon(self) -> None:
        self._add_when_found = False
        self._timer.start()

    def _enter_in_search(self) -> None:
        if self._timer.isActive() or self._runner.pending(self._key):
            self._add_when_found = True  # Enter on a scan still being looked up adds its single hit
            if self._timer.isActive():
                self.search_now(keep_enter=True)
            return
        self.add_selected()

    def search_now(self, *_args: Any, keep_enter: bool = False) -> None:
        if not keep_enter:
            self._add_when_found = False
        self._timer.stop()
        text = self.article_edit.text().strip()
        if not text:
            self._runner.supersede(self._key)
            self.articles_model.set_rows([])
            self.article_count.clear()
            return
        chosen_type = self.type_combo.currentData()
        order_ops.search_articles(
            self._runner,
            text=text,
            warehouse_id=self._warehouse_id,
            article_type=ArticleType(chosen_type) if chosen_type else None,
            assortment_only=self.assortment_check.isChecked(),
            on_success=self._show_articles,
            on_error=self._search_failed,
            key=self._key,  # a newer keystroke has asked again: only its answer is shown
        )

    def _search_failed(self, sentence: str) -> None:
        self._add_when_found = False
        self.articles_model.set_rows([])
        self.article_count.setStyleSheet(ERROR_STYLE)
        self.article_count.setText(sentence)

    def _show_articles(self, search: ArticleSearch) -> None:
        self.articles_model.set_rows(search.hits)
        self.article_count.setStyleSheet("")
        if search.refusal:
            self.article_count.setText(QCoreApplication.translate("app", search.refusal))
        elif not search.hits:
            self.article_count.setText(self.tr("No article found."))
        elif search.total > len(search.hits):
            self.article_count.setText(
                self.tr(
                    "%n articles found, showing the first {count}; add a word to narrow.", "", search.total
                ).format(count=len(search.hits))
            )
        else:
            self.article_count.setText(self.tr("%n articles found.", "", search.total))
        if search.hits:
            self.articles_view.selectRow(0)
        add, self._add_when_found = self._add_when_found, False
        if add:
            if len(search.hits) == 1:
                self.add_selected()
            elif search.hits:
                self.sig_message.emit(self.tr("Several articles match: choose with ↑/↓ and press Enter."))
        self.sig_articles.emit(search)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.article_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            rows = self.articles_model.rowCount()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and rows > 0:
                current = self.articles_view.currentIndex().row()
                step = 1 if key == Qt.Key.Key_Down else -1
                self.articles_view.selectRow(min(max(current + step, 0), rows - 1))
                return True  # the focus stays in the search field
        return super().eventFilter(watched, event)

    def _quantity_entered(self) -> None:
        if self.quantity_spin.hasFocus():
            self.focus_search()

    def selected(self) -> ArticleHit | None:
        rows = self.articles_view.selectionModel().selectedRows()
        row = rows[0].row() if rows else self.articles_view.currentIndex().row()
        if not 0 <= row < self.articles_model.rowCount():
            return None
        hit: ArticleHit = self.articles_model.row_at(row)
        return hit

    def add_selected(self, *_args: Any) -> None:
        hit = self.selected()
        if hit is not None:
            self.sig_add.emit(hit, self.quantity_spin.value())

    # -- individual delivery (R10c) ----------------------------------------------------------------

    def _take_article(self, code: Code) -> bool:
        """An article number goes in as typed (Enter adds its single hit); a box's GTIN or UDI is first
        looked up for the number of its article. A code read first as something else is not taken."""
        first = code.kinds[0] if code.kinds else None
        if first is CodeKind.ARTICLE:
            put_into_line_edit(self.article_edit, code.text)
        elif first in (CodeKind.GTIN, CodeKind.UDI):
            scanning_ops.scanned_article_number(
                self._runner,
                code=code,
                on_success=lambda number: put_into_line_edit(self.article_edit, number),
                on_error=self._search_failed,
                key=self._key,
            )
        else:
            return False
        return True

    def _take_individual(self, code: Code) -> bool:
        if not self.individual_edit.isVisibleTo(self) or not read_first_as(CodeKind.INDIVIDUAL)(code):
            return False
        put_into_line_edit(self.individual_edit, code.text)
        return True

    def _individual_entered(self) -> None:
        text = self.individual_edit.text().strip()
        if text:
            self.sig_individual_entered.emit(text)
