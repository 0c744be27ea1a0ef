"""The inventory page (R39): choose the warehouse, start or resume its count, print the count sheet, count at
the shelf (an article number then its quantity, or an individual's number), and close the count.

``InventoryPage`` is a plain widget so it can sit in the Stock tab; ``InventoryDialog`` shows it on its own
(File → Inventory…). Every count is saved the moment it is entered: nothing is held by the page only.
"""

from __future__ import annotations

import uuid

from app.inventory import (
    ArticleToCount,
    Choice,
    CloseResult,
    CountedTwice,
    CountLineStatus,
    CountStatus,
    Finding,
    FoundLater,
    IndividualFinding,
    UncountedLines,
    WarehouseChoice,
)
from app.organisation import WorkContext
from app.scanning.codes import Code
from ui.messages import MessageBoxes
from ui.operations import OperationRunner
from ui.operations import inventory as ops
from ui.qt import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.scanning.targets import mark_scan_target, put_into_line_edit
from ui.table_model import Column, RowTableModel
from ui.widgets import ERROR_STYLE


class InventoryPage(QWidget):
    sig_status = Signal(str)
    sig_count_shown = Signal(object)  # CountStatus
    sig_closed = Signal(object)  # CloseResult
    sig_entry_answered = Signal(str)  # the sentence shown for an entry (a number or a quantity)

    def __init__(self, runner: OperationRunner, context: WorkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.context = context
        self.count: CountStatus | None = None
        #: The article whose quantity the entry field waits for (None: it waits for a number).
        self.pending: ArticleToCount | None = None
        self._setup_widgets()
        self._connect_signals()
        # A scan anywhere on the page goes to the count while one is open.
        mark_scan_target(self, self.take_scan, what=self.tr("the inventory count"))
        ops.warehouses(self.runner, context=context, on_success=self._show_warehouses, on_error=self._say)

    def _setup_widgets(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Warehouse:")))
        self.warehouse_combo = QComboBox()
        self.warehouse_combo.setObjectName("inventory_warehouse")
        top.addWidget(self.warehouse_combo, 1)
        self.start_button = QPushButton(self.tr("&Start or resume count"))
        self.print_button = QPushButton(self.tr("&Print count sheet"))
        self.close_button = QPushButton(self.tr("&Close the count…"))
        for button in (self.start_button, self.print_button, self.close_button):
            top.addWidget(button)
        layout.addLayout(top)
        self.header = QLabel(self.tr("Choose the warehouse and start its count."))
        self.header.setObjectName("inventory_header")
        layout.addWidget(self.header)
        entry = QHBoxLayout()
        self.prompt = QLabel()
        entry.addWidget(self.prompt)
        self.entry_edit = QLineEdit()
        self.entry_edit.setObjectName("inventory_entry")
        entry.addWidget(self.entry_edit, 1)
        self.found_button = QPushButton(self.tr("&Found after the inventory"))
        self.found_button.setToolTip(
            self.tr(
                "An individual in the investigation warehouse has turned up: type its number, then click."
            )
        )
        entry.addWidget(self.found_button)
        layout.addLayout(entry)
        self.feedback = QLabel()
        self.feedback.setObjectName("inventory_feedback")
        self.feedback.setWordWrap(True)
        layout.addWidget(self.feedback)
        self.model = RowTableModel(
            [
                Column(self.tr("Art. no."), lambda r: r.article_number),
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("Unit"), lambda r: r.unit),
                Column(self.tr("Counted"), lambda r: r.counted, align_right=True),
                Column(self.tr("Status"), self._line_state),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("inventory_lines")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # fixed widths: no rows measured
        for column, width in ((0, 90), (2, 60), (3, 80), (4, 300)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        self.settle_button = QPushButton(self.tr("Choose which count &stands…"))
        layout.addWidget(self.settle_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._show_prompt()
        self._enable()

    def _connect_signals(self) -> None:
        self.start_button.clicked.connect(self.start_count)
        self.print_button.clicked.connect(self.print_sheet)
        self.close_button.clicked.connect(lambda: self.close_count(uncounted_as_zero=False))
        self.entry_edit.returnPressed.connect(self._entered)
        self.found_button.clicked.connect(self._found_later)
        self.settle_button.clicked.connect(self._settle_selected)

    # -- showing -----------------------------------------------------------------------------------

    def _line_state(self, line: CountLineStatus) -> str:
        if line.counted_twice:
            return self.tr("Counted twice: choose which count stands")
        if line.counted is None:
            return self.tr("Not counted")
        return (
            self.tr("Counted", "the status of a line")
            if line.on_sheet
            else self.tr("Counted (not on the sheet)", "the status of a line")
        )

    def _say(self, sentence: str, *, flagged: bool = False) -> None:
        """*sentence* below the entry; *flagged*: in the warning colour, with a beep (a scan that was not
        counted: the clerk looks up from the shelf)."""
        self.feedback.setStyleSheet(ERROR_STYLE if flagged else "")
        self.feedback.setText(sentence)
        self.sig_status.emit(sentence)
        if flagged:
            QApplication.beep()

    def _show_warehouses(self, choices: list[WarehouseChoice]) -> None:
        self.warehouse_combo.clear()
        for choice in choices:
            label = f"{choice.code} {choice.name}"
            if choice.open_count_id is not None:
                label += " " + self.tr("(count in progress)")
            self.warehouse_combo.addItem(label, choice.id)
        if not choices:
            self._say(
                self.tr("{location} holds no own stock to count.").format(
                    location=self.context.service_location_name
                )
            )
        self._enable()

    def _show_prompt(self) -> None:
        if self.pending is None:
            self.prompt.setText(self.tr("Article or individual number:"))
        else:
            self.prompt.setText(
                self.tr("Quantity of {number} {name} ({unit}):").format(
                    number=self.pending.article_number, name=self.pending.name, unit=self.pending.unit
                )
            )

    def _show_count(self, status: CountStatus) -> None:
        self.count = status
        self.model.set_rows(status.lines)
        text = self.tr(
            "Count of {code} {name}, started {when} by {who}: {counted} of {lines} lines counted, {found} of {expected} individuals found."
        ).format(
            code=status.warehouse_code,
            name=status.warehouse_name,
            when=status.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            who=status.started_by,
            counted=status.counted_lines,
            lines=len(status.lines),
            found=status.individuals_found,
            expected=status.individuals_expected,
        )
        if status.closed_at is not None:
            text = self.tr("The count of {code} is closed.").format(code=status.warehouse_code)
        self.header.setText(text)
        self._enable()
        self.sig_count_shown.emit(status)

    def _enable(self) -> None:
        open_count = self.count is not None and self.count.closed_at is None
        self.start_button.setEnabled(self.warehouse_combo.count() > 0)
        self.print_button.setEnabled(open_count)
        self.close_button.setEnabled(open_count)
        self.entry_edit.setEnabled(open_count)
        self.settle_button.setEnabled(open_count)

    def _refresh(self) -> None:
        if self.count is not None:
            ops.count_status(
                self.runner,
                context=self.context,
                count_id=self.count.id,
                on_success=self._show_count,
                on_error=self._say,
            )

    # -- actions -----------------------------------------------------------------------------------

    def start_count(self) -> None:
        warehouse_id = self.warehouse_combo.currentData()
        if not isinstance(warehouse_id, uuid.UUID):
            return

        def started(status: CountStatus) -> None:
            self._show_count(status)
            self.entry_edit.setFocus()

        ops.start_count(
            self.runner,
            context=self.context,
            warehouse_id=warehouse_id,
            on_success=started,
            on_error=self._say,
        )

    def print_sheet(self) -> None:
        if self.count is None:
            return
        ops.print_count_sheet(
            self.runner,
            context=self.context,
            count_id=self.count.id,
            warehouse_code=self.count.warehouse_code,
            parent=self,
            on_error=self._say,
        )

    def take_scan(self, code: Code) -> bool:
        """A scanned article or individual number goes to the open count (while a quantity was awaited
        too: the scan starts the next entry, nothing was counted for the article yet)."""
        if self.count is None or self.count.closed_at is not None:
            return False
        if self.pending is not None:
            self.pending = None
            self._show_prompt()
        put_into_line_edit(self.entry_edit, code.text)
        return True

    def _entered(self) -> None:
        if self.count is None:
            return
        text = self.entry_edit.text()
        # Taken from the field at once, so the next scan can follow; put back when it is refused.
        self.entry_edit.clear()
        if self.pending is None:
            ops.find_code(
                self.runner,
                context=self.context,
                count_id=self.count.id,
                code=text,
                on_success=self._code_found,
                on_error=lambda sentence: self._refused(text, sentence),
            )
        else:
            self._send_quantity(self.pending, text, None)

    def _refused(self, typed: str, sentence: str) -> None:
        """An entry refused: its sentence, and what was typed back in the field."""
        if not self.entry_edit.text():
            self.entry_edit.setText(typed)
        self._say(sentence, flagged=True)
        self.sig_entry_answered.emit(sentence)

    def _code_found(self, found: ArticleToCount | IndividualFinding) -> None:
        if isinstance(found, ArticleToCount):
            self.pending = found
            self.feedback.clear()
            self._show_prompt()
            self.sig_entry_answered.emit("")
            return
        sentence = {
            Finding.FOUND: self.tr("Individual {number} ({article}) found."),
            Finding.ALREADY_COUNTED: self.tr(
                "Individual {number} was already counted; it is not counted twice."
            ),
            Finding.FROM_INVESTIGATION: self.tr(
                "Individual {number} was in the investigation warehouse; it is moved back here when the count is closed."
            ),
            Finding.ELSEWHERE: self.tr(
                "Individual {number} belongs elsewhere ({warehouse}); it was not counted. Put it aside and tell the aid centre."
            ),
        }[found.finding]
        self._say(
            sentence.format(
                number=found.individual_number,
                article=found.article_name,
                warehouse=found.warehouse_code or self.tr("not in a warehouse"),
            ),
            flagged=found.finding in (Finding.ALREADY_COUNTED, Finding.ELSEWHERE),
        )
        self.sig_entry_answered.emit(self.feedback.text())
        self._refresh()

    def _send_quantity(self, article: ArticleToCount, text: str, choice: Choice | None) -> None:
        assert self.count is not None

        def saved(result: CountStatus | CountedTwice) -> None:
            if isinstance(result, CountedTwice):
                self._ask_which_stands(article, text, result)
                return
            self.pending = None
            self._show_prompt()
            self._say(
                self.tr("{number}: {quantity} counted and saved.").format(
                    number=article.article_number, quantity=text.strip()
                )
            )
            self._show_count(result)
            self.sig_entry_answered.emit(self.feedback.text())

        ops.enter_count(
            self.runner,
            context=self.context,
            count_id=self.count.id,
            article_id=article.article_id,
            quantity_text=text,
            choice=choice,
            on_success=saved,
            on_error=lambda sentence: self._refused(text, sentence),  # what was typed stays in the field
        )

    def _choices(self) -> list[str]:
        return [
            self.tr("Keep the earlier count"),
            self.tr("Take the new count"),
            self.tr("Add both (another shelf)"),
        ]

    def _ask_which_stands(self, article: ArticleToCount, text: str, asked: CountedTwice) -> None:
        earlier = asked.earlier[0]
        question = self.tr(
            "Article {number} was already counted: {quantity} by {who} at {when}. You have now counted {new}. Which count stands?"
        ).format(
            number=article.article_number,
            quantity=earlier.quantity,
            who=earlier.entered_by,
            when=earlier.entered_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            new=text.strip(),
        )
        chosen = MessageBoxes.choose(self, self.tr("Counted twice"), question, self._choices())
        if chosen is None:
            self._say(
                self.tr("Nothing was saved for {number}; the earlier count stands.").format(
                    number=article.article_number
                )
            )
            return
        self._send_quantity(article, text, (Choice.KEEP_EARLIER, Choice.TAKE_NEW, Choice.ADD)[chosen])

    def _settle_selected(self) -> None:
        if self.count is None:
            return
        rows = self.table.selectionModel().selectedRows()
        lines = [self.model.row_at(index.row()) for index in rows] or [
            line for line in self.count.lines if line.counted_twice
        ][:1]
        line = lines[0] if lines else None
        if line is None or not line.counted_twice:
            self._say(self.tr("Select a line counted twice first."))
            return
        chosen = MessageBoxes.choose(
            self,
            self.tr("Counted twice"),
            self.tr(
                "Article {number} was counted twice on different workstations. Which count stands?"
            ).format(number=line.article_number),
            self._choices(),
        )
        if chosen is None:
            return
        ops.settle_counted_twice(
            self.runner,
            context=self.context,
            count_id=self.count.id,
            article_id=line.article_id,
            choice=(Choice.KEEP_EARLIER, Choice.TAKE_NEW, Choice.ADD)[chosen],
            on_success=self._show_count,
            on_error=self._say,
        )

    def close_count(self, *, uncounted_as_zero: bool) -> None:
        if self.count is None:
            return
        if not uncounted_as_zero and not MessageBoxes.ask(
            self,
            self.tr("Close the count"),
            self.tr(
                "Close the count of {code}? The differences are booked in stock, and individuals not found go to the investigation warehouse."
            ).format(code=self.count.warehouse_code),
        ):
            return

        def closed(result: CloseResult | UncountedLines) -> None:
            if isinstance(result, UncountedLines):
                if MessageBoxes.ask(
                    self,
                    self.tr("Lines not counted"),
                    self.tr(
                        "%n lines have not been counted (for example {number}). Book them as 0?",
                        "",
                        len(result.article_numbers),
                    ).format(number=result.article_numbers[0]),
                ):
                    self.close_count(uncounted_as_zero=True)
                return
            text = self.tr("The count is closed: {movements} stock movements booked.").format(
                movements=result.movements
            )
            if result.to_investigation:
                text += " " + self.tr("Not found, moved to the investigation warehouse: {numbers}.").format(
                    numbers=", ".join(result.to_investigation)
                )
            if result.back_from_investigation:
                text += " " + self.tr("Back from the investigation warehouse: {numbers}.").format(
                    numbers=", ".join(result.back_from_investigation)
                )
            self._say(text)
            MessageBoxes.inform(self, self.tr("Count closed"), text)
            self.sig_closed.emit(result)
            self._refresh()

        ops.close_count(
            self.runner,
            context=self.context,
            count_id=self.count.id,
            uncounted_as_zero=uncounted_as_zero,
            on_success=closed,
            on_error=self._say,
        )

    def _found_later(self) -> None:
        number = self.entry_edit.text().strip()
        if not number:
            self._say(self.tr("Type the number of the individual that turned up, then click again."))
            return

        def reported(found: FoundLater) -> None:
            self.entry_edit.clear()
            text = self.tr(
                "Individual {number} is back in {warehouse}. Report it: e-mail {address} with the article number {article}, the individual number {number} and your warehouse number {warehouse}."
            ).format(
                number=found.individual_number,
                warehouse=found.warehouse_code,
                address=found.report_address,
                article=found.article_number,
            )
            self._say(text)
            MessageBoxes.inform(self, self.tr("Found after the inventory"), text)

        ops.report_found_individual(
            self.runner,
            context=self.context,
            individual_number=number,
            on_success=reported,
            on_error=self._say,
        )


class InventoryDialog(QDialog):
    """The inventory page in a window of its own (until the Stock tab holds it)."""

    def __init__(self, runner: OperationRunner, context: WorkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inventory"))
        self.resize(1000, 640)
        self.page = InventoryPage(runner, context, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
