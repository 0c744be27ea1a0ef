"""article search: a trigram full-text index over article.search_key (R33, search as you type), an
index on article names, a balance index covering stock movement quantities, and the indexes fees are
looked up by (order line, individual)

A local index of the workstation's SQLite file, kept up to date by triggers; it is not a synced table
and the central server does not have it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 10:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_fee_order_line_id", "fee", ["order_line_id"])
    op.create_index("ix_fee_individual_id", "fee", ["individual_id"])
    op.create_index("ix_article_name", "article", ["name", "article_number"])
    op.drop_index("ix_stock_movement_warehouse_article", table_name="stock_movement")
    op.create_index("ix_stock_movement_balance", "stock_movement", ["warehouse_id", "article_id", "quantity"])
    if op.get_bind().dialect.name != "sqlite":
        return  # the central database: workstations search their own copy
    op.execute(
        "CREATE VIRTUAL TABLE article_search USING fts5("
        "search_key, content='article', content_rowid='rowid', tokenize='trigram')"
    )
    op.execute(
        "CREATE TRIGGER article_search_insert AFTER INSERT ON article BEGIN "
        "INSERT INTO article_search(rowid, search_key) VALUES (new.rowid, new.search_key); END"
    )
    op.execute(
        "CREATE TRIGGER article_search_delete AFTER DELETE ON article BEGIN "
        "INSERT INTO article_search(article_search, rowid, search_key) VALUES ('delete', old.rowid, old.search_key); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER article_search_update AFTER UPDATE OF search_key ON article BEGIN "
        "INSERT INTO article_search(article_search, rowid, search_key) VALUES ('delete', old.rowid, old.search_key); "
        "INSERT INTO article_search(rowid, search_key) VALUES (new.rowid, new.search_key); END"
    )
    op.execute("INSERT INTO article_search(article_search) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("article_search_insert", "article_search_delete", "article_search_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS article_search")
    op.drop_index("ix_stock_movement_balance", table_name="stock_movement")
    op.create_index("ix_stock_movement_warehouse_article", "stock_movement", ["warehouse_id", "article_id"])
    op.drop_index("ix_article_name", table_name="article")
    op.drop_index("ix_fee_individual_id", table_name="fee")
    op.drop_index("ix_fee_order_line_id", table_name="fee")
