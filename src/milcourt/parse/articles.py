"""Article references ("ст.337 ч.5 УК РФ") as printed on court pages into :class:`~milcourt.law.Article`s.

Court pages print charges in several orders: article first (``ст.173.1 ч.2 п.б УК РФ``, the
sudrf persons table), part first (``ч. 2.1 ст. 337 УК РФ``, ``п. «б» ч. 2 ст. 173.1 УК РФ``, the
style of act texts), with the code before (``УК РФ: ст. 337 ч.5``) or after a ``;``/``,`` list
(``ст.183 ч.4; ст.290 ч.3 УК РФ``, where the code applies to every item). The text is scanned
once into tokens (CODE, ARTICLE, PART, POINT, a bare NUMBER, separators) and the tokens are
grouped: one group per article, with the part/point that stand next to it. Parts printed before
an article wait for it (several may: "ч. 1, 2 ст. 337" is two entries); a part printed after a
comma joins the article before it ("ст.337 ч.3.1, ч.5"); a bare number is an article only in a
list ("ст.ст. 337, 338") or right before its part ("337 ч.5"), never a count or a date.

A list of points is one entry whose ``points`` keep the printed order ("п.п.а,в", "п. «а», «в»"
→ ``("а", "в")``; its record's ``point`` is ``"а,в"``). Art. 30 of the criminal code
(preparation, part 1-2; attempt, part 3) is never a charge of its own: it is the ``stage`` of the
article it is printed with ("ч.3 ст.30, ч.5 ст.337" is an attempt on 337 ч.5), the article after
it, else the one before it.
"""

from __future__ import annotations

import re
from typing import Any

from milcourt.law import Article
from milcourt.law.article import Stage, normalise_law

_NUM = r"(\d+(?:\.\d+)*)"
# Further items of a point list: quoted ("«а», «в»", "\"а\",\"в\"") or bare letters ("п.п.а,в",
# "п.п. а, в"); a bare letter followed by a number is the next token ("и ч.2"), not a point.
_MORE_POINTS = r"(?:\s*(?:,|и)\s*(?:[«\"“'](?:[а-яё]|\d+)[»\"”']|[а-яё](?![а-яё\d])(?!\.?\s*\d)))*"
_LETTER_LIST = rf"[«\"“']?([а-яё]|\d+)(?![а-яё\d])[»\"”']?({_MORE_POINTS})"
_CODES = r"УК|УПК|КоАП|КОАП|ГК|ГПК|КАС|НК|ТК|ЖК|СК|АПК|ЗК|БК|ВК|УИК"
_TOKEN = re.compile(
    rf"(?P<law>(?<![А-Яа-яЁё])(?-i:{_CODES})(?:\s*(?:РФ|РСФСР|Российской\s+Федерации))?(?![А-Яа-яЁё]))"
    rf"|(?P<art>(?<![а-яё])(?:(?P<plural>ст\.\s*ст\.?|стать(?:ей|ями|ям))|ст(?:атья|атьи|атье|атьей|\.)?)\s*{_NUM})"
    rf"|(?P<part>(?<![а-яё])ч(?:асть|асти|\.)?\s*{_NUM})"
    rf"|(?P<point>(?<![а-яё])п(?:\.\s*п\.?|п\.?|ункт[а-я]*|\.|(?=\s*[«\"“']))\s*{_LETTER_LIST})"
    r"|(?P<num>(?<![\w.])\d{1,3}(?:\.\d{1,2})?(?!\w|\.\d))"
    r"|(?P<sep>[;,]|\s(?:и|а\s+также)\s)",
    re.IGNORECASE,
)

def _number(token: str) -> str:
    return re.sub(r"^\D+", "", token)


def _points(token: str) -> tuple[str, ...]:
    body = re.sub(r"^п(?:\.\s*п\.?|п\.?|ункт[а-я]*|\.)?\s*", "", token, flags=re.IGNORECASE)
    quoted = re.findall(r"[«\"“']([а-яё]|\d+)[»\"”']", body, flags=re.IGNORECASE)
    items = quoted or re.findall(r"(?<![а-яё\d])([а-яё]|\d+)(?![а-яё\d])", body, flags=re.IGNORECASE)
    if not quoted:  # "п.п. а и в": a bare "и" after the first item joins the list ("«и»" is a point)
        items = items[:1] + [item for item in items[1:] if item.lower() != "и"]
    return tuple(item.lower() for item in items)


class _Group:
    __slots__ = ("article", "part", "points", "at", "law", "stage")

    def __init__(self) -> None:
        self.article = ""
        self.part: str | None = None
        self.points: tuple[str, ...] | None = None
        self.at = 0
        self.law: str | None = None
        self.stage: Stage | None = None


def parse_articles(text: str | None, default_law: str | None = None) -> list[dict[str, Any]]:
    """:func:`read_articles` as the page record keeps them ({law, article, part, point, stage})."""
    return [article.as_record() for article in read_articles(text, default_law)]


