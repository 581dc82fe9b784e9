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
    # his testimony named without "подсудимый": the reason is read even when it is a story-only category
    ("ФИО1 в период мобилизации 4 июня 2024 г. не прибыл на службу.",
     "Согласно показаниям ФИО1, в часть он не поехал, так как собирался подлечить больную спину.", {M: ["health"]}),
    ("ФИО1 в период мобилизации 4 июня 2024 г. не прибыл на службу.",
     "Допрошенный в суде Кравцов вину признал и показал, что в часть не поехал, желая погулять с приятелями.",
     {M: ["other"]}),
    ("ФИО1 в период мобилизации 4 июня 2024 г. не прибыл на службу.",
     "В ходе следствия ФИО1 показывал, что остался дома, так как лечился от простуды.", {M: ["health"]}),
    ("ФИО1 в период мобилизации 4 июня 2024 г. не прибыл на службу.",
     "Вина ФИО1 подтверждается его же признательными показаниями, согласно которым он решил отдохнуть дома.",
     {M: ["other"]}),
    ("ФИО1 в период мобилизации 4 июня 2024 г. не прибыл на службу.",
     "<данные изъяты> в суде пояснил, что хотел отдохнуть после госпиталя.", {M: ["other"]}),
    # ... but a witness's words stay out, however they are introduced
    ("ФИО1 в период мобилизации 4 июня 2024 г. не прибыл на службу.",
     "Согласно показаниям свидетеля ФИО5, ФИО1 говорил ему, что хочет отдохнуть.", {M: []}),
    ("ФИО1 в период мобилизации 4 июня 2024 г. не прибыл на службу.",
     "Свидетель ФИО5 подтвердил свои показания, согласно которым ФИО1 хотел отдохнуть.", {M: []}),
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


CASSATION_REVERSED = """КАССАЦИОННОЕ ОПРЕДЕЛЕНИЕ
3 октября 2024 г. г. Новосибирск
Кассационный военный суд в составе председательствующего Орлова О.О., судей Зайцева З.З. и Котова К.К., рассмотрел
уголовное дело по кассационной жалобе защитника осуждённого ФИО1 на приговор Читинского гарнизонного военного суда
от 2 апреля 2024 г., которым ФИО1 осуждён по ч. 5 ст. 337 УК РФ к лишению свободы на срок 5 (пять) лет с отбыванием
наказания в исправительной колонии общего режима.
у с т а н о в и л :
ФИО1 признан виновным в неявке в срок на службу продолжительностью свыше одного месяца.
о п р е д е л и л :
кассационную жалобу защитника оставить без удовлетворения, а приговор Читинского гарнизонного военного суда
от 2 апреля 2024 г. в отношении ФИО1 – без изменения.
"""

PETITION_RANK = """ПОСТАНОВЛЕНИЕ
1 ноября 2024 г. г. Чита
Читинский гарнизонный военный суд в составе председательствующего Белова Б.Б., рассмотрев ходатайство командира
войсковой части 00000 в отношении ефрейтора ФИО1, проходящего военную службу по
мобилизации, обвиняемого в совершении преступления, предусмотренного ч. 5 ст. 337 УК РФ,
у с т а н о в и л :
ФИО1 заключил контракт о прохождении военной службы.
п о с т а н о в и л :
уголовное дело в отношении ФИО1 прекратить на основании ст. 28.2 УПК РФ.
"""


def test_reversed_upheld_formula() -> None:
    """"жалобу оставить без удовлетворения, а приговор – без изменения": the judgment is upheld."""
    from milcourt.extract import extract_act

    facts = extract_act(CASSATION_REVERSED)
    assert (facts["doc_type"], facts["appeal_outcome"]) == ("cassation_ruling", "upheld")


def test_rank_after_commanders_petition() -> None:
    """The commander files the petition; the rank after "в отношении" is the defendant's."""
    from milcourt.extract import extract_act

    facts = extract_act(PETITION_RANK)
    assert (facts["rank"], facts["release_ground"]) == ("ефрейтор", "art_78_1")
