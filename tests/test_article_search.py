"""R33 article search through the full-text index: every criterion, of one, two or more characters, finds
exactly the articles whose search key holds it (as a plain substring test would), and the index follows
the articles when they are added, renamed or removed."""

from __future__ import annotations

import importlib
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from app.articles import _ordered_statements, _statements, indexed_text, search_articles, search_key
from app.database import Database
from db.models import Article, StockMovement, Supplier, Warehouse
from db.models.enums import ArticleType

#: What the full-text index holds for a search key ``{k}``, as the view and the triggers say (migration 0005).
INDEXED_TEXT = importlib.import_module(
    "db.migrations.versions.0005_article_search_short_criteria"
).INDEXED_TEXT

NAMES = (
    "Phonak Audéo Lumity 90 RIC R, beige",
    "Oticon More 2 miniRITE T, silver",
    "Signia Pure Charge&Go IX 7 RIC R, grafit",
    "Widex Evoke 440 RIC 312, beige",
    "Örkrok standard, 10-pack",
    'Dome "öppen" 8 mm',
    "Laddkit Signia (laddare + nätadapter)",
)


def keys(database: Database) -> list[str]:
    with database.read() as session:
        return list(session.scalars(select(Article.search_key)))


def expected(all_keys: list[str], typed: str) -> int:
    criteria = typed.lower().split()
    return sum(all(c in key for c in criteria) for key in all_keys)


def index_is_consistent(database: Database) -> None:
    """FTS5's own check of an external-content index against the text it should hold (the view)."""
    with database.write() as session:
        session.execute(
            text("INSERT INTO article_search (article_search, rank) VALUES ('integrity-check', 1)")
        )


def add_article(session: Session, name: str, number: str) -> Article:
    supplier = session.scalars(select(Supplier)).first()
    if supplier is None:
        supplier = Supplier(number="S1", name="Sonova Nordic AB (Phonak)")
        session.add(supplier)
        session.flush()
    row = Article(
        article_number=number,
        name=name,
        supplier_id=supplier.id,
        supplier_article_number=f"{number[:3]}-{number[3:]}",
        iso_code="220615",
        article_type=ArticleType.MAIN_AID,
        price=Decimal("100"),
        search_key=search_key(name, supplier.name, f"{number[:3]}-{number[3:]}", number),
    )
    session.add(row)
    session.flush()
    return row


@pytest.fixture
def catalogue(database: Database) -> Database:
    with database.seed() as session:
        for position, name in enumerate(NAMES):
            add_article(session, name, f"{963620 + position}")
    return database


@pytest.mark.parametrize(
    "typed",
    [
        "r, be",
        "widex a",
        "t, s",
        "ric r",
        "pho au",
        "ör s",
        "8 mm",
        '"öp',
        "+ nä",
        "(la",
        "10-",
        "ix 7",
        "ge g",
    ],
)
def test_r33_criteria_of_one_or_two_characters_match_like_any_other(catalogue: Database, typed: str) -> None:
    all_keys = keys(catalogue)
    with catalogue.read() as session:
        found = search_articles(session, typed)
    assert found.total == len(found.hits) == expected(all_keys, typed), typed


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=200, deadline=None)
@given(
    typed=st.lists(
        st.text(alphabet="abcdeilmnoprstuxgö0123456789 ,-&+()\"'*:", min_size=1, max_size=4),
        min_size=1,
        max_size=3,
    ).map(" ".join)
)
def test_r33_any_criteria_find_exactly_what_a_substring_test_finds(catalogue: Database, typed: str) -> None:
    all_keys = keys(catalogue)
    with catalogue.read() as session:
        found = search_articles(session, typed)
    if found.refusal:
        assert len("".join(typed.split())) < 3
    else:
        assert found.total == expected(all_keys, typed), typed


def test_r33_the_index_follows_articles_added_renamed_and_removed(catalogue: Database) -> None:
    with catalogue.seed() as session:
        added = add_article(session, "Zq hörapparat", "555001")
    with catalogue.read() as session:
        assert search_articles(session, "zq h").total == 1
    with catalogue.seed() as session:
        row = session.get(Article, added.id)
        assert row is not None
        row.name = "Xy hörapparat"
        row.search_key = row.search_key.replace("zq h", "xy h")
    with catalogue.read() as session:
        assert search_articles(session, "zq h").total == 0
        assert search_articles(session, "xy h").total == 1
    index_is_consistent(catalogue)
    with catalogue.seed() as session:
        session.execute(delete(Article).where(Article.id == added.id))
    with catalogue.read() as session:
        assert search_articles(session, "xy h").total == 0
    index_is_consistent(catalogue)


