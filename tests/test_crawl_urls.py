"""The sudrf URL scheme against the links in real court pages (../shared/fixtures/sudrf)."""

from __future__ import annotations

import math
import re
from datetime import date
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from milcourt.crawl.courts import military_courts, select_courts
from milcourt.crawl.pages import read_minimal, read_page
from milcourt.crawl.sites import site_for
from milcourt.crawl.urls import (
    REGISTERS,
    card_key,
    link_kind,
    page_number,
    paging,
    query,
    registers_for,
    search_url,
    split_range,
    with_page,
)

BASE = "https://2kas.sudrf.ru/modules.php?name=sud_delo"


def _links(html: str, pattern: str) -> list[str]:
    return [h.replace("&amp;", "&") for h in re.findall(pattern, html)]


@pytest.fixture(scope="module")
def listing(sudrf_fixtures: Path) -> bytes:
    return (sudrf_fixtures / "ksoyu_listing_acts.html").read_bytes()


def test_first_instance_search_url_has_the_form_fields() -> None:
    url = search_url("http://bgvs.alt.sudrf.ru", REGISTERS["first"], article="337",
                     since=date(2024, 1, 1), until=date(2024, 3, 31))
    assert url.startswith("http://bgvs.alt.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=r&")
    q = query(url)
    assert q["delo_id"] == "1540006" and q["new"] == "0" and q["case_type"] == "0"
    assert q["delo_table"] == "u1_case"
    assert q["u1_case__ENTRY_DATE1D"] == "01.01.2024" and q["u1_case__ENTRY_DATE2D"] == "31.03.2024"
    assert q["U1_DEFENDANT__LAW_ARTICLESS"] == "337"
    assert q["Submit"] == "Найти"
    # the sites read query strings as windows-1251, as in the real paging links
    assert "Submit=%CD%E0%E9%F2%E8" in url


def test_appeal_search_url_uses_the_appeal_register() -> None:
    q = query(search_url("http://vovs.spb.sudrf.ru", REGISTERS["appeal"], article="352.1", srv="2"))
    assert (q["delo_id"], q["new"], q["delo_table"], q["srv_num"]) == ("4", "4", "u2_case", "2")
    assert q["U2_DEFENDANT__LAW_ARTICLESS"] == "352.1"
    assert q["u2_case__ENTRY_DATE1D"] == "" and q["u2_case__ENTRY_DATE2D"] == ""


def test_paging_of_the_real_listing(listing: bytes) -> None:
    page = read_page(listing, BASE)  # the parser's reading (milcourt.parse.parse_page)
    pg = paging(page)
    assert pg.total == 530
    assert len(pg.card_urls) == 25
    assert all(link_kind(u) == "card" for u in pg.card_urls)
    assert pg.card_urls[0] == ("https://2kas.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case"
                               "&case_id=18223875&case_uid=3128af6a-aafd-43ab-a873-18c4f46b860e"
                               "&new=2800001&delo_id=2800001")
    assert pg.next_page is not None and page_number(pg.next_page) == 2
    # the listing's "last page" link agrees with total / rows per page
    last = _links(listing.decode(), r'href= (\./modules\.php[^ >]*) title="На последнюю')
    assert page_number(last[0]) == math.ceil(530 / 25) == 22


@pytest.mark.parametrize("name", ["ksoyu_listing_acts.html", "samara_kas_appeal_uid_results.html"])
def test_fallback_reader_pages_like_the_parser(sudrf_fixtures: Path, name: str) -> None:
    data = (sudrf_fixtures / name).read_bytes()
    parsed, minimal = paging(read_page(data, BASE)), paging(read_minimal(data, BASE))
    assert (minimal.total, minimal.card_urls, minimal.next_page) == (parsed.total, parsed.card_urls, parsed.next_page)
    assert all(link_kind(u) == "act" or "_doc=" in u for u in minimal.act_urls)


def test_with_page_builds_the_sites_own_page_links(listing: bytes) -> None:
    html = listing.decode()
    page2 = _links(html, r'href= (\./modules\.php[^ >]*page=2[^ >]*)>2<')[0]
    page3 = _links(html, r'href= (\./modules\.php[^ >]*page=3[^ >]*)>3<')[0]
    assert parse_qsl(urlsplit(with_page(page2, 3)).query) == parse_qsl(urlsplit(page3).query)
    assert page_number(with_page(page3, 1)) == 1 and "page=" not in with_page(page3, 1)
    built = with_page(search_url("http://x", REGISTERS["first"], article="337"), 2)
    assert re.search(r"name_op=r&page=2&", built)


