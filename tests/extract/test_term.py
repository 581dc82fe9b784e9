"""Table: terms of punishment as verdicts write them → (years, months, days)."""

import pytest

from milcourt.extract.grammars.term import TERM, term_value

from .helpers import first

CASES = [
    ("назначить наказание в виде лишения свободы на срок 5 (пять) лет 6 (шесть) месяцев", (5, 6, None)),
    ("смягчить наказание до 5 (пяти) лет 6 (шести) месяцев лишения свободы", (5, 6, None)),
    ("снизить до пяти лет шести месяцев", (5, 6, None)),
    ("на срок 1 год 2 месяца", (1, 2, None)),
    ("на срок 2 (два) года", (2, None, None)),
    ("сроком на 3 (три) года", (3, None, None)),
    ("в виде 1 (одного) года 8 (восьми) месяцев лишения свободы", (1, 8, None)),
    ("содержания в дисциплинарной воинской части на срок 4 (четыре) месяца", (None, 4, None)),
    ("ареста на срок 10 (десять) суток", (None, None, 10)),
    ("на срок 6 месяцев 15 дней", (None, 6, 15)),
    ("на срок 2 (два) года и 3 (три) месяца", (2, 3, None)),
    ("на срок 13 (тринадцать) лет", (13, None, None)),
    ("к шести годам лишения свободы", (6, None, None)),
    ("на срок один год", (1, None, None)),
    ("на срок 8 (восемь) лет", (8, None, None)),
    ("лишения свободы на срок 6 (шесть) лет 6 (шесть) месяцев", (6, 6, None)),
    ("на срок 11 (одиннадцать) месяцев", (None, 11, None)),
    ("сроком 2 года 1 месяц", (2, 1, None)),
    ("до 4 (четырех) лет лишения свободы", (4, None, None)),
    ("в течение двадцати суток", (None, None, 20)),
]


@pytest.mark.parametrize(("phrase", "expected"), CASES)
def test_term(phrase: str, expected: tuple) -> None:
    text = first(TERM, phrase)
    assert text is not None, phrase
    v = term_value(text)
    assert (v["years"], v["months"], v["days"]) == expected
