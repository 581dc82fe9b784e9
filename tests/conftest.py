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


@pytest.fixture(scope="session")
def pg_server():  # type: ignore[no-untyped-def]
    """The session's throwaway PostgreSQL (errors, never skips, when it cannot start)."""
    from pg import PostgresServer

    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Every store test runs on both back ends: a fresh SQLite file or a fresh PostgreSQL database."""
    from milcourt.store import ingest

    ingest.reset_pseudonymizer()
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'db' / 'milcourt.db'}"
    return str(request.getfixturevalue("pg_server").new_database())
