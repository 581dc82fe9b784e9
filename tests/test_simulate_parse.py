"""The real page parser reads the simulated pages back into exactly the truth.

Skipped until ``milcourt.parse.parse_page`` is there (the parser is built in parallel against the
real fixture pages; the simulator's pages must need no special case in it).
"""

from __future__ import annotations

import re
import urllib.request
from collections import Counter
from typing import Any

from milcourt import parse
from milcourt.crawl.pages import card_links
from milcourt.simulate.faults import FaultConfig, FaultPlan
from milcourt.simulate.pages import (
    act_on_own_page,
    articles_text,
    card_url,
    doc_url,
    lower_style,
    render_card,
    render_doc,
)
from milcourt.simulate.population import generate
from milcourt.simulate.server import CourtServer, SimulatedCourts
from milcourt.simulate.truth import case_record

ROOT = "http://127.0.0.1:8080/54GV0003"


def _facts(page: dict[str, Any]) -> dict[str, Any]:
    case = page["case"]
    return {"number": case["number"], "uid": case["uid"], "received": case["received"], "decided": case["decided"],
            "result": case["result"],
            "articles": [{"article": a["article"], "part": a["part"]} | ({"point": a["point"]} if a["point"] else {})
                         for a in page["persons"][0]["articles"]],
            "lower": case["lower_court"]["number"] if case["lower_court"] else None}


def _truth_facts(record: dict[str, Any]) -> dict[str, Any]:
    facts = {k: record[k] for k in ("number", "uid", "received", "decided", "result", "articles")}
    facts["lower"] = record["lower"]["number"] if "lower" in record else None
    return facts


def test_every_card_parses_back_into_its_truth() -> None:
    population = generate(seed=21, cases=600, courts=None)
    printed = [articles_text(c) for c in population.cases if ("335", "2") in c.articles]
    assert any(re.search(r"ст\.335 ч\.2 п\.(п\.)?[а-г]", t) for t in printed)  # points after the article
    assert any(re.search(r"п\.(п\.)? [а-г,]+ ч\.2 ст\.335", t) for t in printed)  # and before it
    for case in population.cases:
        page = parse.parse_page(render_card(case, f"/{case.court}"), source=f"{case.court} {case.number}")
        assert page["kind"] == "case_card"
        assert _facts(page) == _truth_facts(case_record(case))
        assert len(page["acts"]) == (1 if case.act and not act_on_own_page(case) else 0)
        if case.act and act_on_own_page(case):  # the card links the act's own page, which links back
            assert card_links(render_card(case, ROOT), card_url(ROOT, case)) == [doc_url(ROOT, case)]
            act = parse.parse_page(render_doc(case, ROOT), source=doc_url(ROOT, case), base_url=doc_url(ROOT, case))
            assert act["kind"] == "act" and act["case_url"] == card_url(ROOT, case) and len(act["text"]) > 500


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def test_a_crawl_through_the_served_search_finds_exactly_the_truth() -> None:
    population = generate(seed=22, cases=300, courts=6)
    # the search asked directly and as fast as it answers: no captcha, no platform block
    plan = FaultPlan.build(population, FaultConfig("none", captcha_share=0.0, platform_rate=1e6))
    server = CourtServer(SimulatedCourts(population, plan, 40)).start()
    try:
        found: dict[tuple[str, str, str], dict[str, Any]] = {}
        for court in population.courts:
            for delo_id, table, instance in (("1540006", "u1", "first"), ("4", "u2", "appeal")):
                for year in (2022, 2023, 2024, 2025):
                    for half in (("01.01", "31.03"), ("01.04", "30.06"), ("01.07", "30.09"), ("01.10", "31.12")):
                        url = (f"{server.url}/{court.code}/modules.php?name=sud_delo&srv_num=1&name_op=r"
                               f"&delo_id={delo_id}&case_type=0&new={'0' if instance == 'first' else '4'}"
                               f"&delo_table={table}_case&{table}_case__ENTRY_DATE1D={half[0]}.{year}"
                               f"&{table}_case__ENTRY_DATE2D={half[1]}.{year}&Submit=%CD%E0%E9%F2%E8")
                        while url:
                            body = _get(url)
                            page = parse.parse_page(body, source=url, base_url=url)
                            if page["kind"] != "search_results":
                                # the old template's empty answer; the parser may not know the phrase yet
                                assert "Данных по запросу не обнаружено".encode("cp1251") in body, page["kind"]
                                break
                            assert (page.get("total") or 0) <= 40, "the test's ranges stay under the row limit"
                            for row in page["rows"]:
                                card = parse.parse_page(_get(row["url"]), source=row["url"], base_url=row["url"])
                                assert card["case"]["number"] == row["number"]
                                found[(court.code, row["number"], instance)] = _facts(card)
                            url = page["next_page"]
        expected = {(c.court, c.number, c.instance): _truth_facts(case_record(c)) for c in population.cases}
        assert found == expected
    finally:
        server.stop()


