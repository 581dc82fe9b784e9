"""The store under a full disk and a missing file: no orphan files, nothing created by a look."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from typer.testing import CliRunner

from milcourt.cli import app
from milcourt.store.archive import TMP_DIR, Archive, sha256_of

SRC = Path(__file__).resolve().parents[1] / "src"

FULL_DISK = """
import json, os, resource, signal, sys
from pathlib import Path
from milcourt.store.archive import Archive
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # past the limit a write fails with EFBIG, like a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))
archive = Archive(Path(sys.argv[1]))
failures = []
for n in range(200):
    try:
        archive.put(b"<html>" + str(n).encode() * 3000 + b"</html>")
    except OSError as exc:
        failures.append(exc.errno)
stored = archive.put(b"small page")  # under the limit: still works
print(json.dumps({"failures": len(failures), "stored": stored}))
"""


def _leftovers(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if ".tmp" in p.name and p.is_file()]


def test_a_full_disk_leaves_no_temporary_files(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(FULL_DISK), str(root)], capture_output=True,
                          text=True, env=env, timeout=120, check=True)
    result = json.loads(done.stdout)
    assert result["failures"] == 200
    assert not _leftovers(root)
    assert Archive(root).get(result["stored"]) == b"small page"


def test_leftovers_of_a_killed_run_are_removed_by_the_next(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    Archive(root).put(b"first page")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    pid = int(dead.stdout)  # a process that has ended
    sha = sha256_of(b"x")
    orphans = [root / TMP_DIR / f"{sha}.tmp{pid}", root / sha[:2] / f"{sha}.tmp{pid}"]
    for orphan in orphans:
        orphan.write_bytes(b"")
    (root / TMP_DIR / "swept-shards").unlink()  # an archive older versions wrote beside the targets
    live = root / TMP_DIR / f"{sha}.tmp{os.getpid()}"  # a write in progress in a live process
    live.write_bytes(b"")
    Archive(root).put(b"second page")
    assert not any(p.exists() for p in orphans)
    assert live.exists()


def test_db_info_on_a_missing_store_says_so_and_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "milcourt.db"
    result = CliRunner().invoke(app, ["db", "info", "--db", f"sqlite:///{target}"])
    assert result.exit_code == 1
    assert f"no store at {target}" in result.stderr
    assert not (tmp_path / "nowhere").exists()


def test_db_info_default_store_missing_creates_no_data_directory(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    home = tmp_path / "home"
    monkeypatch.setenv("MILCOURT_HOME", str(home))
    monkeypatch.delenv("MILCOURT_DB", raising=False)
    result = CliRunner().invoke(app, ["db", "info"])
    assert result.exit_code == 1 and "no store at" in result.stderr
    assert not home.exists()


def test_ingest_and_parse_give_each_file_the_per_item_limit(tmp_path: Path, sudrf_fixtures: Path,
                                                             monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A file over the limit is reported by name and rolled back; the run goes on (the limit is
    made tiny here so that a real page overruns it)."""
    import milcourt.parse.cli as parse_cli
    import milcourt.store.runner as runner
    from milcourt.store import open_store

    monkeypatch.setattr(runner, "ITEM_SECONDS", 0.0005)
    monkeypatch.setattr(parse_cli, "ITEM_SECONDS", 0.0005)
    pages = [sudrf_fixtures / "sgs_1inst.html", sudrf_fixtures / "ksoyu_card_criminal.html"]
    store = open_store(f"sqlite:///{tmp_path / 'limit.db'}")
    summary = runner.ingest_paths(store, pages, progress=False, err=io.StringIO())
    store.close()
    assert summary.files == 2 and len(summary.failures) == 2
    assert all("took longer than" in f and str(p) in f for f, p in zip(summary.failures, pages, strict=True))
    results, errors = parse_cli.parse_files([str(p) for p in pages], keep_names=True)
    assert not results and len(errors) == 2 and all("took longer than" in e for e in errors)
