"""Saved searches, Atom feeds and digests over real change sets; bad input; no names leave.

Two ``watch --once`` rounds run against an evolving simulated world (the first sees every case
new, the second exactly what the world did in the day between them); feeds and digests are then
read back (feedparser, the Markdown/HTML text) and compared with the world's own record.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import feedparser
import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from milcourt.cli import app
from milcourt.monitor.digest import make_digest, parse_since, render_html, render_markdown
from milcourt.monitor.searches import SearchFilters
from milcourt.publish.web.app import create_app
from milcourt.simulate.evolve import Rates, World, expected_changes
from milcourt.simulate.faults import FaultConfig, FaultPlan
from milcourt.simulate.population import generate
from milcourt.simulate.server import CourtServer, SimulatedCourts
from milcourt.store import open_store
from milcourt.store.changes import run_changes

REPO = Path(__file__).resolve().parent.parent
Row = tuple[str, str, str, str]


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "PYTHONPATH": str(REPO / "src")}


def _once(url: str, db: str) -> dict[str, Any]:
    cmd = [sys.executable, "-c", "from milcourt.cli import main; main()", "watch", "--once", "--base-url", url,
           "--db", db, "--rate", "50", "--backoff", "0.05", "--json", "--platform-rate", "40", "--platform-pause", "0.5"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=_env())
    assert done.returncode == 0, done.stderr[-3000:]
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.fixture(scope="module")
def watched(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A store after two watch rounds, the world, and what each round should have found."""
    home = tmp_path_factory.mktemp("monitor")
    pop = generate(seed=11, cases=100, courts=3)
    plan = FaultPlan.build(pop, FaultConfig("none"))
    sim = SimulatedCourts(pop, plan, row_limit=20)
    world = World(pop, plan, Rates(new_per_1000=25, decide=0.25, decide_appeal=0.25, act=0.25, appeal=0.3,
                                   remove=0.02))
    sim.evolve(world)
    for _day in range(10):
        world.advance()
    server = CourtServer(sim).start()
    db = f"sqlite:///{home}/m.db"
    try:
        on_site = {c.key() for c in pop.cases if not plan.is_removed(c.key())}
        first = _once(server.url, db)
        with urllib.request.urlopen(server.url + "/_sim/next-crawl", timeout=10) as answer:
            record = json.loads(answer.read())
        second = _once(server.url, db)
    finally:
        server.stop()
    expected = {(c, n.upper(), i, "new") for c, n, i in on_site} | expected_changes(record)
    return {"db": db, "world": world, "runs": (first["run"], second["run"]), "expected": expected,
            "second": expected_changes(record)}


def _articles(world: World) -> dict[tuple[str, str, str], set[str]]:
    return {(c.court, c.number.upper(), c.instance): {a for a, _ in c.articles} for c in world.population.cases}


