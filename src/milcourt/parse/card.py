"""The case card (``name_op=case``): case data, events, persons and the acts shown inline.

Every template of the engine is read the same way: tables are classified by their labels
(a ``label | value`` table holding the case's fields, a header table whose columns say
"Наименование события", a header table with a person/role column), never by tab number or
position. The newer layout (tabs ``cont1..contN``) and the older one (``tab_content_*``) share
these labels; cassation and appeal cards add the lower-court labels.
"""

from __future__ import annotations

import re
from typing import Any

from milcourt.parse import labels as L
from milcourt.parse.articles import parse_articles
from milcourt.parse.tables import Table, column, lookup, value_at
from milcourt.parse.text import cell_text, clean, iso_date, lines_of

_NUMBER_PREFIX = re.compile(r"^(?:дело|материал|производство)\s*(?:№|n|no)?\s*", re.IGNORECASE)
_NUMBER_CUT = re.compile(r"\s*(?:~|\[|\(|\bот\b)")
_PRINT_NUMBER = re.compile(r"openPrintWinCases\('([^']{1,60})'")
_ACT_CONTAINERS = ("cont_doc", "tab_content_Document")


def case_number(text: str) -> tuple[str, str]:
    """(number, number_full) from the printed heading "ДЕЛО № 2-7212/2025 ~ М-5922/2025"."""
    full = _NUMBER_PREFIX.sub("", clean(text))
    number = _NUMBER_CUT.split(full, maxsplit=1)[0].strip()
    return number, full


def heading_number(root: Any, html: str) -> tuple[str, str] | None:
    """The case number from the card heading (or, failing that, the print button)."""
    node = root.css_first(".casenumber, .case-num, .case-number")
    if node is not None:
        number, full = case_number(node.text(separator=" "))
        if number:
            return number, full
    match = _PRINT_NUMBER.search(html)
    if match:
        return case_number(match.group(1))
    return None


def _in_act(node: Any) -> bool:
    parent = node.parent
    while parent is not None:
        node_id = parent.attributes.get("id") if parent.tag == "div" else None
        if node_id and node_id.startswith(_ACT_CONTAINERS):
            return True
        if parent.tag == "div" and "block-mobile" in (parent.attributes.get("class") or ""):
            return True
        parent = parent.parent
    return False


def card_tables(root: Any) -> list[Table]:
    """The card's data tables (not the tables inside act texts or mobile duplicates)."""
    return [Table(t) for t in root.css("table") if not _in_act(t)]


def _is_complaint(table: Table) -> bool:
    return table.title.startswith(L.COMPLAINT_TITLES)


def default_law(root: Any) -> str | None:
    """The code a card's bare article numbers belong to, from the card's title."""
    node = root.css_first(".title, .name-instanse")
    title = clean(node.text()).lower() if node is not None else ""
    if "уголовн" in title:
        return "УК РФ"
    if "административн" in title and "правонарушен" in title:
        return "КоАП РФ"
    return None


def parse_card(root: Any, html: str) -> dict[str, Any]:
    """The page dict of a case card (kind ``case_card``); sanity is checked by the caller."""
    tables = card_tables(root)
    fields: dict[str, str] = {}
    for table in tables:
        if _is_complaint(table) or table.title.startswith(L.EXECUTION_TITLES):
            continue
        for key, value in table.labels().items():
            fields.setdefault(key, value)
    numbers = heading_number(root, html)
    law = default_law(root)
    case = {
        "number": numbers[0] if numbers else None,
        "number_full": numbers[1] if numbers else None,
        "uid": lookup(fields, *L.UID),
        "category": lookup(fields, *L.CATEGORY),
        "received": iso_date(lookup(fields, *L.RECEIVED)),
        "judge": lookup(fields, *L.JUDGE),
        "decided": iso_date(lookup(fields, *L.DECIDED)),
        "result": lookup(fields, *L.RESULT),
        "lower_court": _lower_court(fields),
    }
    return {
        "kind": "case_card",
        "case": case,
        "events": _events(tables),
        "persons": _persons(tables, law),
        "acts": _acts(root),
    }


