"""Where a prison term is served: "в исправительной колонии общего режима", "в колонии-поселении"."""

from __future__ import annotations

from yargy import or_, rule
from yargy.predicates import dictionary, eq, normalized

REGIME_WORD = dictionary({"общий", "строгий", "особый"})
COLONY = rule(normalized("исправительный").optional(), normalized("колония"))

REGIME = or_(
    rule(COLONY, REGIME_WORD, normalized("режим")),
    rule(normalized("колония"), eq("-"), normalized("поселение")),
    rule(normalized("колония-поселение")),
    rule(REGIME_WORD, normalized("режим")),
)

_VALUES = {"общ": "general", "строг": "strict", "особ": "special", "посел": "settlement"}


def regime_value(text: str) -> str | None:
    low = text.lower()
    for stem, value in _VALUES.items():
        if stem in low:
            return value
    return None
