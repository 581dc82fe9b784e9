"""Known-answer tests of ``milcourt stats`` on a hand-made store, on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from milcourt.cli import app
from milcourt.courts.registry import find_court
from milcourt.stats.query import StatsError, StatsQuery, run_counts, run_stats, split_article
from milcourt.store import open_store
from storebuilder import Case, add

ACT = "ПРИГОВОР Именем Российской Федерации ... признать виновным ..."
KRASNODAR, MOSCOW, SOUTH = "61GV0004", "77GV0001", "61OV0000"


@pytest.fixture
def store(store_url: str):  # type: ignore[no-untyped-def]
    store = open_store(store_url)
    add(store, Case(KRASNODAR, "1-10/2024", "2024-03-05", [("337", "5")], decided="2024-05-02", act=ACT,
                    facts={"sentence_kind": "imprisonment", "term_months": 60, "regime": "general",
                           "absence_days": 30, "service_basis": "mobilized"}, motives=("family", "fear")))
    add(store, Case(KRASNODAR, "1-11/2024", "2024-03-20", [("337", "5"), ("338", "1")], decided="2024-06-11",
                    act=ACT, facts={"sentence_kind": "suspended", "term_months": 24, "service_basis": "contract",
                                    "probation_years": 2}, motives=("family",)))
    add(store, Case(KRASNODAR, "1-12/2024", "2024-04-02", [("337", "3.1")]))
    add(store, Case(MOSCOW, "1-7/2024", "2024-04-10", [("332", "2.1")], decided="2024-06-03", act=ACT,
                    facts={"sentence_kind": "imprisonment", "term_months": 36, "regime": "strict",
                           "service_basis": "mobilized"}))
    add(store, Case(SOUTH, "22-5/2024", "2024-06-01", [("337", "5")], instance="appeal", act=ACT,
                    lower={"court": "Краснодарский гарнизонный военный суд", "number": "1-10/2024",
                           "judge": None, "decided": None},
                    facts={"sentence_kind": "imprisonment", "term_months": 60, "appeal_outcome": "upheld"}))
    add(store, Case(KRASNODAR, "1-13/2024", "2024-03-07", [("337", "5")], synthetic=True))
    yield store
    store.close()


def _stats(store, **kwargs):  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        return run_stats(conn, StatsQuery(**kwargs))


def _counts(rows, *fields):  # type: ignore[no-untyped-def]
    return {tuple(r[f] for f in fields): r["n"] for r in rows}


def test_counts_by_month_and_article_count_a_case_under_each_article(store) -> None:  # type: ignore[no-untyped-def]
    rows = _stats(store, by=["month", "article"], instance="first")
    assert _counts(rows, "month", "article") == {
        ("2024-03", "337"): 2, ("2024-03", "338"): 1, ("2024-04", "332"): 1, ("2024-04", "337"): 1,
    }


@pytest.mark.parametrize("query", [
    {"by": ["month", "article", "part"]}, {"by": []}, {"by": ["district", "year"], "article": "337.5"},
    {"by": ["court"], "instance": "first", "include_synthetic": True}, {"by": ["motive"]},
    {"by": ["article"], "district": SOUTH}, {"by": ["region", "quarter"], "date_field": "decided"},
])
def test_counts_only_agree_with_the_full_figures(store, query) -> None:  # type: ignore[no-untyped-def]
    """``run_counts`` (the dashboard's chart and totals) counts exactly the cases ``run_stats`` does."""
    with store.engine.connect() as conn:
        full = run_stats(conn, StatsQuery(**query))
        fast = run_counts(conn, StatsQuery(**query))
    fields = query["by"]
    assert _counts(fast, *fields) == _counts(full, *fields)
    assert sum(r["n"] for r in fast) > 0


def test_synthetic_records_only_when_asked(store) -> None:  # type: ignore[no-untyped-def]
    plain = _counts(_stats(store, by=["month"], instance="first"), "month")
    both = _counts(_stats(store, by=["month"], instance="first", include_synthetic=True), "month")
    assert plain == {("2024-03",): 2, ("2024-04",): 2}
    assert both == {("2024-03",): 3, ("2024-04",): 2}


def test_parts_districts_regions_and_instances(store) -> None:  # type: ignore[no-untyped-def]
    parts = _counts(_stats(store, by=["article", "part"], instance="first"), "article", "part")
    assert parts == {("332", "2.1"): 1, ("337", "3.1"): 1, ("337", "5"): 2, ("338", "1"): 1}
    districts = _counts(_stats(store, by=["district", "instance"]), "district", "instance")
    assert districts == {("61OV0000", "first"): 3, ("61OV0000", "appeal"): 1, ("77OV0000", "first"): 1}
    regions = _counts(_stats(store, by=["region"], instance="first"), "region")
    assert regions == {("Краснодарский край",): 3, ("Город Москва",): 1}


def test_article_filters(store) -> None:  # type: ignore[no-untyped-def]
    assert _stats(store, by=[], article="337", instance="first")[0]["n"] == 3
    assert _stats(store, by=[], article="337.5", instance="first")[0]["n"] == 2
    assert _stats(store, by=[], article="337.3.1")[0]["n"] == 1
    assert _stats(store, by=[], article="ch33", instance="first")[0]["n"] == 4
    assert _stats(store, by=["court"], article="332") == [
        {**_stats(store, by=["court"], article="332")[0], "court": MOSCOW, "n": 1}
    ]


def test_sentence_absence_and_appeal_figures(store) -> None:  # type: ignore[no-untyped-def]
    (row,) = _stats(store, by=[], instance="first")
    assert row["n"] == 4 and row["sentenced"] == 3 and row["term_n"] == 3
    assert (row["term_q1_months"], row["term_median_months"], row["term_q3_months"]) == (24, 36, 60)
    assert row["share_suspended"] == pytest.approx(1 / 3, abs=1e-4)
    assert row["share_regime_general"] == 0.5 and row["share_regime_strict"] == 0.5
    assert row["absence_median_days"] == 30
    (appeal,) = _stats(store, by=[], instance="appeal")
    assert appeal["appeals"] == 1 and appeal["share_upheld"] == 1.0 and appeal["share_changed"] == 0.0


def test_motives_and_service_basis(store) -> None:  # type: ignore[no-untyped-def]
    motives = _counts(_stats(store, by=["motive"], instance="first"), "motive")
    assert motives == {("family",): 2, ("fear",): 1, (None,): 2}
    basis = _counts(_stats(store, by=["service_basis", "sentence_kind"], instance="first"),
                    "service_basis", "sentence_kind")
    assert basis == {("mobilized", "imprisonment"): 2, ("contract", "suspended"): 1, (None, None): 1}


def test_decided_dates_and_ranges(store) -> None:  # type: ignore[no-untyped-def]
    decided = _counts(_stats(store, by=["month"], instance="first", date_field="decided"), "month")
    assert decided == {("2024-05",): 1, ("2024-06",): 2}
    from datetime import date

    ranged = _stats(store, by=["quarter"], instance="first", since=date(2024, 3, 10), until=date(2024, 4, 30))
    assert _counts(ranged, "quarter") == {("2024-Q1",): 1, ("2024-Q2",): 2}


def test_stage_groups_and_filters_charges(store_url: str) -> None:
    """An attempt on 337 ч.5 counts under 337 with stage "attempt"; charges printed without
    art. 30 are "completed"; art. 30 is never an article of its own."""
    store = open_store(store_url)
    add(store, Case(KRASNODAR, "1-20/2024", "2024-03-05", [("337", "5", "attempt")]))
    add(store, Case(KRASNODAR, "1-21/2024", "2024-03-06", [("337", "5")]))
    add(store, Case(KRASNODAR, "1-22/2024", "2024-03-07", [("338", "1", "preparation"), ("337", "5")]))
    assert _counts(_stats(store, by=["article", "stage"]), "article", "stage") == {
        ("337", "attempt"): 1, ("337", "completed"): 2, ("338", "preparation"): 1}
    assert _counts(_stats(store, by=["article"], stage="attempt"), "article") == {("337",): 1}
    assert _counts(_stats(store, by=[], stage="preparation"), ) == {(): 1}
    assert _counts(_stats(store, by=["stage"], article="337"), "stage") == {("attempt",): 1, ("completed",): 2}
    with pytest.raises(StatsError, match="--stage must be one of completed, attempt, preparation"):
        StatsQuery(stage="tried")
    store.close()


def test_bad_requests_are_named() -> None:
    with pytest.raises(StatsError, match="unknown --by field"):
        StatsQuery(by=["defendant"])
    with pytest.raises(StatsError, match="--date"):
        StatsQuery(date_field="filed")


@pytest.mark.parametrize(("text", "expected"), [
    ("337.5", ("337", "5")), ("337.3.1", ("337", "3.1")), ("352.1", ("352.1", None)),
    ("352.1.2", ("352.1", "2")), ("338", ("338", None)),
])
def test_split_article(text: str, expected: tuple[str, str | None]) -> None:
    assert split_article(text) == expected


def test_cli_json_rows_of_one_shape_coverage_apart(store, store_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, ["stats", "--by", "court,month,article", "--instance", "first",
                                      "--json", "--db", store_url])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"court": KRASNODAR, "month": "2024-03", "article": "337", "n": 2}.items() <= rows[0].items()
    assert list(rows[0])[:3] == ["court", "court_name", "month"]  # the name beside the code
    assert rows[0]["court_name"] == find_court(KRASNODAR).name  # type: ignore[union-attr]
    assert len({tuple(r) for r in rows}) == 1  # every line has the same fields: no stray coverage line
    frame = pd.read_json(io.StringIO(result.stdout), lines=True)
    assert len(frame) == len(rows) and "coverage" not in frame.columns
    cover = json.loads(result.stderr.removeprefix("coverage: "))
    assert cover["cases"] == 5 and cover["cases_without_act"] == 1 and cover["synthetic_included"] is False
    target = tmp_path / "coverage.json"
    to_file = CliRunner().invoke(app, ["stats", "--by", "article", "--json", "--coverage", str(target),
                                       "--db", store_url])
    assert to_file.exit_code == 0 and "coverage" not in to_file.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["coverage"]["cases"] == 5
    csv_out = CliRunner().invoke(app, ["stats", "--by", "article", "--csv", "--db", store_url])
    assert csv_out.stdout.splitlines()[0].startswith("article,n,")
    bad = CliRunner().invoke(app, ["stats", "--by", "name", "--db", store_url])
    assert bad.exit_code == 2 and "unknown --by field" in bad.output
