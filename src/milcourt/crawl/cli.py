"""``milcourt crawl``: collect court pages into the store, politely, resumably, incrementally."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from milcourt.crawl.options import backoff_settings, option_date
from milcourt.crawl.runner import DEFAULT_ARTICLES, CrawlOptions, run_crawl


def crawl(
    courts: str = typer.Option("military", "--courts", help="'military' or court codes: 54GV0003,27GV0005"),
    articles: str = typer.Option(",".join(DEFAULT_ARTICLES), "--articles", help="УК РФ articles to search"),
    since: str = typer.Option(None, "--since", help="Cases received on or after (YYYY-MM-DD)"),
    until: str = typer.Option(None, "--until", help="Cases received on or before (YYYY-MM-DD; default today)"),
    instance: str = typer.Option("all", "--instance", help="first | appeal | all"),
    db: str = typer.Option(None, "--db", help="Store URL (default sqlite:///<data dir>/milcourt.db; env MILCOURT_DB)"),
    archive: Path = typer.Option(None, "--archive", help="Raw page archive directory (default beside the store)"),
    resume: bool = typer.Option(False, "--resume", help="Continue a stopped crawl (job dir in the archive)"),
    proxy: str = typer.Option(None, "--proxy", help="HTTP proxy URL for every request"),
    rate: float = typer.Option(1.0, "--rate", help="Requests per second per court site (at most)"),
    base_url: str = typer.Option(None, "--base-url", help="Crawl a simulator: http://127.0.0.1:P"),
    host_mode: str = typer.Option("path", "--site-addressing", help="With --base-url: path (/<CODE>/…) or host (Host header)"),
    contact: str = typer.Option(None, "--contact", help="Contact in the User-Agent (env MILCOURT_CONTACT)"),
    row_limit: int = typer.Option(0, "--row-limit", help="The sites' search row limit; 0 = detect from short lists only"),
    backoff: float = typer.Option(10.0, "--backoff", help="First wait before retrying an error, seconds (gates: 6x); doubles each time"),
    as_json: bool = typer.Option(False, "--json", help="Print the per-court summary as JSON Lines"),
    quiet: bool = typer.Option(False, "--quiet", help="No live progress line"),
) -> None:
    """Crawl the courts' case search (article × received date), every results page, every case
    card and its acts, into the store.

    Example: milcourt crawl --courts 54GV0003 --articles 337,338 --since 2024-01-01 --contact you@example.org
    """
    if instance not in ("first", "appeal", "all"):
        raise typer.BadParameter(f"--instance must be first, appeal or all, got {instance!r}")
    opts = CrawlOptions(
        courts=courts, articles=[a.strip() for a in articles.split(",") if a.strip()],
        since=option_date(since, "--since"), until=option_date(until, "--until") or date.today(), instance=instance,
        db=db, archive=archive, resume=resume, proxy=proxy, rate=rate, base_url=base_url,
        host_mode=host_mode, contact=contact, row_limit=row_limit, progress=not quiet and not as_json,
        settings=backoff_settings(backoff))
    try:
        report = run_crawl(opts)
    except (ValueError, RuntimeError) as exc:
        typer.echo(f"milcourt crawl: {exc}", err=True)
        raise typer.Exit(2) from exc
    if as_json:
        from milcourt.jsonl import write_lines

        write_lines(report.summary())
    else:
        from rich.console import Console

        from milcourt.crawl.progress import summary_table

        Console(stderr=True).print(summary_table(report))
    if any(row["failed"] or row["blocked_unresolved"] for row in report.summary()):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Attach ``crawl`` to the main app."""
    from milcourt.crawl.watch import watch

    app.command("crawl")(crawl)
    app.command("watch")(watch)
