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
from reference_material import sudrf_fixture_pages

TESTS = Path(__file__).resolve().parent
SUITES = {
    "sudrf": (sudrf_fixture_pages(), TESTS / "golden" / "sudrf"),
    "variants": (sorted((TESTS / "parse_variants").glob("*.html")), TESTS / "parse_variants"),
}
_ID = {"ids": lambda v: v.stem}


def _expected(suite: str, page: Path) -> dict:
    expected = SUITES[suite][1] / f"{page.stem}.json"
    if not expected.exists():
        pytest.fail(f"{page.name} has no expected parse: write {expected.relative_to(TESTS.parent)}")
    return json.loads(expected.read_text(encoding="utf-8"))


def test_there_are_real_pages(shared: Path) -> None:
    assert len(SUITES["sudrf"][0]) >= 9


def test_there_are_variant_pages() -> None:
    assert len(SUITES["variants"][0]) >= 8


def _check_page(suite: str, page: Path) -> None:
    assert parse_page(page.read_bytes(), source=str(page)) == _expected(suite, page)


def _check_encodings(suite: str, page: Path) -> None:
    text = decode_page(page.read_bytes())
    expected = _expected(suite, page)
    # Live sites send cp1251; characters outside it arrive as HTML character references.
    assert parse_page(text.encode("cp1251", errors="xmlcharrefreplace"), source=str(page)) == expected
    assert parse_page(text.encode("utf-8"), source=str(page)) == expected


# The real pages live in ../shared: their tests ask for the `shared` fixture, so they are listed
# by name when they run; on a bare clone none is collected and test_there_are_real_pages is
# reported as not run.
@pytest.mark.parametrize("page", SUITES["sudrf"][0], **_ID)
def test_real_page_matches_expectation(page: Path, shared: Path) -> None:
    _check_page("sudrf", page)


@pytest.mark.parametrize("page", SUITES["sudrf"][0], **_ID)
def test_real_page_in_windows_1251_and_utf8_gives_the_same_record(page: Path, shared: Path) -> None:
    _check_encodings("sudrf", page)


@pytest.mark.parametrize("page", SUITES["variants"][0], **_ID)
def test_variant_page_matches_expectation(page: Path) -> None:
    _check_page("variants", page)


@pytest.mark.parametrize("page", SUITES["variants"][0], **_ID)
def test_variant_page_in_windows_1251_and_utf8_gives_the_same_record(page: Path) -> None:
    _check_encodings("variants", page)


def _stale(suite: str) -> list[str]:
    pages, folder = SUITES[suite]
    stems = {p.stem for p in pages}
    return [j.name for j in folder.glob("*.json") if j.stem not in stems]


def test_no_stale_real_page_expectations(shared: Path) -> None:
    assert not _stale("sudrf"), f"expectations without a page: {_stale('sudrf')}"


def test_no_stale_variant_expectations() -> None:
    assert not _stale("variants"), f"expectations without a page: {_stale('variants')}"
