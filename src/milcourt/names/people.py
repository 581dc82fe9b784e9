"""People the scrubber knows about: a name split into surname, first name, patronymic, initials.

A case card prints a party as "Воробьёв Виктор Викторович", a listing as "Симкин Г. А.", an act
as "Г.А. Симкин" or "Римихановым Т.С."; :class:`Person` holds what is common to all of them so a
mention in any form can be tied back to the one person (and to one pseudonym).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from milcourt.names.latin import skeleton, to_cyrillic
from milcourt.names.morph import (
    STOP_LEMMAS,
    gender_of,
    given_name_forms,
    is_patronymic,
    lemmas,
    nominative,
    noun_lemma,
    patronymic_forms,
    shadow,
    surname_forms,
    surname_lemma,
    word_lexeme,
    word_set,
)

# Markers courts print instead of a name: not names, left as they are.
HIDDEN = re.compile(r"^\s*(?:(?:информация|данные|сведения|фио)\s+(?:скрыт|изъят|обезличен)\w*|<.*>|\{.*\}|"
                    r"фио\s*\d*|лицо\s*\d+|\*+|[-–—.…]+)\s*$", re.IGNORECASE)
# Marks of an organisation, an office, a phrase or several people rather than one person.
ORG_MARKS = re.compile(r"[\"«»“”0-9№()<>{},;]|\b[А-ЯЁA-Z]{2,}\b")
ORG_ACRONYMS = frozenset(["ООО", "ОАО", "ЗАО", "ПАО", "АО", "НАО", "АНО", "ИП", "МКУ", "МБУ", "МАУ", "ГБУ", "ГКУ", "ГАУ", "ФКУ", "ФГУ", "ФГБУ", "ФГКУ", "ГУП", "МУП", "УФСИН", "ФСИН", "ОСФР", "СФР", "УФССП", "ФССП", "МВД", "ОМВД", "УМВД", "ГУ", "ГИБДД", "ДГИ", "СНТ", "ТСЖ", "ЖСК", "НКО", "РФ", "ИК", "СИЗО", "УМВД", "ОВД", "ПФР", "ФНС", "ИФНС", "УФНС", "ЦБ", "БАНК"])
# Dictionary forms of words that, inside a "name", make it an organisation or a role.
ORG_LEMMAS = word_set("""
прокуратура управление департамент министерство инспекция комитет отдел служба фонд банк
администрация общество учреждение предприятие товарищество коллегия филиал войсковой часть
военный комиссариат суд начальник командир адвокат прокурор представитель заявитель лицо
информация организация компания центр союз партия объединение агентство муниципальный
государственный федеральный областной районный городской российский республика область
""")
# Lower-case parts of Turkic, Arabic and other names ("Мамедов Эльчин Азер оглы").
PARTICLES = frozenset({"оглы", "огли", "кызы", "кизи", "угли", "уулу", "ибн", "бен", "бин", "де", "фон", "ван"})
_TOKEN = re.compile(r"[А-ЯЁA-Z]\.|[А-ЯЁа-яёA-Za-z][А-ЯЁа-яёA-Za-z'’-]*")
_INITIAL = re.compile(r"^[А-ЯЁA-Z]\.$")


@dataclass
class Person:
    """One person: parts of the name as printed, the key its pseudonym is made from, judge or not."""

    key: str
    surname: str | None = None
    first: str | None = None
    patronymic: str | None = None
    initials: str = ""  # upper-case letters of first name and patronymic, e.g. "ВВ"
    judge: bool = False
    surname_set: frozenset[str] = field(default=frozenset(), repr=False)

    def __post_init__(self) -> None:
        if self.surname and not self.surname_set:
            self.surname_set = surname_forms(self.surname)

    def initials_fit(self, letters: str) -> bool:
        """Initials of a mention ("ВВ", "В", "") agree with this person's."""
        letters = _initials_key(letters)
        mine = _initials_key(self.initials)
        return not letters or not mine or mine.startswith(letters) or letters.startswith(mine)

    def first_fits(self, word: str) -> bool:
        return bool(self.first) and shadow(word).lower() in given_name_forms(self.first or "")

    def patronymic_fits(self, word: str) -> bool:
        return bool(self.patronymic) and shadow(word).lower() in patronymic_forms(self.patronymic or "")

    def full_initials(self) -> str:
        """Surname, first name and patronymic letters ("ЮГР") when all three are known."""
        if self.surname and len(self.initials) == 2:
            return _initials_key(self.surname[0] + self.initials)
        return ""


@lru_cache(maxsize=16384)
def _initials_key(letters: str) -> str:
    """Initials as compared: Latin look-alikes and ё folded, upper case."""
    return shadow(letters).upper()


def is_person_name(name: str) -> bool:
    """True for a personal name ("Симкин Г. А."), False for hidden markers and organisations."""
    name = _titled(name)
    if not name or HIDDEN.match(name) or ORG_MARKS.search(name):
        return False
    tokens = _TOKEN.findall(name)
    words = [t for t in tokens if not _INITIAL.match(t)]
    if not 1 <= len(words) <= 5 or len(tokens) > 6:
        return False
    if not words[0][:1].isupper() or not all(w[:1].isupper() or w.lower() in PARTICLES for w in words):
        return False
    return not any(lemmas(w) & ORG_LEMMAS for w in words)


