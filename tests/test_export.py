"""Exports read back equal to the store; every column is in the codebook; no names leave."""

from __future__ import annotations

import csv
import json
import re
from datetime import date, datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from milcourt.cli import app
from milcourt.courts.registry import find_court
from milcourt.publish.export import EXPORT_TABLES, rows_of
from milcourt.store import open_store
from storebuilder import Case, add

REPO = Path(__file__).resolve().parent.parent
ACT = "ПРИГОВОР Именем Российской Федерации ... Краснодарский гарнизонный военный суд ... признать виновным"


@pytest.fixture
def store(store_url: str):  # type: ignore[no-untyped-def]
    store = open_store(store_url)
    add(store, Case("61GV0004", "1-10/2024", "2024-03-05", [("337", "5")], decided="2024-05-02", act=ACT,
                    uid="61GV0004-01-2024-000010-11",
                    facts={"sentence_kind": "imprisonment", "term_months": 66, "regime": "general",
                           "sentence_years": 5, "sentence_months": 6}, motives=("family",)))
    add(store, Case("61OV0000", "22-5/2024", "2024-06-01", [("337", "5")], instance="appeal",
                    uid="61GV0004-01-2024-000010-11",
                    lower={"court": "Краснодарский гарнизонный военный суд", "number": "1-10/2024",
                           "judge": None, "decided": "2024-05-02"}))
    add(store, Case("61GV0004", "1-11/2024", "2024-03-07", [("338", "1")], synthetic=True))
    yield store
    store.close()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def test_csv_and_parquet_read_back_equal_the_store(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for fmt in ("csv", "parquet", "jsonl"):
        out = tmp_path / fmt
        result = CliRunner().invoke(app, ["export", "--format", fmt, "--out", str(out), "--db",
                                          str(store.engine.url.render_as_string(hide_password=False))])
        assert result.exit_code == 0, result.output
    with store.engine.connect() as conn:
        for name in EXPORT_TABLES:
            columns, rows = rows_of(conn, name)
            with (tmp_path / "csv" / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
                read = list(csv.DictReader(fh))
            assert [list(r) for r in read[:1]] in ([columns], [])
            assert read == [{c: _text(r[c]) for c in columns} for r in rows], name
            table = pq.read_table(tmp_path / "parquet" / f"{name}.parquet").to_pylist()
            assert [{c: _text(v) for c, v in r.items()} for r in table] == \
                   [{c: _text(r[c]) for c in columns} for r in rows], name
            lines = (tmp_path / "jsonl" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
            assert len(lines) == len(rows)
    cases = list(csv.DictReader((tmp_path / "csv" / "cases.csv").open(encoding="utf-8")))
    assert sorted(c["number"] for c in cases) == ["1-10/2024", "22-5/2024"]  # synthetic left out
    for case in cases:  # a label column for people beside every court code
        court = find_court(case["court_code"])
        assert court is not None and case["court_name"] == court.name
    proceedings = list(csv.DictReader((tmp_path / "csv" / "proceedings.csv").open(encoding="utf-8")))
    assert len({p["proceeding_id"] for p in proceedings}) == 1 and len(proceedings) == 2


def test_export_carries_codebook_licence_and_no_private_data(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x"
    url = store.engine.url.render_as_string(hide_password=False)
    assert CliRunner().invoke(app, ["export", "--format", "jsonl", "--out", str(out), "--db", url]).exit_code == 0
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in readme and "Dataout.org" in readme
    codebook = (out / "codebook.md").read_text(encoding="utf-8")
    with store.engine.connect() as conn:
        for name in EXPORT_TABLES:
            columns, _ = rows_of(conn, name)
            section = re.search(rf"^## {name}\.\*.*?(?=^## |\Z)", codebook, flags=re.M | re.S)
            assert section, f"codebook has no section for {name}"
            for col in columns:
                documented = col in section.group(0) or (name == "act_facts" and col in codebook)
                assert documented, f"codebook lacks {name}.{col}"
    everything = "".join(p.read_text(encoding="utf-8") for p in out.glob("*.jsonl"))
    assert "archive" not in everything and "/tmp/" not in everything  # no operator paths
    persons = [json.loads(line) for line in (out / "persons.jsonl").read_text(encoding="utf-8").splitlines()]
    assert persons and all(re.fullmatch(r"P-[0-9a-f]{6}", p["pseudonym"]) for p in persons)


def test_duckdb_reads_the_parquet(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import duckdb
    out = tmp_path / "pq"
    url = store.engine.url.render_as_string(hide_password=False)
    assert CliRunner().invoke(app, ["export", "--format", "parquet", "--out", str(out), "--db", url]).exit_code == 0
    rows = duckdb.sql(
        f"SELECT c.number, s.regime FROM '{out}/cases.parquet' c JOIN '{out}/sentences.parquet' s "
        "ON s.case_id = c.id ORDER BY c.number"
    ).fetchall()
    assert rows == [("1-10/2024", "general")]


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--format", "xlsx", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "unknown format" in result.output
