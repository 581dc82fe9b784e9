"""Acts are read for facts at ingest; facts keep spans into the stored text; re-extraction."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from milcourt.store import Store, open_store
from milcourt.store import schema as s
from milcourt.store.facts import EXTRACTOR_VERSION, reextract, term_months
from storebuilder import Case, add

REPO = Path(__file__).resolve().parent.parent


def _an_act() -> tuple[str, dict]:
    """A labelled verdict of the development corpus (text, label)."""
    import json

    txt = sorted((REPO / "tests" / "acts" / "corpus").glob("*.txt"))[0]
    return txt.read_text(encoding="utf-8"), json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))


def test_ingest_stores_facts_and_spans(store_url: str) -> None:
    text, label = _an_act()
    store = open_store(store_url)
    case_id = add(store, Case("61GV0004", "1-1/2024", "2024-02-01", act=text))
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(s.act_facts).where(s.act_facts.c.case_id == case_id)).one()
        motives = {m for (m,) in conn.execute(sa.select(s.act_motives.c.motive))}
    assert row.error is None and row.extractor_version == EXTRACTOR_VERSION
    assert row.doc_type == label["doc_type"]
    assert row.sentence_kind == (label["sentence"] or {}).get("kind")
    assert row.facts["case_number"] == label["case_number"]
    assert motives == set(row.facts["motives"])
    for span in row.spans:  # every span points into the stored text
        assert 0 <= span["start"] < span["end"] <= len(text)
    number = next(sp for sp in row.spans if sp["field"] == "case_number")
    assert text[number["start"]:number["end"]] == label["case_number"]
    store.close()


def test_reextract_redoes_outdated_acts(tmp_path: Path) -> None:
    text, _ = _an_act()
    store = open_store(f"sqlite:///{tmp_path / 'm.db'}")
    add(store, Case("61GV0004", "1-1/2024", "2024-02-01", act=text))
    assert reextract(store.engine) == 0  # all current
    with store.engine.begin() as conn:
        conn.execute(sa.update(s.act_facts).values(extractor_version="old", sentence_kind="fine"))
    assert reextract(store.engine) == 1
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(s.act_facts.c.extractor_version)).scalar() == EXTRACTOR_VERSION
    assert reextract(store.engine, only_outdated=False) == 1


def test_term_in_months() -> None:
    assert term_months({"kind": "imprisonment", "years": 5, "months": 6, "days": None}) == 66
    assert term_months({"kind": "disciplinary_unit", "years": None, "months": 8, "days": 15}) == 8.5
    assert term_months({"kind": "fine", "years": None, "months": None, "days": None}) is None
    assert term_months({"kind": "suspended", "years": None, "months": None, "days": None}) is None


def test_extract_cli_reextracts_a_store(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from milcourt.cli import app

    text, _ = _an_act()
    url = f"sqlite:///{tmp_path / 'c.db'}"
    store = open_store(url)
    add(store, Case("61GV0004", "1-1/2024", "2024-02-01", act=text))
    with store.engine.begin() as conn:
        conn.execute(sa.update(s.act_facts).values(extractor_version="old"))
    store.close()
    result = CliRunner().invoke(app, ["extract", "--db", url])
    assert result.exit_code == 0 and "re-extracted 1 acts" in result.output
    assert "re-extracted 1 acts" in CliRunner().invoke(app, ["extract", "--db", url, "--all"]).output
    assert CliRunner().invoke(app, ["extract"]).exit_code == 2


def test_changed_card_reuses_facts_of_its_unchanged_act(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new version of a card (here: the decision date appears) re-attaches the same act text;
    its facts are copied from the version before, not extracted again, and are the same."""
    import json

    import milcourt.store.facts as facts_module
    from storebuilder import page_of, site_url

    def add(store: Store, case: Case) -> int | None:  # distinct raw bytes per card version (storebuilder.add keys them on less)
        page = page_of(case)
        data = json.dumps(page, ensure_ascii=False, sort_keys=True).encode()
        return store.ingest_parsed(page, data, source=site_url(case), url=site_url(case)).case_id

    text, _ = _an_act()
    store = open_store(store_url)
    case_id = add(store, Case("61GV0004", "1-7/2024", "2024-02-01", act=text))
    calls: list[str] = []
    real = facts_module._extract
    monkeypatch.setattr(facts_module, "_extract", lambda t: calls.append(t) or real(t))
    add(store, Case("61GV0004", "1-7/2024", "2024-02-01", act=text, decided="2024-03-01"))
    assert calls == []  # same text, same extractor version: nothing re-read
    add(store, Case("61GV0004", "1-7/2024", "2024-02-01", act=text + "\nПриложение.", decided="2024-03-02"))
    assert len(calls) == 1  # a changed text is read again
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(s.act_facts).where(s.act_facts.c.case_id == case_id)
                            .order_by(s.act_facts.c.version)).all()
        motives = conn.execute(sa.select(s.act_motives.c.act_id, s.act_motives.c.motive)
                               .order_by(s.act_motives.c.act_id, s.act_motives.c.motive)).all()
    assert [r.version for r in rows] == [1, 2, 3]
    assert rows[0].facts == rows[1].facts and rows[0].spans == rows[1].spans
    assert rows[0].doc_type == rows[1].doc_type and rows[0].sentence_kind == rows[1].sentence_kind
    by_act: dict[int, list[str]] = {}
    for act_id, motive in motives:
        by_act.setdefault(act_id, []).append(motive)
    assert by_act.get(rows[1].act_id, []) == sorted(set(rows[1].facts["motives"]))
    store.close()
