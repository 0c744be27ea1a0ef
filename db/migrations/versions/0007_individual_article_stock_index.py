"""individuals: one index covers the free devices of an article in a warehouse

Sending an order takes devices from the central warehouse 70 for its individually marked lines; which
devices are free was read row by row from the individual table (through the index on ``article_id``,
then each row for its warehouse and status), a few thousand scattered pages per order on a large
database. This index holds article, warehouse, status and id, so the free devices are one range of it;
it starts with ``article_id``, so it serves every lookup the plain ``article_id`` index served, which
it replaces.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 14:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_individual_article_stock", "individual", ["article_id", "warehouse_id", "status", "id"]
    )
    op.drop_index("ix_individual_article_id", table_name="individual")


def downgrade() -> None:
    op.create_index("ix_individual_article_id", "individual", ["article_id"])
    op.drop_index("ix_individual_article_stock", table_name="individual")
