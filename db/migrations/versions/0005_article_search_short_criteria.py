"""article search: criteria of one or two characters are found through the full-text index too

The trigram index (0003) finds criteria of three or more characters; shorter ones ("widex a", "r, be")
were checked row by row against every match, which took tens of milliseconds per keystroke on a large
catalogue. The index now also holds, after the article's search key, each character and each pair of
adjacent characters of the key, each written between marks no key contains: "\\ue000" + c + "\\ue000"
for a character, "\\ue001" + c1 + c2 for a pair. Those are three characters long, so the trigram index
finds them, and a criterion of one or two characters becomes one more term of the same full-text query
(exact: the marks never occur in a key or a criterion). What is indexed is defined once, by the view
``article_search_text``; the triggers feed the index the same expression.

A local index of the workstation's SQLite file, kept up to date by triggers; it is not a synced table
and the central database does not have it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 12:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

#: The longest search key (``article.search_key`` is VARCHAR(400)); positions 1..400 number its characters.
KEY_LENGTH = 400

#: What the index holds for a search key *k*: the key, a separating mark, then its distinct characters
#: (other than spaces) and distinct pairs of adjacent characters (without a space), each with its marks,
#: in one sorted order (the same text every time it is computed, as an external-content index requires).
INDEXED_TEXT = """{k} || char(57346) || coalesce((
    SELECT group_concat(term, '') FROM (
        SELECT char(57344) || substr({k}, n, 1) || char(57344) AS term
        FROM article_search_position WHERE n <= length({k}) AND substr({k}, n, 1) <> ' '
        UNION
        SELECT char(57345) || substr({k}, n, 2)
        FROM article_search_position WHERE n < length({k}) AND instr(substr({k}, n, 2), ' ') = 0
        ORDER BY 1
    )), '')"""

TRIGGERS = ("article_search_insert", "article_search_delete", "article_search_update")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # the central database: workstations search their own copy
    _drop_index()
    op.execute("CREATE TABLE article_search_position (n INTEGER PRIMARY KEY)")
    op.execute(
        "WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < "
        f"{KEY_LENGTH}) INSERT INTO article_search_position (n) SELECT n FROM p"
    )
    op.execute(
        "CREATE VIEW article_search_text (article_rowid, search_key) AS "
        f"SELECT rowid, {INDEXED_TEXT.format(k='search_key')} FROM article"
    )
    op.execute(
        "CREATE VIRTUAL TABLE article_search USING fts5(search_key, content='article_search_text', "
        "content_rowid='article_rowid', tokenize='trigram')"
    )
    new, old = INDEXED_TEXT.format(k="new.search_key"), INDEXED_TEXT.format(k="old.search_key")
    op.execute(
        "CREATE TRIGGER article_search_insert AFTER INSERT ON article BEGIN "
        f"INSERT INTO article_search (rowid, search_key) VALUES (new.rowid, {new}); END"
    )
    op.execute(
        "CREATE TRIGGER article_search_delete AFTER DELETE ON article BEGIN "
        f"INSERT INTO article_search (article_search, rowid, search_key) VALUES ('delete', old.rowid, {old}); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER article_search_update AFTER UPDATE OF search_key ON article BEGIN "
        f"INSERT INTO article_search (article_search, rowid, search_key) VALUES ('delete', old.rowid, {old}); "
        f"INSERT INTO article_search (rowid, search_key) VALUES (new.rowid, {new}); END"
    )
    op.execute("INSERT INTO article_search (article_search) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop_index()
    op.execute("DROP VIEW IF EXISTS article_search_text")
    op.execute("DROP TABLE IF EXISTS article_search_position")
    # The trigram index of 0003, over the search key alone.
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


def _drop_index() -> None:
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS article_search")
