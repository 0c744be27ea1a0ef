"""Opening the local database: migrations, backups, and files that cannot be used (left untouched)."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from app.database import BULK_CACHE_KIB, DATABASE_FILE, SQLITE_DEFAULT_CACHE, Database
from app.errors import DatabaseCorrupt, DatabaseLocked, SchemaTooNew
from app.sync.client import list_issues
from db import migrate
from db.engine import create_sqlite_engine
from db.models import Base, Patient
from tests import factories


def test_upgrade_from_empty_creates_every_table_and_downgrade_removes_them(tmp_path: Path) -> None:
    engine = create_sqlite_engine(tmp_path / "x.sqlite")
    migrate.upgrade(engine)
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert migrate.current_revision(engine) == migrate.head_revision()
    migrate.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(engine)
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    """Alembic's autogenerate finds nothing to do: the migrations and the models agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    engine = create_sqlite_engine(tmp_path / "x.sqlite")
    migrate.upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": migrate.described_by_models})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_upgrade_from_the_baseline_keeps_data_and_backs_up_first(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_FILE
    engine = create_sqlite_engine(path)
    migrate.upgrade(engine, "0001")
    engine.dispose()
    db = Database(path)
    with db.seed() as session:
        factories.patient(session, "Karin", "Baseline")
    db.dispose()
    if migrate.head_revision() == "0001":
        # Pretend an older file: drop the version so opening must migrate (and back up) it again.
        with sqlite3.connect(path) as connection:
            connection.execute("UPDATE alembic_version SET version_num = '0001'")
    reopened = Database.open(tmp_path)
    with reopened.read() as session:
        assert session.scalars(select(Patient.last_name)).all() == ["Baseline"]
    reopened.dispose()
    if migrate.head_revision() != "0001":
        assert list(tmp_path.glob("hearing-desk.backup-0001-*.sqlite"))


def test_a_backup_is_a_complete_copy(tmp_path: Path) -> None:
    from app.database import backup

    db = Database.open(tmp_path)
    with db.seed() as session:
        factories.patient(session, "Per", "Kopia")
    db.dispose()
    copy = backup(tmp_path / DATABASE_FILE, "0001")
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT last_name FROM patient").fetchall() == [("Kopia",)]


def test_corrupt_file_is_refused_with_a_sentence_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_FILE
    garbage = b"this is not a database" * 100
    path.write_bytes(garbage)
    with pytest.raises(DatabaseCorrupt) as caught:
        Database.open(tmp_path)
    assert "damaged" in caught.value.sentence()
    assert path.read_bytes() == garbage
    assert not list(tmp_path.glob("*.backup-*"))


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    Database.open(tmp_path).dispose()
    path = tmp_path / DATABASE_FILE
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = path.read_bytes()
    with pytest.raises(SchemaTooNew) as caught:
        Database.open(tmp_path)
    assert "9999_future" in caught.value.sentence()
    assert migrate.head_revision() in caught.value.sentence()
    assert path.read_bytes() == before


def test_a_locked_database_gets_a_sentence_and_loses_nothing(tmp_path: Path) -> None:
    from app import patients

    Database.open(tmp_path).dispose()
    db = Database(tmp_path / DATABASE_FILE, busy_timeout_ms=100)
    with db.seed() as session:
        person_id = factories.patient(session, phone="046-12 34 56").id
    holder = sqlite3.connect(tmp_path / DATABASE_FILE, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLocked) as caught, db.write() as session:
            patients.update_phone(session, patient_id=person_id, phone="070-111 22 33")
        assert "busy" in caught.value.sentence()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with db.read() as session:
        assert session.get(Patient, person_id).phone == "046-12 34 56"  # type: ignore[union-attr]
    with db.write() as session:  # once the other program lets go, the same edit succeeds
        patients.update_phone(session, patient_id=person_id, phone="070-111 22 33")
    db.dispose()


def test_writers_from_several_threads_keep_the_change_log_sequence_unique(tmp_path: Path) -> None:
    from app import patients
    from db.models import ChangeLogEntry

    db = Database.open(tmp_path)
    with db.seed() as session:
        ids = [factories.patient(session, f"P{i}", "Tråd", serial=i).id for i in range(8)]
    errors: list[BaseException] = []

    def edit(patient_id: object) -> None:
        try:
            for n in range(5):
                with db.write() as session:
                    patients.update_phone(session, patient_id=patient_id, phone=f"070-000 00 0{n}")  # type: ignore[arg-type]
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=edit, args=(i,)) for i in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with db.read() as session:
        seqs = session.scalars(select(ChangeLogEntry.local_seq)).all()
    assert len(seqs) == 40 and len(set(seqs)) == 40
    db.dispose()


