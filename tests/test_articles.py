"""Table tests: article references as printed on court pages → structured lists."""

from __future__ import annotations

import pytest

from milcourt.parse.articles import parse_articles


def art(law: str | None, article: str, part: str | None = None, point: str | None = None,
        stage: str | None = None) -> dict:
    return {"law": law, "article": article, "part": part, "point": point, "stage": stage}


CASES = [
    ("ст.337 ч.5 УК РФ", [art("УК РФ", "337", "5")]),
    ("ч. 2.1 ст. 337 УК РФ", [art("УК РФ", "337", "2.1")]),
    ("ст.173.1 ч.2 п.б", [art(None, "173.1", "2", "б")]),
    ("ст.173.1 ч.2 п.б УК РФ", [art("УК РФ", "173.1", "2", "б")]),
    ("ст.12.15 ч.4 КоАП РФ", [art("КоАП РФ", "12.15", "4")]),
    ("ст.19.34 ч.1 КоАП РФ", [art("КоАП РФ", "19.34", "1")]),
    ("ст.183 ч.4; ст.290 ч.3 УК РФ", [art("УК РФ", "183", "4"), art("УК РФ", "290", "3")]),
    ("ст.337 ч.3.1; ст.338 ч.1 УК РФ", [art("УК РФ", "337", "3.1"), art("УК РФ", "338", "1")]),
    ("УК РФ: ст. 337 ч.5", [art("УК РФ", "337", "5")]),
    ("УК РФ: ст. 337 ч.5; КоАП РФ: ст. 12.15 ч.4", [art("УК РФ", "337", "5"), art("КоАП РФ", "12.15", "4")]),
    ("ст.337 ч.5 УК РФ, ст.12.15 ч.4 КоАП РФ", [art("УК РФ", "337", "5"), art("КоАП РФ", "12.15", "4")]),
    ("п. «б» ч. 2 ст. 173.1 УК РФ", [art("УК РФ", "173.1", "2", "б")]),
    ("пп. «а», «б» ч. 2 ст. 158 УК РФ", [art("УК РФ", "158", "2", "а,б")]),
    ("ч.3 ст.30, п.\"в\" ч.2 ст.158 УК РФ", [art("УК РФ", "158", "2", "в", "attempt")]),
    ("ст. 337 ч.5 и ст. 338 ч.1 УК РФ", [art("УК РФ", "337", "5"), art("УК РФ", "338", "1")]),
    ("ст.352.1 ч.1 УК РФ", [art("УК РФ", "352.1", "1")]),
    ("ст.332 ч.2.1 УК РФ", [art("УК РФ", "332", "2.1")]),
    ("статья 339 часть 2 УК РФ", [art("УК РФ", "339", "2")]),
    ("ч.1 ст.29.9 КоАП РФ", [art("КоАП РФ", "29.9", "1")]),
    ("ст. 25.1 УПК РФ", [art("УПК РФ", "25.1")]),
    ("ст.337 ч.5 УК РФ; ст.337 ч.5 УК РФ", [art("УК РФ", "337", "5")]),  # duplicates once
    ("КАТЕГОРИЯ: 3.025 - Гл. 22 КАС РФ -> об оспаривании решений", []),
    ("Споры, возникающие из трудовых отношений", []),
    ("", []),
    # Lists where the article sign is printed once ("ст.ст.", "статьями") or numbers follow a comma.
    ("ст.ст. 337, 338 УК РФ", [art("УК РФ", "337"), art("УК РФ", "338")]),
    ("ст. 337, 338 УК РФ", [art("УК РФ", "337"), art("УК РФ", "338")]),
    ("статьями 337 и 338 УК РФ", [art("УК РФ", "337"), art("УК РФ", "338")]),
    ("ст.ст. 337 ч.5, 338 ч.1 УК РФ", [art("УК РФ", "337", "5"), art("УК РФ", "338", "1")]),
    ("ст. 337 ч.5, ст. 338 ч.1", [art(None, "337", "5"), art(None, "338", "1")]),
    ("ст. 337 ч.5, 338 ч.1", [art(None, "337", "5"), art(None, "338", "1")]),
    ("ч.5 ст.337; ч.1 ст.338", [art(None, "337", "5"), art(None, "338", "1")]),
    ("ч.5 ст.337, 338 УК РФ", [art("УК РФ", "337", "5"), art("УК РФ", "338")]),
    # The article number without "ст." (the code printed before it, or nothing).
    ("337 ч.5", [art(None, "337", "5")]),
    ("УК РФ: 337 ч.5; 338 ч.1", [art("УК РФ", "337", "5"), art("УК РФ", "338", "1")]),
    ("УК РФ: ст. 337 ч. 5", [art("УК РФ", "337", "5")]),
    # Preparation/attempt (ст. 30) is the stage of the article printed with it, never a charge.
    ("ст. 30 ч.3 - ст. 337 ч.5", [art(None, "337", "5", stage="attempt")]),
    ("ч. 3 ст. 30, ч. 5 ст. 337 УК РФ", [art("УК РФ", "337", "5", stage="attempt")]),
    # Points.
    ("п. «а» ч. 2 ст. 338 УК РФ", [art("УК РФ", "338", "2", "а")]),
    ("п «а» ч.2 ст.338 УК РФ", [art("УК РФ", "338", "2", "а")]),
    ("п.п. \"а\",\"в\" ч.2 ст.338", [art(None, "338", "2", "а,в")]),
    ("пункт «в» части 2 статьи 338 УК РФ", [art("УК РФ", "338", "2", "в")]),
    # Spaces as pages print them: no-break spaces, line breaks.
    ("ст.337\u00a0ч.5\u00a0УК\u00a0РФ", [art("УК РФ", "337", "5")]),
    ("ст.337 ч.5\nУК РФ;\nст.338 ч.1 УК РФ", [art("УК РФ", "337", "5"), art("УК РФ", "338", "1")]),
    # Several parts of one article.
    ("ч. 1, 2 ст. 337 УК РФ", [art("УК РФ", "337", "1"), art("УК РФ", "337", "2")]),
    ("ч. 3.1, ч. 5 ст. 337 УК РФ", [art("УК РФ", "337", "3.1"), art("УК РФ", "337", "5")]),
    ("ст.337 ч.3.1, ч.5 УК РФ", [art("УК РФ", "337", "3.1"), art("УК РФ", "337", "5")]),
    ("п. «а» ч. 2, ч. 3 ст. 338", [art(None, "338", "2", "а"), art(None, "338", "3")]),
    ("ч.1 ст.337; ч.2", [art(None, "337", "1")]),
    # Numbers that are not articles: counts, dates, institution numbers, the preposition "по".
    ("ст. 337 ч.5 УК РФ, 2 эпизода", [art("УК РФ", "337", "5")]),
    ("КУЗНЕЦОВ А.О. - ст.337 ч.5 ; 12.01.2025", [art(None, "337", "5")]),
    ("ОТВЕТЧИК: ФКУ ИК-15 УФСИН России по Самарской области", []),
    ("по ч.1 ст.337 УК РФ", [art("УК РФ", "337", "1")]),
]


