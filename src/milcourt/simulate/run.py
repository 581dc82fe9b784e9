"""One call to build a simulation and (optionally) serve it in-process: what ``milcourt simulate``
and ``milcourt demo`` use.

    sim = build(Path("/tmp/sim"), seed=1, cases=3000, faults="realistic")
    server = sim.serve(port=0)  # started in a background thread; server.url
    ...
    server.stop()
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from milcourt.simulate.faults import FaultConfig, FaultPlan
from milcourt.simulate.pages import render_card
from milcourt.simulate.population import Population, generate
from milcourt.simulate.server import CourtServer, SimulatedCourts
from milcourt.simulate.truth import truth, write_truth


@dataclass
class Simulation:
    out: Path
    population: Population
    plan: FaultPlan
    row_limit: int
    seconds: float

    @property
    def truth_path(self) -> Path:
        return self.out / "truth.json"

    def summary(self) -> dict[str, Any]:
        cases = self.population.cases
        return {"out": str(self.out), "courts": len(self.population.courts), "cases": len(cases),
                "first": sum(c.instance == "first" for c in cases), "appeal": sum(c.instance == "appeal" for c in cases),
                "down_courts": list(self.plan.down_courts), "seconds": round(self.seconds, 2)}

    @property
    def state_path(self) -> Path:
        return self.out / "state.json"

    def serve(self, port: int = 0, host: str = "127.0.0.1") -> CourtServer:
        """Start serving in a background thread; also writes ``server.json`` with the URL.

        Each serving session is one crawl of the sites: cases to be removed whose cards an
        earlier session served (remembered in ``state.json``) are gone from this one."""
        sim = SimulatedCourts(self.population, self.plan, self.row_limit)
        sessions, earlier = self._load_state()
        if sessions:
            self.plan.next_crawl(earlier)
        served = set(earlier)

        def remember() -> None:
            served.update(self.plan.served_removable())
            self.state_path.write_text(json.dumps({"seed": self.population.seed, "sessions": sessions + 1,
                                                   "served": sorted(served)}, ensure_ascii=False), encoding="utf-8")

        remember()
        sim.on_removable_served = remember
        server = CourtServer(sim, host=host, port=port)
        (self.out / "server.json").write_text(json.dumps({"url": server.url}), encoding="utf-8")
        return server.start()

    def _load_state(self) -> tuple[int, list[tuple[str, str, str]]]:
        """(earlier serving sessions, removable cases they served) from ``state.json``."""
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return 0, []
        if data.get("seed") != self.population.seed:
            return 0, []
        return int(data.get("sessions", 1)), [(c, n, i) for c, n, i in data.get("served", [])]


def build(out: Path, *, seed: int = 1, cases: int = 3000, courts: int | None = None, faults: str = "none",
          row_limit: int = 100, slow_seconds: float = 3.0, pages: bool = False) -> Simulation:
    """Generate the population and fault plan, write ``truth.json`` (and the cards with ``pages``)."""
    started = time.perf_counter()
    config = FaultConfig(mode=faults, slow_seconds=slow_seconds)
    population = generate(seed=seed, cases=cases, courts=courts)
    plan = FaultPlan.build(population, config)
    params = {"seed": seed, "cases": cases, "courts": courts, "faults": faults, "row_limit": row_limit}
    write_truth(out / "truth.json", truth(population, plan, params))
    if pages:
        for case in population.cases:
            path = out / "pages" / case.court / f"{case.instance}-{case.case_id}.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(render_card(case))
    return Simulation(out, population, plan, row_limit, time.perf_counter() - started)
