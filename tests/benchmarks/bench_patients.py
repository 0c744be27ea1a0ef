"""Benchmark the Patient tab on a (large) demo database.

    .venv/bin/hearing-desk-admin demo-data --scale large --data-dir DIR
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.bench_patients DIR

Prints p50/p95/max for: identity-number lookup to record shown (search, open with access log, show in
the real record widget), name search as you type (per keystroke, query plus results model), and
``hearing-desk --smoke`` time to first paint. Not a test: figures go in the closing note.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, select

from app import patients
from app.database import Database
from db.models import Individual, Patient, User


def summary(name: str, samples_ms: list[float]) -> str:
    ordered = sorted(samples_ms)
    p95 = ordered[max(0, math.ceil(len(ordered) * 0.95) - 1)]  # nearest rank
    return (
        f"{name}: n={len(ordered)} p50={statistics.median(ordered):.1f} ms p95={p95:.1f} ms "
        f"max={ordered[-1]:.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--lookups", type=int, default=300)
    parser.add_argument("--names", type=int, default=200)
    parser.add_argument("--smoke-runs", type=int, default=5)
    arguments = parser.parse_args()

    from ui.patient.record import PatientRecordView
    from ui.patient.tab import PatientTab  # noqa: F401 - imported as the program does
    from ui.qt import QApplication
    from ui.table_model import Column, RowTableModel

    app = QApplication.instance() or QApplication([])
    database = Database.open(arguments.data_dir)
    rng = random.Random(1)
    with database.read() as session:
        total = session.scalar(select(func.count()).select_from(Patient)) or 0
        user_id = session.scalars(select(User.id)).first()
        # Half the lookups are patients holding aids (the busy case), half are any patient.
        holders = session.scalars(
            select(Individual.patient_id).where(Individual.patient_id.is_not(None)).limit(20000)
        ).all()
        offsets = [rng.randrange(total) for _ in range(arguments.lookups)]
        anyone = [session.scalars(select(Patient.identity_number).offset(o).limit(1)).one() for o in offsets]
        holder_numbers = [
            session.get(Patient, pid).identity_number  # type: ignore[union-attr]
            for pid in rng.sample(list(holders), min(len(holders), arguments.lookups // 2))
        ]
        names = [
            f"{row.last_name} {row.first_name}"
            for row in (
                session.get(
                    Patient, session.scalars(select(Patient.id).offset(rng.randrange(total)).limit(1)).one()
                )
                for _ in range(arguments.names)
            )
            if row is not None and not row.protected_identity
        ]
    print(f"database: {total} patients")

    view = PatientRecordView()
    view.show()
    lookups = holder_numbers + anyone[: arguments.lookups - len(holder_numbers)]
    lookup_ms: list[float] = []
    held_counts: list[int] = []
    for number in lookups:
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
    print(
        summary("identity lookup to record shown", lookup_ms)
        + f" (aids held per record: max {max(held_counts)})"
    )

    model = RowTableModel([Column("Name", lambda h: h.name)])
    keystroke_ms: list[float] = []
    for name in names:
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
    print(summary("name search per keystroke", keystroke_ms))
    database.dispose()
    view.close()
    view.deleteLater()
    del view, model
    app.processEvents()
    gc.collect()

    paint_ms: list[float] = []
    for _ in range(arguments.smoke_runs):
        output = subprocess.run(
            [sys.executable, "-m", "ui.main", "--smoke", "--data-dir", str(arguments.data_dir)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        match = re.search(r"first paint: (\d+) ms", output)
        assert match, output
        paint_ms.append(float(match.group(1)))
    print(summary("hearing-desk --smoke first paint", paint_ms))
    return 0


if __name__ == "__main__":
    sys.exit(main())
