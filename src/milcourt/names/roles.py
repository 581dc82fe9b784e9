"""A role or rank right before a bare surname: "полковник Григорьев", "свидетель Сафронов".

``ROLE_SURNAME`` is the rule; ``role_surnames`` gives its matches fast (the finder's rules are in
milcourt.names.find).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from milcourt.names.morph import CAP

_ROLES = (
    r"рядов|ефрейтор|сержант|старшин|прапорщик|лейтенант|капитан|майор|подполковник|полковник|"
    r"генерал|матрос|мичман|свидетел|потерпевш|осужденн|осуждённ|подсудим|обвиняем|подозреваем|адвокат|"
    r"защитник|прокурор|истц|истец|ответчик|гражданин|гражданк|заявител|представител|секретар|"
    r"следовател|дознавател|командир|начальник|инспектор|эксперт|специалист"
)
# Roles that only a person can hold: the word after them is a name whatever its dictionary
# meaning ("Свидетель Заяц показал"), unless it begins an organisation's name.
PERSON_ROLES = (
    r"свидетел|потерпевш|осужденн|осуждённ|подсудим|обвиняем|подозреваем|защитник|адвокат|"
    r"представител|истц|истец|ответчик|заявител|гражданин|гражданк"
)
PERSON_ROLE = re.compile(rf"(?i:(?:{PERSON_ROLES})[а-яё]*)$")
_TAILS = ("юстиции", "запаса", "в отставке", "медицинской службы")
_TAIL = "|".join(tail + r"\s+" for tail in _TAILS)
ROLE_SURNAME = re.compile(rf"(?i:\b(?:{_ROLES})[а-я]*\s+(?:{_TAIL})?)({CAP})(?![\w-])(?!\s*[А-Я]\.)")
# Where ROLE_SURNAME can start, read backwards: over the reversed text, from a capital letter
# back over the spaces (and a tail such as "юстиции") to a word that begins with a role (checked
# by look-behinds, one per stem length, at the word's far end). It starts at a capital, so the
# engine skips ahead in C: the forward pattern, a case-insensitive alternation tried at every
# position, costs a millisecond on an act, this one a tenth of that.
_TAILS_BACK = "|".join(tail[::-1] for tail in _TAILS)
_STEMS_BY_LENGTH: dict[int, list[str]] = {}
for _stem in _ROLES.split("|"):
    _STEMS_BY_LENGTH.setdefault(len(_stem), []).append(_stem[::-1])
_ROLE_ENDS = "|".join(f"(?<={'|'.join(stems)})" for _length, stems in sorted(_STEMS_BY_LENGTH.items()))
ROLE_BACK = re.compile(rf"[А-Я](?=\s+(?:(?i:{_TAILS_BACK})\s+)?(?P<role>(?i:[а-яё]+))(?!\w)(?i:{_ROLE_ENDS}))")


def role_surnames(sh: str) -> Iterator[re.Match[str]]:
    """The matches of ``ROLE_SURNAME.finditer(sh)``, tried only where ``ROLE_BACK`` finds a role.

    Every match has a capital (its surname) after the role word and maybe a tail, so the
    candidates found backwards from capitals include every match start; trying them in order
    and skipping those inside the previous match gives finditer's matches exactly."""
    back = sh[::-1]
    n = len(sh)
    done = 0
    for start in sorted({n - m.end("role") for m in ROLE_BACK.finditer(back)}):
        if start < done:
            continue
        m = ROLE_SURNAME.match(sh, start)
        if m:
            done = m.end()
            yield m


__all__ = ["PERSON_ROLE", "PERSON_ROLES", "ROLE_BACK", "ROLE_SURNAME", "role_surnames"]
