"""``milcourt watch``: the incremental crawl of the military courts on a schedule.

A round is one resumable crawl run (``--resume`` journal in the archive's job directory): a round
killed half-way is finished by the next one, with the same run number, so its change set has
nothing twice and nothing missing. Scrapy's reactor runs once per process, so the loop runs each
round in a child process (``watch --once``) while the loop itself holds the store's crawl lock
and hands it to the child. SIGTERM/SIGINT stop the loop; a round in progress is asked to stop
after the pages in flight (Scrapy's graceful shutdown) and is resumed by the next round.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path
from typing import Any

import typer

from milcourt.crawl.lock import TOKEN_ENV, CrawlLock, LockHeld
from milcourt.crawl.options import (
    CAPTCHA,
    PLATFORM_PAUSE,
    PLATFORM_RATE,
    backoff_settings,
    captcha_mode,
    option_date,
)
from milcourt.crawl.runner import DEFAULT_ARTICLES, CrawlOptions, lock_path, run_crawl

LOCK_HELD_EXIT = 3
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(value: str) -> float:
    """``24h``, ``30m``, ``1d``, ``90s`` or a bare number of seconds → seconds (> 0)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value or "")
    if not match or float(match.group(1)) <= 0:
        raise typer.BadParameter(f"--every wants a positive duration such as 24h, 30m, 1d or 90s, got {value!r}")
    return float(match.group(1)) * _UNITS[match.group(2) or "s"]


def _round(opts: CrawlOptions, as_json: bool) -> int:
    """One crawl run; prints its account; the exit status (1 when a court had failed pages)."""
    from milcourt.store.changes import last_runs

    report = run_crawl(opts)
    store_run = report.run_id
    row: dict[str, Any] = {"run": store_run, "status": report.close_reason, "requests": report.requests,
                           "pages": report.pages_by_kind}
    if store_run is not None:
        from milcourt.crawl.runner import open_default_store

        store = open_default_store(opts.db)
        try:
            mine = [r for r in last_runs(store.engine, limit=50) if r["id"] == store_run]
        finally:
            store.close()
        if mine:
            row |= {k: mine[0][k] for k in ("new", "changed", "removed", "courts", "courts_reached",
                                            "courts_blocked", "requests")}
    if as_json:
        from milcourt.jsonl import write_lines

        write_lines([row])
    else:
        typer.echo(" · ".join(f"{k} {v}" for k, v in row.items()), err=True)
    if any(r["failed"] or r["blocked_unresolved"] for r in report.summary()):
        return 1
    return 0


def _loop(every: float, argv: list[str]) -> int:
    """Hold the lock; run ``watch --once`` rounds in child processes every ``every`` seconds."""
    stop = threading.Event()
    child: list[subprocess.Popen[bytes]] = []

    def on_signal(signum: int, _frame: Any) -> None:
        stop.set()
        if child and child[0].poll() is None:
            child[0].send_signal(signum)  # the round stops after its pages in flight

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    status = 0
    while not stop.is_set():
        env = {**os.environ, TOKEN_ENV: os.environ[TOKEN_ENV]}
        proc = subprocess.Popen([sys.executable, "-c", "from milcourt.cli import main; main()", "watch",
                                 *argv, "--once"], env=env, start_new_session=True)  # signals: from us, once
        child[:] = [proc]
        status = proc.wait()
        child.clear()
        if status == LOCK_HELD_EXIT:
            return status
        stop.wait(every)
    return status


