"""Benchmark returns on a (large) demo database: what the return wizard waits for, and the papers it prints.

    .venv/bin/hearing-desk-admin demo-data --scale large --data-dir DIR
    .venv/bin/python -m tests.benchmarks.bench_returns DIR   (on a copy: it writes returns)

Measures, at the Lund desk, the wizard's first page (a patient's returnable aids; target p95 ≤ 30 ms),
``register_return`` saving a pickup order with its checklist and statuses in its own unit of work (target
p95 ≤ 100 ms), the pickup order PDF and the return slip PDF (each read in its own unit of work and rendered
to PDF bytes; target p95 ≤ 50 ms), and the return receipt PDF (same target). Not a test: figures go in the
closing note.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import time
import uuid
from pathlib import Path

from sqlalchemy import select

from app import returns
from app.database import Database
from app.documents.pickup_order import pickup_order_pdf
from app.documents.return_receipt import return_receipt_pdf
from app.documents.return_slip import return_slip_pdf
from app.numbers import NumberAllocator
from app.organisation import WorkContext, work_context
from app.returns import AidReturn, Destination, ReturnDone, ReturnRequest
from db.models import Individual, Warehouse
from db.models.enums import IndividualStatus, PickupReason, WarehouseKind
from tests.benchmarks.figures import Figure, p95, spread, table

FIRST_PAGE_TARGET_MS = 30.0
REGISTER_TARGET_MS = 100.0
PDF_TARGET_MS = 50.0


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _request(destination: Destination, patient_id: uuid.UUID | None, keys: list[str]) -> ReturnRequest:
    checklist = returns.all_done(returns.required_points(destination))
    return ReturnRequest(
        destination,
        patient_id,
        PickupReason.MODEL_UNSUITABLE,
        "Benchmark",
        tuple(AidReturn(key, 1, checklist) for key in keys),
    )


def figures(data_dir: Path, *, runs: int = 40) -> list[Figure]:
    database = Database.open(data_dir)
    rng = random.Random(12)
    today = dt.date.today()
    numbers = NumberAllocator()
    with database.read() as session:
        context: WorkContext = work_context(
            session, username="anna.audionom", service_location_code="HM-LUND"
        )
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
        own = session.scalars(
            select(Warehouse.id).where(
                Warehouse.service_location_id == context.service_location_id,
                Warehouse.kind == WarehouseKind.OWN_STOCK,
            )
        ).one()
        in_stock = list(
            session.scalars(
                select(Individual.id)
                .where(Individual.warehouse_id == own, Individual.status == IndividualStatus.IN_STOCK)
                .limit(runs)
            )
        )
    patients = [p for p in rng.sample(holders, min(len(holders), 3 * runs)) if p is not None]

    first_page_ms: list[float] = []
    starts: list[returns.ReturnStart] = []
    gc.collect()
    for patient_id in patients:
        started = time.perf_counter()
        with database.read() as session:
            start = returns.returnable_aids(session, context, patient_id=patient_id, today=today)
        first_page_ms.append(_ms(started))
        if start.choosable and not start.deceased:
            starts.append(start)

    register_ms: list[float] = []
    pickups: list[ReturnDone] = []
    receipts: list[ReturnDone] = []
    for index, start in enumerate(starts[: 2 * runs]):
        keys = [aid.key for aid in start.choosable if aid.individual_id is not None][:2] or [
            start.choosable[0].key
        ]
        if index % 2 == 0:
            started = time.perf_counter()
            with database.write() as session:
                done = returns.register_return(
                    session,
                    context,
                    numbers,
                    _request(Destination.CENTRAL_WAREHOUSE, start.patient_id, keys),
                    today,
                )
            register_ms.append(_ms(started))
            pickups.append(done)
        else:
            with database.write() as session:
                receipts.append(
                    returns.register_return(
                        session,
                        context,
                        numbers,
                        _request(Destination.OWN_STOCK, start.patient_id, keys),
                        today,
                    )
                )
    slips: list[ReturnDone] = []
    for device_id in in_stock:
        with database.write() as session:
            slips.append(
                returns.register_return(
                    session,
                    context,
                    numbers,
                    _request(Destination.SUPPLIER, None, [returns.key_of_individual(device_id)]),
                    today,
                )
            )

    def documents(made: list[ReturnDone], render: object) -> list[float]:
        times: list[float] = []
        for done in made:
            started = time.perf_counter()
            with database.read() as session:
                render(session, done.id)  # type: ignore[operator]
            times.append(_ms(started))
        return times

    gc.collect()
    pickup_ms = documents(pickups, pickup_order_pdf)
    slip_ms = documents(slips, return_slip_pdf)
    receipt_ms = documents(receipts, return_receipt_pdf)
    database.dispose()
    return [
        Figure(
            "return wizard's first page: a patient's returnable aids (p95)",
            FIRST_PAGE_TARGET_MS,
            p95(first_page_ms),
            "ms",
            f"{spread(first_page_ms)}; {len(first_page_ms)} patients",
        ),
        Figure(
            "register_return, a pickup order of 1–2 aids with checklists (p95)",
            REGISTER_TARGET_MS,
            p95(register_ms),
            "ms",
            f"{spread(register_ms)}; {len(register_ms)} saved",
        ),
        Figure(
            "pickup order PDF, read and rendered (p95)",
            PDF_TARGET_MS,
            p95(pickup_ms),
            "ms",
            spread(pickup_ms),
        ),
        Figure(
            "return slip PDF, read and rendered (p95)",
            PDF_TARGET_MS,
            p95(slip_ms),
            "ms",
            f"{spread(slip_ms)}; {len(slip_ms)} slips",
        ),
        Figure(
            "return receipt PDF, read and rendered (p95)",
            PDF_TARGET_MS,
            p95(receipt_ms),
            "ms",
            spread(receipt_ms),
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--runs", type=int, default=40)
    arguments = parser.parse_args()
    print(table(figures(arguments.data_dir, runs=arguments.runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
