"""Ingest speed: pages/s into SQLite on one core, parse and pseudonymisation included (target >= 150).

The target is issue 4's: parse, pseudonymise, store. Act-fact extraction, which issue 6 later
added to ingest and which has its own target in bench_extract, is measured beside it.

The fixture case cards are replicated with a different case number and UID per copy, so every page
is a new case (a re-ingested page would only hit the snapshot fast path). Every card carries an act
text, so fact extraction (issue 6, run at ingest since the store learnt it) is in the figure; the
ingest without it (issue 4's definition) and each stage alone are printed beside it, then
PostgreSQL (a throwaway server, as in the tests). Figures are pages per CPU-second of this process
(the machine is shared); wall-clock beside them. A realistic mix is printed beside the worst case:
the simulator's population, where about 40% of cards carry an act, with its listing pages.

Copies repeat the same act texts, so the extractor's memo of grammar matches (spans._CACHE: legal
formulae recur across real acts too) is warmer than on real material: extraction is also timed
with that memo emptied before every act, the pessimistic bound.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TARGET = 150.0
COPIES = 25  # x 4 fixture cards


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


def _realistic_mix(real_acts: list[tuple[str, bytes]] | None = None,
                   cases: int = 250) -> tuple[list[tuple[str, bytes]], dict[str, float]]:
    """Simulated pages in the population's proportions: every case's card (an act only where the
    simulator gives it one, about 40%) and the search-results pages listing them (20 rows each).

    With ``real_acts`` (fixture cards, 14 KB acts) the cards with an act are those instead, so the
    act share is the population's but the acts are real-sized (the simulator's are ~2.5 KB)."""
    from milcourt.simulate.pages import render_card, render_listing
    from milcourt.simulate.population import DELO_APPEAL, DELO_FIRST, generate

    population = generate(seed=7, cases=cases)
    spare = iter(real_acts or [])
    pages = [(next(spare) if real_acts and case.act else (f"sim-card-{i}", render_card(case)))
             for i, case in enumerate(population.cases)]
    groups: dict[tuple[str, str], list[Any]] = {}
    for case in population.cases:
        groups.setdefault((case.court, case.instance), []).append(case)
    listings = 0
    for (court, instance), rows in groups.items():
        delo = DELO_FIRST if instance == "first" else DELO_APPEAL
        chunks = [rows[i:i + 20] for i in range(0, len(rows), 20)]
        for n, chunk in enumerate(chunks, 1):
            data = render_listing(court, chunk[0].court_name, "", delo, chunk, len(rows), n, len(chunks), "")
            pages.append((f"sim-listing-{court}-{instance}-{n}", data))
            listings += 1
    from milcourt.parse import parse_page

    acts = [act["text"] for source, data in pages if "listing" not in source
            for act in parse_page(data, source=source).get("acts") or []]
    info = {"cards": len(population.cases), "listings": listings, "act_share": len(acts) / len(population.cases),
            "act_chars": sum(map(len, acts)) / max(1, len(acts))}
    return pages, info


def _rate(count: int, work: Callable[[], Any]) -> tuple[float, float]:
    """(items per CPU-second of this process, items per wall-clock second) of ``work()``."""
    cpu, wall = time.process_time(), time.perf_counter()
    work()
    return count / (time.process_time() - cpu), count / (time.perf_counter() - wall)


def _measure(url: str, pages: list[tuple[str, bytes]], *, facts: bool = True) -> tuple[float, float, dict[str, int]]:
    """Full ingest: (pages per CPU-second, pages per wall-clock second, statuses)."""
    from milcourt.store import open_store

    store = open_store(url, extract_facts=facts)
    store.ingest_page(pages[0][1], source=pages[0][0])  # untimed: loads the secret, models, court tables
    statuses: dict[str, int] = {}

    def ingest_all() -> None:
        for source, data in pages[1:]:
            status = store.ingest_page(data, source=source).status
            statuses[status] = statuses.get(status, 0) + 1

    cpu, wall = _rate(len(pages) - 1, ingest_all)
    store.close()
    return cpu, wall, statuses


def _store_only(url: str, pages: list[tuple[str, bytes]], *, facts: bool = True) -> tuple[float, float]:
    """The store's share: pre-parsed, pre-pseudonymised pages (acts' fact extraction included if ``facts``)."""
    from milcourt.store import ingest, open_store

    parsed = [(s, d, ingest.read_page(d, source=s)) for s, d in pages]
    store = open_store(url, extract_facts=facts)
    rates = _rate(len(parsed), lambda: [store.ingest_parsed(page, data, source=source)
                                        for source, data, page in parsed])
    store.close()
    return rates


def _shares(pages: list[tuple[str, bytes]]) -> dict[str, float]:
    """Pages per CPU-second of each stage alone: parse, pseudonymisation, fact extraction."""
    from milcourt.extract import extract_act_with_spans, spans
    from milcourt.parse import parse_page
    from milcourt.parse.depersonalise import depersonalise
    from milcourt.store.ingest import _pseudonymizer

    parsed: list[dict[str, Any]] = []
    out = {"parse": _rate(len(pages), lambda: parsed.extend(parse_page(d, source=s) for s, d in pages))[0]}
    pz = _pseudonymizer()
    clean: list[dict[str, Any]] = []
    out["names"] = _rate(len(pages), lambda: clean.extend(depersonalise(p, pz) for p in parsed))[0]
    texts = [[a["text"] for a in p.get("acts") or []] for p in clean]
    out["facts"] = _rate(len(pages), lambda: [extract_act_with_spans(t) for ts in texts for t in ts])[0]

    def cold() -> None:
        for ts in texts:
            for t in ts:
                spans.clear_cache()
                extract_act_with_spans(t)

    out["facts_cold"] = _rate(len(pages), cold)[0]
    out["acts"] = sum(map(len, texts)) / len(pages)
    out["act_chars"] = sum(len(t) for ts in texts for t in ts) / max(1, sum(map(len, texts)))
    return out


def run() -> bool:
    pages = _variants(COPIES)
    with tempfile.TemporaryDirectory(prefix="milcourt-bench-") as tmp:
        os.environ["MILCOURT_HOME"] = tmp
        rate, wall, statuses = _measure(f"sqlite:///{tmp}/a.db", pages)
        bare, bare_wall, _ = _measure(f"sqlite:///{tmp}/a2.db", pages, facts=False)
        shares = _shares(pages)
        mix, mix_info = _realistic_mix()
        mix_rate, mix_wall, _ = _measure(f"sqlite:///{tmp}/mix.db", mix)
        real_mix, real_info = _realistic_mix(_variants(COPIES * 2)[::-1])
        real_rate, real_wall, _ = _measure(f"sqlite:///{tmp}/mix2.db", real_mix)
        print(f"store: {len(pages)} case cards {statuses}, {shares['acts']:.1f} act per card "
              f"({shares['act_chars']:.0f} characters on average)")
        print(f"store: SQLite ingest (parse + pseudonymise + store; issue 4's definition) {bare:.0f} pages "
              f"per CPU-second on one core ({bare_wall:.0f} pages/s wall-clock on this shared machine) "
              f"(target >= {TARGET:.0f})")
        print(f"store: SQLite ingest with act-fact extraction too, every card with a 14 KB act (worst case) "
              f"{rate:.0f} pages per CPU-second ({wall:.0f} wall)")
        print(f"store: SQLite ingest, realistic mix (simulator population: {mix_info['cards']:.0f} cards, "
              f"{mix_info['act_share']:.0%} with an act of {mix_info['act_chars']:.0f} characters on average, "
              f"{mix_info['listings']:.0f} listing pages; parse + pseudonymise + store + act facts) {mix_rate:.0f} "
              f"pages per CPU-second ({mix_wall:.0f} wall)")
        print(f"store: SQLite ingest, realistic mix with real-sized acts (the same population, its cards with an "
              f"act replaced by fixture cards: {real_info['act_share']:.0%} with an act of "
              f"{real_info['act_chars']:.0f} characters on average, {real_info['listings']:.0f} listing pages) "
              f"{real_rate:.0f} pages per CPU-second ({real_wall:.0f} wall)")
        print(f"store: stages alone, pages per CPU-second: parse {shares['parse']:.0f}, pseudonymisation "
              f"{shares['names']:.0f}, fact extraction {shares['facts']:.0f} "
              f"({shares['facts_cold']:.0f} with its match memo emptied before every act)")
        alone = _store_only(f"sqlite:///{tmp}/b.db", pages)
        alone_bare = _store_only(f"sqlite:///{tmp}/c.db", pages, facts=False)
        print(f"store: SQLite store share alone (pre-parsed pages) {alone[0]:.0f} pages per CPU-second "
              f"with fact extraction, {alone_bare[0]:.0f} without")
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
        try:
            from pg import PostgresServer

            server = PostgresServer().start()
        except Exception as exc:  # noqa: BLE001 - PostgreSQL is reported beside, not required here
            print(f"store: PostgreSQL not measured: {exc}")
        else:
            try:
                _cpu, pg_wall, _ = _measure(server.new_database(), pages)
                print(f"store: PostgreSQL ingest (parse + pseudonymise + store + act facts) {pg_wall:.0f} "
                      "pages/s wall-clock (server on the same machine)")
                pg_alone = _store_only(server.new_database(), pages)
                print(f"store: PostgreSQL store share alone {pg_alone[1]:.0f} pages/s wall-clock")
            finally:
                server.stop()
    return bare >= TARGET
