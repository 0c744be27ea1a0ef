"""inventory count entries: each count made at the shelf is a row of its own (R39)

An article's quantity or an individual found, who entered it and when; never edited except to name the
later entry the clerk chose over it. Two workstations counting the same warehouse offline merge on sync
without losing a count.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inventory_count_entry",
        sa.Column("inventory_count_id", sa.Uuid(), nullable=False),
        sa.Column("article_id", sa.Uuid(), nullable=False),
        sa.Column("individual_id", sa.Uuid(), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=True),
        sa.Column("entered_by_id", sa.Uuid(), nullable=False),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added", sa.Boolean(), nullable=False),
        sa.Column("replaced_by_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["article_id"], ["article.id"], name=op.f("fk_inventory_count_entry_article_id_article")
        ),
        sa.ForeignKeyConstraint(
            ["entered_by_id"],
            ["user_account.id"],
            name=op.f("fk_inventory_count_entry_entered_by_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["individual_id"],
            ["individual.id"],
            name=op.f("fk_inventory_count_entry_individual_id_individual"),
        ),
        sa.ForeignKeyConstraint(
            ["inventory_count_id"],
            ["inventory_count.id"],
            name=op.f("fk_inventory_count_entry_inventory_count_id_inventory_count"),
        ),
        sa.ForeignKeyConstraint(
            ["replaced_by_id"],
            ["inventory_count_entry.id"],
            name=op.f("fk_inventory_count_entry_replaced_by_id_inventory_count_entry"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inventory_count_entry")),
    )
    op.create_index(
        "ix_inventory_count_entry_inventory_count_id", "inventory_count_entry", ["inventory_count_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_inventory_count_entry_inventory_count_id", table_name="inventory_count_entry")
    op.drop_table("inventory_count_entry")
