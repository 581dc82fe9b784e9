"""From a pseudonymised case-card page dict to store rows: the case row, its content and its children.

Pure functions (no database), so the mapping from the parser's contract to the schema is in one place.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from milcourt.store import keys

CASE_FIELDS = ("number", "number_full", "uid", "category", "received", "judge", "decided", "result")
LOWER_FIELDS = ("court", "number", "judge", "decided")


def iso_date(value: Any, field: str) -> date | None:
    """An ISO date from the parser (``None`` stays ``None``); anything else is the parser's bug."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{field}: not an ISO date: {value!r}") from None


def content_of(page: dict[str, Any]) -> dict[str, Any]:
    """What a case version is: the card's case block, events, persons, acts' titles and text hashes."""
    return {
        "case": page.get("case") or {},
        "events": page.get("events") or [],
        "persons": [_person_content(p) for p in page.get("persons") or []],
        # act texts live once in ``acts`` (per version); the version keeps each text's hash
        "acts": [{"title": a.get("title"), "text_sha": text_sha(a.get("text"))} for a in page.get("acts") or []],
    }


def _person_content(person: dict[str, Any]) -> dict[str, Any]:
    """A person as the version records it. A charge without a stage is recorded as before stages
    were read (no ``stage`` key), so that a card whose charges did not change keeps its content
    hash and is not stored again as a new version of every case; a stage that is there is kept."""
    articles = person.get("articles")
    if not articles:
        return person
    return {**person, "articles": [
        {k: v for k, v in a.items() if not (k == "stage" and v is None)} if isinstance(a, dict) else a
        for a in articles
    ]}


def text_sha(text: str | None) -> str:
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()


def content_sha(content: dict[str, Any]) -> str:
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def case_row(page: dict[str, Any], *, url: str | None, source: str) -> dict[str, Any]:
    """The ``cases`` columns a card determines (not the bookkeeping ones)."""
    case = page.get("case") or {}
    number = keys.normalise_number(case.get("number"))
    if not number:
        raise ValueError("case card without a case number")
    lower = case.get("lower_court") or {}
    uid = keys.canonical_uid(case.get("uid"))
    court_code, code_source = keys.court_code_for(uid, url, source)
    return {
        "court_code": court_code,
        "court_code_source": code_source,
        "number": number,
        "instance": keys.derive_instance(court_code, number, lower or None),
        "uid": uid,
        "number_full": case.get("number_full"),
        "category": case.get("category"),
        "received": iso_date(case.get("received"), "received"),
        "judge": case.get("judge"),
        "decided": iso_date(case.get("decided"), "decided"),
        "result": case.get("result"),
        "lower_court": lower.get("court"),
        "lower_number": keys.normalise_number(lower.get("number")) or None,
        "lower_judge": lower.get("judge"),
        "lower_decided": iso_date(lower.get("decided"), "lower_court.decided"),
        "url": url,
    }


def children(page: dict[str, Any], case_id: int, version: int,
             content: dict[str, Any] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Rows of persons, charges, events and acts for one version of a case (``content``: its
    :func:`content_of`, whose act hashes are reused)."""
    base = {"case_id": case_id, "version": version}
    persons, charges = [], []
    for p_no, person in enumerate(page.get("persons") or [], 1):
        persons.append({
            **base, "person_no": p_no, "pseudonym": person.get("name"), "role": person.get("role"),
            "decided": iso_date(person.get("decided"), "persons.decided"), "result": person.get("result"),
        })
        for c_no, art in enumerate(person.get("articles") or [], 1):
            charges.append({
                **base, "person_no": p_no, "charge_no": c_no, "law": art.get("law"),
                "article": _str(art.get("article")), "part": _str(art.get("part")), "point": _str(art.get("point")),
                "stage": art.get("stage"),
            })
    events = [
        {**base, "event_no": n, "name": e.get("name"), "date": iso_date(e.get("date"), "events.date"),
         "time": e.get("time"), "result": e.get("result"), "basis": e.get("basis")}
        for n, e in enumerate(page.get("events") or [], 1)
    ]
    texts = page.get("acts") or []
    shas = [a["text_sha"] for a in content["acts"]] if content else [text_sha(a.get("text")) for a in texts]
    acts = [
        {**base, "act_no": n, "title": a.get("title"), "text": a.get("text") or "", "text_sha": sha}
        for n, (a, sha) in enumerate(zip(texts, shas, strict=True), 1)
    ]
    return {"persons": persons, "charges": charges, "events": events, "acts": acts}


def _str(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def changes(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """What changed between two versions: case fields as old/new values, lists as old/new counts."""
    changed: dict[str, Any] = {}
    old_case, new_case = old.get("case") or {}, new.get("case") or {}
    for field in sorted(set(old_case) | set(new_case)):
        if field == "lower_court":
            o, n = old_case.get(field) or {}, new_case.get(field) or {}
            for sub in sorted(set(o) | set(n)):
                if o.get(sub) != n.get(sub):
                    changed[f"lower_court.{sub}"] = {"old": o.get(sub), "new": n.get(sub)}
        elif old_case.get(field) != new_case.get(field):
            changed[field] = {"old": old_case.get(field), "new": new_case.get(field)}
    for part in ("events", "persons", "acts"):
        if old.get(part) != new.get(part):
            changed[part] = {"old": len(old.get(part) or []), "new": len(new.get(part) or [])}
    return changed


def link_card(row: dict[str, Any], page: dict[str, Any]) -> dict[str, Any]:
    """The linking view of a card: its keys' ingredients plus every UID printed in its acts."""
    act_uids = sorted({u for a in page.get("acts") or [] for u in keys.uids_in_text(a.get("text"))})
    return {k: row[k] for k in ("uid", "court_code", "number", "lower_court", "lower_number")} | {
        "act_uids": act_uids
    }