# Art. 30 as a modifier, in every order court pages print it.
MODIFIERS = [
    ("ч.3 ст.30, ч.5 ст.337 УК РФ", [art("УК РФ", "337", "5", stage="attempt")]),
    ("ст.30 ч.1, ст.337 ч.5 УК РФ", [art("УК РФ", "337", "5", stage="preparation")]),
    ("ст.30 ч.1 - ст.338 ч.1", [art(None, "338", "1", stage="preparation")]),
    ("ч. 1 ст. 30, ч. 2 ст. 338 УК РФ", [art("УК РФ", "338", "2", stage="preparation")]),
    ("ст.30 ч.3-ст.228.1 ч.4 п.г УК РФ", [art("УК РФ", "228.1", "4", "г", "attempt")]),
    ("ст.337 ч.5, ст.30 ч.3 УК РФ", [art("УК РФ", "337", "5", stage="attempt")]),  # art. 30 after its article
    ("ч. 3 ст. 30, п.п. «а», «б» ч. 2 ст. 158 УК РФ", [art("УК РФ", "158", "2", "а,б", "attempt")]),
    # The stage goes with every part of the article after it, and only with that article.
    ("ч.3 ст.30, ч.1, 2 ст.337; ст.338 ч.1 УК РФ",
     [art("УК РФ", "337", "1", stage="attempt"), art("УК РФ", "337", "2", stage="attempt"), art("УК РФ", "338", "1")]),
    ("ст.337 ч.5; ч.3 ст.30, ч.1 ст.338 УК РФ", [art("УК РФ", "337", "5"), art("УК РФ", "338", "1", stage="attempt")]),
    # An attempt and a completed offence of the same article are two charges.
    ("ч.3 ст.30, ч.5 ст.337; ч.5 ст.337 УК РФ",
     [art("УК РФ", "337", "5", stage="attempt"), art("УК РФ", "337", "5")]),
    # Art. 30 of another code is an article like any other (КоАП 30.1 is an appeal, not a stage).
    ("ст.30.1 ч.1 КоАП РФ", [art("КоАП РФ", "30.1", "1")]),
    ("ст. 30 КоАП РФ", [art("КоАП РФ", "30")]),
    ("ст.30 УК РФ", []),  # a stage with no article: no charge
]

