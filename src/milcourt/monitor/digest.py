"""A digest of what changed over a period: by court and article, against the previous period.

``--since 7d`` is the last seven days up to now; the previous period is the seven days before.
The digest also says how much of the sites the runs of the period saw (runs, courts blocked,
pages given up behind captchas), because "nothing new" means little when half the courts were
behind a gate. Case facts only (court, number, articles, dates, result): no persons.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from milcourt.monitor.changeset import changes
from milcourt.monitor.searches import SearchFilters
from milcourt.store.schema import crawl_runs

_SPAN = re.compile(r"^\s*(\d{1,4})\s*([hdw])\s*$")
_HOURS = {"h": 1, "d": 24, "w": 24 * 7}
GROUPS = {"new": "new", "decided": "changed", "result_changed": "changed", "new_act": "changed",
          "instance_linked": "changed", "removed": "removed"}


class DigestError(ValueError):
    """A digest that cannot be made as asked (bad period, unknown search)."""


def parse_since(value: str) -> timedelta:
    """``7d``, ``24h``, ``2w`` → a positive period."""
    match = _SPAN.match(value or "")
    if not match or int(match.group(1)) == 0:
        raise DigestError(f"--since wants a period such as 7d, 24h or 2w, got {value!r}")
    return timedelta(hours=int(match.group(1)) * _HOURS[match.group(2)])


@dataclass
class Digest:
    title: str
    start: datetime
    end: datetime
    rows: list[dict[str, Any]]
    previous: dict[str, int]
    runs: list[dict[str, Any]]

    def counts(self) -> dict[str, int]:
        cases: dict[str, set[int]] = defaultdict(set)
        for row in self.rows:
            cases[GROUPS[row["kind"]]].add(row["case_id"])
        return {g: len(cases[g]) for g in ("new", "changed", "removed")}

    def coverage(self) -> dict[str, Any]:
        blocked = sorted({c for r in self.runs for c in (r["blocked_courts"] or "").split(",") if c})
        return {"runs": len(self.runs), "finished": sum(r["status"] == "finished" for r in self.runs),
                "requests": sum(r["requests"] or 0 for r in self.runs),
                "courts_reached": min((r["courts_reached"] for r in self.runs), default=0),
                "courts": max((r["courts"] for r in self.runs), default=0), "courts_blocked": blocked,
                "captchas_given_up": sum(r["captchas_given_up"] or 0 for r in self.runs)}

    def grouped(self) -> dict[str, dict[str, list[dict[str, Any]]]]:
        """court name → article → changes (an entry under each of a case's articles)."""
        out: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
        for row in sorted(self.rows, key=lambda r: (r["court_name"], r["number"], r["kind"])):
            for article in row["article_keys"] or ["?"]:
                out[f"{row['court_name']} ({row['court_code']})"][article].append(row)
        return {c: dict(sorted(a.items())) for c, a in sorted(out.items())}


def _runs(engine: Engine, start: datetime, end: datetime) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(sa.select(crawl_runs).where(crawl_runs.c.started_at >= start,
                                                        crawl_runs.c.started_at < end)
                            .order_by(crawl_runs.c.started_at)).mappings().all()
    return [dict(r) for r in rows]


def make_digest(engine: Engine, period: timedelta, *, filters: SearchFilters | None = None,
                search_name: str | None = None, now: datetime | None = None) -> Digest:
    end = (now or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
    start = end - period
    rows = changes(engine, filters=filters, since=start, until=end)
    before = Digest("", start - period, start, changes(engine, filters=filters, since=start - period, until=start),
                    {}, [])
    title = "milcourt digest" + (f": {search_name} ({filters.describe()})" if search_name and filters else "")
    return Digest(title, start, end, rows, before.counts(), _runs(engine, start, end))


def _line(row: dict[str, Any]) -> str:
    return (f"{row['number']} ({row['instance']}): {row['kind_label']}; {', '.join(row['articles']) or '—'}; "
            f"received {row['received'] or '—'}, decided {row['decided'] or '—'}, result: {row['result'] or '—'}")


def _delta(now: int, before: int) -> str:
    diff = now - before
    return f"{now} ({'+' if diff >= 0 else ''}{diff} vs the previous period: {before})"


def render_markdown(d: Digest) -> str:
    counts, cov = d.counts(), d.coverage()
    out = [f"# {d.title}", "", f"{d.start:%Y-%m-%d %H:%M} – {d.end:%Y-%m-%d %H:%M} UTC", "",
           f"- new cases: {_delta(counts['new'], d.previous.get('new', 0))}",
           f"- changed cases: {_delta(counts['changed'], d.previous.get('changed', 0))}",
           f"- removed from the sites: {_delta(counts['removed'], d.previous.get('removed', 0))}", "",
           "## Coverage", "",
           f"- crawl runs: {cov['runs']} ({cov['finished']} finished), {cov['requests']} requests",
           f"- courts reached: {cov['courts_reached']} of {cov['courts']} (the worst run)",
           f"- courts blocked: {len(cov['courts_blocked'])}"
           + (f" ({', '.join(cov['courts_blocked'])})" if cov["courts_blocked"] else ""),
           f"- pages given up behind captchas: {cov['captchas_given_up']}", ""]
    for court, articles in d.grouped().items():
        out += [f"## {court}", ""]
        for article, rows in articles.items():
            out += [f"### ст. {article}", ""] + [f"- {_line(r)}" for r in rows] + [""]
    if not d.rows:
        out += ["Nothing changed in this period.", ""]
    return "\n".join(out)


def render_html(d: Digest) -> str:
    counts, cov = d.counts(), d.coverage()
    e = html.escape
    parts = [f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{e(d.title)}</title></head><body>",
             f"<h1>{e(d.title)}</h1><p>{d.start:%Y-%m-%d %H:%M} – {d.end:%Y-%m-%d %H:%M} UTC</p><ul>",
             f"<li>new cases: {e(_delta(counts['new'], d.previous.get('new', 0)))}</li>",
             f"<li>changed cases: {e(_delta(counts['changed'], d.previous.get('changed', 0)))}</li>",
             f"<li>removed from the sites: {e(_delta(counts['removed'], d.previous.get('removed', 0)))}</li></ul>",
             "<h2>Coverage</h2><ul>",
             f"<li>crawl runs: {cov['runs']} ({cov['finished']} finished), {cov['requests']} requests</li>",
             f"<li>courts reached: {cov['courts_reached']} of {cov['courts']} (the worst run)</li>",
             f"<li>courts blocked: {len(cov['courts_blocked'])} {e(', '.join(cov['courts_blocked']))}</li>",
             f"<li>pages given up behind captchas: {cov['captchas_given_up']}</li></ul>"]
    for court, articles in d.grouped().items():
        parts.append(f"<h2>{e(court)}</h2>")
        for article, rows in articles.items():
            parts.append(f"<h3>ст. {e(article)}</h3><ul>" + "".join(f"<li>{e(_line(r))}</li>" for r in rows) + "</ul>")
    if not d.rows:
        parts.append("<p>Nothing changed in this period.</p>")
    parts.append("</body></html>")
    return "\n".join(parts)
