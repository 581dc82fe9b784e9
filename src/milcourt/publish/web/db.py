"""A read-only connection to the store, with a time limit on every query.

The dashboard is public: it opens SQLite with ``mode=ro`` (the file cannot be written through
this connection at all) and PostgreSQL in read-only transactions with a statement timeout,
so no request can change the store or hold it for long.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

QUERY_SECONDS = 5.0


def _sqlite_time_limit(dbapi_connection: Any, record: Any) -> None:
    """Abort any SQLite statement that runs past QUERY_SECONDS (progress handler)."""
    state = {"started": time.monotonic()}

    def check() -> int:
        return 1 if time.monotonic() - state["started"] > QUERY_SECONDS else 0

    dbapi_connection.set_progress_handler(check, 20_000)
    dbapi_connection.execute("PRAGMA query_only = ON")
    record.info["milcourt_clock"] = state


def read_only_engine(url: str) -> Engine:
    """An engine that can only read ``url`` (a SQLite path URL or a PostgreSQL URL)."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "")
        if not path.is_file():
            raise FileNotFoundError(f"no store at {path}: run `milcourt ingest` or `milcourt demo` first")
        ro_url = f"sqlite+pysqlite:///file:{path.resolve()}?mode=ro&uri=true"
        engine = sa.create_engine(ro_url, connect_args={"check_same_thread": False})
        sa.event.listen(engine, "connect", _sqlite_time_limit)

        @sa.event.listens_for(engine, "before_cursor_execute")
        def _restart_clock(conn: Any, *_args: Any) -> None:
            clock = conn.connection.info.get("milcourt_clock")
            if clock is not None:
                clock["started"] = time.monotonic()

        return engine
    if parsed.get_backend_name() == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
        options = f"-c default_transaction_read_only=on -c statement_timeout={int(QUERY_SECONDS * 1000)}"
        return sa.create_engine(parsed, connect_args={"options": options}, pool_size=10, max_overflow=10)
    raise ValueError(f"unsupported store URL {url!r}: use sqlite:///… or postgresql://…")
