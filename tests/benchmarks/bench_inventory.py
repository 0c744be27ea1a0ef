"""Benchmark the inventory count sheet (R39): a sheet of 1 000 lines rendered to PDF (target ≤ 1 s).

    .venv/bin/python -m tests.benchmarks.bench_inventory DIR

The sheet is built in memory (1 000 articles, every fifth individually marked with three individual
numbers to tick), as ``tests.factories.purchase_order_of`` builds the purchase order: a clinic's own stock
in the demo database holds far fewer articles. Not a test: figures go in the closing note.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import io
import time
from pathlib import Path

from pypdf import PdfReader

from app.documents.count_sheet import render_count_sheet
from app.inventory import CountSheet, SheetLine
from tests.benchmarks.figures import Figure, p95, spread, table

COUNT_SHEET_TARGET_MS = 1000.0
LINES = 1000


def count_sheet_of(count: int, today: dt.date = dt.date(2026, 11, 23)) -> CountSheet:
    """A count sheet of *count* lines, without a database."""
    return CountSheet(
        warehouse_code="L-LUND",
        warehouse_name="Eget förråd Hörselmottagningen Lund",
        started_on=today,
        started_by="Lars Persson",
        lines=tuple(
            SheetLine(
                article_number=f"{100000 + n}",
                name=f"Dome öppen {n % 12 + 4} mm, storlek {'SML'[n % 3]} (förpackning om 10)",
                supplier_article_number=f"SUP-{n:06d}",
                unit="st",
                individual_numbers=tuple(f"88{n:05d}{k}" for k in range(3)) if n % 5 == 0 else (),
            )
            for n in range(count)
        ),
    )


def figures(data_dir: Path, *, runs: int = 10) -> list[Figure]:
    del data_dir  # built in memory
    sheet = count_sheet_of(LINES)
    render_count_sheet(sheet, dt.date(2026, 11, 23))  # fonts and caches warm
    gc.collect()
    samples: list[float] = []
    data = b""
    for _ in range(runs):
        started = time.perf_counter()
        data = render_count_sheet(sheet, dt.date(2026, 11, 23))
        samples.append((time.perf_counter() - started) * 1000)
    pages = len(PdfReader(io.BytesIO(data)).pages)
    return [
        Figure(
            f"count sheet PDF, {LINES} lines (p95)",
            COUNT_SHEET_TARGET_MS,
            p95(samples),
            "ms",
            f"{spread(samples)}; {pages} pages, {len(data)} bytes",
        )
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--runs", type=int, default=10)
    arguments = parser.parse_args()
    print(table(figures(arguments.data_dir, runs=arguments.runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
