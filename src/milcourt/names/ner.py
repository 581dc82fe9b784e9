"""natasha's NER as a second opinion on long texts: models ship inside the package, loaded once.

Loading takes about a second and tagging about 0.1 s per 15 000 characters, so it runs only
on act texts, never on the short fields of cards and listings.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _models() -> tuple[Any, Any]:
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


def person_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every PER span natasha finds in the text."""
    from natasha import Doc

    segmenter, tagger = _models()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    return [(span.start, span.stop) for span in doc.spans if span.type == "PER"]
