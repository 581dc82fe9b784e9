"""Table: dates in digits and words → ISO; "по настоящее время" → open end."""

import pytest

from milcourt.extract.grammars.dates import DATE_OR_NOW, date_range_value, date_value

from .helpers import first

CASES = [
    ("05.10.2023 не явился", "2023-10-05"),
    ("с 5 октября 2023 г. отсутствовал", "2023-10-05"),
    ("до 23 мая 2024 года", "2024-05-23"),
    ("«14» ноября 2023 года", "2023-11-14"),
    ("двадцать третьего мая 2024 года", "2024-05-23"),
    ("первого сентября 2023 г.", "2023-09-01"),
    ("30 января 2025 г.", "2025-01-30"),
    ("1 марта 2024г.", "2024-03-01"),
    ("в 9 часов 12 февраля 2024 года", "2024-02-12"),
    ("по 31.12.2023 включительно", "2023-12-31"),
    ("3 апреля 2023 г. самовольно оставил", "2023-04-03"),
    ("с 1.2.2024", "2024-02-01"),
    ("по настоящее время", None),
    ("до настоящего времени", None),
]


@pytest.mark.parametrize(("phrase", "expected"), CASES)
def test_date(phrase: str, expected: str | None) -> None:
    text = first(DATE_OR_NOW, phrase)
    assert text is not None, phrase
    assert date_value(text) == expected


@pytest.mark.parametrize(("phrase", "expected"), [
    ("Преступление совершено с 6 по 30 июня 2023 г.", ("2023-06-06", "2023-06-30")),
    ("в период с 6 июня по 2 июля 2023 года", ("2023-06-06", "2023-07-02")),
    ("с 28 декабря 2022 г. по 15 января 2023 г.", ("2022-12-28", "2023-01-15")),
])
def test_range(phrase: str, expected: tuple) -> None:
    found = date_range_value(phrase)
    assert found is not None and found[:2] == expected
