"""sync issues: the conflicts and refused changes the server reported get a table of their own, instead
of JSON kept among the node settings; the ones already kept there are moved over

Local bookkeeping of the node, like the change log; not a synced table.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 11:10:00
"""

from __future__ import annotations

import datetime as dt
import json
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

ISSUE_PREFIX = "sync.issue."  # the node-setting keys the issues were kept under before


def upgrade() -> None:
    issue = op.create_table(
        "sync_issue",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_issue")),
    )
    setting = sa.table("node_setting", sa.column("key", sa.String()), sa.column("value", sa.String()))
    bind = op.get_bind()
    kept = bind.execute(
        sa.select(setting.c.key, setting.c.value).where(setting.c.key.startswith(ISSUE_PREFIX))
    )
    rows = []
    for key, value in kept:
        data = json.loads(value)
        rows.append(
            {
                "id": uuid.UUID(key.removeprefix(ISSUE_PREFIX)),
                "kind": data["kind"],
                "table_name": data["table"],
                "row_id": uuid.UUID(data["row_id"]),
                "description": data["description"],
                "status": data["status"],
                "created_at": dt.datetime.fromisoformat(data["created_at"]),
                "versions": data["versions"],
            }
        )
    if rows:
        op.bulk_insert(issue, rows)
    bind.execute(sa.delete(setting).where(setting.c.key.startswith(ISSUE_PREFIX)))


def downgrade() -> None:
    op.drop_table("sync_issue")
