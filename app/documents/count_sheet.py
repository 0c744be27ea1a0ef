"""The inventory count sheet (inventeringsunderlag, R39): what the clerk takes to the shelf.

It lists the sheet's articles by article number with the supplier's article number and the unit, an empty
column to write the counted quantity in, and for individually marked articles the individual numbers
expected on the shelf, each with a box to tick. The count is blind: the book balance is not printed, so
the clerk writes what is there rather than confirming what the system expects.
"""

from __future__ import annotations

import datetime as dt

from app.documents.layout import (
    REGION_NAME,
    Block,
    Frame,
    Sheet,
    Translate,
    format_date,
    page_template,
    text_styles,
    untranslated,
)
from app.i18n import QT_TRANSLATE_NOOP
from app.inventory import CountSheet

TICK = "[  ]"


def render_count_sheet(sheet_data: CountSheet, today: dt.date, translate: Translate = untranslated) -> bytes:
    """The count sheet as PDF bytes; every text is passed through *translate*."""
    t = translate
    styles = text_styles()
    body, heading = styles["body"], styles["heading"]
    title = t(QT_TRANSLATE_NOOP("documents", "Inventory count sheet"))
    warehouse = t(QT_TRANSLATE_NOOP("documents", "Warehouse {code} {name}")).format(
        code=sheet_data.warehouse_code, name=sheet_data.warehouse_name
    )
    sheet = Sheet(
        Frame(
            title=title,
            region=REGION_NAME,
            unit=warehouse,
            reference=t(QT_TRANSLATE_NOOP("documents", "Count started {date}")).format(
                date=format_date(sheet_data.started_on)
            ),
            printed=t(QT_TRANSLATE_NOOP("documents", "Printed {date}")).format(date=format_date(today)),
            page_template=page_template(t),
        )
    )
    details: list[Block] = [
        (heading, warehouse),
        (
            body,
            t(
                QT_TRANSLATE_NOOP(
                    "documents",
                    "Count started {date} by {name}. Write the quantity found in the Counted column; for "
                    "individually marked articles tick each individual number found. Main aids, accessories "
                    "and spare parts only; services are not counted.",
                )
            ).format(date=format_date(sheet_data.started_on), name=sheet_data.started_by),
        ),
    ]
    sheet.blocks(details)
    header = [
        t(QT_TRANSLATE_NOOP("documents", "Art. no.")),
        t(QT_TRANSLATE_NOOP("documents", "Name")),
        t(QT_TRANSLATE_NOOP("documents", "Supplier's art. no.")),
        t(QT_TRANSLATE_NOOP("documents", "Unit")),
        t(QT_TRANSLATE_NOOP("documents", "Counted")),
        t(QT_TRANSLATE_NOOP("documents", "Individuals (tick)")),
    ]
    rows = [
        [
            line.article_number,
            line.name,
            line.supplier_article_number,
            line.unit,
            "",
            "\n".join(f"{TICK} {number}" for number in line.individual_numbers),
        ]
        for line in sheet_data.lines
    ]
    sheet.table(header, rows, [20, 54, 30, 12, 22, 36])
    sheet.blocks(
        [
            (
                body,
                t(
                    QT_TRANSLATE_NOOP(
                        "documents",
                        "Count signed by: ______________________________   Date: ______________",
                    )
                ),
            )
        ]
    )
    return sheet.finish()
