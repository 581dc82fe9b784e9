"""extract_act: the facts of one court act (the keys in KEYS), with the spans they were read from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from milcourt.extract import document, outcome, person, proceeding, punishment, qualification, unknowns
from milcourt.extract.absence import absence
from milcourt.extract.motive import motives
from milcourt.extract.segment import Act, Part, segment
from milcourt.extract.spans import Hit

KEYS = [
    "doc_type", "court", "date", "case_number", "uid", "articles", "service_basis", "rank", "absence",
    "repeat_offence", "special_procedure", "sentence", "appeal_outcome", "final_sentence", "motives",
    "release_ground",
]
_APPEAL = {"appeal_ruling", "cassation_ruling"}
_REVIEWED = re.compile(r"(?<!ранее\s)осужд[её]н(?![а-я]*\s+(?:за(?!\s+совершени)|ранее))|приговор[а-я]*\s+[^.]{0,300}?назначено", re.I)


# the appeal court passes its own sentence after quashing the judgment: "… признать виновным … назначить"
_NEW_VERDICT = re.compile(r"признать\s+(?:[^.\n]|\.\s*[а-яё\d])*?(?<!не)виновн(?:[^.\n]|\.\s*[а-яё\d«])*?назнач", re.I)

# the judgment under review acquitted him: "которым … оправдан", "на оправдательный приговор"
_ACQUITTAL_REVIEWED = re.compile(r"\bоправдан\b|оправдательн[а-я]*\s+приговор", re.I)


# The criminal fields of an act that is not criminal: empty, whatever its words.
_NOT_CRIMINAL: dict[str, Any] = {
    "articles": [], "service_basis": None, "rank": None, "absence": {"start": None, "end": None, "ended_by": None},
    "repeat_offence": False, "special_procedure": False, "final_sentence": None, "motives": [],
    "release_ground": None,
}


def _reviewed_sentence(act: Act, hits: list[Hit]) -> dict[str, Any] | None:
    """The first-instance punishment an appeal reviewed: the clause after "осужден ..."."""
    region = act.text[: act.descriptive.start + 4000]
    for m in _REVIEWED.finditer(region):
        stop = region.find(".", m.end() + 40)
        while stop > 0 and re.compile(r"\.\s*(?:\d|[а-яё«(])").match(region, stop):  # "ст. 73", "ч. 5"
            stop = region.find(".", stop + 1)
        clause = Part(region[m.start(): stop if stop > 0 else len(region)], m.start())
        found = punishment.read(clause, hits)
        if found:
            return found
    return None


def _sentence(act: Act, kind: str, hits: list[Hit]) -> dict[str, Any]:
    if kind in _APPEAL:
        if _ACQUITTAL_REVIEWED.search(act.text[: act.descriptive.start + 1500]):
            return punishment.empty("acquitted")
        return _reviewed_sentence(act, hits) or punishment.empty("none")
    ops = act.operative.text
    if re.search(r"оправда[тл]|признать[^.]{0,80}невиновн", ops, re.I):
        return punishment.empty("acquitted")
    if kind != "verdict":
        return punishment.empty("none")
    return punishment.read(act.operative, hits) or punishment.empty("none")


def extract_act_with_spans(text: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Facts of the act and where each was read: spans [{field, start, end}] into ``text``."""
    return _extract(text, segment(text), None)


