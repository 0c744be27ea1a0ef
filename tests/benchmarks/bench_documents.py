"""Benchmark the printed documents on a (large) demo database.

    .venv/bin/hearing-desk-admin demo-data --scale large --data-dir DIR
    .venv/bin/python -m tests.benchmarks.bench_documents DIR

Measures a purchase order (read in its own unit of work, then rendered to PDF bytes; target p95 ≤ 30 ms),
a loan agreement of a patient holding aids (read and rendered; target p95 ≤ 100 ms) and the label of one
individual (read and rendered for a label printer; target p95 ≤ 30 ms). Not a test: figures go in the
closing note.
"""

from __future__ import annotations

import argparse
import gc
import random
import time
from pathlib import Path

from sqlalchemy import select

from app.database import Database
from app.documents import (
    individual_labels,
    loan_agreement,
    purchase_order,
    render_individual_labels,
    render_loan_agreement,
    render_purchase_order,
)
from db.models import Individual, Order, PurchaseOrder
from db.models.enums import IndividualStatus
from tests.benchmarks.figures import Figure, p95, spread, table

PURCHASE_ORDER_TARGET_MS = 30.0
LOAN_AGREEMENT_TARGET_MS = 100.0
LABEL_TARGET_MS = 30.0


def figures(data_dir: Path, *, runs: int = 60) -> list[Figure]:
    database = Database.open(data_dir)
    rng = random.Random(7)
    with database.read() as session:
        holders = list(
            dict.fromkeys(
                session.scalars(
                    select(Individual.patient_id)
                    .where(
                        Individual.patient_id.is_not(None), Individual.status == IndividualStatus.DELIVERED
                    )
                    .limit(20000)
                )
            )
        )
        chosen = rng.sample(holders, min(len(holders), runs))
        contexts = []
        for patient_id in chosen:
            order = session.scalars(select(Order).where(Order.patient_id == patient_id)).first()
            if order is not None and patient_id is not None:
                contexts.append((patient_id, order.service_location_id, order.orderer_id))
        purchase_ids = list(session.scalars(select(PurchaseOrder.id).limit(5000)))
        # Devices spread over the table (every 97th of the first ones by id), not one page of it.
        device_ids = list(session.scalars(select(Individual.id).limit(97 * runs)))[::97][:runs]
        # The demo has few purchase orders: each is printed again until there are as many runs.
        purchases = [purchase_ids[i % len(purchase_ids)] for i in range(runs)] if purchase_ids else []

    loan_ms: list[float] = []
    aids: list[int] = []
    pages_bytes: list[int] = []
    gc.collect()
    for patient_id, location_id, user_id in contexts:
        started = time.perf_counter()
        with database.read() as session:
            doc = loan_agreement(
                session, patient_id=patient_id, service_location_id=location_id, user_id=user_id
            )
        data = render_loan_agreement(doc)
        loan_ms.append((time.perf_counter() - started) * 1000)
        aids.append(len(doc.aids))
        pages_bytes.append(len(data))

    purchase_ms: list[float] = []
    for purchase_id in purchases:
        started = time.perf_counter()
        with database.read() as session:
            po = purchase_order(session, purchase_order_id=purchase_id)
        render_purchase_order(po)
        purchase_ms.append((time.perf_counter() - started) * 1000)

    label_ms: list[float] = []
    for device_id in device_ids:
        started = time.perf_counter()
        with database.read() as session:
            labels = individual_labels(session, [device_id])
        render_individual_labels(labels)
        label_ms.append((time.perf_counter() - started) * 1000)

    database.dispose()
    return [
        Figure(
            "purchase order PDF, read and rendered (p95)",
            PURCHASE_ORDER_TARGET_MS,
            p95(purchase_ms),
            "ms",
            f"{spread(purchase_ms)}; {len(purchase_ids)} distinct",
        ),
        Figure(
            "loan agreement PDF, read and rendered (p95)",
            LOAN_AGREEMENT_TARGET_MS,
            p95(loan_ms),
            "ms",
            f"{spread(loan_ms)}; {min(aids)}–{max(aids)} aids, up to {max(pages_bytes)} bytes",
        ),
        Figure(
            "individual label PDF, read and rendered (p95)",
            LABEL_TARGET_MS,
            p95(label_ms),
            "ms",
            spread(label_ms),
        ),
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
