"""A store made by schema version 1 upgrades to the latest without losing a row."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from milcourt.courts.registry import all_courts
from milcourt.store import open_store, schema_v3
from milcourt.store.migrations import LATEST, MIGRATIONS
from milcourt.store.query import list_cases, list_proceedings
from milcourt.store.schema import metadata

NOW = datetime(2024, 8, 1, 12, 0)
UID = "61GV0004-01-2024-000197-32"


def _v1_rows(conn) -> None:  # type: ignore[no-untyped-def]
    """Two cards of one matter and an act, written as a version-1 store held them."""
    snap = {"source": "x.html", "url": None, "fetched_at": NOW, "ingested_at": NOW, "parser_version": "0.1.0",
            "kind": "case_card", "size": 10, "synthetic": False}
    conn.execute(sa.text("INSERT INTO snapshots VALUES (:sha256, :source, :url, :fetched_at, :ingested_at, "
                         ":parser_version, :kind, :size, :synthetic)"),
                 [{**snap, "sha256": "a" * 64}, {**snap, "sha256": "b" * 64}])
    case = {"court_code_source": "uid", "number_full": None, "category": "Уголовные дела", "judge": "Иванов С.П.",
            "url": None, "synthetic": False, "first_seen": NOW, "last_seen": NOW, "current_version": 1,
            "content_sha": "c" * 64, "lower_judge": None, "lower_decided": None}
    conn.execute(sa.text(
        "INSERT INTO cases (id, court_code, court_code_source, number, instance, uid, number_full, category, "
        "received, judge, decided, result, lower_court, lower_number, lower_judge, lower_decided, url, synthetic, "
        "first_seen, last_seen, current_version, content_sha, snapshot_sha) VALUES (:id, :court_code, "
        ":court_code_source, :number, :instance, :uid, :number_full, :category, :received, :judge, :decided, "
        ":result, :lower_court, :lower_number, :lower_judge, :lower_decided, :url, :synthetic, :first_seen, "
        ":last_seen, :current_version, :content_sha, :snapshot_sha)"), [
        {**case, "id": 1, "court_code": "61GV0004", "number": "1-57/2024", "instance": "first", "uid": UID,
         "received": date(2024, 3, 11), "decided": date(2024, 5, 6), "result": "Вынесен ПРИГОВОР",
         "lower_court": None, "lower_number": None, "snapshot_sha": "a" * 64},
        {**case, "id": 2, "court_code": "61OV0000", "number": "22-311/2024", "instance": "appeal", "uid": None,
         "received": date(2024, 6, 14), "decided": date(2024, 7, 18), "result": "оставлен БЕЗ ИЗМЕНЕНИЯ",
         "lower_court": "Краснодарский гарнизонный военный суд", "lower_number": "1-57/2024",
         "snapshot_sha": "b" * 64},
    ])
    conn.execute(sa.text("INSERT INTO case_versions (case_id, version, snapshot_sha, seen_at, changed, content) "
                         "VALUES (:c, 1, :s, :t, NULL, :j)"),
                 [{"c": 1, "s": "a" * 64, "t": NOW, "j": "{}"}, {"c": 2, "s": "b" * 64, "t": NOW, "j": "{}"}])
    conn.execute(sa.text("INSERT INTO persons VALUES (1, 1, 1, 'P-0c91aa', 'ОБВИНЯЕМЫЙ', :d, 'приговор')"),
                 {"d": date(2024, 5, 6)})
    conn.execute(sa.text("INSERT INTO charges VALUES (1, 1, 1, 1, 'УК РФ', '337', '5', NULL)"))
    conn.execute(sa.text("INSERT INTO acts (case_id, version, act_no, title, text, text_sha) VALUES "
                         "(1, 1, 1, 'Приговор', 'признать виновным в самовольном оставлении части', :s)"),
                 {"s": "d" * 64})


def test_version_1_store_migrates_to_latest_without_loss(store_url: str) -> None:
    versions = [m[0] for m in MIGRATIONS]
    assert versions == list(range(1, LATEST + 1)) and LATEST >= 2  # numbered 1..N, no gap
    store = open_store(store_url, migrate=False)
    assert store.migrate(target=1) == [1]
    assert store.schema_version() == 1
    with store.engine.begin() as conn:
        _v1_rows(conn)
        assert "proceeding_id" not in {c["name"] for c in sa.inspect(conn).get_columns("cases")}

    assert store.migrate() == versions[1:]
    assert store.schema_version() == LATEST
    assert store.migrate() == []  # idempotent

    with store.engine.connect() as conn:
        inspector = sa.inspect(conn)
        for table in metadata.tables.values():  # the migrated database has exactly schema.py's columns
            have = {c["name"] for c in inspector.get_columns(table.name)} - {"tsv"}
            assert have == set(table.columns.keys()), table.name
        rows = list_cases(conn)
        assert [(r["number"], r["articles"]) for r in rows] == [("1-57/2024", [{"law": "УК РФ", "article": "337", "part": "5", "point": None, "stage": None}]),
                                                                ("22-311/2024", [])]
        assert all(r["removed_from_source"] is None for r in rows)
        (proceeding,) = list_proceedings(conn)  # migration 2 linked the cards already stored
        assert [i["number"] for i in proceeding["instances"]] == ["1-57/2024", "22-311/2024"]
        found = list_cases(conn, text="самовольном оставлении")  # and indexed the acts already stored
        assert [r["number"] for r in found] == ["1-57/2024"]


def test_migrations_build_the_store_without_the_live_table_definitions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each step spells out its own DDL: with the live v3 definitions unusable, a new store still
    reaches the latest version, with the official table and the courts registry in place."""
    def live_schema_read(md: sa.MetaData) -> dict[str, sa.Table]:
        raise AssertionError("a migration read the live schema")

    monkeypatch.setattr(schema_v3, "define", live_schema_read)
    store = open_store(f"sqlite:///{tmp_path / 'fresh.db'}")
    assert store.schema_version() == LATEST
    with store.engine.connect() as conn:
        official = {c["name"] for c in sa.inspect(conn).get_columns("official_convictions")}
        assert official == set(metadata.tables["official_convictions"].columns.keys())
        courts = conn.execute(sa.text("SELECT count(*) FROM courts WHERE military")).scalar_one()
    assert courts == sum(1 for c in all_courts() if c.military) > 0
    store.close()