def _feed_rows(client: TestClient, path: str) -> set[Row]:
    answer = client.get(path)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(answer.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    rows = set()
    for entry in feed.entries:
        kind = next(t["term"] for t in entry.tags if not t["term"].startswith("article:"))
        facts = re.match(r"^.*\((\w+)\); case (\S+) \((\w+)\);", entry.summary)
        assert facts is not None and entry.link.rsplit("/", 2)[-2] == "cases", entry.summary
        rows.add((facts.group(1), facts.group(2), facts.group(3), kind))
    return rows


def test_change_sets_feeds_and_digest_hold_exactly_the_worlds_changes(watched: dict[str, Any]) -> None:
    db, expected = watched["db"], watched["expected"]
    store = open_store(db)
    try:
        found = {(c["court_code"], c["number"], c["instance"], c["kind"])
                 for run in watched["runs"] for c in run_changes(store.engine, run)}
        assert found == expected
        assert {(c["court_code"], c["number"], c["instance"], c["kind"])
                for c in run_changes(store.engine, watched["runs"][1])} == watched["second"]
        digest = make_digest(store.engine, parse_since("1d"))
    finally:
        store.close()
    client = TestClient(create_app(db, include_synthetic=True, cache_seconds=0))
    assert _feed_rows(client, "/feeds/all.atom") == expected
    articles = _articles(watched["world"])
    court = sorted(expected)[0][0]
    assert _feed_rows(client, f"/feeds/court/{court}.atom") == {r for r in expected if r[0] == court}
    district = "61OV0000" if any(r[0].startswith("61") for r in expected) else None
    if district:
        from milcourt.courts.registry import find_court

        under = {r for r in expected if r[0] == district or (find_court(r[0]) and find_court(r[0]).parent == district)}  # type: ignore[union-attr]
        assert _feed_rows(client, f"/feeds/district/{district}.atom") == under
    # a saved search's feed: article 337 only
    runner = CliRunner()
    saved = runner.invoke(app, ["search", "save", "awol", "--article", "337", "--db", db])
    assert saved.exit_code == 0, saved.output
    assert _feed_rows(client, "/feeds/search/awol.atom") == {r for r in expected if "337" in articles[r[:3]]}
    assert client.get("/feeds/search/nosuch.atom").status_code == 404
    assert client.post("/feeds/all.atom").status_code == 405  # read-only

    # the digest: every change once, grouped by court and article, counts beside the previous period
    assert {(r["court_code"], r["number"], r["instance"], r["kind"]) for r in digest.rows} == expected
    text = render_markdown(digest)
    assert f"new cases: {len({r for r in expected if r[3] == 'new'})} (+" in text
    for court_code, number, instance, _kind in expected:
        section = re.search(rf"^## .*\({court_code}\)$(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
        assert section and f"- {number} ({instance}):" in section.group(1)
        for article in articles[(court_code, number, instance)]:
            assert f"### ст. {article}" in section.group(1)
    assert "courts blocked: 0" in text and "crawl runs: 2 (2 finished)" in text
    assert "<h1>" in render_html(digest)

    # the overview shows the last runs and links to the feeds
    page = client.get("/?lang=en").text
    assert "Last crawl runs" in page and 'href="/feeds/all.atom"' in page


def test_feeds_and_digest_carry_no_names(watched: dict[str, Any], sudrf_fixtures: Path, tmp_path: Path) -> None:
    from no_names import assert_no_names

    # the simulator's defendants (full names and surnames) in the simulated store's outputs
    db = watched["db"]
    client = TestClient(create_app(db, include_synthetic=True, cache_seconds=0))
    blobs = [client.get("/feeds/all.atom").content]
    store = open_store(db)
    try:
        digest = make_digest(store.engine, parse_since("1d"))
    finally:
        store.close()
    blobs += [render_markdown(digest).encode(), render_html(digest).encode()]
    names = {c.defendant for c in watched["world"].population.cases if c.defendant}
    surnames = {n.split()[0] for n in names}
    for blob in blobs:
        text = blob.decode()
        assert not [n for n in names | surnames if n in text]

    # the real fixture pages, ingested as a run's change set
    from milcourt.store.changes import start_run

    real = open_store(f"sqlite:///{tmp_path}/real.db")
    real.run_id = start_run(real.engine, courts=1, synthetic=False)
    for path in sorted(sudrf_fixtures.glob("*.html")):
        try:
            real.ingest_page(path.read_bytes(), source=str(path), url=None)
        except ValueError:
            continue  # pages that are not cards, or unreadable ones: not what this test is about
    digest = make_digest(real.engine, parse_since("1d"))
    real.close()
    assert digest.rows
    client = TestClient(create_app(f"sqlite:///{tmp_path}/real.db", include_synthetic=True, cache_seconds=0))
    assert_no_names(client.get("/feeds/all.atom").content)
    assert_no_names(render_markdown(digest).encode() + render_html(digest).encode())


def test_saved_searches_round_trip_and_refuse_bad_filters(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/s.db"
    runner = CliRunner()
    ok = runner.invoke(app, ["search", "save", "krd", "--article", "337.5", "--court", "61GV0004",
                             "--district", "61OV0000", "--text", "самовольно", "--db", db])
    assert ok.exit_code == 0, ok.output
    shown = json.loads(runner.invoke(app, ["search", "show", "krd", "--db", db]).output)
    assert shown["filters"] == {"article": "337", "part": "5", "court": "61GV0004", "district": "61OV0000",
                                "text": "самовольно"}
    bad = {("--article", "999"): "unknown article", ("--article", "337.x"): "unknown part",
           ("--court", "61GV9999"): "unknown court", ("--district", "61GV0004"): "unknown district"}
    for (flag, value), message in bad.items():
        refused = runner.invoke(app, ["search", "save", "bad", flag, value, "--db", db])
        assert refused.exit_code == 2 and message in refused.output, refused.output
    again = runner.invoke(app, ["search", "save", "krd", "--article", "338", "--db", db])
    assert again.exit_code == 2 and "exists already" in again.output
    listed = [json.loads(line) for line in runner.invoke(app, ["search", "list", "--db", db]).output.splitlines()]
    assert [r["name"] for r in listed] == ["krd"]  # nothing half-stored by the refusals
    assert runner.invoke(app, ["search", "delete", "krd", "--db", db]).exit_code == 0
    missing = runner.invoke(app, ["search", "show", "krd", "--db", db])
    assert missing.exit_code == 2 and "no saved search named 'krd'" in missing.output
    assert runner.invoke(app, ["search", "list", "--db", db]).output == ""


@pytest.mark.parametrize("since", ["7", "7x", "0d", "-3d", "week"])
def test_a_malformed_since_is_a_clear_error(tmp_path: Path, since: str) -> None:
    done = CliRunner().invoke(app, ["digest", "--since", since, "--db", f"sqlite:///{tmp_path}/d.db"])
    assert done.exit_code == 2 and "--since wants a period such as 7d" in done.output


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _Sink:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd's name)
        self.messages.append(envelope)
        return "250 OK"


def test_digest_is_mailed_through_the_configured_smtp_server(watched: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
    sink = _Sink()
    port = _free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        monkeypatch.setenv("MILCOURT_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("MILCOURT_SMTP_PORT", str(port))
        monkeypatch.setenv("MILCOURT_SMTP_SENDER", "monitor@example.org")
        done = CliRunner().invoke(app, ["digest", "--since", "1d", "--format", "html", "--mail-to", "desk@example.org",
                                        "--db", watched["db"]])
        assert done.exit_code == 0, done.output
    finally:
        controller.stop()
    assert len(sink.messages) == 1
    envelope = sink.messages[0]
    assert envelope.rcpt_tos == ["desk@example.org"] and envelope.mail_from == "monitor@example.org"
    body = envelope.content.decode("utf-8", errors="replace")
    assert "milcourt digest" in body and "text/html" in body


def test_an_unreachable_smtp_server_is_a_clear_error(watched: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    port = _free_port()  # nobody listens on it
    monkeypatch.setenv("MILCOURT_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("MILCOURT_SMTP_PORT", str(port))
    monkeypatch.setenv("MILCOURT_SMTP_TIMEOUT", "3")
    done = CliRunner().invoke(app, ["digest", "--since", "7d", "--mail-to", "desk@example.org", "--db", watched["db"]])
    assert done.exit_code == 2
    assert f"could not send the digest through SMTP 127.0.0.1:{port}" in done.output


def test_the_period_before_is_counted_apart(watched: dict[str, Any]) -> None:
    store = open_store(watched["db"])
    try:
        later = make_digest(store.engine, timedelta(hours=1), now=datetime.now(UTC) + timedelta(hours=1, minutes=30))
        assert later.rows == [] and later.previous["new"] == len({r for r in watched["expected"] if r[3] == "new"})
        assert "Nothing changed in this period." in render_markdown(later)
    finally:
        store.close()


def test_filters_describe_themselves() -> None:
    assert SearchFilters(article="337", part="5", court="61GV0004").describe() == "ст. 337 ч. 5, court 61GV0004"
