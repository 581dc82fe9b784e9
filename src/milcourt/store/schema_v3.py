"""The live definition of the tables schema version 3 added: courts, extracted act facts, crawl log,
official form 10-a figures.

Kept apart from schema.py to keep modules small; schema.py builds them on the store's MetaData so
queries see one schema. Migration 3 does not read this module: it spells out the tables as they were
when it was released, so a later change here never alters how an old store upgrades.
"""

from __future__ import annotations

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
    official = sa.Table(
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
    return {"courts": courts, "act_facts": act_facts, "act_motives": act_motives,
            "crawl_log": crawl_log, "official_convictions": official}

