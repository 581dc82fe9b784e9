"""Court look-ups the store needs: a site's host → court code, a printed court name → court code.

Reads the courts registry shipped in ``milcourt.courts`` (every sudrf court, military ones flagged).
Everything degrades to "unknown" (None) rather than guessing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from milcourt.courts.registry import all_courts


def _registry_rows() -> list[dict[str, Any]]:
    return [{"code": c.code, "name": c.name, "website": c.website} for c in all_courts()]


def _host(website: str | None) -> str:
    host = (website or "").split("://")[-1].split("/")[0].lower()
    return host.removeprefix("www.")


def _unique(pairs: list[tuple[str | None, str]]) -> dict[str, str]:
    """key → code, dropping keys several courts share ("Ленинский районный суд" names none)."""
    out: dict[str, str] = {}
    for key, code in pairs:
        if key:
            out[key] = code if out.get(key, code) == code else ""
    return {k: v for k, v in out.items() if v}


def court_name_key(name: str | None) -> str | None:
    """A court's name reduced for matching: lower case, ё→е, only the words up to "суд"."""
    if not name:
        return None
    text = name.lower().replace("ё", "е")
    text = re.sub(r"\(.*?\)", " ", text)
    words = re.findall(r"[0-9а-яa-z-]+", text)
    if "суд" in words:
        words = words[: words.index("суд") + 1]
    return " ".join(words) or None


def printed_name_key(name: str) -> str:
    """A printed court name with case, ё, punctuation and spacing evened out (city kept)."""
    return " ".join(re.findall(r"[0-9а-яa-z]+", name.lower().replace("ё", "е")))


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    by_host: dict[str, str] = {}
    names: dict[str, str] = {}
    full: list[tuple[str | None, str]] = []
    reduced: list[tuple[str | None, str]] = []
    for row in _registry_rows():
        code = str(row["code"]).upper()
        if row.get("website"):
            by_host.setdefault(_host(row["website"]), code)
        if row.get("name"):
            name = str(row["name"])
            names.setdefault(code, name)
            full.append((printed_name_key(re.sub(r"\(.*?\)", " ", name)), code))
            reduced.append((court_name_key(name), code))
    return by_host, _unique(full), _unique(reduced), names


def code_for_host(host: str) -> str | None:
    return _tables()[0].get(_host(host))


def code_for_name(name: str) -> str | None:
    """The court a printed name stands for: the whole name first ("Верховный Суд Республики Коми"),
    then the words up to "суд" ("Сыктывкарский городской суд Республики Коми"); None if ambiguous."""
    by_full, by_reduced = _tables()[1], _tables()[2]
    code = by_full.get(printed_name_key(name))
    if code:
        return code
    key = court_name_key(name)
    return by_reduced.get(key) if key else None


def name_for_code(code: str) -> str | None:
    return _tables()[3].get(code.upper())
