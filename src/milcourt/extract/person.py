"""Who the defendant is in the army: rank and the basis of his service."""

from __future__ import annotations

import re

from milcourt.extract.grammars.rank import RANK, rank_value
from milcourt.extract.grammars.service_basis import SERVICE_BASIS, service_basis_value
from milcourt.extract.segment import Act, Part
from milcourt.extract.spans import Hit, find

_RANK_PRE = re.compile(r"рядов|ефрейтор|сержант|старшин|прапорщик|лейтенант|капитан|майор|полковник|матрос|мичман", re.I)
_NOT_DEFENDANT = re.compile(
    r"(?:прокурор|обвинител|командир|начальник|заместител|свидетел|председательств|защитник|секретар|"
    r"представител|дежурн|военн[а-я]*\s+комендант|следовател|дознавател|старш[а-я]+\s+помощник|помощник)[^,.;]{0,60}$",
    re.I,
)
_BASIS_PRE = re.compile(
    r"(?:служб[а-я]*|военнослужащ[а-я]*)\s+по\s+(?:частичной\s+)?(?:мобилиз|контракт|призыв)[а-я]*|"
    r"по\s+(?:частичной\s+)?мобилизаци[а-я]*|мобилизованн[а-я]*|добровол[а-я]+|контрактн[а-я]*\s+служб",
    re.I,
)


def _defendant_region(act: Act) -> Part:
    """Header from "в отношении" on (the defendant's description), else the whole header."""
    head = act.header.text or act.text[:3000]
    m = re.search(r"в\s+отношении|осужд[её]нн|подсудим|обвиняем", head, re.I)
    start = m.start() if m else 0
    return Part(head[start:], start)


def rank(act: Act) -> Hit | None:
    for region in (_defendant_region(act), Part(act.descriptive.text[:3000], act.descriptive.start)):
        for hit in find(RANK, region, _RANK_PRE, window=25):
            after = act.text[hit.end:hit.end + 25].lower()
            before = act.text[max(0, hit.start - 80):hit.start]
            if "юстиции" in after or "медицинск" in after or _NOT_DEFENDANT.search(before):
                continue
            value = rank_value(hit.text)
            if value:
                return Hit(value, hit.start, hit.end)
    return None


def service_basis(act: Act) -> Hit | None:
    for region in (_defendant_region(act), Part(act.descriptive.text[:4000], act.descriptive.start)):
        for hit in find(SERVICE_BASIS, region, _BASIS_PRE, window=12):
            value = service_basis_value(hit.text)
            if value:
                return Hit(value, hit.start, hit.end)
    return None
