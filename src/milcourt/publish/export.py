"""``milcourt export``: the store's public tables as CSV, Parquet or JSON Lines, with a codebook.

Only what may be published leaves the store: current versions of cases and their children,
pseudonyms (never names), extracted facts, the courts registry, coverage. Raw pages, the
archive, snapshot source paths and operator settings are never exported.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from milcourt.courts.registry import credit, find_court
from milcourt.law import RECORD_FIELDS
from milcourt.stats.coverage import coverage_rows
from milcourt.store import schema as s

EXPORT_FORMATS = ("csv", "parquet", "jsonl")
EXPORT_TABLES = ("cases", "proceedings", "persons", "charges", "sentences", "act_facts", "courts", "coverage")

_CASE_COLUMNS = (
    "id", "court_code", "number", "instance", "uid", "number_full", "category", "received", "judge",
    "decided", "result", "lower_court", "lower_number", "lower_judge", "lower_decided", "url",
    "synthetic", "first_seen", "last_seen", "current_version", "removed_from_source", "proceeding_id",
    "snapshot_sha",
)
_SENTENCE_COLUMNS = (
    "act_id", "case_id", "doc_type", "sentence_kind", "sentence_years", "sentence_months",
    "sentence_days", "term_months", "regime", "probation_years", "probation_months", "fine_rub",
    "rank_deprived", "appeal_outcome", "final_sentence",
)


#: A charge is its person's position and one article, in the record shape of :class:`milcourt.law.Article`.
_CHARGE_COLUMNS = ("case_id", "person_no", "charge_no", *RECORD_FIELDS)


def _current(table: sa.Table, columns: tuple[str, ...] | None = None) -> sa.Select:
    """Rows of a versioned child table at each case's current version (``columns``, else all but the version)."""
    return (
        sa.select(*[col for col in table.c if col.name in columns] if columns
                  else [col for col in table.c if col.name != "version"])
        .join(s.cases, sa.and_(s.cases.c.id == table.c.case_id, s.cases.c.current_version == table.c.version))
    )


def table_query(name: str, include_synthetic: bool) -> sa.Select:
    """The SELECT behind one exported table."""
    synthetic_ok = sa.true() if include_synthetic else s.cases.c.synthetic.is_(False)
    if name == "cases":
        return sa.select(*[s.cases.c[c] for c in _CASE_COLUMNS]).where(synthetic_ok).order_by(s.cases.c.id)
    if name == "proceedings":
        return (
            sa.select(s.cases.c.proceeding_id, s.cases.c.id.label("case_id"), s.cases.c.instance,
                      s.cases.c.court_code, s.cases.c.number)
            .where(s.cases.c.proceeding_id.is_not(None), synthetic_ok)
            .order_by(s.cases.c.proceeding_id, s.cases.c.id)
        )
    if name in ("persons", "charges"):
        table, columns = (s.persons, None) if name == "persons" else (s.charges, _CHARGE_COLUMNS)
        return _current(table, columns).where(synthetic_ok).order_by(*table.primary_key.columns)
    if name in ("sentences", "act_facts"):
        f = s.act_facts.c
        cols = [f[c] for c in _SENTENCE_COLUMNS] if name == "sentences" else [
            col for col in s.act_facts.c if col.name not in ("spans",)
        ]
        return (
            sa.select(*cols)
            .join(s.cases, sa.and_(s.cases.c.id == f.case_id, s.cases.c.current_version == f.version))
            .where(synthetic_ok, f.error.is_(None) if name == "sentences" else sa.true())
            .order_by(f.act_id)
        )
    if name == "courts":
        return sa.select(s.courts).order_by(s.courts.c.code)
    raise ValueError(f"unknown export table {name!r}; choose from {', '.join(EXPORT_TABLES)}")


