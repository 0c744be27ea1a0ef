"""The first start of a workstation (demo data, join the clinic's server, or empty) and the demo's mark.

The join itself runs against a real server in ``tests/sync/test_first_start_join.py``.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.database import DATABASE_FILE, Database
from app.first_start import (
    DEMO_DATA,
    FIRST_START,
    AlreadySetUp,
    FirstStart,
    is_demo_database,
    is_new_workstation,
    set_up,
)
from app.startup import open_workstation
from db import migrate
from tests.factories import organisation


def settings_of(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as connection:
        rows = dict(connection.execute("SELECT key, value FROM node_setting").fetchall())
    connection.close()
    return rows


def test_demo_data_marks_its_database_as_demo(demo) -> None:  # type: ignore[no-untyped-def]
    with demo.read() as session:
        assert is_demo_database(session)
        assert not is_new_workstation(session)


def test_an_empty_database_is_a_new_workstation_and_not_demo(database: Database) -> None:
    with database.read() as session:
        assert is_new_workstation(session)
        assert not is_demo_database(session)


@pytest.mark.parametrize("sync_set_up", [False, True])
def test_migration_0016_marks_a_demo_database_of_an_earlier_version(  # type: ignore[no-untyped-def]
    demo_template, tmp_path: Path, sync_set_up: bool
) -> None:
    """A database an earlier version filled with demo data (no mark) is marked when it is migrated; one
    that already syncs with a server is left as it is (it stands for what that server holds)."""
    path = tmp_path / DATABASE_FILE
    shutil.copy(demo_template[0], path)
    database = Database.open(tmp_path)
    migrate.downgrade(database.engine, "0015")
    database.dispose()
    assert DEMO_DATA not in settings_of(path)  # as version 0015 left it
    if sync_set_up:
        with sqlite3.connect(path) as connection:
            connection.execute(
                "INSERT INTO node_setting VALUES ('sync.server_url', 'https://sync.example.se')"
            )
        connection.close()
    Database.open(tmp_path).dispose()  # the start migrates it
    assert (DEMO_DATA in settings_of(path)) is not sync_set_up


def test_migration_0016_leaves_a_clinics_own_database_unmarked(empty_template: Path, tmp_path: Path) -> None:
    path = tmp_path / DATABASE_FILE
    shutil.copy(empty_template, path)
    database = Database.open(tmp_path)
    with database.write() as session:  # a clinic's own users, locations and warehouse
        organisation(session)
    migrate.downgrade(database.engine, "0015")
    database.dispose()
    Database.open(tmp_path).dispose()
    assert DEMO_DATA not in settings_of(path)


def test_the_first_start_asks_on_a_new_workstation_and_fills_nothing(tmp_path: Path) -> None:
    workstation = open_workstation(tmp_path, first_start=None)
    try:
        assert workstation.needs_first_start and workstation.users == () and not workstation.demo
    finally:
        workstation.database.dispose()


def test_the_first_start_on_demo_data_fills_and_marks_it(tmp_path: Path) -> None:
    workstation = open_workstation(tmp_path, first_start=FirstStart.DEMO)
    try:
        assert workstation.demo and workstation.demo_data_created and len(workstation.users) > 5
        assert not workstation.needs_first_start
    finally:
        workstation.database.dispose()
    assert settings_of(tmp_path / DATABASE_FILE)[FIRST_START] == "demo"


def test_the_first_start_empty_keeps_the_schema_and_is_not_asked_again(tmp_path: Path) -> None:
    workstation = open_workstation(tmp_path, first_start=FirstStart.EMPTY)
    workstation.database.dispose()
    again = open_workstation(tmp_path, first_start=None)
    try:
        assert again.users == () and not again.needs_first_start and not again.demo
    finally:
        again.database.dispose()


def test_a_first_start_choice_on_a_set_up_workstation_changes_nothing(demo_dir: Path) -> None:
    before = settings_of(demo_dir / DATABASE_FILE)
    database = Database.open(demo_dir)
    try:
        for choice in FirstStart:
            with pytest.raises(AlreadySetUp) as refused:
                set_up(database, demo_dir, choice)
            assert "already set up" in refused.value.sentence()
    finally:
        database.dispose()
    assert settings_of(demo_dir / DATABASE_FILE) == before
