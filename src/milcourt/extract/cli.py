"""``milcourt extract``: the facts of court act files, one JSON object per file."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import typer

from milcourt.extract.extractor import extract_act_checked
from milcourt.extract.limits import DEFAULT_TIME_LIMIT, ExtractTimeout, time_limit
from milcourt.extract.readers import read_act_file
from milcourt.jsonl import dumps
from milcourt.law import Article

#: ``milcourt extract --db URL [--all]``: re-extract a store's acts. The verb is the store's (it
#: opens a store), handed in by the top-level CLI so that extract never imports the store above it.
Reextract = Callable[[str, bool], None]


def extract_files(paths: list[Path], limit: float = DEFAULT_TIME_LIMIT) -> Iterator[tuple[Path, dict | None, str | None]]:
    """(path, facts, error) for each file; one bad file never stops the rest."""
    for path in paths:
        try:
            text = read_act_file(path)
            with time_limit(limit):
                found = extract_act_checked(text)
            facts = {**found.facts, "unknown": found.unknown}
        except ExtractTimeout as exc:
            yield path, None, f"{path}: extraction {exc}"
        except Exception as exc:  # noqa: BLE001 - report per file and go on
            message = str(exc)
            yield path, None, message if message.startswith(str(path)) else f"{path}: {message}"
        else:
            yield path, facts, None


def _print_human(path: Path, facts: dict) -> None:
    s = facts["sentence"]
    arts = ", ".join(Article.from_record(a).citation() for a in facts["articles"])
    typer.echo(f"{path}: {facts['doc_type']} {facts['court'] or '?'} {facts['date'] or '?'} № {facts['case_number'] or '?'}")
    typer.echo(f"  articles: {arts or '-'}; sentence: {s['kind']} {s['years'] or 0}y {s['months'] or 0}m"
               f"{' ' + s['regime'] if s['regime'] else ''}; motives: {', '.join(facts['motives']) or '-'}")


def register(app: typer.Typer, reextract: Reextract) -> None:
    """Attach ``extract`` to the main app; ``reextract(db, all_acts)`` serves ``--db``."""

    @app.command("extract")
    def extract(
        files: list[Path] = typer.Argument(None, help="Act files (.txt .html .rtf .doc .docx .pdf)."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON Lines: `file`, every act-fact key and `unknown` (a reason code per unknown fact)."),
        time_limit_s: float = typer.Option(DEFAULT_TIME_LIMIT, "--time-limit", help="Seconds allowed per act."),
        db: str | None = typer.Option(None, "--db", help="Re-extract the acts stored in this store instead."),
        all_acts: bool = typer.Option(False, "--all", help="With --db: every act, not only outdated ones."),
    ) -> None:
        """Extract the facts of court acts (charges, sentence, absence, motives, appeal outcome).

        With --db, re-read the acts already stored (after an extractor upgrade): acts extracted by
        another extractor version, or every act with --all.

        Example: milcourt extract acts/verdict.txt --json
        Example: milcourt extract --db sqlite:///demo/milcourt.db
        """
        if db is not None:
            reextract(db, all_acts)
            return
        if not files:
            typer.echo("milcourt extract: give act files, or --db URL to re-extract stored acts", err=True)
            raise typer.Exit(2)
        failed = 0
        for path, facts, error in extract_files(files, time_limit_s):
            if error is not None:
                failed += 1
                typer.echo(f"error: {error}", err=True)
                continue
            assert facts is not None
            if as_json:
                sys.stdout.write(dumps({"file": str(path), **facts}) + "\n")
            else:
                _print_human(path, facts)
        if failed:
            raise typer.Exit(1)
