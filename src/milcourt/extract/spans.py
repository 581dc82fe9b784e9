"""Running a grammar over a piece of text with a cheap regex prefilter, with absolute offsets."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterator
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


# Characters that re.IGNORECASE pairs beyond str.lower() ("в" with "ᲀ", "s" with "ſ", Greek
# variants): a text holding one keeps the case-insensitive pattern.
_CASEFIX_ODD = re.compile("[" + re.escape("µıſͅΐΰβεθικμπρςσφϐϑϕϖϰϱϵѣᲀᲁᲂᲃᲄᲅᲆᲇᲈṡẛιΐΰꙋﬅﬆ") + "]")
# Escapes lower() would change (\S, \W, \D, \B, \N{…}, \xNN, \uNNNN), and flags turning case off.
_UNSAFE_TO_LOWER = re.compile(r"\\[A-Zxu0-9]|\(\?[a-zA-Z]*-")
_LOWERED: dict[re.Pattern[str], re.Pattern[str] | None] = {}


def _lowered(prefilter: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-insensitive prefilter as a case-sensitive one for lower-cased text (several times
    faster: the engine can skip ahead to its first letters), or None where that would differ."""
    if prefilter not in _LOWERED:
        pattern = prefilter.pattern
        safe = bool(prefilter.flags & re.IGNORECASE) and not _UNSAFE_TO_LOWER.search(pattern) \
            and not _CASEFIX_ODD.search(pattern)
        lowered = pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")  # named groups stay valid
        _LOWERED[prefilter] = re.compile(lowered, prefilter.flags & ~re.IGNORECASE) if safe else None
    return _LOWERED[prefilter]


def finditer_ci(prefilter: re.Pattern[str], text: str, lower: bool = False) -> Iterator[re.Match[str]]:
    """``prefilter.finditer`` over the text (lower-cased first when ``lower``), same offsets; a
    case-insensitive pattern may run over the lower-cased text, so only offsets are the text's
    (a match's ``group()`` may come lower-cased)."""
    if lower:
        return prefilter.finditer(text.lower())
    fast = _lowered(prefilter)
    if fast is not None:
        low = text.lower()
        if len(low) == len(text) and not _CASEFIX_ODD.search(text):
            return fast.finditer(low)
    return prefilter.finditer(text)


def find(
    rule: Any, part: Part, prefilter: re.Pattern[str] | None = None, window: int = 0, lower: bool = False
) -> list[Hit]:
    """Matches of ``rule`` in ``part``; with a prefilter, only windows around its hits are parsed
    (``lower``: the prefilter is written in lower case and runs over the lower-cased text)."""
    if prefilter is None:
        chunks = [(part.text, part.start)]
    else:
        windows: list[list[int]] = []
        for m in finditer_ci(prefilter, part.text, lower):
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
            hits.append(Hit(chunk[s:e].translate(_EOL_AS_SPACE), offset + s, offset + e, name))
    return hits


_EOL_AS_SPACE = str.maketrans({"\n": " ", "\r": " "})
_CACHE: OrderedDict[tuple[int, str], tuple[tuple[int, int, str | None], ...]] = OrderedDict()
CACHE_SIZE = 50_000


def _parse(rule: Any, chunk: str) -> tuple[tuple[int, int, str | None], ...]:
    """Matches of a grammar in one chunk, memoised: acts repeat the same legal formulae
    ("не явился в срок на службу", "в исправительной колонии общего режима") thousands of times.
    Line breaks are read as spaces (same length, so offsets hold): published texts wrap lines inside
    a phrase ("в исправительной колонии общего\nрежима"), and the tokenizer would cut it there."""
    chunk = chunk.translate(_EOL_AS_SPACE)
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
