"""Which court sites to crawl.

One function, :func:`military_courts`, reads the sudrf registry of court websites in the
shared data (Dataout.org, CC BY-SA 4.0) and keeps the military courts (codes with GV, OV, AV,
KV). It is the seam where the crawler will switch to ``milcourt.courts`` once that registry
ships; everything else takes :class:`CourtSite` values.
"""

from __future__ import annotations

import json
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from milcourt.paths import shared_dir

MILITARY_LEVELS = ("GV", "OV", "AV", "KV")


@dataclass(frozen=True)
class CourtSite:
    code: str  # 54GV0003
    name: str
    website: str  # http://bgvs.alt.sudrf.ru
    srv: tuple[str, ...] = field(default=("1",))  # the site's case-database servers (srv_num)


def all_courts(path: Path | None = None) -> list[CourtSite]:
    """Every court in the registry file (``courts/sudrf_websites.json``), sorted by code."""
    path = path or shared_dir() / "data" / "courts" / "sudrf_websites.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path}: cannot read the court registry: {exc}") from exc
    courts: dict[str, CourtSite] = {}
    for region in data.values():
        for row in region:
            code, site = row.get("court_id"), row.get("court_website")
            if not code or not site:
                continue
            srv = tuple(str(s) for s in row.get("srv") or ["1"])
            courts[code] = CourtSite(code, row.get("court_name", code), site.rstrip("/"), srv)
    return [courts[c] for c in sorted(courts)]


def military_courts(path: Path | None = None) -> list[CourtSite]:
    """The military courts: garrison (GV), district/fleet (OV), Appellate (AV), Cassation (KV)."""
    return [c for c in all_courts(path) if c.code[2:4] in MILITARY_LEVELS]


def select_courts(spec: str, path: Path | None = None) -> list[CourtSite]:
    """``military`` or a comma list of codes (``54GV0003,27GV0005``); unknown codes are an error."""
    if spec.strip().lower() == "military":
        return military_courts(path)
    wanted = [c.strip().upper() for c in spec.split(",") if c.strip()]
    known = {c.code: c for c in all_courts(path)}
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
