"""A court act opened on a page of its own (``name_op=doc``): kind ``act``.

Cards and listings link an act to its own page (the "act" icon of a listing row, the acts tab's
links): the module then holds a title ("Решение по гражданскому делу - кассация", "Приговор по
уголовному делу - первая инстанция"), a print button, a link back to the case card ("Информация
по делу", ``name_op=case``) and the act's text. Such a page is none of a card (no tabs, no
labels) nor a listing, and was read as ``unknown``; its text is what the act extractor needs.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from milcourt.parse.text import clean, lines_of

_CASE_LINK = 'a[href*="name_op=case"]'
_ACT_MARKS = "#doccont, .Section1, .WordSection1, div[id^='printVersionBodyDoc'], .doc-content"
_MIN_TEXT = 200  # characters: a page of an act holds more than a title and a link


def is_act_page(root: Any) -> bool:
    """The module links back to a case card and holds an act: a document block (the print
    button's ``#doccont``, Word's ``Section1``), or paragraphs of text beyond the link."""
    if root is None or root.css_first(_CASE_LINK) is None:
        return False
    if root.css_first(_ACT_MARKS) is not None:
        return True
    return sum(len(clean(p.text())) for p in root.css("p")) >= _MIN_TEXT


def parse_act_page(root: Any, base: str | None) -> dict[str, Any]:
    """``{"kind": "act", "title", "case_url", "text"}``; the text is the module's lines after the
    link to the case (the heading, the print button and the link itself left out)."""
    link = root.css_first(_CASE_LINK)
    href = (link.attributes.get("href") or "").strip() if link is not None else ""
    case_url = (urljoin(base, href) if base else href) or None
    title_node = root.css_first(".title")
    title = lines_of(title_node)[0] if title_node is not None and lines_of(title_node) else None
    lines = _lines_after(root, link) if link is not None else []
    if not lines:
        lines = lines_of(root)
    skip = {title, clean(link.text()) if link is not None else None}
    return {
        "kind": "act",
        "title": title,
        "case_url": case_url,
        "text": "\n".join(line for line in lines if line not in skip),
    }


def _lines_after(root: Any, link: Any) -> list[str]:
    """The lines of everything printed after the block holding the case link, inside the module
    (nodes compared by ``mem_id``: the parser hands out a new wrapper at every access)."""
    top = root.mem_id
    lines: list[str] = []
    node = link
    while node is not None and node.mem_id != top:
        sibling = node.next
        while sibling is not None:
            if sibling.tag == "-text":
                text = clean(sibling.text_content or "")
                if text:
                    lines.append(text)
            elif sibling.tag not in ("script", "style"):
                lines.extend(lines_of(sibling))
            sibling = sibling.next
        node = node.parent
    return lines
