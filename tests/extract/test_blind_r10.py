"""Blind round 2 (blind_r10): 60 motive passages and 12 short acts, 'е' for 'ё' throughout, more review rulings, written and labelled outside the
project before the extractor ran on them (see ``blind_r10/README.md``). Kept as a regression table.

First run, blind (2026-12-06, once, after all the work on round 1): motives F1 0.67 (P 0.82, R 0.56), exact sets 39/72; absence start 10/12, end 11/12, ended_by 11/12 (88.9%); all act fields 96.7%.
After fixing kinds it showed (not blind any more): motives F1 0.78, exact 50/72; absence and act fields 100%.
Known misses are strict xfails: a fix turns them into failures to be moved out of the list."""

from __future__ import annotations

from pathlib import Path

from .blind_round import round_tests

ROUND = Path(__file__).resolve().parent / "blind_r10"
KNOWN_MISSES = {
    "r2_p02": "a complaint naming unpaid allowances without tying them to the absence",
    "r2_p08": "read as psychological, labelled fear",
    "r2_p13": "he confirms the reason his sister told ('по этой причине')",
    "r2_p19": "disagreement with how the fighting is led",
    "r2_p20": "a leave never granted, told without a refusal verb",
    "r2_p21": "a one-off payment 'так и не перечислили'",
    "r2_p25": "a commander demanding money for a transfer",
    "r2_p32": "fear read where the label has no reason",
    "r2_p34": "family read, conflict and leave_denied beside it missed",
    "r2_p35": "read as pay, labelled unwilling_to_fight",
    "r2_p39": "read as equipment and fear, labelled conflict_with_command",
    "r2_p43": "a complaint about a wound without a reason marker",
    "r2_p45": "read as other, labelled leave_denied",
    "r2_p49": "a masked illness in a complaint",
    "r2_p54": "guardianship authorities threatening to take his children",
    "r2_p55": "grievance over a denied award",
    "r2_p56": "read as pay, labelled equipment",
    "r2_p58": "a wound that would not heal after a leave 'по ранению'",
    "r2_p60": "a complaint: care for a disabled brother he supports",
    "r2_01_verdict_337p5_volunteer_words": "family missed beside the wound",
    "r2_07_verdict_337p5_late_end": "other missed",
    "r2_10_appeal_337p5_hospital_psych": "family read beside psychological, labelled psychological only",
}


test_passage_motives, test_act, test_round_figures = round_tests(ROUND, KNOWN_MISSES, min_f1=0.77)
