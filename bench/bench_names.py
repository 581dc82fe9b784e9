"""Scrubbing speed: names out of every fixture page, pages per second on one core.

First the whole visible text of each page (site menus included: more than the parser hands
the scrubber, so a floor), for the rules alone and for the default (rules, plus natasha's NER
on the stretches the rules could not explain). Then the real ingest path: depersonalise() on
the parsed pages, when the page parser is present.
"""

from __future__ import annotations

import time

from milcourt.names import Pseudonymizer
from milcourt.parse.decode import visible_text
from milcourt.parse.depersonalise import depersonalise
from milcourt.paths import shared_dir

ROUNDS = 5
TARGET_RULES = 200.0  # pages/s, one core, visible text of whole pages
TARGET_DEFAULT = 30.0
TARGET_PAGES = 300.0  # depersonalise() on parsed pages: ingest must reach 150 pages/s all told


def _visible_text(data: bytes) -> str:
    return visible_text(data)


def _rate(pz: Pseudonymizer, texts: list[str]) -> float:
    for text in texts:  # warm up: models, morphology caches
        pz.scrub(text)
    started = time.perf_counter()
    for _ in range(ROUNDS):
        for text in texts:
            pz.scrub(text)
    return ROUNDS * len(texts) / (time.perf_counter() - started)


def run() -> bool:
    pages = sorted((shared_dir() / "fixtures" / "sudrf").glob("*.html"))
    texts = [_visible_text(p.read_bytes()) for p in pages]
    chars = sum(map(len, texts)) // max(1, len(texts))
    rules = _rate(Pseudonymizer(b"bench secret, thirty-two bytes!!", ner=False), texts)
    default = _rate(Pseudonymizer(b"bench secret, thirty-two bytes!!", ner=True), texts)
    print(f"scrub, rules only:   {rules:7.1f} pages/s  (target >= {TARGET_RULES:.0f}; "
          f"{len(texts)} pages, {chars} chars of visible text each on average)")
    print(f"scrub, rules + NER:  {default:7.1f} pages/s  (target >= {TARGET_DEFAULT:.0f})")
    ok = rules >= TARGET_RULES and default >= TARGET_DEFAULT
    try:
        from milcourt.parse import parse_page  # type: ignore[attr-defined]
    except ImportError:
        print("depersonalise: skipped (no page parser in this tree)")
        return ok
    parsed = [parse_page(p.read_bytes(), source=str(p)) for p in pages]
    pz = Pseudonymizer(b"bench secret, thirty-two bytes!!")
    for page in parsed:
        depersonalise(page, pz)
    started = time.perf_counter()
    for _ in range(ROUNDS * 2):
        for page in parsed:
            depersonalise(page, pz)
    rate = ROUNDS * 2 * len(parsed) / (time.perf_counter() - started)
    print(f"depersonalise (parsed pages, NER on): {rate:7.1f} pages/s  (target >= {TARGET_PAGES:.0f})")
    return ok and rate >= TARGET_PAGES
