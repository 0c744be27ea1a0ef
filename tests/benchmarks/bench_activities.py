"""Benchmark the activity sheet (R23) on a (large) demo database.

    .venv/bin/hearing-desk-admin demo-data --scale large --data-dir DIR
    .venv/bin/python -m tests.benchmarks.bench_activities DIR

Measures the activity sheet for the supplier of activities spread over the table (read in its own unit of
work, then rendered to PDF bytes with a comment; target p95 ≤ 50 ms, issue 12). Not a test: figures go in
the closing note.
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

from sqlalchemy import func, select

from app.database import Database
from app.documents.activity_sheet import activity_sheet, render_activity_sheet
from db.models import Activity
from tests.benchmarks.figures import Figure, p95, spread, table

SHEET_TARGET_MS = 50.0


def figures(data_dir: Path, *, runs: int = 60) -> list[Figure]:
    database = Database.open(data_dir)
    with database.read() as session:
        total = session.scalar(select(func.count(Activity.id))) or 0
        step = max(1, total // runs)
        # Activities spread over the table (every step-th by number), not one page of it.
        numbered = list(session.scalars(select(Activity.id).order_by(Activity.number)))
        chosen = numbered[::step][:runs]
    sheet_ms: list[float] = []
    sizes: list[int] = []
    products: list[int] = []
    gc.collect()
    for activity_id in chosen:
        started = time.perf_counter()
        with database.read() as session:
            doc = activity_sheet(session, activity_id=activity_id, comment="Skickas med rekommenderat brev.")
        data = render_activity_sheet(doc)
        sheet_ms.append((time.perf_counter() - started) * 1000)
        sizes.append(len(data))
        products.append(len(doc.products))
    database.dispose()
    if not sheet_ms:
        return [Figure.missing("activity sheet PDF, read and rendered (p95)", "no activity in the database")]
    return [
        Figure(
            "activity sheet PDF, read and rendered (p95)",
            SHEET_TARGET_MS,
            p95(sheet_ms),
            "ms",
            f"{spread(sheet_ms)}; {total} activities, {min(products)}–{max(products)} aids, "
            f"up to {max(sizes)} bytes",
        )
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--runs", type=int, default=60)
    arguments = parser.parse_args()
    print(table(figures(arguments.data_dir, runs=arguments.runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
