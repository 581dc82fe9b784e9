"""Field-by-field comparison of extracted facts against hand labels (for the corpus harness)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

NESTED = ("absence", "sentence", "final_sentence")


def fields(facts: dict[str, Any]) -> dict[str, Any]:
    """Flatten nested objects to "absence.start", "sentence.years" …; a null object stays one field."""
    out: dict[str, Any] = {}
    for key, value in facts.items():
        if key in NESTED and isinstance(value, dict):
            for sub, v in value.items():
                out[f"{key}.{sub}"] = v
        else:
            out[key] = value
    return out


def compare(expected: dict[str, Any], got: dict[str, Any]) -> dict[str, bool]:
    """{field: right?} over the labelled fields (a label of null compares as null)."""
    exp, act = fields(expected), fields(got)
    result = {}
    for key, value in exp.items():
        result[key] = act.get(key, None if "." in key else "<missing>") == value
    for key in act:
        if key not in exp and key.split(".")[0] in expected and expected[key.split(".")[0]] is None:
            result[key.split(".")[0]] = False
    return result


class Tally:
    """Right / total per field across acts."""

    def __init__(self) -> None:
        self.right: dict[str, int] = defaultdict(int)
        self.total: dict[str, int] = defaultdict(int)

    def add(self, outcome: dict[str, bool]) -> None:
        for key, ok in outcome.items():
            self.total[key] += 1
            self.right[key] += ok

    def share(self, key: str | None = None) -> float:
        if key is not None:
            return self.right[key] / self.total[key] if self.total[key] else 1.0
        total = sum(self.total.values())
        return sum(self.right.values()) / total if total else 1.0

    def report(self) -> str:
        lines = [f"{k:28s} {self.right[k]:4d}/{self.total[k]:<4d} {self.share(k):6.1%}" for k in sorted(self.total)]
        lines.append(f"{'ALL FIELDS':28s} {sum(self.right.values()):4d}/{sum(self.total.values()):<4d} {self.share():6.1%}")
        return "\n".join(lines)
