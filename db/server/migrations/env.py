"""Alembic environment of the server's own tables (own version table; the engine comes from code)."""

from __future__ import annotations

from alembic import context

from db.server.models import ServerBase

VERSION_TABLE = "alembic_version_server"

engine = context.config.attributes["engine"]

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=ServerBase.metadata,
        version_table=VERSION_TABLE,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
