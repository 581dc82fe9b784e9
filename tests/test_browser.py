"""The dashboard in a real browser: Playwright driving Debian's chromium against a live uvicorn.

What a reader does: narrows the overview chart by article and district, searches act texts for a
phrase, opens a case with its linked instances and highlighted facts, downloads a table, switches
the language. The store is hand-made through the real ingest, and the acts are realistic verdict
texts from tests/acts/corpus, so the facts and their spans come from the real extractor.

These tests fail (never skip) when chromium cannot start: CI installs it (scripts/system-deps.sh).
"""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, expect, sync_playwright

from milcourt.publish.labels import court_name, garrisons_of
from milcourt.publish.report import SECTIONS, build_report
from milcourt.publish.web.app import create_app
from milcourt.store import open_store
from storebuilder import Case, add

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CORPUS = Path(__file__).parent / "acts" / "corpus"
VERDICT = "002_v337p5_fear_sgt.txt"  # a verdict under 337 part 5, filed here as 61GV0012 1-118/2024
APPEAL_UID = "61GV0012-01-2024-000826-26"
SEARCH_PHRASE = "младшего сержанта"
BAR = "#overview-chart svg g.mark-rect path"
SHOTS = Path(os.environ.get("MILCOURT_SCREENSHOTS", "/tmp/milcourt-screens"))


def _population() -> list[Case]:
    """Cases over 18 months in two districts (South: 61…, 2nd Western: 77…), four articles."""
    cases: list[Case] = []
    south, west = ("61GV0004", "61GV0012"), ("77GV0001", "77GV0002")
    for i in range(36):
        year, month = 2023 + (i % 18) // 12, (i % 18) % 12 + 1
        received = f"{year}-{month:02d}-{5 + i % 20:02d}"
        if i % 3 == 2:
            court, articles = west[i % 2], [("338", "1")] if i % 2 else [("332", "2.1")]
        else:
            court, articles = south[i % 2], [("337", "5" if i % 2 else "3.1")]
        cases.append(Case(court, f"1-{100 + i}/{year}", received, articles, decided=received))
    acts = {VERDICT: ("61GV0012", "1-118/2024", "2024-03-20", [("337", "5")]),
            "031_v338p3_unwilling.txt": ("77GV0001", "1-77/2024", "2024-02-12", [("338", "3")]),
            "034_v332p21_fear.txt": ("77GV0002", "1-34/2024", "2024-01-15", [("332", "2.1")])}
    for name, (court, number, received, articles) in acts.items():
        uid = APPEAL_UID if name == VERDICT else None
        cases.append(Case(court, number, received, articles, decided=received, uid=uid,
                          act=(CORPUS / name).read_text(encoding="utf-8")))
    cases.append(Case("61OV0000", "22-40/2024", "2024-07-02", [("337", "5")], instance="appeal",
                      uid=APPEAL_UID, result="Приговор оставлен без изменения",
                      lower={"court": "Волгоградский гарнизонный военный суд", "number": "1-118/2024",
                             "judge": None, "decided": "2024-06-03"}))
    return cases


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The hand-made store, built once through the real ingest."""
    home = tmp_path_factory.mktemp("browser-home")
    url = f"sqlite:///{home / 'milcourt.db'}"
    with pytest.MonkeyPatch.context() as mp:  # module fixtures start before the per-test home is set
        mp.setenv("MILCOURT_HOME", str(home))
        store = open_store(url)
        for case in _population():
            add(store, case)
        store.close()
    return url


@pytest.fixture(scope="module")
def base_url(store_url: str) -> Iterator[str]:
    """A live server on a free local port over the hand-made store."""
    url = store_url
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's chromium, headless; an error (not a skip) when it cannot start."""
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} missing: run scripts/system-deps.sh"
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="ru-RU")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert not errors, f"javascript errors on the page: {errors}"


def _bars(page: Page) -> int:
    page.wait_for_selector(BAR)
    return page.locator(BAR).count()


def _total(page: Page) -> int:
    return int(page.locator("#total").inner_text())