def test_r33_demo_catalogue_index_holds_what_the_view_says(demo: Database) -> None:
    index_is_consistent(demo)
    with demo.read() as session:
        assert search_articles(session, "phonak r, b").total > 0


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=300, deadline=None)
@given(
    key=st.one_of(st.sampled_from(["", " ", "  a  b ", "aaaa", "é\u0301", "😀 x😀"]), st.text(max_size=60))
)
def test_r33_the_text_a_first_download_indexes_is_the_views_text(database: Database, key: str) -> None:
    """A first download feeds the article index text made in Python (``indexed_text``); a later change of
    the article removes it with the text the view's SQL gives (the triggers), so the two must be equal to
    the character, for any key: spaces, repeats, accents, characters beyond the BMP."""
    key = key.replace("\x00", "")  # SQLite's text ends at a NUL
    with database.read() as session:
        view_text = session.execute(
            text(f"SELECT {INDEXED_TEXT.format(k=':key')}"), {"key": key}
        ).scalar_one()
    assert indexed_text(key) == view_text


def test_ledger_and_supplier_are_read_for_the_page_only(catalogue: Database) -> None:
    """Issue 9: a search that matches thousands of articles sorts them (in the connection's name order, or
    looked up), takes the page, and only then sums the ledger and looks up the supplier of the page's rows
    (not of every match before sorting, nor by walking the article table's name index)."""
    ordered = _ordered_statements(filtered_type=False, assortment_only=False)[1]
    for page in [
        _statements(filtered_type=False, assortment_only=False, broad=b)[1] for b in (False, True)
    ] + [ordered]:
        with catalogue.read() as session:
            search_articles(session, "pho")  # the matches, in the connection's temporary table
            compiled = page.compile(session.get_bind())
            parameters = {**compiled.construct_params({"limit": 100, "warehouse_id": None})}
            positional = [parameters[name] for name in compiled.positiontup or ()]
            plan = session.connection().exec_driver_sql(
                "EXPLAIN QUERY PLAN " + str(compiled), tuple(positional)
            )
            rows = [(row[0], row[1], row[3]) for row in plan]
        top = [detail for _id, parent, detail in rows if parent == 0]
        # The outer query walks the chosen page, then looks up each of its rows; the matches are read and
        # sorted inside the page's own subquery.
        loops = [detail for detail in top if detail.startswith(("SCAN", "SEARCH"))]
        assert "MATERIALIZE page" in top and loops[0] == "SCAN page", rows


def test_r33_each_hit_shows_the_ledgers_balance_in_the_warehouse_searched(demo: Database) -> None:
    """The balance a hit shows (read from the balances the workstation keeps) is the sum of the warehouse's
    ledger for the article; a warehouse that shows none (750) gives none."""
    with demo.read() as session:
        own = session.scalars(select(Warehouse).where(Warehouse.code == "L-LUND")).one()
        direct = session.scalars(select(Warehouse).where(Warehouse.code == "750")).one()
        found = search_articles(session, "phonak", warehouse_id=own.id, limit=500)
        summed = select(StockMovement.article_id, func.sum(StockMovement.quantity)).where(
            StockMovement.warehouse_id == own.id
        )
        ledger: dict[Any, int] = {
            article_id: quantity
            for article_id, quantity in session.execute(summed.group_by(StockMovement.article_id))
        }
        assert any(ledger.get(hit.id, 0) != 0 for hit in found.hits)
        assert [hit.balance for hit in found.hits] == [ledger.get(hit.id, 0) for hit in found.hits]
        assert all(
            hit.balance is None for hit in search_articles(session, "phonak", warehouse_id=direct.id).hits
        )


#: What each walk of the first places of the name order gave in the last ``searched_ways``: the page, or None.
walked: list[Any] = []


def searched_ways(
    database: Database, typed: str, monkeypatch: pytest.MonkeyPatch, **filters: Any
) -> tuple[list[tuple[list[Any], int]], list[bool]]:
    """The page and total of *typed* reached every way: in the connection's name order (its first places
    walked, or the matches sorted), and without it by walking the name index or by looking the matches up
    and sorting them; and which ways were in the name order."""
    import app.articles as articles

    in_order = articles._in_name_order
    ways: list[bool] = []

    def watched(session: Session) -> bool:
        ways.append(result := in_order(session))
        return result

    monkeypatch.setattr(articles, "_in_name_order", watched)
    walk = articles._walked_page
    walked.clear()
    monkeypatch.setattr(articles, "_walked_page", lambda *args: walked.append(found := walk(*args)) or found)
    pages = []
    with database.read() as session:  # a connection whose name order is made when it goes back
        search_articles(session, typed, limit=30, **filters)
    # In the name order: the first places walked, none of them (then sorted), all of them; never walked.
    for walk_per_lookup, span in ((25, 3), (10**9, 0), (10**9, 10**6), (0, 3)):
        monkeypatch.setattr(articles, "WALK_PER_LOOKUP", walk_per_lookup)
        monkeypatch.setattr(articles, "WALK_SPAN", span)
        with database.read() as session:
            found = search_articles(session, typed, limit=30, **filters)
        pages.append(([hit.id for hit in found.hits], found.total))
    monkeypatch.setattr(articles, "_in_name_order", lambda session: False)
    for walk_per_lookup in (10**9, 0):  # the walk of the name index; the sort of the matches
        monkeypatch.setattr(articles, "WALK_PER_LOOKUP", walk_per_lookup)
        with database.read() as session:
            found = search_articles(session, typed, limit=30, **filters)
        pages.append(([hit.id for hit in found.hits], found.total))
    return pages, ways


