"""Extract stage: the facts of a court act (charges, sentence, absence, motives, appeal outcome).

``extract_act(text)`` returns a dict of every act-fact key (``extractor.KEYS``); ``extract_act_with_spans(text)`` also returns
where in ``text`` each fact was read.
"""

from __future__ import annotations

from typing import Any


def extract_act(text: str) -> dict[str, Any]:
    from milcourt.extract.extractor import extract_act as run

    return run(text)


def extract_act_with_spans(text: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    from milcourt.extract.extractor import extract_act_with_spans as run

    return run(text)


__all__ = ["extract_act", "extract_act_with_spans"]
