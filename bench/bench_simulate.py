"""Simulator speed: generate ~3000 first-instance cases (+ appeals) and render every card.

Target: population, truth and every card page of a 3000-case demo in under 5 seconds, so that
``make demo`` spends its time crawling, not simulating.
"""

from __future__ import annotations

import time

TARGET_SECONDS = 5.0


def run() -> bool:
    from milcourt.simulate.faults import FaultConfig, FaultPlan
    from milcourt.simulate.pages import render_card
    from milcourt.simulate.population import generate
    from milcourt.simulate.truth import truth

    started = time.perf_counter()
    population = generate(seed=1, cases=3000)
    generated = time.perf_counter()
    plan = FaultPlan.build(population, FaultConfig("realistic"))
    truth(population, plan, {"seed": 1})
    truthed = time.perf_counter()
    size = sum(len(render_card(case)) for case in population.cases)
    rendered = time.perf_counter()
    total = rendered - started
    print(f"population: {len(population.cases)} cases in {len(population.courts)} courts, "
          f"{generated - started:.2f}s; truth {truthed - generated:.2f}s")
    print(f"cards: {len(population.cases)} rendered ({size / 1e6:.1f} MB windows-1251) in {rendered - truthed:.2f}s "
          f"= {len(population.cases) / max(rendered - truthed, 1e-9):.0f} pages/s")
    print(f"total {total:.2f}s (target < {TARGET_SECONDS:.0f}s)")
    print(f"served over loopback: {_http_rate(population):.0f} cards/s with 16 client threads")
    return total < TARGET_SECONDS


def _http_rate(population) -> float:
    """Cards per second the loopback server answers (a crawl is never limited by it)."""
    import concurrent.futures
    import urllib.request

    from milcourt.simulate.faults import FaultConfig, FaultPlan
    from milcourt.simulate.pages import card_url
    from milcourt.simulate.server import CourtServer, SimulatedCourts

    server = CourtServer(SimulatedCourts(population, FaultPlan.build(population, FaultConfig("none")))).start()
    try:
        urls = [server.url + card_url("/" + c.court, c) for c in population.cases[:1000]]
        started = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            list(pool.map(lambda u: urllib.request.urlopen(u, timeout=30).read(), urls))
        return len(urls) / (time.perf_counter() - started)
    finally:
        server.stop()
