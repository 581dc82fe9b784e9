"""A clone is the whole product: a git clone of this repository, with no ../shared beside it and
MILCOURT_SHARED unset, runs the demo end to end (simulate → crawl → ingest → official figures →
report) from its own files only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_demo_runs_in_a_bare_clone(tmp_path: Path) -> None:
    clone = tmp_path / "milcourt"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True)
    assert not (tmp_path / "shared").exists()
    env = {k: v for k, v in os.environ.items() if k not in {"MILCOURT_SHARED", "PYTHONPATH"}}
    env.update(PYTHONPATH=str(clone / "src"), MILCOURT_HOME=str(tmp_path / "home"))
    run = subprocess.run(
        [sys.executable, "-m", "milcourt", "demo", "--cases", "200", "--dir", str(tmp_path / "demo")],
        cwd=clone, env=env, capture_output=True, text=True, timeout=900,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    # the clone's own package ran, not this checkout's
    probe = subprocess.run([sys.executable, "-c", "import milcourt; print(milcourt.__file__)"],
                           cwd=clone, env=env, capture_output=True, text=True, check=True)
    assert probe.stdout.strip().startswith(str(clone))
    assert "demo done" in run.stdout
    truth = json.loads((tmp_path / "demo" / "truth.json").read_text(encoding="utf-8"))
    assert truth["cases"], "the simulator wrote no cases"
    report = (tmp_path / "demo" / "report.html").read_text(encoding="utf-8")
    assert "10-a" in report and "565" in report  # the packaged official figures reached the report
