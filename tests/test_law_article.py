"""Table tests for the one article model every stage hands on (milcourt.law.Article)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from milcourt.law import RECORD_FIELDS, Article, parse_short
from milcourt.law.article import normalise_law, split_points
from milcourt.parse.articles import parse_articles
from milcourt.store import schema

REPO = Path(__file__).resolve().parent.parent

NORMALISED = [
    # (Article.of arguments, the normalised article)
    (("ст. 337", "ч.5", None, None, "УК РФ"), Article("337", "5", (), None, "УК РФ")),
    ((" 352.1 ", " 2 ", "А, в", "attempt", "ук"), Article("352.1", "2", ("а", "в"), "attempt", "УК РФ")),
    ((337, 5, "б", None, "КОАП Российской Федерации"), Article("337", "5", ("б",), None, "КоАП РФ")),
    (("статья 12.15", "", None, None, "КоАП РФ"), Article("12.15", None, (), None, "КоАП РФ")),
    (("158", "2", "а,б,", "preparation", "УК  РСФСР"), Article("158", "2", ("а", "б"), "preparation", "УК РСФСР")),
    (("337", None, None, None, None), Article("337")),
]


@pytest.mark.parametrize(("pieces", "expected"), NORMALISED)
def test_of_normalises_loosely_written_pieces(pieces: tuple, expected: Article) -> None:
    assert Article.of(*pieces) == expected


@pytest.mark.parametrize(("raw", "law"), [
    ("УК РФ", "УК РФ"), ("ук", "УК РФ"), ("КОАП РФ", "КоАП РФ"), ("КАС Российской Федерации", "КАС РФ"),
    ("ГПК РФ", "ГПК РФ"), ("упк рф", "УПК РФ"), ("УК РСФСР", "УК РСФСР"),
])
def test_normalise_law(raw: str, law: str) -> None:
    assert normalise_law(raw) == law


@pytest.mark.parametrize(("kwargs", "wrong"), [
    ({"article": "ст.337"}, "article"), ({"article": ""}, "article"), ({"article": 337}, "article"),
    ({"article": "337", "part": "пятая"}, "part"), ({"article": "337", "part": 5}, "part"),
    ({"article": "337", "points": ["а"]}, "points"), ({"article": "337", "points": ("А",)}, "points"),
    ({"article": "337", "points": ("",)}, "points"),
    ({"article": "337", "stage": "completed"}, "stage"), ({"article": "337", "stage": "покушение"}, "stage"),
])
def test_a_value_that_is_not_an_article_is_refused_naming_the_field(kwargs: dict, wrong: str) -> None:
    with pytest.raises(ValueError, match=f"^{wrong} must be"):
        Article(**kwargs)


@pytest.mark.parametrize("bad", ["Кодекс РФ", "РФ", "ст.337 УК РФ", ""])
def test_an_unknown_code_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="not a code of law"):
        normalise_law(bad)


def test_sorted_reads_as_a_code_does_numbers_not_text() -> None:
    shuffled = [
        Article("352.1"), Article("337", "5"), Article("52"), Article("337", "3.1"), Article("337"),
        Article("337", "5", ("б",)), Article("337", "5", ("а",)), Article("338", "2", ("а", "в")),
        Article("337", "5", stage="attempt"), Article("337", "5", stage="preparation"), Article("337", "10"),
    ]
    assert [a.label() for a in sorted(shuffled)] == [
        "ст.52", "ст.337", "ст.337 ч.3.1", "ст.337 ч.5", "ч.1 ст.30, ст.337 ч.5", "ч.3 ст.30, ст.337 ч.5",
        "ст.337 ч.5 п.а", "ст.337 ч.5 п.б", "ст.337 ч.10", "ст.338 ч.2 п.а,в", "ст.352.1",
    ]


def test_ordering_agrees_with_equality() -> None:
    a, b = Article("337", "5", law="УК РФ"), Article("337", "5", law="УК РФ")
    assert a == b and not a < b and not b < a and hash(a) == hash(b)
    assert Article("337", "5") != Article("337", "5", law="УК РФ")
    assert len({Article("337", "5"), Article("337", "5", stage="attempt")}) == 2


RECORDS = [
    ({"law": "УК РФ", "article": "337", "part": "5", "point": None, "stage": None}, Article("337", "5", law="УК РФ")),
    ({"law": "УК РФ", "article": "158", "part": "2", "point": "а,в", "stage": "attempt"},
     Article("158", "2", ("а", "в"), "attempt", "УК РФ")),
    ({"law": None, "article": "173.1", "part": "2", "point": "б", "stage": None}, Article("173.1", "2", ("б",))),
    ({"law": "КоАП РФ", "article": "12.15", "part": None, "point": None, "stage": None},
     Article("12.15", law="КоАП РФ")),
]


@pytest.mark.parametrize(("record", "article"), RECORDS)
def test_round_trip_to_the_record_shape(record: dict, article: Article) -> None:
    assert Article.from_record(record) == article
    assert article.as_record() == record
    assert list(record) == list(RECORD_FIELDS)


def test_round_trip_to_the_act_facts_shape() -> None:
    fact = {"article": "338", "part": "2", "point": "а"}
    assert Article.from_record(fact) == Article("338", "2", ("а",))
    assert Article.from_record(fact).as_fact() == fact
    assert Article("337", "5", law="УК РФ", stage="attempt").as_fact() == {"article": "337", "part": "5", "point": None}


def test_from_record_takes_numbers_read_as_numbers_and_an_empty_part() -> None:
    assert Article.from_record({"article": 337, "part": 5}) == Article("337", "5")
    assert Article.from_record({"article": "337", "part": ""}) == Article("337")


@pytest.mark.parametrize(("point", "points"), [(None, ()), ("", ()), ("б", ("б",)), ("а,в", ("а", "в")),
                                               ("А, В", ("а", "в"))])
def test_split_points(point: str | None, points: tuple[str, ...]) -> None:
    assert split_points(point) == points
    assert Article("337", "2", points).point == (",".join(points) or None)


@pytest.mark.parametrize(("article", "label", "citation"), [
    (Article("337", "5", law="УК РФ"), "ст.337 ч.5 УК РФ", "ч. 5 ст. 337"),
    (Article("337", "5", stage="attempt", law="УК РФ"), "ч.3 ст.30, ст.337 ч.5 УК РФ", "ч. 5 ст. 337"),
    (Article("338", "2", ("а", "в")), "ст.338 ч.2 п.а,в", "п. а,в ч. 2 ст. 338"),
    (Article("339"), "ст.339", "ст. 339"),
])
def test_label_and_citation(article: Article, label: str, citation: str) -> None:
    assert (article.label(), article.citation()) == (label, citation)


def test_a_label_reads_back_through_the_page_parser() -> None:
    for article in [a for _, a in RECORDS if a.law] + [Article("337", "5", stage="attempt", law="УК РФ")]:
        assert parse_articles(article.label()) == [article.as_record()]


@pytest.mark.parametrize(("text", "expected"), [
    ("337", (Article("337"),)),
    ("337;338, 339/352.1", (Article("337"), Article("338"), Article("339"), Article("352.1"))),
    ("337 part 5", (Article("337", "5"),)),
    ("337 ч.3.1", (Article("337", "3.1"),)),
    ("337 Part 5; 338", (Article("337", "5"), Article("338"))),
])
def test_parse_short(text: str, expected: tuple[Article, ...]) -> None:
    assert parse_short(text) == expected


@pytest.mark.parametrize("bad", ["ст. 337", "33", "337 part five", "337;", "1337"])
def test_parse_short_names_the_piece_that_is_not_an_article(bad: str) -> None:
    with pytest.raises(ValueError, match="not an article"):
        parse_short(bad)


def test_the_charges_table_and_its_codebook_are_the_record_shape() -> None:
    """The store's and the exports' charge columns are the model's fields, each in the codebook."""
    columns = [c.name for c in schema.charges.c]
    assert columns[-len(RECORD_FIELDS):] == list(RECORD_FIELDS)
    codebook = (REPO / "src" / "milcourt" / "publish" / "codebook.md").read_text(encoding="utf-8")
    section = re.search(r"^## charges\.\*.*?(?=^## |\Z)", codebook, flags=re.M | re.S)
    assert section
    assert all(re.search(rf"^\| {field} \|", section.group(0), flags=re.M) for field in RECORD_FIELDS)


def test_the_model_is_the_bottom_layer() -> None:
    """Every stage imports the model, so it may import no stage of milcourt (nor anything above it)."""
    imported = set()
    for path in (REPO / "src" / "milcourt" / "law").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
    assert {m for m in imported if m.split(".")[0] == "milcourt"} <= {"milcourt.law", "milcourt.law.article"}
