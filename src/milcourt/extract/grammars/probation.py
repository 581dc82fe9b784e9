"""Probation of a suspended sentence (ст. 73 УК РФ): "с испытательным сроком 2 (два) года",
"с испытательным сроком продолжительностью 2 (два) года"."""

from __future__ import annotations

from yargy import rule
from yargy.predicates import dictionary, eq, normalized

from milcourt.extract.grammars.term import TERM

PROBATION = rule(
    normalized("испытательный"), normalized("срок"),
    dictionary({"продолжительность", "длительность"}).optional(),
    eq("в").optional(), eq("на").optional(), TERM,
)
