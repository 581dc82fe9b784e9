"""Numbered schema migrations, registered in code (sqlite-utils style): ``MIGRATIONS``.

Each step is frozen once released: it spells out its own DDL instead of reading schema.py, so an old
store upgrades the same way forever. ``migrate`` applies the missing steps in order, each in its own
transaction, and records it in ``schema_migrations``. Nothing is dropped or rewritten in place.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from milcourt.courts.registry import all_courts
from milcourt.store import fts
from milcourt.store.linking import link_all


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
    link_all(conn)  # the cases already stored join their proceedings


def _v3_courts_facts_crawls_official(conn: Connection) -> None:
    """Courts registry, extracted act facts and motives, crawl log, official form 10-a figures."""
    md = sa.MetaData()
    md.reflect(conn, only=["acts", "cases"])  # what the new tables' foreign keys point at
    courts = sa.Table(
        "courts", md,
        sa.Column("code", sa.String(16), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("level", sa.Text, nullable=False),
        sa.Column("region_code", sa.Text),
        sa.Column("region", sa.Text),
        sa.Column("parent", sa.Text),
        sa.Column("district", sa.Text),
        sa.Column("military", sa.Boolean, nullable=False),
        sa.Column("website", sa.Text),
    )
    act_facts = sa.Table(
        "act_facts", md,
        sa.Column("act_id", sa.Integer, sa.ForeignKey("acts.id"), primary_key=True, autoincrement=False),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("extractor_version", sa.Text, nullable=False),
        sa.Column("extracted_at", sa.DateTime, nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("doc_type", sa.Text),
        sa.Column("sentence_kind", sa.Text),
        sa.Column("sentence_years", sa.Integer),
        sa.Column("sentence_months", sa.Integer),
        sa.Column("sentence_days", sa.Integer),
        sa.Column("term_months", sa.Float),
        sa.Column("regime", sa.Text),
        sa.Column("probation_years", sa.Integer),
        sa.Column("probation_months", sa.Integer),
        sa.Column("fine_rub", sa.BigInteger),
        sa.Column("rank_deprived", sa.Boolean),
        sa.Column("service_basis", sa.Text),
        sa.Column("rank", sa.Text),
        sa.Column("absence_start", sa.Date),
        sa.Column("absence_end", sa.Date),
        sa.Column("absence_days", sa.Integer),
        sa.Column("absence_ended_by", sa.Text),
        sa.Column("repeat_offence", sa.Boolean),
        sa.Column("special_procedure", sa.Boolean),
        sa.Column("appeal_outcome", sa.Text),
        sa.Column("final_sentence", sa.JSON),
        sa.Column("release_ground", sa.Text),
        sa.Column("facts", sa.JSON),
        sa.Column("spans", sa.JSON),
    )
    sa.Index("ix_act_facts_case", act_facts.c.case_id, act_facts.c.version)
    sa.Table(
        "act_motives", md,
        sa.Column("act_id", sa.Integer, sa.ForeignKey("acts.id"), primary_key=True, autoincrement=False),
        sa.Column("motive", sa.String(40), primary_key=True),
    )
    crawl_log = sa.Table(
        "crawl_log", md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("court_code", sa.String(16), nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("pages", sa.Integer, nullable=False, default=0),
        sa.Column("cases_found", sa.Integer, nullable=False, default=0),
        sa.Column("cases_new", sa.Integer, nullable=False, default=0),
        sa.Column("cases_updated", sa.Integer, nullable=False, default=0),
        sa.Column("failed", sa.Integer, nullable=False, default=0),
        sa.Column("blocked", sa.Integer, nullable=False, default=0),
        sa.Column("note", sa.Text),
        sa.Column("synthetic", sa.Boolean, nullable=False, default=False),
    )
    sa.Index("ix_crawl_log_court", crawl_log.c.court_code)
    sa.Table(
        "official_convictions", md,
        sa.Column("year", sa.Integer, primary_key=True, comment="year the report covers"),
        sa.Column("article", sa.String(16), primary_key=True,
                  comment='УК РФ article, e.g. "337"; "ch33" = chapter 33 total'),
        sa.Column("part", sa.String(8), primary_key=True, comment='part of the article; "" = the article total'),
        sa.Column("convicted", sa.Integer, nullable=False, comment="persons convicted with this as main article"),
        sa.Column("printed", sa.Boolean, nullable=False,
                  comment="False: article total summed from its printed parts"),
        sa.Column("label", sa.Text, nullable=False, comment="the article label as printed"),
        sa.Column("source", sa.Text, nullable=False, comment="workbook file name"),
        sa.Column("sheet", sa.Text, nullable=False, comment="sheet the row was read from"),
        sa.Column("row_number", sa.Integer, nullable=True, comment="1-based row in that sheet; null when summed"),
        sa.Column("loaded_at", sa.String(32), nullable=False, comment="UTC time of the load, ISO 8601"),
        comment="Judicial Department form 10-a, chapter 33 УК РФ: persons convicted by main article",
    )
    md.create_all(conn, tables=[t for name, t in md.tables.items() if name not in ("acts", "cases")])
    conn.execute(courts.insert(), _v3_court_rows())


def _v3_court_rows() -> list[dict[str, Any]]:
    """The shipped registry in the v3 columns of ``courts`` (derived data: ``district`` is the
    military district court above a garrison court, or the court itself for a district court)."""
    rows = []
    for c in all_courts():
        district = c.code if c.level == "district" and c.military else (
            c.parent if c.level == "garrison" else None)
        rows.append({"code": c.code, "name": c.name, "level": c.level, "region_code": c.region_code,
                     "region": c.region, "parent": c.parent, "district": district, "military": c.military,
                     "website": c.website})
    return rows


def _v4_date_indexes(conn: Connection) -> None:
    """Indexes on cases' received and decided dates: the case browser's default order (newest
    first) and date filters read a page without sorting every case (100k+ stores)."""
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_cases_received ON cases (received)")
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_cases_decided ON cases (decided)")


def _v5_charge_stage(conn: Connection) -> None:
    """The stage of a charge (preparation or attempt, art. 30 of the criminal code printed with
    the article): before it, art. 30 was stored as a charge of its own beside its article."""
    conn.exec_driver_sql("ALTER TABLE charges ADD COLUMN stage TEXT")


def _v6_monitor(conn: Connection) -> None:
    """Crawl runs, the change set each run found (new, decided, new act, result changed, instance
    linked, removed from the source), and saved searches: what the monitor reports and feeds."""
    md = sa.MetaData()
    md.reflect(conn, only=["cases"])
    sa.Table(
        "crawl_runs", md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("courts", sa.Integer, nullable=False, default=0),
        sa.Column("courts_reached", sa.Integer, nullable=False, default=0),
        sa.Column("courts_blocked", sa.Integer, nullable=False, default=0),
        sa.Column("blocked_courts", sa.Text),
        sa.Column("captchas_given_up", sa.Integer, nullable=False, default=0),
        sa.Column("requests", sa.Integer, nullable=False, default=0),
        sa.Column("synthetic", sa.Boolean, nullable=False, default=False),
    )
    changes = sa.Table(
        "case_changes", md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("crawl_runs.id"), nullable=False),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("court_code", sa.String(16), nullable=False),
        sa.Column("number", sa.Text, nullable=False),
        sa.Column("instance", sa.String(10), nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("detail", sa.JSON),
        sa.UniqueConstraint("run_id", "case_id", "kind", name="uq_case_changes_once"),
    )
    sa.Index("ix_case_changes_at", changes.c.at)
    sa.Index("ix_case_changes_court", changes.c.court_code)
    sa.Table(
        "saved_searches", md,
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("filters", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    md.create_all(conn, tables=[md.tables[n] for n in ("crawl_runs", "case_changes", "saved_searches")])


#: Counters a crawl keeps per court for the captchas and the platform's blocks (frozen DDL).
_V7_CRAWL_CAPTCHA_COLUMNS = (
    ("captchas", "INTEGER NOT NULL DEFAULT 0"),
    ("captcha_first_try", "INTEGER NOT NULL DEFAULT 0"),
    ("captcha_retried", "INTEGER NOT NULL DEFAULT 0"),
    ("captcha_by_hand", "INTEGER NOT NULL DEFAULT 0"),
    ("captcha_given_up", "INTEGER NOT NULL DEFAULT 0"),
    ("pairs_expired", "INTEGER NOT NULL DEFAULT 0"),
    ("platform_blocks", "INTEGER NOT NULL DEFAULT 0"),
    ("platform_pause_s", "FLOAT NOT NULL DEFAULT 0"),
)


def _v7_crawl_captcha_counts(conn: Connection) -> None:
    """The crawl log counts, per court, captchas met and how they were answered, expired pairs,
    and the platform's blocks with the time they cost (real sites gate their search)."""
    for name, ddl in _V7_CRAWL_CAPTCHA_COLUMNS:
        conn.exec_driver_sql(f"ALTER TABLE crawl_log ADD COLUMN {name} {ddl}")


Migration = tuple[int, str, Callable[[Connection], None]]

MIGRATIONS: list[Migration] = [
    (1, "core tables: snapshots, cases, case_versions, persons, charges, events, acts", _v1_core_tables),
    (2, "proceedings and their link keys, cases.removed_from_source, full-text index on acts",
     _v2_proceedings_removal_fts),
    (3, "courts registry, act facts and motives, crawl log, official form 10-a figures",
     _v3_courts_facts_crawls_official),
    (4, "indexes on cases.received and cases.decided (browsing and date filters at scale)", _v4_date_indexes),
    (5, "charges.stage: preparation or attempt (art. 30) of a charged article", _v5_charge_stage),
    (6, "monitor: crawl_runs, case_changes (each run's change set), saved_searches", _v6_monitor),
    (7, "crawl_log: captchas met, solved first try / after retries / by hand, given up; pairs expired; "
        "platform blocks and pause seconds", _v7_crawl_captcha_counts),
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
