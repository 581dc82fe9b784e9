"""``parse_page``: bytes of a saved or fetched court page → the page dict, sanity-checked.

The dict's shape per kind is in docs/parse.md. Names are raw here (the store pseudonymises them
at ingest); there is no ``file`` key (the CLI adds it).
"""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser

from milcourt.boundedread import max_page_bytes
from milcourt.markup import cap_depth
from milcourt.parse.act_page import parse_act_page
from milcourt.parse.card import parse_card
from milcourt.parse.decode import decode_page_source
from milcourt.parse.detect import ACT, CASE_CARD, SEARCH_RESULTS, module_root, page_kind, structural_kind
from milcourt.parse.errors import PageLayoutError, ParseError
from milcourt.parse.listing import parse_listing
from milcourt.parse.site import site_url

_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP/DOCX archive",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\xd0\xcf\x11\xe0": "an MS Office document",
    b"{\\rtf": "an RTF document",
    b"\x1f\x8b": "gzip-compressed data",
}


def parse_page(data: bytes, *, source: str = "<bytes>", base_url: str | None = None) -> dict[str, Any]:
    """Parse one page. Raises ``ParseError`` for non-pages, ``PageLayoutError`` for broken ones.

    Whatever a hostile page makes a library raise is reported as this page's ``ParseError`` too,
    so a caller needs to know one error type (a bug of ours then names the page it met).
    """
    _check_bytes(data, source)
    try:
        return _parse(data, source, base_url)
    except ParseError:
        raise
    except MemoryError:
        raise ParseError(source, "unreadable page: it needs more memory than there is") from None
    except Exception as exc:  # noqa: BLE001 - see the docstring
        raise ParseError(source, f"unreadable page ({type(exc).__name__}: {exc})") from exc


def _parse(data: bytes, source: str, base_url: str | None) -> dict[str, Any]:
    html, utf8 = decode_page_source(data)
    capped = cap_depth(html)  # hostile nesting: parse time stays linear, text stays
    if capped is not html:
        html, utf8 = capped, None
    tree = LexborHTMLParser(utf8 if utf8 is not None else html)
    root = module_root(tree)
    kind = page_kind(tree, root, html)
    if kind not in (CASE_CARD, SEARCH_RESULTS, ACT) and tree.body is not None and root is not None and root.tag != "body":
        # A site theme whose "#content" wraps something else than the case module.
        body_kind = structural_kind(tree.body)
        if body_kind is not None:
            root, kind = tree.body, body_kind
    page: dict[str, Any]
    if kind == CASE_CARD:
        page = parse_card(root, html, source)
    elif kind == SEARCH_RESULTS:
        page = parse_listing(root, html, source=source, base=base_url or site_url(html))
    elif kind == ACT:
        page = parse_act_page(root, base_url or site_url(html))
    else:
        page = {"kind": kind}
    if page["kind"] in (CASE_CARD, SEARCH_RESULTS, ACT) and _truncated(html):
        raise PageLayoutError(source, f"truncated {page['kind']} page (no closing </html>): the record would be incomplete")
    check_sanity(page, source)
    return page


def _truncated(html: str) -> bool:
    """A download cut short: the engine's pages always end with ``</html>``."""
    tail = html[-8192:].lower()
    return "</html" not in tail and "</body" not in tail


def _check_bytes(data: bytes, source: str) -> None:
    limit = max_page_bytes()
    if len(data) > limit:
        raise ParseError(source, f"page too large: {len(data)} bytes, the limit is {limit} bytes "
                                 f"(MILCOURT_MAX_PAGE_MB)")
    if not data or not data.strip():
        raise ParseError(source, "empty file, not a court page")
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ParseError(source, f"binary data ({what}), not an HTML page")
    if b"\x00" in data[:4096]:
        raise ParseError(source, "binary data (NUL bytes), not an HTML page")


def check_sanity(page: dict[str, Any], source: str) -> None:
    """Fail loudly when a recognised page came out without what every such page has."""
    if page["kind"] == CASE_CARD:
        case = page["case"]
        if not case.get("number"):
            raise PageLayoutError(source, "case card without a case number (no 'ДЕЛО №' heading)")
        if not (case.get("uid") or case.get("received") or page["events"] or page["persons"] or page["acts"]):
            raise PageLayoutError(
                source,
                f"case card {case['number']}: none of its labels were found "
                "(no 'Уникальный идентификатор дела', 'Дата поступления', events, persons or acts)",
            )
    elif page["kind"] == ACT:
        if not page["text"]:
            raise PageLayoutError(source, f"act page {page['title'] or ''!s}: no act text after the link to its case")
    elif page["kind"] == SEARCH_RESULTS:
        total, rows = page["total"], page["rows"]
        if total and not rows:
            raise PageLayoutError(source, f"search results report {total} cases but no row could be read")
        for i, row in enumerate(rows, start=1):
            if not row["number"]:
                raise PageLayoutError(source, f"search results row {i} has no case number")
