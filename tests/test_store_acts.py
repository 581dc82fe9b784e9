"""An act's own page (``name_op=doc``) is stored as an act of its case, once, names scrubbed."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from milcourt.simulate.pages import card_url, render_card, render_doc
from milcourt.simulate.population import generate
from milcourt.store import open_store
from milcourt.store.schema import act_facts, acts, snapshots

ROOT = "http://gvs.enn.sudrf.ru"


@pytest.fixture(scope="module")
def case():  # type: ignore[no-untyped-def]
    return next(c for c in generate(seed=2, cases=300).cases if c.instance == "first" and c.act and c.defendant)


def test_an_act_page_joins_its_case(store_url: str, case) -> None:  # type: ignore[no-untyped-def]
    store = open_store(store_url)
    url = card_url(ROOT, case)
    card = store.ingest_page(render_card(case, ROOT, early=True), source="card.html", url=url)  # no act yet
    doc = render_doc(case, ROOT)
    result = store.ingest_act(doc, source="doc.html", url=f"{ROOT}/doc", case_url=url)
    assert (result.status, result.case_id, result.version) == ("updated", card.case_id, card.version)
    with store.engine.connect() as conn:
        stored = conn.execute(sa.select(acts)).one()
        kinds = conn.execute(sa.select(snapshots.c.kind).order_by(snapshots.c.kind)).scalars().all()
        n_facts = conn.execute(sa.select(sa.func.count()).select_from(act_facts)).scalar_one()
    assert stored.case_id == card.case_id and stored.title.startswith("Приговор")
    assert "ПРИГОВОР" in stored.text.upper() and case.defendant.split()[0] not in stored.text
    assert kinds == ["act", "case_card"] and n_facts == 1
    again = store.ingest_act(doc, source="doc.html", url=f"{ROOT}/doc", case_url=url)
    assert again.status == "unchanged"


def test_the_act_link_back_finds_the_case_without_the_crawler_s_card_url(store_url: str, case) -> None:  # type: ignore[no-untyped-def]
    store = open_store(store_url)
    store.ingest_page(render_card(case, ROOT, early=True), source="card.html", url=card_url(ROOT, case))
    assert store.ingest_act(render_doc(case, ROOT), source="doc.html", case_url=None).status == "updated"


def test_an_act_of_an_unknown_case_or_a_card_is_refused(store_url: str, case) -> None:  # type: ignore[no-untyped-def]
    store = open_store(store_url)
    with pytest.raises(ValueError, match="doc.html: act page of a case not in the store"):
        store.ingest_act(render_doc(case, ROOT), source="doc.html", case_url=card_url(ROOT, case))
    with pytest.raises(ValueError, match="card.html: expected an act page, got case_card"):
        store.ingest_act(render_card(case, ROOT), source="card.html", case_url=None)
