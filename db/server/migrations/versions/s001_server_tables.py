"""server tables: workstations, change log, conflicts, field stamps, number leases

Revision ID: s001
Revises:
Create Date: 2026-11-23 07:47:44.560466
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_change",
        sa.Column(
            "server_seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("change_id", sa.Uuid(), nullable=False),
        sa.Column("workstation", sa.String(length=100), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("operation", sa.String(length=10), nullable=False),
        sa.Column("row", sa.JSON(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("server_seq", name=op.f("pk_sync_change")),
        sa.UniqueConstraint("change_id", name=op.f("uq_sync_change_change_id")),
    )
    with op.batch_alter_table("sync_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_change_row_id"), ["row_id"], unique=False)

    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("change_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by", sa.String(length=100), nullable=True),
        sa.Column("kept", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
        sa.UniqueConstraint("change_id", name=op.f("uq_sync_conflict_change_id")),
    )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflict_row_id"), ["row_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_conflict_status"), ["status"], unique=False)

    op.create_table(
        "sync_field_stamp",
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("column_name", sa.String(length=60), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("change_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", "column_name", name=op.f("pk_sync_field_stamp")),
    )
    op.create_table(
        "sync_number_counter",
        sa.Column("series", sa.String(length=40), nullable=False),
        sa.Column("year_week", sa.String(length=4), nullable=False),
        sa.Column("next_first", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("series", "year_week", name=op.f("pk_sync_number_counter")),
    )
    op.create_table(
        "sync_number_lease",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("series", sa.String(length=40), nullable=False),
        sa.Column("year_week", sa.String(length=4), nullable=False),
        sa.Column("first", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.Column("workstation", sa.String(length=100), nullable=False),
        sa.Column("leased_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_number_lease")),
        sa.UniqueConstraint(
            "series", "year_week", "first", name=op.f("uq_sync_number_lease_series_year_week_first")
        ),
    )
    op.create_table(
        "sync_workstation",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_workstation")),
        sa.UniqueConstraint("name", name=op.f("uq_sync_workstation_name")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_sync_workstation_token_hash")),
    )


def downgrade() -> None:
    op.drop_table("sync_workstation")
    op.drop_table("sync_number_lease")
    op.drop_table("sync_number_counter")
    op.drop_table("sync_field_stamp")
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflict_status"))
        batch_op.drop_index(batch_op.f("ix_sync_conflict_row_id"))

    op.drop_table("sync_conflict")
    with op.batch_alter_table("sync_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_change_row_id"))

    op.drop_table("sync_change")