# Lists of points: one entry, the points comma-joined in printed order.
POINT_LISTS = [
    ("ст.280.4 ч.2 п.п.а,в", [art(None, "280.4", "2", "а,в")]),
    ("ст.280.4 ч.2 п.п.а,в УК РФ", [art("УК РФ", "280.4", "2", "а,в")]),
    ("п. «а», «в» ч. 2 ст. 280.4 УК РФ", [art("УК РФ", "280.4", "2", "а,в")]),
    ("пп. «а», «в», «г» ч.2 ст.158 УК РФ", [art("УК РФ", "158", "2", "а,в,г")]),
    ("ст.158 ч.2 п.п. а, в УК РФ", [art("УК РФ", "158", "2", "а,в")]),
    ("п.п. «а» и «в» ч. 2 ст. 158 УК РФ", [art("УК РФ", "158", "2", "а,в")]),
    ("ст.228.1 ч.4 п.п.а,г; ст.337 ч.5 УК РФ", [art("УК РФ", "228.1", "4", "а,г"), art("УК РФ", "337", "5")]),
    # A bare letter before a part is the next token, not a further point.
    ("ст.158 ч.2 п.а и ч.3 УК РФ", [art("УК РФ", "158", "2", "а"), art("УК РФ", "158", "3")]),
    ("п.«б» ч.2 ст.338, ст.337 ч.5 УК РФ", [art("УК РФ", "338", "2", "б"), art("УК РФ", "337", "5")]),
]


@pytest.mark.parametrize(("text", "expected"), MODIFIERS, ids=[c[0] for c in MODIFIERS])
def test_art_30_is_the_stage_of_its_article(text: str, expected: list[dict]) -> None:
    assert parse_articles(text) == expected


@pytest.mark.parametrize(("text", "expected"), POINT_LISTS, ids=[c[0] for c in POINT_LISTS])
def test_every_point_of_a_list(text: str, expected: list[dict]) -> None:
    assert parse_articles(text) == expected


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] or "<empty>" for c in CASES])
def test_parse_articles(text: str, expected: list[dict]) -> None:
    assert parse_articles(text) == expected


def test_default_law_fills_bare_references_only() -> None:
    assert parse_articles("ст.337 ч.5", default_law="УК РФ") == [art("УК РФ", "337", "5")]
    assert parse_articles("ст.12.15 ч.4 КоАП РФ", default_law="УК РФ") == [art("КоАП РФ", "12.15", "4")]
