"""Shared test fixtures: where the real court pages and reference data live."""

from __future__ import annotations

from pathlib import Path

import pytest

from milcourt.paths import shared_dir

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def shared() -> Path:
    return shared_dir()


@pytest.fixture(scope="session")
def sudrf_fixtures(shared: Path) -> Path:
    return shared / "fixtures" / "sudrf"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own data directory, so no test touches the operator's."""
    monkeypatch.setenv("MILCOURT_HOME", str(tmp_path_factory.mktemp("home")))
