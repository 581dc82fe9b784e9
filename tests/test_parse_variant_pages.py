"""Hand-made pages of templates the real fixtures do not cover, each with its expected parse.

Every ``tests/parse_variants/<name>.html`` is a small page written in the engine's real markup
(tabs, ids, label texts as the sudrf case module prints them on military garrison and district
court sites; where each shape was learnt is in ``tests/parse_variants/README.md``), and
``<name>.json`` beside it is the record written from reading that page. The pages are not
copies of real cases: names and numbers are invented. One harness test runs them all, fails
when a page lacks its expectation, and checks windows-1251 and UTF-8 bytes give one record.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from milcourt.parse import decode_page, parse_page

FOLDER = Path(__file__).resolve().parent / "parse_variants"
PAGES = sorted(FOLDER.glob("*.html"))


def _expected(page: Path) -> dict:
    expected = page.with_suffix(".json")
    if not expected.exists():
        pytest.fail(f"{page.name} has no expected parse: write tests/parse_variants/{expected.name}")
    return json.loads(expected.read_text(encoding="utf-8"))


def test_there_are_variant_pages() -> None:
    assert len(PAGES) >= 8


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_variant_page_matches_expectation(page: Path) -> None:
    assert parse_page(page.read_bytes(), source=str(page)) == _expected(page)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_variant_page_in_both_encodings(page: Path) -> None:
    text = decode_page(page.read_bytes())
    expected = _expected(page)
    assert parse_page(text.encode("cp1251", errors="xmlcharrefreplace"), source=str(page)) == expected
    assert parse_page(text.encode("utf-8"), source=str(page)) == expected


def test_no_stale_variant_expectations() -> None:
    stems = {p.stem for p in PAGES}
    stale = [j.name for j in FOLDER.glob("*.json") if j.stem not in stems]
    assert not stale, f"expectations without a page: {stale}"
