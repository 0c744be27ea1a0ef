"""life events: lost or stolen devices (R41), changes of recipient (R42), devices bought over from another
region and the lines written off a patient's list when they move out (R43)

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30 23:00:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def _common() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    ]


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"))


def upgrade() -> None:
    op.create_table(
        "lost_device_report",
        sa.Column("individual_id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=True),
        sa.Column("stolen", sa.Boolean(), nullable=False),
        sa.Column("police_reference", sa.String(length=40), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("residual_value", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("admin_fee", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("fee_id", sa.Uuid(), nullable=False),
        sa.Column("service_location_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        *_common(),
        _fk("lost_device_report", "individual_id", "individual"),
        _fk("lost_device_report", "patient_id", "patient"),
        _fk("lost_device_report", "fee_id", "fee"),
        _fk("lost_device_report", "service_location_id", "service_location"),
        _fk("lost_device_report", "user_id", "user_account"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lost_device_report")),
    )
    op.create_index("ix_lost_device_report_individual_id", "lost_device_report", ["individual_id"])
    op.create_index("ix_lost_device_report_patient_id", "lost_device_report", ["patient_id"])
    op.create_table(
        "recipient_change",
        sa.Column("individual_id", sa.Uuid(), nullable=False),
        sa.Column("from_patient_id", sa.Uuid(), nullable=False),
        sa.Column("to_patient_id", sa.Uuid(), nullable=False),
        sa.Column("full_function_confirmed", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("service_location_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        *_common(),
        _fk("recipient_change", "individual_id", "individual"),
        _fk("recipient_change", "from_patient_id", "patient"),
        _fk("recipient_change", "to_patient_id", "patient"),
        _fk("recipient_change", "service_location_id", "service_location"),
        _fk("recipient_change", "user_id", "user_account"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recipient_change")),
    )
    op.create_index("ix_recipient_change_individual_id", "recipient_change", ["individual_id"])
    op.create_index("ix_recipient_change_from_patient_id", "recipient_change", ["from_patient_id"])
    op.create_index("ix_recipient_change_to_patient_id", "recipient_change", ["to_patient_id"])
    op.create_table(
        "bought_over_device",
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("selling_region", sa.String(length=200), nullable=False),
        sa.Column("supplier_id", sa.Uuid(), nullable=False),
        sa.Column("supplier_article_number", sa.String(length=40), nullable=False),
        sa.Column("article_id", sa.Uuid(), nullable=False),
        sa.Column("price", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("age_months", sa.Integer(), nullable=False),
        sa.Column("individual_number", sa.String(length=40), nullable=False),
        sa.Column("individual_id", sa.Uuid(), nullable=True),
        sa.Column("approving_contact", sa.String(length=200), nullable=False),
        sa.Column("warehouse_id", sa.Uuid(), nullable=False),
        sa.Column("service_location_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("bought_on", sa.Date(), nullable=False),
        *_common(),
        _fk("bought_over_device", "patient_id", "patient"),
        _fk("bought_over_device", "supplier_id", "supplier"),
        _fk("bought_over_device", "article_id", "article"),
        _fk("bought_over_device", "individual_id", "individual"),
        _fk("bought_over_device", "warehouse_id", "warehouse"),
        _fk("bought_over_device", "service_location_id", "service_location"),
        _fk("bought_over_device", "user_id", "user_account"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bought_over_device")),
    )
    op.create_index("ix_bought_over_device_patient_id", "bought_over_device", ["patient_id"])
    op.create_table(
        "aid_write_off",
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("order_line_id", sa.Uuid(), nullable=False),
        sa.Column("article_id", sa.Uuid(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("service_location_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("written_off_on", sa.Date(), nullable=False),
        *_common(),
        _fk("aid_write_off", "patient_id", "patient"),
        _fk("aid_write_off", "order_line_id", "order_line"),
        _fk("aid_write_off", "article_id", "article"),
        _fk("aid_write_off", "service_location_id", "service_location"),
        _fk("aid_write_off", "user_id", "user_account"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aid_write_off")),
    )
    op.create_index("ix_aid_write_off_patient_id", "aid_write_off", ["patient_id"])
    op.create_index("ix_aid_write_off_order_line_id", "aid_write_off", ["order_line_id"])


def downgrade() -> None:
    for table in ("aid_write_off", "bought_over_device", "recipient_change", "lost_device_report"):
        op.drop_table(table)
