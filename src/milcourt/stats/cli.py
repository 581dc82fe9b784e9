"""CLI verbs for official and published figures: `milcourt official load|show`, `milcourt compare`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sqlalchemy import Engine

from milcourt.jsonl import write_lines

official_app = typer.Typer(
    name="official",
    help=(
        "Official statistics: Judicial Department form 10-a, chapter 33 УК РФ (2013-2021).\n\n"
        "Example: milcourt official load"
    ),
    no_args_is_help=True,
)
_err = Console(stderr=True, soft_wrap=True)


def _warn(kind: str, message: str) -> None:
    """One stderr line; the message is printed as is (file names may hold brackets)."""
    colour = "red" if kind == "error" else "yellow"
    _err.print(f"[{colour}]{kind}:[/{colour}] {escape(message)}")


def _engine(url: str | None) -> Engine:
    """The store's engine (--db, else $MILCOURT_DB, else the data directory's SQLite), migrated."""
    from milcourt.store import open_store

    return open_store(url).engine


@official_app.command("load")
def load(
    directory: Path | None = typer.Argument(
        None, help="Folder of form 10-a workbooks (10-a-svod-YYYY.xls); default: the figures milcourt ships."),
    db: str | None = typer.Option(None, "--db", help="Store URL (default sqlite:///<data dir>/milcourt.db)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON line per workbook."),
) -> None:
    """Upsert form 10-a's chapter-33 rows: the 2013-2021 figures milcourt ships, or every workbook in
    DIR (a bad file is reported, the rest load).

    Example: milcourt official load --db sqlite:///milcourt.db
    Example: milcourt official load ../shared/data/judicial-department --db sqlite:///milcourt.db
    """
    from milcourt.stats.official import Form10aError, load_directory, load_packaged

    try:
        errors: list[str] = []
        if directory is None:
            summary = load_packaged(_engine(db))
        else:
            summary, errors = load_directory(_engine(db), directory)
    except Form10aError as exc:
        _warn("error", str(exc))
        raise typer.Exit(2) from exc
    for s in summary:
        for warning in s["warnings"]:
            _warn("warning", warning)
    for error in errors:
        _warn("error", error)
    if as_json:
        write_lines([*summary, *({"error": e} for e in errors)])
    else:
        for s in summary:
            typer.echo(f"{s['file']}: {s['year']}, {s['rows']} rows from sheet {s['sheet']!r}")
        typer.echo(f"{len(summary)} workbook(s) loaded, {len(errors)} failed")
    if errors:
        raise typer.Exit(1)


@official_app.command("show")
def show(
    article: str | None = typer.Option(None, "--article", help='Article, e.g. 337; "ch33" for the chapter total.'),
    year: int | None = typer.Option(None, "--year", help="Year of the report."),
    part: str | None = typer.Option(None, "--part", help='Part of the article; "" for its total.'),
    db: str | None = typer.Option(None, "--db", help="Store URL (default sqlite:///<data dir>/milcourt.db)."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines: year, article, part, convicted, printed."),
) -> None:
    """Rows (year, article, part, convicted): persons convicted with the article as the main one.

    Example: milcourt official show --article 337 --year 2021 --json
    """
    from milcourt.stats.official import official_rows

    rows = official_rows(_engine(db), article=article, year=year, part=part)
    if not rows:
        _warn("note", "no official rows (run `milcourt official load DIR` first, or widen the filter)")
    if as_json:
        write_lines(rows)
        return
    table = Table("year", "article", "part", "convicted", "note", title="Form 10-a, persons convicted by main article")
    for r in rows:
        note = "" if r["printed"] else "sum of parts"
        table.add_row(str(r["year"]), r["article"], r["part"] or "total", str(r["convicted"]), note)
    Console().print(table)


def _cell(entry: dict[str, Any] | None) -> str:
    if not entry or entry.get("value") is None:
        return "-" if not entry else f"- ({entry.get('note') or 'n/a'})"
    return f"{entry['value']} {entry['counts']}"


def compare_command(
    article: str = typer.Option("337", "--article", help='Article to compare; "ch33" for chapter 33.'),
    db: str | None = typer.Option(None, "--db", help="Store URL (default sqlite:///<data dir>/milcourt.db)."),
    published: Path | None = typer.Option(None, "--published", help="A published-figures CSV (default: the one milcourt ships)."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines: one line per year or period, then the explanation."),
) -> None:
    """Per year: our count beside the official 10-a figure and published figures, and why they differ.

    Example: milcourt compare --article 337 --json
    """
    from milcourt.stats.compare_store import compare_store

    result = compare_store(_engine(db), article, published=published, warn=lambda e: _warn("warning", e))
    if as_json:
        write_lines(result.lines())
        return
    table = Table("year / period", "ours", "official 10-a", "published", title=f"art. {article}: counts compared")
    for row in result.rows:
        pub = "\n".join(
            f"{p['value']} {p['counts']} ({p['articles']}; {p['publisher']}; {p['period']})" for p in row["published"]
        )
        when = str(row["year"]) if row["kind"] == "year" else row["period"]
        table.add_row(when, _cell(row.get("ours")), _cell(row.get("official")), pub or "-")
    console = Console()
    console.print(table)
    for sentence in result.explanation:
        console.print(f"- {sentence}")


def register(app: typer.Typer) -> None:
    """Attach `stats` (and `stats coverage`), `official` (load, show) and `compare` to the main app."""
    from milcourt.stats.stats_cli import stats_app

    app.add_typer(stats_app, name="stats")
    app.add_typer(official_app, name="official")
    app.command("compare")(compare_command)
