"""Saved searches: named case-browser filters (article, court, district, act text) in the store.

Validated when saved, so a feed or a digest never silently matches nothing because of a typo:
the article must be one of chapter 33 (military service crimes, 332–352.1) with an optional part
(``337.5`` is article 337, part 5), the court a code of the courts registry, the district a
military district or fleet court. A search holds filters only: no names can be put in it except
through ``--text``, which is matched against the pseudonymised act texts.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from milcourt.courts.registry import find_court
from milcourt.stats.official.labels import CHAPTER_ARTICLES
from milcourt.stats.query import split_article
from milcourt.store.schema import saved_searches

NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
PART = re.compile(r"^\d{1,2}(\.\d{1,2})?$")
TEXT_MAX = 200


class SearchError(ValueError):
    """A saved search that cannot be stored or found as asked."""


@dataclass(frozen=True)
class SearchFilters:
    article: str | None = None  # "337", "352.1"
    part: str | None = None  # "5", "3.1"
    court: str | None = None
    district: str | None = None
    text: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v}

    def describe(self) -> str:
        parts = []
        if self.article:
            parts.append(f"ст. {self.article}" + (f" ч. {self.part}" if self.part else ""))
        if self.court:
            parts.append(f"court {self.court}")
        if self.district:
            parts.append(f"district {self.district}")
        if self.text:
            parts.append(f"text “{self.text}”")
        return ", ".join(parts) or "everything"


def make_filters(*, article: str | None = None, court: str | None = None, district: str | None = None,
                 text: str | None = None) -> SearchFilters:
    """Validated filters; ``article`` as the case browser takes it (``337``, ``337.5``, ``352.1``)."""
    art = part = None
    if article:
        art, part = split_article(article.strip())
        if art not in CHAPTER_ARTICLES:
            raise SearchError(f"unknown article {article!r}: use one of chapter 33 of the УК РФ "
                              f"({', '.join(CHAPTER_ARTICLES[:3])} … 352.1), e.g. 337 or 337.5 (part 5)")
        if part is not None and not PART.match(part):
            raise SearchError(f"unknown part in article {article!r}: write 337.5 or 337.3.1")
    if court:
        found = find_court(court.strip().upper())
        if found is None or found.code != court.strip().upper():
            raise SearchError(f"unknown court {court!r}: not a court code of the registry (milcourt courts)")
        court = found.code
    if district:
        found = find_court(district.strip().upper())
        if found is None or found.code != district.strip().upper() or not (found.military and found.level == "district"):
            raise SearchError(f"unknown district {district!r}: not a military district or fleet court code "
                              "(milcourt courts --military --level district)")
        district = found.code
    text = (text or "").strip() or None
    if text and len(text) > TEXT_MAX:
        raise SearchError(f"--text is longer than {TEXT_MAX} characters")
    return SearchFilters(art, part, court, district, text)


def from_json(data: dict[str, Any]) -> SearchFilters:
    return SearchFilters(**{k: data.get(k) for k in ("article", "part", "court", "district", "text")})


def _check_name(name: str) -> str:
    if not NAME.match(name or ""):
        raise SearchError(f"bad search name {name!r}: use 1–64 letters, digits, '-' or '_'")
    return name


def save(engine: Engine, name: str, filters: SearchFilters, *, replace: bool = False) -> None:
    """Store ``filters`` under ``name`` (one statement: stored whole or not at all)."""
    _check_name(name)
    with engine.begin() as conn:
        exists = conn.execute(sa.select(saved_searches.c.name).where(saved_searches.c.name == name)).first()
        if exists and not replace:
            raise SearchError(f"a search named {name!r} exists already (delete it first, or --replace)")
        if exists:
            conn.execute(sa.delete(saved_searches).where(saved_searches.c.name == name))
        conn.execute(sa.insert(saved_searches).values(name=name, filters=filters.as_json(),
                                                      created_at=datetime.now(UTC).replace(tzinfo=None)))


def get(engine: Engine, name: str) -> SearchFilters:
    _check_name(name)
    with engine.connect() as conn:
        row = conn.execute(sa.select(saved_searches.c.filters).where(saved_searches.c.name == name)).first()
    if row is None:
        raise SearchError(f"no saved search named {name!r} (milcourt search list)")
    return from_json(dict(row.filters))


def list_all(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(sa.select(saved_searches).order_by(saved_searches.c.name)).mappings().all()
    return [{"name": r["name"], "filters": dict(r["filters"]), "created_at": r["created_at"]} for r in rows]


def delete(engine: Engine, name: str) -> None:
    _check_name(name)
    with engine.begin() as conn:
        gone = conn.execute(sa.delete(saved_searches).where(saved_searches.c.name == name)).rowcount
    if not gone:
        raise SearchError(f"no saved search named {name!r} (milcourt search list)")
