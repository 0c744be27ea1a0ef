"""article search: a version of the catalogue's name order, counted up by triggers

A search sorts its matches into name order. Looking each match up in the article table (its rows spread
over the file) took most of a keystroke's time when a criterion matched a few thousand articles. Each read
connection of a workstation now keeps, in its own temporary memory, every article's place in name order and
the two columns the search filters on (``app.articles``); it must know when that copy is out of date. This
counter goes up with every insert or delete of an article and every change of its name, article number,
type or assortment flag, in the same transaction, whether the change is the clerk's, sync's or the demo
data's; a connection whose copy was made at another version does not use it.

A local table of the workstation's SQLite file, like the balances of 0011: not synced, never written by
sync, and the central database does not have it.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01 08:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

#: The columns of ``article`` whose change moves an article in name order or in or out of a filter.
ORDERED_COLUMNS = ("name", "article_number", "article_type", "in_assortment")
TRIGGERS = {
    "article_catalogue_version_insert": "AFTER INSERT ON article",
    "article_catalogue_version_delete": "AFTER DELETE ON article",
    "article_catalogue_version_update": f"AFTER UPDATE OF {', '.join(ORDERED_COLUMNS)} ON article",
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TABLE article_catalogue_version ("
        "id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)"
    )
    op.execute("INSERT INTO article_catalogue_version (id, version) VALUES (1, 0)")
    for name, when in TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER {name} {when} BEGIN "
            "UPDATE article_catalogue_version SET version = version + 1 WHERE id = 1; END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS article_catalogue_version")
