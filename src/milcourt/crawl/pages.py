"""What came back from a court site: read a fetched page just enough to crawl on.

The full reading of a page is the parser's (``milcourt.parse.parse_page``). For what the parser
does not return (act-text and attachment links on a card) and for the quick gate check of a
response, this module reads the page with selectolax by the labels and markers the engine
prints, never by positions. Kinds are the parser's: ``case_card``,
``search_results``, ``captcha``, ``unavailable``, ``unknown`` (plus ``act`` for a bare act
text page, which the crawler archives but does not ingest).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from milcourt.crawl.urls import link_kind
from milcourt.parse import decode_page, parse_page
from milcourt.parse.detect import gate_kind

GATE_KINDS = frozenset({"captcha", "unavailable"})

_TOTAL = re.compile(r"Всего\s+по\s+запросу\s+найдено\s*[—–-]?\s*(\d+)", re.I)
_NOTHING = ("Данных по запросу не обнаружено", "Данных по запросу не найдено")
_ATTACHMENT = re.compile(r"\.(rtf|docx?|pdf|txt|odt)(\?|$)", re.I)


def decode(data: bytes) -> str:
    """Decode a page as the parser does (UTF-8 or windows-1251, decided from the bytes)."""
    return str(decode_page(data))


def read_page(data: bytes, url: str) -> dict[str, Any]:
    """The page as the parser reads it (kind, and for listings total/rows/next_page); raises the
    parser's ``ParseError`` on a page it cannot read."""
    return dict(parse_page(data, source=url, base_url=url))


def _case_module(tree: LexborHTMLParser) -> Any:
    return (tree.css_first("#modSdpContent") or tree.css_first("#search_results")
            or tree.css_first("#content") or tree.body)


def read_minimal(data: bytes, url: str) -> dict[str, Any]:
    """Kind, and for a results page total, rows (number, url, acts) and next_page.

    Enough to crawl; not the parser (no persons, dates or articles).
    """
    gate = gate_kind(data)  # the parser's one list of gate markers
    if gate is not None:
        return {"kind": gate}
    text = decode(data)
    tree = LexborHTMLParser(text)
    module = _case_module(tree)
    module_text = module.text(separator=" ") if module is not None else ""
    found = _TOTAL.search(module_text)
    if found or any(marker in module_text for marker in _NOTHING):
        return {"kind": "search_results", "total": int(found.group(1)) if found else 0,
                "rows": _rows(tree, url), "next_page": _next_page(tree, url)}
    if (tree.css_first("#cont1") is not None or tree.css_first("#case_bookmarks") is not None
            or tree.css_first("ul.tabs li") is not None):
        return {"kind": "case_card", **_card_state(tree)}
    if tree.css_first(".Section1") is not None or link_kind(url) == "act":
        return {"kind": "act"}
    return {"kind": "unknown"}


_DECISION_LABELS = ("Дата рассмотрения", "Дата решения", "Результат рассмотрения", "Результат")


def _card_state(tree: LexborHTMLParser) -> dict[str, Any]:
    """Just enough of a card for the ledger: is it decided, and is an act text published."""
    decided = None
    for tr in tree.css("tr"):
        cells = tr.css("td")
        if len(cells) >= 2 and cells[0].text(strip=True) in _DECISION_LABELS and cells[1].text(strip=True):
            decided = cells[1].text(strip=True)
            break
    acts = [{"text": node.text(separator=" ", strip=True)}
            for node in tree.css("[id^=cont_doc], [id^=tab_content_Document]")
            if len(node.text(strip=True)) > 200]
    return {"case": {"decided": decided}, "acts": acts}


def _rows(tree: LexborHTMLParser, base: str) -> list[dict[str, Any]]:
    table = tree.css_first("#tablcont") or tree.css_first("#resultTable")
    rows: list[dict[str, Any]] = []
    if table is None:
        return rows
    for tr in table.css("tr"):
        links = [urljoin(base, a.attributes.get("href") or "") for a in tr.css("a[href]")]
        cards = [u for u in links if link_kind(u) == "card" and "_doc=" not in u]
        if not cards:
            continue
        number_link = next(a for a in tr.css("a[href]") if link_kind(urljoin(base, a.attributes.get("href") or "")) == "card")
        acts = [u for u in links if link_kind(u) == "act" or "_doc=" in u]
        text = " ".join(tr.text(separator=" ").split())
        rows.append({"number": number_link.text(strip=True), "url": cards[0], "acts": acts, "text": text})
    return rows


def listing_act_links(data: bytes, url: str) -> dict[str, list[str]]:
    """Per card link on a results page, the act links in its row (by ``urls.card_key``).

    A row's act arrow appears when the act text is published; the parser's rows do not carry
    it, and the incremental re-crawl needs it in the row's signature to refetch that card."""
    from milcourt.crawl.urls import card_key

    tree = LexborHTMLParser(decode(data))
    return {card_key(row["url"]): sorted(row["acts"]) for row in _rows(tree, url)}


def _next_page(tree: LexborHTMLParser, base: str) -> str | None:
    for a in tree.css("a[href]"):
        title = (a.attributes.get("title") or "").strip().lower()
        if title.startswith("следующая страница"):
            return urljoin(base, (a.attributes.get("href") or "").strip())
    return None


def card_links(data: bytes, url: str) -> list[str]:
    """Act-text pages and attachments linked from a case card's own content (not the site's menus).

    Cards carry all their tabs and the act text inline; some courts publish the act as a
    separate ``name_op=doc`` page or a file (rtf/doc/pdf) linked from the acts tab.
    """
    tree = LexborHTMLParser(decode(data))
    module = _case_module(tree)
    out: list[str] = []
    if module is None:
        return out
    for a in module.css("a[href]"):
        href = urljoin(url, (a.attributes.get("href") or "").strip())
        if not href.startswith("http"):
            continue
        if (link_kind(href) == "act" or _ATTACHMENT.search(href)) and href not in out:
            out.append(href)
    return out
