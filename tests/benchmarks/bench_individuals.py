"""Benchmark the Individual tab on a (large) demo database (1 000 000 individuals).

    .venv/bin/hearing-desk-admin demo-data --scale large --data-dir DIR
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.bench_individuals DIR

Measures individual lookup by full number to record shown (search through the unique index, read the record,
show it in the real record widget; target p95 ≤ 10 ms) and partial number search (a run of 4 to 6 digits
from anywhere in a number, as a worn label shows it, through the trigram index of migration 0009, query plus
results model; target p95 ≤ 15 ms). Reads only. Not a test: the figures go in the closing note.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, select

from app import individual_record
from app.database import Database
from db.models import Individual
from tests.benchmarks.figures import Figure, p95, spread, table

LOOKUP_TARGET_MS = 10.0
PARTIAL_TARGET_MS = 15.0


def figures(data_dir: Path, *, lookups: int = 300, partials: int = 300) -> list[Figure]:
    from ui.individual.record import IndividualRecordView
    from ui.individual.tab import IndividualTab  # noqa: F401 - imported as the program does
    from ui.qt import QApplication
    from ui.table_model import Column, RowTableModel

    app = QApplication.instance() or QApplication([])
    database = Database.open(data_dir)
    rng = random.Random(1)
    with database.read() as session:
        total = session.scalar(select(func.count()).select_from(Individual)) or 0
        numbers = [
            session.scalars(select(Individual.individual_number).offset(rng.randrange(total)).limit(1)).one()
            for _ in range(max(lookups, partials))
        ]
    view = IndividualRecordView()
    view.show()
    lookup_ms: list[float] = []
    for number in numbers[:lookups]:
        started = time.perf_counter()
        with database.read() as session:
            hit = individual_record.search_individuals(session, number).hits[0]
            record = individual_record.read_individual_record(session, hit.id)
        view.show_record(record)
        app.processEvents()
        lookup_ms.append((time.perf_counter() - started) * 1000)

    model = RowTableModel([Column("Individual number", lambda h: h.individual_number)])
    partial_ms: list[float] = []
    hit_counts: list[int] = []
    for number in numbers[:partials]:
        length = rng.randint(4, 6)
        start = rng.randrange(len(number) - length + 1)
        part = number[start : start + length]
        started = time.perf_counter()
        with database.read() as session:
            found = individual_record.search_individuals(session, part)
        model.set_rows(found.hits)
        partial_ms.append((time.perf_counter() - started) * 1000)
        assert any(h.individual_number == number for h in found.hits) or found.more
        hit_counts.append(len(found.hits))
    database.dispose()
    view.close()
    view.deleteLater()
    del view, model
    app.processEvents()
    gc.collect()
    return [
        Figure(
            "individual lookup by full number to record shown (p95)",
            LOOKUP_TARGET_MS,
            p95(lookup_ms),
            "ms",
            f"{spread(lookup_ms)}; {total} individuals",
        ),
        Figure(
            "partial individual number search, 4–6 digits (p95)",
            PARTIAL_TARGET_MS,
            p95(partial_ms),
            "ms",
            f"{spread(partial_ms)}; up to {max(hit_counts)} hits listed",
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--lookups", type=int, default=300)
    parser.add_argument("--partials", type=int, default=300)
    arguments = parser.parse_args()
    print(table(figures(arguments.data_dir, lookups=arguments.lookups, partials=arguments.partials)))
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # PySide's teardown of the offscreen application may crash at interpreter exit
