"""The dashboard: pages, JSON API, read-only, and inert against hostile input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from milcourt.publish.web.app import create_app
from milcourt.store import open_store
from storebuilder import Case, add

XSS = '<script>alert("x")</script>'
HOSTILE_ACT = (
    "ПРИГОВОР Именем Российской Федерации. Краснодарский гарнизонный военный суд ... "
    f"самовольно оставил часть {XSS} <img src=x onerror=alert(1)> признать виновным"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    store = open_store(url)
    add(store, Case("61GV0004", "1-10/2024", "2024-03-05", [("337", "5")], decided="2024-05-02",
                    uid="61GV0004-01-2024-000010-11", act=HOSTILE_ACT,
                    facts={"sentence_kind": "imprisonment", "term_months": 60, "regime": "general"},
                    motives=("fear",)))
    add(store, Case("61OV0000", "22-5/2024", "2024-06-01", [("337", "5")], instance="appeal",
                    uid="61GV0004-01-2024-000010-11",
                    lower={"court": "Краснодарский гарнизонный военный суд", "number": "1-10/2024",
                           "judge": None, "decided": None}))
    add(store, Case("77GV0001", "1-3/2024", "2024-04-10", [("338", "1")]))
    store.close()
    return url


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(db), raise_server_exceptions=False)


def _case_id(client: TestClient, number: str) -> int:
    rows = client.get("/api/cases", params={"page_size": 100}).json()["rows"]
    return next(r["id"] for r in rows if r["number"] == number)


@pytest.mark.parametrize("path", ["/", "/sentences", "/courts", "/cases", "/downloads", "/docs",
                                  "/openapi.json", "/?lang=en", "/cases?text=самовольно"])
def test_pages_answer(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, path
    assert "cdn.jsdelivr" not in response.text and "unpkg" not in response.text


def test_russian_by_default_english_on_request(client: TestClient) -> None:
    client.cookies.clear()
    assert "Обзор" in client.get("/").text
    english = client.get("/?lang=en")
    assert "Overview" in english.text
    assert "Overview" in client.get("/cases", cookies={"lang": "en"}).text


def test_api_stats_and_cases(client: TestClient) -> None:
    stats = client.get("/api/stats", params={"by": "article,instance"}).json()
    assert {(r["article"], r["instance"]): r["n"] for r in stats["rows"]} == {
        ("337", "first"): 1, ("337", "appeal"): 1, ("338", "first"): 1}
    by_court = client.get("/api/stats", params={"by": "court"}).json()["rows"]
    assert all(r["court_name"] and r["court_name"].endswith("военный суд") for r in by_court)  # name beside code
    found = client.get("/api/cases", params={"text": "самовольно оставил"}).json()
    assert [r["number"] for r in found["rows"]] == ["1-10/2024"]
    case = client.get(f"/api/cases/{_case_id(client, '22-5/2024')}").json()
    assert sorted(i["number"] for i in case["instances"]) == ["1-10/2024", "22-5/2024"]


def test_case_page_shows_instances_and_marks_facts_inertly(client: TestClient) -> None:
    page = client.get(f"/cases/{_case_id(client, '1-10/2024')}").text
    assert "22-5/2024" in page  # the linked appeal
    assert XSS not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page or "&lt;script&gt;" in page


@pytest.mark.parametrize("params", [
    {"text": XSS}, {"text": "'; DROP TABLE cases; --"}, {"text": '" OR 1=1 --'}, {"text": "NEAR(a b)"},
    {"text": "*"}, {"text": "самовольно\" OR \"1"},
])
def test_search_payloads_are_inert(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/cases", params=params)
    assert response.status_code == 200
    assert XSS not in response.text
    assert client.get("/api/cases", params=params).status_code == 200


@pytest.mark.parametrize("params", [
    {"article": "337' OR '1'='1"}, {"court": "61GV0004; DROP TABLE cases"}, {"part": "5 UNION SELECT 1"},
    {"instance": "first' --"}, {"since": "2024-13-45"}, {"page": "-1"}, {"page_size": "100000"},
    {"sort": "id; DROP TABLE cases"}, {"text": "x" * 5000}, {"article": XSS}, {"district": "../../etc"},
])
def test_malformed_filters_get_a_4xx(client: TestClient, params: dict[str, str]) -> None:
    paths = ["/cases", "/api/cases"]
    if set(params) <= {"article", "court", "part", "instance", "since", "district"}:
        paths += ["/", "/api/stats"]  # the filters the overview and stats take too
    for path in paths:
        response = client.get(path, params=params)
        assert 400 <= response.status_code < 500, (path, params, response.status_code)
        assert XSS not in response.text


def test_stats_api_refuses_unknown_fields(client: TestClient) -> None:
    assert client.get("/api/stats", params={"by": "name"}).status_code == 400
    assert client.get("/api/stats", params={"by": "court;drop"}).status_code == 422


@pytest.mark.parametrize("path", ["/downloads/../../etc/passwd", "/downloads/..%2F..%2Fetc%2Fpasswd",
                                  "/downloads/cases.exe", "/downloads/archive.csv", "/static/../../pyproject.toml",
                                  f"/cases/{XSS}", "/cases/99999999", "/cases/-3"])
def test_paths_are_refused(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert 400 <= response.status_code < 500, path
    assert XSS not in response.text
    assert "root:" not in response.text and "[project]" not in response.text


def test_downloads(client: TestClient) -> None:
    csv_body = client.get("/downloads/cases.csv")
    assert csv_body.status_code == 200 and csv_body.text.startswith("id,court_code,court_name,number")
    lines = client.get("/downloads/charges.jsonl").text.splitlines()
    assert {json.loads(line)["article"] for line in lines} == {"337", "338"}
    assert client.get("/downloads/cases.parquet").content[:4] == b"PAR1"


def test_no_endpoint_writes(client: TestClient, db: str) -> None:
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/cases").status_code in (404, 405)
    engine = client.app.state.site.engine  # type: ignore[attr-defined]
    with engine.connect() as conn, pytest.raises(sa.exc.OperationalError):
        conn.execute(sa.text("DELETE FROM cases"))


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no store at"):
        create_app(f"sqlite:///{tmp_path / 'none.db'}")


@pytest.mark.parametrize("filters", [
    {}, {"text": "самовольно оставил"}, {"text": "самовольно", "article": "337"}, {"article": "337", "sort": "court"},
    {"text": "нет такой фразы"}, {"text": "самовольно", "page": 2}, {"instance": "appeal", "descending": False},
])
def test_cached_pages_equal_the_plain_query(db: str, filters: dict[str, object]) -> None:
    """The cache (ids kept per search, pages sliced from them) answers what the SQL answers."""
    from milcourt.publish.web.cache import AnswerCache
    from milcourt.publish.web.queries import CaseFilter, cached_cases, list_cases

    engine = sa.create_engine(db)
    cache = AnswerCache()
    for page_size in (1, 2, 25):
        f = CaseFilter(page_size=page_size, **filters)  # type: ignore[arg-type]
        with engine.connect() as conn:
            expected = list_cases(conn, f)
        assert cached_cases(engine, cache, f) == expected
        assert cached_cases(engine, cache, f) == expected  # from the cache


def test_answer_cache_computes_once_for_concurrent_readers() -> None:
    import threading
    import time

    from milcourt.publish.web.cache import AnswerCache

    cache, calls = AnswerCache(size=2, ttl=60), []

    def slow() -> int:
        calls.append(1)
        time.sleep(0.2)
        return 42

    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(cache.get("k", slow))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [42] * 8 and len(calls) == 1
    for key in ("a", "b", "c"):
        cache.get(key, lambda: 0)
    assert cache.get("k", lambda: -1) == -1  # the oldest went when a third key came (size 2)
    with pytest.raises(ZeroDivisionError):
        cache.get("boom", lambda: 1 // 0)
    assert cache.get("boom", lambda: 7) == 7  # a failure is not kept


def test_warm_start_and_uncached_mode_answer_the_same(db: str) -> None:
    """``milcourt serve`` warms the overview at start; with the cache off, pages read the store each time."""
    import threading

    warmed = TestClient(create_app(db, warm=True), raise_server_exceptions=False)
    for thread in threading.enumerate():
        if thread.name == "milcourt-warm":
            thread.join(timeout=30)
    plain = TestClient(create_app(db, cache_seconds=0), raise_server_exceptions=False)
    for path in ("/", "/?article=337", "/cases?text=самовольно", "/api/stats?by=article"):
        assert warmed.get(path).text == plain.get(path).text, path
