"""``milcourt stats`` and ``milcourt stats coverage``: figures from the store, with coverage."""

from __future__ import annotations

import csv
import sys
from datetime import date
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from milcourt.jsonl import dumps, write_lines
from milcourt.stats.court_names import group_columns, with_court_names

stats_app = typer.Typer(
    name="stats",
    help="Counts and sentence figures from the store, with coverage.\n\n"
    "Example: milcourt stats --by court,month,article --instance first --json",
    invoke_without_command=True,
)


def _summary(cover: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in cover.items() if k != "courts"}


def _emit_coverage(cover: dict[str, Any], target: Path | None) -> None:
    """The coverage summary beside the rows, never among them: to a file given by ``--coverage``,
    else to stderr, so that stdout stays one shape (``jq``, ``pandas.read_json(lines=True)``)."""
    if target is not None:
        target.write_text(dumps({"coverage": cover}) + "\n", encoding="utf-8")
    else:
        typer.echo(f"coverage: {dumps(cover)}", err=True)


COVERAGE_OPTION = typer.Option(None, "--coverage", help="Write the coverage summary as one JSON object "
                               "to this file (with --json or --csv; otherwise it goes to stderr).")


def _connect(db: str | None) -> Any:
    from milcourt.store import open_store

    return open_store(db)


@stats_app.callback(invoke_without_command=True)
def stats(
    ctx: typer.Context,
    by: str = typer.Option("", "--by", help="Comma-separated fields: year, quarter, month, article, part, stage, "
                           "court, district, region, instance, result, sentence_kind, service_basis, motive."),
    article: str | None = typer.Option(None, "--article", help="Article, or article.part (337.5)."),
    instance: str | None = typer.Option(None, "--instance", help="first | appeal | cassation."),
    stage: str | None = typer.Option(None, "--stage", help="completed | attempt | preparation: only charges "
                                     "at that stage (attempt, preparation: art. 30 printed with the article)."),
    since: str | None = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="To this date (YYYY-MM-DD)."),
    date_field: str = typer.Option("received", "--date", help="received | decided: the date months count."),
    include_synthetic: bool = typer.Option(False, "--include-synthetic", help="Count simulated records too."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, one row per group, all of one shape; "
                                 "the coverage summary goes to stderr or --coverage."),
    as_csv: bool = typer.Option(False, "--csv", help="CSV; the coverage summary goes to stderr or --coverage."),
    coverage_file: Path | None = COVERAGE_OPTION,
    db: str | None = typer.Option(None, "--db", help="Store URL (default: the data directory's SQLite)."),
) -> None:
    """Counts of cases grouped by FIELDS, with sentence, absence and appeal figures.

    A case charged under two articles counts once under each. Synthetic records are left out
    unless --include-synthetic. Every answer comes with the store's coverage (after the table;
    with --json or --csv on stderr, or in the file given by --coverage).

    Example: milcourt stats --by court,month,article --instance first --json
    """
    if ctx.invoked_subcommand is not None:
        return
    from milcourt.stats.coverage import coverage
    from milcourt.stats.query import StatsError, StatsQuery, run_stats

    try:
        q = StatsQuery(
            by=[f.strip() for f in by.split(",") if f.strip()], article=article, instance=instance, stage=stage,
            since=date.fromisoformat(since) if since else None,
            until=date.fromisoformat(until) if until else None,
            date_field=date_field, include_synthetic=include_synthetic,
        )
    except (StatsError, ValueError) as exc:
        typer.echo(f"milcourt stats: {exc}", err=True)
        raise typer.Exit(2) from exc
    store = _connect(db)
    with store.engine.connect() as conn:
        rows = with_court_names(run_stats(conn, q))
        cover = _summary(coverage(conn, include_synthetic=include_synthetic))
    if as_json:
        write_lines(rows)
        _emit_coverage(cover, coverage_file)
        return
    if as_csv:
        columns = list(rows[0]) if rows else [*group_columns(q.by), "n"]
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        _emit_coverage(cover, coverage_file)
        return
    table = Table(title="milcourt stats" + (" (INCLUDES SYNTHETIC RECORDS)" if include_synthetic else ""))
    shown = [*group_columns(q.by), "n", "sentenced", "term_median_months", "share_suspended",
             "absence_median_days", "appeals", "share_upheld"]
    for col in shown:
        table.add_column(col)
    for row in rows:
        table.add_row(*["" if row.get(c) is None else str(row.get(c)) for c in shown])
    console = Console()
    console.print(table)
    console.print(_coverage_line(cover))


def _coverage_line(cover: dict[str, Any]) -> str:
    return (
        f"coverage: {cover['courts_crawled']}/{cover['courts_total']} courts crawled, last crawl "
        f"{cover['last_crawl'] or '—'}; blocked or down: {', '.join(cover['courts_blocked']) or 'none'}; "
        f"{cover['cases']} cases, {cover['cases_without_act']} without an act text, "
        f"{cover['cases_without_facts']} whose facts could not be extracted"
        + ("; SYNTHETIC RECORDS INCLUDED" if cover.get("synthetic_included") else "")
    )


@stats_app.command("coverage")
def coverage_cmd(
    include_synthetic: bool = typer.Option(False, "--include-synthetic", help="Count simulated records too."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines: one line per court; the summary goes to "
                                 "stderr or --coverage."),
    coverage_file: Path | None = COVERAGE_OPTION,
    db: str | None = typer.Option(None, "--db", help="Store URL (default: the data directory's SQLite)."),
) -> None:
    """How complete the store is: courts crawled and blocked, cases without acts or facts.

    Example: milcourt stats coverage --json
    """
    from milcourt.stats.coverage import coverage

    store = _connect(db)
    with store.engine.connect() as conn:
        cover = coverage(conn, include_synthetic=include_synthetic)
    if as_json:
        write_lines(cover["courts"])
        _emit_coverage(_summary(cover), coverage_file)
        return
    Console().print(_coverage_line(_summary(cover)))
