"""Numbered schema migrations, registered in code (sqlite-utils style): ``MIGRATIONS``.

Each step is frozen once released: it spells out its own DDL instead of reading schema.py, so an old
store upgrades the same way forever. ``migrate`` applies the missing steps in order, each in its own
transaction, and records it in ``schema_migrations``. Nothing is dropped or rewritten in place.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from milcourt.store import fts


def _v1_core_tables(conn: Connection) -> None:
    """Snapshots, cases with their versions, persons, charges, events and acts."""
    md = sa.MetaData()
    sa.Table(
        "schema_migrations", md,
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("applied_at", sa.DateTime, nullable=False),
    )
    sa.Table(
        "snapshots", md,
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("fetched_at", sa.DateTime, nullable=False),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
        sa.Column("parser_version", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("synthetic", sa.Boolean, nullable=False),
    )
    cases = sa.Table(
        "cases", md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("court_code", sa.String(16), nullable=False),
        sa.Column("court_code_source", sa.String(10), nullable=False),
        sa.Column("number", sa.Text, nullable=False),
        sa.Column("instance", sa.String(10), nullable=False),
        sa.Column("uid", sa.Text),
        sa.Column("number_full", sa.Text),
        sa.Column("category", sa.Text),
        sa.Column("received", sa.Date),
        sa.Column("judge", sa.Text),
        sa.Column("decided", sa.Date),
        sa.Column("result", sa.Text),
        sa.Column("lower_court", sa.Text),
        sa.Column("lower_number", sa.Text),
        sa.Column("lower_judge", sa.Text),
        sa.Column("lower_decided", sa.Date),
        sa.Column("url", sa.Text),
        sa.Column("synthetic", sa.Boolean, nullable=False),
        sa.Column("first_seen", sa.DateTime, nullable=False),
        sa.Column("last_seen", sa.DateTime, nullable=False),
        sa.Column("current_version", sa.Integer, nullable=False),
        sa.Column("content_sha", sa.String(64), nullable=False),
        sa.Column("snapshot_sha", sa.String(64), sa.ForeignKey("snapshots.sha256"), nullable=False),
        sa.UniqueConstraint("court_code", "number", "instance", name="uq_cases_natural_key"),
    )
    sa.Index("ix_cases_uid", cases.c.uid)
    sa.Table(
        "case_versions", md,
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("snapshot_sha", sa.String(64), sa.ForeignKey("snapshots.sha256"), nullable=False),
        sa.Column("seen_at", sa.DateTime, nullable=False),
        sa.Column("changed", sa.JSON),
        sa.Column("content", sa.JSON, nullable=False),
    )
    def key() -> tuple[sa.Column, sa.Column]:  # type: ignore[type-arg]
        return (sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), primary_key=True),
                sa.Column("version", sa.Integer, primary_key=True, autoincrement=False))

    sa.Table(
        "persons", md, *key(),
        sa.Column("person_no", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("pseudonym", sa.Text),
        sa.Column("role", sa.Text),
        sa.Column("decided", sa.Date),
        sa.Column("result", sa.Text),
    )
    charges = sa.Table(
        "charges", md, *key(),
        sa.Column("person_no", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("charge_no", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("law", sa.Text),
        sa.Column("article", sa.Text),
        sa.Column("part", sa.Text),
        sa.Column("point", sa.Text),
    )
    sa.Index("ix_charges_article", charges.c.article)
    sa.Table(
        "events", md, *key(),
        sa.Column("event_no", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("name", sa.Text),
        sa.Column("date", sa.Date),
        sa.Column("time", sa.Text),
        sa.Column("result", sa.Text),
        sa.Column("basis", sa.Text),
    )
    sa.Table(
        "acts", md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("act_no", sa.Integer, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("text_sha", sa.String(64), nullable=False),
        sa.UniqueConstraint("case_id", "version", "act_no", name="uq_acts_position"),
    )
    md.create_all(conn)


def _v2_proceedings_removal_fts(conn: Connection) -> None:
    """Proceedings (one matter across instances), removed_from_source, full-text index over acts."""
    md = sa.MetaData()
    sa.Table(
        "proceedings", md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("merged_into", sa.Integer),
    )
    keys = sa.Table(
        "proceeding_keys", md,
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("proceeding_id", sa.Integer, sa.ForeignKey("proceedings.id"), nullable=False),
    )
    sa.Index("ix_proceeding_keys_proceeding", keys.c.proceeding_id)
    md.create_all(conn)
    conn.exec_driver_sql("ALTER TABLE cases ADD COLUMN removed_from_source DATE")
    conn.exec_driver_sql("ALTER TABLE cases ADD COLUMN proceeding_id INTEGER")
    conn.exec_driver_sql("CREATE INDEX ix_cases_proceeding ON cases (proceeding_id)")
    fts.create_index(conn)
    from milcourt.store.linking import link_all  # the cases already stored join their proceedings

    link_all(conn)


def _v3_courts_facts_crawls_official(conn: Connection) -> None:
    """Courts registry, extracted act facts and motives, crawl log, official form 10-a figures."""
    from milcourt.store import schema_v3

    md = sa.MetaData()
    md.reflect(conn, only=["acts", "cases"])  # what the new tables' foreign keys point at
    tables = schema_v3.define(md)
    md.create_all(conn, tables=list(tables.values()))
    schema_v3.sync_courts(conn, tables["courts"])


def _v4_date_indexes(conn: Connection) -> None:
    """Indexes on cases' received and decided dates: the case browser's default order (newest
    first) and date filters read a page without sorting every case (100k+ stores)."""
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_cases_received ON cases (received)")
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_cases_decided ON cases (decided)")


#: Counters a crawl keeps per court for the captchas and the platform's blocks (frozen DDL).
_V6_CRAWL_CAPTCHA_COLUMNS = (
    ("captchas", "INTEGER NOT NULL DEFAULT 0"),
    ("captcha_first_try", "INTEGER NOT NULL DEFAULT 0"),
    ("captcha_retried", "INTEGER NOT NULL DEFAULT 0"),
    ("captcha_by_hand", "INTEGER NOT NULL DEFAULT 0"),
    ("captcha_given_up", "INTEGER NOT NULL DEFAULT 0"),
    ("pairs_expired", "INTEGER NOT NULL DEFAULT 0"),
    ("platform_blocks", "INTEGER NOT NULL DEFAULT 0"),
    ("platform_pause_s", "FLOAT NOT NULL DEFAULT 0"),
)


def _v6_crawl_captcha_counts(conn: Connection) -> None:
    """The crawl log counts, per court, captchas met and how they were answered, expired pairs,
    and the platform's blocks with the time they cost (real sites gate their search)."""
    for name, ddl in _V6_CRAWL_CAPTCHA_COLUMNS:
        conn.exec_driver_sql(f"ALTER TABLE crawl_log ADD COLUMN {name} {ddl}")


