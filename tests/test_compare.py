"""compare: our count beside the official and published figures, and the sentences explaining them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import (
    create_engine,
)

from milcourt.reference import read_official_csv
from milcourt.stats.compare import compare
from milcourt.stats.official import official_by_year
from milcourt.stats.ours import our_counts_from_store
from milcourt.stats.published import read_published


@pytest.fixture(scope="module")
def official_337() -> dict[int, int]:
    """Persons convicted under art. 337 per year, from the form 10-a figures milcourt ships."""
    return {r["year"]: r["convicted"] for r in read_official_csv() if (r["article"], r["part"]) == ("337", "")}


def test_shape_without_our_count(official_337: dict[int, int]) -> None:
    figures = read_published().figures
    result = compare("337", official_337, figures, None, our_note="store empty", official_summed=True)
    years = [r for r in result.rows if r["kind"] == "year"]
    spans = [r for r in result.rows if r["kind"] == "span"]
    assert [r["year"] for r in years] == list(range(2013, 2026))
    y2021 = next(r for r in years if r["year"] == 2021)
    assert y2021["ours"] == {"value": None, "counts": "cases", "note": "store empty"}
    assert y2021["official"]["value"] == 565 and y2021["official"]["counts"] == "persons"
    assert y2021["official"]["summed_from_parts"] is True
    assert [(p["value"], p["counts"], p["exact_article"], p["full_year"]) for p in y2021["published"]] == [
        (615, "cases", True, True)
    ]
    assert next(r for r in years if r["year"] == 2022)["official"] is None
    # 2023: the half-year 2076, the to-29-December 5024, Mediazona's all-articles 5517, Idite Lesom's requests
    y2023 = next(r for r in years if r["year"] == 2023)["published"]
    assert sorted((p["value"], p["counts"]) for p in y2023) == [
        (305, "help_requests"), (577, "help_requests"), (2076, "cases"), (5024, "cases"), (5517, "cases"),
    ]
    # a figure on art. 332 alone is not set beside art. 337
    assert all(p["value"] != 25 for r in result.rows for p in r["published"])
    assert all(r["year"] is None and len(r["published"]) == 1 and ".." in r["period"] for r in spans)
    assert {p["articles"] for r in spans for p in r["published"]} >= {"337", "all", "337;338;339"}

    text = " ".join(result.explanation)
    assert "persons convicted under art. 337 as their main (gravest) article" in text
    assert "sum of the printed parts" in text
    assert "no official figure for 2022, 2023, 2024, 2025" in text
    assert "count a case once however many defendants" in text
    assert "mobilisation decree" in text
    # four all-article counts of cases, and Barents Observer's 337;338;339 (Mediazona's 684 sentences
    # of March 2024 are art. 337 alone, as its publication says)
    assert "5 count(s) of cases or sentences mix several articles" in text
    assert "Perm garrison military court" in text
    assert "Our own count is missing (store empty)" in text
    assert "In 2021 The Moscow Times (citing Mediazona) counted 615 cases under art. 337, 50 more than the 565 persons" in text
    lines = result.lines()
    assert lines[-1]["kind"] == "explanation" and len(lines) == len(result.rows) + len(result.explanation)


def test_with_our_count(official_337: dict[int, int]) -> None:
    result = compare("337", official_337, [], {2021: 113, 2024: 40}, our_note="cases by received year")
    rows = {r["year"]: r for r in result.rows}
    assert rows[2021]["ours"]["value"] == 113 and rows[2013]["ours"]["value"] == 0
    assert rows[2024]["official"] is None and rows[2024]["ours"]["value"] == 40
    text = " ".join(result.explanation)
    assert "In 2021 our store has 113 cases under art. 337 against 565 persons convicted officially (20%)." in text
    assert "Our count is of first-instance cases" in text
    assert "missing" not in text and "Mediazona" not in text


def test_no_official_figures_says_so() -> None:
    result = compare("352.1", {}, read_published().figures, None, our_note="store empty")
    assert "No official form 10-a figure is loaded for art. 352.1" in result.explanation[0]


def _store(url: str):  # type: ignore[no-untyped-def]
    """A store holding first-instance, appeal, synthetic and undated cases (see the asserts)."""
    from milcourt.store import open_store
    from storebuilder import Case, add

    store = open_store(url)
    for case in [
        Case("61GV0004", "1-1/2021", "2021-03-01", [("337", "4"), ("338", "1")]),
        Case("61GV0004", "1-2/2021", "2021-07-09", [("337", "3")]),
        Case("61GV0004", "1-3/2021", "2021-08-01", [("337", "5")], synthetic=True),
        Case("61OV0000", "22-4/2021", "2021-09-01", [("337", "5")], instance="appeal"),
        Case("61GV0004", "1-5/2022", "2022-01-05", [("337", "3"), ("337", "5")]),
    ]:
        add(store, case)
    return store.engine


def test_our_counts_from_a_store(store_url: str) -> None:
    engine = _store(store_url)
    ours = our_counts_from_store(engine, "337")
    assert ours.by_year == {2021: 2, 2022: 1}  # synthetic and appeal cases left out; case 5 once
    assert "synthetic records excluded" in ours.note and "first instance only" in ours.note
    assert our_counts_from_store(engine, "338").by_year == {2021: 1}
    assert our_counts_from_store(engine, "ch33").by_year == {2021: 2, 2022: 1}
    assert our_counts_from_store(engine, "332").by_year == {}
    assert our_counts_from_store(engine, "337", include_synthetic=True).by_year == {2021: 3, 2022: 1}


def test_our_counts_on_an_empty_store(tmp_path: Path) -> None:
    ours = our_counts_from_store(create_engine(f"sqlite:///{tmp_path / 'empty.db'}"), "337")
    assert (ours.by_year, ours.note) == (None, "store empty")


def test_official_loaded_then_compared(tmp_path: Path) -> None:
    """End to end on one engine: the official table and the store's tables side by side."""
    from milcourt.stats.official import load_official

    engine = _store(f"sqlite:///{tmp_path / 'both.db'}")
    load_official(engine, [r for r in read_official_csv() if r["year"] == 2021])
    ours = our_counts_from_store(engine, "337")
    result = compare("337", official_by_year(engine, "337"), [], ours.by_year, our_note=ours.note)
    row = next(r for r in result.rows if r["year"] == 2021)
    assert (row["ours"]["value"], row["official"]["value"]) == (2, 565)
