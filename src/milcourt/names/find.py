"""Find every mention of a person in free text and tie it to a :class:`Person`.

Rules first, because they are fast and predictable on court prose: full names (a patronymic is
a near-certain sign), surname + initials either way round, initials alone when they are a known
party's, and then bare surnames of everyone established so far. natasha's NER (optional, for
long act texts) adds what the rules miss. A mention introduced by "судья", "судей",
"председательствующий" or "Судья … суда …" is a judge and stays.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from milcourt.names.latin import has_latin_word
from milcourt.names.latin_find import latin_mentions
from milcourt.names.morph import (
    CAP,
    given_name_forms,
    is_given_name,
    is_patronymic,
    looks_like_surname,
    name_after_role,
    patronymic_forms,
    shadow,
    surname_strength,
    titled_caps,
    word_set,
)
from milcourt.names.people import (
    Person,
    person_from_fio,
    person_from_initials,
    person_from_role,
)
from milcourt.names.roles import PERSON_ROLE, role_surnames

# Every pattern starts with a bare capital-letter class and checks the character before it
# with a lookbehind placed after that letter: the regex engine then skips ahead to capitals in
# C instead of trying each position (three times faster on a 20 000-character page).
CAP_B = r"[А-Я](?<![\w-][А-Я])[а-я]+(?:-[А-Я][а-я]+)?"
PATR = r"[А-Я][а-я]*(?:вич|ич|вн|чн)(?:а|у|ем|е|ы|ой|ою)?"
FIO = re.compile(rf"({CAP_B})\s+({PATR})(?![\w-])(?:[ \t]+({CAP})(?![\w-]))?")
LEAD = re.compile(rf"(?<![\w-])({CAP})\s+$")
SURNAME_INITIALS = re.compile(r"[А-Я](?<![\w.-][А-Я])[а-я]+(?:-[А-Я][а-я]+)?\s+"
                              r"([А-Я]\.(?:[ \t]?[А-Я](?:\.|(?![а-яА-Я.])))?)(?![а-я]|[ \t]?[А-Я]\.)")
INITIALS_SURNAME = re.compile(rf"([А-Я](?<![\w.][А-Я])\.[ \t]?(?:[А-Я]\.[ \t]?)?)[ \t]{{0,2}}({CAP})(?![\w-])")
THREE_INITIALS = re.compile(r"[А-Я](?<![\w.-][А-Я])(?:\.[ \t]?[А-Я]\.[ \t]?[А-Я]\.?|[А-Я]{2})(?![\w-])")
TWO_WORDS = re.compile(r"[А-Я](?<![\w-][А-Я])(?=[а-я]+(?:-[А-Я][а-я]+)?\s+[А-Я][а-я])")  # pair starts
TWO_WORDS_AT = re.compile(rf"({CAP})\s+({CAP})(?![\w-])")
WORD = re.compile(rf"({CAP_B})(?![\w-])")
CAPS_WORD = re.compile(r"([А-Я](?<![\w-][А-Я])[А-Я]{2,}(?:-[А-Я]{2,})?)(?![\w-])")

# A mention right after these is a place or a namesake institution ("ул. Пушкина", "им. Н.И. Пирогова").
PLACE_BEFORE = re.compile(
    r"(?:\b(?:г|гор|ул|пр|пр-т|пер|пл|б-р|наб|им|пос|п|с|д|дер|мкр|р-н|обл|ш)\.|\b(?:город[а-я]*|улиц[а-я]*|"
    r"проспект[а-я]*|переул[а-я]*|площад[а-я]*|бульвар[а-я]*|набережн[а-я]*|имени|посел[а-я]*|"
    r"сел[а-я]{0,2}|деревн[а-я]*|станц[а-я]*|шоссе|район[а-я]*|микрорайон[а-я]*|аэропорт[а-я]*))\s*$",
    re.IGNORECASE)
YEAR_G = re.compile(r"\d\s?г\.\s*$")  # "2023 г. Бондарь": г. is "года" here, not "город"
# ... and a bare surname followed by these is part of a court or place name.
PLACE_AFTER = re.compile(r"^\s+(?:районн|городск|областн|краев|гарнизонн|флотск|окружн|межрайонн|военн|"
                         r"суд|район|област|кра[йяю]|улиц|проспект|переул|шоссе)", re.IGNORECASE)
JUDGE_WORDS = re.compile(r"(?<!помощника )(?<!помощнику )(?<!помощник )(?<!помощником )(?<!помощнике )"
                         r"(?:\bсуд(?:ья|ьи|ей|ьей|ье|ью)|председательствующ[а-я]*(?:\s+по\s+делу)?|"
                         r"\bв составе)[\s:,–-]*$", re.IGNORECASE)
JUDGE_OF_COURT = re.compile(r"\bсудь[яи]\s+[^\n;]{0,120}?\b(?:суда|участка)(?:\s+(?:г\.|города|района|"
                            r"области|края|республики|округа|№\s*\d+|[А-Я][\w-]*|\([^)\n]*\)))*\s*$",
                            re.IGNORECASE)
_SEPARATOR_TAIL = re.compile(r"(?:[,;]|\bи|\n)\s*$")
_NAME_TAIL = re.compile(rf"(?:(?:[А-Я]\.\s?){{1,3}}\s*{CAP}|{CAP}\s+{CAP}\s+{CAP}|{CAP}(?:\s+(?:[А-Я]\.\s?){{1,3}})?)\s*$")
_NOT_CAPITAL = re.compile(r"[^А-Я]")
_NEXT_WORD = re.compile(r"[\s,]*([А-Яа-я]+)")
_GIVEN_AFTER = re.compile(rf"[ \t]+({CAP})(?![\w-])")
ACRONYMS = word_set("ООО ОАО ЗАО ПАО АНО УПК ГПК КАС АПК УИК ГИБДД МВД ФСБ ФСИН СИЗО ВВС ВМФ СНТ ИНН КПП "
                    "ОГРН БИК ДНР ЛНР УФК ФНС ЕГРЮЛ")


@dataclass
class Mention:
    start: int
    end: int
    person: Person
    rank: int  # higher wins an overlap: 3 a known person, 2 strong rule, 1 weak rule or NER, 0 bare surname


def in_judge_context(sh: str, start: int) -> bool:
    """Whether the words before a mention make it a judge ("судей Железного А.В., Стадниковой …").

    Back from the mention over a list of names, each separated by a comma, "и" or a line break,
    to a judge word; "Постановлением судьи Иванова И.И. Петров П.П. …" has no separator, so
    Петров is not a judge.
    """
    window = sh[max(0, start - 200):start]
    if JUDGE_OF_COURT.search(window):
        return True
    for _ in range(8):
        if JUDGE_WORDS.search(window):
            return True
        separator = _SEPARATOR_TAIL.search(window)
        if separator is None:
            return False
        window = window[:separator.start()]
        if JUDGE_WORDS.search(window):
            return True
        name = _NAME_TAIL.search(window)
        if name is None:
            return False
        window = window[:name.start()]
    return False


def _place(sh: str, start: int, end: int, bare: bool) -> bool:
    before = PLACE_BEFORE.search(sh[max(0, start - 30):start])
    if before and not YEAR_G.search(sh[max(0, start - 30):start]):
        return True
    return bare and bool(PLACE_AFTER.match(sh[end:end + 20]))


@lru_cache(maxsize=65536)
def _lookup_form(surname: str) -> str:
    """A printed surname as it is looked up in a person's ``surname_set``."""
    return shadow(surname).lower()


