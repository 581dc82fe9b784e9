"""Change sets written by ingest: each run records new, decided, new act, instance linked, removed.

Cards are the simulator's rendered pages (realistic markup, parsed and pseudonymised by the real
store), changed the way a court's site changes them between two crawls.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from milcourt.simulate import acts
from milcourt.simulate.pages import act_on_own_page, card_url, doc_url, render_card, render_doc
from milcourt.simulate.population import Case, generate
from milcourt.store import open_store
from milcourt.store.changes import RunCoverage, finish_run, last_runs, run_changes, start_run


@pytest.fixture(scope="module")
def population():  # type: ignore[no-untyped-def]
    return generate(seed=5, cases=60, courts=2)


def _ingest(store, case: Case, when: datetime):  # type: ignore[no-untyped-def]
    url = f"http://127.0.0.1/{case.court}/modules.php?name=sud_delo&name_op=case&case_id={case.case_id}"
    return store.ingest_page(render_card(case, f"/{case.court}"), source=url, url=url, fetched_at=when,
                             synthetic=True)


def _kinds(store, run: int) -> set[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    return {(c["court_code"], c["number"], c["instance"], c["kind"]) for c in run_changes(store.engine, run)}


def test_a_run_records_exactly_what_ingest_changed(store_url: str, population) -> None:  # type: ignore[no-untyped-def]
    store = open_store(store_url)
    pending = next(c for c in population.cases if c.instance == "first" and c.decided is None)
    verdict = next(c for c in population.cases if c.instance == "first" and c.result == "Вынесен ПРИГОВОР"
                   and c.act is None and not any(a.lower is c for a in population.cases))
    plain = next(c for c in population.cases if c.instance == "first" and c.decided and c is not verdict)
    t0 = datetime(2025, 7, 16, tzinfo=UTC)

    store.run_id = first = start_run(store.engine, courts=2, synthetic=True)
    for case in (pending, verdict, plain):
        _ingest(store, case, t0)
    finish_run(store.engine, first, RunCoverage(courts=2, courts_reached=2, requests=3), status="finished")
    assert _kinds(store, first) == {(c.court, c.number.upper(), "first", "new") for c in (pending, verdict, plain)}

    # the next day: the pending case decided, the verdict's act published and appealed, plain gone
    decided = copy.copy(pending)
    decided.decided, decided.result = t0.date(), "Вынесен ПРИГОВОР"
    decided.events = [*pending.events, ("Судебное заседание", t0.date(), "10:00", "Постановление приговора", "")]
    with_act = copy.copy(verdict)
    with_act.act_title, with_act.act, with_act.act_facts = acts.first_instance_act(__import__("random").Random(1), verdict)
    appeal = copy.copy(verdict)
    appeal.court, appeal.instance, appeal.number, appeal.lower = verdict.court, "appeal", "22-900/2025", verdict
    appeal.case_id, appeal.decided, appeal.result, appeal.act = verdict.case_id + 1, None, None, None
    t1 = t0 + timedelta(days=1)
    store.run_id = second = start_run(store.engine, courts=2, synthetic=True)
    _ingest(store, decided, t1)
    _ingest(store, with_act, t1)
    _ingest(store, with_act, t1)  # the same page again (a resumed run): nothing twice
    _ingest(store, appeal, t1)
    _ingest(store, plain, t1)  # the same content: no news
    assert store.mark_removed(plain.court, plain.number, "first", t1)
    assert _kinds(store, second) == {
        (pending.court, pending.number.upper(), "first", "decided"),
        (verdict.court, verdict.number.upper(), "first", "new_act"),
        (verdict.court, verdict.number.upper(), "first", "instance_linked"),
        (appeal.court, "22-900/2025", "appeal", "new"),
        (plain.court, plain.number.upper(), "first", "removed"),
    }
    finish_run(store.engine, second, RunCoverage(courts=2, courts_reached=1, blocked_courts=("99GV0001",),
                                                 requests=7), status="finished")
    runs = last_runs(store.engine)
    assert [(r["id"], r["new"], r["changed"], r["removed"], r["courts_blocked"]) for r in runs] == [
        (second, 1, 2, 1, 1), (first, 3, 0, 0, 0)]


def test_without_a_run_ingest_records_no_changes(tmp_path: Path, population) -> None:  # type: ignore[no-untyped-def]
    store = open_store(f"sqlite:///{tmp_path}/m.db")
    case = next(c for c in population.cases if c.instance == "first")
    assert _ingest(store, case, datetime(2025, 7, 16, tzinfo=UTC)).status == "new"
    assert last_runs(store.engine) == []
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM case_changes").scalar() == 0


def test_an_act_on_a_page_of_its_own_is_news_once(store_url: str) -> None:  # type: ignore[no-untyped-def]
    store = open_store(store_url)
    pop = generate(seed=2, cases=300)
    early, linked = [c for c in pop.cases if c.instance == "first" and c.act and act_on_own_page(c)][:2]
    t0 = datetime(2025, 7, 16, tzinfo=UTC)

    def doc(case: Case, when: datetime) -> None:
        root = f"http://127.0.0.1/{case.court}"
        store.ingest_act(render_doc(case, root), source=doc_url(root, case), url=doc_url(root, case),
                         case_url=card_url(root, case), fetched_at=when, synthetic=True)

    def card(case: Case, when: datetime, *, first_version: bool = False) -> None:
        url = card_url(f"http://127.0.0.1/{case.court}", case)
        store.ingest_page(render_card(case, f"http://127.0.0.1/{case.court}", early=first_version), source=url,
                          url=url, fetched_at=when, synthetic=True)

    store.run_id = first = start_run(store.engine, courts=1, synthetic=True)
    card(early, t0, first_version=True)  # no act yet
    card(linked, t0)
    doc(linked, t0)  # new in this run: "new" says it all
    assert _kinds(store, first) == {(c.court, c.number.upper(), "first", "new") for c in (early, linked)}
    t1 = t0 + timedelta(days=1)
    store.run_id = second = start_run(store.engine, courts=1, synthetic=True)
    card(early, t1)  # the card now links its act
    doc(early, t1)
    doc(linked, t1)  # known already
    assert _kinds(store, second) == {(early.court, early.number.upper(), "first", "new_act")}
    store.run_id = third = start_run(store.engine, courts=1, synthetic=True)
    doc(early, t1 + timedelta(days=1))
    assert _kinds(store, third) == set()
