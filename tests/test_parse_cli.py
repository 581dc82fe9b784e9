"""``milcourt parse``: one JSON line per file; bad files reported on stderr, the rest still parse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from milcourt.cli import app
from milcourt.parse import ParseError, parse_page


def run(*args: str):
    return CliRunner().invoke(app, ["parse", *args])


def test_json_lines_for_every_fixture(sudrf_fixtures: Path) -> None:
    pages = sorted(str(p) for p in sudrf_fixtures.glob("*.html"))
    result = run(*pages, "--json", "--keep-names")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["file"] for line in lines] == pages
    kinds = {Path(line["file"]).name: line["kind"] for line in lines}
    assert kinds["leninsky_ufa_criminal.html"] == "case_card"
    assert kinds["ksoyu_listing_acts.html"] == "search_results"
    assert kinds["sudrf_captcha_form.html"] == "captcha"
    assert kinds["ksoyu_temporarily_unavailable.html"] == "unavailable"
    card = next(line for line in lines if line["file"].endswith("leninsky_ufa_criminal.html"))
    assert card["persons"][0]["name"] == "Юсупова Гузэль Ривольтовна"  # --keep-names


def test_summary_table(sudrf_fixtures: Path) -> None:
    result = run(str(sudrf_fixtures / "sgs_1inst.html"), "--keep-names")
    assert result.exit_code == 0, result.output
    assert "2-7212/2025" in result.stdout and "case_card" in result.stdout


def test_bad_files_reported_and_the_rest_parse(sudrf_fixtures: Path, tmp_path: Path) -> None:
    card = (sudrf_fixtures / "kirov_koap.html").read_bytes()
    files = {
        "empty.html": b"",
        "binary.html": bytes(range(256)) * 4,
        "report.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        "truncated.html": card[: card.index(b"cont_doc1") + 2000],
        "notes.html": "<html><body><h1>Рецепт борща</h1></body></html>".encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    good = str(sudrf_fixtures / "kirov_koap.html")
    args = [str(tmp_path / n) for n in files] + [good, str(tmp_path / "missing.html")]
    result = run(*args, "--json", "--keep-names")
    assert result.exit_code == 1
    parsed = {Path(line["file"]).name: line["kind"] for line in map(json.loads, result.stdout.splitlines())}
    assert parsed == {"notes.html": "unknown", "kirov_koap.html": "case_card"}
    errors = result.stderr
    assert f"{tmp_path / 'empty.html'}: empty file" in errors
    assert f"{tmp_path / 'binary.html'}: binary data" in errors
    assert f"{tmp_path / 'report.pdf'}: binary data (a PDF document)" in errors
    assert f"{tmp_path / 'truncated.html'}: truncated case_card page" in errors
    assert f"{tmp_path / 'missing.html'}: cannot read" in errors


def test_names_are_pseudonymised_unless_keep_names(sudrf_fixtures: Path) -> None:
    page = str(sudrf_fixtures / "kirov_koap.html")
    result = run(page, "--json")
    assert result.exit_code == 0
    assert "Ананьева" not in result.stdout
    assert "P-" in result.stdout
    kept = run(page, "--json", "--keep-names")
    assert "Ананьева" in kept.stdout


def test_errors_name_the_source() -> None:
    with pytest.raises(ParseError) as err:
        parse_page(b"   \n", source="https://example.org/page")
    assert err.value.source == "https://example.org/page"
    assert str(err.value) == "https://example.org/page: empty file, not a court page"
    assert isinstance(err.value, ValueError)


def test_plain_text_is_unknown() -> None:
    assert parse_page("просто текст, не страница суда".encode("cp1251")) == {"kind": "unknown"}
