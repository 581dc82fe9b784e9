"""CLI verb of the simulator: ``milcourt simulate``."""

from __future__ import annotations

import json
import time
from pathlib import Path

import typer

from milcourt.jsonl import write_lines


def register(app: typer.Typer) -> None:
    """Attach this stage's verbs to the main app."""

    @app.command()
    def simulate(
        out: Path = typer.Option(..., "--out", help="Directory for truth.json (and pages/ with --pages)."),
        seed: int = typer.Option(1, "--seed", help="Seed: the same seed gives the same sites."),
        cases: int = typer.Option(3000, "--cases", help="First-instance cases in all (appeals come on top)."),
        courts: int = typer.Option(0, "--courts", help="Garrison courts to use (0 = all 100)."),
        faults: str = typer.Option("none", "--faults", help="none | realistic | heavy."),
        serve: bool = typer.Option(False, "--serve", help="Serve the sites on 127.0.0.1 until interrupted."),
        port: int = typer.Option(8765, "--port", help="Port to serve on (0 = any free port)."),
        row_limit: int = typer.Option(100, "--row-limit", help="Rows a single search can reach (like the real sites)."),
        slow_seconds: float = typer.Option(3.0, "--slow-seconds", help="Delay of a slow answer (realistic faults)."),
        write_pages: bool = typer.Option(False, "--pages", help="Also write every case card to DIR/pages/<court>/."),
        as_json: bool = typer.Option(False, "--json", help="Print a JSON Lines summary."),
    ) -> None:
        """Generate synthetic military-court sites (and serve them) for offline crawling.

        Example: milcourt simulate --out /tmp/sim --cases 3000 --faults realistic --serve --port 8765
        """
        from milcourt.simulate.faults import FaultConfig, FaultPlan
        from milcourt.simulate.pages import render_card
        from milcourt.simulate.population import generate
        from milcourt.simulate.server import CourtServer, SimulatedCourts
        from milcourt.simulate.truth import truth, write_truth

        try:
            config = FaultConfig(mode=faults, slow_seconds=slow_seconds)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--faults") from exc
        started = time.perf_counter()
        population = generate(seed=seed, cases=cases, courts=courts or None)
        plan = FaultPlan.build(population, config)
        params = {"seed": seed, "cases": cases, "courts": courts or None, "faults": faults, "row_limit": row_limit}
        write_truth(out / "truth.json", truth(population, plan, params))
        if write_pages:
            for case in population.cases:
                path = out / "pages" / case.court / f"{case.instance}-{case.case_id}.html"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(render_card(case))
        summary = {"out": str(out), "courts": len(population.courts), "cases": len(population.cases),
                   "first": sum(c.instance == "first" for c in population.cases),
                   "appeal": sum(c.instance == "appeal" for c in population.cases),
                   "down_courts": plan.down_courts, "seconds": round(time.perf_counter() - started, 2)}
        if not serve:
            if as_json:
                write_lines([summary])
            else:
                typer.echo(f"{summary['cases']} synthetic cases ({summary['first']} first instance, "
                           f"{summary['appeal']} appeal) in {summary['courts']} courts → {out / 'truth.json'}")
            return
        server = CourtServer(SimulatedCourts(population, plan, row_limit), port=port)
        summary["url"] = server.url
        (out / "server.json").write_text(json.dumps({"url": server.url}), encoding="utf-8")
        if as_json:
            write_lines([summary])
        else:
            typer.echo(f"serving {summary['courts']} simulated court sites at {server.url}/<court code>/modules.php "
                       f"(faults: {faults}); Ctrl-C stops")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.httpd.server_close()
