"""No names: stable pseudonyms for people, and scrubbing of names from free text.

milcourt studies prosecutions, never people. Every name but a judge's becomes "P-3f9a1c", an
HMAC-SHA256 of the normalised name under an installation secret kept in the operator's data
directory (never in the repository), so the same person gets the same pseudonym on every page
while nobody without the secret can test a guessed name against the dataset.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import secrets
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from milcourt.names.find import Finder
from milcourt.names.morph import surname_lemma
from milcourt.names.ner import person_spans
from milcourt.names.people import Person, cyrillic_name, is_person_name, person_from_name
from milcourt.paths import data_dir as default_data_dir

SECRET_FILE = "pseudonym.key"
_CAPS_WORD = re.compile(r"\b[А-ЯЁA-Z]{4,}\b")  # "ВОРОБЬЕВ Виктор" is "Воробьев Виктор"
NER_MIN_CHARS = 400  # texts shorter than this are card fields and listing rows: rules only


class SecretFileError(ValueError):
    """The pseudonym secret file exists but cannot be used."""


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """One spelling per name: NFC, ё→е, lower case, single spaces, "г. а." → "г.а.", surname first.

    A surname with initials only is also put in its dictionary form, since "Симкина Г.А." may
    be a woman or a man in the genitive: a listing and an act then give the same pseudonym.
    """
    text = unicodedata.normalize("NFC", name).replace("ё", "е").replace("Ё", "Е").lower()
    text = " ".join(text.replace("\u00a0", " ").split())
    text = re.sub(r"(?<=\b\w\.)\s+(?=\w\.)", "", text)  # "г. а." → "г.а."
    match = re.fullmatch(r"((?:\w\.){1,3})\s*([\w-]+)", text)  # "г.а. симкин" → "симкин г.а."
    if match:
        text = f"{match.group(2)} {match.group(1)}"
    match = re.fullmatch(r"([\w-]+) ((?:\w\.){1,2})", text)
    if match:  # "рыжкова е.а." and "рыжкову е.а." → "рыжков е.а.": the case of an initials form is unknowable
        text = f"{surname_lemma(match.group(1).capitalize()).lower()} {match.group(2)}"
    return text.strip(" ,;")


@lru_cache(maxsize=65536)
def identity_key(name: str) -> str:
    """What a pseudonym is made from: the surname's dictionary form and the initials.

    "Иванов Иван Иванович", "Иванова И.И." and "Ivanov I.I." are one person printed three ways
    (a card's two tabs often differ so), so they get one key, "иванов и.и.". A name without a
    surname keeps its normalised spelling.
    """
    name = _CAPS_WORD.sub(lambda m: m.group(0).capitalize(), cyrillic_name(name))
    person = person_from_name(name) if is_person_name(name) else None
    if person is None or not person.surname:
        return normalise_name(name)
    surname = surname_lemma(person.surname.capitalize()).replace("ё", "е")
    letters = "".join(f"{letter}." for letter in person.initials)
    return normalise_name(f"{surname} {letters}".strip())


class Pseudonymizer:
    """Pseudonyms and scrubbing under one secret (load it with :meth:`load`)."""

    def __init__(self, secret: bytes, *, ner: bool = True):
        if len(secret) < 16:
            raise SecretFileError("the pseudonym secret must be at least 16 bytes")
        self._secret = secret
        self.ner = ner  # run natasha's NER on long texts (acts) as well as the rules
        self._cache: dict[str, str] = {}

    @classmethod
    def load(cls, data_dir: Path | None = None, *, ner: bool = True) -> Pseudonymizer:
        """The installation's secret from ``<data dir>/pseudonym.key``, created (0600) on first use."""
        if data_dir is None:
            data_dir = default_data_dir()
        path = Path(data_dir) / SECRET_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                out.write(secrets.token_bytes(32))
        secret = path.read_bytes()
        if len(secret) < 16:
            raise SecretFileError(f"{path}: pseudonym secret is {len(secret)} bytes, expected 32; "
                                  "restore it from backup (a new one would change every pseudonym)")
        return cls(secret, ner=ner)

    def pseudonym(self, name: str) -> str:
        """"P-" and the first 6 hex digits of HMAC-SHA256(secret, the name's identity key)."""
        key = identity_key(name)
        cached = self._cache.get(key)
        if cached is None:
            digest = hmac.new(self._secret, key.encode("utf-8"), hashlib.sha256).hexdigest()
            cached = self._cache[key] = "P-" + digest[:6]
        return cached

    def scrub(self, text: str, known_names: Iterable[str] = (), *, judges: Iterable[str] = (),
              ner: bool | None = None) -> str:
        """The text with every person's name replaced by their pseudonym; judges' names stay.

        ``known_names`` are the parties the card lists (their declined and initials forms are
        found too and get the full name's pseudonym); ``judges`` are kept wherever they appear.
        ``ner`` defaults to on for long texts (acts) when the pseudonymizer allows it.
        """
        return self.scrub_people(text, people_from(known_names, judges), ner=ner)

    def scrub_people(self, text: str, people: list[Person], *, ner: bool | None = None) -> str:
        """:meth:`scrub` with the people already parsed (depersonalise parses a page's once)."""
        if not text or not any(ch.isupper() for ch in text):
            return text
        finder = Finder(text, people)
        finder.rules()
        finder.bare_surnames()
        if ner if ner is not None else (self.ner and len(text) >= NER_MIN_CHARS):
            established = len(finder.people)
            finder.ner(_ner_spans(text, finder.unexplained()))
            finder.bare_surnames(since=established)
        parts: list[str] = []
        last = 0
        for mention in finder.with_given_names(finder.chosen()):
            if mention.person.judge:
                continue
            parts.append(text[last:mention.start])
            parts.append(self.pseudonym(mention.person.key))
            if text[mention.end - 1] == "." and _sentence_ends(text, mention.end):
                parts.append(".")  # "… признал Пересыпкин А.В. Суд …": the initial's dot ended the sentence
            last = mention.end
        parts.append(text[last:])
        return "".join(parts)


def _sentence_ends(text: str, at: int) -> bool:
    """A next sentence follows on the same line (at the end of a field or line the dot is the name's)."""
    rest = text[at:at + 2]
    return len(rest) == 2 and rest[0] == " " and rest[1].isupper()


def _ner_spans(text: str, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """natasha's PER spans in the given stretches of text: one call over all, offsets mapped back."""
    if not windows:
        return []
    joined: list[str] = []
    offsets: list[tuple[int, int]] = []  # (offset in the joined text, offset in the text)
    at = 0
    for start, end in windows:
        offsets.append((at, start))
        joined.append(text[start:end])
        at += end - start + 2
    spans = []
    for s, e in person_spans("\n\n".join(joined)):
        base, origin = max(o for o in offsets if o[0] <= s)
        spans.append((origin + s - base, origin + e - base))
    return spans


def people_from(known_names: Iterable[str], judges: Iterable[str] = ()) -> list[Person]:
    """Persons for the finder: judges first (they win a tie), then the parties."""
    people: list[Person] = []
    judge_keys = set()
    for name in judges:
        person = person_from_name(name, judge=True) if name else None
        if person:
            people.append(person)
            judge_keys.add(normalise_name(name))
    for name in known_names:
        person = person_from_name(name) if name else None
        if person and normalise_name(name) not in judge_keys:
            people.append(person)
    return people


__all__ = ["Pseudonymizer", "SecretFileError", "identity_key", "normalise_name", "people_from"]
