"""Absence as episodes: an earlier, punished absence gives way to the charged one; the end told a
few sentences (or a paragraph) after the start; an appeal's restatement. (The day after a leave
told before the start is held by the blind table's act r2_04.)"""

from __future__ import annotations

from milcourt.extract import extract_act

from .test_blind_paragraphs import HEAD, facts_of


def _absence(statement: str) -> tuple[str | None, str | None, str | None]:
    a = facts_of(statement, "")["absence"]
    return a["start"], a["end"], a["ended_by"]


def test_an_earlier_punished_episode_gives_way_to_the_charged_one() -> None:
    assert _absence(
        "Ранее, с 3 по 5 мая 2024 г., ФИО1 уже отсутствовал на службе, за что был привлечён к дисциплинарной "
        "ответственности.\nНесмотря на это, 20 июня 2024 г. ФИО1 не явился на службу и проводил время дома. "
        "12 августа 2024 г. он добровольно прибыл в воинскую часть.") == ("2024-06-20", "2024-08-12", "voluntary")


def test_an_earlier_episode_alone_is_kept_whole() -> None:
    assert _absence("Ранее ФИО1 10 марта 2024 г. не явился на службу, а 2 апреля 2024 г. был задержан "
                    "сотрудниками военной полиции.") == ("2024-03-10", "2024-04-02", "detained")


def test_the_end_told_sentences_later_in_the_next_paragraph() -> None:
    assert _absence(
        "ФИО1 4 февраля 2024 г. самовольно оставил пункт временной дислокации и уехал к родственникам. "
        "Там он работал на стройке. О себе в военные органы не сообщал.\n"
        "В начале апреля он переехал в другой город.\n"
        "Вечером 17 апреля 2024 г. ФИО1 задержан сотрудниками военной полиции.") == (
        "2024-02-04", "2024-04-17", "detained")


def test_the_appeal_restates_the_start() -> None:
    text = (HEAD.replace("ПРИГОВОР", "АПЕЛЛЯЦИОННОЕ ОПРЕДЕЛЕНИЕ")
            + "ФИО1 признан виновным в том, что с 15 марта по 8 августа 2024 г. находился вне части, пока не был "
              "задержан военной полицией.\nСуд апелляционной инстанции установил, что часть он покинул накануне.\n"
            + "Руководствуясь ст. 389.20 УПК РФ, судебная коллегия\nопределила:\n"
              "Приговор гарнизонного военного суда от 30 января 2025 г. в отношении ФИО1 изменить: уточнить, что "
              "самовольное оставление части совершено 14 марта 2024 г. В остальном приговор оставить без изменения.")
    a = extract_act(text)["absence"]
    assert (a["start"], a["end"]) == ("2024-03-14", "2024-08-08")
