"""Engines for the store: the default SQLite file (WAL) or a PostgreSQL URL, same Core code on both.

``postgresql://`` URLs are served by psycopg 3. SQLite runs in WAL mode with real transactions
(the driver's implicit transaction handling is switched off and ``BEGIN`` is emitted by SQLAlchemy,
the recipe from SQLAlchemy's pysqlite notes), so a failed page rolls back whole, DDL included.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from milcourt.paths import data_dir


def default_url() -> str:
    """``MILCOURT_DB`` if set, else ``sqlite:///<data dir>/milcourt.db``."""
    return os.environ.get("MILCOURT_DB") or f"sqlite:///{data_dir() / 'milcourt.db'}"


def normalise_url(url: str) -> sa.URL:
    """Parse a store URL; ``postgresql://`` and ``postgres://`` get the psycopg 3 driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    parsed = sa.make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ValueError(f"unsupported store URL {url!r}: use sqlite:///PATH or postgresql://…")
    return parsed


def archive_dir_for(url: sa.URL) -> Path:
    """Where raw pages are kept: ``archive/`` beside a SQLite file, else ``<data dir>/archive``."""
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).resolve().parent / "archive"
    return data_dir() / "archive"


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (see module doc)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    # Writers take the write lock at BEGIN (no deadlock upgrading a read lock); a connection marked
    # ``milcourt_read_only`` (the ingest's "page already seen?" look-up) begins deferred and locks nothing.
    conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get("milcourt_read_only") else "BEGIN IMMEDIATE")


def make_engine(url: sa.URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url)
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)
