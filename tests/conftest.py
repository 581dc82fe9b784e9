"""Shared test fixtures: where the real court pages and reference data live.

The reference material in ../shared (real court pages, the official workbooks, the Dataout.org
court list) is not part of the repository. Tests that read it ask for the ``shared`` fixture:
they run whenever it is found and are then listed by name at the end of the run; on a bare
clone they are reported as not run, with the reason, never failed and never skipped silently.
With ``MILCOURT_REQUIRE_SHARED=1`` (as .ci/run sets) a missing ../shared fails each of them.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from reference_material import SHARED, SHARED_MISSING

REPO = Path(__file__).resolve().parent.parent
_REFERENCE_TESTS: Counter[str] = Counter()


@pytest.fixture(scope="session")
def shared() -> Path:
    if SHARED is None:
        if os.environ.get("MILCOURT_REQUIRE_SHARED"):
            pytest.fail(f"MILCOURT_REQUIRE_SHARED is set but {SHARED_MISSING}")
        pytest.skip(f"not run: {SHARED_MISSING}")
    return SHARED


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Remember each test that reads ../shared (directly or through another fixture), for the
    end-of-run list."""
    for item in items:
        if "shared" in getattr(item, "fixturenames", ()):
            _REFERENCE_TESTS[item.nodeid.split("[")[0]] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _REFERENCE_TESTS:
        return
    verb = "ran on" if SHARED is not None else "NOT RUN without"
    terminalreporter.section(f"tests that {verb} the reference material in ../shared")
    if SHARED is None:
        terminalreporter.write_line(f"reason: {SHARED_MISSING}")
    for name, count in sorted(_REFERENCE_TESTS.items()):
        terminalreporter.write_line(f"{name}" + (f" [{count} cases]" if count > 1 else ""))


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
