"""Which tables a case card has, and which tab each one sits in.

Act texts (``div#cont_docN``, ``div#tab_content_DocumentN``) hold tables of their own, and the
vnkod layout repeats every table for phones inside ``div.block-mobile``: neither is card data.
Tables of the classic layout carry their tab's name as a title row (``<th>ЛИЦА</th>``); the
vnkod layout prints none, so an untitled table takes the name of its tab from the tab strip
(``li#tabN`` names ``div#contN``, ``li#tab_id_X`` names ``div#tab_content_X``).
"""

from __future__ import annotations

from typing import Any

from milcourt.parse.tables import Table
from milcourt.parse.text import clean

_ACT_CONTAINERS = ("cont_doc", "tab_content_Document")


def _container(node: Any) -> tuple[bool, str | None]:
    """(inside an act text or a mobile duplicate, the id of the tab container holding the node)."""
    parent = node.parent
    tab_id = None
    while parent is not None:
        if parent.tag == "div":
            node_id = parent.attributes.get("id")
            if node_id:
                if node_id.startswith(_ACT_CONTAINERS):
                    return True, None
                if tab_id is None:
                    tab_id = node_id
            if "block-mobile" in (parent.attributes.get("class") or ""):
                return True, None
        parent = parent.parent
    return False, tab_id


def _tab_names(root: Any) -> dict[str, str]:
    """Tab container id → the tab's name as printed ("cont3" → "ЛИЦА", "tab_content_PersonList"
    → "СТОРОНЫ ПО ДЕЛУ"), from the tab strip (``li#tabN`` / ``li#tab_id_X``)."""
    names = {}
    for li in root.css('li[id^="tab"]'):
        li_id = li.attributes.get("id") or ""
        if li_id.startswith("tab_id_"):
            key = "tab_content_" + li_id[7:]
        elif li_id[3:].isdigit():
            key = "cont" + li_id[3:]
        else:
            continue
        names[key] = clean(li.text()).upper()
    return names


def card_tables(root: Any) -> list[Table]:
    """The card's data tables (not the tables inside act texts or mobile duplicates), each with
    its section: its own title row, else the name of the tab it sits in (vnkod templates print
    no title rows, and a complaint's nested movement table sits under the complaint tab)."""
    names = _tab_names(root)
    tables = []
    for node in root.css("table"):
        hidden, tab_id = _container(node)
        if hidden:
            continue
        table = Table(node)
        if not table.title and tab_id is not None:
            table.section = names.get(tab_id, "")
        tables.append(table)
    return tables
