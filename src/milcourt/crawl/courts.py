"""Which court sites to crawl: the packaged courts registry (``milcourt.courts``) as sites.

Everything else in the crawler takes :class:`CourtSite` values; under ``--base-url`` the sites
come from the simulator's ``/courts.json`` instead.
"""

from __future__ import annotations

import json
import urllib.request
from dataclasses import dataclass, field

from milcourt.courts import registry


@dataclass(frozen=True)
class CourtSite:
    code: str  # 54GV0003
    name: str
    website: str  # http://bgvs.alt.sudrf.ru
    srv: tuple[str, ...] = field(default=("1",))  # the site's case-database servers (srv_num)


def _site(court: registry.Court) -> CourtSite:
    return CourtSite(court.code, court.name, court.website, court.srv or ("1",))


def all_courts() -> list[CourtSite]:
    """Every court of the registry, sorted by code."""
    return sorted((_site(c) for c in registry.all_courts()), key=lambda c: c.code)


def military_courts() -> list[CourtSite]:
    """The military courts: garrison (GV), district/fleet (OV), Appellate (AV), Cassation (KV)."""
    return sorted((_site(c) for c in registry.military_courts()), key=lambda c: c.code)


def select_courts(spec: str) -> list[CourtSite]:
    """``military`` or a comma list of codes (``54GV0003,27GV0005``); unknown codes are an error."""
    if spec.strip().lower() == "military":
        return military_courts()
    wanted = [c.strip().upper() for c in spec.split(",") if c.strip()]
    known = {c.code: c for c in all_courts()}
    missing = [c for c in wanted if c not in known]
    if missing:
        raise ValueError(f"unknown court code(s): {', '.join(missing)} (see milcourt courts)")
    return [known[c] for c in wanted]


def served_courts(base_url: str, timeout: float = 10.0) -> list[CourtSite] | None:
    """The courts a local simulator serves (its ``/courts.json``), or None if it does not say.

    ``milcourt crawl --base-url`` crawls every court the simulator serves, not the 111 of the
    registry (most of which a small simulation does not have).
    """
    try:
        with urllib.request.urlopen(base_url.rstrip("/") + "/courts.json", timeout=timeout) as answer:
            rows = json.loads(answer.read().decode("utf-8"))
    except (OSError, ValueError):
        return None
    out = []
    for row in rows if isinstance(rows, list) else []:
        code, host = row.get("code"), row.get("host")
        if code and host:
            out.append(CourtSite(code, row.get("name", code), f"http://{host}", ("1",)))
    return out or None
