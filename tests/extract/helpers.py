"""Run one grammar over a phrase and interpret its first match."""

from __future__ import annotations

from typing import Any

from milcourt.extract.segment import Part
from milcourt.extract.spans import find


def first(rule: Any, phrase: str) -> str | None:
    hits = find(rule, Part(phrase, 0))
    return hits[0].text if hits else None
