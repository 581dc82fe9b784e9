"""The store's tables as they are at the latest schema version (SQLAlchemy Core, any dialect).

Queries and ingest use these objects; migrations.py builds them step by step, and a test checks that
a migrated database has exactly these columns. Every table and column is explained in docs/schema.md.
"""

from __future__ import annotations

import sqlalchemy as sa

from milcourt.store import schema_v3

metadata = sa.MetaData()

schema_migrations = sa.Table(
    "schema_migrations", metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("applied_at", sa.DateTime, nullable=False),
)

snapshots = sa.Table(
    "snapshots", metadata,
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
    "cases", metadata,
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
    sa.Column("removed_from_source", sa.Date),  # v2
    sa.Column("proceeding_id", sa.Integer),  # v2, → proceedings.id
    sa.UniqueConstraint("court_code", "number", "instance", name="uq_cases_natural_key"),
)
sa.Index("ix_cases_uid", cases.c.uid)
sa.Index("ix_cases_proceeding", cases.c.proceeding_id)
sa.Index("ix_cases_received", cases.c.received)  # v4
sa.Index("ix_cases_decided", cases.c.decided)  # v4

case_versions = sa.Table(
    "case_versions", metadata,
    sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("snapshot_sha", sa.String(64), sa.ForeignKey("snapshots.sha256"), nullable=False),
    sa.Column("seen_at", sa.DateTime, nullable=False),
    sa.Column("changed", sa.JSON),
    sa.Column("content", sa.JSON, nullable=False),
)

persons = sa.Table(
    "persons", metadata,
    sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("person_no", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("pseudonym", sa.Text),
    sa.Column("role", sa.Text),
    sa.Column("decided", sa.Date),
    sa.Column("result", sa.Text),
)

charges = sa.Table(
    "charges", metadata,
    sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("person_no", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("charge_no", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("law", sa.Text),
    sa.Column("article", sa.Text),
    sa.Column("part", sa.Text),
    sa.Column("point", sa.Text),
    sa.Column("stage", sa.Text),  # v5: preparation | attempt (art. 30 printed with the article) | NULL
)
sa.Index("ix_charges_article", charges.c.article)

events = sa.Table(
    "events", metadata,
    sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("event_no", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.Text),
    sa.Column("date", sa.Date),
    sa.Column("time", sa.Text),
    sa.Column("result", sa.Text),
    sa.Column("basis", sa.Text),
)

acts = sa.Table(
    "acts", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("act_no", sa.Integer, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("text_sha", sa.String(64), nullable=False),
    sa.UniqueConstraint("case_id", "version", "act_no", name="uq_acts_position"),
)

proceedings = sa.Table(  # v2
    "proceedings", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("merged_into", sa.Integer),
)

proceeding_keys = sa.Table(  # v2
    "proceeding_keys", metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("proceeding_id", sa.Integer, sa.ForeignKey("proceedings.id"), nullable=False),
)
sa.Index("ix_proceeding_keys_proceeding", proceeding_keys.c.proceeding_id)

#: Child tables holding one row set per case version (history is kept, never overwritten).
VERSIONED = (persons, charges, events, acts)

# v3: courts, extracted act facts, crawl log, official figures (see schema_v3.py)
_v3 = schema_v3.define(metadata)
courts = _v3["courts"]
act_facts = _v3["act_facts"]
act_motives = _v3["act_motives"]
crawl_log = _v3["crawl_log"]
for _name in ("captchas", "captcha_first_try", "captcha_retried", "captcha_by_hand", "captcha_given_up",
              "pairs_expired", "platform_blocks"):  # v6
    crawl_log.append_column(sa.Column(_name, sa.Integer, nullable=False, server_default="0"))
crawl_log.append_column(sa.Column("platform_pause_s", sa.Float, nullable=False, server_default="0"))  # v6
official_convictions = _v3["official_convictions"]

# v7: the monitor's runs, change sets and saved searches
crawl_runs = sa.Table(
    "crawl_runs", metadata,
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

case_changes = sa.Table(
    "case_changes", metadata,
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
sa.Index("ix_case_changes_at", case_changes.c.at)
sa.Index("ix_case_changes_court", case_changes.c.court_code)

saved_searches = sa.Table(
    "saved_searches", metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("filters", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
)
