"""Dates as acts write them: "05.10.2023", "5 октября 2023 г.", "«5» октября 2023 года",
"двадцать третьего мая 2024 года", "второго декабря две тысячи двадцать третьего года", "27 февраля того
же года" (the year of the date before); and the open end "по настоящее время"."""

from __future__ import annotations

import re
from datetime import date

from yargy import or_, rule
from yargy.predicates import dictionary, eq, gte, lte, normalized, type

from milcourt.extract.grammars.common import NUMBER_WORDS, QUOTE_CLOSE, QUOTE_OPEN
from milcourt.extract.numbers import words_to_int

MONTHS = {
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7,
    "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
}
INT = type("INT")
DAY = rule(QUOTE_OPEN.optional(), INT, QUOTE_CLOSE.optional())
MONTH_NAME = dictionary(set(MONTHS))
YEAR = or_(
    rule(INT, or_(rule(eq("г"), eq(".").optional()), rule(normalized("год"))).optional()),
    rule(NUMBER_WORDS, normalized("год")),  # "две тысячи двадцать третьего года"
    rule(dictionary({"тот", "этот", "текущий"}), eq("же").optional(), normalized("год")),  # "того же года"
)
DOT = eq(".")

DIGITS_DATE = rule(INT, DOT, INT, DOT, INT)
WORDS_DATE = rule(or_(DAY, NUMBER_WORDS), MONTH_NAME, YEAR)
NOW = rule(dictionary({"по", "до"}), normalized("настоящий"), normalized("время"))

DATE = or_(DIGITS_DATE, WORDS_DATE)
DATE_OR_NOW = or_(DATE, NOW)

_DIGITS = re.compile(r"(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{2,4})")
_WORDS = re.compile(
    r"^[«\"']?\s*(?P<day>\d{1,2}|[а-яё\s]+?)\s*[»\"']?\s+"
    r"(?P<month>(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*)\s+"
    r"(?P<year>\d{4}|(?:того|этого|текущего)(?:\s+же)?\s+год|[а-яё\s]+?\s+год)",
    re.I,
)
_ = (gte, lte)  # predicates kept importable for callers extending the grammar


def _month(word: str) -> int | None:
    from milcourt.extract.morph import lemma

    return MONTHS.get(lemma(word.lower()))


def date_value(text: str, year: int | None = None) -> str | None:
    """ISO date of a matched date, None for "по настоящее время" or an impossible date;
    ``year`` is the year "того же года" refers to (None: such a date has no value)."""
    m = _DIGITS.search(text)
    if m:
        d, mo, y = (int(g) for g in m.groups())
        y = y + 2000 if y < 100 else y
    else:
        m = _WORDS.search(text.strip())
        if not m:
            return None
        day = m.group("day").strip()
        d = int(day) if day.isdigit() else (words_to_int(day) or 0)
        mo = _month(m.group("month")) or 0
        written = m.group("year")
        if written.isdigit():
            y = int(written)
        elif re.match(r"(?:того|этого|текущего)\b", written, re.I):
            if year is None:
                return None
            y = year
        else:
            y = words_to_int(written) or 0
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


_RANGE = re.compile(
    r"\bс\s+(?P<d1>\d{1,2})(?:\s+(?P<m1>[а-яё]+))?(?:\s+(?P<y1>\d{4})\s*(?:г\.|года)?)?\s+(?:по|до)\s+"
    r"(?P<d2>\d{1,2})\s+(?P<m2>[а-яё]+)\s+(?P<y2>\d{4})",
    re.I,
)


def date_range_value(text: str) -> tuple[str, str, int, int] | None:
    """"с 6 по 30 июня 2023 г.", "с 6 июня по 30 июля 2023 г." → (start ISO, end ISO, span)."""
    m = _RANGE.search(text)
    if not m:
        return None
    m2 = _month(m.group("m2"))
    m1 = _month(m.group("m1")) if m.group("m1") else m2
    y2 = int(m.group("y2"))
    y1 = int(m.group("y1")) if m.group("y1") else y2
    if not m1 or not m2:
        return None
    try:
        return (date(y1, m1, int(m.group("d1"))).isoformat(), date(y2, m2, int(m.group("d2"))).isoformat(),
                m.start(), m.end())
    except ValueError:
        return None
