"""Parse speed: the full structured parse of every fixture page vs bare lexbor, on one core.

Target: >= 300 pages/s for ``parse_page`` (names kept; pseudonymisation is measured with
ingest). The baseline is selectolax's LexborHTMLParser on the already-decoded page, the floor
no lexbor-based parser can beat; both are measured in the same run on the same pages.
"""

from __future__ import annotations

import time

from selectolax.lexbor import LexborHTMLParser

from milcourt.parse import decode_page, parse_page
from milcourt.paths import shared_dir

TARGET = 300.0
MIN_SECONDS = 3.0


def _pages() -> list[tuple[str, bytes]]:
    folder = shared_dir() / "fixtures" / "sudrf"
    return [(str(p), p.read_bytes()) for p in sorted(folder.glob("*.html"))]


def _rate(work, count: int) -> float:
    """Pages per second over repeated rounds of ``work`` (best of three timed runs)."""
    work()  # warm up
    best = 0.0
    for _ in range(3):
        rounds, started = 0, time.perf_counter()
        while True:
            work()
            rounds += 1
            elapsed = time.perf_counter() - started
            if elapsed >= MIN_SECONDS / 3:
                break
        best = max(best, rounds * count / elapsed)
    return best


def run() -> bool:
    pages = _pages()
    decoded = [decode_page(data) for _, data in pages]
    size = sum(len(data) for _, data in pages) / len(pages) / 1024

    def full() -> None:
        for source, data in pages:
            parse_page(data, source=source)

    def bare() -> None:
        for text in decoded:
            LexborHTMLParser(text)

    parse_rate = _rate(full, len(pages))
    lexbor_rate = _rate(bare, len(pages))
    print(f"pages: {len(pages)} fixture pages, {size:.0f} KiB on average")
    print(f"parse_page (decode + lexbor + structured parse): {parse_rate:.0f} pages/s "
          f"(target >= {TARGET:.0f})")
    print(f"bare lexbor baseline (LexborHTMLParser on decoded text): {lexbor_rate:.0f} pages/s")
    print(f"structured parse costs {100 * (lexbor_rate / parse_rate - 1):.0f}% on top of lexbor")
    return parse_rate >= TARGET
