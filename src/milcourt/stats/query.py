"""``milcourt stats``: counts and sentence figures grouped by any of the FIELDS, as one SQL query.

The same SQLAlchemy Core statement runs on SQLite and PostgreSQL: no dialect-only functions,
quantiles by nearest rank with window functions. Rules that every figure follows:

- one row per case per group: a case charged under two articles counts once under each, and
  a case whose act names two motives counts once under each motive;
- charges, persons and acts are read at each case's current version;
- the facts of a case come from its primary act (verdict or ruling of that instance);
- synthetic (simulated) records are left out unless asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from milcourt.stats.official.labels import CHAPTER_ARTICLES, CHAPTER_TOTAL
from milcourt.store import schema as s

#: Articles whose number has a dot, so that "352.1" is an article and not article 352, part 1.
DOTTED_ARTICLES = frozenset(a for a in CHAPTER_ARTICLES if "." in a)


def split_article(text: str) -> tuple[str, str | None]:
    """"337.5" → ("337", "5"); "337.3.1" → ("337", "3.1"); "352.1" → ("352.1", None)."""
    for dotted in DOTTED_ARTICLES:
        if text == dotted:
            return dotted, None
        if text.startswith(dotted + "."):
            return dotted, text[len(dotted) + 1:]
    article, _, part = text.partition(".")
    return article, part or None

FIELDS = (
    "year", "quarter", "month", "article", "part", "stage", "court", "district", "region", "instance",
    "result", "sentence_kind", "service_basis", "motive",
)
SENTENCED = ("imprisonment", "suspended", "disciplinary_unit", "restriction_of_service", "fine")
REGIMES = ("settlement", "general", "strict", "special")
#: A charge's stage as stats name it: a charge printed without art. 30 is a completed offence.
STAGES = ("completed", "attempt", "preparation")
APPEAL_OUTCOMES = ("upheld", "changed", "overturned")
#: Which act speaks for a case when it has several: lower is preferred.
DOC_PRIORITY = {
    "verdict": 0, "appeal_ruling": 0, "cassation_ruling": 0, "termination_ruling": 1,
    "return_ruling": 2, "suspension_ruling": 3, "other": 4,
}


class StatsError(ValueError):
    """A stats request that cannot be answered as asked (unknown field, bad date)."""


@dataclass
class StatsQuery:
    by: list[str] = field(default_factory=list)
    article: str | None = None
    part: str | None = None
    instance: str | None = None
    since: date | None = None
    until: date | None = None
    date_field: str = "received"
    include_synthetic: bool = False
    court: str | None = None
    district: str | None = None
    stage: str | None = None  # completed | attempt | preparation: only charges at that stage

    def __post_init__(self) -> None:
        unknown = [f for f in self.by if f not in FIELDS]
        if unknown:
            raise StatsError(f"unknown --by field(s) {', '.join(unknown)}; choose from {', '.join(FIELDS)}")
        if self.stage is not None and self.stage not in STAGES:
            raise StatsError(f"--stage must be one of {', '.join(STAGES)}")
        if self.date_field not in ("received", "decided"):
            raise StatsError("--date must be 'received' or 'decided'")
        if self.article and "." in self.article and self.part is None:
            self.article, self.part = split_article(self.article)

    def articles(self) -> list[str] | None:
        """The articles the filter admits (chapter 33 for "ch33"), or None for all."""
        if not self.article:
            return None
        if self.article == CHAPTER_TOTAL:
            return list(CHAPTER_ARTICLES)
        return [self.article]


def primary_facts() -> sa.Subquery:
    """Each case's primary act facts (current version), one row per case."""
    priority = sa.case(
        *[(s.act_facts.c.doc_type == k, v) for k, v in DOC_PRIORITY.items()], else_=9
    )
    ranked = (
        sa.select(
            s.act_facts,
            sa.func.row_number()
            .over(partition_by=s.act_facts.c.case_id, order_by=(priority, s.act_facts.c.act_id))
            .label("pick"),
        )
        .join(s.cases, sa.and_(s.cases.c.id == s.act_facts.c.case_id,
                               s.cases.c.current_version == s.act_facts.c.version))
        .where(s.act_facts.c.error.is_(None))
        .subquery("ranked_facts")
    )
    return sa.select(ranked).where(ranked.c.pick == 1).subquery("facts")


def _current_charges() -> sa.Subquery:
    return (
        sa.select(s.charges.c.case_id, s.charges.c.article, s.charges.c.part,
                  sa.func.coalesce(s.charges.c.stage, STAGES[0]).label("stage"))
        .join(s.cases, sa.and_(s.cases.c.id == s.charges.c.case_id,
                               s.cases.c.current_version == s.charges.c.version))
        .distinct()
        .subquery("case_charges")
    )


