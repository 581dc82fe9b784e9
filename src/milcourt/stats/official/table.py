"""The official figures in the store: one table, upserted on its natural key (year, article, part).

The table belongs to the store (``milcourt.store.schema.official_convictions``, created by its
migrations); this module only reads and writes it, so every function takes the engine of a
migrated store. SQLAlchemy Core only, the same statements on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, and_, inspect, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from milcourt.reference import read_official_csv
from milcourt.stats.official.form10a import OfficialRow, read_directory
from milcourt.stats.official.labels import CHAPTER_TOTAL, article_key
from milcourt.store.schema import official_convictions


class StoreNotMigrated(RuntimeError):
    """The engine's database has no ``official_convictions`` table: it is not a migrated store."""


def _require_table(engine: Engine) -> None:
    if not has_table(engine):
        raise StoreNotMigrated(
            f"{engine.url.render_as_string(hide_password=True)}: no official_convictions table; "
            "open the store with milcourt.store.open_store (it applies the migrations) before loading")


def _record(row: OfficialRow | Mapping[str, Any], loaded_at: str) -> dict[str, Any]:
    data = row.as_dict() if isinstance(row, OfficialRow) else dict(row)
    return {
        "year": int(data["year"]),
        "article": str(data["article"]),
        "part": str(data.get("part") or ""),
        "convicted": int(data["convicted"]),
        "printed": bool(data.get("printed", True)),
        "label": str(data.get("label") or ""),
        "source": str(data.get("source") or ""),
        "sheet": str(data.get("sheet") or ""),
        "row_number": data.get("row_number", data.get("row")),
        "loaded_at": loaded_at,
    }


def load_official(engine: Engine, rows: Iterable[OfficialRow | Mapping[str, Any]], *, prune: bool = True) -> int:
    """Insert or update rows on (year, article, part); loading the same files twice changes nothing.

    With `prune`, rows of the loaded years that the new rows no longer contain are deleted, so
    a year re-read by a better parser holds exactly what it now gives. Returns rows written.
    Raises StoreNotMigrated when ``engine`` is not a migrated store.
    """
    loaded_at = datetime.now(UTC).isoformat(timespec="seconds")
    records = [_record(r, loaded_at) for r in rows]
    if not records:
        return 0
    _require_table(engine)
    table = official_convictions
    keys = ("year", "article", "part")
    with engine.begin() as conn:
        name = conn.dialect.name
        if name in ("sqlite", "postgresql"):
            insert = sqlite.insert if name == "sqlite" else postgresql.insert
            stmt = insert(table)
            values = [c.name for c in table.columns if c.name not in keys and c.name != "loaded_at"]
            stmt = stmt.on_conflict_do_update(
                index_elements=list(keys),
                set_={c.name: stmt.excluded[c.name] for c in table.columns if c.name not in keys},
                # an unchanged row keeps its loaded_at: a second load of the same files changes nothing
                where=or_(*(table.c[v].is_distinct_from(stmt.excluded[v]) for v in values)),
            )
            conn.execute(stmt, records)
        else:  # any other backend: replace by key, still one transaction
            for record in records:
                conn.execute(table.delete().where(and_(*(table.c[k] == record[k] for k in keys))))
            conn.execute(table.insert(), records)
        if prune:
            _prune(conn, records)
    return len(records)


def _prune(conn: Connection, records: list[dict[str, Any]]) -> None:
    t = official_convictions
    wanted = {(r["year"], r["article"], r["part"]) for r in records}
    years = {r["year"] for r in records}
    present = conn.execute(select(t.c.year, t.c.article, t.c.part).where(t.c.year.in_(years)))
    for key in [tuple(k) for k in present if tuple(k) not in wanted]:
        conn.execute(t.delete().where(and_(t.c.year == key[0], t.c.article == key[1], t.c.part == key[2])))


def has_table(engine: Engine) -> bool:
    """Whether the store holds the table (an empty or unmigrated database reads as no rows)."""
    return inspect(engine).has_table(official_convictions.name)


def official_rows(
    engine: Engine, *, article: str | None = None, year: int | None = None, part: str | None = None
) -> list[dict[str, Any]]:
    """Rows as dicts (year, article, part, convicted, printed, label, source), in article order."""
    if not has_table(engine):
        return []
    t = official_convictions
    query = select(t.c.year, t.c.article, t.c.part, t.c.convicted, t.c.printed, t.c.label, t.c.source)
    if article is not None:
        query = query.where(t.c.article == normalise_article(article))
    if year is not None:
        query = query.where(t.c.year == year)
    if part is not None:
        query = query.where(t.c.part == part)
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query)]
    for row in rows:
        row["printed"] = bool(row["printed"])
    return sorted(rows, key=_order)


def official_by_year(engine: Engine, article: str, part: str = "") -> dict[int, int]:
    """Persons convicted per year for one article (total when part is ""), e.g. {2021: 565}."""
    return {r["year"]: r["convicted"] for r in official_rows(engine, article=article, part=part)}


def normalise_article(article: str) -> str:
    """'ст. 337' -> '337'; 'chapter', 'ch33', 'глава 33' -> the chapter total's key."""
    text = article.strip().lower().removeprefix("ст.").removeprefix("ст").strip()
    if text in {"ch33", "chapter", "chapter33", "chapter 33", "глава 33", "гл. 33"}:
        return CHAPTER_TOTAL
    return text


def _order(row: Mapping[str, Any]) -> tuple[int, bool, tuple[int, int], tuple[int, int]]:
    chapter = row["article"] == CHAPTER_TOTAL
    art = (0, 0) if chapter else article_key(row["article"])
    part = (-1, 0) if not row["part"] else article_key(row["part"])
    return (row["year"], not chapter, art, part)


def load_directory(engine: Engine, directory: str | Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Read every workbook in ``directory`` and upsert its rows: (one summary per workbook, errors).

    A workbook that cannot be read becomes an error line; the others still load.
    """
    forms, errors = read_directory(directory)
    summary = [
        {"file": form.source, "year": form.year, "sheet": form.sheet,
         "rows": load_official(engine, form.rows), "warnings": form.warnings}
        for form in forms
    ]
    return summary, errors


def load_packaged(engine: Engine) -> list[dict[str, Any]]:
    """Upsert the form 10-a figures milcourt ships (derived from the 2013-2021 workbooks by
    scripts/build_official.py): the same rows ``load_directory`` reads from the workbooks, for
    installs that do not have them. Returns one summary per source workbook."""
    rows = read_official_csv()
    load_official(engine, rows)
    by_source: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = by_source.setdefault(row["source"], {"file": row["source"], "year": row["year"],
                                                     "sheet": row["sheet"], "rows": 0, "warnings": []})
        entry["rows"] += 1
    return [by_source[k] for k in sorted(by_source)]

