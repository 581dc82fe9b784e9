"""Cut an act into its parts and sentences, keeping character offsets into the original text.

A Russian court act has a header (title, court, date, parties, charge), a descriptive part
opened by "установил(а):" and an operative part opened by "приговорил / постановил / определил(а):".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from razdel import sentenize


def _spaced(word: str) -> str:
    return r"\s*".join(word)


# "установил:" anywhere, or the word alone on its line without the colon
_DESCRIPTIVE = re.compile(
    rf"(?<![а-яё])(?:{_spaced('установила')}|{_spaced('установил')})\s*:|"
    rf"(?:^|\n)[ \t]*(?:{_spaced('установила')}|{_spaced('установил')})[ \t]*(?=\n)",
)
_OPERATIVE_WORDS_LIST = ("приговорил", "постановила", "постановил", "определила", "определил", "решил")
_OPERATIVE_WORDS = "|".join(_spaced(w) for w in _OPERATIVE_WORDS_LIST)
_OPERATIVE = re.compile(
    rf"(?<![а-яё])(?:{_OPERATIVE_WORDS})\s*:|(?:^|\n)[ \t]*(?:{_OPERATIVE_WORDS})[ \t]*(?=\n)",
)


def _by_first_letter(words: tuple[str, ...]) -> str:
    """The words' alternation grouped by first letter, order kept, the look-behind after that
    letter: the pattern then starts with a literal and the engine skips ahead in C to it."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(r"\s*" + _spaced(word[1:]))
    return "|".join(f"{first}(?<![а-яё]{first})(?:{'|'.join(rests)})" for first, rests in groups.items())


# Where _OPERATIVE can match (each alternative on its own, both with a literal first): trying
# _OPERATIVE itself only there gives its finditer exactly, several times faster on a long act.
_OPERATIVE_AFTER_WORD = re.compile(rf"(?:{_by_first_letter(_OPERATIVE_WORDS_LIST)})\s*:")
_OPERATIVE_ON_LINE = re.compile(rf"\n[ \t]*(?:{_OPERATIVE_WORDS})[ \t]*(?=\n)")


def _operative_markers(low: str) -> list[re.Match[str]]:
    """``list(_OPERATIVE.finditer(low))``: the candidates' matches, none inside the one before."""
    starts = {0} | {m.start() for m in _OPERATIVE_AFTER_WORD.finditer(low)}
    starts |= {m.start() for m in _OPERATIVE_ON_LINE.finditer(low)}
    found: list[re.Match[str]] = []
    for start in sorted(starts):
        if found and start < found[-1].end():
            continue
        m = _OPERATIVE.match(low, start)
        if m:
            found.append(m)
    return found


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
    _sentences.cache_clear()  # a new act: sentences of the last one are not needed again
    low = text.lower()  # same length; case-sensitive patterns over it are much faster than re.I
    desc = _DESCRIPTIVE.search(low)
    desc_start = desc.end() if desc else min(len(text), 1500)
    header_end = desc.start() if desc else desc_start
    ops = [m for m in _operative_markers(low) if m.start() >= desc_start]
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
    return list(_sentences(part.text, part.start))


@lru_cache(maxsize=32)
def _sentences(text: str, start: int) -> tuple[Part, ...]:
    """Kept while one act is read (segment() starts afresh): several readers split the same
    operative part, and razdel is the costly step."""
    return tuple(Part(s.text, start + s.start) for s in sentenize(text))


_LINE = re.compile(r"[^\n]+")
_ENDS = ".:;!?»)"
_OPENS = re.compile(r"\s*(?:[А-ЯЁA-Z0-9«\"(—–-]|$)")


def paragraphs(part: Part) -> list[Part]:
    """Paragraphs, with soft line breaks joined.

    Published acts often break lines around masked words ("подсудимый\nФИО1\n, показал"); a
    new paragraph starts only where a line ends a sentence and the next begins like one (not after
    an abbreviation such as "ст." that a fixed-width wrap left at the line end)."""
    out: list[Part] = []
    lines = [m for m in _LINE.finditer(part.text) if m.group().strip()]
    start = end = None
    prev = ""
    for m in lines:
        text = m.group()
        if start is not None and prev.rstrip().endswith(tuple(_ENDS)) and _OPENS.match(text) \
                and not _MASKED.fullmatch(prev.strip()) and not _ABBREVIATION_END.search(prev[-12:]):
            out.append(Part(part.text[start:end], part.start + start))
            start = None
        if start is None:
            start = m.start()
        end, prev = m.end(), text
    if start is not None and end is not None:
        out.append(Part(part.text[start:end], part.start + start))
    return out


# a wrapped line that stops after an abbreviation which never ends a sentence ("… ч. 5 ст.\n337 УК РФ")
_ABBREVIATION_END = re.compile(r"(?<![А-ЯЁа-яё])(?:ст|ч|п|пп|им|ул|см|т\.\s?е|л\.\s?д)\.\s*$")
_MASKED = re.compile(r"(?:[А-ЯЁ]\.){2,3}|ФИО\d*|[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.")
