"""The HTML report renders every section, self-contained, each chart with its query and a PNG."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from milcourt.cli import app
from milcourt.publish.labels import court_name
from milcourt.publish.report import SECTIONS
from milcourt.store import open_store
from storebuilder import Case, add

ACT = "ПРИГОВОР Именем Российской Федерации ... признать виновным"


def test_report_has_every_section(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    store = open_store(url)
    for n, (received, part, months) in enumerate([("2023-05-02", "5", 60), ("2024-01-10", "3.1", 30),
                                                   ("2024-02-11", "5", 72)]):
        add(store, Case("61GV0004", f"1-{n}/2024", received, [("337", part)], decided="2024-06-01", act=ACT,
                        facts={"sentence_kind": "imprisonment", "term_months": months, "regime": "general",
                               "service_basis": "mobilized", "absence_days": 40}, motives=("fear",)))
    add(store, Case("61OV0000", "22-1/2024", "2024-07-01", [("337", "5")], instance="appeal", act=ACT,
                    facts={"sentence_kind": "imprisonment", "appeal_outcome": "changed"}))
    store.close()
    runner = CliRunner()
    assert runner.invoke(app, ["official", "load", "--db", url]).exit_code == 0  # the packaged figures
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--out", str(out), "--db", url])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    for section in ["methodology", *(s.key for s in SECTIONS), "comparison", "coverage"]:
        assert f'<section id="{section}"' in page, section
    assert page.count('class="vl-spec"') == len(SECTIONS) + 1  # every chart has data here: none is left out
    assert page.count('download="milcourt-') == 2 * (len(SECTIONS) + 1)  # a PNG and an SVG of every chart
    captions = re.findall(r'<p class="caption">([^<]*)</p>', page)
    assert len(captions) == len(SECTIONS) + 1 and all(captions), captions
    assert "In 2024 (January–February) milcourt counted 2 first-instance cases under art. 337, from 1 of 111 " \
           "military courts." in page  # the per-month caption, from the same query
    assert f"The busiest court was the {court_name('61GV0004')} with 3 of 3 first-instance cases" in page
    assert court_name("61GV0004").endswith("военный суд") and "61GV0004" in page  # the name, the code beside
    assert "How these numbers were made" in page and "form 10-a" in page
    assert "<script src=" not in page and "<link " not in page  # opens with no network
    assert "milcourt stats --by month,article,part --instance first --json" in page
    assert "milcourt compare --article 337 --json" in page
    assert re.search(r"data as of 20\d\d-\d\d-\d\d", page)
    assert "565" in page  # the official 10-a figure for art. 337 in 2021
    assert "INCLUDES synthetic" not in page


def test_report_says_why_a_chart_is_missing(tmp_path: Path) -> None:
    """An empty store draws no empty frames: every section says what is missing and why."""
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    store = open_store(url)
    add(store, Case("61GV0004", "1-1/2024", "2024-03-01", [("337", "5")]))  # a card, no act text
    store.close()
    out = tmp_path / "report.html"
    assert CliRunner().invoke(app, ["report", "--out", str(out), "--db", url]).exit_code == 0
    page = out.read_text(encoding="utf-8")
    missing = re.findall(r'<section id="(\w+)" class="figure no-data">.*?<p class="missing">(.*?)</p>', page)
    assert {key for key, _ in missing} >= {"kinds", "terms", "suspended", "absence", "service_basis", "motives",
                                           "appeals"}
    absence = dict(missing)["absence"]
    assert "no act texts with both absence dates" in absence and "1 cases; 0 have an act text" in absence
    assert '<section id="per_month" class="figure">' in page  # the card alone is counted
