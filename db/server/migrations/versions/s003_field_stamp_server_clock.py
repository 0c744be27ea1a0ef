"""field stamps are the server's clock: ``sync_field_stamp.recorded_at`` (a workstation's date) becomes
``edited_at``, when the server reckons the value was edited; the stamps kept so far stay as they are

Revision ID: s003
Revises: s002
Create Date: 2026-11-30 12:30:00
"""

from __future__ import annotations

from alembic import op

revision = "s003"
down_revision = "s002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_field_stamp", schema=None) as batch_op:
        batch_op.alter_column("recorded_at", new_column_name="edited_at")


def downgrade() -> None:
    with op.batch_alter_table("sync_field_stamp", schema=None) as batch_op:
        batch_op.alter_column("edited_at", new_column_name="recorded_at")
