"""The court registry: every sudrf court, the 111 military courts among them, with parents.

Derived from the Dataout.org court list (CC BY-SA 4.0), shipped as package data
(``courts/data/courts.json``, rebuilt by ``scripts/build_courts.py``). Parents, "the court
that hears its appeals", are derived here from rules docs/courts.md states; where no rule
establishes a parent it stays ``None`` with the reason in ``parent_note``: nothing is guessed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources

#: Court-type letters in the code (``54GV0003``) → level.
LEVELS = {
    "GV": "garrison",  # гарнизонный военный суд
    "OV": "district",  # окружной (флотский) военный суд
    "AV": "appeal",  # Апелляционный военный суд
    "KV": "cassation",  # Кассационный военный суд
    "RS": "rayon",  # районный (городской) суд
    "OS": "regional",  # суд субъекта РФ
    "AJ": "appeal_general",  # апелляционный суд общей юрисдикции
    "KJ": "cassation_general",  # кассационный суд общей юрисдикции
}
MILITARY_TYPES = ("GV", "OV", "AV", "KV")
MILITARY_LEVELS = ("garrison", "district", "appeal", "cassation")
CODE_RE = re.compile(r"^(\d{2})([A-Z]{2})(\d{4})$")
UID_CODE_RE = re.compile(r"^\s*(\d{2}[A-Z]{2}\d{4})-")
#: Garrison-court code prefixes of district military courts abolished in the reform of
#: 1 October 2019 (Federal Constitutional Law of 29.07.2018 No. 1-FKZ), mapped to the court
#: that took over their appeals: the Privolzhsky (Samara, "63") and Ural courts formed the
#: Central district military court; the Novosibirsk area went to the 2nd Eastern district
#: military court (permanent session in Novosibirsk). See docs/courts.md.
REORGANISED_PREFIXES = {"63": "66OV0001", "54": "75OV0000"}


@dataclass(frozen=True)
class Court:
    code: str
    name: str
    level: str
    region_code: str
    region: str | None
    website: str
    srv: tuple[str, ...]
    military: bool
    parent: str | None = None
    parent_note: str | None = None

    def as_dict(self) -> dict:
        data = asdict(self)
        data["srv"] = list(self.srv)
        return data


def court_type(code: str) -> str:
    """The two court-type letters of a court code (``GV`` in ``54GV0003``)."""
    match = CODE_RE.match(code)
    if not match:
        raise ValueError(f"not a court code: {code!r} (expected like 54GV0003)")
    return match.group(2)


def code_from_uid(uid: str) -> str | None:
    """The court code a case UID starts with (61GV0004-01-2024-000197-32 → 61GV0004)."""
    match = UID_CODE_RE.match(uid.upper())
    return match.group(1) if match else None


def _parents(records: list[dict]) -> dict[str, tuple[str | None, str | None]]:
    """Parent court of each court, by the rules in docs/courts.md, with a note when unknown."""
    by_type: dict[str, list[dict]] = {}
    for rec in records:
        by_type.setdefault(court_type(rec["code"]), []).append(rec)
    district_by_prefix: dict[str, list[str]] = {}
    for rec in by_type.get("OV", []):
        district_by_prefix.setdefault(rec["code"][:2], []).append(rec["code"])
    regional_by_region: dict[str, list[str]] = {}
    for rec in by_type.get("OS", []):
        regional_by_region.setdefault(rec["region_code"], []).append(rec["code"])
    appeal = [r["code"] for r in by_type.get("AV", [])]
    cassation = [r["code"] for r in by_type.get("KV", [])]

    parents: dict[str, tuple[str | None, str | None]] = {}
    for rec in records:
        code, kind = rec["code"], court_type(rec["code"])
        if kind == "GV":
            found = district_by_prefix.get(code[:2], [])
            if len(found) == 1:
                parents[code] = (found[0], None)
            elif code[:2] in REORGANISED_PREFIXES:
                parents[code] = (REORGANISED_PREFIXES[code[:2]], "successor after the 2019 reform")
            else:
                parents[code] = (None, f"no district military court has the code prefix {code[:2]}")
        elif kind == "OV":
            parents[code] = (appeal[0], None) if len(appeal) == 1 else (None, "no appellate military court")
        elif kind == "AV":
            parents[code] = (
                (cassation[0], "cassation review") if len(cassation) == 1 else (None, "no cassation court")
            )
        elif kind == "RS":
            found = regional_by_region.get(rec["region_code"], [])
            parents[code] = (
                (found[0], None) if len(found) == 1 else (None, "no single regional court in the region")
            )
        elif kind == "KV":
            parents[code] = (None, "the Supreme Court (not a sudrf site)")
        else:
            parents[code] = (None, "appellate district not in the source registry")
    return parents


@cache
def _load() -> tuple[dict, tuple[Court, ...]]:
    raw = json.loads(resources.files("milcourt.courts").joinpath("data/courts.json").read_text("utf-8"))
    records = raw["courts"]
    parents = _parents(records)
    courts = tuple(
        Court(
            code=r["code"],
            name=r["name"],
            level=LEVELS.get(court_type(r["code"]), court_type(r["code"]).lower()),
            region_code=r["region_code"],
            region=r["region"],
            website=r["website"],
            srv=tuple(r["srv"]),
            military=court_type(r["code"]) in MILITARY_TYPES,
            parent=parents[r["code"]][0],
            parent_note=parents[r["code"]][1],
        )
        for r in records
    )
    meta = {k: v for k, v in raw.items() if k != "courts"}
    return meta, courts


def credit() -> str:
    """The attribution every export and page derived from the registry must carry."""
    return str(_load()[0]["credit"])


def all_courts() -> tuple[Court, ...]:
    return _load()[1]


def military_courts() -> tuple[Court, ...]:
    return tuple(c for c in all_courts() if c.military)


@cache
def _by_code() -> dict[str, Court]:
    return {c.code: c for c in all_courts()}


def find_court(code_or_uid: str) -> Court | None:
    """The court of a code (``61GV0004``) or of a case UID that starts with one."""
    key = code_or_uid.strip().upper()
    return _by_code().get(key) or _by_code().get(code_from_uid(key) or "")


def find_by_host(host: str) -> Court | None:
    """The court whose website is on ``host`` (``bgvs.alt.sudrf.ru``)."""
    host = host.lower().removeprefix("www.")
    for court in all_courts():
        if court.website.lower().split("://", 1)[-1].split("/", 1)[0] == host:
            return court
    return None


def select(
    courts: Iterable[Court], *, military: bool = False, level: str | None = None, code: str | None = None
) -> list[Court]:
    """Filter courts the way ``milcourt courts`` does."""
    chosen = [c for c in courts if (not military or c.military) and (level is None or c.level == level)]
    if code is not None:
        target = find_court(code)
        chosen = [c for c in chosen if target is not None and c.code == target.code]
    return chosen
