"""Tables: regime, probation, rank, service basis, appeal outcome, release ground."""

import pytest

from milcourt.extract.grammars.appeal_outcome import APPEAL_OUTCOME, appeal_outcome_value
from milcourt.extract.grammars.probation import PROBATION
from milcourt.extract.grammars.rank import RANK, rank_value
from milcourt.extract.grammars.regime import REGIME, regime_value
from milcourt.extract.grammars.release_ground import RELEASE_GROUND, release_ground_value
from milcourt.extract.grammars.service_basis import SERVICE_BASIS, service_basis_value
from milcourt.extract.grammars.term import term_value

from .helpers import first


@pytest.mark.parametrize(("phrase", "expected"), [
    ("с отбыванием наказания в исправительной колонии общего режима", "general"),
    ("с отбыванием наказания в исправительной колонии строгого режима", "strict"),
    ("в исправительной колонии особого режима", "special"),
    ("с отбыванием наказания в колонии-поселении", "settlement"),
    ("в колонию-поселение", "settlement"),
    ("определить исправительную колонию общего режима", "general"),
    ("в колонии общего режима", "general"),
    ("изменить вид исправительного учреждения на колонию строгого режима", "strict"),
])
def test_regime(phrase: str, expected: str) -> None:
    text = first(REGIME, phrase)
    assert text is not None and regime_value(text) == expected


@pytest.mark.parametrize(("phrase", "expected"), [
    ("считать условным с испытательным сроком 2 (два) года", (2, None)),
    ("условным, с испытательным сроком в 1 (один) год 6 (шесть) месяцев", (1, 6)),
    ("установив испытательный срок 3 года", (3, None)),
    ("с испытательным сроком на шесть месяцев", (None, 6)),
    ("испытательный срок продолжительностью", None),
])
def test_probation(phrase: str, expected: tuple | None) -> None:
    text = first(PROBATION, phrase)
    if expected is None:
        assert text is None
        return
    assert text is not None
    v = term_value(text)
    assert (v["years"], v["months"]) == expected


@pytest.mark.parametrize(("phrase", "expected"), [
    ("в отношении военнослужащего войсковой части 00000 рядового", "рядовой"),
    ("младшего сержанта ФИО2", "младший сержант"),
    ("старшего лейтенанта ФИО1", "старший лейтенант"),
    ("ефрейтора запаса", "ефрейтор"),
    ("старшего матроса", "старший матрос"),
    ("прапорщика", "прапорщик"),
    ("сержант ФИО7", "сержант"),
    ("старшины", "старшина"),
    ("капитана 3 ранга", "капитан 3 ранга"),
    ("майора", "майор"),
    ("мичмана", "мичман"),
    ("старшего сержанта", "старший сержант"),
])
def test_rank(phrase: str, expected: str) -> None:
    text = first(RANK, phrase)
    assert text is not None and rank_value(text) == expected


@pytest.mark.parametrize(("phrase", "expected"), [
    ("проходящего военную службу по мобилизации", "mobilized"),
    ("призванного на военную службу по частичной мобилизации", "mobilized"),
    ("мобилизованный ФИО1", "mobilized"),
    ("проходящий военную службу по контракту", "contract"),
    ("военнослужащего по контракту", "contract"),
    ("проходящего военную службу по призыву", "conscript"),
    ("пребывающего в добровольческом формировании", "volunteer"),
    ("проходящему службу по контракту", "contract"),
])
def test_service_basis(phrase: str, expected: str) -> None:
    text = first(SERVICE_BASIS, phrase)
    assert text is not None and service_basis_value(text) == expected


def test_period_of_mobilisation_is_not_a_basis() -> None:
    assert first(SERVICE_BASIS, "совершенную в период мобилизации") is None


@pytest.mark.parametrize(("phrase", "expected"), [
    ("приговор оставить без изменения, а апелляционную жалобу – без удовлетворения", "upheld"),
    ("приговор в отношении ФИО8 изменить", "changed"),
    ("приговор отменить, уголовное дело передать на новое судебное рассмотрение", "overturned"),
    ("постановление суда оставить без изменения", "upheld"),
])
def test_appeal_outcome(phrase: str, expected: str) -> None:
    text = first(APPEAL_OUTCOME, phrase)
    assert text is not None and appeal_outcome_value(text) == expected


@pytest.mark.parametrize(("phrase", "expected"), [
    ("прекратить на основании ст. 28.2 УПК РФ", "art_78_1"),
    ("освободить от уголовной ответственности в соответствии с ч. 1 ст. 78.1 УК РФ", "art_78_1"),
    ("в связи с заключением контракта о прохождении военной службы", "art_78_1"),
    ("освободить от наказания вследствие акта об амнистии", "amnesty"),
    ("в связи с истечением сроков давности уголовного преследования", "limitation"),
    ("в связи с деятельным раскаянием", "active_repentance"),
    ("в связи со смертью подсудимого", "death"),
])
def test_release_ground(phrase: str, expected: str) -> None:
    text = first(RELEASE_GROUND, phrase)
    assert text is not None and release_ground_value(text) == expected


def test_release_from_punishment_for_service() -> None:
    text = first(RELEASE_GROUND, "освободить от отбывания наказания на основании ст. 80.2 УК РФ")
    assert text is not None and release_ground_value(text) == "art_78_1"
