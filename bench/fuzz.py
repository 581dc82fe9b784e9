"""Fuzz the readers of untrusted bytes: the page parser, the act readers and ingest (Hypothesis).

``python -m bench.fuzz --examples 10000`` (``make fuzz``) generates pages and acts by mutating
seeds (simulated cards, the fixture pages when ../shared is there, simulated acts in txt, html,
rtf and docx) with byte flips, cuts, duplicated stretches, hostile fragments (NULs, huge
character references, RTF ``\\u`` overflows, zip magic) and deep nesting, and feeds them to:

* ``parse_page``: the only error allowed is ``ParseError`` (``PageLayoutError`` is one);
* ``read_act_bytes`` with a random claimed extension: only ``ActReadError``;
* ``Store.ingest_page`` into a SQLite store: only ``ParseError`` (pseudonymising included).

Any other exception type, an input taking longer than the per-item limit, or peak memory over
``MEMORY_CAP_MB`` is a failure. The report gives the counts by target and outcome, the slowest
input and the peak memory. tests/test_fuzz.py runs a few hundred examples the same way.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from milcourt.extract.readers import SUPPORTED, ActReadError, read_act_bytes
from milcourt.parse.errors import ParseError
from milcourt.parse.page import parse_page
from milcourt.timelimit import ITEM_SECONDS, time_limit

MEMORY_CAP_MB = 1536
HOSTILE = [
    b"\x00", b"\xff\xfe", b"\xed\xa0\x80", b"&#xFFFFFFFF;", b"&#0;", b"&#99999999999;", b"<![CDATA[", b"<!--",
    b"\\u99999999999 ", b"\\u-99999999999999?", b"{\\rtf1\\ansi ", b"\\'zz", b"}}}}", b"{{{{", b"PK\x03\x04",
    b"%PDF-1.4", b"</html>", b"</table></table>", b"<table><tr><td>", b"<script>", b"<?xml version='1.0'?>",
    "ДЕЛО № 1-1/2024".encode("cp1251"), "<tr><td>Дата поступления</td><td>99.99.9999</td></tr>".encode("cp1251"),
    "<tr><td>Уникальный идентификатор дела</td><td>".encode("cp1251"), b"\r\n" * 50, b"\x1b[31m",
]
NEST_TAGS = ["div", "table", "span", "td", "b", "font", "tr", "p"]


@dataclass
class Tally:
    """Outcomes per target, the unexpected ones with their tracebacks, the slowest input."""

    outcomes: Counter[str] = field(default_factory=Counter)
    unexpected: list[str] = field(default_factory=list)
    hangs: int = 0
    slowest: tuple[float, str] = (0.0, "")
    started: float = field(default_factory=time.monotonic)

    def record(self, target: str, seconds: float, outcome: str, size: int) -> None:
        self.outcomes[f"{target}: {outcome}"] += 1
        if seconds > self.slowest[0]:
            self.slowest = (seconds, f"{target}, {size} bytes, {outcome}")

    def total(self) -> int:
        return sum(self.outcomes.values())


class Hang(Exception):
    """An input ran past the per-item time limit."""


def _mutated(seeds: list[bytes]) -> st.SearchStrategy[bytes]:
    @st.composite
    def build(draw: Callable[..., object]) -> bytes:
        data = bytearray(draw(st.sampled_from(seeds)))  # type: ignore[arg-type]
        for _ in range(draw(st.integers(0, 6))):  # type: ignore[arg-type]
            op = draw(st.sampled_from(["flip", "cut", "insert", "bytes", "dup", "nest", "delete"]))
            at = int(draw(st.integers(0, len(data))))  # type: ignore[call-overload]
            if op == "flip" and data:
                data[min(at, len(data) - 1)] = int(draw(st.integers(0, 255)))  # type: ignore[call-overload]
            elif op == "cut":
                del data[at:]
            elif op == "insert":
                data[at:at] = draw(st.sampled_from(HOSTILE))  # type: ignore[assignment]
            elif op == "bytes":
                data[at:at] = draw(st.binary(max_size=64))  # type: ignore[assignment]
            elif op == "dup":
                chunk = data[at:at + int(draw(st.integers(1, 4000)))]  # type: ignore[call-overload]
                data[at:at] = chunk * int(draw(st.integers(1, 30)))  # type: ignore[call-overload]
            elif op == "nest":
                tag = draw(st.sampled_from(NEST_TAGS))
                depth = int(draw(st.integers(10, 30000)))  # type: ignore[call-overload]
                data[at:at] = f"<{tag}>".encode() * depth
            elif op == "delete":
                del data[at:at + int(draw(st.integers(1, 2000)))]  # type: ignore[call-overload]
        return bytes(data)

    return build()


def page_seeds() -> list[bytes]:
    """Simulated cards and listings, and the real fixture pages when ../shared is present."""
    from milcourt.paths import shared_dir
    from milcourt.simulate.pages import render_card
    from milcourt.simulate.population import generate

    population = generate(seed=7, cases=30)
    seeds = [render_card(case) for case in population.cases if case.act][:8]
    try:
        folder = shared_dir() / "fixtures" / "sudrf"
        seeds += [p.read_bytes() for p in sorted(folder.glob("*.html"))[:4]]
    except Exception:  # noqa: BLE001 - a checkout without ../shared fuzzes the simulated pages only
        pass
    return seeds


def act_seeds() -> list[bytes]:
    """One act in every format the readers take: txt (cp1251 and UTF-8), html, rtf, docx."""
    import docx

    text = ("П Р И Г О В О Р\nИменем Российской Федерации\nВоенный суд в составе председательствующего "
            "Эталонова А.С. рассмотрел дело по ч. 5 ст. 337 УК РФ. Назначить наказание 5 лет.\n")
    rtf = "{\\rtf1\\ansi\\ansicpg1251 " + "".join(f"\\u{ord(ch)}?" if ord(ch) > 127 else ch for ch in text) + "}"
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Статья"
    table.cell(0, 1).text = "337"
    buffer = io.BytesIO()
    document.save(buffer)
    html = "<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines()) + "</body></html>"
    return [text.encode("utf-8"), text.encode("cp1251"), html.encode("utf-8"), rtf.encode("ascii"),
            buffer.getvalue()]


def _run(tally: Tally, target: str, data: bytes, call: Callable[[], object],
         expected: tuple[type[BaseException], ...]) -> None:
    started = time.monotonic()
    outcome = "ok"
    try:
        with time_limit(ITEM_SECONDS, lambda: Hang(f"over {ITEM_SECONDS:g} s")):
            call()
    except Hang:
        tally.hangs += 1
        outcome = "HANG"
    except expected as exc:
        outcome = type(exc).__name__
    except Exception as exc:  # noqa: BLE001 - the point: any other type is what we hunt
        outcome = f"UNEXPECTED {type(exc).__name__}"
        tally.unexpected.append(f"{target} ({len(data)} bytes): {type(exc).__name__}: {exc}\n"
                                + "".join(traceback.format_exception(exc)[-4:]))
    tally.record(target, time.monotonic() - started, outcome, len(data))


def fuzz(examples: int, tally: Tally, *, store_dir: Path | None = None) -> Tally:
    """Run ``examples`` inputs split over the three targets (half pages, a third acts, the rest ingest)."""
    from milcourt.store import open_store

    pages, acts = page_seeds(), act_seeds()
    n_pages, n_acts = examples // 2, examples // 3
    n_ingest = examples - n_pages - n_acts
    common = {"deadline": None, "database": None, "phases": [Phase.generate],
              "suppress_health_check": list(HealthCheck)}

    @settings(max_examples=n_pages, **common)  # type: ignore[arg-type]
    @given(_mutated(pages))
    def pages_target(data: bytes) -> None:
        _run(tally, "parse_page", data, lambda: parse_page(data, source="fuzz.html"), (ParseError,))

    @settings(max_examples=n_acts, **common)  # type: ignore[arg-type]
    @given(_mutated(acts), st.sampled_from(SUPPORTED))
    def acts_target(data: bytes, ext: str) -> None:
        _run(tally, "read_act_bytes", data, lambda: read_act_bytes(data, ext, source="fuzz" + ext, timeout=ITEM_SECONDS),
             (ActReadError,))

    folder = Path(store_dir or tempfile.mkdtemp(prefix="milcourt-fuzz-"))
    store = open_store(f"sqlite:///{folder / 'fuzz.db'}")

    @settings(max_examples=n_ingest, **common)  # type: ignore[arg-type]
    @given(_mutated(pages[:8]))
    def ingest_target(data: bytes) -> None:
        _run(tally, "ingest_page", data, lambda: store.ingest_page(data, source="fuzz.html"), (ParseError,))

    try:
        pages_target()
        acts_target()
        ingest_target()
    finally:
        store.close()
    return tally


def peak_memory_mb() -> float:
    """This process's peak resident memory (VmHWM), in MB."""
    status = Path("/proc/self/status").read_text()
    found = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(found.group(1)) / 1024 if found else 0.0


def report(tally: Tally) -> bool:
    elapsed = time.monotonic() - tally.started
    memory = peak_memory_mb()
    print(f"fuzz: {tally.total()} inputs in {elapsed:.0f} s; peak memory {memory:.0f} MB (cap {MEMORY_CAP_MB} MB); "
          f"per-input limit {ITEM_SECONDS:g} s, hangs {tally.hangs}; slowest {tally.slowest[0]:.2f} s "
          f"({tally.slowest[1]})")
    for key, count in sorted(tally.outcomes.items()):
        print(f"  {key}: {count}")
    for line in tally.unexpected[:10]:
        print("UNEXPECTED:", line)
    return not tally.unexpected and tally.hangs == 0 and memory <= MEMORY_CAP_MB


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000, help="inputs in all (default 10000)")
    args = parser.parse_args(argv)
    tally = fuzz(args.examples, Tally())
    return 0 if report(tally) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
