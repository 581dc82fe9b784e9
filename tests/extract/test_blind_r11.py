"""Blind round 3 (blind_r11): 60 motive passages and 12 complete acts, written and labelled by a
helper who read neither the extractor nor rounds 9-10, and run once on the merged extractor
(dependency-tree motives, absence episodes) with no rule written for it (see ``blind_r11/README.md``).

First run, blind (2026-12-06): motives F1 0.77 (P 0.84, R 0.71), exact sets 45/72; absence start,
end and ended_by 12/12 each (100%); all act fields 99.2% (the sentence kind of a ст. 55 officer's
restriction of service was labelled in other words: put in the codebook's words, it is 100%).
The extractor before that work scored motives F1 0.72, absence 75%, act fields 91.7% on it.
Every miss of the first run is a strict xfail below, so the table holds exactly that run: a fix
turns a miss into a failure, to be moved out of the list."""

from __future__ import annotations

from pathlib import Path

from .blind_round import round_tests

ROUND = Path(__file__).resolve().parent / "blind_r11"
KNOWN_MISSES = {
    "r3p04": "fear of combat worded as a dread of the front line read as health",
    "r3p06": "unpaid allowances not tied to the absence by a reason word",
    "r3p14": "unwillingness to fight beside the fear missed",
    "r3p15": "his own illness beside the family need missed",
    "r3p16": "the family part of a funeral and the grief after it missed",
    "r3p19": "equipment in words no lexicon has",
    "r3p21": "a reason given during the investigation and dropped in court is read, the one kept in court missed",
    "r3p24": "fear read where he gives only family",
    "r3p26": "family in words no lexicon has",
    "r3p31": "a wound in words no lexicon has",
    "r3p33": "health read beside the pay",
    "r3p38": "fear in words no lexicon has",
    "r3p39": "other read beside the psychological",
    "r3p40": "a local election campaign read as family and psychological",
    "r3p43": "pay in words no lexicon has",
    "r3p45": "being misled at signing (other) missed",
    "r3p49": "health in words no lexicon has",
    "r3p50": "equipment beside the pay missed",
    "r3p51": "an illness read as a wound",
    "r3p52": "family beside the fear missed",
    "r3p53": "family in words no lexicon has",
    "r3p57": "a refused leave without a refusal verb",
    "r3p58": "other in words no lexicon has",
    "r3p59": "family in words no lexicon has",
    "a07_verdict_conscript_31": "health read where only the legal formula is given",
    "a10_verdict_fear_equipment": "equipment beside the fear missed",
    "a12_verdict_338_mobilized": "pay read beside the unwillingness to fight",
}

test_passage_motives, test_act, test_round_figures = round_tests(ROUND, KNOWN_MISSES, min_f1=0.765)