def _lower_court(fields: dict[str, str]) -> dict[str, str | None] | None:
    lower = {
        "court": lookup(fields, *L.LOWER_COURT),
        "number": lookup(fields, *L.LOWER_NUMBER),
        "judge": lookup(fields, *L.LOWER_JUDGE),
        "decided": iso_date(lookup(fields, *L.LOWER_DECIDED)),
    }
    return lower if any(lower.values()) else None


def _events(tables: list[Table]) -> list[dict[str, str | None]]:
    events = []
    for table in tables:
        if _is_complaint(table):
            continue
        found = table.header(["наименование события"])
        if found is None:
            continue
        index, keys = found
        name_i = column(keys, *L.EVENT_NAME)
        date_i = column(keys, *L.EVENT_DATE, exact=True)
        time_i = column(keys, *L.EVENT_TIME, exact=True)
        result_i = column(keys, *L.EVENT_RESULT)
        basis_i = column(keys, *L.EVENT_BASIS)
        for cells in table.rows[index + 1 :]:
            name = value_at(cells, name_i)
            if not name or len(cells) < 2:
                continue
            events.append(
                {
                    "name": name,
                    "date": iso_date(value_at(cells, date_i)),
                    "time": value_at(cells, time_i),
                    "result": value_at(cells, result_i),
                    "basis": value_at(cells, basis_i),
                }
            )
    return events


def _persons(tables: list[Table], law: str | None) -> list[dict[str, Any]]:
    persons: list[dict[str, Any]] = []
    for table in tables:
        if _is_complaint(table):
            continue
        for index, cells in enumerate(table.rows[:4]):
            if len(cells) < 2:
                continue
            keys = [clean(cell_text(c)).lower().replace("ё", "е") for c in cells]
            name_i = column(keys, *L.PERSON_NAME)
            role_i = column(keys, *L.PERSON_ROLE)
            articles_i = column(keys, *L.PERSON_ARTICLES)
            if name_i is None or (role_i is None and articles_i is None) or name_i in (role_i, articles_i):
                continue
            if "жалоб" in keys[name_i]:
                continue
            persons.extend(_person_rows(table, index, name_i, role_i, articles_i, keys, law))
            break
    return persons


def _person_rows(
    table: Table, index: int, name_i: int, role_i: int | None, articles_i: int | None,
    keys: list[str], law: str | None,
) -> list[dict[str, Any]]:
    decided_i = column(keys, *L.PERSON_DECIDED)
    result_i = column(keys, *L.PERSON_RESULT)
    default_role = table.title or "ЛИЦА"
    rows = []
    for cells in table.rows[index + 1 :]:
        name = value_at(cells, name_i)
        if not name:
            continue
        rows.append(
            {
                "name": name,
                "role": value_at(cells, role_i) if role_i is not None else default_role,
                "articles": parse_articles(value_at(cells, articles_i), default_law=law),
                "decided": iso_date(value_at(cells, decided_i)),
                "result": value_at(cells, result_i),
            }
        )
    return rows


def _acts(root: Any) -> list[dict[str, str]]:
    titles: dict[str, str] = {}
    for li in root.css('li[id^="tab_doc"], li[id^="tab_id_Document"]'):
        suffix = re.sub(r"^\D+", "", li.attributes.get("id") or "")
        titles[suffix] = clean(li.text(separator=" "))
    acts = []
    for div in root.css('div[id^="cont_doc"], div[id^="tab_content_Document"]'):
        suffix = re.sub(r"^\D+", "", div.attributes.get("id") or "")
        text = "\n".join(lines_of(div))
        if not text:
            continue
        acts.append({"title": titles.get(suffix) or f"Судебный акт #{suffix}", "text": text})
    return acts
