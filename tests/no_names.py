"""The party names of the fixture pages and a check that none of them, in any form, is in some bytes.

The names (written by reading the pages) are in tests/data/fixture_party_names.json, kept by the
names stage. Forms checked: the full name in every grammatical case, "Фамилия И.О.", "И.О. Фамилия"
and "Фамилия И. О." with the surname in every case; judges are not parties and are not listed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

NAMES_FILE = Path(__file__).parent / "data" / "fixture_party_names.json"
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


FULL_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)? [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+(?:вич|вна|ична|чна|оглы|кызы)\b")
SURNAME_INITIALS = re.compile(r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?) ([А-ЯЁ])\.\s?([А-ЯЁ])\.")


def _strings(data: Any) -> Iterator[str]:
    """The party names in the file: ``{page: {"parties": [{"name": …}], "judges": …, "keep": …}}``
    (judges and the names to keep are not parties); any other layout: every string in it."""
    if isinstance(data, dict) and any(isinstance(v, dict) and "parties" in v for v in data.values()):
        for value in data.values():
            if isinstance(value, dict):
                for party in value.get("parties") or []:
                    yield party["name"] if isinstance(party, dict) else str(party)
    elif isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in ("file", "role", "source", "kind", "judges", "keep", "_about", "initials"):
                yield from _strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item)


def party_names() -> list[str]:
    """Names in the names file: full names ("Воробьёв Виктор Викторович") and "Сагадиев Р.Р." forms,
    also when embedded in a longer party label ("Адвокат … Низамова Любовь Александровна")."""
    assert NAMES_FILE.exists(), f"{NAMES_FILE} missing: the names stage writes it (party names per fixture)"
    data = json.loads(NAMES_FILE.read_text(encoding="utf-8"))
    names: set[str] = set()
    for text in _strings(data):
        names |= {m.group(0) for m in FULL_NAME.finditer(text)}
        names |= {f"{m.group(1)} {m.group(2)}.{m.group(3)}." for m in SURNAME_INITIALS.finditer(text)}
    assert names, f"{NAMES_FILE}: no names found"
    return sorted(names)


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _inflect(word: str, case: str) -> str:
    morph = _morph()
    parses = [p for p in morph.parse(word) if {"Surn", "Name", "Patr"} & set(p.tag.grammemes)] or morph.parse(word)
    form = parses[0].inflect({case})
    return form.word.capitalize() if form else word


def forms(name: str) -> set[str]:
    """The name in every grammatical case, and its surname-with-initials forms."""
    words = name.split()
    if words[1].endswith("."):  # "Сагадиев Р.Р."
        initials = words[1]
        spaced = " ".join(part + "." for part in initials.split(".") if part)
        surnames = {_inflect(words[0], case) for case in CASES}
        out = {f"{s} {initials}" for s in surnames} | {f"{initials} {s}" for s in surnames}
        return out | {f"{s} {spaced}" for s in surnames}
    initials = "".join(w[0] + "." for w in words[1:])
    spaced = " ".join(w[0] + "." for w in words[1:])
    out = {name}
    for case in CASES:
        inflected = [_inflect(word, case) for word in words]
        out.add(" ".join(inflected))
        out |= {f"{inflected[0]} {initials}", f"{initials} {inflected[0]}", f"{inflected[0]} {spaced}"}
    return out


def assert_no_names(blob: bytes) -> None:
    text = blob.decode("utf-8", errors="ignore").lower()
    every = {f for name in party_names() for f in forms(name)}
    every |= {f.replace("ё", "е") for f in every}  # printed either way
    leaks = sorted(f for f in every if f.lower() in text)
    assert not leaks, f"party names found in the store: {leaks}"


def store_bytes(store: Any) -> bytes:
    """Every byte of a store: the SQLite file with its WAL; for PostgreSQL every row of every table."""
    url = store.engine.url
    if url.get_backend_name() == "sqlite":
        path = Path(url.database)
        return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())
    import sqlalchemy as sa

    chunks = []
    with store.engine.connect() as conn:
        tables = conn.execute(sa.text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars().all()
        for table in tables:
            rows = conn.execute(sa.text(f'SELECT * FROM "{table}"')).all()
            chunks.append(repr(rows).encode("utf-8"))
    return b"\n".join(chunks)
