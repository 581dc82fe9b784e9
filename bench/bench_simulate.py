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
    return total < TARGET_SECONDS
