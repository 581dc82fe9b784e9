"""Blind round 1 (blind_r9): 60 motive passages and 12 short acts, written and labelled outside the
project before the extractor ran on them (see ``blind_r9/README.md``). Kept as a regression table.

First run, blind (2026-12-06, after the syntax work, before any fix for it): motives F1 0.71 (P 0.74, R 0.68), exact sets 37/72; absence start 10/12, end 8/12, ended_by 8/12 (72%); all act fields 91.7%.
After the fixes of its kinds (not blind): motives F1 0.93, exact 64/72; absence and act fields 100%.
Known misses are strict xfails: a fix turns them into failures to be moved out of the list."""

from __future__ import annotations

from pathlib import Path

from .blind_round import round_tests

ROUND = Path(__file__).resolve().parent / "blind_r9"
KNOWN_MISSES = {
    "r1_p11": "a refusal eleven words after the leave request",
    "r1_p34": "a job taken to pay the debt is labelled other as well as pay",
    "r1_p43": "'не из-за неё' refers to a relative's illness through a pronoun; 'не хотел ехать на фронт' read as fear",
    "r1_p53": "the commander's dacha read as his own project",
    "r1_p57": "a relative cared for by his sister read as his family need",
    "r1_04_appeal_337p5_start_corrected": "a complaint's refused leave counted beside the pay",
    "r1_05_verdict_332p21_refusal": "an illness told beside the refusal to fight",
    "r1_11_verdict_337p5_dotted": "combat payments 'не перечисляли' missed, the fear's aftermath read as psychological",
}


test_passage_motives, test_act, test_round_figures = round_tests(ROUND, KNOWN_MISSES, min_f1=0.92)
