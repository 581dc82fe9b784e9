"""Bounded markup: nesting capped before an HTML parser sees it, in one linear pass.

HTML parsers pay for depth: lexbor checks the stack of open elements at every tag (20 000 nested
``<div>`` take seconds, a few more never finish), libxml2 silently drops everything below depth
256, and any walk over nested tables revisits inner rows at every level. Court pages nest
a dozen levels deep, so anything far deeper is hostile or broken: the tags below the cap are
removed and their text kept in place, so an act wrapped in tens of thousands of tags keeps
its words and the parse stays linear in the page size.
"""

from __future__ import annotations

import re
from itertools import accumulate

PAGE_MAX_DEPTH = 256  # court pages nest about 15 deep; libxml2 gives up at 256
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>", re.S)
# Elements that hold no content, and elements whose end tag HTML lets writers leave out: neither
# deepens the tree in a way a writer's missing end tags could inflate.
_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"])
_OPTIONAL_END = frozenset(["p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup", "caption", "rb", "rt", "rp"])
_RAW = frozenset({"script", "style", "textarea", "title"})
# Start and end tags of elements that nest (neither void nor with an optional end tag): only the
# "/" or "" before the name is captured, so the sum runs in C (map, accumulate, max).
_NOT_NESTING = "|".join(sorted(_VOID | _OPTIONAL_END))
_NESTING_TAG = re.compile(rf"<(/?)(?!(?:{_NOT_NESTING})(?![A-Za-z0-9]))[A-Za-z]", re.IGNORECASE)
_STEP = {"": 1, "/": -1}
_LOOKBACK = 8  # how far down the stack a stray end tag may close (bounded: the pass stays linear)


def nesting_depth(html: str) -> int:
    """The deepest nesting of elements that need an end tag, estimated from the tags alone.

    Every start tag counts +1 and every end tag -1 (elements without content or with an
    optional end tag count 0): a running sum in C, a few milliseconds on a 300 KB page.
    """
    return max(accumulate(map(_STEP.__getitem__, _NESTING_TAG.findall(html))), default=0)


def cap_depth(html: str, max_depth: int = PAGE_MAX_DEPTH) -> str:
    """The markup with every tag deeper than ``max_depth`` removed (text kept); as is when shallower."""
    if nesting_depth(html) <= max_depth:
        return html
    return _scan(html, max_depth)[1]


def _scan(html: str, cap: int | None) -> tuple[int, str]:
    stack: list[tuple[str, bool]] = []  # (tag name, dropped)
    deepest = 0
    out: list[str] = []
    last = 0
    raw_until: str | None = None
    for m in _TAG.finditer(html):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if raw_until is not None:  # inside <script>/<style>: only its own end tag counts
            if not (closing and name == raw_until):
                continue
            raw_until = None
        dropping = cap is not None and bool(stack) and stack[-1][1]
        drop = False
        if name in _VOID or self_closing:
            drop = dropping and name != "br"
        elif closing:
            for back in range(1, min(_LOOKBACK, len(stack)) + 1):
                if stack[-back][0] == name:
                    drop = stack[-back][1]
                    del stack[-back:]
                    break
            else:
                drop = dropping
        elif name in _OPTIONAL_END:
            drop = dropping
        else:
            dropped = cap is not None and len(stack) >= cap
            stack.append((name, dropped))
            deepest = max(deepest, len(stack))
            drop = dropped
            if name in _RAW and not dropped:
                raw_until = name
        if drop:
            out.append(html[last:m.start()])
            last = m.end()
    if cap is None:
        return deepest, html
    out.append(html[last:])
    return deepest, "".join(out)


__all__ = ["PAGE_MAX_DEPTH", "cap_depth", "nesting_depth"]
