"""articles: a GTIN (the number in the EAN-13 or GS1 DataMatrix on the box), so a scan finds the article

Stored as GTIN-14 (a GTIN-13 gets a leading 0), indexed for the scan lookup (issue 11); the supplier
article number gets an index too, as a scan of a supplier's own code (HIBC) looks the article up by it.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 20:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE (no batch copy of the table: the full-text index's view reads it).
    op.add_column("article", sa.Column("gtin", sa.String(14), nullable=True))
    op.create_index("ix_article_gtin", "article", ["gtin"])
    op.create_index("ix_article_supplier_article_number", "article", ["supplier_article_number"])


def downgrade() -> None:
    op.drop_index("ix_article_supplier_article_number", table_name="article")
    op.drop_index("ix_article_gtin", table_name="article")
    op.drop_column("article", "gtin")
