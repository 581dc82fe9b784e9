"""The comparison's points: one series per measure and kind of period, every figure labelled,
figures that count no prosecutions or one region listed apart with why."""

from __future__ import annotations

from pathlib import Path

from milcourt.publish.charts import comparison
from milcourt.publish.comparison import comparison_figures
from milcourt.store import open_store
from storebuilder import Case, add

FIGURES = """published,publisher,source_of_count,scope,period_start,period_end,article,measure,value,note
2024-12-27,Mediazona,military court websites,Russia,2024-01-01,2024-12-31,all,cases,10308,
2024-12-27,Mediazona,military court websites,Russia,2023-01-01,2023-12-31,all,cases,5517,
2024-04-12,Mediazona,military court websites,Russia,2024-03-01,2024-03-31,all,sentences,684,
2024-06-18,Ukrainska Pravda,military court websites,Russia,2022-09-21,2024-06-18,337,cases,9059,
2023-04-11,Mediazona,military court websites,Russia,2022-09-21,2023-04-03,337,cases,629,
2024-12-27,Mediazona,military court websites,Russia,2022-02-24,2024-12-27,337,cases,14182,
2023-12-05,The Moscow Times,NGO help requests,Idite Lesom,2023-06-01,2023-08-31,all,help requests,305,
2023-10-03,planeta.press,military court websites,Moscow region,2022-09-21,2023-09-21,337,cases,224,
2024-04-17,Barents Observer,military court websites,Russia,2022-02-24,2024-04-17,338,cases,76,
"""


def test_each_series_is_one_measure_over_one_kind_of_period(tmp_path: Path) -> None:
    figures_csv = tmp_path / "figures.csv"
    figures_csv.write_text(FIGURES, encoding="utf-8")
    store = open_store(f"sqlite:///{tmp_path / 'c.db'}")
    for n, received in enumerate(["2023-03-01", "2024-02-01", "2024-05-01"]):
        add(store, Case("61GV0004", f"1-{n}/2024", received, [("337", "5")]))
    result = comparison_figures(store.engine, "337", published=figures_csv, data_date="2025-01-01")
    store.close()
    by_series: dict[str, list] = {}
    for point in result.points:
        by_series.setdefault(point.series, []).append(point)
    # yearly figures, never joined to cumulative or one-month ones
    assert {p.value for p in by_series["published: cases, all articles, per year"]} == {10308, 5517}
    assert [p.value for p in by_series["published: sentences, all articles, per month"]] == [684]
    assert {p.value for p in by_series["published: cases, art. 337, since 2022-09-21"]} == {9059, 629}
    assert [p.value for p in by_series["published: cases, art. 337, since 2022-02-24"]] == [14182]
    ours = by_series["milcourt: cases received, art. 337, per year (courts crawled)"]
    assert {(p.year, p.value) for p in ours} == {(2023, 1), (2024, 2)}
    for points in by_series.values():
        assert len({(p.panel, p.kind) for p in points}) == 1
    assert all(p.panel == "year" for p in ours)
    assert all(p.panel == "period" for p in by_series["published: cases, art. 337, since 2022-09-21"])
    # every figure labelled with its value, source and date
    mediazona = by_series["published: cases, all articles, per year"][0]
    assert mediazona.label == "10,308 · Mediazona, 2024-12-27" and mediazona.dated == "2024-12-27"
    assert all(p.label.startswith(f"{p.value:,}") for p in result.points)
    # not prosecutions, or one region: listed apart with why; another article alone: not this chart's
    why = {f["value"]: f["why"] for f in result.left_out}
    assert "not prosecutions" in why["305"] and "Moscow region only" in why["224"]
    assert "76" not in why and all(p.value != 76 for p in result.points)
    spec = comparison([p.as_dict() for p in result.points]).to_dict()
    assert len(spec["vconcat"]) == 2  # calendar years apart from other periods
