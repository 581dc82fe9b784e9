"""Scrubbing speed: names out of the visible text of every fixture page, pages per second.

The whole visible text of a page (site menus included) is more than the parser hands the
scrubber, so these figures are a floor. Printed for the rules alone and for the default
(rules, plus natasha's NER on the stretches the rules could not explain).
"""

from __future__ import annotations

import time

from selectolax.lexbor import LexborHTMLParser

from milcourt.parse.names import Pseudonymizer
from milcourt.paths import shared_dir

ROUNDS = 5
TARGET_RULES = 300.0  # pages/s, one core
TARGET_DEFAULT = 40.0


def _visible_text(data: bytes) -> str:
    try:
        html = data.decode("utf-8")
    except UnicodeDecodeError:
        html = data.decode("cp1251")
    tree = LexborHTMLParser(html)
    for node in tree.css("script, style"):
        node.decompose()
    return tree.body.text(separator="\n") if tree.body else ""


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
    return rules >= TARGET_RULES and default >= TARGET_DEFAULT
