"""The fast paths give exactly what the plain patterns they replace give (no timing here).

Each speed-up in names and extraction finds candidates cheaply and confirms them with the original
pattern; these tests hold it to the original over every act text we have (the development corpus,
the fixture pages' acts) in several letter cases, and over hand-made edge cases.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from milcourt.extract import (
    absence,
    document,
    motive,
    outcome,
    person,
    punishment,
    qualification,
    segment,
    spans,
)
from milcourt.names import roles as names_roles
from milcourt.names.morph import shadow
from milcourt.parse import parse_page

ACTS = Path(__file__).parent / "acts"
EDGES = (
    "капитан юстиции Петров, Капитан Юстиции Петров; свидетель Капитан Иванов (свидетель Петров "
    "потерпевшему\nИванову майор в отставке Сидоров истца Петрова П. 123свидетель Петров СВИДЕТЕЛЬ ПЕТРОВ "
    "подполковник медицинской  службы Кузнецов осуждённого Смирнова свидетелей-Ивановой ПредставителЕм   "
    "Ивановой-Петровой. гражданка Юстиции Запаса Петрова командира Запаса Иванова\n"
    "приговорил:\nпостановил\n  определила  \nп о с т а н о в и л а :\nxопределил: решил :\n\nрешил\n"
    "по  настоящее время, до настоящего времени, дд.мм.гггг, 5 мая 2023, «5» мая 2023, пятого\nмая 2023, "
    "1.2.23, 12.12.2023 г., 5мая 2023, x5 мая 20, ᲀ ſ ёЁ Рядовой РЯДОВОЙ ЯВКА особом порядке гл. 40 УПК"
)


@pytest.fixture(scope="module")
def texts(sudrf_fixtures: Path) -> list[str]:
    found = [p.read_text(encoding="utf-8") for p in sorted(ACTS.rglob("*.txt"))]
    for page in sorted(sudrf_fixtures.glob("*.html")):
        parsed = parse_page(page.read_bytes(), source=page.name)
        found += [act["text"] for act in parsed.get("acts") or []]
    assert len(found) > 50
    found.append(EDGES)
    return [variant for text in found for variant in (text, text.upper(), text.title(), text.swapcase())]


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


def test_role_surnames_are_finditer(texts: list[str]) -> None:
    for text in texts:
        for variant in (text, shadow(text)):
            assert _spans(names_roles.role_surnames(variant)) == _spans(names_roles.ROLE_SURNAME.finditer(variant))


def test_operative_markers_are_finditer(texts: list[str]) -> None:
    for text in texts:
        low = text.lower()
        assert _spans(segment._operative_markers(low)) == _spans(segment._OPERATIVE.finditer(low))


def test_lowered_prefilters_are_case_insensitive_finditer(texts: list[str]) -> None:
    patterns = [v for mod in (person, outcome, punishment, qualification, document, motive, absence)
                for v in vars(mod).values() if isinstance(v, re.Pattern) and v.flags & re.I]
    assert len(patterns) > 10
    for pattern in patterns:
        for text in texts:
            fast = [m.span() for m in spans.finditer_ci(pattern, text)]
            assert fast == [m.span() for m in pattern.finditer(text)], pattern.pattern