def test_filters_change_the_overview_chart_in_place(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    all_bars, all_total = _bars(page), _total(page)
    assert all_total == 40
    page.evaluate("window.__samePage = true")  # survives an htmx swap, not a full reload

    page.select_option("form.filters select[name=article]", "337")
    page.click("form.filters button[type=submit]")
    expect(page.locator("#total")).to_have_text("26")  # 24 + verdict + appeal
    page.wait_for_selector(BAR)
    article_bars = _bars(page)
    assert 0 < article_bars < all_bars
    assert page.evaluate("window.__samePage") is True
    assert "article=337" in page.url and "part=" not in page.url  # empty fields are left out

    page.select_option("form.filters select[name=article]", "")
    page.select_option("form.filters select[name=district]", "77OV0000")
    page.click("form.filters button[type=submit]")
    expect(page.locator("#total")).to_have_text("14")
    west_bars = _bars(page)
    assert 0 < west_bars < all_bars
    legend = page.locator("#overview-chart svg g.role-legend").text_content() or ""
    assert "332" in legend and "338" in legend and "337" not in legend
    assert page.evaluate("window.__samePage") is True
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(base_url + "/")
    _bars(page)
    page.screenshot(path=str(SHOTS / "overview.png"), full_page=True)


def test_search_finds_a_phrase_from_an_act(page: Page, base_url: str) -> None:
    page.goto(base_url + "/cases")
    assert _total(page) == 40
    page.fill("input[name=text]", SEARCH_PHRASE)
    page.click("form.filters button[type=submit]")
    expect(page.locator("#total")).to_have_text("1")
    link = page.locator("#cases a", has_text="1-118/2024")
    expect(link).to_be_visible()
    page.fill("input[name=text]", "фраза которой нет ни в одном акте")
    page.click("form.filters button[type=submit]")
    expect(page.locator("#total")).to_have_text("0")


def test_case_page_shows_instances_and_highlighted_facts(page: Page, base_url: str) -> None:
    page.goto(base_url + f"/cases?text={SEARCH_PHRASE}")
    page.click("#cases a:has-text('1-118/2024')")
    page.wait_for_selector("#instances")
    instances = page.locator("#instances tr")
    expect(instances).to_have_count(2)
    assert "22-40/2024" in page.locator("#instances").inner_text()
    expect(page.locator("#instances tr.current")).to_contain_text("1-118/2024")
    marks = page.locator("mark.fact")
    assert marks.count() >= 3
    fields = set(marks.evaluate_all("ms => ms.map(m => m.dataset.field)"))
    assert {"sentence", "service_basis"} & fields, fields
    assert all(f for f in fields)
    assert marks.first.evaluate("m => getComputedStyle(m).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.screenshot(path=str(SHOTS / "case.png"), full_page=False)
    marks.first.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "case-act.png"), full_page=False)
    page.click("#instances a:has-text('22-40/2024')")
    expect(page.locator("h1")).to_contain_text("22-40/2024")


def test_a_download_link_gives_the_csv(page: Page, base_url: str) -> None:
    page.goto(base_url + "/downloads")
    href = page.locator("#downloads a[href='/downloads/cases.csv']").get_attribute("href")
    assert href == "/downloads/cases.csv"
    with page.expect_download() as info:
        page.click("#downloads a[href='/downloads/cases.csv']")
    download = info.value
    assert download.suggested_filename == "cases.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert len(rows) == 40
    assert {"id", "court_code", "number", "instance", "received"} <= set(rows[0])
    assert "1-118/2024" in {r["number"] for r in rows}


