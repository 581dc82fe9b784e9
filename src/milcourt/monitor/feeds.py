"""Atom feeds of changes (RFC 4287): one entry per change, linking to the case's dashboard page.

Built with ElementTree so every value is escaped; entry ids are stable tag URIs of the change
row (a reader never sees an entry twice), ``updated`` is the time the change was found.
The entry says what the case list of the dashboard says: court, number, instance, articles,
dates and result; nothing about persons.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import Any

ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)


def _iso(when: datetime | None) -> str:
    when = when or datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        node.text = text
    return node


def entry_title(change: dict[str, Any]) -> str:
    return f"{change['court_name']}: {change['number']} — {change['kind_label']}"


def entry_summary(change: dict[str, Any]) -> str:
    """One line of facts: instance, articles, received, decided, result, and what changed."""
    parts = [f"{change['court_name']} ({change['court_code']})", f"case {change['number']} ({change['instance']})",
             ", ".join(change["articles"]) or "articles not stated",
             f"received {change['received'] or '—'}", f"decided {change['decided'] or '—'}",
             f"result: {change['result'] or '—'}"]
    detail = change.get("detail") or {}
    if change["kind"] == "result_changed" and detail:
        parts.append(f"was: {detail.get('old')}")
    if change["kind"] == "instance_linked" and detail:
        parts.append(f"{detail.get('instance')} case {detail.get('number')} at {detail.get('court_code')}")
    return "; ".join(parts)


def atom_feed(changes: list[dict[str, Any]], *, title: str, feed_id: str, self_url: str, site_url: str) -> bytes:
    """The feed document (UTF-8 bytes) for ``changes`` (newest first)."""
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "title", title)
    _sub(feed, "id", feed_id)
    _sub(feed, "updated", _iso(changes[0]["at"] if changes else None))
    _sub(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    _sub(feed, "link", rel="alternate", href=site_url, type="text/html")
    author = _sub(feed, "author")
    _sub(author, "name", "milcourt")
    _sub(feed, "generator", "milcourt")
    for change in changes:
        entry = _sub(feed, "entry")
        _sub(entry, "title", entry_title(change))
        _sub(entry, "id", f"tag:milcourt,2025:change/{change['id']}")
        _sub(entry, "updated", _iso(change["at"]))
        _sub(entry, "link", rel="alternate", href=f"{site_url.rstrip('/')}/cases/{change['case_id']}",
             type="text/html")
        _sub(entry, "category", term=change["kind"], label=change["kind_label"])
        for article in change.get("article_keys") or []:
            _sub(entry, "category", term=f"article:{article}")
        _sub(entry, "summary", entry_summary(change))
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8", xml_declaration=False)
