"""patient search: the first-name index also holds the last name

A search such as "ek gun" (the longer word starts a first name, the other one a last name) scanned every
patient whose first name starts with "gun" through an index of first names alone: each row was read from
the table to test its last name and then sorted, several milliseconds per keystroke on a large register.
With the last name beside the first name in the index, the test is made in the index and the rows come
in the order the list shows them, so the scan stops at the limit.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 14:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_patient_first_key", table_name="patient")
    op.create_index("ix_patient_first_key_last_key", "patient", ["first_name_key", "last_name_key"])


def downgrade() -> None:
    op.drop_index("ix_patient_first_key_last_key", table_name="patient")
    op.create_index("ix_patient_first_key", "patient", ["first_name_key"])
