"""The case card (``name_op=case``): case data, events, persons and the acts shown inline.

Every template of the engine is read the same way: tables are classified by their labels
(a ``label | value`` table holding the case's fields, a header table whose columns say
"Наименование события", a header table with a person/role column), never by tab number or
position. The classic layout (tabs ``li#tabN`` → ``div#contN``, tables with a title row) and the
vnkod layout (``ul#case_bookmarks``, ``li#tab_id_X`` → ``div#tab_content_X``, untitled tables)
share these labels; cassation and appeal cards add the lower-court labels.
"""

from __future__ import annotations

import re
from typing import Any

from milcourt.parse import labels as L
from milcourt.parse.articles import parse_articles
from milcourt.parse.lower_court import read_lower_court
from milcourt.parse.sections import card_tables
from milcourt.parse.tables import Table, column, lookup, value_at
from milcourt.parse.text import cell_text, clean, clock_time, iso_date, lines_of

# "ДЕЛО № …", "МАТЕРИАЛ № …", "ПРОИЗВОДСТВО № …", "Уголовное дело №…", "дело № …" (vnkod layout).
_NUMBER_PREFIX = re.compile(
    r"^(?:[а-яё]+\s+){0,3}?(?:дело|материал|производство)\s*(?:№|n|no)?\s*|^[^№]{0,60}№\s*|^№\s*",
    re.IGNORECASE,
)
_HEADING_LABELS = ("номер дела", "номер материала", "номер производства", "номер дела (материала)")
_NUMBER_CUT = re.compile(r"\s*(?:~|\[|\(|\bот\b)")
# "1-48/2024 г." and "1 - 48 / 2024": the year's "г." and spaces around the separators go.
_NUMBER_YEAR_SUFFIX = re.compile(r"(?<=\d)\s*г\.?$")
_NUMBER_SEPARATOR = re.compile(r"\s*([-/])\s*")
# "Вынесен ПРИГОВОР<br>24.05.2024": a date printed after the result is the decision date.
_TRAILING_DATE = re.compile(r"(?<!\bот)(?<!\bдо)\s+\d{1,2}\.\d{1,2}\.\d{4}(?:\s*г\.?)?(?:\s+\d{1,2}:\d{2})?$")
_PRINT_NUMBER = re.compile(r"openPrintWinCases\('([^']{1,60})'")


def case_number(text: str) -> tuple[str, str]:
    """(number, number_full) from the printed heading "ДЕЛО № 2-7212/2025 ~ М-5922/2025"."""
    full = _NUMBER_PREFIX.sub("", clean(text))
    number = _NUMBER_CUT.split(full, maxsplit=1)[0].strip()
    number = _NUMBER_SEPARATOR.sub(r"\1", _NUMBER_YEAR_SUFFIX.sub("", number))
    return number, full


def result_text(printed: str | None) -> str | None:
    """The printed result without a date printed after it (that date is ``decided``)."""
    if not printed:
        return printed
    return _TRAILING_DATE.sub("", printed) or printed


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


def _is_complaint(table: Table) -> bool:
    """A complaint block (ОБЖАЛОВАНИЕ…, ЖАЛОБЫ), by its title or, untitled, by its labels."""
    for title in (table.title, table.section):
        if title and any(mark in title for mark in L.COMPLAINT_TITLES):
            return True
    if (table.title or table.section).startswith(L.CASE_TITLES):
        return False
    labels = table.labels()
    return "уникальный идентификатор дела" not in labels and not L.COMPLAINT_LABELS.isdisjoint(labels)


def _is_lower_court(table: Table) -> bool:
    title = table.title or table.section
    return bool(title) and any(mark in title for mark in L.LOWER_TAB_TITLES)


# The engine's proceeding kinds (``delo_id`` / ``_deloId`` in the module's links) whose bare
# article numbers are of a known code: criminal first instance, appeal and cassation; КоАП
# first instance and review. As public sudrf scrapers build their search URLs.
_KIND_LAW = {"1540006": "УК РФ", "4": "УК РФ", "2450001": "УК РФ", "1500001": "КоАП РФ", "1502001": "КоАП РФ"}
_DELO_ID = re.compile(r"(?:delo_id|_deloId)=(\d+)")


def default_law(root: Any) -> str | None:
    """The code a page's bare article numbers belong to: from its title ("Уголовные дела - …"),
    else from the proceeding kind in the link of the case's UID or of its first listed case."""
    node = root.css_first(".title, .name-instanse")
    title = clean(node.text()).lower() if node is not None else ""
    if "уголовн" in title:
        return "УК РФ"
    if "административн" in title and "правонарушен" in title:
        return "КоАП РФ"
    if title:
        return None
    link = root.css_first('a[href*="judicial_uid="], a[href*="name_op=case"]')
    match = _DELO_ID.search(link.attributes.get("href") or "") if link is not None else None
    return _KIND_LAW.get(match.group(1)) if match else None


