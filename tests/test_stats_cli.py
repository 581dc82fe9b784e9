"""`milcourt official load|show` and `milcourt compare`: exit codes and --json lines."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from milcourt.cli import app

runner = CliRunner()


def _lines(output: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_load_show_compare(shared: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'm.db'}"
    source = shared / "data" / "judicial-department"
    result = runner.invoke(app, ["official", "load", str(source), "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    loaded = _lines(result.stdout)
    assert [(r["year"], r["rows"]) for r in loaded] == [(y, 61 if y < 2015 else 63) for y in range(2013, 2022)]
    assert loaded[0]["file"] == "10-a-svod-2013.xls" and loaded[-1]["sheet"] == "Раздел 20 (Гл. 33)"

    again = runner.invoke(app, ["official", "load", str(source), "--db", db])
    assert again.exit_code == 0 and "9 workbook(s) loaded, 0 failed" in again.stdout

    shown = runner.invoke(app, ["official", "show", "--article", "337", "--year", "2021", "--db", db, "--json"])
    assert shown.exit_code == 0
    rows = _lines(shown.stdout)
    assert [(r["year"], r["article"], r["part"], r["convicted"]) for r in rows] == [
        (2021, "337", "", 565), (2021, "337", "1", 6), (2021, "337", "2", 0), (2021, "337", "3", 222),
        (2021, "337", "4", 337),
    ]
    chapter = _lines(runner.invoke(app, ["official", "show", "--article", "ch33", "--db", db, "--json"]).stdout)
    assert [r["convicted"] for r in chapter] == [1940, 1961, 2003, 1669, 1736, 1413, 1449, 979, 1083]

    table = runner.invoke(app, ["official", "show", "--article", "338", "--year", "2013", "--db", db])
    assert table.exit_code == 0 and "126" in table.stdout and "sum of parts" in table.stdout

    compared = runner.invoke(app, ["compare", "--article", "337", "--db", db, "--json"])
    assert compared.exit_code == 0, compared.output
    lines = _lines(compared.stdout)
    kinds = [line["kind"] for line in lines]
    assert kinds.index("span") > kinds.index("year") and kinds[-1] == "explanation"
    y2021 = next(line for line in lines if line.get("year") == 2021)
    assert y2021["official"]["value"] == 565 and y2021["ours"]["value"] is None
    assert y2021["ours"]["note"] == "store empty"
    assert any("store empty" in line["text"] for line in lines if line["kind"] == "explanation")

    human = runner.invoke(app, ["compare", "--db", db])
    assert human.exit_code == 0 and "565 persons" in human.stdout and "615 cases" in human.stdout


def test_load_reports_a_bad_file_and_loads_the_rest(shared: Path, tmp_path: Path) -> None:
    folder = tmp_path / "forms"
    folder.mkdir()
    shutil.copy(shared / "data" / "judicial-department" / "10-a-svod-2020.xls", folder)
    (folder / "10-a-svod-2022.xls").write_text("not excel", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'm.db'}"
    result = runner.invoke(app, ["official", "load", str(folder), "--db", db, "--json"])
    assert result.exit_code == 1
    lines = _lines(result.stdout)
    assert lines[0]["year"] == 2020 and "10-a-svod-2022.xls" in lines[1]["error"]
    shown = _lines(runner.invoke(app, ["official", "show", "--year", "2020", "--db", db, "--json"]).stdout)
    assert len(shown) == 63


def test_load_of_a_missing_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["official", "load", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "not a directory" in result.output


def test_default_db_is_in_the_data_dir(shared: Path, tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copy(shared / "data" / "judicial-department" / "10-a-svod-2019.xls", folder)
    assert runner.invoke(app, ["official", "load", str(folder)]).exit_code == 0
    from milcourt.paths import data_dir

    assert (data_dir() / "milcourt.db").is_file()
    assert len(_lines(runner.invoke(app, ["official", "show", "--json"]).stdout)) == 63


def test_help_has_examples() -> None:
    for args in (["official", "load", "--help"], ["official", "show", "--help"], ["compare", "--help"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0 and "Example: milcourt" in result.output
