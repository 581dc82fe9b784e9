"""Run one crawl in-process (Scrapy's CrawlerProcess) and return its report.

Gathers the pieces: the court sites (real or under ``--base-url``), the store
(``milcourt.store.open_store``), the raw archive, the per-store ledger, the run journal in the
job directory, the Scrapy settings, a live progress display, and the end summary.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from milcourt.crawl.captcha.solver import Solver, make_solver
from milcourt.crawl.courts import CourtSite, select_courts, served_courts
from milcourt.crawl.journal import Ledger, RawArchive, RunJournal
from milcourt.crawl.lock import CrawlLock
from milcourt.crawl.log import record_crawl
from milcourt.crawl.platform import DEFAULT_PLATFORM_PAUSE, DEFAULT_PLATFORM_RATE
from milcourt.crawl.probe import Trace
from milcourt.crawl.report import CrawlReport
from milcourt.crawl.settings import crawl_settings
from milcourt.crawl.sites import site_for
from milcourt.paths import data_dir
from milcourt.store import Store, open_store

DEFAULT_ARTICLES = ["337", "338", "332", "339", "352.1"]


@dataclass
class CrawlOptions:
    courts: str = "military"
    articles: list[str] = field(default_factory=lambda: list(DEFAULT_ARTICLES))
    since: date | None = None
    until: date | None = None
    instance: str = "all"
    db: str | None = None
    archive: Path | None = None
    resume: bool = False
    proxy: str | None = None
    rate: float = 1.0
    base_url: str | None = None
    host_mode: str = "path"
    contact: str | None = None
    row_limit: int = 0
    progress: bool = True
    court_list: list[CourtSite] | None = None  # given directly (tests, or milcourt.courts later)
    budget: int | None = None  # cards in progress refreshed per run (None: every one, as before)
    refresh_days: float = 7.0  # a card in progress is refreshed at most this often
    command: str = "crawl"  # who holds the lock: crawl | watch
    settings: dict[str, Any] = field(default_factory=dict)  # Scrapy overrides
    captcha: str = "auto"  # auto | manual | off
    platform_rate: float = DEFAULT_PLATFORM_RATE
    platform_pause: float = DEFAULT_PLATFORM_PAUSE
    probe: str | None = None  # a court code: one search of it, traced
    captcha_solver: Solver | None = None  # given directly (tests); else made from ``captcha``


def _sqlite_path(db: str | None) -> Path | None:
    if db and db.startswith("sqlite:///"):
        return Path(db[len("sqlite:///"):])
    return None


def default_archive(opts: CrawlOptions) -> Path:
    """Beside a SQLite store (``DIR/raw``), else ``<data dir>/raw``."""
    path = _sqlite_path(opts.db)
    return (path.parent if path else data_dir()) / "raw"


def ledger_path(opts: CrawlOptions) -> Path:
    """One ledger per store: beside a SQLite file, else in the data dir keyed by the store URL."""
    path = _sqlite_path(opts.db)
    if path:
        return path.with_name(path.name + ".crawl-ledger.sqlite")
    key = hashlib.sha256((opts.db or "default").encode()).hexdigest()[:12]
    return data_dir() / "crawl" / f"ledger-{key}.sqlite"


def lock_path(opts: CrawlOptions) -> Path:
    """The store's crawl lock: beside a SQLite file, else in the data dir keyed by the store URL."""
    path = _sqlite_path(opts.db)
    if path:
        return path.with_name(path.name + ".crawl.lock")
    key = hashlib.sha256((opts.db or "default").encode()).hexdigest()[:12]
    return data_dir() / "crawl" / f"lock-{key}.lock"


def open_default_store(db: str | None) -> Store:
    return open_store(db)


def choose_courts(opts: CrawlOptions) -> list[CourtSite]:
    """``--courts``; against a simulator, ``military`` means the military courts it serves."""
    if opts.base_url and opts.courts.strip().lower() == "military":
        served = served_courts(opts.base_url)
        if served:
            return [c for c in served if c.code[2:4] in ("GV", "OV", "AV", "KV")]
    return select_courts(opts.courts)


