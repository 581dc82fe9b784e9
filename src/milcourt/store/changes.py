"""Change sets: what each crawl run found new, changed or gone, written where ingest decides it.

A monitor must say what is new without diffing the store afterwards: the ingest transaction that
adds a case, or a version of it, or marks it removed, also writes the change rows of the run in
progress (``Store.run_id``). So a change is recorded exactly when the store changed, once per run
and kind (a unique key), and a crash loses both or neither.

Kinds: ``new`` (a case record first stored), ``decided`` (a decision date appeared), ``result_changed``
(a printed result replaced by another), ``new_act`` (an act text not in the previous version),
``instance_linked`` (another instance's card joined the case's proceeding: an appeal of it was
filed), ``removed`` (the source stopped showing the case). Other version changes (a hearing
scheduled, a party's line reworded) are history in ``case_versions`` but not news.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from milcourt.store.schema import case_changes, cases, crawl_runs

KINDS = ("new", "decided", "result_changed", "new_act", "instance_linked", "removed")


@dataclass
class RunCoverage:
    """What a run reached, for its row in ``crawl_runs``."""

    courts: int = 0
    courts_reached: int = 0
    blocked_courts: tuple[str, ...] = ()
    captchas_given_up: int = 0
    requests: int = 0


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def classify(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The news in a new version of a case (``content`` dicts as stored in ``case_versions``)."""
    out: list[tuple[str, dict[str, Any]]] = []
    old_case, new_case = old.get("case") or {}, new.get("case") or {}
    if new_case.get("decided") and not old_case.get("decided"):
        out.append(("decided", {"decided": new_case.get("decided"), "result": new_case.get("result")}))
    elif old_case.get("result") and new_case.get("result") and old_case["result"] != new_case["result"]:
        out.append(("result_changed", {"old": old_case["result"], "new": new_case["result"]}))
    old_acts = {a.get("text_sha") for a in old.get("acts") or []}
    added = [a for a in new.get("acts") or [] if a.get("text_sha") not in old_acts]
    if added:
        out.append(("new_act", {"titles": [a.get("title") for a in added]}))
    return out


def _insert(conn: Connection) -> Any:
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(case_changes).on_conflict_do_nothing(
        index_elements=[case_changes.c.run_id, case_changes.c.case_id, case_changes.c.kind])


def record(conn: Connection, run_id: int, case_id: int, key: dict[str, Any],
           kinds: list[tuple[str, dict[str, Any]]], at: datetime) -> None:
    """Write ``kinds`` for one case in the caller's transaction (a second write of one is a no-op)."""
    if not kinds:
        return
    conn.execute(_insert(conn), [
        {"run_id": run_id, "case_id": case_id, "court_code": key["court_code"], "number": key["number"],
         "instance": key["instance"], "kind": kind, "at": at, "detail": detail} for kind, detail in kinds])


def record_linked(conn: Connection, run_id: int, case_id: int, proceeding_id: int | None, at: datetime,
                  instance: str, number: str, court: str) -> None:
    """A new card joined a proceeding: the other cases in it gained an instance (unless they are
    themselves new in this run, where ``new`` already says everything)."""
    if proceeding_id is None:
        return
    new_now = sa.select(case_changes.c.case_id).where(case_changes.c.run_id == run_id, case_changes.c.kind == "new")
    others = conn.execute(sa.select(cases.c.id, cases.c.court_code, cases.c.number, cases.c.instance).where(
        cases.c.proceeding_id == proceeding_id, cases.c.id != case_id, cases.c.id.not_in(new_now))).all()
    for other in others:
        record(conn, run_id, other.id, other._asdict(),
               [("instance_linked", {"court_code": court, "number": number, "instance": instance})], at)


def record_act(conn: Connection, run_id: int, case_id: int, key: dict[str, Any], title: str | None,
               at: datetime) -> None:
    """An act published on a page of its own is news of its case (``new_act``) as one printed on
    a new version of the card is, unless the case itself is new in this run (``new`` says it)."""
    new_now = conn.execute(sa.select(case_changes.c.id).where(
        case_changes.c.run_id == run_id, case_changes.c.case_id == case_id, case_changes.c.kind == "new")).first()
    if new_now is None:
        record(conn, run_id, case_id, key, [("new_act", {"titles": [title]})], at)


def start_run(engine: Engine, *, courts: int, synthetic: bool, started_at: datetime | None = None) -> int:
    """A new row in ``crawl_runs`` (status ``running``); its id."""
    with engine.begin() as conn:
        key = conn.execute(sa.insert(crawl_runs).values(
            started_at=started_at or _now(), status="running", courts=courts, courts_reached=0,
            courts_blocked=0, captchas_given_up=0, requests=0, synthetic=synthetic)).inserted_primary_key
    assert key is not None
    return int(key[0])


def run_exists(engine: Engine, run_id: int) -> bool:
    with engine.connect() as conn:
        return conn.execute(sa.select(crawl_runs.c.id).where(crawl_runs.c.id == run_id)).first() is not None


def finish_run(engine: Engine, run_id: int, coverage: RunCoverage, *, status: str) -> None:
    """Close a run: ``finished`` (every search done) or ``stopped`` (signal; resumed next time)."""
    with engine.begin() as conn:
        row = conn.execute(sa.select(crawl_runs.c.requests).where(crawl_runs.c.id == run_id)).first()
        earlier = int(row.requests) if row else 0  # an interrupted part of the same run
        conn.execute(sa.update(crawl_runs).where(crawl_runs.c.id == run_id).values(
            finished_at=_now() if status == "finished" else None, status=status, courts=coverage.courts,
            courts_reached=coverage.courts_reached, courts_blocked=len(coverage.blocked_courts),
            blocked_courts=",".join(coverage.blocked_courts) or None,
            captchas_given_up=coverage.captchas_given_up, requests=earlier + coverage.requests))


def run_changes(engine: Engine, run_id: int) -> list[dict[str, Any]]:
    """The change set of one run, oldest first."""
    with engine.connect() as conn:
        rows = conn.execute(sa.select(case_changes).where(case_changes.c.run_id == run_id)
                            .order_by(case_changes.c.at, case_changes.c.id)).mappings().all()
    return [dict(r) for r in rows]


def last_runs(engine: Engine, limit: int = 10) -> list[dict[str, Any]]:
    """The latest runs with their counts of new, changed and removed cases."""
    counts = (sa.select(case_changes.c.run_id,
                        sa.func.count(sa.distinct(sa.case((case_changes.c.kind == "new", case_changes.c.case_id))))
                        .label("new"),
                        sa.func.count(sa.distinct(sa.case((case_changes.c.kind.in_(
                            ("decided", "result_changed", "new_act", "instance_linked")), case_changes.c.case_id))))
                        .label("changed"),
                        sa.func.count(sa.distinct(sa.case((case_changes.c.kind == "removed", case_changes.c.case_id))))
                        .label("removed"))
              .group_by(case_changes.c.run_id).subquery())
    query = (sa.select(crawl_runs, sa.func.coalesce(counts.c.new, 0).label("new"),
                       sa.func.coalesce(counts.c.changed, 0).label("changed"),
                       sa.func.coalesce(counts.c.removed, 0).label("removed"))
             .select_from(crawl_runs.outerjoin(counts, counts.c.run_id == crawl_runs.c.id))
             .order_by(crawl_runs.c.id.desc()).limit(limit))
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings().all()]
