"""Alembic, driven from code: the migration scripts live in ``db/migrations``.

Alembic is imported only when it is used: a workstation that starts on a database already at the head
schema (the usual start) learns that from ``script_head`` and never loads it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r'^revision = "([^"]+)"$', re.MULTILINE)
_DOWN_REVISION = re.compile(r'^down_revision = (?:None|"([^"]+)")$', re.MULTILINE)


@cache
def script_head() -> str | None:
    """The head revision as the migration files state it (``revision = "…"``, ``down_revision = "…"``),
    read without importing Alembic; None when a file does not state them plainly (then ask Alembic)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        text = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN_REVISION.search(text)
        if revision is None or down is None:
            return None
        revisions.add(revision.group(1))
        if down.group(1):
            parents.add(down.group(1))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(engine), revision)


#: Tables the migrations make that no model describes: the workstation's full-text indexes (0003, 0009).
LOCAL_INDEX_TABLES = ("article_search", "individual_search")
#: Local tables the workstation derives and keeps with triggers, described by no model: the balances
#: (migration 0011) and the version of the catalogue's name order (0017).
LOCAL_DERIVED_TABLES = frozenset({"stock_balance", "article_catalogue_version"})


def described_by_models(name: str | None, type_: str, parent_names: object) -> bool:
    """For Alembic's ``include_name``: leave out the full-text indexes and their shadow tables, and the
    derived tables."""
    return not (
        type_ == "table"
        and name is not None
        and (name.startswith(LOCAL_INDEX_TABLES) or name in LOCAL_DERIVED_TABLES)
    )
