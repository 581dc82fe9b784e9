"""No name leaks, by class: generated cards and acts, ingested, then every output scanned.

Each class of leak is generated from name lists, not written as one sample: a witness named
only in the act in capitals, names in Latin letters (act and parties table), surnames that are
common words, a first name beside a surname, a person named once in full and once by surname.
The cards are rendered by the simulator's card template, ingested into a SQLite store, and the
store file with its WAL, the full-text index's vocabulary, the csv/parquet/jsonl exports, the
dashboard pages and the JSON API are searched for every person's surname, first name and
patronymic in every case, in Cyrillic, capitals and Latin letters. Judges, courts and places stay.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pymorphy3
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from milcourt.cli import app
from milcourt.names import Pseudonymizer
from milcourt.names.latin import skeleton
from milcourt.parse.depersonalise import depersonalise
from milcourt.publish.web.app import create_app
from milcourt.simulate.pages import HIDDEN, render_card
from milcourt.simulate.population import Case
from milcourt.store import open_store
from milcourt.store.ingest import reset_pseudonymizer

MORPH = pymorphy3.MorphAnalyzer()
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
SURNAMES_M = ["Карпенко", "Белоусов", "Григорьев", "Лапшин", "Мухаметов", "Ступин", "Жилкин", "Кочетков"]
SURNAMES_F = ["Белоусова", "Лапшина", "Ступина", "Кочеткова", "Жилкина", "Григорьева"]
WORD_SURNAMES = ["Заяц", "Волк", "Мороз", "Соловей", "Снегирь", "Ветер", "Гром", "Орёл"]
FIRST_M = [("Дмитрий", "Олегович"), ("Тимур", "Рустамович"), ("Павел", "Игоревич"), ("Степан", "Ильич")]
FIRST_F = [("Дарья", "Сергеевна"), ("Полина", "Андреевна"), ("Вера", "Степановна")]
LATIN = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
         "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
         "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
         "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya"}
JUDGE = "Эталонов Аркадий Семёнович"
KEPT = ["г. Иваново", "Ивановский районный суд", "был сильный мороз", "Эталонов"]


def latin(word: str) -> str:
    return "".join(LATIN.get(ch, ch) for ch in word.lower()).capitalize()


def inflect(word: str, case: str) -> str:
    parses = [p for p in MORPH.parse(word) if {"Surn", "Name", "Patr"} & set(p.tag.grammemes)] \
        or MORPH.parse(word)
    form = parses[0].inflect({case})
    return form.word.capitalize() if form else word


@dataclass
class Someone:
    surname: str
    first: str
    patronymic: str

    @property
    def full(self) -> str:
        return f"{self.surname} {self.first} {self.patronymic}"

    def initials(self) -> str:
        return f"{self.first[0]}.{self.patronymic[0]}."

    def words(self) -> set[str]:
        """Every word of the name, every case, as printed in Cyrillic and Latin (lower case)."""
        out: set[str] = set()
        for part in (self.surname, self.first, self.patronymic):
            for case in CASES:
                form = inflect(part, case).lower().replace("ё", "е")
                out |= {form, latin(form).lower()}
        out |= {self.surname.lower().replace("ё", "е"), latin(self.surname).lower()}
        return {w for w in out if len(w) >= 3}


def people(rng: random.Random, count: int, surnames: list[str] | None = None) -> list[Someone]:
    found: list[Someone] = []
    pool_m = list(SURNAMES_M if surnames is None else surnames)
    pool_f = list(SURNAMES_F if surnames is None else surnames)
    rng.shuffle(pool_m)
    rng.shuffle(pool_f)
    for i in range(count):
        female = i % 2 == 1 and surnames is None
        surname = (pool_f if female else pool_m)[i % len(pool_f if female else pool_m)]
        first, patronymic = rng.choice(FIRST_F if female else FIRST_M)
        found.append(Someone(surname, first, patronymic))
    return found


def _caps(p: Someone, case: str) -> str:
    return " ".join(inflect(w, case).upper() for w in (p.surname, p.first, p.patronymic))


# Each class: (defendant on the card, advocate in the parties table, act text) from its people.
def caps_witness(d: Someone, w: Someone) -> tuple[str, str, str]:
    return (d.full.upper(), HIDDEN,
            f"Подсудимый {_caps(d, 'nomn')} вину признал. Свидетель {_caps(w, 'nomn')} показал, что "
            f"видел подсудимого. Показания свидетеля {_caps(w, 'gent')} оглашены.")


def latin_names(d: Someone, w: Someone) -> tuple[str, str, str]:
    return (d.full, f"Адвокат {latin(w.surname)} {latin(w.first)[0]}.{latin(w.patronymic)[0]}.",
            f"Защиту осуществлял адвокат {latin(w.surname)} {latin(w.first)[0]}.{latin(w.patronymic)[0]}., "
            f"подсудимый {latin(d.surname)} {latin(d.first)} {latin(d.patronymic)} вину признал; "
            f"{latin(w.surname).upper()} заявил ходатайство.")


def word_surnames(d: Someone, w: Someone) -> tuple[str, str, str]:
    return (d.full, HIDDEN,
            f"Свидетель {w.surname} показал, что был сильный мороз. Потерпевший {w.surname} пояснил. "
            f"Со слов свидетеля {inflect(w.surname, 'gent')}, подсудимый {d.surname} ушёл из части.")


def first_names(d: Someone, w: Someone) -> tuple[str, str, str]:
    return (d.full, HIDDEN,
            f"Показания {inflect(d.surname, 'gent')} {inflect(d.first, 'gent')} оглашены. "
            f"Свидетель {w.surname} {w.first} показала, что {inflect(d.first, 'nomn')} "
            f"{d.surname} ушёл. С {inflect(w.first, 'ablt')} {inflect(w.surname, 'ablt')} знаком.")


def only_in_act(d: Someone, w: Someone) -> tuple[str, str, str]:
    return (HIDDEN, HIDDEN,
            f"Подсудимый {d.surname} {d.initials()} вину признал. Свидетель {w.surname} показал, "
            f"а свидетель {inflect(w.surname, 'datv')} {w.initials()} разъяснены права.")


CLASSES = [caps_witness, latin_names, word_surnames, first_names, only_in_act]


def act_text(body: str) -> str:
    return (f"<p>ПРИГОВОР Именем Российской Федерации. Ивановский районный суд г. Иваново в составе "
            f"председательствующего судьи {JUDGE}, при секретаре судебного заседания.</p><p>{body}</p>"
            f"<p>Преступление совершено в г. Иваново. Председательствующий судья Эталонов А.С.</p>")


def generated_cases(seed: int) -> tuple[list[tuple[Case, str]], list[Someone]]:
    """Two cards per class, as (case, card HTML), and every party and witness on them."""
    rng = random.Random(seed)
    cases: list[tuple[Case, str]] = []
    everyone: list[Someone] = []
    for n, (kind, i) in enumerate(itertools.product(CLASSES, range(2))):
        d = people(rng, 1)[0]
        w = people(rng, 1, WORD_SURNAMES if kind is word_surnames else None)[0]
        if kind is first_names and i == 1:
            w = Someone(rng.choice(SURNAMES_F), *rng.choice(FIRST_F))
        defendant, advocate, body = kind(d, w)
        everyone += [d, w]
        case = Case(court="37GV0001", court_name="Ивановский гарнизонный военный суд", instance="first",
                    number=f"1-{n + 1}/2024", uid=f"37GV0001-01-2024-{n + 1:06d}-11",
                    articles=[("337", "5")], received=date(2024, 3, 1), decided=date(2024, 4, 2),
                    result="Вынесен ПРИГОВОР", judge=JUDGE, defendant=defendant, case_id=1000 + n,
                    case_uid=f"uid-{n}", doc_id=500 + n, act=act_text(body), act_title="Приговор")
        case.events = [("Судебное заседание", date(2024, 4, 2), "10:00", "Вынесен приговор", "")]
        html = render_card(case, act_inline=True).decode("cp1251")  # sudrf pages are windows-1251
        if advocate != HIDDEN:  # the advocate's row of the parties table (the first hidden name)
            assert HIDDEN in html
            html = html.replace(HIDDEN, advocate, 1)
        cases.append((case, html))
    return cases, everyone


def _hits(text: str, everyone: list[Someone]) -> list[str]:
    """Name words found as whole words; a surname that is a common word ("мороз") only when it is
    written as a name, capitalised (the weather in "был сильный мороз" is no one)."""
    cased = set(re.findall(r"[A-Za-zА-Яа-яЁё]+", text.replace("ё", "е").replace("Ё", "Е")))
    lower = {w.lower() for w in cased}
    hits = set()
    for person in everyone:
        common = {f for f in person.words() if person.surname in WORD_SURNAMES
                  and skeleton(f)[:3] == skeleton(person.surname)[:3]}
        for word in person.words():
            if word in common:
                if word.capitalize() in cased or word.upper() in cased:
                    hits.add(word)
            elif word in lower:
                hits.add(word)
    return sorted(hits)


@pytest.fixture(scope="module")
def leaky_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, list[Someone]]:
    reset_pseudonymizer()
    root = tmp_path_factory.mktemp("leaks")
    url = f"sqlite:///{root / 'leaks.db'}"
    store = open_store(url)
    cases, everyone = generated_cases(14)
    for case, html in cases:
        store.ingest_page(html.encode("cp1251"), source=f"{case.number}.html",
                          url=f"https://37gv.sudrf.ru/card/{case.case_id}")
    store.close()
    return url, root / "leaks.db", everyone


def test_generated_names_are_everyone_not_judges() -> None:
    cases, everyone = generated_cases(14)
    assert len(cases) == 10 and len(everyone) == 20
    assert all(not _hits(JUDGE, [p]) for p in everyone)
    assert any(p.surname in WORD_SURNAMES for p in everyone)
    html = "\n".join(h for _, h in cases)
    assert all(p.surname.upper() in html or p.surname in html or latin(p.surname) in html for p in everyone)


def test_store_file_wal_and_fts_vocabulary_hold_no_name(leaky_store: tuple[str, Path, list[Someone]]) -> None:
    _url, path, everyone = leaky_store
    blob = b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())
    text = blob.decode("utf-8", errors="ignore")
    assert not _hits(text, everyone)
    for kept in KEPT:
        assert kept in text, kept
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, acts_fts, row)")
        terms = " ".join(row[0] for row in conn.execute("SELECT term FROM temp.vocab"))
    assert terms and not _hits(terms, everyone)
    assert "эталонов" in terms and "иваново" in terms and "мороз" in terms


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_exports_hold_no_name(leaky_store: tuple[str, Path, list[Someone]], tmp_path: Path, fmt: str) -> None:
    url, _path, everyone = leaky_store
    result = CliRunner().invoke(app, ["export", "--format", fmt, "--out", str(tmp_path), "--db", url])
    assert result.exit_code == 0, result.output
    chunks: list[str] = []
    for file in tmp_path.rglob("*"):
        if file.suffix == ".parquet":
            chunks.append(json.dumps(pq.read_table(file).to_pylist(), ensure_ascii=False, default=str))
        elif file.is_file():
            chunks.append(file.read_text(encoding="utf-8", errors="ignore"))
    text = "\n".join(chunks)
    assert "P-" in text  # the persons table is there, as pseudonyms
    assert not _hits(text, everyone)


def test_dashboard_and_api_hold_no_name(leaky_store: tuple[str, Path, list[Someone]]) -> None:
    url, _path, everyone = leaky_store
    client = TestClient(create_app(url), raise_server_exceptions=False)
    rows = client.get("/api/cases", params={"page_size": 100}).json()["rows"]
    assert len(rows) == 10
    pages = ["/", "/cases", "/courts", "/sentences", "/api/cases?page_size=100"]
    pages += [f"/cases/{r['id']}" for r in rows] + [f"/api/cases/{r['id']}" for r in rows]
    seen = []
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        seen.append(response.text)
    text = "\n".join(seen)
    assert not _hits(text, everyone)
    assert "Эталонов" in text and "Иваново" in text


def test_one_person_one_pseudonym_across_fields() -> None:
    """The same person printed in full on one tab and by surname and initials, or by surname and
    first name, on another is one person."""
    pz = Pseudonymizer(b"leak tests secret, 32 bytes long", ner=False)
    rng = random.Random(3)
    for person in people(rng, 6):
        page: dict[str, Any] = {
            "kind": "case_card", "case": {"number": "1-1/2024", "judge": JUDGE},
            "persons": [{"name": person.full}, {"name": f"{person.surname} {person.initials()}"}],
            "sides": [{"name": f"{person.surname} {person.first}"}, {"name": person.surname.upper()},
                      {"name": f"{latin(person.surname)} {latin(person.first)[0]}.{latin(person.patronymic)[0]}."}],
        }
        out = depersonalise(page, pz)
        names = {p["name"] for p in out["persons"]} | {p["name"] for p in out["sides"]}
        assert len(names) == 1 and next(iter(names)).startswith("P-"), (person, names)


def test_transliteration_matches_both_ways() -> None:
    for surname in SURNAMES_M + WORD_SURNAMES:
        assert skeleton(latin(surname)) == skeleton(surname)
