"""End to end: `milcourt crawl` against the simulator, into the real store, checked against truth.

A small seeded population is served in this process (milcourt.simulate); the crawl runs as the
real CLI in a child process (Scrapy's reactor runs once per process) with the polite delays
shortened. The store must then hold exactly the cases of truth.json, field for field.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from milcourt.simulate.faults import FaultConfig, FaultPlan
from milcourt.simulate.population import generate
from milcourt.simulate.server import CourtServer, SimulatedCourts
from milcourt.simulate.truth import truth

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def _serve(mode: str, seed: int = 4, cases: int = 120, courts: int = 3, row_limit: int = 20,
           **faults: Any) -> tuple[CourtServer, dict]:
    pop = generate(seed=seed, cases=cases, courts=courts)
    plan = FaultPlan.build(pop, FaultConfig(mode, **faults))
    server = CourtServer(SimulatedCourts(pop, plan, row_limit)).start()
    return server, truth(pop, plan, {"seed": seed})


def _crawl_cmd(server: CourtServer, db: str, *extra: str) -> list[str]:
    return [sys.executable, "-c", "from milcourt.cli import main; main()", "crawl", "--base-url", server.url,
            "--db", db, "--rate", "50", "--backoff", "0.05", "--json",
            "--platform-rate", "40", "--platform-pause", "0.5", *extra]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO / "src")}


def _run(cmd: list[str]) -> list[dict[str, Any]]:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=_env())
    assert done.returncode in (0, 1), done.stderr[-3000:]
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def _store_cases(db: str) -> dict[tuple[str, str, str], dict[str, Any]]:
    out = subprocess.run([sys.executable, "-c", "from milcourt.cli import main; main()", "cases", "--json", "--db", db],
                         capture_output=True, text=True, timeout=120, env=_env())
    assert out.returncode == 0, out.stderr[-2000:]
    rows = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    return {(r["court_code"], r["number"], r["instance"]): r for r in rows}


def _expected(t: dict) -> dict[tuple[str, str, str], dict[str, Any]]:
    down = set(t.get("down_courts") or [])
    return {(c["court"], c["number"], c["instance"]): c for c in t["cases"] if c["court"] not in down}


def _same(store: dict, expected: dict) -> None:
    assert set(store) == set(expected), (sorted(set(expected) - set(store))[:5], sorted(set(store) - set(expected))[:5])
    for key, case in expected.items():
        got = store[key]
        assert (got["received"], got["decided"], got["result"]) == (case["received"], case["decided"], case["result"]), key
        assert sorted((a["article"], a["part"], a["point"]) for a in got["articles"]) == sorted(
            (a["article"], a["part"], a.get("point")) for a in case["articles"]), key
        assert got["synthetic"] is True


def _cases_with_acts(path: Path) -> set[tuple[str, str, str]]:
    with sqlite3.connect(path) as conn:
        return {(r[0], r[1], r[2]) for r in conn.execute(
            "SELECT DISTINCT c.court_code, c.number, c.instance FROM cases c JOIN acts a ON a.case_id = c.id")}


def _acts_as_truth(path: Path, t: dict) -> None:
    """Every act of truth.json is stored with its case, those on pages of their own included (the
    crawler followed the card's link); cards served only in their earlier version have none yet."""
    early = {(c["court"], c["number"], c["instance"]) for c in t["changed"]}
    with_act = {k: c["act"] for k, c in _expected(t).items() if "act" in c}
    assert "page" in with_act.values() and "card" in with_act.values()
    stored = _cases_with_acts(path)
    assert {k for k in with_act if k not in early} <= stored <= set(with_act)


def test_realistic_faults_nothing_lost_nothing_doubled(tmp_path: Path) -> None:
    server, t = _serve("realistic", removed_share=0.03, changed_share=0.05)
    try:
        db = f"sqlite:///{tmp_path}/milcourt.db"
        summary = _run(_crawl_cmd(server, db))
        _same(_store_cases(db), _expected(t))
        _acts_as_truth(tmp_path / "milcourt.db", t)
        assert sum(row["found"] for row in summary) == len(t["cases"])
        # the sites change between crawls: removed cases go, changing cards show their later version
        with urllib.request.urlopen(server.url + "/_sim/next-crawl") as answer:
            gone = {tuple(k) for k in json.loads(answer.read())["removed"]}
        assert gone
        again = _run(_crawl_cmd(server, db))  # incremental
        assert sum(row["new"] for row in again) == 0
        assert sum(row["removed"] for row in again) == len(gone)
        assert sum(row["updated"] for row in again) > 0
        removed = {k for k, row in _store_cases(db).items() if row["removed_from_source"]}
        assert removed == gone
    finally:
        server.stop()


def test_heavy_faults_only_the_down_court_is_missing(tmp_path: Path) -> None:
    server, t = _serve("heavy", seed=5)
    try:
        db = f"sqlite:///{tmp_path}/milcourt.db"
        summary = _run(_crawl_cmd(server, db, "--backoff", "0.01"))
        _same(_store_cases(db), _expected(t))
        _acts_as_truth(tmp_path / "milcourt.db", t)
        down = set(t["down_courts"])
        assert down and {row["court"] for row in summary if row["failed"] or row["blocked_unresolved"]} == down
    finally:
        server.stop()


def test_kill_9_then_resume_equals_an_uninterrupted_crawl(tmp_path: Path) -> None:
    server, t = _serve("none", seed=6)
    try:
        db = f"sqlite:///{tmp_path}/milcourt.db"
        cmd = _crawl_cmd(server, db, "--resume", "--rate", "10")
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env())
        journal = tmp_path / "raw" / ".job" / "pages-done.jsonl"  # pages done so far, one a line
        deadline = time.time() + 120
        while time.time() < deadline and proc.poll() is None:
            if journal.exists() and len(journal.read_text().splitlines()) >= 40:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the crawl ended before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        done_before = len(journal.read_text().splitlines())
        assert done_before < len(t["cases"])
        _run(cmd)
        _same(_store_cases(db), _expected(t))
    finally:
        server.stop()
