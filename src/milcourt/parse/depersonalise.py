"""Depersonalise a parsed page: the same record, with every name but the judges' replaced.

The page dict is the parser's. Rather than list the fields that may hold a name, it
walks every string and leaves alone only fields that cannot (numbers, dates, URLs, articles,
court names) and the judges' own fields, so a field the parser adds later is scrubbed by
default instead of leaking.
"""

from __future__ import annotations

import re
from typing import Any

from milcourt.names.find import Finder
from milcourt.names.latin import skeleton
from milcourt.names.people import Person, is_person_name, person_from_name, skeletons_of, split_role
from milcourt.names.pseudonym import Pseudonymizer, identity_key, normalise_name, people_from

# Fields that hold no names of parties: kept as they are ("stage" is a charge's art. 30 stage).
KEEP_KEYS = frozenset({
    "judge", "judges", "number", "number_full", "uid", "url", "next_page", "received", "decided",
    "date", "time", "law", "article", "part", "point", "stage", "articles", "kind", "total", "file",
    "source", "court", "court_code", "instance", "fetched_at", "sha256",
})
# Lists whose items are people: their "name" becomes a pseudonym.
PERSON_LISTS = frozenset({"persons", "parties", "sides", "participants", "complaints", "appellants"})
LONG_TEXT_KEYS = frozenset({"text"})


def depersonalise(page: dict[str, Any], pz: Pseudonymizer,
                  judges: set[str] | None = None) -> dict[str, Any]:
    """A new page dict with persons' names as pseudonyms and names scrubbed from all free text.

    Judges (``judges`` plus the judges the page names: the case's, the lower court's, each
    listing row's) keep their names, in their fields and inside texts.
    """
    judge_names = set(judges or ()) | set(_judges_of(page))
    judge_keys = {normalise_name(j) for j in judge_names}
    party_names = [n for n in _person_names(page) if normalise_name(n) not in judge_keys]
    people = people_from([n for n in party_names if is_person_name(n)], sorted(judge_names))
    for name in party_names:  # "Прокуратура Кировского района г.Уфа, Сагадиев Р.Р."
        if not is_person_name(name):
            people.extend(_people_inside(name, people))
    walker = _Walker(pz, people, judge_keys)
    result = walker.walk(page, None)
    assert isinstance(result, dict)
    return result


def _judges_of(page: dict[str, Any]) -> list[str]:
    found: list[str] = []
    case = page.get("case") or {}
    lower = case.get("lower_court") or {}
    for value in (case.get("judge"), lower.get("judge"), *(r.get("judge") for r in page.get("rows") or [])):
        if isinstance(value, str) and value.strip():
            found.append(value.strip())
    return found


def _person_names(page: dict[str, Any]) -> list[str]:
    names: list[str] = []

    def visit(node: Any, key: str | None) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "name" and key in PERSON_LISTS and isinstance(v, str) and v.strip():
                    names.append(v.strip())
                else:
                    visit(v, k)
        elif isinstance(node, list):
            for item in node:
                visit(item, key)

    visit(page, None)
    return names


def _people_inside(text: str, people: list[Person]) -> list[Person]:
    finder = Finder(text, list(people))
    finder.rules()
    return [m.person for m in finder.chosen() if m.person not in people and not m.person.judge]


class _Walker:
    def __init__(self, pz: Pseudonymizer, people: list[Person], judge_keys: set[str]):
        self.pz = pz
        self.people = people
        self.judge_keys = judge_keys
        # The same string scrubbed once per page ("Информация скрыта", an event's name repeated):
        # the result depends only on the text and the page's people, which stay fixed.
        self._scrubbed: dict[tuple[str, bool | None], str] = {}

    def scrub(self, text: str, ner: bool | None) -> str:
        key = (text, ner)
        done = self._scrubbed.get(key)
        if done is None:
            done = self._scrubbed[key] = self.pz.scrub_people(text, self.people, ner=ner)
        return done

    def walk(self, node: Any, key: str | None, in_person_list: bool = False) -> Any:
        if isinstance(node, dict):
            out: dict[str, Any] = {}
            for k, v in node.items():
                if k in KEEP_KEYS:
                    out[k] = v
                elif k == "name" and in_person_list and isinstance(v, str):
                    out[k] = self.name(v)
                else:
                    out[k] = self.walk(v, k, in_person_list=False)
            return out
        if isinstance(node, list):
            return [self.walk(item, key, in_person_list=key in PERSON_LISTS) for item in node]
        if isinstance(node, str):
            return self.scrub(node, None if key in LONG_TEXT_KEYS else False)
        return node

    def name(self, value: str) -> str:
        """A person's name field: the pseudonym of a personal name, else the text scrubbed."""
        if normalise_name(value) in self.judge_keys:
            return value
        role, rest = split_role(value.strip())  # "Адвокат Zaytsev I.P.": the role stays, the name goes
        person = person_from_name(rest)
        if person is not None:
            return role + self.pz.pseudonym(self.fullest(person).key)
        return self.scrub(value, False)

    def fullest(self, person: Person) -> Person:
        """The page's one party this name is a form of ("Иванов", "Иванов Иван", "Ivanov I.I."
        beside "Иванов Иван Иванович" on another tab), so that one person keeps one pseudonym.

        Surnames are compared by sound (a transliteration may drop a soft sign); the fullest
        name wins, a Cyrillic one before a transliterated one; when the page has two people
        the name could be (different initials), the name stays its own person.
        """
        if not person.surname:
            return person
        form = person.surname.lower().replace("ё", "е")
        sound = skeleton(form)
        same = [p for p in self.people if not p.judge and p.surname
                and (form in p.surname_set or sound in skeletons_of(p.surname_set))
                and p.initials_fit(person.initials) and len(p.initials) >= len(person.initials)]
        if not same:
            return person
        top = max(same, key=lambda p: (len(p.initials), not _LATIN.search(p.key)))
        voices = {skeleton(identity_key(p.key)) for p in same if len(p.initials) == len(top.initials)}
        agree = all(p.initials_fit(top.initials) for p in same)
        return top if len(voices) == 1 and agree else person


_LATIN = re.compile(r"[A-Za-z]")
