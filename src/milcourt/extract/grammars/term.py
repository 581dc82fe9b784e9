"""Terms of punishment and probation: "5 (пяти) лет 6 (шести) месяцев", "1 год 2 месяца", "10 суток"."""

from __future__ import annotations

import re

from yargy import or_, rule
from yargy.predicates import dictionary, eq, normalized

from milcourt.extract.grammars.common import NUMBER
from milcourt.extract.numbers import digits_to_int, words_to_int

YEARS = rule(NUMBER, dictionary({"год", "лет"}))
MONTHS = rule(NUMBER, normalized("месяц"))
DAYS = rule(NUMBER, dictionary({"сутки", "день"}))
AND = eq("и")
THEN_MONTHS = rule(AND.optional(), MONTHS)
THEN_DAYS = rule(AND.optional(), DAYS)

TERM = or_(
    rule(YEARS, THEN_MONTHS, THEN_DAYS),
    rule(YEARS, THEN_MONTHS),
    rule(YEARS, THEN_DAYS),
    YEARS,
    rule(MONTHS, THEN_DAYS),
    MONTHS,
    DAYS,
)

_PART = re.compile(
    r"(?P<num>(?:\d[\d\s\u00a0]*)?(?:\([^)]*\))?[а-яё\s]*?)\s*"
    r"(?P<unit>год[а-я]*|лет\b|месяц[а-я]*|сут[а-я]*|дн[а-я]*|день)",
    re.I,
)


def term_value(text: str) -> dict[str, int | None]:
    """{"years", "months", "days"} from a matched term; absent units are None."""
    out: dict[str, int | None] = {"years": None, "months": None, "days": None}
    for m in _PART.finditer(text):
        raw = m.group("num").strip()
        digits = re.match(r"[\d\s\u00a0]+", raw)
        value = digits_to_int(digits.group().strip()) if digits and digits.group().strip() else None
        if value is None:
            value = words_to_int(raw)
        if value is None:
            continue
        unit = m.group("unit").lower()
        key = "years" if unit.startswith(("год", "лет")) else "months" if unit.startswith("месяц") else "days"
        if out[key] is None:
            out[key] = value
    return out
