"""Every write goes through an app service in one transaction that also appends to the change log."""

from __future__ import annotations

import ast
import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select, text, update
from sqlalchemy.orm import Session

from app import patients
from app.changelog import synced_table_names
from app.database import Database
from app.errors import InvalidInput, WriteOutsideService
from db.models import ChangeLogEntry, Patient
from db.models.enums import ChangeOperation
from tests import factories

APP = Path(__file__).resolve().parents[1] / "app"


def snapshot(session: Session) -> dict[tuple[str, str], tuple[Any, ...]]:
    rows: dict[tuple[str, str], tuple[Any, ...]] = {}
    for name in sorted(synced_table_names()):
        for row in session.execute(text(f'SELECT * FROM "{name}"')):
            mapping = row._mapping
            rows[(name, str(mapping["id"]))] = tuple(mapping.values())
    return rows


def logged_since(session: Session, after_seq: int) -> set[tuple[str, str, ChangeOperation]]:
    entries = session.scalars(select(ChangeLogEntry).where(ChangeLogEntry.local_seq > after_seq))
    return {(e.table_name, e.row_id.hex, e.operation) for e in entries}


def diff(
    before: dict[tuple[str, str], Any], after: dict[tuple[str, str], Any]
) -> set[tuple[str, str, ChangeOperation]]:
    changes = {(t, i, ChangeOperation.INSERT) for (t, i) in after.keys() - before.keys()}
    changes |= {(t, i, ChangeOperation.DELETE) for (t, i) in before.keys() - after.keys()}
    changes |= {
        (t, i, ChangeOperation.UPDATE)
        for key in before.keys() & after.keys()
        if before[key] != after[key]
        for (t, i) in [key]
    }
    return changes


def run_and_compare(
    database: Database, service: Callable[[Session], Any]
) -> set[tuple[str, str, ChangeOperation]]:
    with database.read() as session:
        before = snapshot(session)
        seq = session.scalar(select(ChangeLogEntry.local_seq).order_by(ChangeLogEntry.local_seq.desc())) or 0
    with database.write() as session:
        service(session)
    with database.read() as session:
        after = snapshot(session)
        logged = logged_since(session, seq)
    changed = {(t, uuid.UUID(i).hex if len(i) != 32 else i, op) for (t, i, op) in diff(before, after)}
    assert changed, "the scenario changed nothing: it proves nothing"
    assert changed == logged
    return logged


@pytest.fixture
def seeded(database: Database) -> dict[str, Any]:
    with database.seed() as session:
        user, location, _warehouse = factories.organisation(session)
        person = factories.patient(session)
        return {"user": user.id, "location": location.id, "patient": person.id}


def test_every_write_service_logs_exactly_what_it_changed(database: Database, seeded: dict[str, Any]) -> None:
    """Each write service of the app, run in a write unit of work: table diff == change log entries."""
    scenarios: dict[str, Callable[[Session], Any]] = {
        "patients.open_patient_record": lambda s: patients.open_patient_record(
            s, patient_id=seeded["patient"], user_id=seeded["user"], service_location_id=seeded["location"]
        ),
        "patients.update_phone": lambda s: patients.update_phone(
            s, patient_id=seeded["patient"], phone="0701234567"
        ),
    }
    for name, scenario in scenarios.items():
        logged = run_and_compare(database, scenario)
        assert logged, name
    # The list above must cover every public function of app/ that takes a session and writes.
    assert set(scenarios) == set(write_services()), "a write service has no change-log scenario here"


def write_services() -> list[str]:
    """Public functions in app/ whose body adds, deletes or assigns attributes of model rows via a session."""
    found = []
    for path in sorted(APP.glob("*.py")):
        if path.name in {"demo_data.py", "database.py", "changelog.py", "numbers.py"}:
            continue  # seeding, the mechanism itself, and local-only number blocks
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            if not node.args.args or node.args.args[0].arg != "session":
                continue
            writes = any(
                (
                    isinstance(n, ast.Call)
                    and isinstance(n.func, ast.Attribute)
                    and n.func.attr in {"add", "add_all", "delete"}
                    and isinstance(n.func.value, ast.Name)
                    and n.func.value.id == "session"
                )
                or (isinstance(n, ast.Assign) and any(isinstance(t, ast.Attribute) for t in n.targets))
                for n in ast.walk(node)
            )
            if writes:
                found.append(f"{path.stem}.{node.name}")
    return found


def test_a_flush_outside_a_write_unit_of_work_is_refused(database: Database, seeded: dict[str, Any]) -> None:
    with pytest.raises(WriteOutsideService), database.read() as session:
        session.get(Patient, seeded["patient"]).phone = "040-11 22 33"  # type: ignore[union-attr]
        session.flush()
    with database.read() as session:
        assert session.get(Patient, seeded["patient"]).phone == "046-12 34 56"  # type: ignore[union-attr]


def test_statements_that_bypass_the_row_log_are_refused(database: Database, seeded: dict[str, Any]) -> None:
    with pytest.raises(WriteOutsideService), database.write() as session:
        session.execute(update(Patient).where(Patient.id == seeded["patient"]).values(phone="040-1"))
    with pytest.raises(WriteOutsideService), database.write() as session:
        session.execute(insert(Patient.__table__).values(id=uuid.uuid4()))


def test_a_failed_service_saves_nothing_and_logs_nothing(database: Database, seeded: dict[str, Any]) -> None:
    with database.read() as session:
        before = snapshot(session)
        count = len(session.scalars(select(ChangeLogEntry)).all())
    with pytest.raises(InvalidInput), database.write() as session:
        patients.open_patient_record(
            s := session, patient_id=seeded["patient"], user_id=seeded["user"], service_location_id=None
        )
        patients.update_phone(s, patient_id=seeded["patient"], phone="not a phone")
    with database.read() as session:
        assert snapshot(session) == before
        assert len(session.scalars(select(ChangeLogEntry)).all()) == count


def test_change_log_order_and_payload(database: Database, seeded: dict[str, Any]) -> None:
    with database.write() as session:
        patients.update_phone(session, patient_id=seeded["patient"], phone="0701234567")
    with database.write() as session:
        patients.update_phone(session, patient_id=seeded["patient"], phone="0709999999")
    with database.read() as session:
        entries = session.scalars(select(ChangeLogEntry).order_by(ChangeLogEntry.local_seq)).all()
    updates = [e for e in entries if e.operation is ChangeOperation.UPDATE]
    assert [e.payload["phone"] for e in updates] == ["0701234567", "0709999999"]
    assert [e.base["phone"] for e in updates if e.base] == [
        "046-12 34 56",
        "0701234567",
    ]  # what each edit replaced
    seqs = [e.local_seq for e in entries]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert all(e.recorded_at.date() <= dt.date.today() for e in entries)
