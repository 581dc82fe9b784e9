"""The layering contract (.importlinter) holds on the tree, and breaks when a stage imports upward.

lint-imports runs as `make lint` does, in a subprocess on a source tree: this checkout's, or a
temporary copy with one import added, so the test shows the contract is really checked.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports on ``root``'s .importlinter and ``root/src`` (before any installed milcourt)."""
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120)


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(REPO / "src", root / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copy(REPO / ".importlinter", root / ".importlinter")
    return root


def _append(module: Path, line: str) -> None:
    module.write_text(module.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_the_tree_keeps_every_contract() -> None:
    result = _lint(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Stages import only the stages below them KEPT" in result.stdout
    assert "No import cycles between the modules of a package KEPT" in result.stdout


def test_an_upward_import_breaks_the_layers(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _append(root / "src" / "milcourt" / "parse" / "detect.py", "import milcourt.publish  # noqa: E402")
    result = _lint(root)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Stages import only the stages below them BROKEN" in result.stdout
    assert "milcourt.parse is not allowed to import milcourt.publish" in result.stdout
    assert "milcourt.parse.detect -> milcourt.publish" in result.stdout
    assert "No import cycles between the modules of a package KEPT" in result.stdout


def test_a_cycle_inside_a_package_breaks_the_acyclic_contract(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    # linking already imports keys; keys importing linking closes a loop inside the store
    _append(root / "src" / "milcourt" / "store" / "keys.py", "import milcourt.store.linking  # noqa: E402")
    result = _lint(root)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "No cycles are allowed in milcourt.store." in result.stdout
    assert "Stages import only the stages below them KEPT" in result.stdout


def test_a_new_top_level_module_must_be_given_a_layer(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "src" / "milcourt" / "helpers.py").write_text('"""Unplaced."""\n', encoding="utf-8")
    result = _lint(root)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "The following modules are not listed as layers:" in result.stdout
    assert "- milcourt.helpers" in result.stdout
