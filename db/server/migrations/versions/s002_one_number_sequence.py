"""one running number sequence per week: the counter belongs to a week, not to a series, and goes on after
the highest number any series of that week handed out, so no number is leased twice

A lease records the week's block only; older leases lose the series they were made for (their blocks of
different series overlapped, which is what this change ends).

Revision ID: s002
Revises: s001
Create Date: 2026-11-30 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s002"
down_revision = "s001"
branch_labels = None
depends_on = None

SERIES = ("order", "purchase_order", "activity", "pickup_order", "return")


def _counter(with_series: bool) -> sa.TableClause:
    columns: list[sa.ColumnClause[object]] = [sa.column("year_week"), sa.column("next_first")]
    if with_series:
        columns.insert(0, sa.column("series"))
    return sa.table("sync_number_counter", *columns)


def upgrade() -> None:
    bind = op.get_bind()
    old = _counter(with_series=True)
    weeks = [
        {"year_week": week, "next_first": next_first}
        for week, next_first in bind.execute(
            sa.select(old.c.year_week, sa.func.max(old.c.next_first)).group_by(old.c.year_week)
        )
    ]
    op.drop_table("sync_number_counter")
    counter = op.create_table(
        "sync_number_counter",
        sa.Column("year_week", sa.String(length=4), nullable=False),
        sa.Column("next_first", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year_week", name=op.f("pk_sync_number_counter")),
    )
    if weeks:
        op.bulk_insert(counter, weeks)
    with op.batch_alter_table("sync_number_lease", schema=None) as batch_op:
        batch_op.drop_constraint("uq_sync_number_lease_series_year_week_first", type_="unique")
        batch_op.drop_column("series")


def downgrade() -> None:
    """Every series goes on after the week's shared counter."""
    bind = op.get_bind()
    weeks = [dict(row) for row in bind.execute(sa.select(_counter(with_series=False))).mappings()]
    with op.batch_alter_table("sync_number_lease", schema=None) as batch_op:
        batch_op.add_column(sa.Column("series", sa.String(length=40), nullable=False, server_default="order"))
    op.drop_table("sync_number_counter")
    counter = op.create_table(
        "sync_number_counter",
        sa.Column("series", sa.String(length=40), nullable=False),
        sa.Column("year_week", sa.String(length=4), nullable=False),
        sa.Column("next_first", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("series", "year_week", name=op.f("pk_sync_number_counter")),
    )
    rows = [{**week, "series": series} for week in weeks for series in SERIES]
    if rows:
        op.bulk_insert(counter, rows)
