"""articles: a reorder level, below which a warehouse's balance is to be replenished (R35 balance filter)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 17:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE (no batch copy of the table: the full-text index's view reads it).
    op.add_column("article", sa.Column("reorder_level", sa.Integer(), nullable=False, server_default="0"))
    op.create_index(
        "ix_article_reorder_level",
        "article",
        ["reorder_level"],
        sqlite_where=sa.text("reorder_level > 0"),
        postgresql_where=sa.text("reorder_level > 0"),
    )


def downgrade() -> None:
    op.drop_index("ix_article_reorder_level", table_name="article")
    op.drop_column("article", "reorder_level")
