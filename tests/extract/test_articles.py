"""Table: article references → {article, part, point}."""

import pytest

from milcourt.extract.grammars.articles import ARTICLE_REF, article_value

from .helpers import first

CASES = [
    ("предусмотренного ч. 5 ст. 337 УК РФ", ("337", "5", None)),
    ("по ч. 3.1 ст. 337 УК РФ", ("337", "3.1", None)),
    ("частью 4 статьи 337 Уголовного кодекса", ("337", "4", None)),
    ("п. «а» ч. 2 ст. 338 УК РФ", ("338", "2", "а")),
    ("пунктом «б» части 2 статьи 333", ("333", "2", "б")),
    ("ч. 2.1 ст. 332 УК РФ", ("332", "2.1", None)),
    ("ст. 337 ч. 5 УК РФ", ("337", "5", None)),
    ("по ст. 339 УК РФ", ("339", None, None)),
    ("ч.1 ст.338 УК РФ", ("338", "1", None)),
    ("ч. 2 ст. 352.1 УК РФ", ("352.1", "2", None)),
    ("ч. 1 ст. 228 УК РФ", ("228", "1", None)),
    ("в соответствии с ч. 1 ст. 78.1 УК РФ", ("78.1", "1", None)),
]


@pytest.mark.parametrize(("phrase", "expected"), CASES)
def test_article(phrase: str, expected: tuple) -> None:
    text = first(ARTICLE_REF, phrase)
    assert text is not None, phrase
    v = article_value(text)
    assert v is not None
    assert (v.article, v.part, v.point) == expected
