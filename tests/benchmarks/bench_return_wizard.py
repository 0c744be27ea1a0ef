"""Benchmark the return wizard's pages on a (large) demo database.

    .venv/bin/hearing-desk-admin demo-data --scale large --data-dir DIR
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.bench_return_wizard DIR

The real wizard, its loads on the operation runner's worker threads as the program runs them, for patients
who hold the most aids: the first page ready after the wizard opens (the patient's returnable aids and a
draft read on a worker, the list built), the checklist page ready after Next (every aid ticked; the
first aid's checklist shown, the aids listed beside it), the summary ready after Next. "Ready" is the page's ``sig_page_ready`` and the events
it caused processed (laid out and painted). Target p95 ≤ 30 ms each. Writes nothing: each wizard is closed
from its summary without keeping a draft.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, select

from app.database import Database
from app.organisation import work_context
from db.models import Individual
from db.models.enums import IndividualStatus
from tests.benchmarks.figures import Figure, p95, spread, table

PAGE_TARGET_MS = 30.0
USERNAME, LOCATION = "anna.audionom", "HM-LUND"


def figures(data_dir: Path, *, patients: int = 40) -> list[Figure]:
    from app.numbers import NumberAllocator
    from ui.messages import MessageBoxes
    from ui.operations import OperationRunner
    from ui.operations.returns import Whose
    from ui.qt import QApplication, QEventLoop, QTimer, QWizard
    from ui.returns.wizard import AIDS_PAGE, CHECKLIST_PAGE, SUMMARY_PAGE, Preselect, ReturnWizard

    app = QApplication.instance() or QApplication([])
    MessageBoxes.handler = lambda _kind, _title, _text: None
    MessageBoxes.answer = False  # a draft left by an earlier run is not resumed
    database = Database.open(data_dir)
    with database.read() as session:
        context = work_context(session, username=USERNAME, service_location_code=LOCATION)
        held = (
            select(Individual.patient_id, func.count().label("aids"))
            .where(Individual.status == IndividualStatus.DELIVERED, Individual.patient_id.is_not(None))
            .group_by(Individual.patient_id)
            .order_by(func.count().desc())
            .limit(patients)
        )
        chosen = [(row.patient_id, row.aids) for row in session.execute(held)]
    runner = OperationRunner()
    runner.database = database
    timings: dict[int, list[float]] = {AIDS_PAGE: [], CHECKLIST_PAGE: [], SUMMARY_PAGE: []}

    def wait_ready(page_id: int, act: object) -> float:
        loop = QEventLoop()
        ready: list[float] = []

        def on_ready(shown: int) -> None:
            if shown == page_id:
                ready.append(time.perf_counter())
                loop.quit()

        wizard.sig_page_ready.connect(on_ready)
        QTimer.singleShot(5000, loop.quit)
        app.processEvents()  # what the clerk's answers caused is painted before Next is pressed
        started = time.perf_counter()
        act()  # type: ignore[operator]
        if not ready:
            loop.exec()
        app.processEvents()  # what the page's showing caused: layout, paint
        wizard.sig_page_ready.disconnect(on_ready)
        refused = wizard.aids_page.error.text() or wizard.checklist_page.error.text()
        assert ready, f"page {page_id} never became ready: {refused}"
        return (time.perf_counter() - started) * 1000

    for patient_id, _aids in chosen:
        wizard = ReturnWizard(
            runner, context, NumberAllocator, Whose(patient_id=patient_id), preselect=Preselect(every=True)
        )
        timings[AIDS_PAGE].append(wait_ready(AIDS_PAGE, wizard.show))
        page = wizard.aids_page
        page.destination_buttons[next(iter(page.destination_buttons))].setChecked(True)
        if page.reason_combo.isEnabled():  # a deceased patient's reason is set already (R9)
            page.reason_combo.setCurrentIndex(1)
        timings[CHECKLIST_PAGE].append(wait_ready(CHECKLIST_PAGE, wizard.next))
        checklist = wizard.checklist_page
        for row in range(checklist.aids_model.rowCount()):
            checklist.show_aid_at(row)
            checklist.editor.tick_all()
            checklist.editor.infection_no.setChecked(True)
            checklist.editor.incident_no.setChecked(True)
        timings[SUMMARY_PAGE].append(wait_ready(SUMMARY_PAGE, wizard.next))
        assert wizard.currentId() == SUMMARY_PAGE
        wizard.done(QWizard.DialogCode.Rejected)  # closed without a draft: nothing written
        wizard.deleteLater()
        app.processEvents()
    runner.wait_for_done()
    database.dispose()
    MessageBoxes.handler = None
    gc.collect()
    most = max(aids for _p, aids in chosen) if chosen else 0
    names = {
        AIDS_PAGE: "return wizard: aids page ready after opening (p95)",
        CHECKLIST_PAGE: "return wizard: checklist page ready after Next (p95)",
        SUMMARY_PAGE: "return wizard: summary page ready after Next (p95)",
    }
    return [
        Figure(
            names[page_id],
            PAGE_TARGET_MS,
            p95(ms),
            "ms",
            f"{spread(ms)}; {len(chosen)} patients, up to {most} aids",
        )
        for page_id, ms in timings.items()
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--patients", type=int, default=40)
    arguments = parser.parse_args()
    print(table(figures(arguments.data_dir, patients=arguments.patients)))
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # PySide's teardown of the offscreen application may crash at interpreter exit
