"""What the higher court did with the judgment: "оставить без изменения", "изменить", "отменить"."""

from __future__ import annotations

from yargy import or_, rule
from yargy.predicates import eq, normalized

UPHELD = rule(normalized("оставить"), eq("без"), normalized("изменение"))
CHANGED = rule(normalized("изменить"))
OVERTURNED = or_(rule(normalized("отменить")), rule(normalized("отмена")))

APPEAL_OUTCOME = or_(UPHELD, CHANGED, OVERTURNED)


def appeal_outcome_value(text: str) -> str:
    low = text.lower()
    if "без изменен" in low:
        return "upheld"
    if low.startswith("отмен"):
        return "overturned"
    return "changed"
