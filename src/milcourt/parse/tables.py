"""Reading sudrf tables by their labels, never by positions.

Two shapes carry all the data on the engine's pages:

* label tables: rows of ``label | value`` (the ДЕЛО tab, the lower-court tab, complaints);
* header tables: a row of column labels, then one row per record (events, persons, listings).

Templates differ in the order and presence of tabs and columns, so a field is found by the text
of its label (with the known variants), and a column by the text of its header.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from milcourt.parse.text import cell_text, clean, label_key


def own_rows(table: Any) -> list[Any]:
    """The table's own rows, not those of tables nested in its cells.

    Read from the table's children and its row groups' children (the HTML parser puts every row
    there), so a table's rows cost the rows themselves: searching all descendant rows and
    climbing back from each made nested tables quadratic.
    """
    rows = []
    for child in table.iter():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in _ROW_GROUPS:
            rows.extend(row for row in child.iter() if row.tag == "tr")
    return rows


_ROW_GROUPS = frozenset({"tbody", "thead", "tfoot"})


def cells_of(row: Any) -> list[Any]:
    """The row's ``td``/``th`` cells."""
    return [c for c in row.iter() if c.tag in ("td", "th")]


def is_nested(node: Any, ancestor_tag: str = "table") -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == ancestor_tag:
            return True
        parent = parent.parent
    return False


class Table:
    """One page table: its title row (``<th colspan>ДЕЛО</th>``), its rows as cell lists."""

    def __init__(self, node: Any) -> None:
        self.node = node
        self.rows: list[list[Any]] = [cells for cells in (cells_of(r) for r in own_rows(node)) if cells]
        self.title = ""
        if self.rows and len(self.rows[0]) == 1:
            self.title = clean(cell_text(self.rows[0][0])).upper()
        self.section = ""  # the name of the tab holding an untitled table (set by the card reader)
        self._labels: dict[str, str] | None = None
        self._keys: dict[int, list[str]] = {}

    def keys(self, index: int) -> list[str]:
        """Row ``index``'s cells as label keys, read once: the events, persons and label readers
        all try the first rows of every table as a header."""
        keys = self._keys.get(index)
        if keys is None:
            keys = self._keys[index] = [label_key(cell_text(c)) for c in self.rows[index]]
        return keys

    def labels(self) -> dict[str, str]:
        """``label → value`` for the two-cell rows (first label wins)."""
        if self._labels is not None:
            return self._labels
        out: dict[str, str] = {}
        for index, cells in enumerate(self.rows):
            if len(cells) != 2:
                continue
            known = self._keys.get(index)  # a header row already read: its first key
            key = known[0] if known is not None else label_key(cell_text(cells[0]))
            if key and len(key) <= 120 and key not in out:
                out[key] = cell_text(cells[1])
        self._labels = out
        return out

    def header(self, required: Iterable[str]) -> tuple[int, list[str]] | None:
        """The first row whose cell labels include every ``required`` prefix: (index, keys)."""
        needed = list(required)
        for index, cells in enumerate(self.rows[:4]):
            if len(cells) < 2:
                continue
            keys = self.keys(index)
            if all(any(k.startswith(n) for k in keys) for n in needed):
                return index, keys
        return None


def column(keys: Sequence[str], *variants: str, exact: bool = False) -> int | None:
    """Index of the first header matching a variant (exact label, else label prefix)."""
    for variant in variants:
        if variant in keys:
            return keys.index(variant)
    if exact:
        return None
    hits = [i for i, key in enumerate(keys) if key.startswith(variants)]  # most tables: none
    for variant in variants:
        for i in hits:
            if keys[i].startswith(variant):
                return i
    return None


def lookup(labels: dict[str, str], *variants: str) -> str | None:
    """The value of the first label variant printed with a value (an empty cell is no value)."""
    for variant in variants:
        value = labels.get(variant)
        if value:
            return value
    return None


def value_at(cells: Sequence[Any], index: int | None) -> str | None:
    if index is None or index >= len(cells):
        return None
    return cell_text(cells[index]) or None
