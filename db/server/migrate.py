"""Migrations of the central database: the domain schema (``db.migrate``) plus the server's own tables."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from db import migrate as domain

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "alembic_version_server"


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def server_head_revision() -> str:
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def current_revisions(engine: Engine) -> tuple[str | None, str | None]:
    """(domain revision, server-table revision) of the database behind *engine*."""
    with engine.connect() as connection:
        return (
            MigrationContext.configure(connection).get_current_revision(),
            MigrationContext.configure(
                connection, opts={"version_table": VERSION_TABLE}
            ).get_current_revision(),
        )


def is_current(engine: Engine) -> bool:
    return current_revisions(engine) == (domain.head_revision(), server_head_revision())


def upgrade(engine: Engine) -> None:
    """Bring both the domain schema and the server's tables to their heads."""
    domain.upgrade(engine)
    command.upgrade(alembic_config(engine), "head")
