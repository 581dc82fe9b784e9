"""References to articles of the Criminal Code: "ч. 5 ст. 337", "п. «а» ч. 2 ст. 338",
"частью 3.1 статьи 337", "ст. 337 ч. 5", "ст. 332"."""

from __future__ import annotations

import re

from yargy import or_, rule
from yargy.predicates import caseless, eq, normalized, type

from milcourt.extract.grammars.common import QUOTE_CLOSE, QUOTE_OPEN

INT = type("INT")
LETTER = type("RU")
DOT = eq(".").optional()
NUM = rule(INT, rule(eq("."), INT).optional())  # "2.1", "78.1"

POINT_WORD = or_(caseless("п"), caseless("пп"), normalized("пункт"))
PART_WORD = or_(caseless("ч"), normalized("часть"))
ARTICLE_WORD = or_(caseless("ст"), normalized("статья"))

POINT = rule(POINT_WORD, DOT, QUOTE_OPEN.optional(), or_(LETTER, INT), QUOTE_CLOSE.optional())
PART = rule(PART_WORD, DOT, NUM)
ARTICLE_NUM = rule(ARTICLE_WORD, DOT, NUM)

ARTICLE_REF = or_(
    rule(POINT.optional(), PART.optional(), ARTICLE_NUM),
    rule(ARTICLE_NUM, PART, POINT.optional()),
)

_POINT = re.compile(r"\bп(?:п|ункт[а-я]*)?\s*\.?\s*[«\"']?\s*([а-яё]|\d+)\s*[»\"']?", re.I)
_PART = re.compile(r"\bч(?:аст[а-я]*)?\s*\.?\s*(\d+(?:\.\d+)?)", re.I)
_ARTICLE = re.compile(r"\bст(?:ать[а-я]*)?\s*\.?\s*(\d+(?:\.\d+)?)", re.I)


def article_value(text: str) -> dict[str, str | None] | None:
    """{"article", "part", "point"} of one matched reference."""
    art = _ARTICLE.search(text)
    if not art:
        return None
    part = _PART.search(text)
    point = _POINT.search(text)
    return {
        "article": art.group(1),
        "part": part.group(1) if part else None,
        "point": point.group(1).lower() if point else None,
    }