def _plain(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


#: Tables with a court code, and its column: each gets ``court_name`` beside it for people reading.
_NAMED = {"cases": "court_code", "proceedings": "court_code", "coverage": "court"}


def _with_court_names(name: str, columns: list[str], rows: list[dict]) -> tuple[list[str], list[dict]]:
    """``court_name`` (from the registry; empty for a code it does not know) right after the code."""
    code_column = _NAMED.get(name)
    if code_column is None or code_column not in columns:
        return columns, rows
    at = columns.index(code_column) + 1
    named_columns = [*columns[:at], "court_name", *columns[at:]]
    named = []
    for row in rows:
        court = find_court(row[code_column]) if row.get(code_column) else None
        values = dict(row, court_name=court.name if court else None)
        named.append({c: values[c] for c in named_columns})
    return named_columns, named


def rows_of(conn: Connection, name: str, include_synthetic: bool = False) -> tuple[list[str], list[dict]]:
    """(column names, rows) of one exported table."""
    if name == "coverage":
        rows = coverage_rows(conn, include_synthetic=include_synthetic)
        return _with_court_names(name, (list(rows[0]) if rows else ["court", "status"]), rows)
    result = conn.execute(table_query(name, include_synthetic))
    columns = list(result.keys())
    return _with_court_names(name, columns, [{k: _plain(v) for k, v in row._mapping.items()} for row in result])


def _arrow(columns: list[str], rows: list[dict]) -> pa.Table:
    arrays = {}
    for col in columns:
        values = [r.get(col) for r in rows]
        sample = next((v for v in values if v is not None), None)
        if isinstance(sample, datetime):
            arrays[col] = pa.array(values, type=pa.timestamp("us"))
        elif isinstance(sample, date):
            arrays[col] = pa.array(values, type=pa.date32())
        elif isinstance(sample, bool):
            arrays[col] = pa.array(values, type=pa.bool_())
        elif isinstance(sample, int):
            arrays[col] = pa.array(values, type=pa.int64())
        elif isinstance(sample, float):
            arrays[col] = pa.array([None if v is None else float(v) for v in values], type=pa.float64())
        else:
            arrays[col] = pa.array([None if v is None else str(v) for v in values], type=pa.string())
    return pa.table(arrays)


def _csv_lines(columns: list[str], rows: list[dict]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v.isoformat() if hasattr(v, "isoformat") else v)
                         for k, v in row.items()})
    yield buf.getvalue()


def encode(columns: list[str], rows: list[dict], fmt: str) -> bytes:
    """One table in one format, as bytes."""
    if fmt == "csv":
        return "".join(_csv_lines(columns, rows)).encode("utf-8")
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows).encode("utf-8")
    if fmt == "parquet":
        sink = pa.BufferOutputStream()
        pq.write_table(_arrow(columns, rows), sink)
        return bytes(sink.getvalue().to_pybytes())
    raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(EXPORT_FORMATS)}")


def export_bytes(conn: Connection, name: str, fmt: str, include_synthetic: bool = False) -> bytes:
    columns, rows = rows_of(conn, name, include_synthetic)
    return encode(columns, rows, fmt)


def export_all(conn: Connection, out: Path, fmt: str, include_synthetic: bool = False) -> dict[str, int]:
    """Write every table, the codebook and a README into ``out``; row counts per table."""
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name in EXPORT_TABLES:
        columns, rows = rows_of(conn, name, include_synthetic)
        tmp = out / f".{name}.{fmt}.tmp"
        tmp.write_bytes(encode(columns, rows, fmt))
        tmp.replace(out / f"{name}.{fmt}")
        counts[name] = len(rows)
    codebook = Path(__file__).resolve().parent / "codebook.md"
    (out / "codebook.md").write_text(codebook.read_text(encoding="utf-8"), encoding="utf-8")
    (out / "README.md").write_text(_readme(fmt, counts, include_synthetic), encoding="utf-8")
    return counts


def _readme(fmt: str, counts: dict[str, int], include_synthetic: bool) -> str:
    lines = [
        "# milcourt export", "",
        "Case records of Russian military courts as published on the courts' websites, parsed by",
        "milcourt. Every person other than judges appears only as a pseudonym (P-xxxxxx).",
        "See codebook.md for every column.", "",
        "Licence: the data is released under CC BY-SA 4.0. The courts registry is derived from",
        f"the court list of Dataout.org: {credit()}", "",
        "Synthetic (simulated) records: " + ("INCLUDED, marked in the `synthetic` column." if include_synthetic
                                             else "excluded."), "",
        "| table | rows |", "|---|---|",
        *[f"| {name}.{fmt} | {n} |" for name, n in counts.items()], "",
    ]
    return "\n".join(lines)
