"""Act text with the extracted facts marked at their source spans, safely escaped.

Spans are character offsets into the stored, name-free act text. Overlapping spans are
merged into the first; every piece of text is escaped, so an act that contains HTML or
script shows it as text.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape


def highlight(text: str, spans: list[dict[str, Any]] | None) -> Markup:
    """The act text as HTML with ``<mark data-field=…>`` around each fact's source span."""
    usable = sorted(
        (
            (int(sp["start"]), int(sp["end"]), str(sp.get("field", "")))
            for sp in spans or []
            if isinstance(sp, dict) and 0 <= int(sp.get("start", -1)) < int(sp.get("end", -1)) <= len(text)
        ),
        key=lambda item: (item[0], -item[1]),
    )
    out: list[str] = []
    cursor = 0
    for start, end, field in usable:
        if start < cursor:
            continue
        out.append(str(escape(text[cursor:start])))
        out.append(
            f'<mark class="fact" data-field="{escape(field)}" title="{escape(field)}">'
            f"{escape(text[start:end])}</mark>"
        )
        cursor = end
    out.append(str(escape(text[cursor:])))
    return Markup("".join(out))


def fact_rows(facts: dict[str, Any] | None, prefix: str = "") -> list[tuple[str, str]]:
    """The facts that were found, flattened to (field, value) rows for a compact table.

    Nested objects give dotted fields ("absence.start"); lists of articles read "337 ч.5";
    empty values are left out (the full JSON stays one click away).
    """
    rows: list[tuple[str, str]] = []
    for key, value in (facts or {}).items():
        name = f"{prefix}{key}"
        if value is None or value == [] or value == {}:
            continue
        if isinstance(value, dict):
            rows.extend(fact_rows(value, prefix=name + "."))
        elif isinstance(value, list):
            items = [_article(v) if isinstance(v, dict) else str(v) for v in value]
            rows.append((name, "; ".join(items)))
        elif isinstance(value, bool):
            rows.append((name, "да / yes" if value else "нет / no"))
        else:
            rows.append((name, str(value)))
    return rows


def _article(item: dict[str, Any]) -> str:
    if "article" not in item:
        return ", ".join(f"{k}={v}" for k, v in item.items() if v is not None)
    label = str(item.get("article") or "")
    if item.get("part"):
        label += f" ч.{item['part']}"
    if item.get("point"):
        label += f" п.{item['point']}"
    return label