def _date_text(col: Any) -> Any:
    return sa.cast(col, sa.String)


#: Fields read from a case's act facts (the rest come from the card and its charges).
FACT_FIELDS = ("sentence_kind", "service_basis", "motive")


def base_rows(q: StatsQuery, *, with_facts: bool = True) -> sa.Select:
    """One row per (group, case) with what the aggregates need (``with_facts=False``: counts only)."""
    c = s.cases.c
    with_facts = with_facts or any(f in FACT_FIELDS for f in q.by)
    facts = primary_facts()
    date_col = c.received if q.date_field == "received" else c.decided
    dtext = _date_text(date_col)
    frm: Any = s.cases
    if with_facts:
        frm = frm.outerjoin(facts, facts.c.case_id == c.id)
    if "district" in q.by or "region" in q.by or q.district:
        frm = frm.outerjoin(s.courts, s.courts.c.code == c.court_code)
    conds: list[Any] = []
    needs_charges = "article" in q.by or "part" in q.by or "stage" in q.by
    charges = _current_charges()
    if needs_charges:
        frm = frm.join(charges, charges.c.case_id == c.id)
        if q.article:
            conds.append(charges.c.article.in_(q.articles() or []))
        if q.part:
            conds.append(charges.c.part == q.part)
        if q.stage:
            conds.append(charges.c.stage == q.stage)
    elif q.article or q.stage:
        match = sa.select(charges.c.case_id)
        if q.article:
            match = match.where(charges.c.article.in_(q.articles() or []))
        if q.part:
            match = match.where(charges.c.part == q.part)
        if q.stage:
            match = match.where(charges.c.stage == q.stage)
        conds.append(c.id.in_(match))
    if "motive" in q.by:
        frm = frm.outerjoin(s.act_motives, s.act_motives.c.act_id == facts.c.act_id)
    month = sa.func.substr(dtext, 1, 7)
    dims: dict[str, Any] = {
        "year": sa.func.substr(dtext, 1, 4),
        "quarter": sa.func.substr(dtext, 1, 4) + sa.literal("-Q")
        + sa.cast((sa.cast(sa.func.substr(dtext, 6, 2), sa.Integer) + 2) // 3, sa.String),
        "month": month,
        "article": charges.c.article if needs_charges else None,
        "part": charges.c.part if needs_charges else None,
        "stage": charges.c.stage if needs_charges else None,
        "court": c.court_code,
        "district": s.courts.c.district,
        "region": s.courts.c.region,
        "instance": c.instance,
        "result": c.result,
        "sentence_kind": facts.c.sentence_kind,
        "service_basis": facts.c.service_basis,
        "motive": s.act_motives.c.motive if "motive" in q.by else None,
    }
    if not q.include_synthetic:
        conds.append(c.synthetic.is_(False))
    if q.instance:
        conds.append(c.instance == q.instance)
    if q.court:
        conds.append(c.court_code == q.court)
    if q.district:
        conds.append(s.courts.c.district == q.district)
    if q.since:
        conds.append(date_col >= q.since)
    if q.until:
        conds.append(date_col <= q.until)
    if any(f in q.by for f in ("year", "quarter", "month")):
        conds.append(date_col.is_not(None))
    cols = [dims[f].label(f) for f in q.by]
    figures = [
        facts.c.sentence_kind.label("kind"),
        facts.c.term_months.label("term"),
        facts.c.regime.label("regime"),
        facts.c.absence_days.label("absence"),
        facts.c.appeal_outcome.label("outcome"),
    ] if with_facts else []
    return sa.select(*cols, c.id.label("case_id"), *figures).select_from(frm).where(*conds).distinct()


def counts_statement(q: StatsQuery) -> sa.Select:
    """Only ``n`` per group: the same cases as ``stats_statement`` without reading act facts."""
    base = base_rows(q, with_facts=False).subquery("base")
    groups = [base.c[f] for f in q.by]
    return (
        sa.select(*groups, sa.func.count(base.c.case_id).label("n"))
        .group_by(*groups)
        .order_by(*[sa.case((g.is_(None), 1), else_=0) for g in groups], *groups)
    )


def run_counts(conn: Connection, q: StatsQuery) -> list[dict[str, Any]]:
    """The FIELDS and ``n`` of a stats request, fast: for charts and totals that need no sentences."""
    return [dict(row._mapping) for row in conn.execute(counts_statement(q))]


def _share(num: Any, den: Any) -> Any:
    return sa.case((den > 0, sa.cast(num, sa.Float) / den), else_=None)


def _count_if(cond: Any) -> Any:
    return sa.func.sum(sa.case((cond, 1), else_=0))


def _quantile(value: Any, rank: Any, count: Any, q: float) -> Any:
    """Nearest-rank quantile: the smallest value whose rank reaches q of the count."""
    return sa.func.min(sa.case((sa.and_(value.is_not(None), rank >= count * q), value), else_=None))


#: Stands for a missing group value when joining the quartiles back to their groups (all group
#: values are text; no court, date or article reads like this).
NO_VALUE = "\u2205none"


def _quantiles(base: Any, by: list[str], value: str, qs: dict[str, float]) -> sa.Subquery:
    """Per group: how many rows have ``value`` and its nearest-rank quantiles, ranking only those rows.

    Ranking only the rows that have the value (a minority: cases with an extracted sentence or
    absence) keeps the window sorts small; the groups without any are absent (LEFT JOIN).
    """
    v = base.c[value]
    groups = [base.c[f] for f in by]
    ranked = sa.select(
        *[sa.func.coalesce(g, NO_VALUE).label(f) for f, g in zip(by, groups, strict=True)], v.label("v"),
        sa.func.row_number().over(partition_by=groups or None, order_by=v).label("k"),
        sa.func.count().over(partition_by=groups or None).label("cnt"),
    ).where(v.is_not(None)).subquery(f"ranked_{value}")
    r = ranked.c
    return (
        sa.select(*[r[f] for f in by], sa.func.max(r.cnt).label("n"),
                  *[_quantile(r.v, r.k, r.cnt, share).label(name) for name, share in qs.items()])
        .group_by(*[r[f] for f in by])
        .subquery(f"q_{value}")
    )


def stats_statement(q: StatsQuery) -> sa.Select:
    base = base_rows(q).cte("base")
    r = base.c
    terms = _quantiles(base, q.by, "term", {"q1": 0.25, "median": 0.5, "q3": 0.75})
    absences = _quantiles(base, q.by, "absence", {"median": 0.5})
    sentenced = _count_if(r.kind.in_(SENTENCED))
    imprisoned = _count_if(r.kind == "imprisonment")
    appealed = _count_if(r.outcome.in_(APPEAL_OUTCOMES))
    main = sa.select(
        *[r[f] for f in q.by],
        *[sa.func.coalesce(r[f], NO_VALUE).label(f"key_{f}") for f in q.by],
        sa.func.count(r.case_id).label("n"),
        sentenced.label("sentenced"),
        _share(_count_if(r.kind == "suspended"), sentenced).label("share_suspended"),
        *[_share(_count_if(r.regime == g), imprisoned).label(f"share_regime_{g}") for g in REGIMES],
        appealed.label("appeals"),
        *[_share(_count_if(r.outcome == o), appealed).label(f"share_{o}") for o in APPEAL_OUTCOMES],
    ).group_by(*[r[f] for f in q.by]).subquery("main")
    m = main.c

    def same_group(other: sa.Subquery) -> Any:
        # Plain equality on coalesced key columns (a missing value is a group too): PostgreSQL
        # hash-joins it and SQLite indexes it, where IS NOT DISTINCT FROM compared every pair.
        return sa.and_(sa.true(), *[m[f"key_{f}"] == other.c[f] for f in q.by])

    group_cols = [m[f] for f in q.by]
    return (
        sa.select(
            *group_cols, m.n, m.sentenced, sa.func.coalesce(terms.c.n, 0).label("term_n"),
            terms.c.q1.label("term_q1_months"), terms.c.median.label("term_median_months"),
            terms.c.q3.label("term_q3_months"), m.share_suspended,
            *[m[f"share_regime_{g}"] for g in REGIMES],
            absences.c.median.label("absence_median_days"), m.appeals,
            *[m[f"share_{o}"] for o in APPEAL_OUTCOMES],
        )
        .select_from(main.outerjoin(terms, same_group(terms)).outerjoin(absences, same_group(absences)))
        .order_by(*[sa.case((g.is_(None), 1), else_=0) for g in group_cols], *group_cols)
    )


def run_stats(conn: Connection, q: StatsQuery) -> list[dict[str, Any]]:
    """The rows of a stats request: FIELDS by name, ``n`` and the sentence/absence/appeal figures."""
    rows = [dict(row._mapping) for row in conn.execute(stats_statement(q))]
    for row in rows:
        for key, value in row.items():
            if isinstance(value, float):
                row[key] = round(value, 4)
    return rows
