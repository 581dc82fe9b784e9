"""Schema version 3: courts, extracted act facts, crawl log, official figures.

Kept apart from schema.py (v1–v2) to keep modules small; schema.py re-exports these tables so
queries see one schema. ``define(md)`` builds the tables on any MetaData: the migration calls it
on a fresh MetaData (frozen DDL), schema.py on the store's.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa


def define(md: sa.MetaData) -> dict[str, sa.Table]:
    """The v3 tables on ``md``."""
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
    act_motives = sa.Table(
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
    from milcourt.stats.official.table import official_convictions

    official = official_convictions.to_metadata(md)
    return {"courts": courts, "act_facts": act_facts, "act_motives": act_motives,
            "crawl_log": crawl_log, "official_convictions": official}


def court_rows() -> list[dict[str, Any]]:
    """The registry as rows of ``courts``; ``district`` is the military district court above a court."""
    from milcourt.courts.registry import all_courts

    rows = []
    for c in all_courts():
        district = c.code if c.level == "district" and c.military else (
            c.parent if c.level == "garrison" else None)
        rows.append({"code": c.code, "name": c.name, "level": c.level, "region_code": c.region_code,
                     "region": c.region, "parent": c.parent, "district": district, "military": c.military,
                     "website": c.website})
    return rows


def sync_courts(conn: sa.Connection, table: sa.Table) -> int:
    """Replace the courts table's rows by the shipped registry (it is derived data)."""
    conn.execute(table.delete())
    rows = court_rows()
    conn.execute(table.insert(), rows)
    return len(rows)
