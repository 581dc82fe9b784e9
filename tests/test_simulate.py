"""The simulator: deterministic population, truth consistent with it, calibrated shape, pages in
the real templates and labels, a loopback server with search/paging/row limit, faults that clear."""

from __future__ import annotations

import http.client
import json
import re
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from milcourt.cli import app
from milcourt.simulate.calibration import monthly_weights
from milcourt.simulate.faults import FaultConfig, FaultPlan
from milcourt.simulate.pages import (
    act_on_own_page,
    card_url,
    doc_url,
    lower_style,
    render_card,
    render_listing,
)
from milcourt.simulate.population import generate
from milcourt.simulate.server import CourtServer, SimulatedCourts
from milcourt.simulate.truth import truth

UID = re.compile(r"^\d{2}GV\d{4}-01-20\d{2}-\d{6}-\d{2}$")


@pytest.fixture(scope="module")
def population():
    return generate(seed=11, cases=1500, courts=12)


def _truth(pop, mode="none"):
    return truth(pop, FaultPlan.build(pop, FaultConfig(mode)), {"seed": pop.seed})


def test_same_seed_same_population_other_seed_other() -> None:
    a, b, c = generate(5, 400, 8), generate(5, 400, 8), generate(6, 400, 8)
    assert json.dumps(_truth(a, "realistic")) == json.dumps(_truth(b, "realistic"))
    assert [render_card(x) for x in a.cases[:20]] == [render_card(x) for x in b.cases[:20]]
    assert _truth(a)["cases"] != _truth(c)["cases"]


def test_counts_are_the_first_instance_cases_by_court_month_article(population) -> None:
    t = _truth(population)
    firsts = [c for c in t["cases"] if c["instance"] == "first"]
    assert len(firsts) == 1500
    expected: Counter[tuple[str, str, str]] = Counter()
    for c in firsts:
        for article in {a["article"] for a in c["articles"]}:
            expected[(c["court"], c["received"][:7], article)] += 1
    assert {(r["court"], r["month"], r["article"]): r["n"] for r in t["counts"]} == dict(expected)
    two = [c for c in firsts if len(c["articles"]) == 2]
    assert two, "some cases are charged under two articles"
    assert sum(r["n"] for r in t["counts"]) == len(firsts) + len(two)


def test_case_identities_and_appeal_links(population) -> None:
    t = _truth(population)
    keys = [(c["court"], c["number"], c["instance"]) for c in t["cases"]]
    assert len(keys) == len(set(keys)), "no case twice"
    firsts = {(c["court"], c["number"]): c for c in t["cases"] if c["instance"] == "first"}
    parents = {c["code"]: c["parent"] for c in t["courts"]}
    appeals = [c for c in t["cases"] if c["instance"] == "appeal"]
    assert appeals
    for c in firsts.values():
        assert UID.match(c["uid"]) and c["uid"].startswith(c["court"])
        assert re.fullmatch(r"1-\d+/" + c["received"][:4], c["number"])
        assert {a["article"] for a in c["articles"]} <= {"337", "338", "332", "339", "352.1", "335"}
    for a in appeals:
        assert re.fullmatch(r"22-\d+/" + a["received"][:4], a["number"])
        low = firsts[(a["lower"]["court"], a["lower"]["number"])]
        assert a["uid"] == low["uid"] and parents[low["court"]] == a["court"]
        assert a["received"] > low["decided"] and a["articles"] == low["articles"]
    part5 = sum(1 for c in firsts.values() for x in c["articles"] if x == {"article": "337", "part": "5"})
    assert part5 > 0.4 * len(firsts), "most cases are 337 ч.5"


def test_hazing_is_charged_with_its_points_besides_an_absence(population) -> None:
    firsts = [c for c in _truth(population)["cases"] if c["instance"] == "first"]
    hazing = [c for c in firsts if any(a["article"] == "335" for a in c["articles"])]
    assert 0.01 < len(hazing) / len(firsts) < 0.06
    for c in hazing:
        assert c["articles"][0]["article"] == "337" and c["articles"][1]["part"] == "2"
        assert re.fullmatch(r"[а-г](,[а-г])*", c["articles"][1]["point"])  # as the parser joins them
    several = sum("," in c["articles"][1]["point"] for c in hazing)
    assert 0.3 * len(hazing) < several < len(hazing)
    assert all("point" not in a for c in firsts for a in c["articles"] if a["article"] != "335")