def watch(
    every: str = typer.Option("24h", "--every", help="Time between rounds: 24h, 30m, 1d, 90s"),
    once: bool = typer.Option(False, "--once", help="Run one round and exit (for cron, systemd timers, tests)"),
    courts: str = typer.Option("military", "--courts", help="'military' or court codes: 54GV0003,27GV0005"),
    articles: str = typer.Option(",".join(DEFAULT_ARTICLES), "--articles", help="УК РФ articles to search"),
    since: str = typer.Option(None, "--since", help="Cases received on or after (YYYY-MM-DD)"),
    db: str = typer.Option(None, "--db", help="Store URL (default sqlite:///<data dir>/milcourt.db; env MILCOURT_DB)"),
    archive: Path = typer.Option(None, "--archive", help="Raw page archive directory (default beside the store)"),
    budget: int = typer.Option(200, "--budget", help="Cards of cases in progress refreshed per round although their listing row is unchanged"),
    refresh_days: float = typer.Option(7.0, "--refresh-days", help="A card in progress is refreshed at most this often (days)"),
    proxy: str = typer.Option(None, "--proxy", help="HTTP proxy URL for every request"),
    rate: float = typer.Option(1.0, "--rate", help="Requests per second per court site (at most)"),
    backoff: float = typer.Option(10.0, "--backoff", help="First wait before retrying an error, seconds (gates: 6x); doubles each time"),
    base_url: str = typer.Option(None, "--base-url", help="Watch a simulator: http://127.0.0.1:P"),
    host_mode: str = typer.Option("path", "--site-addressing", help="With --base-url: path (/<CODE>/…) or host (Host header)"),
    contact: str = typer.Option(None, "--contact", help="Contact in the User-Agent (env MILCOURT_CONTACT)"),
    row_limit: int = typer.Option(0, "--row-limit", help="The sites' search row limit; 0 = detect from short lists only"),
    as_json: bool = typer.Option(False, "--json", help="Print each round's account as a JSON line"),
    captcha: str = CAPTCHA,
    platform_rate: float = PLATFORM_RATE,
    platform_pause: float = PLATFORM_PAUSE,
) -> None:
    """Watch the courts: an incremental crawl every --every, each run's change set in the store
    (new, decided, new act, appeal filed, removed), one crawl of a store at a time.

    Example: milcourt watch --every 24h --courts military --contact you@example.org
    """
    seconds = parse_every(every)
    captcha = captcha_mode(captcha)
    if budget < 0:
        raise typer.BadParameter(f"--budget must be >= 0 cards, got {budget}")
    if not once:
        opts = CrawlOptions(db=db)
        try:
            lock = CrawlLock(lock_path(opts), "watch").acquire()
        except LockHeld as exc:
            typer.echo(f"milcourt watch: {exc}", err=True)
            raise typer.Exit(LOCK_HELD_EXIT) from exc
        os.environ[TOKEN_ENV] = lock.token
        args = sys.argv[1:]
        argv = _without_every(args[args.index("watch") + 1:] if "watch" in args else args)
        try:
            status = _loop(seconds, argv)
        finally:
            lock.release()
        raise typer.Exit(status)
    opts = CrawlOptions(
        courts=courts, articles=[a.strip() for a in articles.split(",") if a.strip()],
        since=option_date(since, "--since"), until=date.today(), db=db, archive=archive,
        resume=True, proxy=proxy, rate=rate, base_url=base_url, host_mode=host_mode, contact=contact,
        row_limit=row_limit, progress=False, settings=backoff_settings(backoff), budget=budget,
        refresh_days=refresh_days, command="watch", captcha=captcha, platform_rate=platform_rate,
        platform_pause=platform_pause)
    try:
        status = _round(opts, as_json)
    except LockHeld as exc:
        typer.echo(f"milcourt watch: {exc}", err=True)
        raise typer.Exit(LOCK_HELD_EXIT) from exc
    except (ValueError, RuntimeError) as exc:
        typer.echo(f"milcourt watch: {exc}", err=True)
        raise typer.Exit(2) from exc
    raise typer.Exit(status)


def _without_every(argv: list[str]) -> list[str]:
    """The loop's arguments for its rounds: ``--every`` is the loop's own."""
    out, skip = [], False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--every":
            skip = True
            continue
        if arg.startswith("--every="):
            continue
        out.append(arg)
    return out
