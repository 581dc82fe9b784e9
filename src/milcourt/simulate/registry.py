"""The military courts the simulator serves, read from the shared court registry.

Kept in one function (``military_courts``) so the source can later switch to
``milcourt.courts`` without touching the rest of the simulator.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from milcourt.paths import shared_dir

# Garrison courts whose code prefix names no district court today: their region was merged into
# the Central district (63 Samara, 54 Novosibirsk) or belongs to the 2nd Western (31). This is a
# synthetic assignment for the simulator only, not a registry fact.
_FALLBACK_PARENT = {"63": "66OV0001", "54": "66OV0001", "31": "77OV0000"}


@dataclass(frozen=True)
class Court:
    code: str
    name: str
    level: str  # garrison | district
    region_code: str
    website: str
    parent: str | None = None

    @property
    def host(self) -> str:
        return urlsplit(self.website).netloc


@lru_cache(maxsize=4)
def _load(path: str) -> tuple[Court, ...]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path}: cannot read the court registry: {exc}") from exc
    courts: list[Court] = []
    for region_code, entries in data.items():
        for entry in entries:
            code = entry.get("court_id", "")
            kind = code[2:4]
            if kind not in ("GV", "OV"):
                continue
            name = re.sub(r"\s*\([^()]*\)\s*$", "", entry.get("court_name", "")).strip()
            level = "garrison" if kind == "GV" else "district"
            courts.append(Court(code, name, level, region_code, entry.get("court_website", "")))
    districts = {c.code[:2]: c.code for c in courts if c.level == "district"}
    out = []
    for c in sorted(courts, key=lambda c: c.code):
        parent = None
        if c.level == "garrison":
            parent = districts.get(c.code[:2]) or _FALLBACK_PARENT.get(c.code[:2]) or min(districts.values())
        out.append(Court(c.code, c.name, c.level, c.region_code, c.website, parent))
    return tuple(out)


def military_courts(path: Path | None = None) -> list[Court]:
    """Garrison (GV) and district/fleet (OV) military courts, each garrison with its appeal court."""
    source = path or shared_dir() / "data" / "courts" / "sudrf_websites.json"
    return list(_load(str(source)))
