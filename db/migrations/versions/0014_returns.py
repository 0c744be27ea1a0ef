"""returns: the checklist kept with each returned line (R29), infection and incident per line (R32), and
the return wizard's drafts kept on this workstation only

``return_check`` syncs like every return row; ``return_draft`` is local to the node (never logged, never
synced), like the change log itself.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 23:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_LINES = ("pickup_order_line", "stock_return_line")


def upgrade() -> None:
    for table in _LINES:
        op.add_column(
            table, sa.Column("infection_known", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        op.add_column(table, sa.Column("incident", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "return_check",
        sa.Column("pickup_order_line_id", sa.Uuid(), nullable=True),
        sa.Column("stock_return_line_id", sa.Uuid(), nullable=True),
        sa.Column("point", sa.String(40), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["pickup_order_line_id"],
            ["pickup_order_line.id"],
            name=op.f("fk_return_check_pickup_order_line_id_pickup_order_line"),
        ),
        sa.ForeignKeyConstraint(
            ["stock_return_line_id"],
            ["stock_return_line.id"],
            name=op.f("fk_return_check_stock_return_line_id_stock_return_line"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_check")),
    )
    op.create_index("ix_return_check_pickup_order_line_id", "return_check", ["pickup_order_line_id"])
    op.create_index("ix_return_check_stock_return_line_id", "return_check", ["stock_return_line_id"])
    op.create_table(
        "return_draft",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("subject", sa.String(60), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_draft")),
        sa.UniqueConstraint("subject", "user_id", name=op.f("uq_return_draft_subject_user_id")),
    )


def downgrade() -> None:
    op.drop_table("return_draft")
    op.drop_index("ix_return_check_stock_return_line_id", table_name="return_check")
    op.drop_index("ix_return_check_pickup_order_line_id", table_name="return_check")
    op.drop_table("return_check")
    for table in _LINES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("incident")
            batch.drop_column("infection_known")