def test_upgrade_moves_the_sync_issues_kept_among_node_settings_into_their_table(tmp_path: Path) -> None:
    """Migration 0004: a conflict a workstation had kept as a node setting is still listed afterwards."""
    engine = create_sqlite_engine(tmp_path / DATABASE_FILE)
    migrate.upgrade(engine, "0003")
    issue_id, row_id = uuid.uuid4(), uuid.uuid4()
    kept = {
        "kind": "individual_conflict",
        "table": "individual",
        "row_id": str(row_id),
        "description": "Individual 1001 was changed in conflicting ways.",
        "status": "open",
        "created_at": "2026-11-20T08:00:00+00:00",
        "versions": [{"source": "server", "row": {"status": "delivered"}}, {"source": "workstation"}],
    }
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO node_setting (key, value) VALUES (?, ?), ('sync.last_server_seq', '42')",
            (f"sync.issue.{issue_id}", json.dumps(kept)),
        )
    engine.dispose()
    database = Database.open(tmp_path)
    with database.read() as session:
        (issue,) = list_issues(session)
        settings = session.execute(text("SELECT key FROM node_setting")).scalars().all()
    database.dispose()
    assert (issue.id, issue.kind, issue.table, issue.row_id, issue.status) == (
        issue_id,
        "individual_conflict",
        "individual",
        row_id,
        "open",
    )
    assert issue.versions == kept["versions"] and issue.created_at.isoformat() == kept["created_at"]
    assert settings == ["sync.last_server_seq"]  # the other settings stay where they were


def _next_checkpoint(path: Path) -> tuple[int, int, int] | None:
    from app.database import CHECKPOINTER

    deadline = time.monotonic() + 10
    while CHECKPOINTER.last.get(path) is None and time.monotonic() < deadline:
        time.sleep(0.02)
    return CHECKPOINTER.last.pop(path, None)


def test_a_save_leaves_the_wal_to_the_checkpoint_thread(tmp_path: Path) -> None:
    """A clerk's save does not copy the WAL into the file inside its commit (SQLite's default would, every
    1000 pages); the process's checkpoint thread does it right after, off the unit of work."""
    from app import patients
    from db.engine import WRITER_AUTOCHECKPOINT_PAGES

    db = Database.open(tmp_path)
    path = tmp_path / DATABASE_FILE
    with db.seed() as session:
        person_id = factories.patient(session, phone="046-12 34 56").id
    assert _next_checkpoint(path) is not None  # the seeding's
    with db.read() as session:
        assert session.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 1000  # a reader's default
    with db.write() as session:
        setting = session.execute(text("PRAGMA wal_autocheckpoint")).scalar()
        patients.update_phone(session, patient_id=person_id, phone="070-111 22 33")
    assert setting == WRITER_AUTOCHECKPOINT_PAGES
    result = _next_checkpoint(path)
    assert result is not None, "no checkpoint ran after the save"
    busy, frames, copied = result
    assert busy == 0
    assert frames > 0 and copied == frames
    db.dispose()


def test_a_bulk_apply_gets_a_large_page_cache_and_gives_it_back(tmp_path: Path) -> None:
    """A large download is applied with a page cache of ``BULK_CACHE_KIB``; the connection has SQLite's
    default again once it is back in the pool (the window's memory after a first download is as before)."""
    database = Database.open(tmp_path)
    try:
        with database.apply_remote(bulk=True) as session:
            connection = session.connection().connection.dbapi_connection
            assert connection is not None
            assert connection.execute("PRAGMA cache_size").fetchone()[0] == -BULK_CACHE_KIB
        assert connection.execute("PRAGMA cache_size").fetchone()[0] == SQLITE_DEFAULT_CACHE
        with database.apply_remote() as session:
            ordinary = session.connection().connection.dbapi_connection
            assert ordinary is not None
            assert ordinary.execute("PRAGMA cache_size").fetchone()[0] == SQLITE_DEFAULT_CACHE
    finally:
        database.dispose()
