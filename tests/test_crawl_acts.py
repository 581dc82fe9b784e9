"""The crawler's last pipeline stores an act's own page against the case of the card it came from."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import sqlalchemy as sa

from milcourt.crawl.pipelines import IngestIntoStore, PageItem
from milcourt.simulate.pages import card_url, render_card, render_doc
from milcourt.simulate.population import generate
from milcourt.store import open_store
from milcourt.store.schema import acts

ROOT = "http://127.0.0.1:8080/54GV0003"


def _stage(store) -> IngestIntoStore:  # type: ignore[no-untyped-def]
    """The pipeline stage with just the crawler parts it reads for an act: the spider's store."""
    journal = SimpleNamespace(record=lambda *a: None)
    spider = SimpleNamespace(store=store, report=None, journal=journal, request_done=lambda court: None)
    return IngestIntoStore(SimpleNamespace(spider=spider))  # type: ignore[arg-type]


def test_an_act_page_fetched_from_a_card_joins_its_case(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    case = next(c for c in generate(seed=4, cases=200).cases if c.act and c.instance == "first")
    url = card_url(ROOT, case)
    store.ingest_page(render_card(case, ROOT, early=True), source=url, url=url)
    item = PageItem(url=f"{ROOT}/modules.php?name=sud_delo&name_op=doc&number={case.doc_id}", court=case.court,
                    role="act", body=render_doc(case, ROOT), fetched_at=datetime.now(UTC), card_url=url)
    assert _stage(store).process_item(item) is item
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(acts)).scalar_one() == 1


def test_a_file_or_a_gate_in_place_of_an_act_stays_in_the_archive_only(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    for body in (b"%PDF-1.4 ...", b"<html><body>Service Unavailable</body></html>"):
        item = PageItem(url=f"{ROOT}/act.pdf", court="54GV0003", role="act", body=body,
                        fetched_at=datetime.now(UTC), card_url=f"{ROOT}/card")
        assert _stage(store).process_item(item) is item  # no error: the crawl goes on
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(acts)).scalar_one() == 0
