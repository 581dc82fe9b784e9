"""Article references ("ст.337 ч.5 УК РФ") into structured lists of {law, article, part, point}.

Court pages print charges in several orders: article first (``ст.173.1 ч.2 п.б УК РФ``, the
sudrf persons table), part first (``ч. 2.1 ст. 337 УК РФ``, ``п. «б» ч. 2 ст. 173.1 УК РФ``, the
style of act texts), with the code before (``УК РФ: ст. 337 ч.5``) or after a ``;``/``,`` list
(``ст.183 ч.4; ст.290 ч.3 УК РФ``, where the code applies to every item). The text is scanned
once into tokens (CODE, ARTICLE, PART, POINT, separators) and the tokens are grouped: one group
per article, with the part/point that stand next to it.
"""

from __future__ import annotations

import re
from typing import TypedDict


class Article(TypedDict):
    law: str | None
    article: str
    part: str | None
    point: str | None


_NUM = r"(\d+(?:\.\d+)*)"
_LETTER_LIST = r"[«\"“']?([а-яё]|\d+)(?![а-яё\d])[»\"”']?((?:\s*(?:,|и)\s*[«\"“']?(?:[а-яё]|\d+)(?![а-яё\d])[»\"”'])*)"
_CODES = r"УК|УПК|КоАП|КОАП|ГК|ГПК|КАС|НК|ТК|ЖК|СК|АПК|ЗК|БК|ВК|УИК"
_TOKEN = re.compile(
    rf"(?P<law>(?<![А-Яа-яЁё])(?-i:{_CODES})(?:\s*(?:РФ|РСФСР|Российской\s+Федерации))?(?![А-Яа-яЁё]))"
    rf"|(?P<art>(?<![а-яё])ст(?:атья|атьи|атье|атьей|\.)?\s*{_NUM})"
    rf"|(?P<part>(?<![а-яё])ч(?:асть|асти|\.)?\s*{_NUM})"
    rf"|(?P<point>(?<![а-яё])п(?:п|ункт[а-я]*)?\.?\s*{_LETTER_LIST})"
    r"|(?P<sep>[;,]|\s(?:и|а\s+также)\s)",
    re.IGNORECASE,
)


def _law(raw: str) -> str:
    code, _, tail = raw.partition(" ")
    code = "КоАП" if code.upper() == "КОАП" else code.upper()
    return f"{code} {'РСФСР' if 'РСФСР' in tail.upper() else 'РФ'}"


def _number(token: str) -> str:
    return re.sub(r"^\D+", "", token)


def _point(token: str) -> str:
    body = re.sub(r"^п(?:п|ункт[а-я]*)?\.?\s*", "", token, flags=re.IGNORECASE)
    items = re.findall(r"(?<![а-яё\d])([а-яё]|\d+)(?![а-яё\d])", body, flags=re.IGNORECASE)
    return ",".join(item.lower() for item in items)


class _Group:
    __slots__ = ("article", "part", "point", "at")

    def __init__(self) -> None:
        self.article = ""
        self.part: str | None = None
        self.point: str | None = None
        self.at = 0


def parse_articles(text: str | None, default_law: str | None = None) -> list[Article]:
    """All article references in ``text``, in order, without duplicates.

    ``default_law`` fills references printed without a code (``ст.173.1 ч.2 п.б`` on a
    criminal card means УК РФ); without it such references get ``law: None``.
    """
    if not text:
        return []
    groups: list[_Group] = []
    laws: list[tuple[int, str]] = []  # (position, code)
    current: _Group | None = None  # the article that following part/point tokens belong to
    pending = _Group()  # part/point printed before their article ("ч. 2 ст. 337")
    for m in _TOKEN.finditer(text):
        kind, token = m.lastgroup, m.group(0)
        if kind == "sep" or kind == "law":
            current = None
            if kind == "law":
                laws.append((m.start(), _law(m.group("law"))))
        elif kind == "art":
            group, pending = pending, _Group()
            prefixed = group.part is not None or group.point is not None
            group.article, group.at = _number(token), m.start()
            groups.append(group)
            current = None if prefixed else group
        elif kind == "part" or kind == "point":
            value = _number(token) if kind == "part" else _point(token)
            slot = "part" if kind == "part" else "point"
            if current is not None and getattr(current, slot) is None:
                setattr(current, slot, value)
            else:
                current = None
                if getattr(pending, slot) is not None:
                    pending = _Group()
                setattr(pending, slot, value)
    if not groups:
        return []
    # Code before its articles ("УК РФ: ст. 337") or after them ("ст.183 ч.4; ст.290 ч.3 УК РФ").
    prefix_style = bool(laws) and laws[0][0] < groups[0].at
    out: list[Article] = []
    seen: set[tuple[str | None, str, str | None, str | None]] = set()
    for group in groups:
        law = _law_for(group.at, laws, prefix_style) or default_law
        key = (law, group.article, group.part, group.point)
        if key not in seen:
            seen.add(key)
            out.append({"law": law, "article": group.article, "part": group.part, "point": group.point})
    return out


def _law_for(at: int, laws: list[tuple[int, str]], prefix_style: bool) -> str | None:
    if not laws:
        return None
    before = [law for pos, law in laws if pos < at]
    after = [law for pos, law in laws if pos > at]
    if prefix_style:
        return before[-1] if before else after[0]
    return after[0] if after else before[-1]
