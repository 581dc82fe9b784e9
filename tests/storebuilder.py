"""Hand-made stores for known-answer tests of stats, compare, exports and the dashboard.

Cases go in through the real ``Store.ingest_parsed`` (page dicts as the parser and names stage
leave them); extracted facts are written as the extractor stores them, so the answers of the
statistics are known in advance whatever the extractor's accuracy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from milcourt.store import Store
from milcourt.store import schema as s


@dataclass
class Case:
    court: str
    number: str
    received: str
    # (article, part) or (article, part, stage): "ч.3 ст.30, ч.5 ст.337" is ("337", "5", "attempt")
    articles: list[tuple[str, ...] | tuple[str, str | None]] = field(default_factory=lambda: [("337", "5")])
    instance: str = "first"
    decided: str | None = None
    result: str | None = "Вынесен ПРИГОВОР"
    uid: str | None = None
    lower: dict[str, Any] | None = None
    synthetic: bool = False
    act: str | None = None
    facts: dict[str, Any] | None = None
    motives: tuple[str, ...] = ()


def page_of(case: Case) -> dict[str, Any]:
    articles = [{"law": "УК РФ", "article": a[0], "part": a[1], "point": None, "stage": a[2] if len(a) > 2 else None}
                for a in case.articles]
    return {
        "kind": "case_card",
        "case": {"number": case.number, "number_full": case.number, "uid": case.uid, "category": None,
                 "received": case.received, "judge": "Судьин Судья Судьевич", "decided": case.decided,
                 "result": case.result, "lower_court": case.lower},
        "events": [],
        "persons": [{"name": "P-000001", "role": "ЛИЦА", "articles": articles, "decided": case.decided,
                     "result": case.result}],
        "acts": [{"title": "Приговор", "text": case.act}] if case.act else [],
    }


def site_url(case: Case) -> str:
    """A URL on the court's own site (the store takes the court from the site)."""
    from milcourt.courts.registry import find_court

    court = find_court(case.court)
    assert court is not None, case.court
    return f"{court.website}/modules.php?name=sud_delo&name_op=case&number={case.number}"


def add(store: Store, case: Case, fetched_at: datetime | None = None) -> int:
    """Ingest one case (and its act facts, if given); its case id."""
    data = json.dumps([case.court, case.number, case.instance, case.received, case.act]).encode()
    result = store.ingest_parsed(page_of(case), data, source=site_url(case), url=site_url(case),
                                 fetched_at=fetched_at or datetime(2025, 7, 1), synthetic=case.synthetic)
    assert result.case_id is not None
    if case.facts is not None:
        write_facts(store, result.case_id, case.facts, case.motives)
    return result.case_id


def write_facts(store: Store, case_id: int, facts: dict[str, Any], motives: tuple[str, ...] = ()) -> None:
    """Store facts for the case's first act, as the extractor would."""
    with store.engine.begin() as conn:
        case = conn.execute(sa.select(s.cases.c.current_version).where(s.cases.c.id == case_id)).one()
        act_id = conn.execute(
            sa.select(s.acts.c.id).where(s.acts.c.case_id == case_id, s.acts.c.version == case.current_version)
        ).scalar_one()
        row = {"act_id": act_id, "case_id": case_id, "version": case.current_version,
               "extractor_version": "test", "extracted_at": datetime(2025, 7, 1), "error": None,
               "doc_type": "verdict", "facts": facts, "spans": []}
        for key, value in facts.items():
            if key in s.act_facts.c and key not in row:
                row[key] = date.fromisoformat(value) if key.startswith("absence_") and key != "absence_days" \
                    and key != "absence_ended_by" and isinstance(value, str) else value
        conn.execute(sa.delete(s.act_facts).where(s.act_facts.c.act_id == act_id))
        conn.execute(sa.insert(s.act_facts), row)
        conn.execute(sa.delete(s.act_motives).where(s.act_motives.c.act_id == act_id))
        if motives:
            conn.execute(sa.insert(s.act_motives), [{"act_id": act_id, "motive": m} for m in motives])
