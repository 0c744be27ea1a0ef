"""the central database's history id (``sync_server_setting``), renewed by ``hearing-desk-server restored``
after a restore from a backup, so that workstations notice and send again what the restore took away

Revision ID: s004
Revises: s003
Create Date: 2026-12-01 02:40:00
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "s004"
down_revision = "s003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    setting = op.create_table(
        "sync_server_setting",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_server_setting")),
    )
    op.bulk_insert(setting, [{"key": "history", "value": uuid.uuid4().hex}])


def downgrade() -> None:
    op.drop_table("sync_server_setting")
