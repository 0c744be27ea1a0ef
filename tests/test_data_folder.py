"""A data folder or database file the program cannot use: an empty (0-byte) database file, a read-only
folder or file, a folder that is a file, a full disk. Each gives one sentence, in the window and on the
command line, exits cleanly and changes nothing.

Root writes into read-only folders anyway, so the commands run without the capabilities that let root
override file permissions (``setpriv`` drops them from the process it starts); any other user is refused
by the permissions themselves. The folders are made read-only with ``chmod``, as a clerk's would be.
"""

from __future__ import annotations

import os
import resource
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.database import DATABASE_FILE, Database
from app.errors import DatabaseFileEmpty
from app.startup import open_workstation
from db import migrate
from db.engine import create_sqlite_engine

READ_ONLY_FOLDER = "cannot write in its data folder"
READ_ONLY_FILE = "cannot be written (read-only or disk full)"


def as_clerk() -> list[str]:
    """The prefix that runs a command as a user whom file permissions stop."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def run(*command: str, limit_file_size: int | None = None) -> subprocess.CompletedProcess[str]:
    def limit() -> None:  # a full disk: the process may not write files beyond this size
        if limit_file_size is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_size, limit_file_size))

    return subprocess.run(
        [*as_clerk(), sys.executable, "-m", *command],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        preexec_fn=limit,
    )


def admin(data_dir: Path, *arguments: str, **options: int) -> subprocess.CompletedProcess[str]:
    return run("app.cli", *arguments, "--data-dir", str(data_dir), **options)


def smoke(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return run("ui.main", "--smoke", "--data-dir", str(data_dir))


def one_sentence(result: subprocess.CompletedProcess[str], words: str) -> None:
    """The command said it in one line (the window's start says "start failed: …"), without a traceback."""
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    lines = [line for line in output.splitlines() if words in line]
    assert len(lines) == 1, output
    assert lines[0].startswith("start failed: ") == (result.args[-3:-1] == ["--smoke", "--data-dir"]), output


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())} if folder.is_dir() else {}


@pytest.fixture
def migrated(empty_template: Path, tmp_path: Path) -> Iterator[Path]:
    """A data folder holding a migrated database; made writable again after the test."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(empty_template, folder / DATABASE_FILE)
    yield folder
    folder.chmod(0o755)


def read_only(path: Path) -> None:
    path.chmod(stat.S_IMODE(path.stat().st_mode) & ~0o222)


# ---------------------------------------------------------------------------------------------- empty file


def test_an_empty_database_file_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    (tmp_path / DATABASE_FILE).touch()
    with pytest.raises(DatabaseFileEmpty) as caught:
        Database.open(tmp_path)
    sentence = caught.value.sentence()
    assert "empty (0 bytes)" in sentence and str(tmp_path / DATABASE_FILE) in sentence
    assert "restore it from the latest backup" in sentence
    with pytest.raises(DatabaseFileEmpty):
        open_workstation(tmp_path)  # no demo data is written into it
    assert [p.name for p in tmp_path.iterdir()] == [DATABASE_FILE]
    assert (tmp_path / DATABASE_FILE).stat().st_size == 0


def test_an_empty_database_file_gets_one_sentence_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / DATABASE_FILE).touch()
    for command in (("migrate",), ("demo-data", "--scale", "small")):
        result = admin(tmp_path, *command)
        assert result.returncode == 2
        one_sentence(result, "empty (0 bytes)")
    assert (tmp_path / DATABASE_FILE).stat().st_size == 0


def test_a_new_database_appears_only_once_it_is_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The program never leaves an empty or half-made file where the database should be (so a 0-byte file
    there is always someone else's failed copy)."""
    real_upgrade = migrate.upgrade

    def interrupted(engine: object, revision: str = "head") -> None:
        real_upgrade(engine, "0001")  # type: ignore[arg-type]
        raise KeyboardInterrupt  # the program was stopped half-way

    monkeypatch.setattr(migrate, "upgrade", interrupted)
    with pytest.raises(KeyboardInterrupt):
        Database.open(tmp_path)
    assert not (tmp_path / DATABASE_FILE).exists()
    monkeypatch.setattr(migrate, "upgrade", real_upgrade)
    Database.open(tmp_path).dispose()  # the next start makes it afresh
    assert sorted(p.name for p in tmp_path.iterdir()) == [DATABASE_FILE]
    engine = create_sqlite_engine(tmp_path / DATABASE_FILE)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


# ---------------------------------------------------------------------------------------------- read-only


def test_a_read_only_data_folder_gets_one_sentence_and_changes_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    read_only(empty)
    try:
        for result, code in ((admin(empty, "migrate"), 2), (smoke(empty), 1)):
            assert result.returncode == code, result.stdout + result.stderr
            one_sentence(result, READ_ONLY_FOLDER)
        assert list(empty.iterdir()) == []
        below = empty / "below"  # a data folder that cannot even be made
        result = admin(below, "demo-data")
        assert result.returncode == 2
        one_sentence(result, READ_ONLY_FOLDER)
    finally:
        empty.chmod(0o755)


def test_a_read_only_folder_holding_the_database_gets_one_sentence(migrated: Path) -> None:
    before = snapshot(migrated)
    read_only(migrated)
    for result, code in ((admin(migrated, "migrate"), 2), (smoke(migrated), 1)):
        assert result.returncode == code, result.stdout + result.stderr
        one_sentence(result, READ_ONLY_FOLDER)
    assert snapshot(migrated) == before


def test_a_read_only_database_file_is_refused_at_start_not_at_the_first_save(migrated: Path) -> None:
    read_only(migrated / DATABASE_FILE)
    before = (migrated / DATABASE_FILE).read_bytes()
    for result, code in ((admin(migrated, "migrate"), 2), (smoke(migrated), 1)):
        assert result.returncode == code, result.stdout + result.stderr
        one_sentence(result, READ_ONLY_FILE)
    assert (migrated / DATABASE_FILE).read_bytes() == before


def test_a_data_folder_that_is_a_file_gets_one_sentence(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file where the folder should be")
    for result, code in ((admin(not_a_folder, "migrate"), 2), (smoke(not_a_folder), 1)):
        assert result.returncode == code, result.stdout + result.stderr
        one_sentence(result, READ_ONLY_FOLDER)
    assert not_a_folder.read_text() == "a file where the folder should be"


# ---------------------------------------------------------------------------------------------- full disk


def test_a_full_disk_before_migrating_gets_one_sentence_and_leaves_the_database_as_it_was(
    tmp_path: Path,
) -> None:
    """The backup made before a migration does not fit on the disk (the process may write no file larger
    than 64 KiB): the database keeps its old schema and no half backup is left beside it."""
    engine = create_sqlite_engine(tmp_path / DATABASE_FILE)
    migrate.upgrade(engine, "0001")
    engine.dispose()
    before = snapshot(tmp_path)
    result = admin(tmp_path, "migrate", limit_file_size=64 * 1024)
    assert result.returncode == 2, result.stdout + result.stderr
    one_sentence(result, READ_ONLY_FILE)
    assert snapshot(tmp_path) == before
    with sqlite3.connect(tmp_path / DATABASE_FILE) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
