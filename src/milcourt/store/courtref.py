"""Court look-ups the store needs: a site's host → court code, a printed court name → court code.

Reads the courts registry shipped in ``milcourt.courts`` (military courts) when present, and the full
sudrf court list in the shared reference data when it is reachable (development and CI), so that
civil fixture pages resolve too. Everything degrades to "unknown" (None) rather than guessing.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from milcourt.paths import shared_dir


def _registry_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    try:
        for entry in resources.files("milcourt.courts").iterdir():
            if entry.name.endswith(".json") and "court" in entry.name:
                data = json.loads(entry.read_text(encoding="utf-8"))
                items = data if isinstance(data, list) else data.get("courts", [])
                rows.extend(
                    {"code": r.get("code"), "name": r.get("name"), "website": r.get("website")}
                    for r in items
                    if isinstance(r, dict)
                )
    except (ModuleNotFoundError, FileNotFoundError, ValueError):
        pass
    try:
        path = shared_dir() / "data" / "courts" / "sudrf_websites.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        for region in data.values():
            rows.extend(
                {"code": r["court_id"], "name": r["court_name"], "website": r.get("court_website")}
                for r in region
            )
    except (FileNotFoundError, OSError, ValueError, KeyError):
        pass
    return [r for r in rows if r.get("code")]


def _host(website: str | None) -> str:
    host = (website or "").split("://")[-1].split("/")[0].lower()
    return host.removeprefix("www.")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    from milcourt.store.keys import court_name_key

    by_host: dict[str, str] = {}
    by_name: dict[str, str] = {}
    names: dict[str, str] = {}
    for row in _registry_rows():
        code = str(row["code"]).upper()
        if row.get("website"):
            by_host.setdefault(_host(row["website"]), code)
        if row.get("name"):
            names.setdefault(code, str(row["name"]))
            key = court_name_key(str(row["name"]))
            if key:
                # A name shared by courts of several regions ("Ленинский районный суд") names none.
                by_name[key] = code if by_name.get(key, code) == code else ""
    return by_host, {k: v for k, v in by_name.items() if v}, names


def code_for_host(host: str) -> str | None:
    return _tables()[0].get(_host(host))


def code_for_name(name: str) -> str | None:
    from milcourt.store.keys import court_name_key

    key = court_name_key(name)
    return _tables()[1].get(key) if key else None


def name_for_code(code: str) -> str | None:
    return _tables()[2].get(code.upper())
