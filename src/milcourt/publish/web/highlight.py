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
