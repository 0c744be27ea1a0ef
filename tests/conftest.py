"""Fixtures: a migrated template database made once, copied for each test (Anki-style templates)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.database import DATABASE_FILE, Database


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated to head, with no rows."""
    folder = tmp_path_factory.mktemp("empty-template")
    Database.open(folder).dispose()
    return folder / DATABASE_FILE


@pytest.fixture
def database(empty_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh, empty, migrated database of its own for one test."""
    shutil.copy(empty_template, tmp_path / DATABASE_FILE)
    db = Database.open(tmp_path)
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The small demo database, built once per test run; returns (path, summary)."""
    from app import demo_data

    folder = tmp_path_factory.mktemp("demo-template")
    db = Database.open(folder)
    summary = demo_data.generate(db, "small")
    db.dispose()
    return folder / DATABASE_FILE, summary


@pytest.fixture
def demo_dir(demo_template, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """A data directory holding a private copy of the small demo database."""
    path, _summary = demo_template
    shutil.copy(path, tmp_path / DATABASE_FILE)
    return tmp_path


@pytest.fixture
def demo(demo_dir: Path) -> Iterator[Database]:
    db = Database.open(demo_dir)
    yield db
    db.dispose()


@pytest.fixture
def examples(demo_template) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Stable showcase identity numbers of the demo data (ordinary, protected, deceased, …)."""
    return dict(demo_template[1].examples)
