"""Act facts at ingest: every stored act is read by the extractor and its facts kept with spans.

The facts of an act are stored beside it (``act_facts``, one row per act; ``act_motives``, one
row per motive) with the character spans in the stored, name-free text where each was read, so
the dashboard can highlight them. An act the extractor cannot read gets a row with ``error``
set: it is counted in coverage, never silently dropped. ``reextract`` redoes stored acts after
an extractor upgrade.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from milcourt import __version__
from milcourt.extract import extract_act_with_spans
from milcourt.extract.limits import DEFAULT_TIME_LIMIT, time_limit
from milcourt.store.schema import act_facts, act_motives, acts

EXTRACTOR_VERSION = f"milcourt-{__version__}"
TIME_LIMIT_S = DEFAULT_TIME_LIMIT
TERM_KINDS = ("imprisonment", "suspended", "disciplinary_unit", "restriction_of_service")


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def term_months(sentence: dict[str, Any] | None) -> float | None:
    """A sentence's term in months (days count as 1/30 month), or None when it has none."""
    if not sentence or sentence.get("kind") not in TERM_KINDS:
        return None
    parts = [sentence.get("years"), sentence.get("months"), sentence.get("days")]
    if all(p is None for p in parts):
        return None
    years, months, days = (int(p or 0) for p in parts)
    return round(years * 12 + months + days / 30, 2)


def facts_row(facts: dict[str, Any]) -> dict[str, Any]:
    """The ``act_facts`` columns of one extract_act result."""
    sentence = facts.get("sentence") or {}
    absence = facts.get("absence") or {}
    start, end = _date(absence.get("start")), _date(absence.get("end"))
    return {
        "doc_type": facts.get("doc_type"),
        "sentence_kind": sentence.get("kind"),
        "sentence_years": sentence.get("years"),
        "sentence_months": sentence.get("months"),
        "sentence_days": sentence.get("days"),
        "term_months": term_months(sentence),
        "regime": sentence.get("regime"),
        "probation_years": sentence.get("probation_years"),
        "probation_months": sentence.get("probation_months"),
        "fine_rub": sentence.get("fine_rub"),
        "rank_deprived": sentence.get("rank_deprived"),
        "service_basis": facts.get("service_basis"),
        "rank": facts.get("rank"),
        "absence_start": start,
        "absence_end": end,
        "absence_days": (end - start).days + 1 if start and end and end >= start else None,
        "absence_ended_by": absence.get("ended_by"),
        "repeat_offence": facts.get("repeat_offence"),
        "special_procedure": facts.get("special_procedure"),
        "appeal_outcome": facts.get("appeal_outcome"),
        "final_sentence": facts.get("final_sentence"),
        "release_ground": facts.get("release_ground"),
    }


def _extract(text: str) -> tuple[dict[str, Any] | None, list[dict[str, Any]], str | None]:
    """(facts, spans, error) for one act text, within the per-act time limit."""
    try:
        with time_limit(TIME_LIMIT_S):  # where an alarm can be set (main thread)
            facts, spans = extract_act_with_spans(text)
    except Exception as exc:  # noqa: BLE001 - one unreadable act must not stop the page
        return None, [], f"{type(exc).__name__}: {exc}"[:500]
    return facts, spans, None


def extract_acts(conn: Connection, rows: Iterable[Any], *, fresh: bool = False,
                 known: dict[str, tuple[Any, Any]] | None = None) -> int:
    """Extract and store facts for acts given as rows with id, case_id, version, text and text_sha.

    ``fresh``: the acts were inserted in this transaction, so they have no facts to replace yet.
    ``known``: facts and spans already extracted by this extractor version, by text sha256; an
    act whose text is among them gets a copy instead of a second extraction (same text, same
    extractor: same facts, and the spans are offsets in that same text)."""
    now = datetime.now(UTC).replace(tzinfo=None)
    done = 0
    for act in rows:
        reused = known.get(act.text_sha) if known else None
        facts, spans, error = (reused[0], reused[1], None) if reused else _extract(act.text or "")
        record = {"act_id": act.id, "case_id": act.case_id, "version": act.version,
                  "extractor_version": EXTRACTOR_VERSION, "extracted_at": now, "error": error,
                  "facts": facts, "spans": spans, **(facts_row(facts) if facts else {})}
        if not fresh:
            conn.execute(sa.delete(act_motives).where(act_motives.c.act_id == act.id))
            conn.execute(sa.delete(act_facts).where(act_facts.c.act_id == act.id))
        conn.execute(_INSERT_FACTS, record)
        motives = sorted(set((facts or {}).get("motives") or []))
        if motives:
            conn.execute(_INSERT_MOTIVES, [{"act_id": act.id, "motive": m} for m in motives])
        done += 1
    return done


_INSERT_FACTS = sa.insert(act_facts)
_INSERT_MOTIVES = sa.insert(act_motives)
_KNOWN_IN_CASE = (
    sa.select(acts.c.text_sha, act_facts.c.facts, act_facts.c.spans)
    .join(act_facts, act_facts.c.act_id == acts.c.id)
    .where(acts.c.case_id == sa.bindparam("case_id"), act_facts.c.error.is_(None),
           act_facts.c.extractor_version == sa.bindparam("extractor_version"))
)


def known_in_case(conn: Connection, case_id: int) -> dict[str, tuple[Any, Any]]:
    """Facts and spans of a case's acts already read by this extractor version, by text sha256:
    a changed card (a new event, a new act) re-attaches its unchanged acts to the new version."""
    found = conn.execute(_KNOWN_IN_CASE, {"case_id": case_id, "extractor_version": EXTRACTOR_VERSION})
    return {sha: (facts, spans) for sha, facts, spans in found if facts is not None}


def extract_version(conn: Connection, case_id: int, version: int) -> int:
    """Facts for every act of one case version (called inside the page's ingest transaction)."""
    rows = conn.execute(
        sa.select(acts.c.id, acts.c.case_id, acts.c.version, acts.c.text, acts.c.text_sha)
        .where(acts.c.case_id == case_id, acts.c.version == version)
    ).all()
    return extract_acts(conn, rows, fresh=True, known=known_in_case(conn, case_id) if version > 1 else None)


def reextract(engine: Engine, *, only_outdated: bool = True,
              progress: Callable[[int, int], None] | None = None) -> int:
    """Re-read stored acts (those extracted by another extractor version, or all); how many."""
    query = sa.select(acts.c.id, acts.c.case_id, acts.c.version, acts.c.text).outerjoin(
        act_facts, act_facts.c.act_id == acts.c.id)
    if only_outdated:
        query = query.where(sa.or_(act_facts.c.act_id.is_(None),
                                   act_facts.c.extractor_version != EXTRACTOR_VERSION))
    with engine.connect() as conn:
        ids = [r.id for r in conn.execute(query.with_only_columns(acts.c.id).order_by(acts.c.id))]
    done = 0
    for start in range(0, len(ids), 200):
        chunk = ids[start:start + 200]
        with engine.begin() as conn:
            rows = conn.execute(sa.select(acts.c.id, acts.c.case_id, acts.c.version, acts.c.text, acts.c.text_sha)
                                .where(acts.c.id.in_(chunk))).all()
            done += extract_acts(conn, rows)
        if progress:
            progress(done, len(ids))
    return done