@pytest.mark.parametrize("typed", ["phonak", "r, b", "laddare", "örkrok", "moment 1 ", "zzzz"])
@pytest.mark.parametrize(
    "filters",
    [{}, {"assortment_only": True}, {"article_type": ArticleType.ACCESSORY}],
    ids=["all", "assortment", "type"],
)
def test_r33_the_name_order_the_walk_and_the_sort_find_the_same_page(
    demo: Database, typed: str, filters: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A connection sorts the matches by its own copy of the name order once it has one; without it, many
    matches are paged by walking the name index, few by sorting them (``WALK_PER_LOOKUP``): every way gives
    the same hits in the same order, and the same total, filtered or not."""
    pages, ways = searched_ways(demo, typed, monkeypatch, **filters)
    assert all(page == pages[0] for page in pages)
    assert typed == "zzzz" or "article_type" in filters or pages[0][0]
    assert ways[1:5] == [True] * 4  # the searches after the first on the connection were in its name order
    if typed in ("phonak", "r, b") and not filters:  # many matches: the walk held the page, or did not
        assert {rows is not None for rows in walked} == {True, False}


def test_r33_the_name_order_follows_the_catalogue(demo: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A connection's name order is of the catalogue it reads: an article added ahead of all others, one
    renamed to the end, one taken out of the assortment and one of another type are where the catalogue
    says at the next search, not where the connection's copy had them (migration 0017's version)."""
    searched_ways(demo, "phonak", monkeypatch)  # the connection now has the name order
    monkeypatch.undo()
    with demo.seed() as session:
        first = add_article(session, "AAAA Phonak först", "555101")
        hits = search_articles(session, "phonak", limit=5).hits
        renamed = session.get(Article, hits[1].id)
        out = session.get(Article, hits[2].id)
        other = session.get(Article, hits[3].id)
        assert renamed is not None and out is not None and other is not None
        renamed.name = "ÖÖÖÖ " + renamed.name
        out.in_assortment = False
        other.article_type = ArticleType.SERVICE
    for filters in ({}, {"assortment_only": True}, {"article_type": ArticleType.SERVICE}):
        pages, ways = searched_ways(demo, "phonak", monkeypatch, **filters)
        monkeypatch.undo()
        assert all(page == pages[0] for page in pages), filters
        assert ways == [False] + [True] * 4 if not filters else ways[1:5] == [True] * 4
    with demo.read() as session:
        ordered = [hit.id for hit in search_articles(session, "phonak", limit=500).hits]
        assert ordered[0] == first.id and ordered[-1] == renamed.id
        assert out.id not in [hit.id for hit in search_articles(session, "phonak", assortment_only=True).hits]
        typed = search_articles(session, "phonak", article_type=ArticleType.SERVICE)
        assert other.id in [hit.id for hit in typed.hits]
        assert all(hit.article_type is ArticleType.SERVICE for hit in typed.hits)


def test_r33_the_catalogue_version_counts_what_moves_an_article(catalogue: Database) -> None:
    """Migration 0017: a change of name, number, type or assortment, an insert and a delete count the
    version up; a change of price does not (the name order is not made again for it)."""

    def version() -> int:
        with catalogue.read() as session:
            return int(session.execute(text("SELECT version FROM article_catalogue_version")).scalar_one())

    with catalogue.read() as session:
        article_id = session.scalars(select(Article.id).limit(1)).one()
    changes = {
        "name": "Zz sist",
        "article_number": "555999",
        "article_type": ArticleType.ACCESSORY,
        "in_assortment": False,
        "price": Decimal("1"),
    }
    for name, value in changes.items():
        before = version()
        with catalogue.seed() as session:
            row = session.get(Article, article_id)
            assert row is not None
            setattr(row, name, value)
        assert version() == before + (name != "price"), name
    before = version()
    with catalogue.seed() as session:
        added = add_article(session, "Ny", "555998")
    assert version() == before + 1
    with catalogue.seed() as session:
        session.execute(delete(Article).where(Article.id == added.id))
    assert version() == before + 2
