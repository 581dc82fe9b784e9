"""A card's hidden print copy, or a table printed twice, never changes what is read from it.

Real cards carry a second copy of their tables for the print button (``div#printVersionBodyCase``
or ``div.printVersionBody``, hidden by CSS). The property: for any card we have (the hand-made
variants, the real fixtures, simulated cards) and any choice of its tables copied into a print
container of either kind, the parse equals the parse of the card without the copy.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from milcourt.parse import decode_page, parse_page
from milcourt.parse.detect import module_root
from milcourt.parse.tables import is_nested
from milcourt.paths import shared_dir
from milcourt.simulate.pages import render_card
from milcourt.simulate.population import generate

TESTS = Path(__file__).resolve().parent


def _card_pages() -> list[tuple[str, str]]:
    """(name, html) of every case card at hand."""
    pages = []
    for page in sorted((TESTS / "parse_variants").glob("*.html")):
        if json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))["kind"] == "case_card":
            pages.append((page.stem, decode_page(page.read_bytes())))
    for page in sorted((shared_dir() / "fixtures" / "sudrf").glob("*.html")):
        html = decode_page(page.read_bytes())
        if parse_page(page.read_bytes(), source=str(page))["kind"] == "case_card":
            pages.append((page.stem, html))
    population = generate(seed=5, cases=40)
    for case in population.cases[:6]:
        pages.append((f"simulated {case.number}", decode_page(render_card(case))))
    return pages


CARDS = _card_pages()
CONTAINERS = (
    '<div class="lawcase-tab-content none" id="printVersionBodyCase" style="display: none;">',
    '<div class="lawcase-tab-content printVersionBody none" style="display: none;">',
)


def _module(html: str) -> tuple[str, list[str]]:
    """The card reduced to its module (as the parser reads it) and the outer HTML of its data
    tables (not those of act texts or of the phone duplicates, which are no card data)."""
    root = module_root(LexborHTMLParser(html))
    return root.html, [node.html for node in root.css("table") if not is_nested(node) and not _aside(node)]


def _aside(node: Any) -> bool:
    parent = node.parent
    while parent is not None:
        if "block-mobile" in (parent.attributes.get("class") or "") \
                or (parent.attributes.get("id") or "").startswith(("cont_doc", "tab_content_Document")):
            return True
        parent = parent.parent
    return False


def _page(module: str) -> bytes:
    return f"<html><head><meta charset='utf-8'></head><body>{module}</body></html>".encode()


def _insert(module: str, extra: str, at_end: bool) -> str:
    """``extra`` inside the module's root element: after its opening tag or before its closing one."""
    if at_end:
        cut = module.rfind("</")
        return module[:cut] + extra + module[cut:]
    cut = module.index(">") + 1
    return module[:cut] + extra + module[cut:]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_print_copy_changes_nothing(data: st.DataObject) -> None:
    name, html = data.draw(st.sampled_from(CARDS), label="card")
    module, tables = _module(html)
    chosen = data.draw(st.lists(st.sampled_from(tables), min_size=1, unique=True), label="copied tables") \
        if tables else []
    container = data.draw(st.sampled_from(CONTAINERS), label="container")
    at_end = data.draw(st.booleans(), label="at the end")
    copy = container + "".join(chosen) + "</div>"
    assert parse_page(_page(_insert(module, copy, at_end)), source=name) == parse_page(_page(module), source=name)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_table_printed_twice_is_read_once(data: st.DataObject) -> None:
    name, html = data.draw(st.sampled_from(CARDS), label="card")
    module, tables = _module(html)
    if not tables:
        return
    table = data.draw(st.sampled_from(tables), label="table")
    twice = module.replace(table, table + table, 1)
    assert parse_page(_page(twice), source=name) == parse_page(_page(module), source=name)


def test_identical_rows_of_one_table_stay() -> None:
    """Two identical hearings are two hearings: only whole tables are deduplicated."""
    row = "<tr><td>Судебное заседание</td><td>12.03.2024</td><td>10:00</td><td>Отложено</td></tr>"
    module = (
        "<div id='content'><div class='casenumber'>ДЕЛО № 1-5/2024</div>"
        "<div id='cont1'><table id='tablcont'><tr><th colspan='2'>ДЕЛО</th></tr>"
        "<tr><td>Дата поступления</td><td>01.02.2024</td></tr></table></div>"
        "<div id='cont2'><table id='tablcont'><tr><th colspan='4'>ДВИЖЕНИЕ ДЕЛА</th></tr>"
        "<tr><th>Наименование события</th><th>Дата</th><th>Время</th><th>Результат события</th></tr>"
        f"{row}{row}</table></div></div>"
    )
    events = parse_page(_page(module))["events"]
    assert len(events) == 2 and events[0] == events[1]
