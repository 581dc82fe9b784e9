"""The courts registry: all 111 military courts, their levels, parents and code lookups."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from milcourt.cli import app
from milcourt.courts.registry import all_courts, code_from_uid, find_by_host, find_court, military_courts


def test_military_courts_by_level() -> None:
    levels = Counter(c.level for c in military_courts())
    assert levels == {"garrison": 100, "district": 9, "appeal": 1, "cassation": 1}


def test_packaged_copy_matches_shared_source(shared: Path) -> None:
    """The shipped registry is a faithful derivation of the Dataout.org list."""
    source = json.loads((shared / "data" / "courts" / "sudrf_websites.json").read_text("utf-8"))
    codes = {entry["court_id"] for entries in source.values() for entry in entries}
    assert {c.code for c in all_courts()} == codes
    for region_code, entries in source.items():
        for entry in entries:
            court = find_court(entry["court_id"])
            assert court is not None and court.region_code == region_code
            assert court.website == entry["court_website"].rstrip("/")
            assert entry["court_name"].startswith(court.name)


@pytest.mark.parametrize(
    ("uid", "code"),
    [
        ("61GV0004-01-2024-000197-32", "61GV0004"),
        ("11RS0001-01-2025-011255-03", "11RS0001"),
        ("  54gv0003-01-2023-000001-11", "54GV0003"),
        ("2-7212/2025", None),
    ],
)
def test_code_from_uid(uid: str, code: str | None) -> None:
    assert code_from_uid(uid) == code


def test_find_court_by_code_uid_and_host() -> None:
    court = find_court("61GV0004-01-2024-000197-32")
    assert court is not None and court.code == "61GV0004" and court.level == "garrison"
    assert court.name == "Краснодарский гарнизонный военный суд"
    assert court.parent == "61OV0000"
    assert find_by_host("bgvs.alt.sudrf.ru").code == "54GV0003"  # type: ignore[union-attr]
    assert find_court("99ZZ9999") is None


def test_parents_follow_the_rules_and_invent_nothing() -> None:
    by_code = {c.code: c for c in military_courts()}
    for court in by_code.values():
        if court.parent is None:
            assert court.parent_note, f"{court.code} has no parent and no reason"
            continue
        parent = by_code[court.parent]
        expected = {"garrison": "district", "district": "appeal", "appeal": "cassation"}[court.level]
        assert parent.level == expected
    assert by_code["77GV0001"].parent == "77OV0000"
    assert by_code["63GV0006"].parent == "66OV0001"  # Perm: Central district after 2019
    assert by_code["31GV0014"].parent is None  # Baikonur: not established from the data
    assert by_code["54KV0000"].parent is None


def test_cli_json_lines_and_filters() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["courts", "--military", "--level", "district", "--json"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 9
    assert all(r["level"] == "district" and r["military"] for r in rows)
    assert set(rows[0]) >= {"code", "name", "level", "region_code", "region", "website", "srv", "parent"}


def test_cli_unknown_code_fails_clearly() -> None:
    result = CliRunner().invoke(app, ["courts", "--code", "00XX0000"])
    assert result.exit_code == 1
    assert "00XX0000" in result.output
