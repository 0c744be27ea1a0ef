"""Benchmark the printed documents on a (large) demo database.

    .venv/bin/hearing-desk-admin demo-data --scale large --data-dir DIR
    .venv/bin/python -m tests.benchmarks.bench_documents DIR

Prints p50/p95/max for: a loan agreement of a patient holding aids (read in its own unit of work, then
rendered to PDF bytes), and a purchase order (read and rendered). Target: 100 ms for each. Not a test:
figures go in the closing note.
"""

from __future__ import annotations

import argparse
import gc
import math
import random
import statistics
import time
from pathlib import Path

from sqlalchemy import select

from app.database import Database
from app.documents import loan_agreement, purchase_order, render_loan_agreement, render_purchase_order
from db.models import Individual, Order, PurchaseOrder
from db.models.enums import IndividualStatus


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
    parser.add_argument("--runs", type=int, default=60)
    arguments = parser.parse_args()

    database = Database.open(arguments.data_dir)
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
        chosen = rng.sample(holders, min(len(holders), arguments.runs))
        contexts = []
        for patient_id in chosen:
            order = session.scalars(select(Order).where(Order.patient_id == patient_id)).first()
            if order is not None and patient_id is not None:
                contexts.append((patient_id, order.service_location_id, order.orderer_id))
        purchase_ids = list(session.scalars(select(PurchaseOrder.id).limit(5000)))
        # The demo has few purchase orders: each is printed again until there are as many runs.
        purchases = (
            [purchase_ids[i % len(purchase_ids)] for i in range(arguments.runs)] if purchase_ids else []
        )

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

    print(summary("loan agreement (read + render)", loan_ms))
    print(f"  aids per agreement: min={min(aids)} max={max(aids)}; PDF size max={max(pages_bytes)} bytes")
    if purchase_ms:
        print(summary(f"purchase order (read + render, {len(purchase_ids)} distinct)", purchase_ms))
    database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
