"""`milcourt watch` against an evolving simulator: exact change sets, kill -9 and resume, the lock.

The simulated world moves on by a day at each ``/_sim/next-crawl`` (new cases, decisions, acts,
appeals, removals) and records what it did; a watch round must find exactly that, nothing else.
Rounds run as the real CLI in child processes (Scrapy's reactor runs once per process).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from milcourt.simulate.evolve import Rates, World, expected_changes
from milcourt.simulate.faults import FaultConfig, FaultPlan
from milcourt.simulate.population import generate
from milcourt.simulate.server import CourtServer, SimulatedCourts
from milcourt.store import open_store
from milcourt.store.changes import last_runs, run_changes

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow
BUSY = Rates(new_per_1000=25, decide=0.25, decide_appeal=0.25, act=0.25, appeal=0.3, remove=0.02)


def _world(seed: int = 7, cases: int = 120, courts: int = 3) -> tuple[CourtServer, World]:
    pop = generate(seed=seed, cases=cases, courts=courts)
    plan = FaultPlan.build(pop, FaultConfig("none"))
    sim = SimulatedCourts(pop, plan, row_limit=20)
    world = World(pop, plan, BUSY)
    sim.evolve(world)
    for _day in range(10):  # a fortnight of registrations first, so some cases are pending
        world.advance()
    return CourtServer(sim).start(), world


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO / "src")}


def _watch_cmd(server: CourtServer, db: str, *extra: str) -> list[str]:
    return [sys.executable, "-c", "from milcourt.cli import main; main()", "watch", "--base-url", server.url,
            "--db", db, "--rate", "50", "--backoff", "0.05", "--json", "--platform-rate", "40",
            "--platform-pause", "0.5", *extra]


def _once(server: CourtServer, db: str) -> dict[str, Any]:
    done = subprocess.run(_watch_cmd(server, db, "--once"), capture_output=True, text=True, timeout=600, env=_env())
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _advance(server: CourtServer) -> dict[str, Any]:
    with urllib.request.urlopen(server.url + "/_sim/next-crawl", timeout=10) as answer:
        return json.loads(answer.read())


def _changes(db: str, run: int) -> set[tuple[str, str, str, str]]:
    store = open_store(db)
    try:
        return {(c["court_code"], c["number"], c["instance"], c["kind"]) for c in run_changes(store.engine, run)}
    finally:
        store.close()


def _on_site(world: World) -> set[tuple[str, str, str]]:
    return {c.key() for c in world.population.cases if not world.plan.is_removed(c.key())}


def test_two_rounds_find_exactly_the_worlds_changes(tmp_path: Path) -> None:
    server, world = _world()
    db = f"sqlite:///{tmp_path}/m.db"
    try:
        first = _once(server, db)
        assert _changes(db, first["run"]) == {(*k, "new") for k in _on_site(world)}
        record = _advance(server)
        expected = expected_changes(record)
        kinds = {k[3] for k in expected}
        assert {"new", "decided", "new_act", "removed"} <= kinds, record  # the world did move
        second = _once(server, db)
        assert second["run"] != first["run"]
        assert _changes(db, second["run"]) == expected
        # only the cards whose listing row changed were fetched (none due for a refresh yet)
        row_changed = {k[:3] for k in expected if k[3] in ("new", "decided", "new_act", "result_changed")}
        assert second["pages"]["card"] == len(row_changed)
        assert first["pages"]["card"] == first["new"]  # the first round fetched every card once
    finally:
        server.stop()


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_stopped_mid_round_then_restarted_reports_each_change_once(tmp_path: Path, how: signal.Signals) -> None:
    server, world = _world(seed=8, cases=200)
    db = f"sqlite:///{tmp_path}/m.db"
    journal = tmp_path / "raw" / ".job" / "pages-done.jsonl"
    try:
        _once(server, db)
        expected = expected_changes(_advance(server))
        proc = subprocess.Popen(_watch_cmd(server, db, "--once", "--rate", "4"), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env=_env())
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            fresh = not (journal.parent / "finished").exists()  # the last round's journal is gone
            if fresh and journal.exists() and len(journal.read_text(encoding="utf-8").splitlines()) >= 8:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the round ended before it could be killed"
        os.kill(proc.pid, how)
        assert proc.wait(timeout=120) != 0 or how == signal.SIGTERM
        if how == signal.SIGTERM:  # stopped after the pages in flight, left resumable
            store = open_store(db)
            try:
                assert last_runs(store.engine)[0]["status"] == "stopped"
            finally:
                store.close()
        resumed = _once(server, db)
        store = open_store(db)
        try:
            runs = last_runs(store.engine)
        finally:
            store.close()
        assert [r["status"] for r in runs] == ["finished", "finished"]  # the killed run, finished by its restart
        assert _changes(db, resumed["run"]) == expected
        third = _once(server, db)  # nothing happened since: nothing to report
        assert _changes(db, third["run"]) == set()
    finally:
        server.stop()


def test_a_second_watch_is_refused_and_the_store_is_unharmed(tmp_path: Path) -> None:
    server, _world_ = _world(seed=9, cases=60, courts=2)
    db = f"sqlite:///{tmp_path}/m.db"
    lock = tmp_path / "m.db.crawl.lock"
    try:
        first = _once(server, db)
        loop = subprocess.Popen(_watch_cmd(server, db, "--every", "1h"), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=_env())
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not lock.exists():
            time.sleep(0.05)
        holder = json.loads(lock.read_text(encoding="utf-8"))
        assert holder["pid"] == loop.pid
        for verb in ("watch", "crawl"):
            cmd = _watch_cmd(server, db, "--once") if verb == "watch" else [
                sys.executable, "-c", "from milcourt.cli import main; main()", "crawl", "--base-url", server.url,
                "--db", db, "--json"]
            second = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=_env())
            assert second.returncode != 0
            assert f"pid {loop.pid}" in second.stderr and "another crawl of this store is running" in second.stderr
        loop.send_signal(signal.SIGTERM)
        assert loop.wait(timeout=120) in (0, 1), loop.stderr.read().decode()[-2000:] if loop.stderr else ""
        assert not lock.exists()
        store = open_store(db)
        try:
            with store.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert len(run_changes(store.engine, first["run"])) == len(_on_site(_world_))
        finally:
            store.close()
    finally:
        server.stop()


def test_a_stale_lock_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    server, _w = _world(seed=10, cases=30, courts=1)
    db = f"sqlite:///{tmp_path}/m.db"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / "m.db.crawl.lock").write_text(json.dumps({"pid": dead.pid, "started": "2026-01-01T00:00:00+00:00",
                                                          "command": "watch", "token": "x"}), encoding="utf-8")
    try:
        assert _once(server, db)["status"] == "finished"
        assert not (tmp_path / "m.db.crawl.lock").exists()
    finally:
        server.stop()


@pytest.mark.parametrize("every", ["0h", "soon", "-5m"])
def test_a_malformed_every_is_a_clear_error(tmp_path: Path, every: str) -> None:
    done = subprocess.run([sys.executable, "-c", "from milcourt.cli import main; main()", "watch", "--every", every,
                           "--db", f"sqlite:///{tmp_path}/m.db"], capture_output=True, text=True, timeout=60,
                          env=_env())
    assert done.returncode == 2 and "--every wants a positive duration" in done.stderr
