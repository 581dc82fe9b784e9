"""Harness: extract every labelled development act and score it field by field.

Acts live beside their labels: ``tests/acts/corpus/<name>.txt`` + ``<name>.json`` (the shared
development corpus) and ``tests/acts/dev_extractor/`` (the extractor's own). The extractor is
held to >= 95% of fields right and >= 85% of acts with the right motives.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from milcourt.extract import extract_act
from milcourt.extract.extractor import KEYS
from milcourt.extract.scoring import Tally, compare

ACTS = Path(__file__).parent / "acts"
LABELLED = sorted(
    p for folder in ("corpus", "dev_extractor") for p in (ACTS / folder).glob("*.txt")
    if p.with_suffix(".json").exists()
)


def test_labelled_acts_accuracy(capsys: pytest.CaptureFixture[str]) -> None:
    assert len(LABELLED) >= 100, "the labelled development acts are missing"
    tally = Tally()
    misses = []
    for path in LABELLED:
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        expected = {k: v for k, v in expected.items() if k in KEYS}
        got = extract_act(path.read_text(encoding="utf-8"))
        outcome = compare(expected, got)
        tally.add(outcome)
        misses += [f"{path.name}: {k}" for k, ok in outcome.items() if not ok]
    with capsys.disabled():
        print(f"\n{len(LABELLED)} labelled acts\n{tally.report()}")
        if misses:
            print("misses:\n  " + "\n  ".join(misses))
    assert tally.share() >= 0.95
    assert tally.share("motives") >= 0.85


@pytest.mark.parametrize("path", LABELLED[:40], ids=lambda p: p.name)
def test_every_key_present(path: Path) -> None:
    facts = extract_act(path.read_text(encoding="utf-8"))
    assert list(facts) == KEYS
    assert set(facts["absence"]) == {"start", "end", "ended_by"}
    assert isinstance(facts["articles"], list) and isinstance(facts["motives"], list)
    assert facts["motives"] == sorted(facts["motives"])