def _titled(name: str) -> str:
    """"ИВАНОВ ИВАН ИВАНОВИЧ", "ИВАНОВ И.И." as "Иванов Иван Иванович", "Иванов И.И." (cards in capitals)."""
    tokens = name.replace(".", ". ").split()
    words = [t for t in tokens if not _INITIAL.match(t)]
    if (words and len(words) <= 4 and all(w.isalpha() and w.isupper() and len(w) > 1 for w in words)
            and not any(w in ORG_ACRONYMS for w in words) and any(len(w) > 3 for w in words)):
        return re.sub(r"[А-ЯЁA-Z]{2,}", lambda m: m.group(0).capitalize(), name.strip())
    return name.strip()


def _without_roles(name: str) -> str:
    """"Судья Иванов И.И." → "Иванов И.И." (a judge field may carry the judge's role)."""
    words = name.split()
    while len(words) > 1 and lemmas(words[0].strip(":,").capitalize()) & STOP_LEMMAS:
        words.pop(0)
    return " ".join(words)


def split_role(name: str) -> tuple[str, str]:
    """"Адвокат Zaytsev I.P." → ("Адвокат ", "Zaytsev I.P."): the role words before a name."""
    rest = _without_roles(name)
    return name[:len(name) - len(rest)] if name.endswith(rest) else "", rest


def cyrillic_name(name: str) -> str:
    """A name in Latin letters spelled in Cyrillic ("Zaytsev I.P." → "Зайцев И.П."); else as it is.

    The pseudonym of a transliterated name is then the pseudonym of its Cyrillic spelling.
    """
    if not _LATIN.search(name) or re.search(r"[а-яёА-ЯЁ]", name):
        return name
    return _LATIN_TOKEN.sub(lambda m: to_cyrillic(m.group(0)), name)


_LATIN = re.compile(r"[A-Za-z]")
_LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*")


def person_from_name(name: str, *, judge: bool = False) -> Person | None:
    """Split a name as printed on a card into its parts; None when it is not a personal name."""
    if judge:
        name = _without_roles(name)
    name = cyrillic_name(name)
    if not is_person_name(name):
        return None
    tokens = _TOKEN.findall(_titled(name))
    initials = [t[0] for t in tokens if _INITIAL.match(t)]
    words = [t for t in tokens if not _INITIAL.match(t)]
    if initials:
        return Person(key=name, surname=words[0], initials="".join(initials[:2]), judge=judge)
    surname = first = patronymic = None
    if len(words) == 1:
        surname = words[0]
    elif len(words) == 2:
        if is_patronymic(words[1]):
            first, patronymic = words
        else:
            surname, first = words
    elif is_patronymic(words[1]) and not is_patronymic(words[2]):
        first, patronymic, surname = words[:3]
    else:
        surname, first, patronymic = words[0], words[1], " ".join(words[2:])
    letters = "".join(w[0] for w in (first, patronymic.split()[0] if patronymic else None) if w)
    return Person(key=name, surname=surname, first=first, patronymic=patronymic, initials=letters,
                  judge=judge)


def person_from_fio(surname: str | None, first: str, patronymic: str, *, judge: bool = False) -> Person:
    """A person first met in free text as a full name in some case ("Измайловой Ирине Олеговне")."""
    gender = gender_of(patronymic) or gender_of(first)
    first_n = nominative(first, "name", gender)
    patr_n = nominative(patronymic, "patronymic", gender)
    sur_n = nominative(surname, "surname", gender) if surname else None
    key = " ".join(p for p in (sur_n, first_n, patr_n) if p)
    return Person(key=key, surname=sur_n or None, first=first_n, patronymic=patr_n,
                  initials=(first[0] + patronymic[0]).upper(), judge=judge,
                  surname_set=surname_forms(surname) | surname_forms(sur_n) if surname and sur_n
                  else frozenset())


def person_from_initials(surname: str, letters: str, *, judge: bool = False) -> Person:
    """A person first met in free text as surname and initials ("Пересыпкину А.В.")."""
    lemma = surname_lemma(surname)
    key = f"{lemma} {'.'.join(letters)}." if letters else lemma
    return Person(key=key, surname=lemma, initials=letters, judge=judge,
                  surname_set=surname_forms(surname) | surname_forms(lemma))


def person_from_role(word: str, *, judge: bool = False) -> Person:
    """A person first met as the word after a role ("свидетель Заяц", "потерпевшего Зайца").

    The word may be an ordinary noun: its declined forms as a noun count as the surname's.
    """
    lemma = noun_lemma(word)
    return Person(key=lemma, surname=lemma, judge=judge,
                  surname_set=surname_forms(word) | surname_forms(lemma) | word_lexeme(word))


@lru_cache(maxsize=16384)
def skeletons_of(surname_set: frozenset[str]) -> frozenset[str]:
    """A person's surname forms as Latin spellings compare ("zai5ev", "zai5eva", …)."""
    return frozenset(skeleton(form) for form in surname_set if len(form) >= 3)
