"""References to articles of the Criminal Code: "ч. 5 ст. 337", "п. «а» ч. 2 ст. 338",
"частью 3.1 статьи 337", "частью пятой статьи 337", "ст. 337 ч. 5", "ст. 332"."""

from __future__ import annotations

import re

from yargy import or_, rule
from yargy.predicates import caseless, dictionary, eq, normalized, type

from milcourt.extract.grammars.common import QUOTE_CLOSE, QUOTE_OPEN
from milcourt.law import Article

INT = type("INT")
LETTER = type("RU")
DOT = eq(".").optional()
NUM = rule(INT, rule(eq("."), INT).optional())  # "2.1", "78.1"

POINT_WORD = or_(caseless("п"), caseless("пп"), normalized("пункт"))
PART_WORD = or_(caseless("ч"), normalized("часть"))
ARTICLE_WORD = or_(caseless("ст"), normalized("статья"))

POINT = rule(POINT_WORD, DOT, QUOTE_OPEN.optional(), or_(LETTER, INT), QUOTE_CLOSE.optional())
ORDINALS = {"первый": "1", "второй": "2", "третий": "3", "четвёртый": "4", "четвертый": "4", "пятый": "5",
            "шестой": "6", "седьмой": "7"}
PART = or_(rule(PART_WORD, DOT, NUM), rule(normalized("часть"), dictionary(set(ORDINALS))))
ARTICLE_NUM = rule(ARTICLE_WORD, DOT, NUM)

ARTICLE_REF = or_(
    rule(POINT.optional(), PART.optional(), ARTICLE_NUM),
    rule(ARTICLE_NUM, PART, POINT.optional()),
)

_POINT = re.compile(r"\bп(?:п|ункт[а-я]*)?(?![а-яё])\s*\.?\s*[«\"']?\s*([а-яё]|\d+)\s*[»\"']?", re.I)
_PART = re.compile(r"\bч(?:аст[а-я]*)?\s*\.?\s*(\d+(?:\.\d+)?)", re.I)
_PART_ORDINAL = re.compile(r"\bчаст[а-я]*\s+(перв|втор|трет|четв|пят[а-я]|шест|седь)", re.I)
_ORDINAL_NUM = {"перв": "1", "втор": "2", "трет": "3", "четв": "4", "пято": "5", "пята": "5", "пяты": "5",
                "шест": "6", "седь": "7"}
_ARTICLE = re.compile(r"\bст(?:ать[а-я]*)?\s*\.?\s*(\d+(?:\.\d+)?)", re.I)


def article_value(text: str, law: str | None = None) -> Article | None:
    """The article of one matched reference (the grammar reads one point at most)."""
    art = _ARTICLE.search(text)
    if not art:
        return None
    part = _PART.search(text)
    ordinal = _PART_ORDINAL.search(text)
    point = _POINT.search(text)
    return Article(
        article=art.group(1),
        part=part.group(1) if part else (_ORDINAL_NUM[ordinal.group(1).lower()[:4]] if ordinal else None),
        points=(point.group(1).lower(),) if point else (),
        law=law,
    )
