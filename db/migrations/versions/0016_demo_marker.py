"""demo marker: a workstation database that earlier versions filled with demo data is marked as such

From this version on ``app.demo_data.generate`` marks the databases it fills (node setting
``node.demo_data``), and a marked database never syncs with a clinic's real server. A database made by an
earlier version from demo data is recognised here by what only the demo holds: its service location
HM-LUND "Hörselmottagningen Lund" and a user at an e-mail address under ``skane.example`` or
``horselkliniken.example`` (``.example`` is reserved for examples, RFC 2606: no real clinic has one). A
database that already has a sync server stands for what that server holds (a clinic whose first data
happened to be the demo's, or a training server's): it is left unmarked, so a working clinic is not cut
off. Only a workstation's SQLite database is looked at; the central database holds no node settings.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01 01:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

DEMO_DATA = "node.demo_data"

_DEMO_HELD = sa.text(
    "SELECT "
    "EXISTS (SELECT 1 FROM service_location WHERE code = 'HM-LUND' AND name = 'Hörselmottagningen Lund') "
    "AND EXISTS (SELECT 1 FROM user_account WHERE email LIKE '%@skane.example' "
    "OR email LIKE '%@horselkliniken.example') "
    "AND NOT EXISTS (SELECT 1 FROM node_setting WHERE key = 'sync.server_url')"
)


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    if connection.execute(_DEMO_HELD).scalar():
        connection.execute(
            sa.text("INSERT OR REPLACE INTO node_setting (key, value) VALUES (:key, '1')"), {"key": DEMO_DATA}
        )


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    connection.execute(sa.text("DELETE FROM node_setting WHERE key = :key"), {"key": DEMO_DATA})
