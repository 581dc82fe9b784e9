"""Score the extractor on a blind round: passages (motives) and whole acts (fields).

A round is a folder with ``paragraphs.json`` ([{"id", "text", "motives"}]) and ``acts/*.txt``
each beside its ``.json`` label (doc_type, articles, absence, motives, sentence_kind, years,
months, suspended, regime). Passages are read inside the same verdict frame as the other blind
tables. Motives are scored per category (precision, recall, F1 over passages and acts together)
and as exact sets; absence start / end / ended_by and the sentence fields by exact match.

    python tests/extract/blind_score.py tests/extract/blind_r9      # prints the table
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from milcourt.extract import extract_act

from .test_blind_paragraphs import facts_of

ACT_FIELDS = ("doc_type", "articles", "absence.start", "absence.end", "absence.ended_by",
              "sentence_kind", "years", "months", "suspended", "regime")
ABSENCE_FIELDS = ("absence.start", "absence.end", "absence.ended_by")


@dataclass
class Score:
    """Counts of one round: per-category motive counts, exact motive sets, act fields."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    motive_sets: list[int] = field(default_factory=lambda: [0, 0])
    fields: dict[str, list[int]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add_motives(self, name: str, got: list[str], want: list[str]) -> None:
        g, w = set(got), set(want)
        for c in g & w:
            self.tp[c] += 1
        for c in g - w:
            self.fp[c] += 1
        for c in w - g:
            self.fn[c] += 1
        self.motive_sets[1] += 1
        if g == w:
            self.motive_sets[0] += 1
        else:
            self.misses.append(f"{name}: motives {sorted(g)} != {sorted(w)}")

    def add_field(self, name: str, key: str, got: Any, want: Any) -> None:
        right = self.fields.setdefault(key, [0, 0])
        right[1] += 1
        if got == want:
            right[0] += 1
        else:
            self.misses.append(f"{name}: {key} {got!r} != {want!r}")

    def f1(self, category: str | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 of one category, or micro-averaged over all."""
        cats = [category] if category else sorted(set(self.tp) | set(self.fp) | set(self.fn))
        tp = sum(self.tp[c] for c in cats)
        fp = sum(self.fp[c] for c in cats)
        fn = sum(self.fn[c] for c in cats)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def share(self, keys: tuple[str, ...]) -> float:
        right = sum(self.fields[k][0] for k in keys if k in self.fields)
        total = sum(self.fields[k][1] for k in keys if k in self.fields)
        return right / total if total else 1.0

    def table(self) -> str:
        lines = ["category                 P      R      F1   (tp fp fn)"]
        for c in sorted(set(self.tp) | set(self.fp) | set(self.fn)):
            p, r, f = self.f1(c)
            lines.append(f"{c:<22} {p:5.2f}  {r:5.2f}  {f:5.2f}   ({self.tp[c]} {self.fp[c]} {self.fn[c]})")
        p, r, f = self.f1()
        lines.append(f"{'ALL (micro)':<22} {p:5.2f}  {r:5.2f}  {f:5.2f}")
        lines.append(f"motive sets exact: {self.motive_sets[0]}/{self.motive_sets[1]}")
        for k, (right, total) in self.fields.items():
            lines.append(f"{k:<22} {right}/{total}")
        lines.append(f"absence fields: {self.share(ABSENCE_FIELDS):.1%}   all act fields: {self.share(ACT_FIELDS):.1%}")
        return "\n".join(lines)


def _sentence_fields(facts: dict[str, Any]) -> dict[str, Any]:
    """The label's flat sentence keys from the extractor's sentence (the changed one after appeal)."""
    s = facts.get("final_sentence") or facts.get("sentence") or {}
    kind = s.get("kind")
    suspended = kind == "suspended" or s.get("probation_years") is not None or s.get("probation_months") is not None
    return {
        "sentence_kind": "imprisonment" if kind == "suspended" else kind,
        "years": s.get("years"), "months": s.get("months"), "suspended": suspended,
        "regime": s.get("regime"),
    }


def score(folder: Path) -> Score:
    out = Score()
    passages = folder / "paragraphs.json"
    if passages.exists():
        for p in json.loads(passages.read_text(encoding="utf-8")):
            out.add_motives(p["id"], facts_of("", p["text"])["motives"], p["motives"])
    for txt in sorted((folder / "acts").glob("*.txt")):
        label = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        facts = extract_act(txt.read_text(encoding="utf-8"))
        out.add_motives(txt.stem, facts["motives"], label["motives"])
        got = {"doc_type": facts["doc_type"], "articles": facts["articles"], **_sentence_fields(facts)}
        absence = facts["absence"] or {}
        for k in ("start", "end", "ended_by"):
            got[f"absence.{k}"] = absence.get(k)
        want = {k: label.get(k) for k in ("doc_type", "articles", "sentence_kind", "years", "months", "suspended", "regime")}
        for k in ("start", "end", "ended_by"):
            want[f"absence.{k}"] = (label.get("absence") or {}).get(k)
        for k in ACT_FIELDS:
            out.add_field(txt.stem, k, got[k], want[k])
    return out


if __name__ == "__main__":
    result = score(Path(sys.argv[1]))
    print(result.table())
    print("\n".join(result.misses))


def passages(folder: Path) -> list[dict[str, Any]]:
    """The round's labelled passages."""
    return list(json.loads((folder / "paragraphs.json").read_text(encoding="utf-8")))


def acts(folder: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """(name, text, label) of the round's acts."""
    return [(t.stem, t.read_text(encoding="utf-8"), json.loads(t.with_suffix(".json").read_text(encoding="utf-8")))
            for t in sorted((folder / "acts").glob("*.txt"))]


def act_fields(text: str) -> dict[str, Any]:
    """An act's facts in the label's keys."""
    facts = extract_act(text)
    absence = facts["absence"] or {}
    return {"doc_type": facts["doc_type"], "articles": facts["articles"], "motives": sorted(facts["motives"]),
            "absence": {k: absence.get(k) for k in ("start", "end", "ended_by")}, **_sentence_fields(facts)}
