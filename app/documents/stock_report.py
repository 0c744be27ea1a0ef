"""The stock balance report ("Lagersaldorapport", R35): every article of one warehouse with its balance.

Read by ``app.stock_balances.stock_report``; drawn here on a ``Sheet`` (a warehouse may hold tens of
thousands of articles, so the fast canvas layout is used).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.documents.layout import (
    REGION_NAME,
    Frame,
    Sheet,
    Translate,
    page_template,
    text_styles,
    untranslated,
)
from app.i18n import QT_TRANSLATE_NOOP
from app.stock_balances import BalanceFilter, StockReport
from db.models.enums import ArticleType

_TYPES = {
    ArticleType.MAIN_AID: QT_TRANSLATE_NOOP("documents", "Main aid"),
    ArticleType.ACCESSORY: QT_TRANSLATE_NOOP("documents", "Accessory"),
    ArticleType.SPARE_PART: QT_TRANSLATE_NOOP("documents", "Spare part"),
    ArticleType.SERVICE: QT_TRANSLATE_NOOP("documents", "Service"),
}
_FILTERS = {
    BalanceFilter.IN_WAREHOUSE: QT_TRANSLATE_NOOP("documents", "Every article the warehouse holds"),
    BalanceFilter.IN_STOCK: QT_TRANSLATE_NOOP("documents", "Articles with a balance"),
    BalanceFilter.ZERO: QT_TRANSLATE_NOOP("documents", "Articles with a zero balance"),
    BalanceFilter.BELOW_REORDER_LEVEL: QT_TRANSLATE_NOOP("documents", "Articles below their reorder level"),
    BalanceFilter.NEGATIVE: QT_TRANSLATE_NOOP("documents", "Articles with a negative balance"),
    BalanceFilter.ALL_ARTICLES: QT_TRANSLATE_NOOP("documents", "Every article of the catalogue"),
}


@dataclass(frozen=True)
class ReportText:
    """The report's texts, translated, as every way of printing it lays them out."""

    title: str
    unit: str
    reference: str
    printed: str
    lines: tuple[str, ...]  # warehouse, selection, printed by, number of articles
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    empty: str  # said instead of the table when there are no rows


#: Column widths (mm) of the report's table, and the columns aligned right.
WIDTHS_MM = (18, 62, 32, 22, 10, 15, 15)
RIGHT = (5, 6)


def report_text(report: StockReport, translate: Translate = untranslated) -> ReportText:
    t = translate
    printed = report.printed_at.astimezone().strftime("%Y-%m-%d %H:%M")
    warehouse = f"{report.warehouse_code} {report.warehouse_name}"
    types = {kind: t(source) for kind, source in _TYPES.items()}
    return ReportText(
        title=t(QT_TRANSLATE_NOOP("documents", "Stock balance report")),
        unit=report.service_location_name or report.warehouse_name,
        reference=t(QT_TRANSLATE_NOOP("documents", "Warehouse {warehouse}")).format(warehouse=warehouse),
        printed=t(QT_TRANSLATE_NOOP("documents", "Printed {time}")).format(time=printed),
        lines=(
            t(QT_TRANSLATE_NOOP("documents", "Warehouse: {warehouse}")).format(warehouse=warehouse),
            t(QT_TRANSLATE_NOOP("documents", "Selection: {selection}")).format(
                selection=t(_FILTERS[report.balance_filter])
            ),
            t(QT_TRANSLATE_NOOP("documents", "Printed {time} by {name}")).format(
                time=printed, name=report.printed_by
            ),
            t(QT_TRANSLATE_NOOP("documents", "Articles: {count}")).format(count=len(report.rows)),
        ),
        header=(
            t(QT_TRANSLATE_NOOP("documents", "Art. no.")),
            t(QT_TRANSLATE_NOOP("documents", "Name")),
            t(QT_TRANSLATE_NOOP("documents", "Supplier")),
            t(QT_TRANSLATE_NOOP("documents", "Type")),
            t(QT_TRANSLATE_NOOP("documents", "Unit")),
            t(QT_TRANSLATE_NOOP("documents", "Reorder level")),
            t(QT_TRANSLATE_NOOP("documents", "Balance")),
        ),
        rows=tuple(
            (
                row.article_number,
                row.name,
                row.supplier_name,
                types[row.article_type],
                row.unit,
                str(row.reorder_level) if row.reorder_level else "",
                "" if row.balance is None else str(row.balance),
            )
            for row in report.rows
        ),
        empty=t(QT_TRANSLATE_NOOP("documents", "No article matches the selection.")),
    )


def render_stock_report(report: StockReport, translate: Translate = untranslated) -> bytes:
    """The report as PDF bytes; every text is passed through *translate*."""
    text = report_text(report, translate)
    body = text_styles()["body"]
    sheet = Sheet(
        Frame(
            title=text.title,
            region=REGION_NAME,
            unit=text.unit,
            reference=text.reference,
            printed=text.printed,
            page_template=page_template(translate),
        )
    )
    sheet.blocks([(body, "\n".join(text.lines))])
    if text.rows:
        sheet.table(text.header, text.rows, WIDTHS_MM, right=RIGHT)
    else:
        sheet.blocks([(body, text.empty)])
    return sheet.finish()
