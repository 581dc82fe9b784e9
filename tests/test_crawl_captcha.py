"""Captchas, expiring pairs and the platform's block, end to end on the simulator.

The crawl runs as the real CLI in a child process (Scrapy's reactor runs once per process)
against simulated courts of which some demand a captcha on every search; the store must then
hold exactly the cases of truth.json, and no captcha or expired-form page may reach it.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from milcourt.parse.detect import search_answer
from milcourt.simulate.faults import FaultConfig, FaultPlan
from milcourt.simulate.population import generate
from milcourt.simulate.server import CourtServer, SimulatedCourts
from milcourt.simulate.truth import truth

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow
CLI = [sys.executable, "-c", "from milcourt.cli import main; main()"]
QUIET = dict(error_rate=0.0, truncate_rate=0.0, slow_rate=0.0, gate_share=0.0, outage_share=0.0,
             changed_share=0.0, removed_share=0.0)


def _serve(seed: int = 4, cases: int = 120, courts: int = 4, **config: Any) -> tuple[CourtServer, dict]:
    pop = generate(seed=seed, cases=cases, courts=courts)
    plan = FaultPlan.build(pop, FaultConfig("realistic", **{**QUIET, **config}))
    server = CourtServer(SimulatedCourts(pop, plan, 20)).start()
    return server, truth(pop, plan, {"seed": seed})


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "PYTHONPATH": str(REPO / "src")}


def _cmd(server: CourtServer, db: str, *extra: str) -> list[str]:
    return [*CLI, "crawl", "--base-url", server.url, "--db", db, "--rate", "50", "--backoff", "0.02", "--json",
            "--platform-pause", "0.3", *extra]


def _rows(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]


def _run(cmd: list[str]) -> list[dict[str, Any]]:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=_env())
    assert done.returncode in (0, 1), done.stderr[-3000:]
    return _rows(done.stdout)


def _store(db: str) -> set[tuple[str, str, str]]:
    out = subprocess.run([*CLI, "cases", "--json", "--db", db], capture_output=True, text=True, timeout=120, env=_env())
    assert out.returncode == 0, out.stderr[-2000:]
    return {(r["court_code"], r["number"], r["instance"]) for r in map(json.loads, out.stdout.splitlines())}


def _truth_keys(t: dict, without: set[str] = frozenset()) -> set[tuple[str, str, str]]:  # type: ignore[assignment]
    return {(c["court"], c["number"], c["instance"]) for c in t["cases"] if c["court"] not in without}


def _no_gate_archived(raw: Path) -> None:
    """No archived page (what the pipelines pass on towards the store) is a captcha or expired form."""
    pages = [p for p in raw.rglob("*") if p.is_file() and "captcha" not in p.parts and ".job" not in p.parts
             and p.suffix != ".png" and p.name != "labels.jsonl"]
    assert pages
    assert not [p for p in pages if search_answer(p.read_bytes()) in ("wrong_code", "expired")]


def test_auto_solves_captchas_through_expiring_pairs_and_platform_blocks(tmp_path: Path) -> None:
    # the simulated platform blocks above 8 requests/s; the crawler is allowed 12: it must meet
    # blocks, pause, and still get everything
    server, t = _serve(captcha_share=0.5, pair_lifetime=1.0, platform_rate=8.0, platform_window=2.0)
    try:
        db = f"sqlite:///{tmp_path}/milcourt.db"
        rows = _run(_cmd(server, db, "--platform-rate", "12"))
        assert _store(db) == _truth_keys(t)
        captcha_courts = set(t["captcha_courts"])
        assert captcha_courts
        met = {r["court"] for r in rows if r["captchas"]}
        assert met == captcha_courts  # exactly the courts that demand one
        assert sum(r["captcha_first_try"] + r["captcha_retried"] for r in rows) >= len(captcha_courts)
        assert sum(r["pairs_expired"] for r in rows) > 0 and server.sim.stats["pair_expired"] > 0
        assert sum(r["platform_blocks"] for r in rows) > 0 and server.sim.platform.blocks > 0
        assert not any(r["captcha_given_up"] or r["blocked_unresolved"] for r in rows)
        _no_gate_archived(tmp_path / "raw")
        accepted = list((tmp_path / "raw" / "captcha" / "accepted").glob("*.png"))
        assert accepted and all(re.fullmatch(r"\d{5}-[0-9a-f]{12}\.png", p.name) for p in accepted)
    finally:
        server.stop()


def test_the_crawl_keeps_the_platform_cap(tmp_path: Path) -> None:
    server, t = _serve(seed=7, captcha_share=0.5, platform_rate=1000.0)
    try:
        db = f"sqlite:///{tmp_path}/milcourt.db"
        cap = 10.0
        _run(_cmd(server, db, "--platform-rate", str(cap)))
        assert _store(db) == _truth_keys(t)
        times = sorted(server.sim.platform.times)
        assert len(times) > 100
        assert len(times) / (times[-1] - times[0]) <= cap  # on average
        # and in every 3-second window: at most cap × 3 turns, +1 for the window's edge, +1 for the
        # event loop's jitter between a request's turn and its bytes reaching the socket
        window = 3.0
        most = max(sum(1 for x in times[i:i + int(cap * window) + 5] if x - start < window)
                   for i, start in enumerate(times))
        assert most <= cap * window + 2, most
    finally:
        server.stop()


def _operator(proc: subprocess.Popen, desk: Any, answered: list[str]) -> None:
    """A scripted operator: reads each prompt, looks at the saved image, types its digits."""
    buffer = ""
    assert proc.stderr is not None and proc.stdin is not None
    while True:
        char = proc.stderr.read(1)
        if not char:
            return
        buffer += char
        found = re.search(r"captcha for (\S+) .*?: open (\S+) and type the 5 digits: $", buffer)
        if not found:
            continue
        buffer = ""
        shown = Image.open(found.group(2)).convert("RGB")
        small = shown.resize((shown.width // 5, shown.height // 5), Image.Resampling.NEAREST).tobytes()
        answer = next(c.answer for _, c in list(desk._by_id.values())
                      if Image.open(io.BytesIO(c.image)).convert("RGB").tobytes() == small)
        answered.append(found.group(1))
        proc.stdin.write(answer + "\n")
        proc.stdin.flush()


def test_manual_mode_with_an_operator_on_stdin(tmp_path: Path) -> None:
    server, t = _serve(seed=5, captcha_share=0.5)
    try:
        db = f"sqlite:///{tmp_path}/milcourt.db"
        proc = subprocess.Popen(_cmd(server, db, "--captcha", "manual", "--platform-rate", "40"), env=_env(),
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        answered: list[str] = []
        operator = threading.Thread(target=_operator, args=(proc, server.sim.desk, answered), daemon=True)
        operator.start()
        stdout = proc.stdout.read() if proc.stdout else ""
        assert proc.wait(timeout=600) in (0, 1)
        rows = _rows(stdout)
        assert _store(db) == _truth_keys(t)
        assert set(answered) == set(t["captcha_courts"])  # one answer per court unlocked all its searches
        assert {r["court"] for r in rows if r["captcha_by_hand"]} == set(t["captcha_courts"])
        _no_gate_archived(tmp_path / "raw")
    finally:
        server.stop()


def test_off_mode_reports_exactly_the_captcha_courts_blocked(tmp_path: Path) -> None:
    server, t = _serve(seed=6, captcha_share=0.5)
    try:
        db = f"sqlite:///{tmp_path}/milcourt.db"
        rows = _run(_cmd(server, db, "--captcha", "off", "--backoff", "0.01", "--platform-rate", "40"))
        captcha_courts = set(t["captcha_courts"])
        assert captcha_courts
        assert {r["court"] for r in rows if r["blocked_unresolved"]} == captcha_courts
        assert _store(db) == _truth_keys(t, captcha_courts)
    finally:
        server.stop()


_BAD_SOLVER = """
import json, sys
from milcourt.crawl.runner import CrawlOptions, run_crawl

