"""Charges keep their stage in the store; reading stages changes no unchanged case."""

from __future__ import annotations

import copy
from datetime import datetime

import sqlalchemy as sa

from milcourt.store import open_store
from milcourt.store.query import article_label, articles_of
from milcourt.store.schema import case_versions, charges
from storebuilder import Case, page_of, site_url

CASE = Case("61GV0004", "1-40/2024", "2024-03-05", [("337", "5")], decided="2024-05-02")


def test_a_stage_is_stored_and_labelled(store_url: str) -> None:
    store = open_store(store_url)
    page = page_of(Case("61GV0004", "1-41/2024", "2024-03-05", [("337", "5", "attempt"), ("338", "1")]))
    result = store.ingest_parsed(page, b"1-41", source="card", url=site_url(CASE))
    with store.engine.connect() as conn:
        stages = conn.execute(sa.select(charges.c.article, charges.c.stage).order_by(charges.c.charge_no)).all()
        listed = articles_of(conn, [result.case_id])[result.case_id]
    assert [tuple(r) for r in stages] == [("337", "attempt"), ("338", None)]
    assert [article_label(a) for a in listed] == ["ч.3 ст.30, ст.337 ч.5 УК РФ", "ст.338 ч.1 УК РФ"]


def test_a_card_parsed_before_stages_existed_is_unchanged(store_url: str) -> None:
    """The same card read by the earlier parser (no ``stage`` key) and by this one (``stage``
    null) is one version: reading stages must not make every stored case look changed."""
    store = open_store(store_url)
    new = page_of(CASE)
    old = copy.deepcopy(new)
    for person in old["persons"]:
        for article in person["articles"]:
            del article["stage"]
    first = store.ingest_parsed(old, b"old bytes", source="card", url=site_url(CASE), fetched_at=datetime(2025, 1, 1))
    again = store.ingest_parsed(new, b"new bytes", source="card", url=site_url(CASE), fetched_at=datetime(2025, 2, 1))
    assert (first.status, again.status) == ("new", "unchanged")
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(case_versions)).scalar_one() == 1
