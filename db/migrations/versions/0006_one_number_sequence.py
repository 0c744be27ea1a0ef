"""one running number sequence per week: a number block belongs to a week, no longer to one series, so
an order, a purchase order, an activity, a pickup order and a return never share a ``YYWWNNNN`` number

What is left of the blocks held so far: on a workstation that does not sync, every number of a week was its
own, so the week keeps one block that goes on after the highest number any series handed out. On a
workstation set up for sync, the unused rest of a series' block may be a number another workstation gave
to another series; those rests are dropped, and the next sync leases blocks of the shared sequence.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 12:00:00
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SERVER_URL = "sync.server_url"  # the node setting a workstation set up for sync holds
LAST_RUNNING = 9999
SERIES = ("order", "purchase_order", "activity", "pickup_order", "return")


def _blocks() -> sa.TableClause:
    return sa.table(
        "number_block",
        sa.column("id", sa.Uuid()),
        sa.column("year_week", sa.String()),
        sa.column("first", sa.Integer()),
        sa.column("last", sa.Integer()),
        sa.column("next", sa.Integer()),
    )


def upgrade() -> None:
    bind = op.get_bind()
    setting = sa.table("node_setting", sa.column("key", sa.String()), sa.column("value", sa.String()))
    syncing = bind.execute(sa.select(setting.c.value).where(setting.c.key == SERVER_URL)).first() is not None
    blocks = _blocks()
    held = bind.execute(
        sa.select(blocks.c.year_week, sa.func.max(blocks.c.next)).group_by(blocks.c.year_week)
    ).all()
    kept = (
        []
        if syncing
        else [
            {"id": uuid.uuid4(), "year_week": week, "first": 1, "last": LAST_RUNNING, "next": highest_next}
            for week, highest_next in held
        ]
    )
    op.drop_table("number_block")
    table = op.create_table(
        "number_block",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("year_week", sa.String(length=4), nullable=False),
        sa.Column("first", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.Column("next", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_number_block")),
        sa.UniqueConstraint("year_week", "first", name=op.f("uq_number_block_year_week_first")),
    )
    if kept:
        op.bulk_insert(table, kept)


def downgrade() -> None:
    """Every series gets a copy of the week's blocks, used as far as the shared sequence went."""
    bind = op.get_bind()
    blocks = _blocks()
    rows = [dict(row) for row in bind.execute(sa.select(blocks)).mappings()]
    op.drop_table("number_block")
    table = op.create_table(
        "number_block",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "series",
            sa.Enum(*SERIES, name="numberseries", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("year_week", sa.String(length=4), nullable=False),
        sa.Column("first", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.Column("next", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_number_block")),
        sa.UniqueConstraint(
            "series", "year_week", "first", name=op.f("uq_number_block_series_year_week_first")
        ),
    )
    copies = [{**row, "id": uuid.uuid4(), "series": series} for row in rows for series in SERIES]
    if copies:
        op.bulk_insert(table, copies)
