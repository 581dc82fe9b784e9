"""CLI verb of the simulator: ``milcourt simulate``."""

from __future__ import annotations

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
        import sys
        import threading

        from milcourt.simulate.run import build

        if cases < 1:
            raise typer.BadParameter("needs at least one case", param_hint="--cases")
        try:
            sim = build(out, seed=seed, cases=cases, courts=courts or None, faults=faults, row_limit=row_limit,
                        slow_seconds=slow_seconds, pages=write_pages)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--faults") from exc
        summary = sim.summary()
        if serve:
            server = sim.serve(port=port)
            summary["url"] = server.url
        if as_json:
            write_lines([summary])
        elif serve:
            typer.echo(f"serving {summary['courts']} simulated court sites with cases at "
                       f"{summary['url']}/<court code>/modules.php (faults: {faults}); Ctrl-C stops")
        else:
            typer.echo(f"{summary['cases']} synthetic cases ({summary['first']} first instance, "
                       f"{summary['appeal']} appeal) in {summary['courts']} courts → {sim.truth_path}")
        if serve:
            sys.stdout.flush()
            try:
                threading.Event().wait()
            except KeyboardInterrupt:
                pass
            finally:
                server.stop()
