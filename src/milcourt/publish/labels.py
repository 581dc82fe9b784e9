"""Words for people: court and district names in place of codes, measure names, motive names.

Everything the report, the dashboard and the exports show a reader goes through here, so a
court reads «Анадырский гарнизонный военный суд» and not ``87GV0001``. The code stays beside the
name (in a column, a tooltip or brackets) where a reader needs it to look the court up; a code
the registry does not know is shown as it is, never dropped.
"""

from __future__ import annotations

from milcourt.courts.registry import Court, find_court, military_courts

MOTIVES = {
    "family": "family (illness, birth, death, care at home)",
    "health": "own health",
    "wound": "wound or contusion",
    "fear": "fear for his life",
    "psychological": "exhaustion, grief, breakdown",
    "pay": "pay, debts",
    "conflict_with_command": "conflict with commanders or fellow soldiers",
    "equipment": "no food, kit or ammunition",
    "unwilling_to_fight": "unwilling to fight",
    "leave_denied": "leave or discharge refused",
    "other": "other reasons",
}
SERVICE_BASIS = {"mobilized": "mobilised", "contract": "contract", "conscript": "conscript",
                 "volunteer": "volunteer"}
SENTENCE_KINDS = {
    "imprisonment": "prison", "suspended": "suspended prison term", "disciplinary_unit": "disciplinary unit",
    "restriction_of_service": "restriction of service", "fine": "fine", "acquitted": "acquitted",
    "none": "no sentence",
}


def court_name(code: str | None) -> str:
    """The court's name, or the code itself when the registry does not know it ("—" for none)."""
    if not code:
        return "—"
    court = find_court(code)
    return court.name if court else code


def court_label(code: str | None) -> str:
    """'Анадырский гарнизонный военный суд (87GV0001)': name and code, for tables and tooltips."""
    name = court_name(code)
    return name if not code or name == code else f"{name} ({code})"


def short_court_name(code: str | None) -> str:
    """The name without the words every military court shares, for chart axes:
    'Анадырский гарнизонный', 'Тихоокеанский флотский'."""
    name = court_name(code)
    return name.replace(" военный суд", "") if name != code else name


def district_of(code: str | None) -> str | None:
    """The military district (fleet) court a court belongs to: itself for a district court, the
    district court above a garrison court, None for the appeal and cassation courts above them."""
    court = find_court(code) if code else None
    if court is None:
        return None
    if court.level == "district":
        return court.code
    parent = find_court(court.parent) if court.parent else None
    return parent.code if parent is not None and parent.level == "district" else None


def district_courts() -> list[Court]:
    """The military district (and fleet) courts, for filters and the district pages."""
    return sorted((c for c in military_courts() if c.level == "district"), key=lambda c: c.name)


def garrisons_of(district: str) -> list[Court]:
    """The garrison courts under one district court, by name."""
    return sorted((c for c in military_courts() if c.parent == district and c.level == "garrison"),
                  key=lambda c: c.name)


def motive_label(motive: str | None) -> str:
    return MOTIVES.get(motive or "", motive or "—")
