"""`milcourt demo` end to end: simulate → crawl → ingest → report; the store equals the truth."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from act_truth import score


def test_demo_store_holds_exactly_the_simulated_cases(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    env = {**os.environ, "MILCOURT_HOME": str(tmp_path / "home")}
    run = subprocess.run([sys.executable, "-c", "from milcourt.cli import main; main()", "demo", "--dir", str(out),
                          "--cases", "150", "--seed", "7"], capture_output=True, text=True, timeout=900, env=env)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "demo done" in run.stdout and "milcourt serve --db" in run.stdout
    db = f"sqlite:///{(out / 'milcourt.db').resolve()}"
    listed = subprocess.run([sys.executable, "-c", "from milcourt.cli import main; main()", "cases", "--json",
                             "--db", db], capture_output=True, text=True, timeout=300, env=env)
    assert listed.returncode == 0, listed.stderr[-2000:]
    stored = [json.loads(line) for line in listed.stdout.splitlines()]
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))["cases"]

    def ours(c: dict) -> tuple:
        arts = sorted((a["article"], a["part"], a["point"]) for a in c["articles"])
        return (c["court_code"], c["number"], c["instance"], tuple(arts), c["received"], c["decided"], c["result"])

    def theirs(c: dict) -> tuple:
        arts = sorted((a["article"], a["part"], a.get("point")) for a in c["articles"])
        return (c["court"], c["number"], c["instance"], tuple(arts), c["received"], c["decided"], c["result"])

    assert sorted(map(ours, stored)) == sorted(map(theirs, truth))  # nothing lost, nothing doubled
    assert any(a.get("point") for c in truth for a in c["articles"])  # points lists went through too
    assert all(c["synthetic"] for c in stored)
    # known answers: first-instance cases by court, month and article, as truth.json counts them
    counted = subprocess.run([sys.executable, "-c", "from milcourt.cli import main; main()", "stats", "--by",
                              "court,month,article", "--instance", "first", "--include-synthetic", "--json",
                              "--db", db], capture_output=True, text=True, timeout=300, env=env)
    assert counted.returncode == 0, counted.stderr[-2000:]
    rows = [json.loads(line) for line in counted.stdout.splitlines()]
    coverage = {"coverage": json.loads(counted.stderr.strip().removeprefix("coverage: "))}
    expected = json.loads((out / "truth.json").read_text(encoding="utf-8"))["counts"]
    assert sorted((r["court"], r["month"], r["article"], r["n"]) for r in rows) == sorted(
        (c["court"], c["month"], c["article"], c["n"]) for c in expected)
    assert coverage["coverage"]["synthetic_included"] is True
    assert coverage["coverage"]["courts_crawled"] >= len({c["court"] for c in truth})
    report = (out / "report.html").read_text(encoding="utf-8")
    assert "INCLUDES synthetic" in report and '<section id="coverage">' in report
    _acts_meet_truth(out)
    _extracted_facts_meet_truth(out)


def _acts_meet_truth(out: Path) -> None:
    """Every act of truth.json is stored with its case: from the card that prints it, or from the
    page of its own the card links to (stored under that page's title, "<act> по … делу - <instance>");
    a changing card served in its earlier version has none yet, a court taken down none at all."""
    t = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    skip = {(c["court"], c["number"], c["instance"]) for c in t["changed"]}
    where = {(c["court"], c["number"], c["instance"]): c["act"] for c in t["cases"] if "act" in c
             and c["court"] not in t["down_courts"]}
    expected = {k for k in where if k not in skip}
    with sqlite3.connect(out / "milcourt.db") as db:
        stored = {(r[0], r[1], r[2]): r[3] for r in db.execute(
            "SELECT c.court_code, c.number, c.instance, a.title FROM cases c JOIN acts a ON a.case_id = c.id")}
    assert expected <= set(stored) <= set(where)
    from_pages = {k for k, title in stored.items() if " по уголовному делу - " in (title or "")}
    assert from_pages and from_pages == {k for k in stored if where[k] == "page"}


def _extracted_facts_meet_truth(out: Path) -> None:
    """What the extractor read from each simulated act equals what the simulator wrote in it."""
    truth = {(c["court"], c["number"]): c["act_facts"] for c in json.loads(
        (out / "truth.json").read_text(encoding="utf-8"))["cases"] if c["instance"] == "first" and "act_facts" in c}
    with sqlite3.connect(out / "milcourt.db") as db:
        db.row_factory = sqlite3.Row
        rows = {(r["court_code"], r["number"]): dict(r) for r in db.execute(
            "SELECT c.court_code, c.number, f.* FROM cases c JOIN acts a ON a.case_id = c.id "
            "JOIN act_facts f ON f.act_id = a.id WHERE c.instance = 'first'")}
        motives: dict[tuple[str, str], set[str]] = {}
        for r in db.execute("SELECT c.court_code, c.number, m.motive FROM cases c JOIN acts a ON a.case_id = c.id "
                            "JOIN act_motives m ON m.act_id = a.id WHERE c.instance = 'first'"):
            motives.setdefault((r[0], r[1]), set()).add(r[2])
    crawled = [key for key in truth if key in rows]
    assert len(crawled) >= 0.8 * len(truth)  # a few acts sit in courts the fault plan takes down
    pairs: list[tuple[str, dict[str, Any], dict[str, Any] | None, set[str]]] = [
        (" ".join(key), truth[key], rows[key], motives.get(key, set())) for key in crawled]
    result = score(pairs)
    print("\n".join([f"simulated acts compared: {len(pairs)} of {len(truth)}", *result.lines()]))
    assert result.field_share >= 0.95, result.misses[:20]
    assert result.motive_f1 >= 0.9