def test_language_switch(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    expect(page.locator("header nav")).to_contain_text("Обзор")
    page.click("header a.lang")
    expect(page.locator("header nav")).to_contain_text("Overview")
    page.click("header nav a[href='/cases']")  # the choice is remembered (cookie)
    expect(page.locator("h1")).to_have_text("Cases")
    page.click("header a.lang")
    expect(page.locator("header nav")).to_contain_text("Обзор")


#: Every chart on a page: how many marks (bars, lines, points, rules) it drew, or what it says is missing.
CHARTS_JS = """() => Array.from(document.querySelectorAll('figure.chart, section.figure')).map(f => ({
  name: f.id || (f.previousElementSibling && f.previousElementSibling.textContent) ||
        (f.querySelector('h2') || {}).textContent || '?',
  marks: f.querySelectorAll('.vl svg.marks g.role-mark path, .vl svg.marks g.role-mark line').length,
  svg: f.querySelectorAll('.vl svg.marks').length,
  missing: ((f.querySelector('.missing') || {}).textContent || '').trim(),
}))"""


def _no_empty_frames(page: Page, where: str) -> list[dict[str, object]]:
    """Every chart drew marks, or says in words what is missing; none is an empty frame."""
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => Array.from(document.querySelectorAll('.vl')).every(v => v.querySelector('svg'))")
    charts = page.evaluate(CHARTS_JS)
    assert charts, f"{where}: no charts found"
    for chart in charts:
        drawn = chart["marks"] > 0 and chart["svg"] == 1
        explained = not chart["svg"] and len(str(chart["missing"])) > 40
        assert drawn or explained, f"{where}: empty frame {chart}"
    return charts


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


COURT_PAGES = {
    "overview": "/", "sentences": "/sentences", "courts": "/courts", "districts": "/districts",
    "court": "/courts/61GV0012", "district": "/districts/61OV0000", "cases": "/cases",
}


@pytest.mark.parametrize("name", sorted(COURT_PAGES))
def test_every_dashboard_page_names_courts_and_draws_no_empty_frame(page: Page, base_url: str, name: str) -> None:
    page.goto(base_url + COURT_PAGES[name])
    garrison, south = court_name("61GV0012"), court_name("61OV0000")
    assert garrison.endswith("гарнизонный военный суд") and south.startswith("Южный")
    if name in {"overview", "sentences", "court", "district"}:
        _no_empty_frames(page, name)
    text = page.locator("main").inner_text()
    if name in {"courts", "district", "court", "cases"}:
        assert garrison in text, name  # a person reads the name, not 61GV0012
    if name in {"courts", "district", "cases"}:
        expect(page.locator("main a[href='/courts/61GV0012']").first).to_have_text(garrison)
    if name in {"districts", "courts", "court"}:
        expect(page.locator("main a[href='/districts/61OV0000']").first).to_have_text(south)
    _shot(page, f"dashboard-{name}")


def test_court_page_shows_its_cases_and_coverage(page: Page, base_url: str) -> None:
    page.goto(base_url + "/courts")
    page.click(f"main a:has-text('{court_name('61GV0012')}')")
    expect(page.locator("h1")).to_contain_text(court_name("61GV0012"))
    held = sum(1 for case in _population() if case.court == "61GV0012")
    expect(page.locator("#court-coverage")).to_contain_text(f": {held};")  # the cases it holds
    charts = _no_empty_frames(page, "court")
    assert sum(1 for c in charts if c["marks"]) >= 3  # months, articles, outcomes at least
    page.click("main .crumbs a[href='/districts/61OV0000']")
    expect(page.locator("h1")).to_contain_text(court_name("61OV0000"))
    rows = page.locator("#district-courts tbody tr")
    assert rows.count() == 1 + len(garrisons_of("61OV0000"))


def test_case_pages_link_courts_by_name(page: Page, base_url: str) -> None:
    page.goto(base_url + f"/cases?text={SEARCH_PHRASE}")
    page.click("#cases a:has-text('1-118/2024')")
    expect(page.locator("h1 a[href='/courts/61GV0012']")).to_have_text(court_name("61GV0012"))
    expect(page.locator("#instances a[href='/courts/61OV0000']")).to_have_text(court_name("61OV0000"))


def _values(spec: dict, panel: dict) -> list[dict]:
    """A panel's data rows, wherever altair put them (inline, or by name in ``datasets``)."""
    data = panel.get("data") or panel["layer"][0].get("data") or {}
    return data["values"] if "values" in data else spec["datasets"][data["name"]]


def test_report_in_a_browser(page: Page, store_url: str, tmp_path: Path) -> None:
    """The report as a reader opens it: names, captions, no empty frame, one series per measure."""
    store = open_store(store_url)
    out = tmp_path / "report.html"
    out.write_text(build_report(store.engine), encoding="utf-8")
    store.close()
    page.goto(out.as_uri())
    charts = _no_empty_frames(page, "report")
    assert len(charts) == len(SECTIONS) + 1
    text = page.locator("body").inner_text()
    assert court_name("61GV0012") in text and "How these numbers were made" in text
    assert all(c.strip() for c in page.locator("p.caption").all_inner_texts())
    spec = json.loads(page.locator("#comparison script.vl-spec").text_content() or "{}")
    panels = [_values(spec, panel) for panel in spec["vconcat"]]
    series_panels: dict[str, set[tuple[str, str]]] = {}
    for index, values in enumerate(panels):
        for point in values:
            series_panels.setdefault(point["series"], set()).add((str(index), point["kind"]))
    assert series_panels and all(len(where) == 1 for where in series_panels.values())  # one measure, one period
    lines = page.locator("#comparison .vl svg g.mark-line path").count()
    assert lines == len(series_panels)  # one line per series: none joins two measures
    labels = page.locator("#comparison .vl svg g.mark-text.role-mark text").count()
    assert labels == sum(len(values) for values in panels)  # every figure a labelled point
    _shot(page, "report")


def test_charts_and_api_page_work_under_a_policy_without_eval(page: Page, base_url: str) -> None:
    """The CSP forbids eval: Vega's interpreter draws the charts and Swagger UI starts by its hash,
    with no policy violation reported by the browser."""
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    response = page.goto(base_url + "/")
    assert response is not None
    policy = response.headers["content-security-policy"]
    assert "unsafe-eval" not in policy and "frame-ancestors 'none'" in policy
    assert response.headers["x-frame-options"] == "DENY"
    page.wait_for_selector(BAR)
    assert page.evaluate("typeof window.vegaExpressionInterpreter") == "object"  # loaded, passed to vegaEmbed
    docs = page.goto(base_url + "/docs")
    assert docs is not None and "unsafe-eval" not in docs.headers["content-security-policy"]
    page.wait_for_selector(".swagger-ui .opblock")
    assert not violations, violations
