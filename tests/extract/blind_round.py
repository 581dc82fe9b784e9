"""One blind round as a regression table: its passages and acts as tests, known misses as strict
xfails, and the figures it reached held. Each ``test_blind_rN.py`` names its folder, its known
misses and its figures; the tests themselves are made here once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .blind_score import act_fields, acts, passages, score
from .test_blind_paragraphs import facts_of

ACT_KEYS = ("doc_type", "articles", "absence", "sentence_kind", "years", "months", "suspended", "regime")


def round_tests(folder: Path, known_misses: dict[str, str], *, min_f1: float,
                min_absence: float = 1.0, min_fields: float = 1.0) -> tuple[Callable[..., None], ...]:
    """(test_passage_motives, test_act, test_round_figures) for the round in ``folder``."""

    def marked(name: str, value: Any) -> Any:
        if name in known_misses:
            return pytest.param(value, marks=pytest.mark.xfail(reason=known_misses[name], strict=True), id=name)
        return pytest.param(value, id=name)

    @pytest.mark.parametrize("passage", [marked(p["id"], p) for p in passages(folder)])
    def test_passage_motives(passage: dict[str, Any]) -> None:
        assert sorted(facts_of("", passage["text"])["motives"]) == sorted(passage["motives"])

    @pytest.mark.parametrize("act", [marked(name, (text, label)) for name, text, label in acts(folder)])
    def test_act(act: tuple[str, dict[str, Any]]) -> None:
        text, label = act
        want = {k: label[k] for k in ACT_KEYS}
        want["motives"] = sorted(label["motives"])
        assert act_fields(text) == want

    def test_round_figures() -> None:
        """The figures the round reached, held: motives F1 (micro), absence and all act fields."""
        s = score(folder)
        assert s.f1()[2] >= min_f1
        assert s.share(("absence.start", "absence.end", "absence.ended_by")) >= min_absence
        assert s.share(tuple(s.fields)) >= min_fields

    return test_passage_motives, test_act, test_round_figures