def _run_ids(jobdir: Path | None, store: Any, courts: int, synthetic: bool) -> tuple[int | None, str]:
    """(store run id, ledger run id): those of the interrupted run the job dir remembers, else new.

    A resumed run keeps its numbers, so its change set and its "seen in this run" marks (which
    decide what vanished) span both parts of the run."""
    from milcourt.store.changes import run_exists, start_run

    engine = getattr(store, "engine", None)
    state = jobdir / "run.json" if jobdir else None
    if state is not None and state.exists():
        try:
            data = json.loads(state.read_text(encoding="utf-8"))
            store_run, ledger_run = data.get("store_run"), str(data["ledger_run"])
            if engine is None or (isinstance(store_run, int) and run_exists(engine, store_run)):
                return store_run, ledger_run
        except (OSError, ValueError, KeyError):
            pass  # unreadable: a new run
    store_run = start_run(engine, courts=courts, synthetic=synthetic) if engine is not None else None
    ledger_run = uuid.uuid4().hex[:12]
    if state is not None:
        state.parent.mkdir(parents=True, exist_ok=True)
        state.write_text(json.dumps({"store_run": store_run, "ledger_run": ledger_run}), encoding="utf-8")
    return store_run, ledger_run


def _coverage(report: CrawlReport) -> Any:
    from milcourt.crawl.log import court_status
    from milcourt.store.changes import RunCoverage

    statuses = {t.court: court_status(t) for t in report.courts.values()}
    return RunCoverage(courts=len(statuses), courts_reached=sum(s != "down" for s in statuses.values()),
                       blocked_courts=tuple(sorted(c for c, s in statuses.items() if s == "blocked")),
                       captchas_given_up=sum(t.captcha_given_up for t in report.courts.values()),
                       requests=report.requests)


def run_crawl(opts: CrawlOptions, *, store: Any = None, trace: Trace | None = None) -> CrawlReport:
    """Crawl, ingest, and return the report, holding the store's crawl lock (one crawl at a time).

    With ``opts.probe`` (and a ``trace`` to fill) only one search of that court is made.
    """
    with CrawlLock(lock_path(opts), opts.command):
        return _run_crawl(opts, store, trace)


def _run_crawl(opts: CrawlOptions, store: Any, trace: Trace | None) -> CrawlReport:
    from scrapy.crawler import CrawlerProcess

    from milcourt.crawl.progress import Progress
    from milcourt.crawl.spiders.sudrf import SudrfSpider
    from milcourt.store.changes import finish_run

    courts = opts.court_list if opts.court_list is not None else choose_courts(opts)
    if opts.probe:
        courts = [c for c in courts if c.code == opts.probe.upper()] or select_courts(opts.probe)
    sites = [site_for(c, opts.base_url, opts.host_mode) for c in courts]
    archive_dir = opts.archive or default_archive(opts)
    archive = RawArchive(archive_dir)
    jobdir = archive_dir / ".job" if opts.resume else None
    journal = RunJournal(jobdir)
    store = store if store is not None else open_default_store(opts.db)
    store_run, ledger_run = _run_ids(jobdir, store, len(courts), bool(opts.base_url))
    store.run_id = store_run
    ledger = Ledger(ledger_path(opts), run_id=ledger_run)
    report = CrawlReport([c.code for c in courts])
    report.run_id = store_run
    solver = opts.captcha_solver or make_solver(opts.captcha, folder=archive_dir / "captcha" / "ask",
                                                names={c.code: c.name for c in courts})
    settings = crawl_settings(rate=opts.rate, contact=opts.contact, jobdir=jobdir, captcha=opts.captcha,
                              platform_rate=opts.platform_rate, platform_pause=opts.platform_pause,
                              **opts.settings)
    process = CrawlerProcess(settings)
    progress = Progress(report) if opts.progress else None
    process.crawl(SudrfSpider, sites=sites, articles=opts.articles, since=opts.since, until=opts.until,
                  instance=opts.instance, store=store, ledger=ledger, journal=journal, archive=archive,
                  report=report, synthetic=bool(opts.base_url), proxy=opts.proxy, row_limit=opts.row_limit,
                  budget=opts.budget, refresh_days=opts.refresh_days,
                  captcha_solver=solver, probe=bool(opts.probe), probe_trace=trace)
    if progress:
        progress.start()
    started = time.time()
    try:
        process.start()
    finally:
        if progress:
            progress.stop()
        finished = report.close_reason == "finished"
        if store_run is not None:
            finish_run(store.engine, store_run, _coverage(report), status="finished" if finished else "stopped")
        if finished and jobdir is not None:
            (jobdir / "run.json").unlink(missing_ok=True)  # the next --resume starts a new run
    if isinstance(store, Store) and not opts.probe:  # the store's account of the crawl (not a test's recorder)
        record_crawl(store.engine, report, started_at=started, synthetic=bool(opts.base_url))
    return report
