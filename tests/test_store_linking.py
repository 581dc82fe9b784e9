"""Cards of one matter in different instances form one proceeding, whatever order they arrive in."""

from __future__ import annotations

import itertools

import pytest
import sqlalchemy as sa

import store_pages as pages
from milcourt.store import keys, open_store
from milcourt.store.query import list_proceedings
from milcourt.store.schema import cases

SGS = [
    (pages.sgs_first, "http://syktsud.komi.sudrf.ru/modules.php?name=sud_delo&case_id=1"),
    (pages.sgs_appeal, "http://vs.komi.sudrf.ru/modules.php?name=sud_delo&case_id=2"),
    (pages.sgs_cassation, "https://3kas.sudrf.ru/modules.php?name=sud_delo&case_id=3"),
]
MILITARY = [
    (pages.garrison_first, "http://gvs.krd.sudrf.ru/modules.php?name=sud_delo&case_id=11"),
    (pages.district_appeal, "http://yovs.ros.sudrf.ru/modules.php?name=sud_delo&case_id=12"),
    (pages.military_cassation, "http://vkas.sudrf.ru/modules.php?name=sud_delo&case_id=13"),
]


@pytest.fixture
def fresh_url(store_url: str, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """A new empty store per call, on the same back end as ``store_url``."""
    counter = itertools.count()

    def make() -> str:
        n = next(counter)
        if n == 0:
            return store_url
        if store_url.startswith("sqlite"):
            return store_url.replace("milcourt.db", f"milcourt{n}.db")
        return str(request.getfixturevalue("pg_server").new_database())

    return make


@pytest.mark.parametrize("matter", ["sgs", "military"])
def test_three_instances_one_proceeding_in_any_order(fresh_url, matter: str) -> None:  # type: ignore[no-untyped-def]
    cards = SGS if matter == "sgs" else MILITARY
    for order in itertools.permutations(cards):
        store = open_store(fresh_url())
        for make, url in order:
            page = make()
            store.ingest_parsed(page, pages.raw(page), source=url.rsplit("=", 1)[-1] + ".html", url=url)
        with store.engine.connect() as conn:
            rows = list_proceedings(conn)
            linked = conn.execute(sa.select(sa.func.count()).select_from(cases)
                                  .where(cases.c.proceeding_id.is_not(None))).scalar_one()
        store.close()
        assert linked == 3
        assert len(rows) == 1, (order, rows)
        assert [i["instance"] for i in rows[0]["instances"]] == ["first", "appeal", "cassation"]


def test_sgs_instances_and_courts(store_url: str) -> None:
    store = open_store(store_url)
    for make, url in SGS:
        page = make()
        store.ingest_parsed(page, pages.raw(page), source="x", url=url)
    with store.engine.connect() as conn:
        (row,) = list_proceedings(conn, uid=pages.SGS_UID)
    assert [(i["court_code"], i["number"]) for i in row["instances"]] == [
        ("11RS0001", "2-7212/2025"), ("11OS0000", "33-6190/2025"), ("78KJ0003", "8Г-3318/2026")]
    assert row["uids"] == [pages.SGS_UID]


def test_unrelated_cards_stay_apart(store_url: str) -> None:
    store = open_store(store_url)
    for make, url in (SGS[0], MILITARY[0]):
        page = make()
        store.ingest_parsed(page, pages.raw(page), source="x", url=url)
    with store.engine.connect() as conn:
        assert len(list_proceedings(conn)) == 2


@pytest.mark.parametrize(("court", "number", "lower", "expected"), [
    ("61GV0004", "1-57/2024", None, "first"),
    ("11RS0001", "2-7212/2025", None, "first"),
    ("11RS0001", "12-44/2025", None, "first"),           # complaint against an official's decision
    ("11RS0001", "10-12/2025", {"court": "мировой судья"}, "appeal"),
    ("61OV0000", "22-311/2024", {"court": "x"}, "appeal"),
    ("61OV0000", "1-3/2024", None, "first"),              # district military court as first instance
    ("11OS0000", "33-6190/2025", {"court": "x"}, "appeal"),
    ("50AV0000", "22-100/2024", None, "appeal"),
    ("54KV0000", "77-102/2025", None, "cassation"),
    ("78KJ0003", "8Г-3318/2026", {"court": "x"}, "cassation"),
    ("UNKNOWN", "7У-1/2025", None, "cassation"),
    ("UNKNOWN", "5-9/2025", None, "first"),
])
def test_instance_from_court_number_and_lower_court(court: str, number: str, lower, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert keys.derive_instance(court, number, lower) == expected


@pytest.mark.parametrize(("uid", "url", "source", "expected"), [
    ("61GV0004-01-2024-000197-32", None, "card.html", ("61GV0004", "uid")),
    ("11RS0001-01-2025-011255-03", "http://vs.komi.sudrf.ru/modules.php", "x", ("11OS0000", "url")),
    (None, None, "https://gvs.krd.sudrf.ru/modules.php?name=sud_delo", ("61GV0004", "source")),
    (None, None, "saved/card.html", ("UNKNOWN", "unknown")),
])
def test_court_code(uid, url, source, expected) -> None:  # type: ignore[no-untyped-def]
    assert keys.court_code_for(uid, url, source) == expected


def test_linked_by_lower_court_name_and_number_alone(store_url: str) -> None:
    """Neither the cassation card nor its acts show a UID: its lower-court block joins it to the appeal."""
    store = open_store(store_url)
    cassation = pages.sgs_cassation()
    cassation["acts"] = []
    for page, url in ((cassation, SGS[2][1]), (pages.sgs_appeal(), SGS[1][1])):
        store.ingest_parsed(page, pages.raw(page), source="x", url=url)
    with store.engine.connect() as conn:
        (row,) = list_proceedings(conn)
    assert [i["instance"] for i in row["instances"]] == ["appeal", "cassation"]


def test_court_names_resolve_only_when_unambiguous() -> None:
    from milcourt.store import courtref

    assert courtref.code_for_name("Верховный Суд Республики Коми") == "11OS0000"
    assert courtref.code_for_name("Сыктывкарский городской суд Республики Коми") == "11RS0001"
    assert courtref.code_for_name("Краснодарский гарнизонный военный суд") == "61GV0004"
    assert courtref.code_for_name("Промышленный районный суд") is None  # several courts bear this name
