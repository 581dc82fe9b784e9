"""``milcourt extract``: JSON Lines per file, per-file errors naming the file, exit 1 on any failure."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from milcourt.cli import app
from milcourt.extract import extract_act_with_spans

DEV = Path(__file__).parent / "acts" / "dev_extractor"


def test_extract_json_lines_and_errors(tmp_path: Path) -> None:
    good = DEV / "verdict_337_5_general.txt"
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(app, ["extract", str(good), str(missing), "--json"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1 and lines[0]["file"] == str(good)
    assert lines[0]["articles"] == [{"article": "337", "part": "5", "point": None}]
    assert str(missing) in result.output


def test_extract_human_output() -> None:
    result = CliRunner().invoke(app, ["extract", str(DEV / "appeal_changed.txt")])
    assert result.exit_code == 0
    assert "appeal_ruling" in result.stdout


def test_spans_point_at_the_facts() -> None:
    text = (DEV / "verdict_337_5_general.txt").read_text(encoding="utf-8")
    facts, spans = extract_act_with_spans(text)
    by_field = {s["field"]: text[s["start"]:s["end"]] for s in spans}
    assert by_field["case_number"].replace(" ", "") == "1-64/2024"
    assert "гарнизонный военный суд" in by_field["court"]
    assert "5 (пять) лет 6 (шесть) месяцев" in [text[s["start"]:s["end"]] for s in spans if s["field"] == "sentence"]
    assert all(0 <= s["start"] < s["end"] <= len(text) for s in spans)


def test_time_limit_stops_a_runaway_act() -> None:
    import pytest

    from milcourt.extract.cli import ExtractTimeout, time_limit

    with pytest.raises(ExtractTimeout), time_limit(0.05):
        while True:
            pass


def test_undecodable_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02\x98\x98garbage\x00\x00\x00\x07")
    good = DEV / "termination_28_2.txt"
    result = CliRunner().invoke(app, ["extract", str(bad), str(good), "--json"])
    assert result.exit_code == 1
    assert str(bad) in result.output
    assert '"release_ground":"art_78_1"' in result.stdout
