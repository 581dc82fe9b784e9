"""The lower-court block is read by what its labels mean, whatever the court level words them."""

from __future__ import annotations

import pytest

from milcourt.parse import PageLayoutError, parse_page
from milcourt.parse.lower_court import meaning

# (label key, read inside the lower-court tab?, expected (fact, rank) or None)
MEANINGS = [
    # Cassation courts of general jurisdiction and the cassation military court.
    ("суд (судебный участок) первой инстанции", True, ("court", 0)),
    ("номер дела в первой инстанции", True, ("number", 0)),
    ("судья (мировой судья) первой инстанции", True, ("judge", 0)),
    ("дата решения первой инстанции", True, ("decided", 0)),
    # Regional courts print the block in their ДЕЛО tab, in their own words.
    ("районный суд", False, ("court", 1)),
    ("гарнизонный военный суд", False, ("court", 1)),
    ("номер производства по делу в суде 1-ой инстанции", False, ("number", 0)),
    ("дата вынесения решения (приговора) в 1-й инстанции", False, ("decided", 0)),
    ("судья нижестоящего суда", False, ("judge", 0)),
    ("мировой судья", False, ("judge", 1)),
    # Generic labels mean the lower court only inside its tab.
    ("суд", True, ("court", 2)),
    ("номер дела", True, ("number", 2)),
    ("судья", True, ("judge", 2)),
    ("дата рассмотрения", True, ("decided", 2)),
    ("судья", False, None),
    ("номер дела", False, None),
    # Not the lower court's decision: the region, another instance, a date of receipt.
    ("регион суда первой инстанции", True, None),
    ("регион нижестоящего суда (мирового судьи)", True, None),
    ("суд апелляционной инстанции", True, None),
    ("дата поступления в суд первой инстанции", False, None),
    ("дата поступления", True, None),
    ("вид обжалуемого судебного акта", False, None),
    ("из верховного суда российской федерации", False, None),
]


@pytest.mark.parametrize(("key", "in_tab", "expected"), MEANINGS, ids=[f"{m[0]}|{m[1]}" for m in MEANINGS])
def test_label_meaning(key: str, in_tab: bool, expected: tuple[str, int] | None) -> None:
    assert meaning(key, in_tab) == expected


def _card(lower_rows: str, in_tab: bool) -> bytes:
    case_rows = "<tr><td>Уникальный идентификатор дела</td><td>00RS0000-01-2025-000001-01</td></tr>" \
                "<tr><td>Дата поступления</td><td>10.11.2025</td></tr>"
    tab = ""
    if in_tab:
        tab = f"<div id='cont2'><table><tr><th colspan='2'>РАССМОТРЕНИЕ В НИЖЕСТОЯЩЕМ СУДЕ</th></tr>{lower_rows}</table></div>"
    else:
        case_rows += lower_rows
    return (
        "<html><body><div id='content'><div class='casenumber'>ДЕЛО № 33а-7/2026</div>"
        f"<div id='cont1'><table><tr><th colspan='2'>ДЕЛО</th></tr>{case_rows}</table></div>{tab}"
        "</div></body></html>"
    ).encode()


def test_regional_court_labels_in_the_case_tab() -> None:
    rows = "<tr><td>Районный суд</td><td>Энский районный суд</td></tr>" \
           "<tr><td>Номер производства по делу в суде 1-ой инстанции</td><td>2а-19/2025 ~ М-13/2025</td></tr>"
    page = parse_page(_card(rows, in_tab=False))
    assert page["case"]["lower_court"] == {"court": "Энский районный суд", "number": "2а-19/2025 ~ М-13/2025",
                                           "judge": None, "decided": None}


def test_a_court_printed_under_the_judge_label_is_the_court() -> None:
    rows = "<tr><td>Регион нижестоящего суда (мирового судьи)</td><td>05 - Энская область</td></tr>" \
           "<tr><td>Судья (мировой судья) первой инстанции</td><td>Судебный участок №98 Энского района</td></tr>"
    page = parse_page(_card(rows, in_tab=True))
    assert page["case"]["lower_court"] == {"court": "Судебный участок №98 Энского района", "number": None,
                                           "judge": None, "decided": None}


def test_a_lower_court_block_that_cannot_be_read_raises() -> None:
    rows = "<tr><td>Инстанция, откуда поступило</td><td>Энский гарнизонный военный суд</td></tr>"
    with pytest.raises(PageLayoutError, match="lower-court block was not read.*инстанция, откуда поступило"):
        parse_page(_card(rows, in_tab=True), source="card.html")


def test_a_card_without_a_lower_court_has_none() -> None:
    assert parse_page(_card("", in_tab=False))["case"]["lower_court"] is None
    rows = "<tr><td>Регион суда первой инстанции</td><td>05 - Энская область</td></tr>"
    assert parse_page(_card(rows, in_tab=True))["case"]["lower_court"] is None  # a region alone is no block
