"""Ingest speed: pages/s into SQLite on one core, parse and pseudonymisation included (target >= 150).

The fixture case cards are replicated with a different case number and UID per copy, so every page
is a new case (a re-ingested page would only hit the snapshot fast path). PostgreSQL (a throwaway
server, as in the tests) is measured beside it, and the store's own share (pre-parsed pages).
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

TARGET = 150.0
COPIES = 25  # x 4 fixture cards; pseudonymisation dominates the time


def _variants(copies: int) -> list[tuple[str, bytes]]:
    from milcourt.parse import parse_page
    from milcourt.paths import shared_dir

    pages = []
    for path in sorted((shared_dir() / "fixtures" / "sudrf").glob("*.html")):
        data = path.read_bytes()
        page = parse_page(data, source=path.name)
        if page["kind"] != "case_card":
            continue
        number, uid = page["case"]["number"], page["case"]["uid"] or ""
        for i in range(copies):
            new_number = re.sub(r"\d+(?=/)", lambda m, i=i: str(int(m.group(0)) + 100000 + i), number, count=1)
            new_uid = uid[:-9] + f"{(i * 7919) % 1000000:06d}" + uid[-3:] if uid else ""
            copy = data
            for enc in ("utf-8", "cp1251"):
                copy = copy.replace(number.encode(enc), new_number.encode(enc))
                if uid:
                    copy = copy.replace(uid.encode(enc), new_uid.encode(enc))
            pages.append((f"{path.name}#{i}", copy))
    return pages


def _measure(url: str, pages: list[tuple[str, bytes]]) -> tuple[float, float, dict[str, int]]:
    """(pages per CPU-second of this process, pages per wall-clock second, statuses)."""
    from milcourt.store import open_store

    store = open_store(url)
    store.ingest_page(pages[0][1], source=pages[0][0])  # untimed: loads the secret, models, court tables
    statuses: dict[str, int] = {}
    cpu, wall = time.process_time(), time.perf_counter()
    for source, data in pages[1:]:
        status = store.ingest_page(data, source=source).status
        statuses[status] = statuses.get(status, 0) + 1
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    store.close()
    return (len(pages) - 1) / cpu, (len(pages) - 1) / wall, statuses


def _store_only(url: str, pages: list[tuple[str, bytes]]) -> tuple[float, float]:
    from milcourt.store import ingest, open_store

    parsed = [(s, d, ingest.read_page(d, source=s)) for s, d in pages]
    store = open_store(url)
    cpu, wall = time.process_time(), time.perf_counter()
    for source, data, page in parsed:
        store.ingest_parsed(page, data, source=source)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    store.close()
    return len(parsed) / cpu, len(parsed) / wall


def _shares(pages: list[tuple[str, bytes]]) -> tuple[float, float]:
    """Pages per CPU-second of the parse alone and of the pseudonymisation alone (where time goes)."""
    from milcourt.parse import parse_page
    from milcourt.parse.names import depersonalise
    from milcourt.store.ingest import _pseudonymizer

    cpu = time.process_time()
    parsed = [parse_page(data, source=source) for source, data in pages]
    parse_rate = len(pages) / (time.process_time() - cpu)
    pz = _pseudonymizer()
    cpu = time.process_time()
    for page in parsed:
        depersonalise(page, pz)
    return parse_rate, len(pages) / (time.process_time() - cpu)


def run() -> bool:
    pages = _variants(COPIES)
    with tempfile.TemporaryDirectory(prefix="milcourt-bench-") as tmp:
        import os

        os.environ["MILCOURT_HOME"] = tmp
        rate, wall, statuses = _measure(f"sqlite:///{tmp}/a.db", pages)
        print(f"store: SQLite ingest (parse + pseudonymise + store) {rate:.0f} pages per CPU-second on one "
              f"core ({wall:.0f} pages/s wall-clock on this shared machine) over {len(pages)} case cards "
              f"{statuses} (target >= {TARGET:.0f})")
        parse_rate, names_rate = _shares(pages)
        print(f"store: of which parse alone {parse_rate:.0f}, pseudonymisation alone {names_rate:.0f} "
              "pages per CPU-second")
        alone = _store_only(f"sqlite:///{tmp}/b.db", pages)
        print(f"store: SQLite store share alone (pre-parsed pages) {alone[0]:.0f} pages per CPU-second "
              f"({alone[1]:.0f} wall)")
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
        try:
            from pg import PostgresServer

            server = PostgresServer().start()
        except Exception as exc:  # noqa: BLE001 - PostgreSQL is reported beside, not required here
            print(f"store: PostgreSQL not measured: {exc}")
        else:
            try:
                _cpu, pg_wall, _ = _measure(server.new_database(), pages)
                print(f"store: PostgreSQL ingest (parse + pseudonymise + store) {pg_wall:.0f} pages/s wall-clock "
                      "(server on the same machine)")
                pg_alone = _store_only(server.new_database(), pages)
                print(f"store: PostgreSQL store share alone {pg_alone[1]:.0f} pages/s wall-clock")
            finally:
                server.stop()
    return rate >= TARGET