def test_monthly_shape_follows_the_published_series() -> None:
    pop = generate(seed=3, cases=3000)
    by_year = Counter(c.received.year for c in pop.cases if c.instance == "first")
    assert 1.6 < by_year[2024] / by_year[2023] < 2.4, by_year  # 10308 vs 5517 published
    months = Counter(c.month for c in pop.cases if c.instance == "first")
    assert min(months) == "2022-09" and max(months) == "2025-06"
    weights = monthly_weights()
    for month, n in months.items():
        assert abs(n - 3000 * weights[month]) <= 1  # exact allocation by largest remainder


def test_pages_are_windows_1251_with_the_real_labels(population, sudrf_fixtures: Path) -> None:
    first = next(c for c in population.cases if c.instance == "first" and c.act and c.decided
                 and not act_on_own_page(c))
    appeal = next(c for c in population.cases if c.instance == "appeal" and c.decided
                  and lower_style(c) == "first_instance_tab")
    pages = {"leninsky_ufa_criminal.html": render_card(first), "ksoyu_card_criminal.html": render_card(appeal),
             "ksoyu_listing_acts.html": render_listing(first.court, first.court_name, "", "1540006", [first], 30, 1, 2, "")}
    labels = {
        "leninsky_ufa_criminal.html": ["Уникальный идентификатор дела", "Дата поступления", "<b>Судья</b>",
                                       "Дата рассмотрения", "Результат рассмотрения", "ДВИЖЕНИЕ ДЕЛА", "ЛИЦА",
                                       "Перечень статей", "Дата рассмотрения дела в отношении лица", "СУДЕБНЫЕ АКТЫ",
                                       "id='tab1'", "id=\"cont1\"", "id='tablcont'", "name_op=r_juid", "Судебный акт #1"],
        "ksoyu_card_criminal.html": ["РАССМОТРЕНИЕ В НИЖЕСТОЯЩЕМ СУДЕ", "Суд (судебный участок) первой инстанции",
                                     "Номер дела в первой инстанции", "Судья (мировой судья) первой инстанции",
                                     "Результат в отношении лица", "Основания отмены (изменения) решения"],
        "ksoyu_listing_acts.html": ["Всего по запросу найдено — ", "На странице записи с 1", "№ дела",
                                    "title=\"Следующая страница\"", "name_op=case&case_id=", "Судебные<br>акты"],
    }
    for fixture, page in pages.items():
        real = (sudrf_fixtures / fixture).read_text(encoding="utf-8")
        with pytest.raises(UnicodeDecodeError):
            page.decode("utf-8")
        text = page.decode("cp1251")
        assert "<meta name=\"milcourt-synthetic\" content=\"1\">" in text and "milcourt synthetic page" in text
        assert "charset=windows-1251" in text
        for label in labels[fixture]:
            assert label.replace('"', "'") in real.replace('"', "'"), f"{label!r} is not a real label of {fixture}"
            assert label.replace('"', "'") in text.replace('"', "'"), f"{label!r} missing from the simulated page"
    text = pages["leninsky_ufa_criminal.html"].decode("cp1251")
    assert f"ДЕЛО № {first.number}" in text and first.uid in text
    assert re.search(r"ст\.\d+(\.\d)?( ч\.\d(\.\d)?)?(; ст\.\S+( ч\.\S+)?)? УК РФ", text)
    assert "&lt;данные изъяты&gt;" in text and "ДД.ММ.ГГГГ" in text  # depersonalised act


@pytest.fixture()
def serve():
    servers = []

    def start(pop, mode="none", row_limit=100, **config):
        config.setdefault("captcha_share", 0.0)  # these tests query the search directly (captchas: test_captcha_sim)
        server = CourtServer(SimulatedCourts(pop, FaultPlan.build(pop, FaultConfig(mode, **config)), row_limit))
        servers.append(server.start())
        return server

    yield start
    for server in servers:
        server.stop()