def parse_card(root: Any, html: str, source: str = "<bytes>") -> dict[str, Any]:
    """The page dict of a case card (kind ``case_card``); sanity is checked by the caller, but for
    a lower-court block that could not be read (``PageLayoutError`` naming ``source``)."""
    tables = card_tables(root)
    fields: dict[str, str] = {}  # the case's own label table(s)
    lower: dict[str, str] = {}  # the lower-court tab
    for table in tables:
        if (table.title or table.section).startswith(L.EXECUTION_TITLES) or _is_complaint(table):
            continue
        target = lower if _is_lower_court(table) else fields
        for key, value in table.labels().items():
            target.setdefault(key, value)
    numbers = heading_number(root, html)
    if numbers is None:
        printed = lookup(fields, *_HEADING_LABELS)
        numbers = case_number(printed) if printed else None
    law = default_law(root)
    case = {
        "number": numbers[0] if numbers else None,
        "number_full": numbers[1] if numbers else None,
        "uid": lookup(fields, *L.UID),
        "category": lookup(fields, *L.CATEGORY),
        "received": iso_date(lookup(fields, *L.RECEIVED)),
        "judge": lookup(fields, *L.JUDGE),
        "decided": iso_date(lookup(fields, *L.DECIDED)),
        "result": result_text(lookup(fields, *L.RESULT)),
        "lower_court": read_lower_court(fields, lower, source=source, number=numbers[0] if numbers else None),
    }
    return {
        "kind": "case_card",
        "case": case,
        "events": _events(tables),
        "persons": _persons(tables, law),
        "acts": _acts(root),
    }


def _events(tables: list[Table]) -> list[dict[str, str | None]]:
    events = []
    for table in tables:
        if _is_complaint(table):
            continue
        found = table.header(["наименование события"])  # "Событие" heads a complaint's movement
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
            printed_date = value_at(cells, date_i)
            events.append(
                {
                    "name": name,
                    "date": iso_date(printed_date),
                    # Some templates print "18.12.2025 10:00" in the date column and no time column.
                    "time": clock_time(value_at(cells, time_i) if time_i is not None else printed_date),
                    "result": value_at(cells, result_i),
                    "basis": value_at(cells, basis_i),
                }
            )
    return events


def _person_columns(keys: list[str]) -> tuple[int | None, int | None, int | None]:
    """(name, role, articles) column indexes of a persons header row, by their labels."""
    name_i = column(keys, *L.PERSON_NAME, exact=True)
    if name_i is None:
        name_i = column(keys, *L.PERSON_NAME_PREFIXES)
    return name_i, column(keys, *L.PERSON_ROLE), column(keys, *L.PERSON_ARTICLES)


def _persons(tables: list[Table], law: str | None) -> list[dict[str, Any]]:
    persons: list[dict[str, Any]] = []
    for table in tables:
        if _is_complaint(table):
            continue
        for index, cells in enumerate(table.rows[:4]):
            if len(cells) < 2:
                continue
            keys = table.keys(index)
            name_i, role_i, articles_i = _person_columns(keys)
            if name_i is None or name_i in (role_i, articles_i) or "жалоб" in keys[name_i]:
                continue
            if role_i is None and articles_i is None and not _persons_titled(table):
                continue  # a name column alone is a persons table only under its title (ЛИЦА)
            persons.extend(_person_rows(table, index, name_i, role_i, articles_i, keys, law))
            break
    return persons


def _persons_titled(table: Table) -> bool:
    title = table.title or table.section
    return bool(title) and title.startswith(L.PERSON_TITLES)


def _person_rows(
    table: Table, index: int, name_i: int, role_i: int | None, articles_i: int | None,
    keys: list[str], law: str | None,
) -> list[dict[str, Any]]:
    decided_i = column(keys, *L.PERSON_DECIDED)
    result_i = column(keys, *L.PERSON_RESULT)
    default_role = table.title or table.section or "ЛИЦА"
    rows: list[dict[str, Any]] = []
    spanning = False  # the previous row's name cell spans the next rows (rowspan)
    for cells in table.rows[index + 1 :]:
        if spanning and rows and len(cells) < len(keys):
            # A continuation row of the person above: only their further articles.
            more = parse_articles(" ; ".join(cell_text(c) for c in cells), default_law=law)
            rows[-1]["articles"].extend(a for a in more if a not in rows[-1]["articles"])
            continue
        spanning = name_i < len(cells) and _spans(cells[name_i])
        name = value_at(cells, name_i)
        if not name or len(cells) < 2:
            continue  # a one-cell row spans the table (a note, "Информация скрыта" banner)
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


def _spans(cell: Any) -> bool:
    return (cell.attributes.get("rowspan") or "1").strip() not in ("", "1")


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
