"""Unknown facts carry a reason code, and unreadable acts give a clear result quickly."""

from __future__ import annotations

from pathlib import Path

from milcourt.extract import unknowns
from milcourt.extract.extractor import extract_act_checked

ACT = next((Path(__file__).resolve().parent.parent / "acts" / "corpus").glob("001_*.txt")).read_text(encoding="utf-8")


def test_a_readable_act_has_codes_only_for_what_it_does_not_state() -> None:
    found = extract_act_checked(ACT)
    assert found.facts["absence"]["start"] is not None
    assert "absence.start" not in found.unknown
    assert found.unknown["appeal_outcome"] == unknowns.NOT_APPLICABLE  # a verdict is no appeal
    assert set(found.unknown.values()) <= set(unknowns.CODES)


def test_motives_keep_their_sentence_and_speaker() -> None:
    found = extract_act_checked(ACT)
    assert found.facts["motives"]
    for e in found.evidence:
        assert ACT[e["start"]:e["end"]].startswith(e["clause"][:50])
        assert e["speaker"] in {"defendant", "court"}
    assert {e["category"] for e in found.evidence} == set(found.facts["motives"])


def test_no_descriptive_part() -> None:
    found = extract_act_checked("ПРИГОВОР\nИменем Российской Федерации\nГарнизонный военный суд рассмотрел "
                                "уголовное дело в отношении рядового ФИО1 и вынес приговор по существу дела.\n")
    assert found.facts["motives"] == [] and found.facts["absence"]["start"] is None
    assert found.unknown["motives"] == unknowns.NO_DESCRIPTIVE_PART
    assert found.unknown["absence.start"] == unknowns.NO_DESCRIPTIVE_PART


def test_latin_script() -> None:
    text = "PRIGOVOR\nImenem Rossiyskoy Federatsii\nustanovil:\n" + "Podsudimyy pokazal, chto ne yavilsya. " * 200
    found = extract_act_checked(text)
    assert all(v in (None, []) for k, v in found.facts.items() if k != "absence")
    assert found.unknown["doc_type"] == unknowns.NOT_RUSSIAN
    assert found.unknown["absence.start"] == unknowns.NOT_RUSSIAN


def test_mostly_masked() -> None:
    text = "ПРИГОВОР\nустановил:\n" + "<данные изъяты> ФИО1 <адрес> ДД.ММ.ГГГГ *** " * 300
    found = extract_act_checked(text)
    assert found.unknown["motives"] == unknowns.MOSTLY_MASKED
    assert found.facts["absence"] == {"start": None, "end": None, "ended_by": None}


def test_masked_dates_are_told_apart_from_unstated_ones() -> None:
    text = ACT.replace("05.10.2023", "ДД.ММ.ГГГГ")
    found = extract_act_checked(text)
    assert found.facts["absence"]["start"] is None
    assert found.unknown["absence.start"] == unknowns.DATE_MASKED
    assert "court" not in found.unknown


def test_an_end_before_the_start_is_withdrawn() -> None:
    text = ACT.replace("20 января 2024", "20 января 2023")
    found = extract_act_checked(text)
    assert found.facts["absence"]["start"] == "2023-10-05"
    assert found.facts["absence"]["end"] is None and found.facts["absence"]["ended_by"] is None
    assert found.unknown["absence.end"] == unknowns.INCONSISTENT


def test_a_five_megabyte_act_gives_its_facts() -> None:
    filler = ("Свидетель ФИО5 показал, что подсудимый характеризуется посредственно, о своих намерениях "
              "никому не сообщал, за медицинской помощью не обращался. ") * 50
    text = ACT.replace("\nприговорил:", "\n" + ("\n".join([filler] * 720)) + "\nприговорил:")
    assert len(text) > 5_000_000
    found = extract_act_checked(text)
    assert found.facts["articles"]
    assert found.facts["absence"]["start"] is not None
