"""Every real page in ../shared/fixtures/sudrf parses to its expected JSON in tests/golden/sudrf.

The expectations were written by reading each page (counts of rows, persons, events and acts,
dates, labels) and are compared whole. A page without an expectation fails the run, so a new
fixture cannot slip in untested. Each page is also re-encoded to windows-1251 (as live court
sites send it) and must give the identical record.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from milcourt.parse import decode_page, parse_page
from milcourt.paths import shared_dir

GOLDEN = Path(__file__).resolve().parent / "golden" / "sudrf"
PAGES = sorted((shared_dir() / "fixtures" / "sudrf").glob("*.html"))


def _expected(page: Path) -> dict:
    golden = GOLDEN / f"{page.stem}.json"
    if not golden.exists():
        pytest.fail(f"{page.name} has no expected parse: write {golden.relative_to(GOLDEN.parent.parent)}")
    return json.loads(golden.read_text(encoding="utf-8"))


def test_there_are_pages() -> None:
    assert len(PAGES) >= 9


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_page_matches_expectation(page: Path) -> None:
    assert parse_page(page.read_bytes(), source=str(page)) == _expected(page)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_windows_1251_bytes_give_the_same_record(page: Path) -> None:
    text = decode_page(page.read_bytes())
    # Live sites send cp1251; characters outside it arrive as HTML character references.
    cp1251 = text.encode("cp1251", errors="xmlcharrefreplace")
    utf8 = text.encode("utf-8")
    expected = _expected(page)
    assert parse_page(cp1251, source=str(page)) == expected
    assert parse_page(utf8, source=str(page)) == expected


def test_no_stale_expectations() -> None:
    stems = {p.stem for p in PAGES}
    stale = [g.name for g in GOLDEN.glob("*.json") if g.stem not in stems]
    assert not stale, f"expectations without a fixture page: {stale}"
