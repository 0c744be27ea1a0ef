"""Stock tab operations (R33–R35): each reads through ``app.stock_balances`` on a worker thread; the report
is rendered there too, then saved and opened, or handed to the print dialog."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app import stock_balances
from app.organisation import WorkContext
from app.stock_balances import ArticleLedger, BalanceFilter, BalanceList, IsoNode, StockWarehouse
from db.models.enums import ArticleType
from ui.documents import open_document, translate_documents
from ui.operations import Failure, Key, OperationRunner, Success
from ui.qt import QCoreApplication, QWidget


def stock_warehouses(runner: OperationRunner, *, context: WorkContext, on_success: Success) -> None:
    def work(session: Session) -> tuple[StockWarehouse, ...]:
        return stock_balances.stock_warehouses(session, context)

    runner.read(work, on_success=on_success)


def balance_list(
    runner: OperationRunner,
    *,
    warehouse_id: uuid.UUID,
    text: str,
    article_type: ArticleType | None,
    assortment_only: bool,
    iso_code: str,
    balance_filter: BalanceFilter,
    on_success: Success,
    on_error: Failure,
    key: Key | None = None,
    count: bool = False,
) -> None:
    """The first rows of a balance list (uncounted beyond them unless *count*); ``balance_count`` after."""

    def work(session: Session) -> BalanceList:
        return stock_balances.balance_list(
            session,
            warehouse_id=warehouse_id,
            text=text,
            article_type=article_type,
            assortment_only=assortment_only,
            iso_code=iso_code,
            balance_filter=balance_filter,
            count=count,
        )

    runner.read(work, on_success=on_success, on_error=on_error, key=key)


def balance_count(
    runner: OperationRunner,
    *,
    warehouse_id: uuid.UUID,
    text: str,
    article_type: ArticleType | None,
    assortment_only: bool,
    iso_code: str,
    balance_filter: BalanceFilter,
    on_success: Success,
    key: Key | None = None,
) -> None:
    def work(session: Session) -> int:
        return stock_balances.balance_count(
            session,
            warehouse_id=warehouse_id,
            text=text,
            article_type=article_type,
            assortment_only=assortment_only,
            iso_code=iso_code,
            balance_filter=balance_filter,
        )

    runner.read(work, on_success=on_success, key=key)


def iso_children(runner: OperationRunner, *, parent: str, on_success: Success) -> None:
    def work(session: Session) -> tuple[IsoNode, ...]:
        return stock_balances.iso_children(session, parent)

    runner.read(work, on_success=on_success)


def article_ledger(
    runner: OperationRunner,
    *,
    article_id: uuid.UUID,
    warehouse_id: uuid.UUID,
    on_success: Success,
    on_error: Failure,
    key: Key | None = None,
) -> None:
    def work(session: Session) -> ArticleLedger:
        return stock_balances.article_ledger(session, article_id=article_id, warehouse_id=warehouse_id)

    runner.read(work, on_success=on_success, on_error=on_error, key=key)


def _report_builder(
    *,
    warehouse_id: uuid.UUID,
    context: WorkContext,
    balance_filter: BalanceFilter,
    article_type: ArticleType | None,
) -> Callable[[Session], bytes]:
    def build(session: Session) -> bytes:
        from app.documents import render_stock_report

        report = stock_balances.stock_report(
            session,
            warehouse_id=warehouse_id,
            context=context,
            balance_filter=balance_filter,
            article_type=article_type,
        )
        return render_stock_report(report, translate_documents)

    return build


def stock_report_pdf(
    runner: OperationRunner,
    *,
    warehouse_id: uuid.UUID,
    warehouse_code: str,
    context: WorkContext,
    balance_filter: BalanceFilter,
    article_type: ArticleType | None,
    parent: QWidget | None = None,
    on_done: Callable[[Path], None] | None = None,
    on_error: Failure | None = None,
) -> None:
    """The stock balance report of one warehouse, saved as a PDF and opened."""
    name = QCoreApplication.translate("Documents", "stock-balance-report")
    open_document(
        runner,
        build=_report_builder(
            warehouse_id=warehouse_id,
            context=context,
            balance_filter=balance_filter,
            article_type=article_type,
        ),
        file_name=f"{name}-{warehouse_code}",
        parent=parent,
        on_done=on_done,
        on_error=on_error,
    )


def print_stock_report(
    runner: OperationRunner,
    *,
    printer: Any,
    warehouse_id: uuid.UUID,
    context: WorkContext,
    balance_filter: BalanceFilter,
    article_type: ArticleType | None,
    on_success: Success,
    on_error: Failure,
) -> None:
    """The report read and painted onto *printer* (a ``QPrinter`` the clerk chose) on the worker; the answer
    is the number of pages printed."""

    def work(session: Session) -> int:
        from app.documents.layout import page_template
        from app.documents.stock_report import report_text
        from ui.printing import paint_report

        report = stock_balances.stock_report(
            session,
            warehouse_id=warehouse_id,
            context=context,
            balance_filter=balance_filter,
            article_type=article_type,
        )
        return paint_report(
            printer, report_text(report, translate_documents), page_template(translate_documents)
        )

    runner.read(work, on_success=on_success, on_error=on_error)
