"""Search results (``name_op=r``): the rows of found cases, the reported total, the next page.

Both listing layouts are read by their header labels: the classic ``#tablcont`` table with
``<th>`` headers ("№ дела", "Дата поступления", "Категория / Заявитель / ...", "Судья", ...)
and the vnkod layout's ``law-case-table`` with a ``<thead>`` ("Номер дела", "Информация по делу", ...).
Row links are made absolute against the page URL or the court's site named on the page.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from milcourt.parse import labels as L
from milcourt.parse.articles import parse_articles
from milcourt.parse.card import case_number, default_law
from milcourt.parse.errors import PageLayoutError
from milcourt.parse.tables import Table, column, value_at
from milcourt.parse.text import cell_text, clean, iso_date, label_key, lines_of, mentions, plain

_TOTAL_MARKERS = ("Всего по запросу найдено", "Найдено дел", "Всего найдено")
_TOTAL = re.compile(r"[^0-9<]{0,20}(?:<[^>]{0,40}>\s*)*(\d[\d\s]*)")
_NEXT_TEXTS = (">", "›", "»", "следующая", "следующая страница", "далее", "след.")
NOTHING_FOUND = (
    "Данных по запросу не найдено",
    "Данных по запросу не обнаружено",
    "По вашему запросу ничего не найдено",
    "ничего не найдено",
    "Ничего не найдено",
)
# "ОБВИНЯЕМЫЙ (ПОДСУДИМЫЙ): Медведев П.А. - ст.337 ч.5", or with no role ("ПЕТРОВ П.А. - ст.12.27
# ч.2 КоАП РФ", the cell of a КоАП review listing): the role and the name before the articles go,
# so that initials such as "П.А." are never read as a point ("п. а"). A name holds no digits, so
# "ст.30 ч.3 - ст.337 ч.5" keeps its first article.
_PARTY_PREFIX = re.compile(
    r"^(?:[^:a-zа-яё]{2,80}:\s*[^:]{1,80}?|[^:\d]{2,80}?)\s[-–—]\s+(?=(?:[сС]т|[чЧ]|[пП])\.|[сС]тать|[чЧ]аст|[пП]ункт|УК|КоАП)",
)


def find_results_table(root: Any) -> tuple[Table, int, list[str]] | None:
    """The table whose header row names a case-number column and a date or judge column."""
    for node in root.css("table"):
        table = Table(node)
        for index, cells in enumerate(table.rows[:3]):
            if len(cells) < 3:
                continue
            keys = [label_key(cell_text(c)) for c in cells]
            if column(keys, *L.ROW_NUMBER, exact=True) is None:
                continue
            if column(keys, *L.ROW_RECEIVED) is None and column(keys, *L.ROW_JUDGE, exact=True) is None:
                continue
            return table, index, keys
    return None


def reported_total(html: str) -> int | None:
    """The count the page reports ("Всего по запросу найдено — 530", also with no-break spaces)."""
    total = total_in(html)
    if total is None:
        text = plain(html)
        if text is not html:
            total = total_in(text)
    return total


def total_in(html: str) -> int | None:
    for marker in _TOTAL_MARKERS:
        at = html.find(marker)
        if at >= 0:
            match = _TOTAL.match(html, at + len(marker))
            if match:
                return int(re.sub(r"\s", "", match.group(1)))
    return None


def nothing_found(html: str) -> bool:
    return mentions(html, NOTHING_FOUND)


def parse_listing(root: Any, html: str, *, source: str, base: str | None) -> dict[str, Any]:
    """The page dict of search results (kind ``search_results``)."""
    found = find_results_table(root)
    total = reported_total(html)
    rows: list[dict[str, Any]] = []
    if found is not None:
        table, index, keys = found
        rows = _rows(table, index, keys, source=source, base=base, law=default_law(root))
    elif total:
        raise PageLayoutError(source, f"the page reports {total} cases but has no results table")
    elif total is None and nothing_found(html):
        total = 0
    return {"kind": "search_results", "total": total, "rows": rows, "next_page": _next_page(root, base)}


def _rows(table: Table, index: int, keys: list[str], *, source: str, base: str | None,
          law: str | None) -> list[dict[str, Any]]:
    number_i = column(keys, *L.ROW_NUMBER, exact=True)
    received_i = column(keys, *L.ROW_RECEIVED)
    info_i = column(keys, *L.ROW_INFO)
    judge_i = column(keys, *L.ROW_JUDGE, exact=True)
    decided_i = column(keys, *L.ROW_DECIDED)
    result_i = column(keys, *L.ROW_RESULT, exact=True)
    if result_i is None:
        result_i = column(keys, "результат")
    rows = []
    for position, cells in enumerate(table.rows[index + 1 :], start=1):
        if len(cells) < len(keys) - 1:
            continue  # group headings ("type-header") span the whole row
        number_cell = cells[number_i] if number_i is not None and number_i < len(cells) else None
        if number_cell is None:
            continue
        link = number_cell.css_first("a[href]")
        printed = clean(number_cell.text(separator=" "))
        if not printed:
            raise PageLayoutError(source, f"results row {position} has no case number")
        number, full = case_number(printed)
        info_lines = lines_of(cells[info_i]) if info_i is not None and info_i < len(cells) else []
        rows.append(
            {
                "number": number,
                "number_full": full,
                "url": _absolute(link.attributes.get("href"), base) if link is not None else None,
                "received": iso_date(value_at(cells, received_i)),
                "category": _category(info_lines, keys[info_i] if info_i is not None else ""),
                "articles": parse_articles(" ; ".join(map(_articles_part, info_lines)), default_law=law),
                "judge": value_at(cells, judge_i),
                "decided": iso_date(value_at(cells, decided_i)),
                "result": value_at(cells, result_i),
            }
        )
    return rows


def _articles_part(line: str) -> str:
    """The articles of an "Информация по делу" line, without the party's role and name."""
    return _PARTY_PREFIX.sub("", line, count=1)


def _category(lines: list[str], header: str) -> str | None:
    for line in lines:
        if line.upper().startswith("КАТЕГОРИЯ"):
            return clean(line.split(":", 1)[1]) if ":" in line else None
    if header.startswith("категория") and lines and ":" not in lines[0]:
        return lines[0]
    return None


def _absolute(href: str | None, base: str | None) -> str | None:
    if href is None:
        return None
    href = href.strip()
    if not href or href.startswith(("#", "javascript:")):
        return None
    return urljoin(base, href) if base else href


def _next_page(root: Any, base: str | None) -> str | None:
    for link in root.css("a[href]"):
        title = (link.attributes.get("title") or "").lower()
        text = clean(link.text()).lower()
        classes = link.attributes.get("class") or ""
        if "следующая" in title or text in _NEXT_TEXTS or "next" in classes.split():
            url = _absolute(link.attributes.get("href"), base)
            if url:
                return url
    return None
