"""Depersonalise a parsed page: the same record, with every name but the judges' replaced.

The page dict is the parser's, so the knowledge of its shape lives here beside the parser:
where judges and party lists sit, which fields cannot hold a name. Rather than list the
fields that may hold a name, it walks every string and leaves alone only fields that cannot
(numbers, dates, URLs, articles, court names) and the judges' own fields, so a field the
parser adds later is scrubbed by default instead of leaking. Who is who on the page and the
scrubbing itself are the names package's (:class:`milcourt.names.PagePeople`).
"""

from __future__ import annotations

from typing import Any

from milcourt.names import PagePeople, Pseudonymizer

# Fields that hold no names of parties: kept as they are ("stage" is a charge's art. 30 stage).
KEEP_KEYS = frozenset({
    "judge", "judges", "number", "number_full", "uid", "url", "next_page", "received", "decided",
    "date", "time", "law", "article", "part", "point", "stage", "articles", "kind", "total", "file",
    "source", "court", "court_code", "instance", "fetched_at", "sha256",
})
# Lists whose items are people: their "name" becomes a pseudonym.
PERSON_LISTS = frozenset({"persons", "parties", "sides", "participants", "complaints", "appellants"})
LONG_TEXT_KEYS = frozenset({"text"})


def depersonalise(page: dict[str, Any], pz: Pseudonymizer,
                  judges: set[str] | None = None) -> dict[str, Any]:
    """A new page dict with persons' names as pseudonyms and names scrubbed from all free text.

    Judges (``judges`` plus the judges the page names: the case's, the lower court's, each
    listing row's) keep their names, in their fields and inside texts.
    """
    people = PagePeople(pz, _person_names(page), set(judges or ()) | set(_judges_of(page)))
    result = _walk(people, page, None)
    assert isinstance(result, dict)
    return result


def _judges_of(page: dict[str, Any]) -> list[str]:
    found: list[str] = []
    case = page.get("case") or {}
    lower = case.get("lower_court") or {}
    for value in (case.get("judge"), lower.get("judge"), *(r.get("judge") for r in page.get("rows") or [])):
        if isinstance(value, str) and value.strip():
            found.append(value.strip())
    return found


def _person_names(page: dict[str, Any]) -> list[str]:
    names: list[str] = []

    def visit(node: Any, key: str | None) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "name" and key in PERSON_LISTS and isinstance(v, str) and v.strip():
                    names.append(v.strip())
                else:
                    visit(v, k)
        elif isinstance(node, list):
            for item in node:
                visit(item, key)

    visit(page, None)
    return names


def _walk(people: PagePeople, node: Any, key: str | None, in_person_list: bool = False) -> Any:
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for k, v in node.items():
            if k in KEEP_KEYS:
                out[k] = v
            elif k == "name" and in_person_list and isinstance(v, str):
                out[k] = people.name(v)
            else:
                out[k] = _walk(people, v, k)
        return out
    if isinstance(node, list):
        return [_walk(people, item, key, in_person_list=key in PERSON_LISTS) for item in node]
    if isinstance(node, str):
        return people.scrub(node, None if key in LONG_TEXT_KEYS else False)
    return node
