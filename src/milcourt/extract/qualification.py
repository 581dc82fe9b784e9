"""The qualification the court applied: the special-part УК articles of this act's decision.

Where it is read, in order: an appeal's re-qualification ("переквалифицировать ... на ч. 3.1
ст. 337"), the operative finding ("признать виновным в совершении преступления, предусмотренного
ч. 5 ст. 337 УК РФ"), other operative references (termination, acquittal), the "осужден по ..."
of an appeal, and the charge in the header ("обвиняемого в совершении преступления, предусмотренного").
General-part articles (ст. 69, 73, 48 …) and УПК references are never a qualification."""

from __future__ import annotations

import re

from milcourt.extract.grammars.articles import ARTICLE_REF, article_value
from milcourt.extract.segment import Act, Part, sentences
from milcourt.extract.spans import Hit, find
from milcourt.law import Article

_PREFILTER = re.compile(
    r"(?:\bп(?:п|ункт[а-я]*)?\.?\s*[«\"]?[а-я0-9][»\"]?\s*)?(?:\bч(?:аст[а-я]*)?\.?\s*\d+(?:\.\d+)?\s*|"
    r"\bчаст[а-я]*\s+(?:перв|втор|трет|четв[её]рт|пят|шест|седьм)[а-я]*\s+)?"
    r"\bст(?:ать[а-я]*|\.)?\s*\d+(?:\.\d+)?(?:\s*ч(?:аст[а-я]*)?\.?\s*\d+(?:\.\d+)?)?(?:\s*п\.?\s*[«\"]?[а-я][»\"]?)?",
    re.I,
)
_LAW = re.compile(r"УПК|Уголовно-процессуальн|КоАП|Кодекса\s+Российской\s+Федерации\s+об\s+админ|УК\b|Уголовного\s+кодекса", re.I)
SPECIAL_PART_FROM = 105
#: The code every qualification is under: references to another code are left out.
CRIMINAL_CODE = "УК РФ"


def refs(part: Part, text: str) -> list[tuple[Article, Hit]]:
    """Special-part УК references in ``part`` (``text`` is the whole act, for the law look-ahead)."""
    out = []
    for hit in find(ARTICLE_REF, part, _PREFILTER, window=0):
        law = _LAW.search(text, hit.end, hit.end + 160)
        if law and not law.group().upper().startswith(("УК", "УГОЛОВНОГО")):
            continue
        value = article_value(hit.text, CRIMINAL_CODE)
        if not value or int(value.article.split(".")[0]) < SPECIAL_PART_FROM:
            continue
        out.append((value, hit))
    return out


def _sorted_unique(found: list[tuple[Article, Hit]]) -> tuple[list[Article], list[Hit]]:
    first: dict[Article, Hit] = {}
    for value, hit in found:
        first.setdefault(value, hit)
    ordered = sorted(first)
    return ordered, [first[value] for value in ordered]


def articles(act: Act) -> tuple[list[Article], list[Hit]]:
    text = act.text
    op_sentences = sentences(act.operative) if act.operative.text else []
    for s in op_sentences:
        m = re.search(r"переквалифицир[а-я]*.*?\sна\s", s.text, re.I | re.S)
        if m:
            found = refs(Part(s.text[m.end():], s.start + m.end()), text)
            if found:
                return _sorted_unique(found)
    for pattern in (r"(?<!не)виновн", r"предусмотренн|по\s+ч(?:\.|аст)|по\s+ст(?:\.|ать)"):
        found = []
        for s in op_sentences:
            if re.search(pattern, s.text, re.I):
                found += refs(s, text)
        if found:
            return _sorted_unique(found)
    head = text[: act.descriptive.start + 3000]
    for pattern in (r"осужд[её]н[а-я]*\s*(?::|по\s|за\s)", r"обвиняем[а-я]*\s+в\s+совершении|предусмотренн"):
        for m in re.finditer(pattern, head, re.I):
            stop = re.search(r"\.\s*\n|\.\s+[А-ЯЁ]|установил", head[m.end():m.end() + 1200])
            end = m.end() + (stop.start() if stop else 1200)
            found = refs(Part(head[m.start():end], m.start()), text)
            if found:
                return _sorted_unique(found)
    return [], []
