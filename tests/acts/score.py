"""Score milcourt.extract.extract_act against the hand labels of the development corpus.

Usage (repo root): PYTHONPATH=src python tests/acts/score.py [--stats] [--show N]

A field is right when the extracted value equals the label exactly; nested objects (absence,
sentence, final_sentence) are scored leaf by leaf, as issue 6 counts "fields". Motives are scored
per act (the sorted list must match) and also as set precision/recall over all acts.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"


def leaves(obj: object, prefix: str = "") -> dict[str, object]:
    """Flatten nested dicts to dotted keys; a null nested object counts as one leaf."""
    if isinstance(obj, dict):
        out: dict[str, object] = {}
        for k, v in obj.items():
            out.update(leaves(v, f"{prefix}.{k}" if prefix else k))
        return out
    return {prefix: obj}


def load() -> list[tuple[Path, str, dict]]:
    acts = []
    for txt in sorted(CORPUS.glob("*.txt")):
        acts.append((txt, txt.read_text(encoding="utf-8"), json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))))
    return acts


def stats(acts: list[tuple[Path, str, dict]]) -> None:
    by_type = Counter(lab["doc_type"] for _, _, lab in acts)
    by_art = Counter(f"{a['article']} ч.{a['part']}" for _, _, lab in acts for a in lab["articles"])
    by_motive = Counter(m for _, _, lab in acts for m in lab["motives"])
    by_kind = Counter(lab["sentence"]["kind"] for _, _, lab in acts)
    by_basis = Counter(str(lab["service_basis"]) for _, _, lab in acts)
    for title, c in (("doc_type", by_type), ("article", by_art), ("motive", by_motive),
                     ("sentence.kind", by_kind), ("service_basis", by_basis)):
        print(f"{title}: " + ", ".join(f"{k}={v}" for k, v in sorted(c.items())))
    print(f"no motive: {sum(1 for _, _, lab in acts if not lab['motives'])}; total acts: {len(acts)}")


def score(acts: list[tuple[Path, str, dict]], show: int) -> None:
    from milcourt.extract import extract_act  # the extractor under test

    right = total = 0
    per_field: Counter[str] = Counter()
    per_field_right: Counter[str] = Counter()
    motive_acts_right = 0
    tp = fp = fn = 0
    misses: list[str] = []
    for path, text, lab in acts:
        got = extract_act(text)
        want_l = leaves({k: v for k, v in lab.items() if k != "motives"})
        got_l = leaves({k: v for k, v in got.items() if k not in ("motives", "file")})
        for key, want in want_l.items():
            g = got_l.get(key, "<missing>")
            total += 1
            per_field[key] += 1
            if g == want:
                right += 1
                per_field_right[key] += 1
            elif len(misses) < show:
                misses.append(f"{path.name}: {key}: want {want!r} got {g!r}")
        w, g2 = set(lab["motives"]), set(got.get("motives") or [])
        motive_acts_right += w == g2
        tp, fp, fn = tp + len(w & g2), fp + len(g2 - w), fn + len(w - g2)
    print(f"fields right: {right}/{total} = {right / total:.1%}")
    print(f"motives, acts exactly right: {motive_acts_right}/{len(acts)} = {motive_acts_right / len(acts):.1%}; "
          f"precision {tp / max(1, tp + fp):.1%} recall {tp / max(1, tp + fn):.1%}")
    worst = sorted(per_field, key=lambda k: per_field_right[k] / per_field[k])[:12]
    for key in worst:
        print(f"  {key:32s} {per_field_right[key]}/{per_field[key]}")
    for line in misses:
        print("  miss", line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stats", action="store_true", help="print corpus counts only")
    ap.add_argument("--show", type=int, default=25, help="how many disagreements to print")
    args = ap.parse_args()
    acts = load()
    if args.stats:
        stats(acts)
    else:
        score(acts, args.show)


if __name__ == "__main__":
    main()
