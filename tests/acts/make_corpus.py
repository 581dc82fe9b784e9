"""Write the generated part of the development corpus: tests/acts/corpus/<NNN>_<short>.txt + .json.

Usage (from the repo root): python tests/acts/make_corpus.py

Each act is a hand-chosen spec (what happened: articles, dates, sentence, motives, ...). The
text is rendered from phrase banks with a per-act seeded RNG, and the label is built from the
spec alone, never from the text, so a rendering slip cannot leak into a label unnoticed (the
harness test re-checks labels against value lists). Re-running is idempotent.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus_rulings import appeal, first_instance_ruling  # noqa: E402
from corpus_specs import SPECS  # noqa: E402
from corpus_verdict import verdict  # noqa: E402

OUT = HERE / "corpus"

SENTENCE_KEYS = ["kind", "years", "months", "days", "regime", "probation_years", "probation_months", "fine_rub", "rank_deprived"]


def sentence_label(s: dict | None) -> dict | None:
    if s is None:
        return None
    return {k: s.get(k, False if k == "rank_deprived" else None) for k in SENTENCE_KEYS}


def label(spec: dict) -> dict:
    ab = spec.get("absence")
    return {
        "doc_type": spec["doc_type"],
        "court": spec["court"],
        "date": spec["date"].isoformat(),
        "case_number": spec["case_number"],
        "uid": spec.get("uid"),
        "articles": [{"article": a, "part": p, "point": pt} for a, p, pt in sorted(
            spec["articles"], key=lambda x: (float(x[0]), float(x[1]), x[2] or ""))],
        "service_basis": spec["basis"],
        "rank": spec["rank"],
        "absence": {
            "start": ab["start"].isoformat() if ab else None,
            "end": ab["end"].isoformat() if ab and ab["end"] else None,
            "ended_by": ab["ended_by"] if ab else None,
        },
        "repeat_offence": spec["repeat"],
        "special_procedure": spec["special"],
        "sentence": sentence_label(spec["sentence"]),
        "appeal_outcome": spec.get("appeal_outcome"),
        "final_sentence": sentence_label(spec.get("final_sentence")),
        "motives": sorted(spec["motives"]),
        "release_ground": spec.get("release_ground"),
    }


def render(spec: dict) -> str:
    rng = random.Random(f"milcourt-act-{spec['id']}")
    if spec["doc_type"] == "verdict":
        return verdict(rng, spec)
    if spec["doc_type"] in ("appeal_ruling", "cassation_ruling"):
        return appeal(rng, spec)
    return first_instance_ruling(rng, spec)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for spec in SPECS:
        stem = f"{spec['id']:03d}_{spec['short']}"
        (OUT / f"{stem}.txt").write_text(render(spec), encoding="utf-8")
        (OUT / f"{stem}.json").write_text(json.dumps(label(spec), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(SPECS)} acts to {OUT}")


if __name__ == "__main__":
    main()
