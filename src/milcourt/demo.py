"""``milcourt demo``: the whole pipeline on the embedded default, offline, in a few minutes.

simulate (a synthetic population of military-court cases served on loopback, realistic faults)
→ crawl it with the same spider that crawls the real sites (about a quarter of the simulated
courts demand a captcha, solved with ``--captcha auto``) → ingest (parse, pseudonymise,
extract act facts) → load the official form 10-a figures milcourt ships → write the HTML report
→ say where everything is. Every record is marked synthetic.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

DEFAULT_DIR = Path("demo")
DEFAULT_CASES = 3000
#: Retry waits for the simulator, whose gates clear after a number of requests rather than after
#: a time: short waits keep the demo to minutes (real sites get the crawler's long defaults).
DEMO_BACKOFF = {"MILCOURT_BACKOFF_BASE": 0.2, "MILCOURT_BACKOFF_MAX": 2.0,
                "MILCOURT_GATE_BACKOFF_BASE": 0.5, "MILCOURT_GATE_BACKOFF_MAX": 2.0}

#: The simulated platform blocks above 50 requests/s in all: the demo keeps under it, and pauses
#: briefly (the real default is half an hour) if it is blocked anyway.
DEMO_PLATFORM_RATE = 40.0
DEMO_PLATFORM_PAUSE = 1.0


@dataclass
class DemoResult:
    dir: Path
    db_url: str
    truth: Path
    report: Path
    crawl: Any
    seconds: float


def run_demo(out: Path, *, cases: int = DEFAULT_CASES, seed: int = 1, faults: str = "realistic",
             courts: int | None = None, console: Console | None = None) -> DemoResult:
    """Run the pipeline into ``out``; the store is ``out/milcourt.db``, the truth ``out/truth.json``."""
    from milcourt.crawl.runner import CrawlOptions, run_crawl
    from milcourt.publish.report import build_report
    from milcourt.simulate.run import build
    from milcourt.store import open_store

    console = console or Console(stderr=True)
    started = time.monotonic()
    out.mkdir(parents=True, exist_ok=True)
    db_url = f"sqlite:///{(out / 'milcourt.db').resolve()}"
    console.print(f"[bold]1/4 simulate[/bold] {cases} first-instance cases, faults: {faults}")
    sim = build(out, seed=seed, cases=cases, courts=courts, faults=faults)
    server = sim.serve(port=0)
    try:
        console.print(f"[bold]2/4 crawl[/bold] the simulated court sites at {server.url}")
        store = open_store(db_url)
        # the simulator is ours and on loopback: a faster rate and short backoffs than real sites get
        report = run_crawl(CrawlOptions(db=db_url, base_url=server.url, rate=10.0, courts="military",
                                        archive=out / "raw", progress=True, captcha="auto",
                                        platform_rate=DEMO_PLATFORM_RATE, platform_pause=DEMO_PLATFORM_PAUSE,
                                        settings={**DEMO_BACKOFF, "LOG_LEVEL": "ERROR"}),
                           store=store)
    finally:
        server.stop()
    console.print("\n[bold]3/4 official figures[/bold] form 10-a, 2013-2021")
    _load_official(db_url, console)
    console.print("[bold]4/4 report[/bold]")
    report_path = out / "report.html"
    page = build_report(store.engine, include_synthetic=True)
    report_path.write_text(page, encoding="utf-8")
    store.close()
    return DemoResult(out, db_url, sim.truth_path, report_path, report, time.monotonic() - started)


def _load_official(db_url: str, console: Console) -> None:
    from milcourt.stats.official import load_packaged
    from milcourt.store import open_store

    with open_store(db_url) as store:
        summary = load_packaged(store.engine)
    console.print(f"  {sum(s['rows'] for s in summary)} rows from {len(summary)} workbooks (packaged)")


def demo(
    directory: Path = typer.Option(DEFAULT_DIR, "--dir", help="Where to put the simulation, store and report."),
    cases: int = typer.Option(DEFAULT_CASES, "--cases", help="First-instance cases to simulate."),
    seed: int = typer.Option(1, "--seed", help="Seed of the simulated population."),
    faults: str = typer.Option("realistic", "--faults", help="none | realistic | heavy"),
) -> None:
    """Run the whole pipeline offline on a simulated population: simulate → crawl → ingest →
    extract → stats → report. All records are synthetic and labelled so.

    Example: milcourt demo --dir demo --cases 3000
    """
    console = Console()
    result = run_demo(directory, cases=cases, seed=seed, faults=faults)
    _summary(console, result)


def _summary(console: Console, r: DemoResult) -> None:
    from milcourt.stats.coverage import coverage
    from milcourt.store import open_store

    with open_store(r.db_url) as store, store.engine.connect() as conn:
        cover = coverage(conn, include_synthetic=True)
    console.print(f"\n[bold green]demo done[/bold green] in {r.seconds:.0f} s (all records synthetic)")
    console.print(f"  cases in the store: {cover['cases']} ({cover['cases_without_act']} without an act text); "
                  f"courts blocked or down: {', '.join(cover['courts_blocked']) or 'none'}")
    console.print(f"  truth:  {r.truth}")
    console.print(f"  store:  {r.db_url}")
    console.print(f"  report: {r.report}")
    console.print(f"  check:  milcourt cases --json --db {r.db_url}")
    console.print(f"  stats:  milcourt stats --by month,article --include-synthetic --db {r.db_url}")
    console.print(f"  dashboard: milcourt serve --db {r.db_url}  (then open http://127.0.0.1:8000/)")


def register(app: typer.Typer) -> None:
    """Attach ``milcourt demo``."""
    app.command("demo")(demo)