def _extract(text: str, act: Act, evidence: list[dict[str, Any]] | None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    spans: list[dict[str, Any]] = []

    def keep(field: str, hit: Hit | None) -> Any:
        if hit is None:
            return None
        spans.append({"field": field, "start": hit.start, "end": hit.end})
        return hit.text

    kind = document.doc_type(act)
    if kind == "other":
        kind = proceeding.review_kind(act) or kind
    facts: dict[str, Any] = {"doc_type": kind}
    facts["court"] = keep("court", document.court(act))
    facts["date"] = keep("date", document.act_date(act))
    facts["case_number"] = keep("case_number", document.case_number(act))
    facts["uid"] = keep("uid", document.uid(act))
    if proceeding.procedure(act) != proceeding.CRIMINAL:
        # civil, КАС and КоАП acts: what any act has, and no criminal fact
        outcome_hit = outcome.appeal_outcome(act) if kind in _APPEAL else None
        facts.update(_NOT_CRIMINAL, appeal_outcome=keep("appeal_outcome", outcome_hit),
                     absence=dict(_NOT_CRIMINAL["absence"]), sentence=punishment.empty(None))
        return {k: facts[k] for k in KEYS}, spans
    arts, art_hits = qualification.articles(act)
    facts["articles"] = [a.as_fact() for a in arts]
    spans += [{"field": "articles", "start": h.start, "end": h.end} for h in art_hits]
    facts["service_basis"] = keep("service_basis", person.service_basis(act))
    facts["rank"] = keep("rank", person.rank(act))
    collected: list[Hit] = []
    facts["absence"] = absence(act, collected)
    spans += [{"field": "absence", "start": h.start, "end": h.end} for h in collected]
    facts["repeat_offence"] = outcome.repeat_offence(act)
    facts["special_procedure"] = outcome.special_procedure(act)
    collected = []
    facts["sentence"] = _sentence(act, kind, collected)
    spans += [{"field": "sentence", "start": h.start, "end": h.end} for h in collected]
    facts["appeal_outcome"] = keep("appeal_outcome", outcome.appeal_outcome(act)) if kind in _APPEAL else None
    facts["final_sentence"] = None
    if facts["appeal_outcome"] == "changed":
        collected = []
        facts["final_sentence"] = punishment.amend(facts["sentence"], act.operative, collected)
        spans += [{"field": "final_sentence", "start": h.start, "end": h.end} for h in collected]
    elif facts["appeal_outcome"] == "overturned" and _NEW_VERDICT.search(act.operative.text):
        # an appeal verdict ("апелляционный приговор"): the judgment is quashed and a new sentence passed
        collected = []
        new_verdict = _NEW_VERDICT.search(act.operative.text)
        assert new_verdict is not None
        at = act.operative.start + new_verdict.start()
        facts["final_sentence"] = punishment.read(Part(act.text[at:act.operative.end], at), collected)
        spans += [{"field": "final_sentence", "start": h.start, "end": h.end} for h in collected]
    collected = []
    facts["motives"] = motives(act, collected, evidence)
    spans += [{"field": "motives", "start": h.start, "end": h.end} for h in collected]
    facts["release_ground"] = keep("release_ground", outcome.release_ground(act))
    return {k: facts[k] for k in KEYS}, spans


@dataclass
class Extraction:
    """Everything read from one act: the facts, their spans, a reason code for every unknown fact,
    and the evidence of each motive (its sentence and whose words it is)."""

    facts: dict[str, Any]
    spans: list[dict[str, Any]]
    unknown: dict[str, str] = field(default_factory=dict)
    evidence: list[dict[str, Any]] = field(default_factory=list)


def extract_act_checked(text: str) -> Extraction:
    """The facts with their evidence; a fact that contradicts itself is withdrawn (null) and every
    null fact carries a reason code (``unknowns.CODES``). An act in Latin script, mostly masked or
    without a descriptive part gives null facts at once, each with that reason."""
    act = segment(text)
    act_wide = unknowns.whole_act_reason(text, act)
    if act_wide in (unknowns.NOT_RUSSIAN, unknowns.MOSTLY_MASKED):
        facts: dict[str, Any] = {k: ([] if k in ("articles", "motives") else None) for k in KEYS}
        facts["absence"] = {"start": None, "end": None, "ended_by": None}
        return Extraction(facts, [], unknowns.check(facts, text, act))
    evidence: list[dict[str, Any]] = []
    facts, spans = _extract(text, act, evidence)
    return Extraction(facts, spans, unknowns.check(facts, text, act), evidence)


def extract_act(text: str) -> dict[str, Any]:
    """The facts of one act: every key of KEYS present (None / [] when unknown)."""
    return extract_act_with_spans(text)[0]
