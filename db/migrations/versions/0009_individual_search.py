"""individual search: a trigram full-text index over individual, serial and SIP numbers (R36, R38)

A worn label shows only part of a number, so the Individual tab finds an individual by any run of at
least four characters of its individual number (or of its serial or SIP number). A ``LIKE '%1234%'``
reads every row of a large register; the trigram index finds the run through the index. A complete
number is still looked up through the unique index on ``individual.individual_number``.

A local index of the workstation's SQLite file, kept up to date by triggers; it is not a synced table
and the central database does not have it.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 18:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

COLUMNS = "individual_number, serial_number, sip_number"
TRIGGERS = ("individual_search_insert", "individual_search_delete", "individual_search_update")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # the central database: workstations search their own copy
    op.execute(
        f"CREATE VIRTUAL TABLE individual_search USING fts5({COLUMNS}, "
        "content='individual', content_rowid='rowid', tokenize='trigram')"
    )
    op.execute(
        "CREATE TRIGGER individual_search_insert AFTER INSERT ON individual BEGIN "
        f"INSERT INTO individual_search (rowid, {COLUMNS}) "
        "VALUES (new.rowid, new.individual_number, new.serial_number, new.sip_number); END"
    )
    op.execute(
        "CREATE TRIGGER individual_search_delete AFTER DELETE ON individual BEGIN "
        f"INSERT INTO individual_search (individual_search, rowid, {COLUMNS}) "
        "VALUES ('delete', old.rowid, old.individual_number, old.serial_number, old.sip_number); END"
    )
    op.execute(
        f"CREATE TRIGGER individual_search_update AFTER UPDATE OF {COLUMNS} ON individual BEGIN "
        f"INSERT INTO individual_search (individual_search, rowid, {COLUMNS}) "
        "VALUES ('delete', old.rowid, old.individual_number, old.serial_number, old.sip_number); "
        f"INSERT INTO individual_search (rowid, {COLUMNS}) "
        "VALUES (new.rowid, new.individual_number, new.serial_number, new.sip_number); END"
    )
    op.execute("INSERT INTO individual_search (individual_search) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS individual_search")
