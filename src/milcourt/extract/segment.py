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


# "установил:" anywhere, or the word alone on its line without the colon
_DESCRIPTIVE = re.compile(
    rf"(?<![а-яё])(?:{_spaced('установила')}|{_spaced('установил')})\s*:|"
    rf"(?:^|\n)[ \t]*(?:{_spaced('установила')}|{_spaced('установил')})[ \t]*(?=\n)",
)
_OPERATIVE_WORDS = "|".join(_spaced(w) for w in (
    "приговорил", "постановила", "постановил", "определила", "определил", "решил",
))
_OPERATIVE = re.compile(
    rf"(?<![а-яё])(?:{_OPERATIVE_WORDS})\s*:|(?:^|\n)[ \t]*(?:{_OPERATIVE_WORDS})[ \t]*(?=\n)",
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
    low = text.lower()  # same length; case-sensitive patterns over it are much faster than re.I
    desc = _DESCRIPTIVE.search(low)
    desc_start = desc.end() if desc else min(len(text), 1500)
    header_end = desc.start() if desc else desc_start
    ops = [m for m in _OPERATIVE.finditer(low) if m.start() >= desc_start]
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


_LINE = re.compile(r"[^\n]+")
_ENDS = ".:;!?»)"
_OPENS = re.compile(r"\s*(?:[А-ЯЁA-Z0-9«\"(—–-]|$)")


def paragraphs(part: Part) -> list[Part]:
    """Paragraphs, with soft line breaks joined.

    Published acts often break lines around masked words ("подсудимый\nФИО1\n, показал"); a
    new paragraph starts only where a line ends a sentence and the next begins like one."""
    out: list[Part] = []
    lines = [m for m in _LINE.finditer(part.text) if m.group().strip()]
    start = end = None
    prev = ""
    for m in lines:
        text = m.group()
        if start is not None and prev.rstrip().endswith(tuple(_ENDS)) and _OPENS.match(text) \
                and not _MASKED.fullmatch(prev.strip()):
            out.append(Part(part.text[start:end], part.start + start))
            start = None
        if start is None:
            start = m.start()
        end, prev = m.end(), text
    if start is not None and end is not None:
        out.append(Part(part.text[start:end], part.start + start))
    return out


_MASKED = re.compile(r"(?:[А-ЯЁ]\.){2,3}|ФИО\d*|[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.")
