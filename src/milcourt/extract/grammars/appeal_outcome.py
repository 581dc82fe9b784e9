"""What the higher court did with the judgment: "оставить без изменения", "изменить", "отменить"."""

from __future__ import annotations

from yargy import or_, rule
from yargy.predicates import eq, normalized

# "оставить без изменения"; also the reversed formula "жалобу оставить без удовлетворения, а приговор –
# без изменения", where the verb goes with the complaint
UPHELD = rule(normalized("оставить").optional(), eq("без"), normalized("изменение"))
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
