"""Which tables a case card has, and which tab each one sits in.

Act texts (``div#cont_docN``, ``div#tab_content_DocumentN``) hold tables of their own, and the
vnkod layout repeats every table for phones inside ``div.block-mobile``: neither is card data.
Tables of the classic layout carry their tab's name as a title row (``<th>ЛИЦА</th>``); the
vnkod layout prints none, so an untitled table takes the name of its tab from the tab strip
(``li#tabN`` names ``div#contN``, ``li#tab_id_X`` names ``div#tab_content_X``).

Cards also carry a second copy of their content for printing (``div#printVersionBodyCase``,
``div.printVersionBody``, hidden by CSS until the print button is pressed), and some templates
print a table twice. A case read from both would have every event and person twice, so a table
is read once: a print copy only when no visible table has its header, and a visible table not
when an earlier one has exactly its content (rows repeated inside one table stay: two identical
hearings are two hearings).
"""

from __future__ import annotations

import re
from typing import Any

from milcourt.parse.tables import Table
from milcourt.parse.text import cell_text, clean

_ACT_CONTAINERS = ("cont_doc", "tab_content_Document")
_PRINT_COPY = re.compile(r"print[-_]?version[-_]?body", re.IGNORECASE)


def _container(node: Any) -> tuple[bool, bool, str | None]:
    """(inside an act text or a mobile duplicate, inside a print copy, the id of the tab
    container holding the node)."""
    parent = node.parent
    tab_id = None
    printed = False
    while parent is not None:
        if parent.tag == "div":
            node_id = parent.attributes.get("id")
            classes = parent.attributes.get("class") or ""
            if node_id:
                if node_id.startswith(_ACT_CONTAINERS):
                    return True, False, None
                if tab_id is None:
                    tab_id = node_id
            if "block-mobile" in classes:
                return True, False, None
            if _PRINT_COPY.search(node_id or "") or _PRINT_COPY.search(classes):
                printed = True
        parent = parent.parent
    return False, printed, tab_id


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
    tables: list[Table] = []
    copies: list[Table] = []
    seen = _Seen()
    for node in root.css("table"):
        hidden, printed, tab_id = _container(node)
        if hidden:
            continue
        table = Table(node)
        if printed:
            copies.append(table)
            continue
        if table.rows and seen.again(table):
            continue  # the same table printed twice
        if not table.title and tab_id is not None:
            table.section = names.get(tab_id, "")
        tables.append(table)
    shown = [set(_shape(t)) for t in tables]
    for table in copies:  # a print copy stands in only for a table the card does not show
        shape = set(_shape(table))
        if not any(shape <= other or other <= shape for other in shown if other) and not seen.again(table):
            tables.append(table)
    return tables


class _Seen:
    """Tables read so far, by a cheap key (row count and shape); the full content of two tables
    is compared only when their keys are equal (most cards have no two such tables)."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[int, tuple[str, ...]], list[Table]] = {}

    def again(self, table: Table) -> bool:
        """Whether an identical table was seen before (and remember this one)."""
        key = (len(table.rows), _shape(table))
        earlier = self.by_key.setdefault(key, [])
        if any(_content(other) == _content(table) for other in earlier):
            return True
        earlier.append(table)
        return False


def _content(table: Table) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(clean(cell_text(c)) for c in cells) for cells in table.rows)


def _shape(table: Table) -> tuple[str, ...]:
    """What a table is: its title, else its first row of several cells (a header, or the first
    label and its value). A print copy may drop or add a column, so shapes are compared as sets,
    one within the other."""
    if table.title:
        return (table.title,)
    for index, cells in enumerate(table.rows[:4]):
        if len(cells) >= 2:
            return tuple(table.keys(index))
    return ()
