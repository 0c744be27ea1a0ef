"""The schema check at start: the head read from the migration files is Alembic's, and a database already
at the head opens without loading Alembic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from db import migrate


def test_the_head_read_from_the_migration_files_is_alembics() -> None:
    assert migrate.script_head() == migrate.head_revision()


def test_a_database_at_the_head_opens_without_alembic(empty_template: Path) -> None:
    probe = (
        "import sys; from pathlib import Path; from app.database import Database; "
        f"Database.open(Path({str(empty_template.parent)!r})).dispose(); print('alembic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "False"
