"""The faster Earley parser finds exactly what yargy's own parser finds (spans, sub-rule, order),
grammar by grammar, over the sentences of the development acts."""

from __future__ import annotations

from pathlib import Path

import pytest
from yargy import Parser

from milcourt.extract.earley import FastParser
from milcourt.extract.grammars import absence, appeal_outcome, articles, dates, motives
from milcourt.extract.morph import TOKENIZER
from milcourt.extract.spans import _name

ACTS = sorted((Path(__file__).resolve().parent.parent / "acts").glob("*/*.txt"))
GRAMMARS = {
    "absence start": absence.ABSENCE_START, "absence end": absence.ABSENCE_END,
    "appeal outcome": appeal_outcome.APPEAL_OUTCOME, "article": articles.ARTICLE_REF,
    "date": dates.DATE_OR_NOW, "motive": motives.MOTIVE,
}


def _paragraphs() -> list[str]:
    out: list[str] = []
    for path in ACTS[::12]:
        out.extend(p for p in path.read_text(encoding="utf-8").split("\n") if p.strip())
    return out


@pytest.mark.parametrize("name", sorted(GRAMMARS))
def test_same_matches_as_yargy(name: str) -> None:
    rule = GRAMMARS[name]
    slow, fast = Parser(rule, tokenizer=TOKENIZER), FastParser(rule, tokenizer=TOKENIZER)
    found = 0
    for text in _paragraphs():
        expected = [(m.span.start, m.span.stop, _name(m)) for m in slow.findall(text)]
        assert [(m.span.start, m.span.stop, _name(m)) for m in fast.findall(text)] == expected, text
        found += len(expected)
    assert found > 0


def test_whole_match_and_empty_text() -> None:
    rule = dates.DATE
    assert FastParser(rule, tokenizer=TOKENIZER).match("5 октября 2023 года") is not None
    assert list(FastParser(rule, tokenizer=TOKENIZER).findall("")) == []


def test_grammar_with_agreement_relations_checks_them() -> None:
    """A grammar with relations (gender-number-case agreement) keeps yargy's check: "новая дома"
    does not agree, "новый дом" does."""
    from yargy import rule
    from yargy.predicates import gram
    from yargy.relations import gnc_relation

    gnc = gnc_relation()
    phrase = rule(gram("ADJF").match(gnc), gram("NOUN").match(gnc))
    fast = FastParser(phrase, tokenizer=TOKENIZER)
    assert fast.has_relations
    text = "новый дом и новая дома"
    expected = [(m.span.start, m.span.stop) for m in Parser(phrase, tokenizer=TOKENIZER).findall(text)]
    assert [(m.span.start, m.span.stop) for m in fast.findall(text)] == expected == [(0, 9)]
