"""The ``milcourt`` command line: one verb per pipeline stage, each in its stage's package.

Every ``--json`` prints JSON Lines (one object per line).
"""

from __future__ import annotations

import typer

from milcourt import __version__

app = typer.Typer(
    name="milcourt",
    help=(
        "Public case records of Russian military courts (desertion, AWOL, refusal to fight) "
        "as a reproducible dataset and statistics.\n\n"
        "Example: milcourt courts --military --level district"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"milcourt {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """milcourt: military-court prosecutions as data."""


def _register() -> None:
    """Attach each stage's verbs (kept in the stage's own package)."""
    from milcourt.courts.cli import register as courts
    from milcourt.crawl.captcha.cli import register as captcha
    from milcourt.crawl.cli import register as crawl
    from milcourt.demo import register as demo
    from milcourt.extract.cli import register as extract
    from milcourt.monitor.cli import register as monitor
    from milcourt.parse.cli import register as parse
    from milcourt.publish.cli import register as publish
    from milcourt.simulate.cli import register as simulate
    from milcourt.stats.cli import register as stats
    from milcourt.store.cli import reextract_acts
    from milcourt.store.cli import register as store

    courts(app)
    parse(app)
    extract(app, reextract=reextract_acts)  # `extract --db` re-reads a store: the store's verb
    for register in (crawl, captcha, store, simulate, stats, publish, monitor, demo):
        register(app)


_register()


def main() -> None:
    app()
