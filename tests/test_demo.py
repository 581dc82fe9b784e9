"""`milcourt demo` end to end: simulate → crawl → ingest → report; the store equals the truth."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


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
        arts = sorted((a["article"], a["part"]) for a in c["articles"])
        return (c["court_code"], c["number"], c["instance"], tuple(arts), c["received"], c["decided"], c["result"])

    def theirs(c: dict) -> tuple:
        arts = sorted((a["article"], a["part"]) for a in c["articles"])
        return (c["court"], c["number"], c["instance"], tuple(arts), c["received"], c["decided"], c["result"])

    assert sorted(map(ours, stored)) == sorted(map(theirs, truth))  # nothing lost, nothing doubled
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
