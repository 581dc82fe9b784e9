"""Running a grammar over a piece of text with a cheap regex prefilter, with absolute offsets."""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from milcourt.extract.morph import parser
from milcourt.extract.segment import Part


@dataclass(frozen=True)
class Hit:
    """One grammar match: its text, absolute offsets, and the name of the top sub-rule that matched."""

    text: str
    start: int
    end: int
    name: str | None = None


def _name(match: Any) -> str | None:
    children = getattr(match.tree.root, "children", None)
    if children:
        return getattr(getattr(children[0], "rule", None), "name", None)
    return None


def find(
    rule: Any, part: Part, prefilter: re.Pattern[str] | None = None, window: int = 0, lower: bool = False
) -> list[Hit]:
    """Matches of ``rule`` in ``part``; with a prefilter, only windows around its hits are parsed
    (``lower``: the prefilter is written in lower case and runs over the lower-cased text)."""
    if prefilter is None:
        chunks = [(part.text, part.start)]
    else:
        windows: list[list[int]] = []
        for m in prefilter.finditer(part.text.lower() if lower else part.text):
            lo = max(0, m.start() - window)
            hi = min(len(part.text), m.end() + window)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], hi)
            else:
                windows.append([lo, hi])
        chunks = []
        for lo, hi in windows:
            # extend to word boundaries so a word is never cut in half
            while lo > 0 and part.text[lo - 1].isalnum():
                lo -= 1
            while hi < len(part.text) and part.text[hi].isalnum():
                hi += 1
            chunks.append((part.text[lo:hi], part.start + lo))
    hits = []
    for chunk, offset in chunks:
        for s, e, name in _parse(rule, chunk):
            hits.append(Hit(chunk[s:e], offset + s, offset + e, name))
    return hits


_CACHE: OrderedDict[tuple[int, str], tuple[tuple[int, int, str | None], ...]] = OrderedDict()
CACHE_SIZE = 50_000


def _parse(rule: Any, chunk: str) -> tuple[tuple[int, int, str | None], ...]:
    """Matches of a grammar in one chunk, memoised: acts repeat the same legal formulae
    ("не явился в срок на службу", "в исправительной колонии общего режима") thousands of times."""
    key = (id(rule), chunk)
    found = _CACHE.get(key)
    if found is None:
        found = tuple((m.span.start, m.span.stop, _name(m)) for m in parser(rule).findall(chunk))
        _CACHE[key] = found
        if len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return found


def clear_cache() -> None:
    _CACHE.clear()
