"""The people of one page: its judges and parties, each form of a name tied to one person.

A page prints one person several ways (a card's tabs, "Иванов Иван Иванович" beside
"Ivanov I.I."); the pseudonym must not split them. This knows nothing of where a page keeps
its names: the caller (the parser's ``depersonalise``) collects them from its own record and
asks this for a name field's pseudonym or a text scrubbed with the page's people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from milcourt.names.find import Finder
from milcourt.names.latin import skeleton
from milcourt.names.people import Person, is_person_name, person_from_name, skeletons_of, split_role
from milcourt.names.pseudonym import Pseudonymizer, identity_key, normalise_name, people_from

_LATIN = re.compile(r"[A-Za-z]")


class PagePeople:
    """One page's judges (who keep their names) and parties, scrubbing under one pseudonymiser."""

    def __init__(self, pz: Pseudonymizer, party_names: Iterable[str], judge_names: Iterable[str]):
        """``party_names`` as the page lists them ("Прокуратура …, Сагадиев Р.Р." included);
        a party whose name is also a judge's is taken for the judge."""
        judges = set(judge_names)
        self.pz = pz
        self.judge_keys = {normalise_name(j) for j in judges}
        parties = [n for n in party_names if normalise_name(n) not in self.judge_keys]
        people = people_from([n for n in parties if is_person_name(n)], sorted(judges))
        for name in parties:  # "Прокуратура Кировского района г.Уфа, Сагадиев Р.Р."
            if not is_person_name(name):
                people.extend(_people_inside(name, people))
        self.people = people
        # The same string scrubbed once per page ("Информация скрыта", an event's name repeated):
        # the result depends only on the text and the page's people, which stay fixed.
        self._scrubbed: dict[tuple[str, bool | None], str] = {}

    def scrub(self, text: str, ner: bool | None) -> str:
        """The text with the page's people (and any other person found) replaced; judges stay."""
        key = (text, ner)
        done = self._scrubbed.get(key)
        if done is None:
            done = self._scrubbed[key] = self.pz.scrub_people(text, self.people, ner=ner)
        return done

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


def _people_inside(text: str, people: list[Person]) -> list[Person]:
    """Persons the rules find inside a party's text that is not itself a name."""
    finder = Finder(text, list(people))
    finder.rules()
    return [m.person for m in finder.chosen() if m.person not in people and not m.person.judge]
