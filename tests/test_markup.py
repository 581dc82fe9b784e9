"""Nesting capped before parsing: text kept, shallow pages untouched, the estimate from tags."""

from __future__ import annotations

from pathlib import Path

import pytest

from milcourt.markup import cap_depth, nesting_depth
from milcourt.parse.decode import decode_page


@pytest.mark.parametrize(("html", "depth"), [
    ("<div><p>a<br><img src=x><DIV>b</DIV></div>", 2),  # void and optional-end tags do not deepen
    ("<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>", 2),
    ("<ul><li>a<li>b</ul>", 1),
    ("text only", 0),
])
def test_nesting_depth(html: str, depth: int) -> None:
    assert nesting_depth(html) == depth


def test_shallow_markup_is_returned_as_is() -> None:
    html = "<html><body><div><span>Иванов</span></div></body></html>"
    assert cap_depth(html, 10) is html


@pytest.mark.parametrize("tag", ["div", "span", "table", "font"])
def test_deep_markup_loses_tags_below_the_cap_and_keeps_every_word(tag: str) -> None:
    html = "<body>" + f"<{tag} class='a'>" * 5000 + "самовольно оставил часть" + f"</{tag}>" * 5000 + "<p>конец</p></body>"
    capped = cap_depth(html, 50)
    assert nesting_depth(capped) <= 50
    assert "самовольно оставил часть" in capped and "<p>конец</p></body>" in capped
    assert capped.count(f"<{tag} ") == 49  # the body is one level


def test_script_text_is_not_read_as_tags() -> None:
    html = "<body><script>var s = '" + "<div>" * 300 + "';</script>" + "<div>x</div></body>"
    assert nesting_depth(html) > 100  # the estimate is cautious ...
    assert "<div>" * 300 in cap_depth(html, 50)  # ... but the rewrite leaves a script's text alone


def test_fixture_pages_are_under_the_page_cap(sudrf_fixtures: Path) -> None:
    for page in sorted(sudrf_fixtures.glob("*.html")):
        html = decode_page(page.read_bytes())
        assert nesting_depth(html) < 40, page.name
        assert cap_depth(html) is html