_FEW_WORDS = 12  # capitalised words in a text below which bare_surnames asks each person directly


@lru_cache(maxsize=16384)
def _surname_keys(surname_set: frozenset[str]) -> frozenset[str]:
    """A person's surname forms a bare word is looked up in (three letters or more)."""
    return frozenset(form for form in surname_set if len(form) >= 3)


@lru_cache(maxsize=16384)
def _given_keys(first: str | None, patronymic: str | None) -> frozenset[str]:
    """A card party's first name and patronymic forms in capitals ("ВИКТОРА", "ВИКТОРОВИЧУ")."""
    keys: set[str] = set()
    for part, forms in ((first, given_name_forms), (patronymic, patronymic_forms)):
        if part and len(part) >= 4 and " " not in part:
            keys.update(form.upper() for form in forms(part))
    return frozenset(keys)


class Finder:
    """Mentions in one text, given the people already known (card parties and judges)."""

    def __init__(self, text: str, people: Iterable[Person]):
        self.text = text
        self.sh, self.caps = titled_caps(shadow(text))
        self.people = list(people)
        self.given = len(self.people)  # people[:given] came from the card: their mentions rank 3
        self.found: list[Mention] = []
        self._words: dict[re.Pattern[str], list[re.Match[str]]] = {}

    def words(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """``pattern.finditer`` over the text, once: bare_surnames and unexplained both walk WORD."""
        found = self._words.get(pattern)
        if found is None:
            found = self._words[pattern] = list(pattern.finditer(self.sh))
        return found

    def _known(self, surname: str | None, letters: str = "", first: str | None = None,
               patronymic: str | None = None) -> Person | None:
        form = _lookup_form(surname) if surname else None
        for person in self.people:
            if form is not None and form not in person.surname_set:
                continue
            if form is None and not (first and person.first_fits(first)):
                continue
            if first and person.first and not person.first_fits(first):
                continue
            if patronymic and person.patronymic and not person.patronymic_fits(patronymic):
                continue
            if person.initials_fit(letters):
                return person
        return None

    def _add(self, start: int, end: int, person: Person, rank: int) -> None:
        if rank == 3 and not any(p is person for p in self.people[:self.given]):
            rank = 2
        self.found.append(Mention(start, end, person, rank))

    def _new(self, person: Person, start: int) -> Person:
        person.judge = person.judge or in_judge_context(self.sh, start)
        self.people.append(person)
        return person

    def rules(self) -> None:
        """Every rule, in order: each may establish people the later ones then recognise."""
        self._full_names()
        self._initials_forms()
        self._role_before_surname()
        self._card_pairs()
        self._initials_only()
        if has_latin_word(self.text):
            self._latin()

    def _full_names(self) -> None:
        """First name + patronymic, with the surname before or after ("Воробьёва Виктора Викторовича")."""
        sh = self.sh
        for m in FIO.finditer(sh):
            first, patr, trail = m.groups()
            if not is_patronymic(patr) or surname_strength(first) == 0:
                continue
            start, end = m.start(), m.end()
            lead_match = LEAD.search(sh, max(0, start - 40), start)
            surname = lead_match.group(1) if lead_match and surname_strength(lead_match.group(1)) else None
            if surname and lead_match:
                start = lead_match.start(1)
            if surname is None and trail and surname_strength(trail) == 2:
                surname = trail
            elif trail:
                end = m.end(2)
            known = self._known(surname, (first[0] + patr[0]), first, patr)
            person = known or self._new(person_from_fio(surname, first, patr), start)
            self._add(start, end, person, 3 if known else 2)

    def _initials_forms(self) -> None:
        """Surname + initials and initials + surname ("Римихановым Т.С.", "Г.А. Симкин")."""
        sh = self.sh
        for pattern, s_group, i_group in ((SURNAME_INITIALS, 0, 1), (INITIALS_SURNAME, 2, 1)):
            for m in pattern.finditer(sh):
                surname, letters = m.group(s_group), _NOT_CAPITAL.sub("", m.group(i_group))
                if s_group == 0:
                    surname = surname.split()[0]
                strength = surname_strength(surname)
                if strength == 0 or _place(sh, m.start(), m.end(), bare=False):
                    continue
                end = m.end()
                known = self._known(surname, letters)
                if known:
                    self._add(m.start(), end, known, 3)
                else:
                    person = self._new(person_from_initials(surname, letters), m.start())
                    self._add(m.start(), end, person, strength)

    def _role_before_surname(self) -> None:
        """A bare surname after a role or rank ("полковник Григорьев", "свидетель Сафронов")."""
        sh = self.sh
        for m in role_surnames(sh):
            surname = m.group(1)
            role = sh[m.start():m.start(1)].split()[0] if sh[m.start():m.start(1)].split() else ""
            if _place(sh, m.start(1), m.end(1), bare=True):
                continue
            same_line = "\n" not in sh[m.start():m.start(1)]  # a new line may start a new paragraph
            if PERSON_ROLE.match(role) and same_line:  # a witness's or advocate's name, whatever the word means
                following = _NEXT_WORD.match(sh, m.end(1))
                if not name_after_role(surname, following.group(1) if following else ""):
                    continue
                known = self._known(surname)
                person = known or self._new(person_from_role(surname), m.start(1))
                self._add(m.start(1), m.end(1), person, 1 if not known else 0)
                continue
            if not looks_like_surname(surname):
                continue
            known = self._known(surname)
            person = known or self._new(person_from_initials(surname, ""), m.start(1))
            self._add(m.start(1), m.end(1), person, 0)  # never outranks a fuller mention

    def _latin(self) -> None:
        """Names in Latin letters: transliterated forms of people known, and name-shaped runs."""
        for found in list(latin_mentions(self.text, self.people)):
            person = found.person or (self._new(found.new, found.start) if found.new else None)
            if person is not None:
                self._add(found.start, found.end, person, found.rank)

    def _card_pairs(self) -> None:
        """Surname and first name of a card's person, either order ("Мамедова Эльчина Азер оглы")."""
        sh = self.sh
        with_first = [p for p in self.people if p.first]
        for pair_start in TWO_WORDS.finditer(sh) if with_first else ():
            pair = TWO_WORDS_AT.match(sh, pair_start.start())
            if pair is None:
                continue
            a, b = pair.groups()
            for surname, first, s, e in ((a, b, pair.start(1), pair.end(2)), (b, a, pair.start(1), pair.end(2))):
                known = self._known(surname, first=first)
                if known and known.first:
                    rest = known.patronymic or ""  # "Азер оглы" after "Мамедова Эльчина"
                    if " " in rest and sh[e:e + len(rest) + 1].lower() == " " + shadow(rest).lower():
                        e += len(rest) + 1
                    self._add(s, e, known, 3)

    def _initials_only(self) -> None:
        """A card person's three initials standing alone ("Ю.Г.Р.", "АДС"), when no one else has them."""
        matches = list(THREE_INITIALS.finditer(self.sh))
        if not matches:
            return
        by_letters: dict[str, list[Person]] = {}
        for person in self.people[:self.given]:
            letters = person.full_initials()
            if letters:
                by_letters.setdefault(letters, []).append(person)
        if not by_letters:
            return
        for m in matches:
            letters = _NOT_CAPITAL.sub("", m.group(0))
            owners = by_letters.get(letters, [])
            if len(owners) == 1 and not owners[0].judge and letters not in ACRONYMS:
                self._add(m.start(), m.end(), owners[0], 2)

    def unexplained(self, margin: int = 100) -> list[tuple[int, int]]:
        """Stretches of text around surname-like words no rule has explained, for NER to read.

        Sending only these (usually none, or a handful of short windows) instead of the whole
        act keeps natasha from costing 0.1-0.2 s a page.
        """
        covered = sorted((m.start, m.end) for m in self.found)
        starts = [a for a, _ in covered]
        reach: list[int] = []  # reach[i]: the furthest end among covered[:i + 1]
        for _, b in covered:
            reach.append(max(b, reach[-1]) if reach else b)
        windows: list[tuple[int, int]] = []
        for m in self.words(WORD):
            word = m.group(1)
            at = bisect.bisect_right(starts, m.start())  # covered[:at] start at or before the word
            if at and reach[at - 1] > m.start():
                continue  # explained already
            if m.start() in self.caps:
                continue  # a heading or an acronym in capitals ("ОГРНИП"): the rules read names in capitals
            if len(word) < 3 or surname_strength(word) < 2 or _place(self.sh, m.start(), m.end(), bare=True):
                continue
            if self.sh[m.start() - 1:m.start()] in "«\"":
                continue  # the start of a quoted organisation name
            start = max(0, m.start() - margin)
            start = max(start, self.sh.rfind("\n", start, m.start()) + 1)
            end = self.sh.find("\n", m.end(), m.end() + margin)
            end = end if end >= 0 else min(len(self.sh), m.end() + margin)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
            else:
                windows.append((start, end))
        return windows

    def ner(self, spans: Iterable[tuple[int, int]]) -> None:
        """Take natasha's PER spans that look like names and are not places."""
        for start, end in spans:
            text = self.sh[start:end].split("\n")[0].strip(" .,")
            end = start + len(text)
            words = WORD.findall(text)
            if not words or _place(self.sh, start, end, bare=len(words) == 1):
                continue
            surname = next((w for w in words if surname_strength(w) == 2 and not is_patronymic(w)), None)
            if surname is None or (len(words) == 1 and len(text.split()) == 1 and len(surname) < 3):
                continue
            letters = "".join(re.findall(r"([А-Я])\.", text))
            known = self._known(surname, letters)
            person = known or self._new(person_from_initials(surname, letters), start)
            self._add(start, end, person, 3 if known else 1)

    def bare_surnames(self, since: int = 0) -> None:
        """Surnames alone ("Пересыпкину назначено", "ПЕРЕСЫПКИН"), for the people established.

        Where a judge and a party share a surname, a bare mention is the party's unless the words
        before it make it the judge: a leaked name costs more than a judge's name replaced.
        """
        if not self.people[since:]:
            return
        given = {id(p) for p in self.people[:self.given]}
        alive = {id(m.person) for m in self.chosen()}  # a person whose every mention lost an overlap
        table = [(person, _surname_keys(person.surname_set),  # ("Иванов И.И. Вину признал") is no one
                  _given_keys(person.first, person.patronymic) if id(person) in given else frozenset())
                 for person in self.people[since:] if id(person) in given or id(person) in alive]
        if not any(surnames or names for _, surnames, names in table):
            return
        matches = [*self.words(WORD), *self.words(CAPS_WORD)]
        if len(matches) <= _FEW_WORDS:  # a short field: asking each person beats building an index
            def owners_of(word: str, caps: bool) -> list[Person]:
                lower = word.lower()
                return ([p for p, surnames, _ in table if lower in surnames]
                        or [p for p, _, names in table if caps and word.upper() in names])
        else:
            index: dict[str, list[Person]] = {}
            for person, surnames, _ in table:
                for form in surnames:
                    index.setdefault(form, []).append(person)
            upper: dict[str, list[Person]] = {}
            for person, _, names in table:
                for form in names:
                    upper.setdefault(form, []).append(person)

            def owners_of(word: str, caps: bool) -> list[Person]:
                return index.get(word.lower()) or (upper.get(word.upper()) if caps else None) or []
        for m in matches:
            word = m.group(1)
            owners = owners_of(word, word.isupper() or m.start() in self.caps)
            if not owners or _place(self.sh, m.start(), m.end(), bare=True):
                continue
            parties = [p for p in owners if not p.judge]
            judges = [p for p in owners if p.judge]
            owner = judges[0] if judges and (not parties or in_judge_context(self.sh, m.start())) \
                else parties[0]
            self._add(m.start(), m.end(), owner, 0)

    def with_given_names(self, mentions: list[Mention]) -> list[Mention]:
        """Mentions widened over a first name or patronymic beside them ("P-3f9a1c Дарьи").

        A surname replaced while the first name next to it stays would still name the person.
        """
        out: list[Mention] = []
        for i, mention in enumerate(mentions):
            if mention.person.judge:
                out.append(mention)
                continue
            limit = mentions[i + 1].start if i + 1 < len(mentions) else len(self.sh)
            floor = out[-1].end if out else 0
            end = mention.end
            for _ in range(2):
                following = _GIVEN_AFTER.match(self.sh, end)
                if not following or following.end() > limit:
                    break
                word = following.group(1)
                if not (is_given_name(word) or is_patronymic(word)):
                    break
                end = following.end()
            start = mention.start
            before = LEAD.search(self.sh, max(floor, start - 40), start)
            if before and is_given_name(before.group(1)) and before.start(1) >= floor:
                start = before.start(1)
            out.append(Mention(start, end, mention.person, mention.rank))
        return out

    def chosen(self) -> list[Mention]:
        """Non-overlapping mentions: known people first, then the longer, then the earlier."""
        starts: list[int] = []  # taken mentions, kept sorted by start (they never overlap)
        taken: list[Mention] = []
        for mention in sorted(self.found, key=lambda x: (-x.rank, -(x.end - x.start), x.start)):
            at = bisect.bisect_left(starts, mention.start)
            if at > 0 and taken[at - 1].end > mention.start:
                continue
            if at < len(taken) and taken[at].start < mention.end:
                continue
            starts.insert(at, mention.start)
            taken.insert(at, mention)
        return taken
