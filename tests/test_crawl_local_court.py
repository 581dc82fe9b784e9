"""End to end on a fake court (real fixture pages on 127.0.0.1): paging, cards, gates, retries,
incremental re-crawl, vanished cases, and kill -9 then --resume.

The crawl runs in a child process (Scrapy's reactor runs once per process) with a recording
sink in place of the store (tests/fake_court.py); the full pipeline with the real store is
tested against the simulator.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from fake_court import CAPTCHA_FIRST, HTTP503_ONCE, TRUNCATED_ONCE, UNAVAILABLE_TWICE, FakeCourt

HARNESS = Path(__file__).with_name("fake_court.py")
ALL_CARDS = 26  # 25 rows on the real listing's page 1 + 1 on the v4 listing served as page 2


def _crawl(court: FakeCourt, work: Path, *extra: str, wait: bool = True) -> Any:
    cmd = [sys.executable, str(HARNESS), "--base-url", court.base_url, "--archive", str(work / "raw"),
           "--sink", str(work / "sink.jsonl"), "--summary", str(work / "summary.json"), *extra]
    if not wait:
        return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads((work / "summary.json").read_text())[0]


def _sink(work: Path) -> list[dict[str, Any]]:
    path = work / "sink.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def _card_requests(court: FakeCourt) -> list[str]:
    return [p for p in court.log if "name_op=case" in p]


@pytest.fixture()
def court(sudrf_fixtures: Path) -> Any:
    with FakeCourt(sudrf_fixtures) as fake:
        yield fake


def test_follows_paging_and_cards_and_outlasts_gates_and_errors(court: FakeCourt, tmp_path: Path) -> None:
    summary = _crawl(court, tmp_path)
    ingested = [r for r in _sink(tmp_path) if r["call"] == "ingest"]
    assert len({r["url"] for r in ingested}) == len(ingested) == ALL_CARDS  # every card, once
    assert all(r["synthetic"] and r["kind"] == "case_card" for r in ingested)
    searches = [p for p in court.log if "name_op=r" in p]
    assert len(searches) == 2 and "page=2" in searches[1]  # the listing's own next-page link
    assert "U1_DEFENDANT__LAW_ARTICLESS=337" in searches[0]
    assert court.hits[CAPTCHA_FIRST] == 2 and court.hits[UNAVAILABLE_TWICE] == 3
    assert court.hits[HTTP503_ONCE] == 2 and court.hits[TRUNCATED_ONCE] == 2
    assert (summary["found"], summary["new"], summary["failed"]) == (ALL_CARDS, ALL_CARDS, 0)
    assert summary["blocked"] == 3 and summary["blocked_unresolved"] == 0
    assert sorted(e["kind"] for e in summary["events"]) == ["captcha", "unavailable", "unavailable"]
    assert all(e["at"] for e in summary["events"])
    raw = [p for p in (tmp_path / "raw").rglob("*") if p.is_file() and ".job" not in p.parts]
    assert len(raw) >= 2 + 4  # both listings and the four distinct card pages, byte for byte
    # no gate page was passed to the store: the captcha/unavailable bytes are archived nowhere
    gate = (Path(court.fixtures) / "ksoyu_listing_captcha_gate.html").read_bytes()
    assert all(p.read_bytes() != gate for p in raw)


def test_a_list_that_changes_while_paged_is_searched_again(court: FakeCourt, tmp_path: Path) -> None:
    court.page2_total = None  # page 2 reports another total than page 1: rows may have shifted
    summary = _crawl(court, tmp_path)
    searches = [p for p in court.log if "name_op=r" in p]
    assert len(searches) == 3 and "page=" not in searches[2]  # page 1 again (page 2 is not re-asked twice)
    ingested = [r["url"] for r in _sink(tmp_path) if r["call"] == "ingest"]
    assert len(ingested) == len(set(ingested)) == ALL_CARDS and summary["found"] == ALL_CARDS


def test_recrawl_fetches_only_changed_and_reports_vanished(court: FakeCourt, tmp_path: Path) -> None:
    _crawl(court, tmp_path)
    before = len(_card_requests(court))
    again = _crawl(court, tmp_path)
    assert len(_card_requests(court)) == before  # unchanged rows: no card fetched again
    assert (again["found"], again["new"], again["unchanged"]) == (ALL_CARDS, 0, ALL_CARDS)
    court.removed_case = "18216488"
    third = _crawl(court, tmp_path)
    removed = [r for r in _sink(tmp_path) if r["call"] == "removed"]
    assert third["removed"] == 1 and len(removed) == 1
    assert removed[0]["court"] == "54GV0003" and removed[0]["instance"] == "first"
    assert removed[0]["number"].startswith("8Г-15159/2026")


def test_kill_9_then_resume_equals_an_uninterrupted_crawl(court: FakeCourt, tmp_path: Path) -> None:
    proc = _crawl(court, tmp_path, "--resume", "--rate", "8", wait=False)
    deadline = time.time() + 60
    while len(_card_requests(court)) < 10 and time.time() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    first_run = {r["url"] for r in _sink(tmp_path) if r["call"] == "ingest"}
    assert 0 < len(first_run) < ALL_CARDS
    served_before = len(court.log)
    _crawl(court, tmp_path, "--resume")
    refetched = [p for p in court.log[served_before:] if any(p in u for u in first_run)]
    assert len(refetched) <= 1  # at most the card whose ingest the kill interrupted
    assert not [p for p in court.log[served_before:] if "name_op=r" in p and "page=" not in p]
    ingested = {r["url"] for r in _sink(tmp_path) if r["call"] == "ingest"}
    assert len(ingested) == ALL_CARDS
