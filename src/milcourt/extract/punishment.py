"""The punishment of a verdict, of the judgment an appeal reviewed, and as an appeal changed it.

Kind from the words of the main punishment ("лишения свободы", "содержания в дисциплинарной
воинской части", "ограничения по военной службе", "штрафа"); ст. 73 or "условн" makes it
suspended. The term is the final one: after "окончательно" (aggregation under ст. 69/70) when the
act aggregates, else the first term after the punishment's name."""

from __future__ import annotations

import re
from typing import Any

from milcourt.extract.grammars.probation import PROBATION
from milcourt.extract.grammars.regime import REGIME, regime_value
from milcourt.extract.grammars.term import TERM, term_value
from milcourt.extract.numbers import digits_to_int, words_to_int
from milcourt.extract.segment import Part
from milcourt.extract.spans import Hit, find

KINDS = [
    ("disciplinary_unit", re.compile(r"дисциплинарн[а-я]*\s+воинск", re.I)),
    ("restriction_of_service", re.compile(r"ограничени[а-я]*\s+по\s+(?:военной\s+)?служб", re.I)),
    ("imprisonment", re.compile(r"лишени[а-я]*\s+свобод|лишению\s+свободы", re.I)),
    ("fine", re.compile(r"штраф", re.I)),
]
_SUSPENDED = re.compile(
    r"(?<!отменить\s)(?:\bст(?:\.|ать[а-я]*)\s*73\s+(?:УК|Уголовного)|считать\s+условн|условн[а-я]*\s*,?\s+с\s+испытательн)", re.I
)
_NUM = r"(?:\d+\s*(?:\([^)]{0,40}\)\s*)?|[а-яё]+\s+(?:[а-яё]+\s+)?)"
_TERM_PRE = re.compile(
    rf"{_NUM}(?:год|лет|месяц|сут|дн|день)[а-я]*(?:\s+(?:и\s+)?{_NUM}(?:месяц|сут|дн|день)[а-я]*){{0,2}}", re.I
)
_REGIME_PRE = re.compile(
    r"(?:исправительн[а-я]*\s+)?колони[а-я]*(?:\s*-\s*|\s+)поселени[а-я]*|(?:исправительн[а-я]*\s+)?(?:колони[а-я]*\s+)?"
    r"(?:общего|строгого|особого)\s+режима",
    re.I,
)
_PROBATION_PRE = re.compile(r"испытательн[а-я]*\s+срок[а-я]*[^.;]{0,70}(?:год|лет|месяц)[а-я]*", re.I)
_PROBATION_BEFORE = re.compile(r"испытательн|в\s+течение|не\s+позднее|со\s+дня", re.I)
_FINE = re.compile(
    r"штраф[а-я]*(?:\s+в\s+доход\s+государства)?\s+в\s+(?:размере|сумме)\s+(?P<digits>\d[\d\s\u00a0]*)?\s*(?:\((?P<paren>[^)]*)\))?\s*(?P<words>[а-яё\s]*?)\s*руб",
    re.I,
)
# dots of "ст. 48" and of initials ("лишить Н. воинского звания") do not end the clause
_RANK_DEPRIVED = re.compile(
    r"(?<!не\s)(?:лишить|лишив|лишением)(?:[^.;]|\.(?=\s*[а-яё\d]|[А-ЯЁ]\.)){0,120}?воинского\s+звания", re.I
)
_RANK_KEPT = re.compile(r"исключить[^;\n]{0,250}?лишени[а-я]*\s+(?:его\s+)?воинского\s+звания", re.I)


def empty(kind: str | None = None) -> dict[str, Any]:
    return {"kind": kind, "years": None, "months": None, "days": None, "regime": None,
            "probation_years": None, "probation_months": None, "fine_rub": None, "rank_deprived": False}


def main_clause(part: Part) -> Part:
    """Where the final punishment is written: from the last "окончательно" if there is one."""
    idx = [m.start() for m in re.finditer(r"окончательн", part.text, re.I)]
    if idx:
        return Part(part.text[idx[-1]:], part.start + idx[-1])
    m = re.search(r"назнач[а-я]+[^.]{0,120}?наказани[а-я]*|к\s+(?:лишению|штрафу|содержанию|ограничению)", part.text, re.I)
    if m:
        return Part(part.text[m.start():], part.start + m.start())
    return part


def fine_rub(text: str) -> int | None:
    m = _FINE.search(text)
    if not m:
        return None
    if m.group("digits"):
        return digits_to_int(m.group("digits").strip())
    return words_to_int(m.group("paren") or m.group("words") or "")


