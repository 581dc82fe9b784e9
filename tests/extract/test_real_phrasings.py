"""Constructions met in real published acts and reports on them that the extractor missed
(2026-11-25 check on real material); every phrase here is our own paraphrase of the construction,
not a quotation. Same contract as ``test_blind_paragraphs``: (crime statement, testimony, expected)."""

from __future__ import annotations

from typing import Any

import pytest

from .test_blind_paragraphs import A, M, facts_of, got_of

CASES: list[tuple[str, str, dict[str, Any]]] = [
    # family: "помочь" (perfective) with a relative, and a household chore for the winter
    ("", "Подсудимый ФИО1 пояснил, что уехал из части, чтобы помочь родителям запасти дрова к холодам.",
     {M: ["family"]}),
    ("", "Своё отсутствие ФИО1 объяснил тем, что надо было помочь жене по хозяйству перед зимой.",
     {M: ["family"]}),
    # other: he left to get discharged, or believed his contract had run out
    ("", "Допрошенный подсудимый Х. показал, что ушёл из расположения нарочно, рассчитывая добиться таким "
         "образом своего скорейшего увольнения со службы.", {M: ["other"]}),
    ("", "Подсудимый ФИО1 пояснил, что считал себя свободным от службы, так как срок его контракта уже закончился.",
     {M: ["other"]}),
    ("", "Подсудимый ФИО1 показал, что после окончания срока контракта полагал себя вправе вернуться домой.",
     {M: ["other"]}),
    ("", "Подсудимый ФИО1 показал, что больше не хотел служить и решил уйти из армии.", {M: ["other"]}),
    # a discharge asked for and refused stays leave_denied, not other
    ("", "Подсудимый ФИО1 пояснил, что хотел уволиться, но командир отказал ему в увольнении.",
     {M: ["leave_denied"]}),
    # equipment: living conditions named as inhuman or unbearable
    ("", "Подсудимый ФИО1 показал, что покинул лагерь из-за невыносимых условий размещения.", {M: ["equipment"]}),
    # psychological: the service weighed on him ("тяготит"), but not the court's formula "тяготы службы"
    ("", "Подсудимый ФИО1 пояснил, что его очень тяготила служба в армии.", {M: ["psychological"]}),
    ("ФИО1, не желая переносить тяготы военной службы, 3 мая 2024 г. не прибыл на службу.", "", {M: []}),
    # his account introduced by "Со слов …" inside the court's paragraph
    ("ФИО1 в апреле 2024 г. уехал из части к себе домой. Со слов ФИО1, он рассчитывал, что по истечении "
     "срока контракта его уволят.", "", {M: ["other"]}),
    # "пока его не задержали" ends the absence by detention
    ("ФИО1, проходящий военную службу по контракту, 2 сентября 2023 г. самовольно оставил часть и жил у "
     "знакомых до 11 марта 2024 г., пока его не задержали сотрудники военной полиции.", "",
     {A: ("2023-09-02", "2024-03-11", "detained")}),
]


@pytest.mark.parametrize(("statement", "testimony", "expected"), CASES)
def test_real_phrasing(statement: str, testimony: str, expected: dict[str, Any]) -> None:
    assert got_of(facts_of(statement, testimony), expected) == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("ФИО1, контрактник, 5 мая 2023 г. не прибыл на службу.", "contract"),
    ("Контрактник ФИО1 в октябре 2023 г. оставил пункт временной дислокации.", "contract"),
])
def test_contract_soldier_noun(description: str, expected: str) -> None:
    assert facts_of(description, "")["service_basis"] == expected
