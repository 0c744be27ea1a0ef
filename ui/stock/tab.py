"""The Stock tab (R33–R35): a warehouse's balances for the articles found by search (as in the cart), by
ISO 9999 node or by type and balance filters; the selected article's ledger; the stock balance report as a
PDF or straight to a printer."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from app.changes import Changes
from app.organisation import WorkContext
from app.stock_balances import (
    ArticleLedger,
    BalanceFilter,
    BalanceList,
    BalanceRow,
    LedgerRow,
    StockWarehouse,
)
from db.models.enums import ArticleType
from ui.labels import label
from ui.operations import OperationRunner
from ui.operations import stock as stock_ops
from ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QColor,
    QComboBox,
    QCoreApplication,
    QHBoxLayout,
    QItemSelectionModel,
    QLabel,
    QLineEdit,
    QModelIndex,
    QPushButton,
    QSplitter,
    Qt,
    QTimer,
    QTreeView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.stock.iso_tree import CODE_ROLE, IsoTreeModel, spaced
from ui.table_model import Column, RowTableModel
from ui.widgets import ERROR_STYLE, find_data, row_table

SEARCH_DELAY_MS = 150  # coalesce typing into one search (a scanner's burst is routed, never typed here)
NEGATIVE = QColor("#f6d5d5")
BELOW_REORDER_LEVEL = QColor("#fbefc8")


class StockTab(QWidget):
    sig_status = Signal(str)
    sig_listed = Signal(object)  # BalanceList, once shown
    sig_ledger = Signal(object)  # ArticleLedger, once shown
    sig_counted = Signal(int)  # the hit count of the list shown
    sig_report_saved = Signal(object)  # Path of the stock balance report's PDF
    sig_printed = Signal(bool)  # the report went to the printer (False: cancelled or nothing to print)

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._context: WorkContext | None = None
        self._warehouses: dict[uuid.UUID, StockWarehouse] = {}
        self._iso_code = ""
        self._list_key = (self, "balances")
        self._count_key = (self, "count")
        self._listing: BalanceList | None = None
        self._ledger_key = (self, "ledger")
        self._ledger_article: uuid.UUID | None = None
        #: A scanned article the next list selects (its ledger already shown).
        self._wanted_article: uuid.UUID | None = None
        self._ledger_shown_for: uuid.UUID | None = None
        self._setup_widgets()
        self._setup_layout()
        self._connect_signals()

    # -- set-up ------------------------------------------------------------------------------------

    def _setup_widgets(self) -> None:
        self.warehouse_combo = QComboBox()
        self.warehouse_combo.setObjectName("stock_warehouse")
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("stock_search")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Article: name, supplier, supplier's or our article number — empty for all")
        )
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("stock_article_type")
        self.type_combo.addItem(self.tr("All types"), None)
        for article_type in ArticleType:
            self.type_combo.addItem(label(article_type), article_type)
        self.assortment_check = QCheckBox(self.tr("Assortment only"))
        self.assortment_check.setObjectName("stock_assortment_only")
        self.balance_combo = QComboBox()
        self.balance_combo.setObjectName("stock_balance_filter")
        for value, text in (
            (BalanceFilter.IN_WAREHOUSE, self.tr("Articles in the warehouse")),
            (BalanceFilter.IN_STOCK, self.tr("Balance above zero")),
            (BalanceFilter.ZERO, self.tr("Zero balance")),
            (BalanceFilter.BELOW_REORDER_LEVEL, self.tr("Below the reorder level")),
            (BalanceFilter.NEGATIVE, self.tr("Negative balance")),
            (BalanceFilter.ALL_ARTICLES, self.tr("All articles of the catalogue")),
        ):
            self.balance_combo.addItem(text, value)
        self.report_button = QPushButton(self.tr("Stock balance &report (PDF)"))
        self.report_button.setObjectName("stock_report")
        self.print_button = QPushButton(self.tr("&Print report…"))
        self.print_button.setObjectName("stock_print")
        self.count_label = QLabel()
        self.count_label.setObjectName("stock_count")
        self.count_label.setWordWrap(True)

        self.iso_model = IsoTreeModel(self._runner, self)
        self.iso_view = QTreeView()
        self.iso_view.setObjectName("stock_iso_tree")
        self.iso_view.setModel(self.iso_model)
        self.iso_view.setUniformRowHeights(True)
        self.iso_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.all_codes_button = QPushButton(self.tr("All ISO codes"))
        self.all_codes_button.setObjectName("stock_all_iso")

        self.balances_model = RowTableModel(
            [
                Column(self.tr("Article no."), lambda r: r.article_number),
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("Balance"), lambda r: r.balance, align_right=True),
                Column(self.tr("Reorder level"), lambda r: r.reorder_level or "", align_right=True),
                Column(self.tr("Unit"), lambda r: r.unit),
                Column(self.tr("Type"), lambda r: label(r.article_type)),
                Column(self.tr("Supplier"), lambda r: r.supplier_name),
                Column(self.tr("Supplier's no."), lambda r: r.supplier_article_number),
                Column(self.tr("ISO code"), lambda r: spaced(r.iso_code)),
            ],
            self,
            highlight=self._highlight,
        )
        self.balances_view = row_table("stock_balances", self.balances_model)

        self.ledger_title = QLabel(self.tr("Choose an article to see its ledger."))
        self.ledger_title.setObjectName("stock_ledger_title")
        self.ledger_title.setWordWrap(True)
        self.ledger_model = RowTableModel(
            [
                Column(self.tr("Date"), lambda m: m.occurred_at),
                Column(self.tr("Reason"), lambda m: label(m.reason)),
                Column(self.tr("Quantity"), lambda m: f"{m.quantity:+d}", align_right=True),
                Column(self.tr("Document"), lambda m: m.document_number),
                Column(self.tr("Individual"), lambda m: m.individual_number),
                Column(self.tr("By"), lambda m: m.user_name),
            ],
            self,
        )
        self.ledger_view = row_table("stock_ledger", self.ledger_model)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)

    def _setup_layout(self) -> None:
        layout = QVBoxLayout(self)
        search_row = QHBoxLayout()
        warehouse_caption = QLabel(self.tr("&Warehouse:"))
        warehouse_caption.setBuddy(self.warehouse_combo)
        search_row.addWidget(warehouse_caption)
        search_row.addWidget(self.warehouse_combo)
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.type_combo)
        search_row.addWidget(self.balance_combo)
        search_row.addWidget(self.assortment_check)
        layout.addLayout(search_row)
        count_row = QHBoxLayout()
        count_row.addWidget(self.count_label, 1)
        count_row.addWidget(self.report_button)
        count_row.addWidget(self.print_button)
        layout.addLayout(count_row)

        tree_pane = QWidget()
        tree_layout = QVBoxLayout(tree_pane)
        tree_layout.setContentsMargins(0, 0, 0, 0)
        tree_layout.addWidget(self.iso_view, 1)
        tree_layout.addWidget(self.all_codes_button)
        ledger_pane = QWidget()
        ledger_layout = QVBoxLayout(ledger_pane)
        ledger_layout.setContentsMargins(0, 0, 0, 0)
        ledger_layout.addWidget(self.ledger_title)
        ledger_layout.addWidget(self.ledger_view, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.balances_view)
        right.addWidget(ledger_pane)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("stock_split")
        split.addWidget(tree_pane)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([380, 900])
        layout.addWidget(split, 1)

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.search_edit.returnPressed.connect(self.search_now)
        self._timer.timeout.connect(self.search_now)
        self.warehouse_combo.activated.connect(self.search_now)
        self.type_combo.activated.connect(self.search_now)
        self.balance_combo.activated.connect(self.search_now)
        self.assortment_check.toggled.connect(self.search_now)
        self.iso_view.selectionModel().currentChanged.connect(self._node_chosen)
        self.all_codes_button.clicked.connect(self.show_all_codes)
        self.balances_view.selectionModel().currentRowChanged.connect(self._article_chosen)
        self.balances_view.activated.connect(lambda _index: self.ledger_view.setFocus())
        self.report_button.clicked.connect(self.report_pdf)
        self.print_button.clicked.connect(self.print_report)
        self._runner.sig_changes.connect(self._on_changes)

    # -- context -----------------------------------------------------------------------------------

    def set_context(self, context: WorkContext) -> None:
        self._context = context
        self.iso_model.load()
        stock_ops.stock_warehouses(self._runner, context=context, on_success=self._show_warehouses)

    def _show_warehouses(self, warehouses: tuple[StockWarehouse, ...]) -> None:
        chosen = self.warehouse_id()
        self._warehouses = {w.id: w for w in warehouses}
        self.warehouse_combo.clear()
        for warehouse in warehouses:
            self.warehouse_combo.addItem(f"{warehouse.code} {warehouse.name}", warehouse.id)
        index = find_data(self.warehouse_combo, chosen)
        self.warehouse_combo.setCurrentIndex(max(index, 0))
        self.search_now()

    def warehouse_id(self) -> uuid.UUID | None:
        value = self.warehouse_combo.currentData()
        return value if isinstance(value, uuid.UUID) else None

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def show_article(self, article_id: uuid.UUID) -> None:
        """A scanned article: its ledger in the chosen warehouse at once, and the list searched for its number
        with its row selected (when the filters let it be listed)."""
        warehouse_id = self.warehouse_id()
        if warehouse_id is None:
            return
        # A search typed before the scan would select its own first row (and ledger) over the article.
        self._timer.stop()
        self._runner.supersede(self._list_key)

        def shown(ledger: ArticleLedger) -> None:
            self._timer.stop()
            self.search_edit.blockSignals(True)  # one search, not one per character
            self.search_edit.setText(ledger.article_number)
            self.search_edit.blockSignals(False)
            self._wanted_article = article_id
            self.search_now()
            self._show_ledger(ledger)

        self._ledger_article = article_id
        stock_ops.article_ledger(
            self._runner,
            article_id=article_id,
            warehouse_id=warehouse_id,
            on_success=shown,
            on_error=lambda sentence: self.ledger_title.setText(sentence),
            key=self._ledger_key,
        )

    def _on_changes(self, changes: Changes) -> None:
        if (changes.stock or changes.catalogue) and self._context is not None:
            self.search_now()
            if self._ledger_article is not None:
                self._read_ledger(self._ledger_article)

    # -- the list (R33–R35) ------------------------------------------------------------------------

    def _filter(self) -> BalanceFilter:
        return BalanceFilter(self.balance_combo.currentData())

    def _article_type(self) -> ArticleType | None:
        chosen = self.type_combo.currentData()
        return ArticleType(chosen) if chosen else None

    def _conditions(self) -> dict[str, Any] | None:
        warehouse_id = self.warehouse_id()
        if warehouse_id is None:
            return None
        return {
            "warehouse_id": warehouse_id,
            "text": self.search_edit.text().strip(),
            "article_type": self._article_type(),
            "assortment_only": self.assortment_check.isChecked(),
            "iso_code": self._iso_code,
            "balance_filter": self._filter(),
        }

    def search_now(self, *_args: Any) -> None:
        self._timer.stop()
        conditions = self._conditions()
        if conditions is None:
            return
        self._runner.supersede(self._count_key)
        stock_ops.balance_list(
            self._runner,
            **conditions,
            on_success=lambda listing: self._show_list(listing, conditions),
            on_error=self._list_failed,
            key=self._list_key,  # only the newest keystroke's answer is shown
        )

    def _list_failed(self, sentence: str) -> None:
        self.balances_model.set_rows([])
        self._clear_ledger()
        self.count_label.setStyleSheet(ERROR_STYLE)
        self.count_label.setText(sentence)

    def _show_list(self, listing: BalanceList, conditions: dict[str, Any]) -> None:
        """The first rows at once; a full page is counted to the end by a second read."""
        self.balances_model.set_rows(listing.rows)
        self.count_label.setStyleSheet("")
        self._listing = listing
        if listing.refusal:
            self.count_label.setText(QCoreApplication.translate("app", listing.refusal))
        elif listing.total is None:
            self.count_label.setText(self.tr("Counting the articles found…"))
            stock_ops.balance_count(
                self._runner, **conditions, on_success=self._show_count, key=self._count_key
            )
        else:
            self._show_count(listing.total)
        wanted, self._wanted_article = self._wanted_article, None
        rows = [row.article_id for row in listing.rows]
        if wanted is not None:
            if wanted in rows:  # its ledger is shown already: selected without reading it again
                self._ledger_shown_for = wanted
                self.balances_view.selectRow(rows.index(wanted))
                self._ledger_shown_for = None
            # else its ledger stays shown: the filters do not list it
        elif listing.rows:
            self.balances_view.selectRow(0)  # its ledger follows
        else:
            self._clear_ledger()
        self.sig_listed.emit(listing)

    def _clear_ledger(self) -> None:
        self._runner.supersede(self._ledger_key)
        self._ledger_article = None
        self.ledger_model.set_rows([])
        self.ledger_title.setText(self.tr("Choose an article to see its ledger."))

    def _show_count(self, total: int) -> None:
        listing = self._listing
        if listing is None:
            return
        if not listing.rows:
            text = self.tr("No article found.")
        elif total > len(listing.rows):
            text = self.tr(
                "%n articles found, showing the first {count}; add a word or choose an ISO code to narrow.",
                "",
                total,
            ).format(count=len(listing.rows))
        else:
            text = self.tr("%n articles found.", "", total)
        if not listing.shows_balance:
            text += " " + self.tr("This warehouse shows no balance.")
        self.count_label.setText(text)
        self.sig_counted.emit(total)

    def _highlight(self, row: BalanceRow) -> QColor | None:
        if row.balance is None:
            return None
        if row.balance < 0:
            return NEGATIVE
        if row.reorder_level and row.balance < row.reorder_level:
            return BELOW_REORDER_LEVEL
        return None

    # -- the ISO tree (R34) ------------------------------------------------------------------------

    def _node_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        code = current.data(CODE_ROLE) if current.isValid() else ""
        self._iso_code = code or ""
        self.search_now()

    def choose_node(self, index: QModelIndex) -> None:
        self.iso_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def show_all_codes(self) -> None:
        self.iso_view.selectionModel().clear()
        self._iso_code = ""
        self.search_now()

    # -- the ledger --------------------------------------------------------------------------------

    def _article_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row: BalanceRow = self.balances_model.row_at(current.row())
        if row.article_id != self._ledger_shown_for:
            self._read_ledger(row.article_id)

    def _read_ledger(self, article_id: uuid.UUID) -> None:
        warehouse_id = self.warehouse_id()
        if warehouse_id is None:
            return
        self._ledger_article = article_id
        stock_ops.article_ledger(
            self._runner,
            article_id=article_id,
            warehouse_id=warehouse_id,
            on_success=self._show_ledger,
            on_error=lambda sentence: self.ledger_title.setText(sentence),
            key=self._ledger_key,
        )

    def _show_ledger(self, ledger: ArticleLedger) -> None:
        rows: tuple[LedgerRow, ...] = ledger.rows
        self.ledger_model.set_rows(rows)
        title = self.tr("Ledger of {number} {name} in {warehouse}: %n movements", "", ledger.total).format(
            number=ledger.article_number, name=ledger.article_name, warehouse=ledger.warehouse_code
        )
        if ledger.balance is not None:
            title += ", " + self.tr("balance {balance}").format(balance=ledger.balance)
        if ledger.total > len(rows):
            title += " " + self.tr("(the newest {count} shown)").format(count=len(rows))
        self.ledger_title.setText(title)
        self.sig_ledger.emit(ledger)

    # -- the report (R35) --------------------------------------------------------------------------

    def _report_target(self) -> StockWarehouse | None:
        warehouse_id = self.warehouse_id()
        return self._warehouses.get(warehouse_id) if warehouse_id is not None else None

    def report_pdf(self, *_args: Any) -> None:
        warehouse = self._report_target()
        if warehouse is None or self._context is None:
            return
        self.sig_status.emit(self.tr("Making the stock balance report…"))
        stock_ops.stock_report_pdf(
            self._runner,
            warehouse_id=warehouse.id,
            warehouse_code=warehouse.code,
            context=self._context,
            balance_filter=self._filter(),
            article_type=self._article_type(),
            parent=self,
            on_done=self._report_saved,
            on_error=self.sig_status.emit,
        )

    def _report_saved(self, path: Path) -> None:
        self.sig_status.emit(self.tr("The stock balance report was saved as {name}.").format(name=path.name))
        self.sig_report_saved.emit(path)

    def print_report(self, *_args: Any) -> None:
        """Qt's print dialog; the chosen printer gets the report, read and painted on a worker."""
        warehouse = self._report_target()
        context = self._context
        if warehouse is None or context is None:
            return
        from ui.printing import choose_printer

        printer = choose_printer(self.tr("Stock balance report {code}").format(code=warehouse.code), self)
        if printer is None:
            self.sig_status.emit(self.tr("Nothing was printed."))
            self.sig_printed.emit(False)
            return
        self.sig_status.emit(self.tr("Printing the stock balance report…"))

        def printed(pages: int) -> None:
            del self._printer
            if pages:
                self.sig_status.emit(self.tr("The stock balance report was sent to the printer."))
            else:
                self.sig_status.emit(self.tr("The printer could not be opened; nothing was printed."))
            self.sig_printed.emit(bool(pages))

        def failed(sentence: str) -> None:
            del self._printer
            self.sig_status.emit(sentence)
            self.sig_printed.emit(False)

        self._printer = printer  # kept until the worker is done with it
        stock_ops.print_stock_report(
            self._runner,
            printer=printer,
            warehouse_id=warehouse.id,
            context=context,
            balance_filter=self._filter(),
            article_type=self._article_type(),
            on_success=printed,
            on_error=failed,
        )