Migration = tuple[int, str, Callable[[Connection], None]]

MIGRATIONS: list[Migration] = [
    (1, "core tables: snapshots, cases, case_versions, persons, charges, events, acts", _v1_core_tables),
    (2, "proceedings and their link keys, cases.removed_from_source, full-text index on acts",
     _v2_proceedings_removal_fts),
    (3, "courts registry, act facts and motives, crawl log, official form 10-a figures",
     _v3_courts_facts_crawls_official),
    (4, "indexes on cases.received and cases.decided (browsing and date filters at scale)", _v4_date_indexes),
    (6, "crawl_log: captchas met, solved first try / after retries / by hand, given up; pairs expired; "
        "platform blocks and pause seconds", _v6_crawl_captcha_counts),
]

LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    """The schema version of a database (0 for an empty one)."""
    if not sa.inspect(conn).has_table("schema_migrations"):
        return 0
    value = conn.execute(sa.text("SELECT max(version) FROM schema_migrations")).scalar()
    return int(value or 0)


def migrate(engine: Engine, target: int | None = None) -> list[int]:
    """Apply every missing migration up to ``target`` (default: the latest); return those applied."""
    applied: list[int] = []
    goal = LATEST if target is None else target
    for version, description, step in MIGRATIONS:
        if version > goal:
            break
        with engine.begin() as conn:
            if current_version(conn) >= version:
                continue
            step(conn)
            conn.execute(
                sa.text(
                    "INSERT INTO schema_migrations (version, description, applied_at) "
                    "VALUES (:v, :d, :t)"
                ),
                {"v": version, "d": description, "t": datetime.now(UTC).replace(tzinfo=None)},
            )
        applied.append(version)
    return applied
