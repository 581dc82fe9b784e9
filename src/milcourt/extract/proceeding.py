"""Which procedure an act belongs to: criminal, civil, administrative (КАС) or administrative
offence (КоАП); and the review rulings the title alone does not name.

Military courts also decide servicemen's civil claims (wages, allowances), administrative
claims (a prisoner against his colony, a tax office against a serviceman) and administrative
offences. Their acts speak of absences, pay and ends of proceedings in words the criminal
extractors would take for facts of a crime, so the criminal fields are read only from a criminal
act. The procedure is told by what the act calls itself and the procedural code it applies: a
civil act is decided "руководствуясь ст. 194-199 ГПК РФ", a КАС act under the КАС, a criminal one
under the УПК. A prisoner's claim names the criminal code (his sentence) but applies the КАС, so
procedural codes and self-descriptions weigh more than a mention of the criminal code. An act
with no sign at all is taken as criminal (the project's acts are, and short excerpts say nothing).
"""

from __future__ import annotations

import re

from milcourt.extract.segment import Act

CRIMINAL, CIVIL, ADMINISTRATIVE, OFFENCE = "criminal", "civil", "administrative", "offence"

# (procedure, pattern, weight): what the act calls its case, the panel that sits, the code applied.
_SIGNS: list[tuple[str, re.Pattern[str], int]] = [
    (CRIMINAL, re.compile(r"уголовн[а-я]*\s+(?:дел[оауе]|делам|преследовани)", re.I), 2),
    (CRIMINAL, re.compile(r"\bУПК\b|Уголовно-процессуальн[а-я]*\s+кодекс", re.I), 3),
    (CRIMINAL, re.compile(r"\bподсудим|\bосужденн[а-я]*\s+[А-ЯЁ]|именем\s+российской\s+федерации[^.]{0,80}приговор", re.I), 1),
    (CIVIL, re.compile(r"гражданск[а-я]*\s+(?:дел[оауе]|делам)|по\s+иску\b|исков[а-я]*\s+заявлени", re.I), 2),
    (CIVIL, re.compile(r"\bГПК\b|Гражданск[а-я]*\s+процессуальн[а-я]*\s+кодекс", re.I), 3),
    (CIVIL, re.compile(r"\bистц[а-я]*\b|\bистец\b|\bответчик", re.I), 1),
    (ADMINISTRATIVE, re.compile(r"административн[а-я]*\s+(?:дел[оауе]\b|делам|исков|истц|истец|ответчик)", re.I), 2),
    (ADMINISTRATIVE, re.compile(r"\bКАС\b|Кодекс[а-я]*\s+административного\s+судопроизводства", re.I), 3),
    (OFFENCE, re.compile(r"(?:дел[оауе]|делам)\s+об\s+административн[а-я]*\s+правонарушени", re.I), 2),
    (OFFENCE, re.compile(r"\bКоАП\b|Кодекс[а-я]*\s+(?:Российской\s+Федерации\s+)?об\s+административных\s+правонарушениях", re.I), 3),
]
_SCOPE = 6000  # characters of the opening and of the closing (the decision and the code applied)


def procedure(act: Act) -> str:
    """``criminal`` | ``civil`` | ``administrative`` | ``offence``: the procedure with most weight
    of signs in the act's opening and closing; ``criminal`` on a tie with it or with no sign."""
    text = act.text if len(act.text) <= 2 * _SCOPE else act.text[:_SCOPE] + "\n" + act.text[-_SCOPE:]
    score = {CRIMINAL: 0, CIVIL: 0, ADMINISTRATIVE: 0, OFFENCE: 0}
    for kind, pattern, weight in _SIGNS:
        score[kind] += weight * min(len(pattern.findall(text)), 3)
    best = max(score.values())
    if best == 0 or score[CRIMINAL] == best:
        return CRIMINAL
    return max((k for k in score if k != CRIMINAL), key=lambda k: score[k])


_REVIEW_COURT = re.compile(r"(кассационн|апелляционн)[а-я]*\s+(?:военн[а-я]*\s+)?суд", re.I)
_REVIEW = re.compile(r"жалоб[а-я]*|протест|представлени[а-я]*", re.I)
_DECIDED_BELOW = re.compile(r"вступивш[а-я]*\s+в\s+законную\s+силу|на\s+(?:решение|постановление|определение)", re.I)


def review_kind(act: Act) -> str | None:
    """``cassation_ruling`` / ``appeal_ruling`` for a review the title does not name (a КоАП
    cassation "ПОСТАНОВЛЕНИЕ" of a cassation court's judge "рассмотрев жалобу … на вступившие в
    законную силу постановление …"): a cassation or appeal court deciding a complaint against a
    decision below."""
    head = act.header.text[:4000] or act.text[:3000]
    court = _REVIEW_COURT.search(head)
    if court is None or not _REVIEW.search(head) or not _DECIDED_BELOW.search(act.text[:6000]):
        return None
    return "cassation_ruling" if court.group(1).lower().startswith("кассац") else "appeal_ruling"
