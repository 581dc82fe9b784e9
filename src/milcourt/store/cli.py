"""CLI verbs of the store stage: ingest, cases, proceedings, db migrate|info."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from milcourt import jsonl

DB_HELP = "Store URL (sqlite:///PATH or postgresql://…); default $MILCOURT_DB or sqlite:///<data dir>/milcourt.db."

db_app = typer.Typer(help="Store schema: migrate, info.\n\nExample: milcourt db info", no_args_is_help=True)


def _open(db: str | None, migrate: bool = True):  # type: ignore[no-untyped-def]
    from milcourt.store import open_store

    try:
        return open_store(db, migrate=migrate)
    except Exception as exc:  # noqa: BLE001 - a bad URL or unreachable server: say which, exit 2
        typer.echo(f"milcourt: cannot open store {db or '(default)'}: {exc}", err=True)
        raise typer.Exit(2) from exc


def ingest(
    paths: list[Path] = typer.Argument(..., help="Pages or directories (searched recursively)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    synthetic: bool = typer.Option(False, "--synthetic", help="Mark these pages as synthetic (simulated)."),
) -> None:
    """Ingest court pages: parse, pseudonymise, keep raw bytes, upsert cases with history.

    Example: milcourt ingest ../shared/fixtures/sudrf --db sqlite:///cases.db
    """
    from milcourt.store.runner import ingest_paths

    store = _open(db)
    summary = ingest_paths(store, paths, synthetic=synthetic)
    typer.echo(summary.line(), err=True)
    store.close()
    if summary.failures:
        raise typer.Exit(1)


def cases(
    court: str | None = typer.Option(None, "--court", help="Court code, e.g. 61GV0004."),
    article: str | None = typer.Option(None, "--article", help="Criminal-code article, e.g. 337."),
    since: str | None = typer.Option(None, "--since", help="Decided (or received) on or after YYYY-MM-DD."),
    until: str | None = typer.Option(None, "--until", help="Decided (or received) on or before YYYY-MM-DD."),
    uid: str | None = typer.Option(None, "--uid", help="Case UID."),
    text: str | None = typer.Option(None, "--text", help="Phrase searched in the acts' full text."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, one case per line."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """List case records (one per court, number and instance).

    Example: milcourt cases --article 337 --since 2024-01-01 --json
    """
    from milcourt.store.query import list_cases

    try:
        start, end = (date.fromisoformat(d) if d else None for d in (since, until))
    except ValueError as exc:
        raise typer.BadParameter(f"dates are YYYY-MM-DD: {exc}") from exc
    store = _open(db)
    with store.engine.connect() as conn:
        rows = list_cases(conn, court=court, article=article, since=start, until=end, uid=uid, text=text)
    store.close()
    if as_json:
        jsonl.write_lines(rows)
        return
    from milcourt.store.query import article_label

    shown = [{**r, "articles": "; ".join(article_label(a) for a in r["articles"])} for r in rows]
    _table(["court_code", "number", "instance", "uid", "received", "decided", "result", "articles",
            "proceeding_id", "synthetic"], shown)


def proceedings(
    uid: str | None = typer.Option(None, "--uid", help="Only the proceeding of this case UID."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, one proceeding per line."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """List proceedings: the same matter across court instances.

    Example: milcourt proceedings --uid 11RS0001-01-2025-011255-03
    """
    from milcourt.store.query import list_proceedings

    store = _open(db)
    with store.engine.connect() as conn:
        rows = list_proceedings(conn, uid=uid)
    store.close()
    if as_json:
        jsonl.write_lines(rows)
        return
    flat = [{"proceeding_id": r["proceeding_id"], "uids": " ".join(r["uids"]),
             "instances": "; ".join(f"{i['instance']} {i['court_code']} {i['number']}" for i in r["instances"])}
            for r in rows]
    _table(["proceeding_id", "uids", "instances"], flat)


@db_app.command("migrate")
def db_migrate(db: str | None = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Create the store or upgrade it to the latest schema, keeping every row.

    Example: milcourt db migrate --db postgresql://localhost/milcourt
    """
    store = _open(db, migrate=False)
    before = store.schema_version()
    applied = store.migrate()
    typer.echo(f"schema version {before} → {store.schema_version()} (applied: {applied or 'none'})")
    store.close()


@db_app.command("info")
def db_info(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="One JSON line."),
) -> None:
    """Schema version and row counts.

    Example: milcourt db info --json
    """
    from milcourt.store.query import info

    missing = _missing_sqlite_file(db)
    if missing is not None:  # opening would create the file (and its folders): say so instead
        typer.echo(f"milcourt: no store at {missing}: nothing to describe "
                   "(`milcourt ingest` or `milcourt db migrate` creates one)", err=True)
        raise typer.Exit(1)
    store = _open(db, migrate=False)
    with store.engine.connect() as conn:
        facts = info(conn)
    facts["url"] = store.engine.url.render_as_string(hide_password=True)
    store.close()
    if as_json:
        jsonl.write_lines([facts])
        return
    typer.echo(f"store: {facts['url']}\nschema version: {facts['schema_version']} (latest {facts['latest_version']})")
    for name, count in facts["counts"].items():
        typer.echo(f"  {name}: {count}")


def _missing_sqlite_file(db: str | None) -> Path | None:
    """The SQLite file a store URL names when it does not exist (None: it exists, or not SQLite).

    Worked out without creating the data directory, as the default URL would.
    """
    import os

    import sqlalchemy as sa

    from milcourt.store.db import normalise_url

    url = db or os.environ.get("MILCOURT_DB")
    if url is None:
        home = os.environ.get("MILCOURT_HOME")
        path = (Path(home) if home else Path.home() / ".local" / "share" / "milcourt") / "milcourt.db"
        return None if path.exists() else path
    try:
        parsed = normalise_url(url)
    except (ValueError, sa.exc.ArgumentError):
        return None  # _open reports the bad URL
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    path = Path(parsed.database)
    return None if path.exists() else path


def _table(columns: list[str], rows: list[dict]) -> None:  # type: ignore[type-arg]
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns)
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    console = Console()
    if not console.is_terminal:  # piped or captured: no 80-column squeeze, no ellipsis
        console = Console(width=250)
    console.print(table)
    typer.echo(f"{len(rows)} rows", err=True)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return str(value)


def reextract_acts(db: str, all_acts: bool) -> None:
    """``milcourt extract --db URL [--all]``: re-read the acts already stored after an extractor
    upgrade (those read by another extractor version, or every act with ``all_acts``)."""
    from rich.progress import Progress

    from milcourt.store.facts import reextract

    with _open(db) as store, Progress(transient=True) as bar:
        task = bar.add_task("re-extracting acts", total=None)
        done = reextract(store.engine, only_outdated=not all_acts,
                         progress=lambda n, total: bar.update(task, completed=n, total=total))
    typer.echo(f"re-extracted {done} acts")


def register(app: typer.Typer) -> None:
    """Attach this stage's verbs to the main app."""
    app.command("ingest")(ingest)
    app.command("cases")(cases)
    app.command("proceedings")(proceedings)
    app.add_typer(db_app, name="db")
