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

from app.articles import _statements, indexed_text, search_articles, search_key
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
    """Issue 9: a search that matches thousands of articles sorts them, takes the page, and only then sums
    the ledger and looks up the supplier of the page's rows (not of every match before sorting)."""
    for broad in (False, True):
        _count, page = _statements(filtered_type=False, assortment_only=False, broad=broad)
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


@pytest.mark.parametrize("typed", ["phonak", "r, b", "laddare", "örkrok", "moment 1 ", "zzzz"])
def test_r33_the_walk_of_the_name_index_and_the_sort_of_the_matches_find_the_same_page(
    demo: Database, typed: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many matches are paged by walking the name index, few by sorting them (``WALK_PER_LOOKUP``); the walk
    of an unfiltered search first goes only part of the way (``WALK_SPAN``), then, unless that proved the
    page whole, walks on or sorts: every way gives the same hits in the same order."""
    import app.articles as articles

    walked = articles._walked_page
    outcomes = []

    def watched(*args: Any) -> Any:
        outcomes.append(result := walked(*args))
        return result

    monkeypatch.setattr(articles, "_walked_page", watched)
    pages = []
    # Never the walk; the walk, from none of the index (then sorted) to all of it.
    for walk_per_lookup, span in ((0, 3), (10**9, 0), (10**9, 1), (10**9, 3), (10**9, 10**6)):
        monkeypatch.setattr(articles, "WALK_PER_LOOKUP", walk_per_lookup)
        monkeypatch.setattr(articles, "WALK_SPAN", span)
        with demo.read() as session:
            found = search_articles(session, typed, limit=30)
        pages.append(([hit.id for hit in found.hits], found.total))
    assert all(page == pages[0] for page in pages)
    assert typed == "zzzz" or pages[0][0]
    if typed != "zzzz":  # the part walked proved the page whole, or sent it on to a whole walk, or a sort
        assert {(rows is not None, then_walk) for rows, then_walk in outcomes} >= {
            (True, True),
            (False, False),
        }
