"""The dashboard's headers and links: no eval in the policy, no framing, only web links."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from milcourt.publish.web.app import create_app
from milcourt.publish.web.security import IMPORT_MAP, inline_script_hashes, is_web_url, script_hash
from milcourt.simulate.pages import render_card
from milcourt.simulate.population import Case
from milcourt.store import open_store

URLS = ["javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,<b>x</b>",
        "vbscript:msgbox", "file:///etc/passwd", "//evil.example/x", "https://37gv.sudrf.ru/modules.php?x=1"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    url = f"sqlite:///{tmp_path_factory.mktemp('websec') / 'web.db'}"
    store = open_store(url)
    for n, source_url in enumerate(URLS, 1):
        case = Case(court="37GV0001", court_name="Ивановский гарнизонный военный суд", instance="first",
                    number=f"1-{n}/2024", uid=f"37GV0001-01-2024-{n:06d}-11", articles=[("337", "5")],
                    received=date(2024, 3, 1), decided=date(2024, 4, 2), result="Вынесен ПРИГОВОР",
                    judge="Эталонов Аркадий Семёнович", defendant="", case_id=n, case_uid=f"u{n}", doc_id=n)
        store.ingest_page(render_card(case), source=f"card{n}.html", url=source_url)
    store.close()
    return TestClient(create_app(url), raise_server_exceptions=False)


@pytest.mark.parametrize("path", ["/", "/cases", "/courts", "/docs", "/openapi.json", "/api/cases", "/static/app.js"])
def test_every_answer_has_the_policy_without_eval_and_no_framing(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "unsafe-eval" not in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_inline_scripts_are_allowed_by_their_hash_only(client: TestClient) -> None:
    page = client.get("/")
    assert f'<script type="importmap">{IMPORT_MAP}</script>' in page.text
    assert script_hash(IMPORT_MAP) in page.headers["content-security-policy"]
    docs = client.get("/docs")
    hashes = inline_script_hashes(docs.text)
    assert hashes and all(h in docs.headers["content-security-policy"] for h in hashes)


def test_only_http_urls_become_links(client: TestClient) -> None:
    rows = client.get("/api/cases", params={"page_size": 100}).json()["rows"]
    assert len(rows) == len(URLS)
    links = 0
    for row in rows:
        html = client.get(f"/cases/{row['id']}").text
        hrefs = re.findall(r'href="([^"]*)"', html)
        assert not [h for h in hrefs if re.match(r"\s*(javascript|data|vbscript|file):", h, re.I)], hrefs
        assert not [h for h in hrefs if h.startswith("//")], hrefs
        links += any(h.startswith("https://37gv.sudrf.ru/") for h in hrefs)
    assert links == 1


@pytest.mark.parametrize(("url", "ok"), [(u, u.startswith("https://")) for u in URLS]
                         + [("http://a.b/c", True), ("https://", False), ("https://a b.c/", False), (None, False)])
def test_is_web_url(url: str | None, ok: bool) -> None:
    assert is_web_url(url) is ok


def test_vendored_interpreter_is_served_with_its_licence() -> None:
    vendor = Path(__file__).resolve().parents[1] / "src" / "milcourt" / "publish" / "static" / "vendor"
    assert (vendor / "vega-interpreter-2.3.2.js").read_text().rstrip().endswith(".js.map")
    assert "BSD" in (vendor / "LICENSE.vega-interpreter-2.3.2").read_text() or \
        "Redistribution" in (vendor / "LICENSE.vega-interpreter-2.3.2").read_text()
