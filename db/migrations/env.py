"""Alembic environment: the engine comes from ``db.migrate`` (no alembic.ini, no URL in a file)."""

from __future__ import annotations

from alembic import context

from db.migrate import described_by_models
from db.models import Base

engine = context.config.attributes["engine"]

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=described_by_models,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
