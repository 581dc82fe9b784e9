"""The store's verbs: cases (every filter, full text), proceedings, db migrate and db info."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import store_pages as pages
from milcourt.cli import app
from milcourt.store import open_store
from milcourt.store.migrations import LATEST

CARDS = [
    (pages.sgs_first, "http://syktsud.komi.sudrf.ru/modules.php?name=sud_delo&case_id=1"),
    (pages.sgs_appeal, "http://vs.komi.sudrf.ru/modules.php?name=sud_delo&case_id=2"),
    (pages.garrison_first, "http://gvs.krd.sudrf.ru/modules.php?name=sud_delo&case_id=11"),
    (pages.district_appeal, "http://yovs.ros.sudrf.ru/modules.php?name=sud_delo&case_id=12"),
]


@pytest.fixture
def filled(store_url: str) -> str:
    store = open_store(store_url)
    for make, url in CARDS:
        page = make()
        store.ingest_parsed(page, pages.raw(page), source=url, url=url, synthetic=make is pages.district_appeal)
    store.close()
    return store_url


def run(*args: str) -> list[dict]:  # type: ignore[type-arg]
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def numbers(rows: list[dict]) -> list[str]:  # type: ignore[type-arg]
    return [r["number"] for r in rows]


def test_cases_json_rows(filled: str) -> None:
    rows = run("cases", "--db", filled, "--json")
    assert numbers(rows) == ["33-6190/2025", "2-7212/2025", "1-57/2024", "22-311/2024"]  # by court code
    garrison = rows[2]
    assert garrison == {
        "court_code": "61GV0004", "number": "1-57/2024", "instance": "first", "uid": "61GV0004-01-2024-000197-32",
        "received": "2024-03-11", "decided": "2024-05-06", "result": "Вынесен ПРИГОВОР",
        "articles": [{"law": "УК РФ", "article": "337", "part": "5", "point": None, "stage": None}], "proceeding_id": garrison["proceeding_id"], "synthetic": False,
        "removed_from_source": None, "version": 1,
    }
    assert rows[3]["proceeding_id"] == garrison["proceeding_id"] and rows[3]["synthetic"] is True
    assert rows[0]["proceeding_id"] == rows[1]["proceeding_id"] != garrison["proceeding_id"]


@pytest.mark.parametrize(("args", "expected"), [
    (["--court", "61gv0004"], ["1-57/2024"]),
    (["--article", "337"], ["1-57/2024", "22-311/2024"]),
    (["--article", "338"], []),
    (["--since", "2025-01-01"], ["33-6190/2025", "2-7212/2025"]),
    (["--until", "2024-06-30"], ["1-57/2024"]),
    (["--since", "2024-07-01", "--until", "2024-12-31"], ["22-311/2024"]),
    (["--uid", "11rs0001-01-2025-011255-03"], ["33-6190/2025", "2-7212/2025"]),
    (["--text", "самовольном оставлении части"], ["1-57/2024"]),
    (["--text", "невыплаченной заработной платы"], ["2-7212/2025"]),
    (["--text", "оставлении заработной"], []),  # a phrase, not a bag of words
    (["--text", "учел его объяснения"], ["1-57/2024"]),  # ё and е are one letter to the search
    (["--text", "Учёл его"], ["1-57/2024"]),
])
def test_cases_filters(filled: str, args: list[str], expected: list[str]) -> None:
    assert numbers(run("cases", "--db", filled, "--json", *args)) == expected


def test_cases_table_output(filled: str) -> None:
    result = CliRunner().invoke(app, ["cases", "--db", filled, "--article", "337"])
    assert result.exit_code == 0
    assert "61GV0004" in result.stdout and "ст.337 ч.5 УК РФ" in result.stdout


def test_bad_date_is_a_usage_error(filled: str) -> None:
    result = CliRunner().invoke(app, ["cases", "--db", filled, "--since", "01.01.2024"])
    assert result.exit_code == 2


def test_proceedings(filled: str) -> None:
    rows = run("proceedings", "--db", filled, "--json")
    assert sorted(len(r["instances"]) for r in rows) == [2, 2]
    (sgs,) = run("proceedings", "--db", filled, "--json", "--uid", pages.SGS_UID)
    assert [(i["instance"], i["court_code"]) for i in sgs["instances"]] == [
        ("first", "11RS0001"), ("appeal", "11OS0000")]


def test_db_migrate_and_info(store_url: str) -> None:
    result = CliRunner().invoke(app, ["db", "migrate", "--db", store_url])
    assert result.exit_code == 0 and f"schema version 0 → {LATEST}" in result.stdout
    (facts,) = run("db", "info", "--db", store_url, "--json")
    assert facts["schema_version"] == facts["latest_version"] == LATEST
    assert facts["counts"]["cases"] == 0
    page = pages.garrison_first()
    open_store(store_url).ingest_parsed(page, pages.raw(page), source="a")
    (facts,) = run("db", "info", "--db", store_url, "--json")
    assert {k: facts["counts"][k] for k in ("snapshots", "cases", "case_versions", "charges", "proceedings")} == {
        "snapshots": 1, "cases": 1, "case_versions": 1, "charges": 1, "proceedings": 1}


def test_db_url_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "env.db"
    monkeypatch.setenv("MILCOURT_DB", f"sqlite:///{target}")
    missing = CliRunner().invoke(app, ["db", "info", "--json"])  # a look creates no store
    assert missing.exit_code == 1 and f"no store at {target}" in missing.stderr and not target.exists()
    CliRunner().invoke(app, ["db", "migrate"])
    (facts,) = run("db", "info", "--json")
    assert facts["schema_version"] == facts["latest_version"] > 0 and target.exists()


def test_default_store_is_in_the_data_dir(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MILCOURT_HOME", str(tmp_path))
    monkeypatch.delenv("MILCOURT_DB", raising=False)
    store = open_store()
    assert store.engine.url.database == str(tmp_path / "milcourt.db")
    assert store.archive.root == tmp_path / "archive"
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_store_urls() -> None:
    from milcourt.store.db import archive_dir_for, normalise_url

    assert normalise_url("postgresql://u@h:5432/db").drivername == "postgresql+psycopg"
    assert normalise_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    assert normalise_url("sqlite:////srv/m/cases.db").database == "/srv/m/cases.db"
    assert str(archive_dir_for(normalise_url("sqlite:////srv/m/cases.db"))) == "/srv/m/archive"
    with pytest.raises(ValueError, match="unsupported store URL"):
        normalise_url("mysql://u@h/db")


def test_unreachable_store_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, ["db", "info", "--db", "mysql://u@h/db"])
    assert result.exit_code == 2 and "cannot open store mysql://u@h/db" in result.stderr
