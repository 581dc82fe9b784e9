"""One pymorphy3 analyser and one yargy tokenizer shared by every grammar.

yargy ships a pymorphy2 wrapper; we hand it a pymorphy3 analyser instead (same API, maintained,
Python 3.11+), cached per word, so inflected forms ("пяти лет", "Новочеркасского") resolve to
their lemmas in ``normalized``/``dictionary`` predicates.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pymorphy3
from yargy import Parser
from yargy.morph import MorphAnalyzer
from yargy.tokenizer import MorphTokenizer

from milcourt.extract.earley import FastParser


class _Pymorphy3(MorphAnalyzer):
    """yargy's analyser interface over pymorphy3, with a per-word cache."""

    def __init__(self) -> None:
        super().__init__(raw=pymorphy3.MorphAnalyzer())

    @lru_cache(maxsize=200_000)  # noqa: B019 - one process-wide analyser
    def __call__(self, word: str) -> list[Any]:
        return super().__call__(word)


MORPH = _Pymorphy3()
TOKENIZER = MorphTokenizer(morph=MORPH)


_PARSERS: dict[int, tuple[Any, Parser]] = {}


def parser(rule: Any) -> Parser:
    """A compiled parser per grammar (building one costs milliseconds; reuse it)."""
    cached = _PARSERS.get(id(rule))
    if cached is None:
        cached = _PARSERS[id(rule)] = (rule, FastParser(rule, tokenizer=TOKENIZER))
    return cached[1]


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """Most likely normal form of a word, lower case."""
    parses = MORPH.raw.parse(word.lower())
    return parses[0].normal_form if parses else word.lower()


def to_nominative(word: str) -> str:
    """An adjective or noun of a court or rank name put in the nominative singular, case kept."""
    low = word.lower()
    for p in MORPH.raw.parse(low):
        if p.tag.POS in {"ADJF", "NOUN"} and ("sing" in p.tag or "plur" not in p.tag):
            grams = {"nomn", "sing"}
            if p.tag.POS == "ADJF":
                grams.add("masc")
            form = p.inflect(grams)
            if form is not None:
                out = form.word if "ё" in low else form.word.replace("ё", "е")  # keep the act's spelling
                return out[0].upper() + out[1:] if word[:1].isupper() else out
    return word
