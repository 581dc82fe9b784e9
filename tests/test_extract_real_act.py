"""A real published act (a district court's termination ruling, kept in the shared fixtures):
the extractor reads its header and operative formulae the same way as a military court's."""

from __future__ import annotations

from pathlib import Path

import pytest

from milcourt.extract import extract_act
from milcourt.parse.decode import visible_text


def _act(page: Path, first: str, after_last: str) -> str:
    """The act printed on a fixture page: from its first words up to the text that follows it."""
    text = visible_text(page.read_bytes())
    start = text.index(first)
    return text[start:text.index(after_last, start)]


@pytest.fixture(scope="module")
def ufa_act(sudrf_fixtures: Path) -> str:
    return _act(sudrf_fixtures / "leninsky_ufa_criminal.html", "дело № 1 – 151/2026", "Реквизиты для перечисления")


def test_real_termination_ruling(ufa_act: str) -> None:
    facts = extract_act(ufa_act)
    assert facts["doc_type"] == "termination_ruling"
    assert facts["court"] == "Ленинский районный суд г. Уфы Республики Башкортостан"
    assert facts["date"] == "2026-05-06"
    assert facts["case_number"] == "1-151/2026"
    assert facts["articles"] == [{"article": "173.1", "part": "2", "point": "б"}]
    assert facts["sentence"]["kind"] == "none"
    assert facts["appeal_outcome"] is None and facts["final_sentence"] is None
    assert facts["motives"] == [] and facts["release_ground"] is None


@pytest.fixture(scope="module")
def cassation_act(sudrf_fixtures: Path) -> str:
    return _act(sudrf_fixtures / "ksoyu_card_criminal.html", "ПЯТЫЙ КАССАЦИОННЫЙ", "опубликовано")


def test_real_cassation_ruling(cassation_act: str) -> None:
    """A published cassation ruling that sends an appeal back: masked terms, names on own lines."""
    facts = extract_act(cassation_act)
    assert facts["doc_type"] == "cassation_ruling"
    assert facts["court"] == "Пятый кассационный суд общей юрисдикции"
    assert facts["date"] == "2026-05-19"
    assert facts["case_number"] == "77-655/2026"
    assert facts["articles"] == [{"article": "183", "part": "3", "point": None},
                                 {"article": "290", "part": "3", "point": None}]
    s = facts["sentence"]  # the judgment reviewed: 4 years 6 months after ст. 69, fine amount masked
    assert (s["kind"], s["years"], s["months"], s["regime"], s["fine_rub"]) == ("imprisonment", 4, 6, "general", None)
    assert facts["appeal_outcome"] == "overturned" and facts["final_sentence"] is None
    assert facts["release_ground"] is None and facts["motives"] == []
