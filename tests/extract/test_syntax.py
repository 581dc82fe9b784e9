"""The dependency tree's answers the motive rules rely on: whose words, what a negation denies,
what a fear is of. Each sentence is parsed by natasha's syntax model (offline, in the package)."""

from __future__ import annotations

import pytest

from milcourt.extract import syntax


def _tree(sentence: str) -> syntax.Tree:
    tree = syntax.parse([(sentence, 0)])[0]
    assert tree is not None
    return tree


def _at(sentence: str, word: str) -> tuple[int, int]:
    at = sentence.index(word)
    return at, at + len(word)


@pytest.mark.parametrize(("sentence", "word", "denied"), [
    ("Подсудимый пояснил, что неуставных отношений в части не было, а покинул часть, поскольку хотел помочь матери.",
     "неуставных", True),
    ("Подсудимый пояснил, что неуставных отношений в части не было, а покинул часть, поскольку хотел помочь матери.",
     "матери", False),
    ("Уехал он не потому, что боялся, а из-за болезни отца.", "боялся", True),
    ("Уехал он не потому, что боялся, а из-за болезни отца.", "болезни", False),
    ("Никто ему не угрожал, за медицинской помощью он не обращался.", "угрожал", True),
    ("Он не мог больше терпеть издевательства командира.", "издевательства", False),
    ("Денежное довольствие ему не выплачивали три месяца.", "довольствие", False),
])
def test_negation_scope(sentence: str, word: str, denied: bool) -> None:
    assert _tree(sentence).denied(*_at(sentence, word)) is denied


@pytest.mark.parametrize(("sentence", "word", "speaker"), [
    ("Свидетель Петров показал, что подсудимый жаловался на здоровье.", "здоровье", "other"),
    ("Суд считает, что подсудимый покинул часть, поскольку опасался за свою жизнь.", "опасался", "other"),
    ("Подсудимый вину признал и показал, что ушел в связи с болезнью матери.", "болезнью", "defendant"),
    ("Допрошенный в суде Кравцов вину признал и показал, что в часть не поехал, желая погулять с приятелями.",
     "погулять", None),
])
def test_speaker(sentence: str, word: str, speaker: str | None) -> None:
    assert _tree(sentence).speaker(*_at(sentence, word)) == speaker


def test_what_a_fear_is_of() -> None:
    s = "Подсудимый пояснил, что опасался, что его привлекут к уголовной ответственности за опоздание."
    assert "ответственность" in (_tree(s).feared(*_at(s, "опасался")) or set())
    s = "Подсудимый показал, что боялся снова попасть под обстрел."
    assert "обстрел" in (_tree(s).feared(*_at(s, "боялся")) or set())


def test_reason_clause() -> None:
    s = "ФИО1, желая навестить больную мать, не явился в срок на службу и проводил время с семьёй."
    tree = _tree(s)
    assert tree.in_reason(*_at(s, "мать"))
    assert not tree.in_reason(*_at(s, "семьёй"))


def test_parsed_in_batches_and_remembered() -> None:
    sentences = [(f"Подсудимый показал, что не явился на службу {n} раз.", 10 * n) for n in range(40)]
    trees = syntax.parse(sentences)
    assert all(t is not None for t in trees)
    assert [t.tokens[0].start for t in trees if t] == [10 * n for n in range(40)]  # offsets are the act's


def test_overlong_sentence_is_not_parsed() -> None:
    assert syntax.parse([("слово " * (syntax.MAX_TOKENS + 5), 0)]) == [None]
