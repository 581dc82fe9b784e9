"""The crawl's account in the store: one ``crawl_log`` row per court per crawl.

Coverage (``milcourt stats coverage``, the report, the dashboard) reads it to say which courts
were crawled and when, and which were blocked or down.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from milcourt.store.schema import crawl_log


def court_status(tally: Any) -> str:
    """ok | partial (some pages failed) | blocked (captcha still up) | down (nothing came through)."""
    if tally.failed and tally.pages <= tally.failed + tally.blocked:
        return "down"
    if tally.blocked_unresolved:
        return "blocked"
    if tally.failed or tally.truncated_searches:
        return "partial"
    return "ok"


def _note(tally: Any) -> str | None:
    reasons = sorted({e.get("reason") or e.get("kind") for e in tally.events if e.get("kind") != "captcha"
                      or e.get("given_up")})
    return "; ".join(r for r in reasons if r)[:500] or None


def record_crawl(engine: Engine, report: Any, *, started_at: float, synthetic: bool = False) -> int:
    """Write one row per court of ``report`` (a CrawlReport); how many rows."""
    started = datetime.fromtimestamp(started_at, UTC).replace(tzinfo=None)
    finished = datetime.now(UTC).replace(tzinfo=None)
    rows = [
        {"court_code": t.court, "started_at": started, "finished_at": finished, "status": court_status(t),
         "pages": t.pages, "cases_found": t.found, "cases_new": t.new, "cases_updated": t.updated,
         "failed": t.failed, "blocked": t.blocked, "note": _note(t), "synthetic": synthetic,
         "captchas": t.captchas, "captcha_first_try": t.captcha_first_try, "captcha_retried": t.captcha_retried,
         "captcha_by_hand": t.captcha_by_hand, "captcha_given_up": t.captcha_given_up,
         "pairs_expired": t.pairs_expired, "platform_blocks": t.platform_blocks,
         "platform_pause_s": t.platform_pause_s}
        for t in report.courts.values()
    ]
    if rows:
        with engine.begin() as conn:
            conn.execute(sa.insert(crawl_log), rows)
    return len(rows)