_REPLACED = re.compile(r"заменить[^.;]{0,80}?содержани[а-я]*\s+в\s+дисциплинарн", re.I)


def read(part: Part, hits: list[Hit]) -> dict[str, Any] | None:
    """The punishment written in ``part`` (e.g. the operative part of a verdict), or None; a
    replacement under ст. 55 УК ("лишение свободы заменить содержанием в дисциплинарной воинской
    части на срок 2 года") is the punishment."""
    replaced = _REPLACED.search(part.text)
    clause = Part(part.text[replaced.start():], part.start + replaced.start()) if replaced else main_clause(part)
    first_kind = None
    for kind, pattern in KINDS:
        m = pattern.search(clause.text)
        if m and (first_kind is None or m.start() < first_kind[1]):
            first_kind = (kind, m.start())
    if first_kind is None:
        return None
    kind, at = first_kind
    out = empty(kind)
    lo = max(0, at - 80)
    stop = re.search(r"\.\s+[А-ЯЁ]|\.\s*$|;", clause.text[at:])
    hi = at + (stop.start() if stop else 400)
    around = Part(clause.text[lo:hi], clause.start + lo)
    if kind in ("imprisonment", "disciplinary_unit", "restriction_of_service"):
        terms = [t for t in find(TERM, around, _TERM_PRE, window=0)
                 if (term_value(t.text)["years"] or 0) <= 30 and not _PROBATION_BEFORE.search(part.text[max(0, t.start - part.start - 40):t.start - part.start])]
        before = [t for t in terms if t.end <= clause.start + at]
        after = [t for t in terms if t.start >= clause.start + at]
        # "в виде 1 (одного) года 8 (восьми) месяцев лишения свободы" or "… свободы на срок 2 года"
        best = before[-1] if before and clause.start + at - before[-1].end < 25 else (after[0] if after else None)
        if best:
            out.update(term_value(best.text))
            hits.append(best)
    if kind == "fine":
        out["fine_rub"] = fine_rub(clause.text[at:at + 300])
    elif re.search(r"со\s+штрафом", clause.text[at:hi], re.I):  # an additional fine
        out["fine_rub"] = fine_rub(clause.text[at:hi])
    if kind == "imprisonment":
        reg = find(REGIME, part, _REGIME_PRE, window=0)
        if reg:
            out["regime"] = regime_value(reg[-1].text)
            hits.append(reg[-1])
    if kind == "imprisonment" and _SUSPENDED.search(part.text):
        out["kind"] = "suspended"
        out["regime"] = None
    prob = find(PROBATION, part, _PROBATION_PRE, window=0)
    if prob:
        value = term_value(prob[-1].text)
        out["probation_years"], out["probation_months"] = value["years"], value["months"]
        hits.append(prob[-1])
        if out["kind"] == "imprisonment":
            out["kind"] = "suspended"
    out["rank_deprived"] = bool(_RANK_DEPRIVED.search(part.text))
    return out


def amend(base: dict[str, Any] | None, operative: Part, hits: list[Hit]) -> dict[str, Any]:
    """The sentence as an appeal changed it: ``base`` with what the operative part re-states."""
    out = dict(base or empty())
    text = operative.text
    soften = re.search(r"(?:смягчить|снизить|сократить|усилить|назначить|до)\s", text, re.I)
    if soften:
        region = Part(text[soften.start():], operative.start + soften.start())
        terms = [t for t in find(TERM, region, _TERM_PRE, window=0)
                 if (term_value(t.text)["years"] or 0) <= 30 and not _PROBATION_BEFORE.search(text[max(0, t.start - operative.start - 40):t.start - operative.start])]
        if terms:
            out.update(term_value(terms[0].text))
            hits.append(terms[0])
    reg = find(REGIME, operative, _REGIME_PRE, window=0)
    if reg:
        out["regime"] = regime_value(reg[-1].text)
    if re.search(r"исключить[^;\n]{0,160}?(?:ст(?:\.|ать[а-я]*)\s*73|условн)", text, re.I):
        out["kind"] = "imprisonment"  # suspension struck out: the term is to be served
        out["probation_years"] = out["probation_months"] = None
    elif _SUSPENDED.search(text):
        out["kind"] = "suspended"
        out["regime"] = None
    prob = find(PROBATION, operative, _PROBATION_PRE, window=0)
    if prob:
        value = term_value(prob[-1].text)
        out["probation_years"], out["probation_months"] = value["years"], value["months"]
    if _RANK_KEPT.search(text):
        out["rank_deprived"] = False
    elif _RANK_DEPRIVED.search(text):
        out["rank_deprived"] = True
    return out