def read_articles(text: str | None, default_law: str | None = None) -> list[Article]:
    """All article references in ``text``, in order, without duplicates.

    ``default_law`` fills references printed without a code (``ст.173.1 ч.2 п.б`` on a
    criminal card means УК РФ); without it such references get ``law=None``.
    """
    if not text:
        return []
    text = " ".join(text.split())  # no-break and thin spaces, line breaks
    tokens = [(m.lastgroup or "", m) for m in _TOKEN.finditer(text)]
    groups: list[_Group] = []
    laws: list[tuple[int, str]] = []  # (position, code)
    current: _Group | None = None  # the article that following part/point tokens belong to
    pending: list[_Group] = []  # parts/points printed before their article ("ч. 1, 2 ст. 337")
    listing = False  # bare numbers after a separator are further articles ("ст.ст. 337, 338")
    plural = False  # the list was opened by "ст.ст."/"статей": it survives parts ("337 ч.5, 338 ч.1")
    previous = last = "sep"  # the kind of the previous token, and of the last one not a separator
    detached = False  # a ";" since the last article: parts after it do not join that article
    for index, (kind, m) in enumerate(tokens):
        token = m.group(0)
        if kind == "num":
            following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
            if previous == "sep" and last == "part" and pending and following not in ("part", "point"):
                pending.append(_Group())  # "ч. 1, 2 ст. 337": a further part
                pending[-1].part = token
                previous = last = "part"
                continue
            opens = previous in ("sep", "law") and following in ("part", "point")
            if not ((listing and previous == "sep") or opens):
                previous = last = kind
                continue  # a number that is not an article ("2 эпизода", a count)
            kind = "art"
        if kind == "sep" or kind == "law":
            current = None
            if kind == "law":
                laws.append((m.start(), normalise_law(m.group("law"))))
                listing = plural = False
                _flush(pending, [] if detached else groups)
            elif token == ";":
                pending.clear()  # a part left alone before ";" belongs to no article
                detached = True  # nor does one printed after it
                listing = listing and plural
        elif kind == "art":
            number = _number(token)
            if pending:  # "п. «б» ч. 2 ст. 173.1", "ч. 3.1, ч. 5 ст. 337"
                for group in pending:
                    group.article, group.at = number, m.start()
                groups.extend(pending)
                pending, current = [], None
            else:
                current = _Group()
                current.article, current.at = number, m.start()
                groups.append(current)
            if m.group("plural"):
                plural = True
            listing, detached = True, False
        elif kind == "part" or kind == "point":
            value = _number(token) if kind == "part" else _points(token)
            slot = "part" if kind == "part" else "points"
            listing = plural
            if current is not None and getattr(current, slot) is None:
                setattr(current, slot, value)
            else:
                current = None
                if not pending or getattr(pending[-1], slot) is not None:
                    pending.append(_Group())
                setattr(pending[-1], slot, value)
        previous = kind
        if kind != "sep":
            last = kind
    _flush(pending, [] if detached else groups)
    if not groups:
        return []
    # Code before its articles ("УК РФ: ст. 337") or after them ("ст.183 ч.4; ст.290 ч.3 УК РФ").
    prefix_style = bool(laws) and laws[0][0] < groups[0].at
    for group in groups:
        group.law = _law_for(group.at, laws, prefix_style) or default_law
    charges = (Article(article=group.article, part=group.part, points=group.points or (), stage=group.stage,
                       law=group.law) for group in _staged(groups))
    return list(dict.fromkeys(charges))  # unique, in printed order


_CRIMINAL_CODES = (None, "УК РФ", "УК РСФСР")
# Art. 30 УК РФ: part 1 defines preparation, part 2 when it is punishable, part 3 attempt.
_STAGE_OF_PART: dict[str, Stage] = {"1": "preparation", "2": "preparation", "3": "attempt"}


def _staged(groups: list[_Group]) -> list[_Group]:
    """The charges without art. 30 entries, each art. 30 turned into the stage of its article.

    The article is the next one printed after art. 30 ("ч.3 ст.30, ч.5 ст.337"), all its parts
    ("ч.3 ст.30, ч.1, 2 ст.337"); failing that, the one before it ("ст.337 ч.5, ст.30 ч.3").
    """
    charges = [g for g in groups if not _is_stage(g)]
    if len(charges) == len(groups):
        return groups
    for index, group in enumerate(groups):
        if not _is_stage(group):
            continue
        stage = _STAGE_OF_PART.get(group.part or "")
        after = [g for g in groups[index + 1 :] if not _is_stage(g)]
        before = [g for g in groups[:index] if not _is_stage(g)]
        targets = [g for g in after if g.at == after[0].at] if after else before[-1:]
        for target in targets:
            if target.stage is None:
                target.stage = stage
    return charges


def _is_stage(group: _Group) -> bool:
    return group.article == "30" and group.law in _CRIMINAL_CODES


def _flush(pending: list[_Group], groups: list[_Group]) -> None:
    """Parts printed after their article's other part ("ст.337 ч.3.1, ч.5 УК РФ") join it."""
    if pending and groups:
        for group in pending:
            group.article, group.at = groups[-1].article, groups[-1].at
        groups.extend(pending)
    pending.clear()


def _law_for(at: int, laws: list[tuple[int, str]], prefix_style: bool) -> str | None:
    if not laws:
        return None
    before = [law for pos, law in laws if pos < at]
    after = [law for pos, law in laws if pos > at]
    if prefix_style:
        return before[-1] if before else after[0]
    return after[0] if after else before[-1]
