"""The official table: idempotent upsert on (year, article, part), queries, pruning of stale rows."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, func, select

from milcourt.stats.official import (
    CHAPTER_TOTAL,
    OfficialRow,
    StoreNotMigrated,
    load_official,
    official_by_year,
    official_convictions,
    official_rows,
    read_directory,
)
from milcourt.store import open_store


@pytest.fixture(scope="module")
def forms(shared: Path):  # type: ignore[no-untyped-def]
    loaded, errors = read_directory(shared / "data" / "judicial-department")
    assert errors == []
    return loaded


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    """A migrated store: the store's migrations create the official table, not the loader."""
    with open_store(f"sqlite:///{tmp_path / 'store.db'}") as store:
        yield store.engine


@pytest.fixture
def bare_engine(tmp_path: Path) -> Engine:
    """A database no migration has touched."""
    return create_engine(f"sqlite:///{tmp_path / 'bare.db'}")


def _count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(official_convictions)).scalar_one())


def test_load_every_year_twice_changes_nothing(engine: Engine, forms) -> None:  # type: ignore[no-untyped-def]
    for form in forms:
        load_official(engine, form.rows)
    first = official_rows(engine)
    assert _count(engine) == sum(len(f.rows) for f in forms) == 2 * 61 + 7 * 63
    with engine.connect() as conn:
        stamps = conn.execute(select(official_convictions)).fetchall()
    time.sleep(1.1)  # loaded_at has one-second resolution
    for form in forms:
        load_official(engine, form.rows)
    assert official_rows(engine) == first
    with engine.connect() as conn:
        assert conn.execute(select(official_convictions)).fetchall() == stamps  # loaded_at included


def test_queries(engine: Engine, forms) -> None:  # type: ignore[no-untyped-def]
    for form in forms:
        load_official(engine, form.rows)
    assert official_by_year(engine, "337") == {
        2013: 651, 2014: 859, 2015: 984, 2016: 914, 2017: 1187, 2018: 983, 2019: 910, 2020: 519, 2021: 565,
    }
    assert official_by_year(engine, "337", "5") == {}
    assert official_by_year(engine, "глава 33")[2021] == 1083
    rows = official_rows(engine, article="ст. 337", year=2021)
    assert [(r["part"], r["convicted"], r["printed"]) for r in rows] == [
        ("", 565, False), ("1", 6, True), ("2", 0, True), ("3", 222, True), ("4", 337, True),
    ]
    chapter_first = official_rows(engine, year=2013)
    assert chapter_first[0]["article"] == CHAPTER_TOTAL and chapter_first[1]["article"] == "332"
    assert [r["article"] for r in chapter_first][-1] == "352"


def test_upsert_updates_and_prunes(engine: Engine) -> None:
    rows = [OfficialRow(2021, "337", "3", 222), OfficialRow(2021, "337", "4", 337), OfficialRow(2020, "337", "4", 312)]
    load_official(engine, rows)
    load_official(engine, [OfficialRow(2021, "337", "3", 223)])
    assert official_by_year(engine, "337", "3") == {2021: 223}
    # 2021 now holds only what its last load gave; 2020, not reloaded, is untouched
    assert official_by_year(engine, "337", "4") == {2020: 312}
    load_official(engine, [{"year": 2020, "article": "337", "part": "4", "convicted": 1}], prune=False)
    assert official_by_year(engine, "337", "4") == {2020: 1}


def test_queries_on_a_store_without_the_table(bare_engine: Engine) -> None:
    assert official_rows(bare_engine) == [] and official_by_year(bare_engine, "337") == {}
    assert load_official(bare_engine, []) == 0


def test_loading_into_an_unmigrated_database_names_it_and_creates_nothing(bare_engine: Engine) -> None:
    with pytest.raises(StoreNotMigrated, match=r"bare\.db: no official_convictions table.*open_store"):
        load_official(bare_engine, [OfficialRow(2021, "337", "3", 222)])
    assert official_rows(bare_engine) == []