def test_no_defendant_name_survives_depersonalisation() -> None:
    """The simulated pages carry ordinary-looking defendant names (cards, listings, acts): after
    parse → depersonalise no surname is left. (Bare initials such as "С.К.Н." are the courts' own
    depersonalisation and may stay.)"""
    import json
    import re

    from milcourt.names import Pseudonymizer
    from milcourt.parse.depersonalise import depersonalise
    from milcourt.simulate.pages import render_listing

    pz = Pseudonymizer(b"simulator-test-secret-0123456789")
    population = generate(seed=23, cases=250, courts=5)
    pages = [render_card(c) for c in population.cases if c.defendant]
    for court in {c.court for c in population.cases}:
        rows = [c for c in population.cases if c.court == court][:25]
        pages.append(render_listing(court, "X", "", rows[0].delo_id, rows, len(rows), 1, 1, ""))
    surnames = {c.defendant.split()[0] for c in population.cases if c.defendant}
    pattern = re.compile(r"(?<![А-Яа-яЁё])(" + "|".join(sorted(surnames)) + r")(?![А-Яа-яЁё])")
    for page in pages:
        parsed = parse.parse_page(page, source="sim", base_url="http://127.0.0.1/modules.php")
        text = json.dumps(depersonalise(parsed, pz), ensure_ascii=False)
        found = pattern.search(text)
        assert found is None, text[max(found.start() - 80, 0): found.end() + 40]


def test_simulated_pages_show_the_real_page_behaviours_and_parse_to_the_truth() -> None:
    """Print copies, art. 30 modifiers, lower-court wordings and acts' own pages, each in its
    share of a population, all read back as the truth says."""
    seen: Counter[str] = Counter()
    for case in generate(seed=11, cases=600).cases:
        html = render_card(case, "/c")
        page = parse.parse_page(html)
        record = case_record(case)
        assert page["persons"][0]["articles"][0]["stage"] == record.get("stage")
        assert not any(a["article"] == "30" for a in page["persons"][0]["articles"])
        seen["print copy"] += b"printVersionBodyCase" in html
        seen[f"stage {record.get('stage')}"] += 1
        if case.instance == "appeal":
            seen[f"lower {lower_style(case)}"] += 1
            assert page["case"]["lower_court"]["number"] == case.lower.number  # type: ignore[union-attr]
        if case.act:
            act = parse.parse_page(render_doc(case, "/c"))
            assert act["kind"] == "act" and act["case_url"] == card_url("/c", case) and act["text"]
            seen["act page"] += 1
    for behaviour in ("print copy", "stage attempt", "stage preparation", "lower first_instance_tab",
                      "lower generic_tab", "lower case_tab", "act page"):
        assert seen[behaviour] > 0, f"no simulated page shows {behaviour}: {seen}"
