"""The official table and our-count query on PostgreSQL: the same code as on SQLite.

Starts a throwaway server (Debian's initdb/pg_ctl in a temp dir, on a free port, socket only);
the store's shared PostgreSQL fixture can replace `pg_url` once merged.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from milcourt.stats.official import load_official, official_by_year, official_rows, read_form_10a
from milcourt.stats.ours import our_counts_from_store
from milcourt.store import open_store

pytestmark = pytest.mark.postgres


def _bin(name: str) -> str:
    for base in ("/usr/lib/postgresql/15/bin", "/usr/local/bin", "/usr/bin"):
        if os.access(f"{base}/{name}", os.X_OK):
            return f"{base}/{name}"
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} not found: install Debian's postgresql package (make system-deps)")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    # not under pytest's tmp dir: when run as root the server runs as `postgres`, who can't enter it
    root = Path(tempfile.mkdtemp(prefix="milcourt-pg-"))
    data, port = root / "data", _free_port()
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: run the server as the postgres user
        os.chown(root, int(subprocess.check_output(["id", "-u", "postgres"])), -1)
        as_user = ["runuser", "-u", "postgres", "--"]
    subprocess.run([*as_user, _bin("initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
                   check=True, capture_output=True)
    options = f"-p {port} -k {root} -c listen_addresses=''"
    subprocess.run([*as_user, _bin("pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@/postgres?host={root}&port={port}"
    finally:
        subprocess.run([*as_user, _bin("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def test_load_twice_and_query_on_postgres(pg_url: str, shared: Path) -> None:
    engine = open_store(pg_url).engine  # migrated: the store's migrations create the official table
    rows = read_form_10a(shared / "data" / "judicial-department" / "10-a-svod-2021.xls")
    assert load_official(engine, rows) == 63
    assert load_official(engine, rows) == 63
    assert official_by_year(engine, "337") == {2021: 565}
    assert len(official_rows(engine, year=2021)) == 63
    assert our_counts_from_store(engine, "337").note == "store empty"
