"""The sudrf case-module URL scheme, as pure functions (no I/O).

Every court site on the sudrf engine ("ГАС Правосудие") serves its case module at
``<site>/modules.php?name=sud_delo``. A search is a GET of the search form's fields with
``name_op=r``; each register of cases ("картотека": criminal first instance, criminal appeal,
…) has its own ``delo_id``, ``new`` flag and table prefix (``u1_case``, ``u2_case``, …) that
the field names are built from. docs/sudrf.md explains each parameter and which real page
shows it; this module is the single place the crawler builds and reads those URLs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

SITE_ENCODING = "windows-1251"  # the sites decode query strings as cp1251 ("Найти" = %CD%E0%E9%F2%E8)


@dataclass(frozen=True)
class Register:
    """One register of cases on a court site, with the names its search form uses."""

    instance: str  # first | appeal | cassation
    delo_id: str
    new: str
    table: str  # the case table: field names ``<table>__ENTRY_DATE1D`` etc.
    parts: str  # the defendants table: ``<parts>__LAW_ARTICLESS``
    label: str  # the register's title on the site


REGISTERS: dict[str, Register] = {
    "first": Register("first", "1540006", "0", "u1_case", "U1_DEFENDANT", "Уголовные дела - первая инстанция"),
    "appeal": Register("appeal", "4", "4", "u2_case", "U2_DEFENDANT", "Уголовные дела - апелляция"),
    "cassation": Register("cassation", "2450001", "2450001", "u33_case", "U33_DEFENDANT", "Уголовные дела - кассация"),
}

# Which registers a court hears, by the level letters in its code (54GV0003 → "GV").
_LEVEL_REGISTERS = {
    "GV": ("first",),  # garrison military court
    "OV": ("first", "appeal"),  # district / fleet military court
    "AV": ("appeal",),  # Appellate Military Court
    "KV": ("cassation",),  # Cassation Military Court
    "RS": ("first", "appeal"),  # district court (appeals from magistrates)
    "OS": ("first", "appeal"),  # regional court
}

COURT_CODE = re.compile(r"^\d{2}[A-Z]{2}\d{4}$")


def court_level(code: str) -> str:
    """The two level letters of a court code: ``54GV0003`` → ``GV``."""
    if not COURT_CODE.match(code):
        raise ValueError(f"not a court code: {code!r} (expected e.g. 54GV0003)")
    return code[2:4]


def registers_for(code: str, instance: str = "all") -> list[Register]:
    """The criminal registers to search on a court's site for ``--instance first|appeal|all``.

    ``all`` means first instance and appeal (what the court's level hears); cassation is only
    searched when asked for by name.
    """
    heard = _LEVEL_REGISTERS.get(court_level(code), ("first", "appeal"))
    if instance == "all":
        wanted: tuple[str, ...] = tuple(k for k in heard if k != "cassation")
    elif instance in REGISTERS:
        wanted = (instance,) if instance in heard else ()
    else:
        raise ValueError(f"unknown instance {instance!r}: use first, appeal, cassation or all")
    return [REGISTERS[k] for k in wanted]


def _ru_date(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


def search_url(root: str, register: Register, *, article: str = "", since: date | None = None,
               until: date | None = None, srv: str = "1", page: int | None = None) -> str:
    """The results URL of the site's case search: one register, one article, cases received
    between ``since`` and ``until`` (inclusive; either may be open).

    ``root`` is the site root (``http://bgvs.alt.sudrf.ru`` or a simulator prefix). The article
    goes into the free-text field ``<parts>__LAW_ARTICLESS``, which the site matches as a
    substring of the defendant's articles ("ст.337 ч.5 УК РФ"), so "337" finds every part.
    """
    t, p = register.table, register.parts
    params: list[tuple[str, str]] = [
        ("name", "sud_delo"),
        ("srv_num", srv),
        ("name_op", "r"),
    ]
    if page and page > 1:
        params.append(("page", str(page)))
    params += [
        ("delo_id", register.delo_id),
        ("case_type", "0"),
        ("new", register.new),
        ("delo_table", t),
        (f"{t}__ENTRY_DATE1D", _ru_date(since)),
        (f"{t}__ENTRY_DATE2D", _ru_date(until)),
        (f"{p}__LAW_ARTICLESS", article),
        ("Submit", "Найти"),
    ]
    return f"{root.rstrip('/')}/modules.php?{urlencode(params, encoding=SITE_ENCODING)}"


def query(url: str) -> dict[str, str]:
    """The query parameters of a URL (first value wins; cp1251 values decoded)."""
    out: dict[str, str] = {}
    for key, value in parse_qsl(urlsplit(url).query, keep_blank_values=True, encoding=SITE_ENCODING):
        out.setdefault(key, value)
    return out


def with_page(url: str, page: int) -> str:
    """The same search on results page ``page`` (the site's ``&page=N``; page 1 has none)."""
    parts = urlsplit(url)
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True, encoding=SITE_ENCODING)
             if k != "page"]
    if page > 1:
        at = next((i + 1 for i, (k, _) in enumerate(pairs) if k == "name_op"), len(pairs))
        pairs.insert(at, ("page", str(page)))
    return urlunsplit(parts._replace(query=urlencode(pairs, encoding=SITE_ENCODING)))


def page_number(url: str) -> int:
    """Which results page a search URL asks for (1 when it has no ``page``)."""
    value = query(url).get("page", "1")
    return int(value) if value.isdigit() else 1


def link_kind(url: str) -> str:
    """What a case-module link leads to: ``search``, ``card``, ``act``, ``form`` or ``other``.

    Cards: classic ``name_op=case&case_id=…&case_uid=…&delo_id=…``; newer (v4) template
    ``name_op=case&_id=…&_uid=…&_deloId=…``. Acts: ``name_op=doc&number=…``.
    """
    q = query(url)
    if q.get("name") != "sud_delo":
        return "other"
    op = q.get("name_op", "")
    if op == "r":
        return "search"
    if op == "case":
        return "card"
    if op == "doc":
        return "act"
    if op in ("sf", "r_juid"):
        return "form" if op == "sf" else "search"
    return "other"


def card_key(url: str) -> str:
    """A stable identity for a case card whatever the link variant.

    The same card appears with and without ``case_uid``/``_uid``, with ``_doc=1`` (act tab
    pre-selected) and with parameters in another order; all of them name one case.
    """
    q = query(url)
    case_id = q.get("case_id") or q.get("_id") or ""
    delo_id = q.get("delo_id") or q.get("_deloId") or ""
    srv = q.get("srv_num", "1")
    if not case_id:
        return url
    return f"case:{srv}:{delo_id}:{case_id}"


@dataclass(frozen=True)
class Paging:
    """What a parsed results page says about the search: how many, which cards, what next."""

    total: int | None
    card_urls: list[str]
    act_urls: list[str]
    next_page: str | None


def paging(listing: dict[str, Any]) -> Paging:
    """Read the paging of a parsed results page (``parse_page`` kind ``search_results``).

    Rows that repeat a card (the v4 template prints each case twice, table and mobile view)
    count once.
    """
    seen: set[str] = set()
    cards: list[str] = []
    acts: list[str] = []
    for row in listing.get("rows") or []:
        url = row.get("url")
        if url and link_kind(url) == "card" and card_key(url) not in seen:
            seen.add(card_key(url))
            cards.append(url)
        for act in row.get("acts") or []:
            if isinstance(act, str) and act not in acts:
                acts.append(act)
    total = listing.get("total")
    return Paging(total if isinstance(total, int) else None, cards, acts, listing.get("next_page"))


def split_range(since: date, until: date) -> tuple[tuple[date, date], tuple[date, date]] | None:
    """Halve an inclusive date range for a search that reached the site's row limit.

    ``None`` when it is a single day and cannot be split further.
    """
    if until <= since:
        return None
    mid = since + timedelta(days=(until - since).days // 2)
    return (since, mid), (mid + timedelta(days=1), until)
