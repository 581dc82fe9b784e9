"""The lower court of an appeal or cassation card, read by what its labels mean.

Courts of each level word the lower-court block their own way: «Суд (судебный участок) первой
инстанции» in a cassation court, «Районный суд» and «Номер производства по делу в суде 1-ой
инстанции» in a regional court's ДЕЛО tab, bare «Суд» / «Номер дела» inside a РАССМОТРЕНИЕ В
НИЖЕСТОЯЩЕМ СУДЕ tab. Listing every wording would miss the next court's, so a label is read in
two steps (the tables are in ``labels``): is it about the lower court (it names the first
instance or a lower court, names a court kind, or sits in the lower-court tab), and which fact
it holds (its head word: court, number, judge, date of the decision).

A card whose lower-court block has values but none of them could be read raises
``PageLayoutError``: a case silently without its lower court would look like a first instance.
"""

from __future__ import annotations

import re

from milcourt.parse import labels as L
from milcourt.parse.errors import PageLayoutError
from milcourt.parse.text import iso_date

_COURT_VALUE = re.compile(r"(?<![а-яё])суд(?![а-яё])|судебн\w* участ|участок\s*№", re.IGNORECASE)
FIELDS = ("court", "number", "judge", "decided")


def meaning(key: str, in_tab: bool) -> tuple[str, int] | None:
    """(the fact a label holds, its rank: 0 names the lower court, 1 is a court kind, 2 generic
    inside the lower-court tab) or None for a label that is not about the lower court's decision."""
    if any(word in key for word in L.LOWER_IGNORED):
        return None
    if any(mark in key for mark in L.LOWER_MARKS):
        rank = 0
    elif L.COURT_KIND.match(key):
        return ("judge", 1) if key.startswith(L.LOWER_JUDGE_WORDS) else ("court", 1)
    elif in_tab and not any(other in key for other in L.OTHER_INSTANCES):
        rank = 2
    else:
        return None
    for field, heads in L.LOWER_FIELD_HEADS:
        if key.startswith(heads):
            if field == "decided" and not any(word in key for word in L.DECISION_WORDS):
                return None  # "Дата поступления в суд первой инстанции" is no decision
            return field, rank
    return None


def read_lower_court(fields: dict[str, str], tab: dict[str, str], *, source: str,
                     number: str | None) -> dict[str, str | None] | None:
    """The lower court from the lower-court tab's labels and the case's own; None when the card
    has no lower-court block."""
    found: dict[str, tuple[int, int, str]] = {}  # field -> (rank, order, value)
    block: list[str] = []  # labels of the block printed with a value
    order = 0
    for labels, in_tab in ((tab, True), (fields, False)):
        for key, value in labels.items():
            order += 1
            if any(word in key for word in L.LOWER_IGNORED):
                continue
            if not value:
                continue
            hit = meaning(key, in_tab)
            if in_tab or hit is not None:
                block.append(key)
            if hit is None:
                continue
            field, rank = hit
            if field not in found or (rank, order) < found[field][:2]:
                found[field] = (rank, order, value)
    lower: dict[str, str | None] = {f: found[f][2] if f in found else None for f in FIELDS}
    if lower["judge"] and not lower["court"] and _COURT_VALUE.search(lower["judge"]):
        lower["court"], lower["judge"] = lower["judge"], None  # a court printed under the judge's label
    lower["decided"] = iso_date(lower["decided"])
    if any(lower.values()):
        return lower
    if block:
        raise PageLayoutError(
            source,
            f"case card {number or '?'}: its lower-court block was not read "
            f"(labels {', '.join(repr(k) for k in block[:6])} hold no known lower-court fact)",
        )
    return None
