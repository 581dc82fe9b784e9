"""Cut an act into its parts and sentences, keeping character offsets into the original text.

A Russian court act has a header (title, court, date, parties, charge), a descriptive part
opened by "установил(а):" and an operative part opened by "приговорил / постановил / определил(а):".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from razdel import sentenize


def _spaced(word: str) -> str:
    return r"\s*".join(word)


_DESCRIPTIVE = re.compile(rf"(?<![а-яё])(?:{_spaced('установил')}|{_spaced('установила')})\s*:", re.I)
_OPERATIVE = re.compile(
    r"(?<![а-яё])(?:" + "|".join(_spaced(w) for w in (
        "приговорил", "постановил", "определил", "постановила", "определила", "решил",
    )) + r")\s*:", re.I,
)


@dataclass(frozen=True)
class Part:
    """A slice of the act: ``text`` is ``act[start:end]``."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Act:
    text: str
    header: Part
    descriptive: Part
    operative: Part


def segment(text: str) -> Act:
    """Header / descriptive / operative parts; missing markers fall back to sensible slices."""
    desc = _DESCRIPTIVE.search(text)
    desc_start = desc.end() if desc else min(len(text), 1500)
    header_end = desc.start() if desc else desc_start
    ops = [m for m in _OPERATIVE.finditer(text) if m.start() >= desc_start]
    if ops:
        op_start, desc_end = ops[-1].end(), ops[-1].start()
    else:
        op_start = desc_end = max(desc_start, int(len(text) * 0.75))
    return Act(
        text=text,
        header=Part(text[:header_end], 0),
        descriptive=Part(text[desc_start:desc_end], desc_start),
        operative=Part(text[op_start:], op_start),
    )


def sentences(part: Part) -> list[Part]:
    """Sentences of a part (razdel), as Parts with absolute offsets."""
    out = []
    for s in sentenize(part.text):
        out.append(Part(s.text, part.start + s.start))
    return out


_PARAGRAPH = re.compile(r"[^\n]+")


def paragraphs(part: Part) -> list[Part]:
    return [Part(m.group(), part.start + m.start()) for m in _PARAGRAPH.finditer(part.text) if m.group().strip()]
