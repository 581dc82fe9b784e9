"""Score extracted act facts against what the simulator says each act states (truth.json).

Fields are compared only where the act is of a kind that states them (the sentence of a
verdict, the absence dates of an absence): a truth of ``None`` there means "the act does not
say", and an extracted value for it counts as wrong. Motives are scored as sets, micro F1.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

FIELDS = ("sentence_kind", "term_months", "regime", "suspended", "absence_start", "absence_end", "service_basis")


@dataclass
class Score:
    compared: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[str, str, Any, Any]] = field(default_factory=list)
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    motive_misses: Counter[str] = field(default_factory=Counter)
    motive_extra: Counter[str] = field(default_factory=Counter)

    @property
    def field_share(self) -> float:
        return sum(self.right.values()) / max(1, sum(self.compared.values()))

    @property
    def motive_f1(self) -> float:
        return 2 * self.true_pos / max(1, 2 * self.true_pos + self.false_pos + self.false_neg)

    def lines(self) -> list[str]:
        out = [f"act facts: {sum(self.right.values())}/{sum(self.compared.values())} fields right "
               f"({self.field_share:.1%}); motives F1 {self.motive_f1:.3f} "
               f"(tp {self.true_pos}, fp {self.false_pos}, fn {self.false_neg})"]
        out += [f"  {name}: {self.right[name]}/{self.compared[name]}" for name in FIELDS if self.compared[name]]
        if self.motive_misses:
            out.append(f"  motives missed: {dict(self.motive_misses)}")
        if self.motive_extra:
            out.append(f"  motives read but not stated: {dict(self.motive_extra)}")
        return out


def expected(truth: dict[str, Any]) -> dict[str, Any]:
    """The comparable fields of one act's truth."""
    verdict = truth["doc_type"] == "verdict"
    years, months = truth.get("sentence_years"), truth.get("sentence_months")
    out: dict[str, Any] = {"absence_start": truth["absence_start"], "absence_end": truth["absence_end"],
                           "service_basis": truth["service_basis"]}
    if verdict:
        out.update(sentence_kind=truth["sentence_kind"], regime=truth["regime"],
                   suspended=bool(truth["suspended"]), term_months=(years or 0) * 12 + (months or 0))
    return out


def extracted(row: dict[str, Any]) -> dict[str, Any]:
    """The same fields from a store row of act_facts (dates as ISO strings)."""
    years, months = row.get("sentence_years"), row.get("sentence_months")
    return {
        "sentence_kind": row.get("sentence_kind"), "regime": row.get("regime"),
        "suspended": row.get("sentence_kind") == "suspended",
        "term_months": None if years is None and months is None else (years or 0) * 12 + (months or 0),
        "absence_start": str(row["absence_start"])[:10] if row.get("absence_start") else None,
        "absence_end": str(row["absence_end"])[:10] if row.get("absence_end") else None,
        "service_basis": row.get("service_basis"),
    }


def score(pairs: list[tuple[str, dict[str, Any], dict[str, Any] | None, set[str]]]) -> Score:
    """``pairs``: (act key, truth act_facts, extracted act_facts row or None, extracted motives)."""
    result = Score()
    for key, truth, row, motives in pairs:
        want = expected(truth)
        got = extracted(row) if row else {}
        for name, value in want.items():
            result.compared[name] += 1
            if got.get(name) == value:
                result.right[name] += 1
            else:
                result.misses.append((key, name, value, got.get(name)))
        stated = set(truth["motives"])
        result.true_pos += len(stated & motives)
        result.false_pos += len(motives - stated)
        result.false_neg += len(stated - motives)
        result.motive_misses.update(stated - motives)
        result.motive_extra.update(motives - stated)
    return result
