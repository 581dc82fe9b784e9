"""CLI verbs of the publish stage: ``serve`` (dashboard), ``export``, ``report``."""

from __future__ import annotations

from pathlib import Path

import typer


def serve(
    db: str | None = typer.Option(None, "--db", help="Store URL (default: the data directory's SQLite)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    include_synthetic: bool | None = typer.Option(
        None, "--include-synthetic/--no-synthetic",
        help="Show simulated records (default: only when the store holds nothing else).",
    ),
) -> None:
    """Serve the read-only dashboard, case browser and JSON API.

    Example: milcourt serve --db sqlite:///demo/milcourt.db --port 8000
    """
    import uvicorn

    from milcourt.publish.web.app import create_app
    from milcourt.store.db import default_url

    try:
        app = create_app(db or default_url(), include_synthetic=include_synthetic, warm=True)
    except (FileNotFoundError, ValueError) as exc:
        typer.echo(f"milcourt serve: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"milcourt dashboard on http://{host}:{port}/ (API docs: /docs)")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


def export(
    fmt: str = typer.Option("csv", "--format", help="csv | parquet | jsonl"),
    out: Path = typer.Option(..., "--out", help="Directory to write the tables, codebook and README into."),
    db: str | None = typer.Option(None, "--db", help="Store URL (default: the data directory's SQLite)."),
    include_synthetic: bool = typer.Option(False, "--include-synthetic", help="Export simulated records too."),
) -> None:
    """Export the store's public tables with a codebook and a README naming the data licence.

    Tables: cases, proceedings, persons (pseudonyms), charges, sentences, act_facts, courts,
    coverage. No names, raw pages or operator settings leave the store.

    Example: milcourt export --format parquet --out exports/
    """
    from milcourt.publish.export import EXPORT_FORMATS, export_all
    from milcourt.store import open_store

    if fmt not in EXPORT_FORMATS:
        typer.echo(f"milcourt export: unknown format {fmt!r}; choose from {', '.join(EXPORT_FORMATS)}", err=True)
        raise typer.Exit(2)
    with open_store(db) as store, store.engine.connect() as conn:
        counts = export_all(conn, out, fmt, include_synthetic=include_synthetic)
    for name, n in counts.items():
        typer.echo(f"{out / f'{name}.{fmt}'}: {n} rows")
    typer.echo(f"{out / 'codebook.md'}, {out / 'README.md'}")


def report(
    out: Path = typer.Option(..., "--out", help="The HTML file to write."),
    db: str | None = typer.Option(None, "--db", help="Store URL (default: the data directory's SQLite)."),
    include_synthetic: bool = typer.Option(False, "--include-synthetic", help="Count simulated records too."),
) -> None:
    """Write one self-contained HTML report: how the numbers were made, then each chart with a
    plain-words caption, PNG/SVG downloads and the query behind it; the comparison; coverage.

    Example: milcourt report --out report.html
    """
    from milcourt.publish.report import build_report
    from milcourt.store import open_store

    with open_store(db) as store:
        page = build_report(store.engine, include_synthetic=include_synthetic)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(out)
    typer.echo(f"wrote {out} ({len(page) // 1024} KB)")


def register(app: typer.Typer) -> None:
    """Attach ``serve``, ``export`` and ``report``."""
    app.command("serve")(serve)
    app.command("export")(export)
    app.command("report")(report)
