"""stock: a balance per warehouse and article, derived from the ledger by triggers (R35, balances of a
whole warehouse at once), and an index that lists an article's ledger in one warehouse

The Stock tab lists a warehouse's balances for every hit and filters them by balance (zero, negative,
below the reorder level). Summing the ledger for that reads every movement of the warehouse (1.4 million
in the central warehouse of the large demo database) before the first row can be shown; this table holds
the sums, kept by triggers on ``stock_movement`` in the same transaction as each movement (local writes
and rows pulled by sync alike). It is a local, derived table of the workstation's SQLite file: it is not
synced, sync never writes it, and the central server does not have it; the ledger stays the truth.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 17:40:00
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_ADD = (
    "INSERT INTO stock_balance (warehouse_id, article_id, quantity) "
    "VALUES ({row}.warehouse_id, {row}.article_id, {sign}{row}.quantity) "
    "ON CONFLICT (warehouse_id, article_id) DO UPDATE SET quantity = quantity + excluded.quantity;"
)


def upgrade() -> None:
    # An article's ledger in one warehouse, newest first, is one range of this index; it starts with
    # ``article_id``, so it serves every lookup the plain ``article_id`` index served, which it replaces.
    op.create_index(
        "ix_stock_movement_ledger", "stock_movement", ["article_id", "warehouse_id", "occurred_at"]
    )
    op.drop_index("ix_stock_movement_article_id", table_name="stock_movement")
    if op.get_bind().dialect.name != "sqlite":
        return  # the central database sums its ledger where it needs a balance
    op.execute(
        "CREATE TABLE stock_balance ("
        "warehouse_id CHAR(32) NOT NULL, article_id CHAR(32) NOT NULL, quantity INTEGER NOT NULL, "
        "PRIMARY KEY (warehouse_id, article_id)) WITHOUT ROWID"
    )
    op.execute("CREATE INDEX ix_stock_balance_quantity ON stock_balance (warehouse_id, quantity)")
    op.execute(
        "INSERT INTO stock_balance (warehouse_id, article_id, quantity) "
        "SELECT warehouse_id, article_id, sum(quantity) FROM stock_movement GROUP BY warehouse_id, article_id"
    )
    op.execute(
        "CREATE TRIGGER stock_balance_insert AFTER INSERT ON stock_movement BEGIN "
        + _ADD.format(row="new", sign="")
        + " END"
    )
    op.execute(
        "CREATE TRIGGER stock_balance_delete AFTER DELETE ON stock_movement BEGIN "
        + _ADD.format(row="old", sign="-")
        + " END"
    )
    op.execute(
        "CREATE TRIGGER stock_balance_update AFTER UPDATE OF warehouse_id, article_id, quantity "
        "ON stock_movement BEGIN "
        + _ADD.format(row="old", sign="-")
        + " "
        + _ADD.format(row="new", sign="")
        + " END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("stock_balance_insert", "stock_balance_delete", "stock_balance_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS stock_balance")
    op.create_index("ix_stock_movement_article_id", "stock_movement", ["article_id"])
    op.drop_index("ix_stock_movement_ledger", table_name="stock_movement")
