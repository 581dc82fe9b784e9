"""The HTML report renders every section, self-contained, each chart with its query and a PNG."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from milcourt.cli import app
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
    for section in [*(s.key for s in SECTIONS), "comparison", "coverage"]:
        assert f'<section id="{section}">' in page, section
    assert page.count('class="vl-spec"') == len(SECTIONS) + 1
    assert page.count("data:image/png;base64,") == len(SECTIONS) + 1  # a PNG of every chart
    assert "<script src=" not in page and "<link " not in page  # opens with no network
    assert "milcourt stats --by month,article,part --instance first --json" in page
    assert "milcourt compare --article 337 --json" in page
    assert re.search(r"data as of 20\d\d-\d\d-\d\d", page)
    assert "565" in page  # the official 10-a figure for art. 337 in 2021
    assert "INCLUDES synthetic" not in page
