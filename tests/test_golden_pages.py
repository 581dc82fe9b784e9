"""Every example page parses to the expected JSON written beside it (Juriscraper-style harness).

Two sets of examples:
- ``sudrf``: the real pages in ../shared/fixtures/sudrf, expectations in tests/golden/sudrf,
  written by reading each page (counts of rows, persons, events and acts, dates, labels);
- ``variants``: hand-made pages of templates the real fixtures do not cover
  (tests/parse_variants/<name>.html with <name>.json beside it; where each shape was learnt is
  in tests/parse_variants/README.md; names and numbers invented).

A page without an expectation fails the run, so no example slips in untested; an expectation
without a page fails too. Each page is also re-encoded to windows-1251 (as live court sites
send it) and to UTF-8, and must give the identical record.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from milcourt.parse import decode_page, parse_page
from milcourt.paths import shared_dir

TESTS = Path(__file__).resolve().parent
SUITES = {
    "sudrf": (sorted((shared_dir() / "fixtures" / "sudrf").glob("*.html")), TESTS / "golden" / "sudrf"),
    "variants": (sorted((TESTS / "parse_variants").glob("*.html")), TESTS / "parse_variants"),
}
EXAMPLES = [(name, page) for name, (pages, _) in SUITES.items() for page in pages]


def _expected(suite: str, page: Path) -> dict:
    expected = SUITES[suite][1] / f"{page.stem}.json"
    if not expected.exists():
        pytest.fail(f"{page.name} has no expected parse: write {expected.relative_to(TESTS.parent)}")
    return json.loads(expected.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("suite", "minimum"), [("sudrf", 9), ("variants", 8)])
def test_there_are_pages(suite: str, minimum: int) -> None:
    assert len(SUITES[suite][0]) >= minimum


@pytest.mark.parametrize(("suite", "page"), EXAMPLES, ids=lambda v: v.stem if isinstance(v, Path) else v)
def test_page_matches_expectation(suite: str, page: Path) -> None:
    assert parse_page(page.read_bytes(), source=str(page)) == _expected(suite, page)


@pytest.mark.parametrize(("suite", "page"), EXAMPLES, ids=lambda v: v.stem if isinstance(v, Path) else v)
def test_windows_1251_and_utf8_bytes_give_the_same_record(suite: str, page: Path) -> None:
    text = decode_page(page.read_bytes())
    expected = _expected(suite, page)
    # Live sites send cp1251; characters outside it arrive as HTML character references.
    assert parse_page(text.encode("cp1251", errors="xmlcharrefreplace"), source=str(page)) == expected
    assert parse_page(text.encode("utf-8"), source=str(page)) == expected


@pytest.mark.parametrize("suite", SUITES)
def test_no_stale_expectations(suite: str) -> None:
    pages, folder = SUITES[suite]
    stems = {p.stem for p in pages}
    stale = [j.name for j in folder.glob("*.json") if j.stem not in stems]
    assert not stale, f"expectations without a page: {stale}"
