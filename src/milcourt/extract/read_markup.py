"""Text of HTML and RTF acts (the two markup formats court sites attach)."""

from __future__ import annotations

import re
from pathlib import Path

from milcourt.extract.read_errors import ActReadError, Deadline
from milcourt.markup import cap_depth

ACT_MAX_DEPTH = 60  # counted by start tags; a table level is four elements deep to libxml2

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
_BLOCK = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
          "header", "footer", "blockquote", "pre", "td", "th", "dd", "dt", "hr"}


def decode_html(data: bytes) -> str:
    """HTML bytes as str: the declared charset when valid, else UTF-8, else windows-1251."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    m = _META_CHARSET.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii").lower()
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace")


def read_html(data: bytes, source: str | Path, deadline: Deadline) -> str:
    """Visible text of a page, one line per block element; scripts and styles dropped."""
    import lxml.html
    from lxml import etree

    html = cap_depth(decode_html(data), ACT_MAX_DEPTH)  # libxml2 drops whatever lies deeper than 256
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise ActReadError(source, f"unreadable HTML: {exc}") from exc
    for bad in root.xpath("//script|//style|//noscript|//head"):
        bad.drop_tree()
    for i, el in enumerate(root.iter()):
        if i % 2000 == 0:
            deadline.check()
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.lower() in _BLOCK:
            el.tail = "\n" + (el.tail or "")
            if tag.lower() in ("td", "th"):
                el.tail = "\t" + (el.tail or "").lstrip("\n")
    return root.text_content()


_ANSICPG = re.compile(rb"\\ansicpg(\d+)")


def read_rtf(data: bytes, source: str | Path, deadline: Deadline) -> str:
    """RTF via striprtf: \\'xx bytes in the declared code page (cp1251 for Russian), \\uN as Unicode."""
    from striprtf.striprtf import rtf_to_text

    m = _ANSICPG.search(data[:4096])
    codepage = f"cp{m.group(1).decode()}" if m else "cp1251"
    try:
        "".encode(codepage)
    except LookupError:
        codepage = "cp1251"
    raw = data.decode(codepage, errors="replace")  # RTF is 7-bit, but some writers leave raw 8-bit bytes
    if raw.count("{") < 1 or "\\" not in raw:
        raise ActReadError(source, "corrupt RTF: no control words")
    try:
        return rtf_to_text(raw, encoding=codepage, errors="replace")
    except (IndexError, ValueError, KeyError) as exc:
        raise ActReadError(source, f"corrupt RTF: {exc}") from exc
