"""Benchmark the Patient tab on a (large) demo database.

    .venv/bin/hearing-desk-admin demo-data --scale large --data-dir DIR
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.bench_patients DIR

Measures identity-number lookup to record shown (search, open with access log, show in the real record
widget; target p95 ≤ 10 ms) and name search as you type (per keystroke, query plus results model; target
p95 ≤ 2 ms). Opening a record writes the access log: use a scratch copy (``python -m tests.benchmarks``
makes one). Not a test: the figures go in the closing note.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, select

from app import patients
from app.database import Database
from db.models import Individual, Patient, User
from tests.benchmarks.figures import Figure, p95, spread, table

LOOKUP_TARGET_MS = 10.0
NAME_SEARCH_TARGET_MS = 2.0


def figures(data_dir: Path, *, lookups: int = 300, names: int = 200) -> list[Figure]:
    from ui.patient.record import PatientRecordView
    from ui.patient.tab import PatientTab  # noqa: F401 - imported as the program does
    from ui.qt import QApplication
    from ui.table_model import Column, RowTableModel

    app = QApplication.instance() or QApplication([])
    database = Database.open(data_dir)
    rng = random.Random(1)
    with database.read() as session:
        total = session.scalar(select(func.count()).select_from(Patient)) or 0
        user_id = session.scalars(select(User.id)).first()
        # Half the lookups are patients holding aids (the busy case), half are any patient.
        holders = session.scalars(
            select(Individual.patient_id).where(Individual.patient_id.is_not(None)).limit(20000)
        ).all()
        offsets = [rng.randrange(total) for _ in range(lookups)]
        anyone = [session.scalars(select(Patient.identity_number).offset(o).limit(1)).one() for o in offsets]
        holder_numbers = [
            session.get(Patient, pid).identity_number  # type: ignore[union-attr]
            for pid in rng.sample(list(holders), min(len(holders), lookups // 2))
        ]
        typed_names = [
            f"{row.last_name} {row.first_name}"
            for row in (
                session.get(
                    Patient, session.scalars(select(Patient.id).offset(rng.randrange(total)).limit(1)).one()
                )
                for _ in range(names)
            )
            if row is not None and not row.protected_identity
        ]

    view = PatientRecordView()
    view.show()
    lookup_ms: list[float] = []
    held_counts: list[int] = []
    for number in holder_numbers + anyone[: lookups - len(holder_numbers)]:
        typed = f"{number[:8]}-{number[8:]}"
        started = time.perf_counter()
        with database.read() as session:
            hit = patients.search_patients(session, typed).hits[0]
        with database.write() as session:
            record = patients.open_patient_record(
                session, patient_id=hit.id, user_id=user_id, service_location_id=None
            )
        view.show_record(record)
        app.processEvents()
        lookup_ms.append((time.perf_counter() - started) * 1000)
        held_counts.append(len(record.aids_held))

    model = RowTableModel([Column("Name", lambda h: h.name)])
    keystroke_ms: list[float] = []
    for name in typed_names:
        typed = re.sub(r"\s+", " ", name.lower())
        for end in range(1, len(typed) + 1):
            text = typed[:end]
            if text.endswith(" "):
                continue
            started = time.perf_counter()
            with database.read() as session:
                result = patients.search_patients(session, text)
            model.set_rows(result.hits)
            keystroke_ms.append((time.perf_counter() - started) * 1000)
    database.dispose()
    view.close()
    view.deleteLater()
    del view, model
    app.processEvents()
    gc.collect()
    return [
        Figure(
            "identity lookup to record shown (p95)",
            LOOKUP_TARGET_MS,
            p95(lookup_ms),
            "ms",
            f"{spread(lookup_ms)}; {total} patients, up to {max(held_counts)} aids held",
        ),
        Figure(
            "name search per keystroke (p95)",
            NAME_SEARCH_TARGET_MS,
            p95(keystroke_ms),
            "ms",
            spread(keystroke_ms),
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--lookups", type=int, default=300)
    parser.add_argument("--names", type=int, default=200)
    arguments = parser.parse_args()
    print(table(figures(arguments.data_dir, lookups=arguments.lookups, names=arguments.names)))
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # PySide's teardown of the offscreen application may crash at interpreter exit
