"""What the act decided beyond the punishment: recidivism, special procedure, the appeal outcome
and the ground of release."""

from __future__ import annotations

import re

from milcourt.extract.grammars.appeal_outcome import APPEAL_OUTCOME, appeal_outcome_value
from milcourt.extract.grammars.release_ground import RELEASE_GROUND, release_ground_value
from milcourt.extract.segment import Act, sentences
from milcourt.extract.spans import Hit, find, finditer_ci

_RECIDIVISM = re.compile(r"рецидив", re.I)
_NO_RECIDIVISM = re.compile(
    r"(?:не\s+(?:содерж|усматрива|образу|имеет|установлен|признает|имеется)|отсутств|\bнет\b|не\s+влечет|не\s+учитыва)", re.I
)
_PRIOR_AGGRAVATING = re.compile(r"отягчающ[^.]{0,200}(?:судимост|ч\.\s*1\s+ст\.\s*18|рецидив)", re.I)
_SPECIAL = re.compile(
    r"(?:особом\s+порядке|особого\s+порядка|гл(?:\.|авой|аве|ава|авы)\s*40(?:\.1)?\s+УПК|ст(?:\.|ать[а-я]*)\s*31[67](?:\.\d+)?\s+УПК|"
    r"ч(?:\.|аст[а-я]*)\s*[57]\s+ст(?:\.|ать[а-я]*)\s*(?:62|316)\s+(?:УК|УПК))",
    re.I,
)
_SPECIAL_REFUSED = re.compile(r"прекрат|прекращ|возража|не\s+(?:имеется|усматрива|подлежит)|отказ|в\s+общем\s+порядке|не\s+примен", re.I)
_OUTCOME_PRE = re.compile(r"без\s+изменени|изменить|отменить|отмене", re.I)
_RELEASE_PRE = re.compile(r"78\.1|28\.2|80\.2|контракт|мобилизац|амнист|давност|\bст\.\s*78\b|раскаян|\bст\.\s*75\b|смерт", re.I)
_RELEASE_VERB = re.compile(r"прекрат|освобод|прекращ", re.I)


# a full stop that ends a sentence: before a line break or a capital, however many spaces or tabs between
_SENTENCE_END = re.compile(r"\.(?:[ \t\u00a0]*(?:\r?\n|$)|\s+[А-ЯЁ])")


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end] (cut at full stops that end a sentence)."""
    lo = start
    while True:
        lo = text.rfind(".", 0, lo)
        if lo < 0 or _SENTENCE_END.match(text, lo):
            break
    hi = end
    while True:
        hi = text.find(".", hi)
        if hi < 0 or _SENTENCE_END.match(text, hi):
            break
        hi += 1
    return text[lo + 1 if lo >= 0 else 0: hi if hi >= 0 else len(text)]


_RECIDIVISM_STRUCK = re.compile(r"исключить[^;]{0,200}?рецидив", re.I)


def repeat_offence(act: Act) -> bool:
    """True when this court finds рецидив or an aggravating prior conviction; a review ruling
    that strikes рецидив out of the judgment ("исключить … указание на … рецидив") finds none."""
    if _RECIDIVISM_STRUCK.search(act.operative.text):
        return False
    for m in finditer_ci(_RECIDIVISM, act.text):  # offsets only: the case-folded scan is faster
        if not _NO_RECIDIVISM.search(_sentence_around(act.text, m.start(), m.end())):
            return True
    return any(not _NO_RECIDIVISM.search(act.text[m.start():m.end()])
               for m in finditer_ci(_PRIOR_AGGRAVATING, act.text))


def special_procedure(act: Act) -> bool:
    return any(
        not _SPECIAL_REFUSED.search(_sentence_around(act.text, m.start(), m.end()))
        for m in finditer_ci(_SPECIAL, act.text)
    )


def appeal_outcome(act: Act) -> Hit | None:
    """Outcome for the judgment under review: отменить > изменить > оставить без изменения."""
    found: dict[str, Hit] = {}
    for s in sentences(act.operative):
        if not _OUTCOME_PRE.search(s.text):
            continue
        if not re.search(r"приговор|постановлени|определени|решени", s.text, re.I):
            continue
        for hit in find(APPEAL_OUTCOME, s, _OUTCOME_PRE, window=10):
            value = appeal_outcome_value(hit.text)
            if value == "overturned" and re.search(r"отменить\s+в\s+части", s.text[hit.start - s.start:], re.I):
                value = "changed"
            if value == "overturned" and re.search(r"мер[ау]\s+пресечени", s.text, re.I) and not re.search(r"приговор", s.text, re.I):
                continue
            found.setdefault(value, hit)
    for value in ("overturned", "changed", "upheld"):
        if value in found:
            h = found[value]
            return Hit(value, h.start, h.end)
    return None


def release_ground(act: Act) -> Hit | None:
    for s in sentences(act.operative):
        if not _RELEASE_VERB.search(s.text) or not _RELEASE_PRE.search(s.text):
            continue
        hits = find(RELEASE_GROUND, s, _RELEASE_PRE, window=40)
        if hits:
            return Hit(release_ground_value(hits[0].text), hits[0].start, hits[0].end)
    return None
