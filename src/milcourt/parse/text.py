"""Text out of page nodes: whitespace-normalised cell values, block text of acts, ISO dates."""

from __future__ import annotations

import re
from typing import Any

_DATE = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_TIME = re.compile(r"(?<![\d.:])([01]?\d|2[0-3])[:.]([0-5]\d)(?![\d.])")
# Elements that start a new line of text (everything else is inline).
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "tr", "li", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "pre",
     "blockquote", "section", "article", "center", "hr"}
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "title", "head"})


def clean(text: str | None) -> str:
    """One line, single spaces, no-break spaces and tabs folded, trimmed."""
    if not text:
        return ""
    return " ".join(text.split())


def lines_of(node: Any) -> list[str]:
    """The node's text as non-empty normalised lines (``<br>``, ``<p>``, ``<div>`` break lines).

    Inline tags (``<span class="FIO1">``, ``<u>``, ``<b>``) do not break words; hidden
    tooltips (``span.tooltipShow``) and scripts are left out.
    """
    parts: list[str] = []
    _walk(node, parts)
    out = []
    for line in "".join(parts).split("\n"):
        line = clean(line)
        if line:
            out.append(line)
    return out


def _walk(node: Any, parts: list[str]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            parts.append(child.text_content or "")
            continue
        if tag in _SKIP_TAGS or (tag == "span" and "tooltipShow" in (child.attributes.get("class") or "")):
            continue
        if tag in _BLOCK_TAGS:
            parts.append("\n")
            _walk(child, parts)
            parts.append("\n")
        else:
            _walk(child, parts)


def cell_text(node: Any) -> str:
    """A table cell as one whitespace-normalised line."""
    if node is None:
        return ""
    if node.css_first("br, p, div, span.tooltipShow, script") is None:
        return clean(node.text(deep=True, separator=""))
    return " ".join(lines_of(node))


def iso_date(text: str | None) -> str | None:
    """``"22.04.2026"`` → ``"2026-04-22"``; None when the text holds no valid date."""
    if not text:
        return None
    m = _DATE.search(text)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _ISO_DATE.search(text)  # "2025-05-22", as some exports and data attributes print it
        if not m:
            return None
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def clock_time(text: str | None) -> str | None:
    """``"10:00"``, ``"9.30"``, ``"18.12.2025 10:00"``, ``"10:00:00"`` → ``"HH:MM"``; None when none."""
    if not text:
        return None
    m = _TIME.search(text)
    return f"{int(m.group(1)):02d}:{m.group(2)}" if m else None


_plain_memo: tuple[str, str] = ("", "")  # the last page and its plain form (asked several times)


def plain(html: str) -> str:
    """The page with no-break spaces as plain spaces, for finding the engine's phrases in it
    ("Всего по запросу найдено&nbsp;— 27", "Данных&nbsp;по&nbsp;запросу не найдено")."""
    global _plain_memo
    memo = _plain_memo  # one read: a tuple swapped whole, so threads never mix two pages
    if memo[0] is html:
        return memo[1]
    out = html
    if "&nbsp;" in html or "\xa0" in html or "&#160;" in html:
        out = html.replace("&nbsp;", " ").replace("\xa0", " ").replace("&#160;", " ")
    _plain_memo = (html, out)
    return out


def mentions(html: str, phrases: tuple[str, ...]) -> bool:
    """Whether the page prints any of the phrases, with plain or no-break spaces."""
    if any(phrase in html for phrase in phrases):
        return True
    text = plain(html)
    return text is not html and any(phrase in text for phrase in phrases)


def label_key(text: str) -> str:
    """A label as a lookup key: lower case, single spaces, no trailing colon."""
    return clean(text).lower().replace("ё", "е").rstrip(": ").strip()