def _get(url: str, host: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("cp1251")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("cp1251")


def test_a_third_of_the_cards_link_their_act_on_a_page_of_its_own(population, serve) -> None:
    with_act = [c for c in population.cases if c.act]
    linked = [c for c in with_act if act_on_own_page(c)]
    assert 0.25 < len(linked) / len(with_act) < 0.42
    assert {c.instance for c in linked} == {"first", "appeal"}
    t = {(r["court"], r["number"], r["instance"]): r.get("act") for r in _truth(population)["cases"]}
    assert all(t[c.key()] == ("page" if act_on_own_page(c) else "card") for c in with_act)
    server = serve(population)
    case = linked[0]
    status, card = _get(server.url + card_url("/" + case.court, case))
    assert status == 200 and "СУДЕБНЫЕ АКТЫ" in card and "cont_doc" not in card  # no text on the card
    link = doc_url("/" + case.court, case)
    assert f"href='{link}'" in card
    status, page = _get(server.url + link)
    assert status == 200 and "Информация по делу" in page and card_url("/" + case.court, case) in page
    assert "ДД.ММ.ГГГГ" in page  # the act's text, depersonalised as on the cards


def _search(base: str, court: str, since: str, until: str, article: str = "", page: int = 1) -> str:
    return (f"{base}/{court}/modules.php?name=sud_delo&srv_num=1&name_op=r&delo_id=1540006&case_type=0&new=0"
            f"&U1_DEFENDANT__NAMESS=&delo_table=u1_case&u1_case__ENTRY_DATE1D={since}&u1_case__ENTRY_DATE2D={until}"
            f"&U1_DEFENDANT__LAW_ARTICLESS={article}&page={page}&Submit=%CD%E0%E9%F2%E8")


def test_server_search_paging_row_limit_and_cards(population, serve) -> None:
    server = serve(population, row_limit=150)
    court = max({c.court for c in population.cases}, key=lambda k: len(population.cases_of(k)))
    expected = {c.number for c in population.cases_of(court)
                if c.instance == "first" and c.received.year == 2024 and any(a == "337" for a, _ in c.articles)}
    assert 25 < len(expected) <= 150, "the test needs more than one page but less than the row limit"
    seen: list[str] = []
    page = 1
    while True:
        status, html = _get(_search(server.url, court, "01.01.2024", "31.12.2024", "337", page))
        assert status == 200
        assert f"Всего по запросу найдено — {len(expected)}." in html
        seen += re.findall(r"name_op=case&case_id=\d+&case_uid=[\w-]+&delo_id=1540006'>([^<]+)</a>", html)
        if "Следующая страница" not in html:
            break
        page += 1
    assert sorted(seen) == sorted(expected) and page == -(-len(expected) // 25)
    # the row limit: a whole-period search reports its total but pages reach only 150 rows
    every = [c for c in population.cases_of(court) if c.instance == "first"]
    status, html = _get(_search(server.url, court, "01.01.2022", "31.12.2025", "", 6))
    assert f"Всего по запросу найдено — {len(every)}." in html and len(every) > 150
    assert "На странице записи с 126" in html and "по 150." in html and "Следующая страница" not in html
    # a card, by path prefix and by the court's real host name
    link = re.findall(r"href='(/[^']*name_op=case[^']*)'", html)[0]
    status, card = _get(server.url + link)
    assert status == 200 and "ЛИЦА" in card and "ДЕЛО №" in card
    host = population.court(court).host
    status, card2 = _get(server.url + link.removeprefix(f"/{court}"), host=host)
    assert status == 200 and card.replace(f"/{court}/modules.php", "/modules.php") == card2
    assert _get(server.url + link.replace("case_id=", "case_id=9"))[0] == 404
    assert _get(_search(server.url, court, "01.01.2030", "31.12.2030"))[1].count("Данных по запросу не обнаружено") == 1
    courts = json.loads(urllib.request.urlopen(server.url + "/courts.json", timeout=10).read())
    assert {c["code"] for c in courts} >= {c.code for c in population.courts} and len(courts) == 111
    assert sum(c["cases"] for c in courts) == len(population.cases)


def test_fault_rates_and_clearing() -> None:
    pop = generate(seed=2, cases=400, courts=30)
    config = FaultConfig("realistic", gate_share=0.5, outage_share=0.5)
    plan, again = FaultPlan.build(pop, config), FaultPlan.build(pop, config)
    court = next(c for c in plan.gates if c in plan.outages)
    actions = [plan.decide(court, "search") for _ in range(4000)]
    assert [(a.kind, a.status) for a in actions] == [(a.kind, a.status) for a in
                                                      (again.decide(court, "search") for _ in range(4000))]
    kinds = Counter(a.kind for a in actions[200:])
    assert 0.02 < kinds["error"] / 3800 < 0.08  # 2 % of requests start a burst of 1-3
    assert 0.003 < kinds["truncate"] / 3800 < 0.02
    assert 0.001 < sum(a.delay >= config.slow_seconds for a in actions) / 4000 < 0.012
    gate_start, gate_len = plan.gates[court]
    out_start, out_len = plan.outages[court]
    gated = {i for i, a in enumerate(actions) if a.kind == "captcha"}
    down = {i for i, a in enumerate(actions) if a.kind == "unavailable"}
    assert down == set(range(out_start, out_start + out_len))  # the outage clears
    assert gated == set(range(gate_start, gate_start + gate_len)) - down  # and so does the gate
    heavy = FaultPlan.build(pop, FaultConfig("heavy"))
    assert len(heavy.down_courts) == 1
    assert all(heavy.decide(heavy.down_courts[0], "card").status == 503 for _ in range(50))
    assert FaultPlan.build(pop, FaultConfig("none")).decide(court, "search").kind == "ok"


def test_faults_over_http_changed_and_removed_pages(serve) -> None:
    pop = generate(seed=4, cases=300, courts=5)
    server = serve(pop, "realistic", error_rate=0.0, truncate_rate=0.0, slow_rate=0.0, gate_share=0.0,
                   outage_share=0.0, changed_share=0.3, removed_share=0.2)
    plan = server.sim.plan
    changed = next(c for c in pop.cases if c.key() in plan.changed and c.decided and c.act and c.instance == "first")
    removed = next(c for c in pop.cases if c.key() in plan.removed and c.instance == "first")
    from milcourt.simulate.pages import card_url

    changed_card = server.url + card_url("/" + changed.court, changed)
    listing = _search(server.url, changed.court, changed.received.strftime("%d.%m.%Y"),
                      changed.received.strftime("%d.%m.%Y"))
    first, again = _get(changed_card)[1], _get(changed_card)[1]
    assert first == again and "СУДЕБНЫЕ АКТЫ" not in first  # one crawl sees one version
    assert "name_op=doc" not in _get(listing)[1].split(changed.number)[1].split("</tr>")[0]
    search = _search(server.url, removed.court, removed.received.strftime("%d.%m.%Y"),
                     removed.received.strftime("%d.%m.%Y"))
    card = server.url + card_url("/" + removed.court, removed)
    assert removed.number in _get(search)[1]
    assert _get(card)[0] == 200 and _get(card)[0] == 200  # within one crawl the site stays put
    assert removed.number in _get(search)[1]
    gone = json.loads(urllib.request.urlopen(server.url + "/_sim/next-crawl", timeout=10).read())["removed"]
    assert [removed.court, removed.number, removed.instance] in gone
    assert _get(card)[0] == 404 and removed.number not in _get(search)[1]  # the next crawl misses it
    later = _get(changed_card)[1]
    assert later != first and "СУДЕБНЫЕ АКТЫ" in later  # and sees the later version of a changing case
    assert changed.number in first and (changed.result or "") in first and (changed.result or "") in later
    assert "name_op=doc" in _get(listing)[1].split(changed.number)[1].split("</tr>")[0]


def test_removed_cases_are_gone_in_the_next_serving_session(tmp_path: Path) -> None:
    from milcourt.simulate.pages import card_url
    from milcourt.simulate.run import build

    def session() -> tuple[int, int]:
        sim = build(tmp_path, seed=4, cases=300, courts=5, faults="realistic")
        sim.plan.config.error_rate = sim.plan.config.truncate_rate = sim.plan.config.slow_rate = 0.0
        sim.plan.gates.clear()
        sim.plan.outages.clear()
        removed = next(c for c in sim.population.cases if c.key() in sim.plan.removed)
        server = sim.serve()
        try:
            return _get(server.url + card_url("/" + removed.court, removed))[0], len(sim.plan.removed)
        finally:
            server.stop()

    assert session()[0] == 200
    assert json.loads((tmp_path / "state.json").read_text())["served"]
    assert session()[0] == 404


def test_truncated_bodies_and_down_court_over_http(serve) -> None:
    pop = generate(seed=8, cases=200, courts=4)
    server = serve(pop, "heavy", error_rate=0.0, truncate_rate=1.0, slow_rate=0.0, gate_share=0.0, outage_share=0.0)
    down = server.sim.plan.down_courts[0]
    assert _get(_search(server.url, down, "01.01.2023", "31.12.2023"))[0] == 503
    live = next(c.court for c in pop.cases if c.court != down)
    conn = http.client.HTTPConnection(server.url.removeprefix("http://"), timeout=10)
    conn.request("GET", f"/{live}/modules.php?name=sud_delo&name_op=r&delo_id=1540006")
    with pytest.raises(http.client.IncompleteRead):
        conn.getresponse().read()
    conn.close()


def test_cli_writes_truth(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["simulate", "--out", str(tmp_path), "--cases", "200", "--courts", "5",
                                      "--faults", "heavy", "--pages", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    data = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))
    assert summary["first"] == 200 and len(data["cases"]) == summary["cases"]
    assert data["down_courts"] == summary["down_courts"] and len(data["down_courts"]) == 1
    assert len(list((tmp_path / "pages").rglob("*.html"))) == summary["cases"]
    bad = CliRunner().invoke(app, ["simulate", "--out", str(tmp_path), "--faults", "sometimes"])
    assert bad.exit_code != 0 and "sometimes" in bad.output


def test_search_form_uid_search_and_appeal_search(serve) -> None:
    pop = generate(seed=9, cases=300, courts=5)
    server = serve(pop, "realistic", error_rate=0.0, truncate_rate=0.0, slow_rate=0.0, gate_share=1.0,
                   outage_share=0.0, window=(2, 2), changed_share=0.0, removed_share=0.0)
    appeal = next(c for c in pop.cases if c.instance == "appeal")
    low = appeal.lower
    assert low is not None
    form = f"{server.url}/{low.court}/modules.php?name=sud_delo&srv_num=1&name_op=sf&delo_id=1540006"
    status, html = _get(form)
    assert status == 200 and "name='captcha'" in html and "u1_case__ENTRY_DATE1D" in html
    # the gate opens on searches only, and clears after its window
    base = f"{server.url}/{appeal.court}/modules.php?name=sud_delo&srv_num=1"
    by_uid = f"{base}&name_op=r_juid&vnkod={appeal.court}&delo_id=4&case_type=0&judicial_uid={appeal.uid}"
    answers = [_get(by_uid)[1] for _ in range(40)]
    gated = [a for a in answers if "Неверно указан проверочный код с картинки" in a]
    assert 1 <= len(gated) <= 2 and appeal.number in answers[-1]
    by_lower = (f"{base}&name_op=r&delo_id=4&case_type=0&new=4&delo_table=u2_case"
                f"&U2_CASE__CASE_NUMBER_ISS={low.number}&Submit=%CD%E0%E9%F2%E8")
    html = _get(by_lower)[1]
    assert appeal.number in html and f"Номер дела в первой инстанции:&nbsp;{low.number}" in html


def test_build_and_serve_in_process(tmp_path: Path) -> None:
    from milcourt.simulate.run import build

    sim = build(tmp_path, seed=3, cases=120, courts=3, faults="realistic")
    server = sim.serve()
    try:
        assert json.loads((tmp_path / "server.json").read_text())["url"] == server.url
        court = sim.population.cases[0].court
        status, html = _get(f"{server.url}/{court}/modules.php?name=sud_delo&name_op=sf&delo_id=1540006")
        assert status in (200, 500, 502, 503) and sim.summary()["first"] == 120
    finally:
        server.stop()
