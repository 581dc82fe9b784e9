"""``milcourt courts``: list and look up courts of the registry."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from milcourt.courts.registry import all_courts, credit, select
from milcourt.jsonl import write_lines


def courts(
    military: bool = typer.Option(False, "--military", help="Only the 111 military courts."),
    level: str | None = typer.Option(
        None, "--level", help="garrison | district | appeal | cassation (military); rayon | regional | …"
    ),
    code: str | None = typer.Option(None, "--code", help="A court code (54GV0003) or a case UID."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, one court per line."),
) -> None:
    """List courts of the registry, or find one by code or case UID.

    Example: milcourt courts --military --level district
    Example: milcourt courts --code 61GV0004-01-2024-000197-32 --json
    """
    chosen = select(all_courts(), military=military, level=level, code=code)
    if code is not None and not chosen:
        typer.echo(f"milcourt courts: no court with code {code!r} in the registry", err=True)
        raise typer.Exit(1)
    if as_json:
        write_lines(c.as_dict() for c in chosen)
        return
    table = Table(title=f"{len(chosen)} courts", caption=credit())
    for column in ("code", "name", "level", "region", "parent", "website"):
        table.add_column(column)
    for c in chosen:
        table.add_row(c.code, c.name, c.level, c.region or "", c.parent or "", c.website)
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Attach ``milcourt courts``."""
    app.command("courts")(courts)
