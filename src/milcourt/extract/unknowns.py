"""Why a fact is unknown: a reason code for every null (or empty) fact of an act.

A null means different things to a reader of the statistics: the act does not state the fact, it
states it masked, the act is not one the rules can read at all (no descriptive part, not in
Russian, mostly masked), the fact does not apply to this kind of act, or what was read
contradicts itself and was withdrawn rather than guessed. Stats count each as unknown and can say
how many of each there are."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from milcourt.extract.segment import Act

# the codes, as documented in docs/extract.md
NOT_STATED = "not_stated"
NOT_APPLICABLE = "not_applicable"
NO_DESCRIPTIVE_PART = "no_descriptive_part"
NOT_RUSSIAN = "not_russian"
MOSTLY_MASKED = "mostly_masked"
DATE_MASKED = "date_masked"
INCONSISTENT = "inconsistent"
CODES = (NOT_STATED, NOT_APPLICABLE, NO_DESCRIPTIVE_PART, NOT_RUSSIAN, MOSTLY_MASKED, DATE_MASKED, INCONSISTENT)

_CYRILLIC = re.compile(r"[а-яё]", re.I)
_LATIN = re.compile(r"[a-z]", re.I)
_MASK = re.compile(r"<[^>\n]{1,40}>|ФИО\d*|ДД\.ММ\.ГГГГ|\*{2,}|(?<!\w)[А-ЯЁ]\.(?:\s?[А-ЯЁ]\.)*|P-[0-9a-f]{6}|\.{3}|…")
_WORD = re.compile(r"\w+")
_DATE_MASK = re.compile(r"ДД\.ММ\.ГГГГ|\*{2}\.\*{2}|<дата>|данные\s+изъяты>?\s*(?:г\.|года)", re.I)
# facts read from the descriptive part (the court's statement of the crime and the testimony)
_DESCRIPTIVE = ("absence", "motives", "service_basis", "rank", "repeat_offence")
_APPEAL_ONLY = ("appeal_outcome",)
_APPEAL = {"appeal_ruling", "cassation_ruling"}


@dataclass
class Unknowns:
    """Reason codes by fact key (sub-keys of absence as "absence.end"), and withdrawn facts."""

    codes: dict[str, str] = field(default_factory=dict)


def whole_act_reason(text: str, act: Act) -> str | None:
    """A reason no fact of the act can be read: Latin script, mostly masked tokens, no descriptive part."""
    sample = text[:200_000]
    cyr, lat = len(_CYRILLIC.findall(sample)), len(_LATIN.findall(sample))
    if cyr < 50 or lat > cyr:
        return NOT_RUSSIAN
    words = len(_WORD.findall(sample)) or 1
    masked = len(_MASK.findall(sample))
    if masked / words > 0.4:
        return MOSTLY_MASKED
    if not act.descriptive.text.strip():
        return NO_DESCRIPTIVE_PART
    return None


def check(facts: dict[str, Any], text: str, act: Act) -> dict[str, str]:
    """Withdraw what contradicts itself (an absence ending before it began) and give every null
    fact its reason code. Changes ``facts`` in place; returns {key: code}."""
    codes: dict[str, str] = {}
    absence = facts.get("absence") or {}
    if absence.get("start") and absence.get("end") and absence["end"] < absence["start"]:
        absence["end"] = None
        absence["ended_by"] = None
        codes["absence.end"] = INCONSISTENT
    act_wide = whole_act_reason(text, act)
    kind = facts.get("doc_type")
    for key, value in facts.items():
        if key == "absence":
            for sub in ("start", "end", "ended_by"):
                name = f"absence.{sub}"
                if (value or {}).get(sub) is None and name not in codes:
                    codes[name] = _reason(name, act_wide, act)
            continue
        if value is None or value == []:
            if key in _APPEAL_ONLY and kind not in _APPEAL or key == "final_sentence" and facts.get("appeal_outcome") != "changed" or key == "release_ground" and kind not in {"termination_ruling", "suspension_ruling"}:
                codes[key] = NOT_APPLICABLE
            else:
                codes[key] = _reason(key, act_wide, act)
    return codes


def _reason(key: str, act_wide: str | None, act: Act) -> str:
    if act_wide is not None and (act_wide != NO_DESCRIPTIVE_PART or key.split(".")[0] in _DESCRIPTIVE):
        return act_wide
    if key.startswith("absence.") and key != "absence.ended_by" and _DATE_MASK.search(act.descriptive.text[:6000]):
        return DATE_MASKED
    return NOT_STATED