class Broken:
    by_hand = False
    def solve(self, image, *, court=""):
        raise RuntimeError("model file missing")

opts = CrawlOptions(base_url=sys.argv[1], db=sys.argv[2], rate=50, progress=False, platform_rate=40,
                    platform_pause=0.3, captcha_solver=Broken(),
                    settings={"MILCOURT_BACKOFF_BASE": 0.02, "MILCOURT_GATE_BACKOFF_BASE": 0.05})
for row in run_crawl(opts).summary():
    print(json.dumps(row, default=str))
"""


def test_a_solver_that_raises_is_a_per_court_error(tmp_path: Path) -> None:
    server, t = _serve(seed=8, captcha_share=0.5)
    try:
        db = f"sqlite:///{tmp_path}/milcourt.db"
        rows = _run([sys.executable, "-c", _BAD_SOLVER, server.url, db])
        captcha_courts = set(t["captcha_courts"])
        failed = {r["court"]: r for r in rows if r["captcha_given_up"]}
        assert set(failed) == captcha_courts
        for row in failed.values():
            assert any("captcha solver failed: RuntimeError: model file missing" in (e.get("reason") or "")
                       for e in row["events"])
        assert _store(db) == _truth_keys(t, captcha_courts)  # the rest went on; nothing half-stored
    finally:
        server.stop()


@pytest.mark.parametrize("damage, message", [("corrupt", "not a readable PNG"), ("size", "the sites serve 100x30"),
                                             ("missing", "no inline captcha image")])
def test_a_bad_captcha_image_is_a_per_court_error(tmp_path: Path, damage: str, message: str) -> None:
    server, t = _serve(seed=9, captcha_share=0.5)
    victim = sorted(t["captcha_courts"])[0]
    server.sim.captcha_damage[victim] = damage
    try:
        db = f"sqlite:///{tmp_path}/milcourt.db"
        rows = _run(_cmd(server, db, "--platform-rate", "40"))
        bad = [r for r in rows if r["captcha_given_up"]]
        assert [r["court"] for r in bad] == [victim]
        assert any(message in (e.get("reason") or "") for e in bad[0]["events"])
        assert _store(db) == _truth_keys(t, {victim})
    finally:
        server.stop()


def test_probe_traces_one_search_of_a_captcha_court(tmp_path: Path) -> None:
    server, t = _serve(seed=10, captcha_share=0.5)
    court = sorted(t["captcha_courts"])[0]
    try:
        db = f"sqlite:///{tmp_path}/milcourt.db"
        done = subprocess.run(_cmd(server, db, "--probe", court, "--platform-rate", "40"), capture_output=True,
                              text=True, timeout=300, env=_env())
        assert done.returncode == 0, done.stderr[-2000:]
        rows = _rows(done.stdout)
        steps = [r for r in rows if "step" in r]
        sent = [s for s in steps if s["step"] == "request" and "modules.php" in s["url"]]
        assert {s["url"].split("/")[3] for s in sent} == {court}  # one court only
        answers = [(s["role"], s["classified"]) for s in steps if s["step"] == "answer" and s["role"] != "?"]
        assert answers[0] == ("search", "wrong_code")  # the search asked for its code
        assert any(role == "captcha_form" and kind.startswith("captcha form (captchaid ") for role, kind in answers)
        assert answers[-1] == ("search (captcha answer tried)", "search_results")
        assert all(Path(s["saved"]).exists() for s in steps if s["step"] == "answer")
        summary = [r for r in rows if "court" in r and r["court"] == court]
        assert summary and summary[0]["captchas"] == 1
        assert _store(db) == set()  # a probe stores nothing
    finally:
        server.stop()