def test_v4_listing_rows_count_once(sudrf_fixtures: Path) -> None:
    page = read_page((sudrf_fixtures / "samara_kas_appeal_uid_results.html").read_bytes(), BASE)
    pg = paging(page)
    assert pg.total == 1 and pg.next_page is None
    assert len(pg.card_urls) == 1
    assert query(pg.card_urls[0])["_id"] == "45090185"


def test_card_key_is_one_per_case_whatever_the_link_variant(sudrf_fixtures: Path) -> None:
    html = (sudrf_fixtures / "samara_kas_appeal_uid_results.html").read_text(encoding="utf-8")
    variants = set(_links(html, r'href="(/modules\.php\?name=sud_delo&amp;name_op=case[^"]*)"'))
    assert len(variants) == 3  # table link, mobile link without _uid, act-tab link with _doc=1
    assert {card_key("https://x" + v) for v in variants} == {"case:1:1540005:45090185"}


def test_link_kinds_of_real_links(sudrf_fixtures: Path) -> None:
    html = (sudrf_fixtures / "kirov_koap.html").read_text(encoding="utf-8")
    juid = _links(html, r'href="(/modules\.php\?name=sud_delo&amp;name_op=r_juid[^"]*)"')[0]
    assert link_kind("https://x" + juid) == "search"
    assert link_kind("https://x/modules.php?name=sud_delo&srv_num=1&name_op=sf&delo_id=1540006") == "form"
    assert link_kind("https://x/modules.php?name=press_dep&op=4") == "other"


def test_registers_by_court_level() -> None:
    assert [r.instance for r in registers_for("54GV0003")] == ["first"]
    assert [r.instance for r in registers_for("54OV0000")] == ["first", "appeal"]
    assert [r.instance for r in registers_for("54OV0000", "appeal")] == ["appeal"]
    assert [r.instance for r in registers_for("50AV0000")] == ["appeal"]
    assert registers_for("54GV0003", "appeal") == []
    assert registers_for("99KV0000") == []  # cassation only when asked for by name
    with pytest.raises(ValueError, match="not a court code"):
        registers_for("bgvs")


def test_split_range_halves_inclusive_ranges() -> None:
    assert split_range(date(2024, 1, 1), date(2024, 1, 31)) == (
        (date(2024, 1, 1), date(2024, 1, 16)), (date(2024, 1, 17), date(2024, 1, 31)))
    assert split_range(date(2024, 1, 1), date(2024, 1, 2)) == (
        (date(2024, 1, 1), date(2024, 1, 1)), (date(2024, 1, 2), date(2024, 1, 2)))
    assert split_range(date(2024, 1, 1), date(2024, 1, 1)) is None


def test_military_courts_and_selection() -> None:
    courts = military_courts()
    assert len(courts) == 111
    levels = [c.code[2:4] for c in courts]
    assert (levels.count("GV"), levels.count("OV"), levels.count("AV"), levels.count("KV")) == (100, 9, 1, 1)
    assert [c.code for c in select_courts("54GV0003")] == ["54GV0003"]
    with pytest.raises(ValueError, match="00GV0000"):
        select_courts("54GV0003,00GV0000")


def test_sites_real_and_simulated() -> None:
    court = select_courts("54GV0003")[0]
    real = site_for(court)
    assert real.root == "http://bgvs.alt.sudrf.ru" and real.host == "bgvs.alt.sudrf.ru"
    sim = site_for(court, "http://127.0.0.1:8765/")
    assert sim.root == "http://127.0.0.1:8765/54GV0003"
    assert sim.slot == "127.0.0.1:8765/54GV0003" != site_for(select_courts("27GV0005")[0], "http://127.0.0.1:8765").slot
    assert sim.rebase("http://127.0.0.1:8765/modules.php?name=sud_delo&name_op=case&case_id=1") == \
        "http://127.0.0.1:8765/54GV0003/modules.php?name=sud_delo&name_op=case&case_id=1"
    assert sim.rebase("http://127.0.0.1:8765/54GV0003/modules.php?a=1") == "http://127.0.0.1:8765/54GV0003/modules.php?a=1"
    assert sim.rebase("https://files.sudrf.ru/1157/user/x.doc") == "https://files.sudrf.ru/1157/user/x.doc"
    host = site_for(court, "http://127.0.0.1:8765", mode="host")
    assert host.host_header == "bgvs.alt.sudrf.ru" and host.host == host.slot == "bgvs.alt.sudrf.ru"
    assert host.rebase("http://127.0.0.1:8765/modules.php?a=1") == "http://127.0.0.1:8765/modules.php?a=1"
