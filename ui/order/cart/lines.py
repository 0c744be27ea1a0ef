"""The cart's lines: what is in the cart, with fees (R21, R22), and editing a line's quantity and comment."""

from __future__ import annotations

import uuid
from typing import Any

from app.orders import Cart, CartLine
from ui.labels import label
from ui.qt import (
    QColor,
    QGroupBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPushButton,
    QShortcut,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.table_model import Column, RowTableModel
from ui.widgets import money, row_table


def _line_colour(line: CartLine) -> QColor | None:
    return QColor("#fff4d6") if line.needs_comment else None


class CartLinesBox(QGroupBox):
    sig_save = Signal(object, object, object)  # CartLine, new quantity or None, new comment or None
    sig_remove = Signal(object)  # CartLine

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup_widgets()
        self._setup_layout()
        self._connect_signals()
        self.show_cart(None)

    def _setup_widgets(self) -> None:
        self.lines_model = RowTableModel(
            [
                Column(self.tr("Line"), lambda r: r.line_number, align_right=True),
                Column(self.tr("Article no."), lambda r: r.article_number),
                Column(self.tr("Name"), self._line_name),
                Column(self.tr("Quantity"), lambda r: r.quantity, align_right=True),
                Column(
                    self.tr("Deliver from"), lambda r: f"{r.deliver_from_code} {r.deliver_from_name}".strip()
                ),
                Column(self.tr("Balance"), lambda r: r.balance, align_right=True),
                Column(self.tr("Unit price"), lambda r: money(r.unit_price), align_right=True),
                Column(self.tr("Fees"), self._fees_text),
                Column(self.tr("Comment"), self._comment_text),
            ],
            self,
            highlight=_line_colour,
        )
        self.lines_view = row_table("cart_lines", self.lines_model)
        self.line_quantity = QSpinBox()
        self.line_quantity.setObjectName("cart_line_quantity")
        self.line_quantity.setRange(1, 999)
        self.line_comment = QLineEdit()
        self.line_comment.setObjectName("cart_line_comment")
        self.line_comment.setPlaceholderText(
            self.tr("Comment on the line (services: what is bought, e.g. hours) — Enter saves")
        )
        self.save_line_button = QPushButton(self.tr("Save &line"))
        self.save_line_button.setObjectName("cart_save_line")
        self.remove_line_button = QPushButton(self.tr("&Remove line"))
        self.remove_line_button.setObjectName("cart_remove_line")
        self.remove_line_button.setToolTip(self.tr("Remove the selected line (Delete)"))

    def _line_name(self, line: CartLine) -> str:
        if line.individual_number:
            return self.tr("{name} (individual {number})").format(
                name=line.article_name, number=line.individual_number
            )
        return line.article_name

    def _fees_text(self, line: CartLine) -> str:
        parts = []
        for fee in line.fees:
            when = (
                self.tr("billed at receipt")
                if fee.bill_on is None
                else self.tr("billed {date}").format(date=fee.bill_on.isoformat())
            )
            parts.append(f"{label(fee.kind)} {money(fee.amount)} ({when})")
        return "; ".join(parts)

    def _comment_text(self, line: CartLine) -> str:
        if line.needs_comment:
            return self.tr("Comment needed: say what is bought")
        return line.comment

    def _setup_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.lines_view, 1)
        line_row = QHBoxLayout()
        line_quantity_caption = QLabel(self.tr("Quantity:"))
        line_quantity_caption.setBuddy(self.line_quantity)
        line_row.addWidget(line_quantity_caption)
        line_row.addWidget(self.line_quantity)
        line_comment_caption = QLabel(self.tr("Co&mment:"))
        line_comment_caption.setBuddy(self.line_comment)
        line_row.addWidget(line_comment_caption)
        line_row.addWidget(self.line_comment, 1)
        line_row.addWidget(self.save_line_button)
        line_row.addWidget(self.remove_line_button)
        layout.addLayout(line_row)

    def _connect_signals(self) -> None:
        self.lines_view.selectionModel().selectionChanged.connect(self._line_selected)
        self.line_comment.returnPressed.connect(self.save_selected)
        self.save_line_button.clicked.connect(self.save_selected)
        self.remove_line_button.clicked.connect(self.remove_selected)
        QShortcut(
            QKeySequence(Qt.Key.Key_Delete),
            self.lines_view,
            self.remove_selected,
            context=Qt.ShortcutContext.WidgetShortcut,
        )

    def tab_chain(self) -> list[QWidget]:
        return [
            self.lines_view,
            self.line_quantity,
            self.line_comment,
            self.save_line_button,
            self.remove_line_button,
        ]

    # -- showing -----------------------------------------------------------------------------------

    def show_cart(self, cart: Cart | None) -> None:
        selected = self.selected()
        self.lines_model.set_rows(cart.lines if cart is not None else ())
        if selected is not None:
            self.select_line(selected.id)
        self._line_selected()
        if cart is None:
            self.setTitle(self.tr("Cart"))
        else:
            self.setTitle(self.tr("Cart (%n lines)", "", len(cart.lines)))

    def select_line(self, line_id: uuid.UUID) -> None:
        for row in range(self.lines_model.rowCount()):
            if self.lines_model.row_at(row).id == line_id:
                self.lines_view.selectRow(row)

    # -- editing a line ----------------------------------------------------------------------------

    def selected(self) -> CartLine | None:
        rows = self.lines_view.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < self.lines_model.rowCount():
            return None
        line: CartLine = self.lines_model.row_at(rows[0].row())
        return line

    def _line_selected(self, *_args: Any) -> None:
        line = self.selected()
        for widget in (self.line_quantity, self.line_comment, self.save_line_button, self.remove_line_button):
            widget.setEnabled(line is not None)
        if line is None:
            self.line_comment.clear()
            return
        self.line_quantity.setValue(line.quantity)
        self.line_quantity.setEnabled(line.individual_number is None)
        if not self.line_comment.hasFocus():
            self.line_comment.setText(line.comment)

    def save_selected(self) -> None:
        line = self.selected()
        if line is None:
            return
        quantity = self.line_quantity.value()
        comment = self.line_comment.text().strip()
        if quantity == line.quantity and comment == line.comment:
            return
        self.sig_save.emit(
            line,
            quantity if quantity != line.quantity else None,
            comment if comment != line.comment else None,
        )

    def remove_selected(self) -> None:
        line = self.selected()
        if line is not None:
            self.sig_remove.emit(line)
