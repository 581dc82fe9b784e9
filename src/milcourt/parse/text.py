"""Text out of page nodes: whitespace-normalised cell values, block text of acts, ISO dates."""

from __future__ import annotations

import re
from typing import Any

_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
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
    if not m:
        return None
    day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def label_key(text: str) -> str:
    """A label as a lookup key: lower case, single spaces, no trailing colon."""
    return clean(text).lower().replace("ё", "е").rstrip(": ").strip()
