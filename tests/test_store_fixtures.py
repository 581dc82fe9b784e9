"""Real court pages through the whole ingest (parser + pseudonymiser + store), on both back ends."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import sqlalchemy as sa
from typer.testing import CliRunner

import store_pages as pages
from milcourt.cli import app
from milcourt.store import open_store
from milcourt.store.query import info, list_cases, list_proceedings

CARD_FIXTURES = ["kirov_koap.html", "ksoyu_card_criminal.html", "leninsky_ufa_criminal.html", "sgs_1inst.html"]
SGS_URL = "http://syktsud.komi.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=1"


def test_ingest_cli_reads_every_fixture_and_reports_failures(store_url: str, sudrf_fixtures: Path,
                                                             tmp_path: Path) -> None:
    missing = tmp_path / "gone.html"
    first = CliRunner().invoke(app, ["ingest", str(sudrf_fixtures), str(missing), "--db", store_url])
    assert first.exit_code == 1  # one file failed
    assert f"{missing}" in first.stderr and "error" in first.stderr
    files = len([p for p in sudrf_fixtures.iterdir() if p.is_file()])
    others = files - len(CARD_FIXTURES)
    assert (f"{files + 1} files read: {len(CARD_FIXTURES)} cases new, 0 updated, 0 unchanged, "
            f"{others} pages not case cards, 1 failed") in first.stderr
    store = open_store(store_url)
    with store.engine.connect() as conn:
        before = info(conn)
        rows = list_cases(conn)
    assert before["counts"]["cases"] == len(CARD_FIXTURES)
    assert sorted(r["number"] for r in rows) == ["1-151/2026", "2-7212/2025", "5-174/2026", "7У-1297/2026"]

    again = CliRunner().invoke(app, ["ingest", str(sudrf_fixtures), "--db", store_url])
    assert again.exit_code == 0, again.stderr
    assert (f"{files} files read: 0 cases new, 0 updated, {len(CARD_FIXTURES)} unchanged, "
            f"{others} pages not case cards, 0 failed") in again.stderr
    with store.engine.connect() as conn:
        assert info(conn) == before


def test_real_first_instance_and_its_reviews_are_one_proceeding(store_url: str, sudrf_fixtures: Path) -> None:
    """sgs_1inst.html as parsed, with its appeal and cassation cards, in every order."""
    data = (sudrf_fixtures / "sgs_1inst.html").read_bytes()
    reviews = [(pages.sgs_appeal, "http://vs.komi.sudrf.ru/modules.php?name=sud_delo&case_id=2"),
               (pages.sgs_cassation, "https://3kas.sudrf.ru/modules.php?name=sud_delo&case_id=3")]
    steps = [("real", SGS_URL), *reviews]
    for n, order in enumerate(itertools.permutations(steps)):
        url = store_url if n == 0 else _another(store_url, n)
        store = open_store(url)
        for make, page_url in order:
            if make == "real":
                store.ingest_page(data, source="sgs_1inst.html", url=SGS_URL)
            else:
                page = make()  # type: ignore[operator]
                store.ingest_parsed(page, pages.raw(page), source=page_url, url=page_url)
        with store.engine.connect() as conn:
            (row,) = list_proceedings(conn, uid=pages.SGS_UID)
        store.close()
        assert [(i["instance"], i["court_code"]) for i in row["instances"]] == [
            ("first", "11RS0001"), ("appeal", "11OS0000"), ("cassation", "78KJ0003")], order


def _another(store_url: str, n: int) -> str:
    if store_url.startswith("sqlite"):
        return store_url.replace("milcourt.db", f"milcourt{n}.db")
    import psycopg

    base, _, name = store_url.rpartition("/")
    with psycopg.connect(store_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}_{n}"')
    return f"{base}/{name}_{n}"


def test_party_names_never_reach_the_store(store_url: str, sudrf_fixtures: Path) -> None:
    store = open_store(store_url)
    for path in sorted(sudrf_fixtures.glob("*.html")):
        store.ingest_page(path.read_bytes(), source=path.name)
    with store.engine.connect() as conn:
        pseudonyms = conn.execute(sa.text("SELECT pseudonym FROM persons")).scalars().all()
    assert any(re.fullmatch(r"P-[0-9a-f]{6}", p or "") for p in pseudonyms)
    from no_names import assert_no_names, store_bytes

    assert_no_names(store_bytes(store))
