"""Mentions of people written in Latin letters ("Адвокат Zaytsev I.P.", "свидетель ZAYATS").

Three signs make a Latin word a person's name: it is a known party's surname in some
transliteration (compared through :func:`milcourt.names.latin.skeleton`); it stands in a name's shape
(with initials, or beside a first name or patronymic, read through their Cyrillic spelling); or
it follows a role only a person holds ("свидетель", "адвокат"). Brand and company names
("Samsung Electronics") carry none of these signs and stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from milcourt.names.latin import skeleton, to_cyrillic
from milcourt.names.morph import is_given_name, is_patronymic, lemmas, morph, surname_strength
from milcourt.names.people import (
    ORG_LEMMAS,
    Person,
    person_from_fio,
    person_from_initials,
    skeletons_of,
)
from milcourt.names.roles import PERSON_ROLES

LW = r"(?:[A-Z][a-z]+(?:['’][a-z]+)?|[A-Z]{2,})(?:-(?:[A-Z][a-z]+|[A-Z]{2,}))?"
_EDGE = r"(?<![\w.@/:\\-])"
_END = r"(?![\w@/\\-])"
SURNAME_INITIALS = re.compile(rf"{_EDGE}({LW})[ \t]+([A-Z])\.[ \t]?(?:([A-Z])\.)?")
INITIALS_SURNAME = re.compile(rf"{_EDGE}([A-Z])\.[ \t]?(?:([A-Z])\.[ \t]?)?({LW}){_END}")
RUN = re.compile(rf"{_EDGE}({LW})(?:[ \t]+({LW}))?(?:[ \t]+({LW}))?{_END}")
ROLE_BEFORE = re.compile(rf"(?i:(?:{PERSON_ROLES})[а-яё]*)[ \t]+$")


@dataclass
class LatinMention:
    start: int
    end: int
    rank: int
    person: Person | None  # a known person, or None: then ``new`` is the person first met here
    new: Person | None = None


def _initial(letter: str) -> str:
    return to_cyrillic(letter)[:1].upper()


def _cyr(word: str) -> str:
    return to_cyrillic(word.capitalize() if word.isupper() else word)


def _known(people: list[Person], word: str, letters: str = "") -> Person | None:
    key = skeleton(word)
    for person in people:
        if person.surname_set and key in skeletons_of(person.surname_set) and person.initials_fit(letters):
            return person
    return None


def latin_mentions(text: str, people: Iterable[Person]) -> Iterator[LatinMention]:
    """Every Latin-script mention of a person in ``text`` (offsets into ``text``)."""
    known_people = list(people)
    for pattern, s_group, i_groups in ((SURNAME_INITIALS, 1, (2, 3)), (INITIALS_SURNAME, 3, (1, 2))):
        for m in pattern.finditer(text):
            surname = m.group(s_group)
            letters = "".join(_initial(m.group(g)) for g in i_groups if m.group(g))
            known = _known(known_people, surname, letters)
            new = None if known else person_from_initials(_cyr(surname), letters)
            if new is not None:
                known_people.append(new)  # its later bare mentions ("Zaytsev") are known
            yield LatinMention(m.start(), m.end(), 3 if known else 2, known, new)
    for m in RUN.finditer(text):
        words = [w for w in m.groups() if w]
        known = next((p for w in words if (p := _known(known_people, w))), None)
        if known:
            yield LatinMention(m.start(), m.end(), 3, known)
            continue
        kinds = [_kind(w) for w in words]
        after_role = bool(ROLE_BEFORE.search(text, max(0, m.start() - 40), m.start()))
        named = len(words) >= 2 and any(k in ("given", "patronymic") for k in kinds)
        if not (after_role or named or (len(words) == 1 and kinds[0] == "surname")):
            continue
        if any(lemmas(_cyr(w)) & ORG_LEMMAS for w in words):
            continue
        new = _person(words, kinds)
        known_people.append(new)
        yield LatinMention(m.start(), m.end(), 1, None, new)


def _kind(word: str) -> str:
    cyr = _cyr(word)
    if is_patronymic(cyr):
        return "patronymic"
    if is_given_name(cyr) and surname_strength(cyr) != 2:
        return "given"
    if surname_strength(cyr) == 2 and len(cyr) >= 4 and any(
            "Surn" in str(p) for p in _surname_tags(cyr)):
        return "surname"
    return "other"


def _surname_tags(word: str) -> list[str]:
    return [str(p.tag) for p in morph().parse(word) if p.is_known]


def _person(words: list[str], kinds: list[str]) -> Person:
    surname = next((w for w, k in zip(words, kinds, strict=True) if k in ("surname", "other")), words[0])
    first = next((w for w, k in zip(words, kinds, strict=True) if k == "given"), None)
    patronymic = next((w for w, k in zip(words, kinds, strict=True) if k == "patronymic"), None)
    if first and patronymic:
        return person_from_fio(_cyr(surname), _cyr(first), _cyr(patronymic))
    letters = "".join(_cyr(w)[:1] for w in (first, patronymic) if w)
    return person_from_initials(_cyr(surname), letters)


__all__ = ["LatinMention", "latin_mentions"]
