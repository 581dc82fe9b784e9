"""Proceedings: the cards of one matter in different instances, joined by shared link keys.

Each card contributes keys (see keys.link_keys): its UID and UIDs printed in its acts, its own
(court, number), and the lower-court case it reviews. Cards sharing any key are one proceeding;
when a new card bridges two proceedings they merge into the older one (the other is kept, marked
``merged_into``). Union by shared keys gives the same grouping whatever order the cards arrive in.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from milcourt.store.keys import link_keys, uids_in_text
from milcourt.store.schema import acts, cases, proceeding_keys, proceedings

_FIND_KEYS = sa.select(proceeding_keys.c.key, proceeding_keys.c.proceeding_id).where(
    proceeding_keys.c.key.in_(sa.bindparam("keys", expanding=True)))
_NEW_PROCEEDING = sa.insert(proceedings)


def link_case(conn: Connection, case_id: int, card: dict[str, Any]) -> int:
    """Put a stored card into its proceeding (creating or merging proceedings); return its id."""
    pid = proceeding_for(conn, card)
    conn.execute(sa.update(cases).where(cases.c.id == case_id).values(proceeding_id=pid))
    return pid


def proceeding_for(conn: Connection, card: dict[str, Any]) -> int:
    """The proceeding a card belongs to, its keys recorded (creating or merging proceedings).

    The card's own case row is not touched, so a new case can be inserted with the id at once."""
    keys = link_keys(card)
    found = conn.execute(_FIND_KEYS, {"keys": keys}).all() if keys else []
    roots = sorted({pid for _key, pid in found})
    if not roots:
        now = datetime.now(UTC).replace(tzinfo=None)
        key = conn.execute(_NEW_PROCEEDING, {"created_at": now}).inserted_primary_key
        assert key is not None
        pid = int(key[0])
    else:
        pid = roots[0]
        for other in roots[1:]:
            conn.execute(sa.update(proceedings).where(proceedings.c.id == other).values(merged_into=pid))
            conn.execute(sa.update(cases).where(cases.c.proceeding_id == other).values(proceeding_id=pid))
            conn.execute(
                sa.update(proceeding_keys).where(proceeding_keys.c.proceeding_id == other).values(proceeding_id=pid)
            )
    known = {key for key, _pid in found}
    new = [{"key": k, "proceeding_id": pid} for k in keys if k not in known]
    if new:
        conn.execute(sa.insert(proceeding_keys), new)
    return pid


def card_for_row(conn: Connection, row: Any) -> dict[str, Any]:
    """The linking view of a stored case row (used when linking cards stored before proceedings)."""
    texts = conn.execute(
        sa.select(acts.c.text).where(acts.c.case_id == row.id, acts.c.version == row.current_version)
    ).scalars()
    act_uids = sorted({u for text in texts for u in uids_in_text(text)})
    return {
        "uid": row.uid, "court_code": row.court_code, "number": row.number,
        "lower_court": row.lower_court, "lower_number": row.lower_number, "act_uids": act_uids,
    }


def link_all(conn: Connection) -> int:
    """Link every stored case (schema migration 2 and repair); return how many were linked."""
    rows = conn.execute(
        sa.text(
            "SELECT id, uid, court_code, number, lower_court, lower_number, current_version "
            "FROM cases ORDER BY id"
        )
    ).all()
    for row in rows:
        link_case(conn, row.id, card_for_row(conn, row))
    return len(rows)
