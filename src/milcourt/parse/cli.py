"""CLI verbs of the parse stage: ``milcourt parse FILE... [--json] [--keep-names]``."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any

import typer

from milcourt.boundedread import InputFileError, read_bounded
from milcourt.jsonl import dumps
from milcourt.timelimit import ITEM_SECONDS, time_limit


@functools.cache
def _pseudonymizer() -> Any:
    """One pseudonymiser per run: the secret is read once, the NER models load once."""
    from milcourt.names import Pseudonymizer

    return Pseudonymizer.load()


def _depersonalise(page: dict[str, Any]) -> dict[str, Any]:
    """Replace every non-judge name with its pseudonym (see docs/names.md)."""
    from milcourt.parse.depersonalise import depersonalise

    return depersonalise(page, _pseudonymizer())


def parse_files(paths: list[str], *, keep_names: bool) -> tuple[list[dict[str, Any]], list[str]]:
    """Parse each file; (results, errors). A bad file yields an error line, never stops the rest."""
    from milcourt.parse.errors import ParseError
    from milcourt.parse.page import max_page_bytes, parse_page

    results: list[dict[str, Any]] = []
    errors: list[str] = []
    for path in paths:
        try:
            data = read_bounded(path, max_page_bytes(), limit_name="MILCOURT_MAX_PAGE_MB")
        except InputFileError as err:
            errors.append(str(err))
            continue
        try:
            too_slow = functools.partial(ParseError, path, f"took longer than {ITEM_SECONDS:g} s")
            with time_limit(ITEM_SECONDS, too_slow):
                page = parse_page(data, source=path)
        except ParseError as err:
            errors.append(str(err))
            continue
        except Exception as err:  # a parser bug on one page must not stop the batch
            errors.append(f"{path}: cannot parse ({type(err).__name__}: {err})")
            continue
        if not keep_names:
            page = _depersonalise(page)
        results.append({"file": path, **page})
    return results, errors


def _summary(results: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Parsed pages")
    for name in ("file", "kind", "case", "decided", "contents"):
        table.add_column(name, overflow="fold")
    for page in results:
        kind, name = page["kind"], Path(page["file"]).name
        if kind == "case_card":
            case = page["case"]
            contents = (f"{len(page['events'])} events, {len(page['persons'])} persons, "
                        f"{len(page['acts'])} acts; judge {case['judge'] or '?'}")
            table.add_row(name, kind, case["number"], case["decided"] or "", contents)
        elif kind == "search_results":
            total = page["total"] if page["total"] is not None else "?"
            table.add_row(name, kind, "", "", f"{len(page['rows'])} rows of {total}")
        elif kind == "act":
            table.add_row(name, kind, "", "", f"{page['title'] or 'act'}: {len(page['text'])} characters")
        else:
            table.add_row(name, kind, "", "", "")
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Attach this stage's verbs to the main app."""

    @app.command("parse")
    def parse_command(
        files: list[str] = typer.Argument(..., help="Saved court pages (.html), any encoding."),
        as_json: bool = typer.Option(False, "--json", help="One JSON object per file (JSON Lines)."),
        keep_names: bool = typer.Option(
            False, "--keep-names", help="Print names as on the page (no pseudonyms). For checking only."
        ),
    ) -> None:
        """Read court pages (case cards, search results, acts' own pages, gate pages) into structured records.

        Names other than judges' are replaced by pseudonyms unless --keep-names is given.
        A file that cannot be read is reported on stderr and the others still parse; the exit
        status is 1 when any file failed.

        Example: milcourt parse ../shared/fixtures/sudrf/*.html --json --keep-names
        """
        try:
            results, errors = parse_files(files, keep_names=keep_names)
        except RuntimeError as err:
            typer.echo(f"error: {err}", err=True)
            raise typer.Exit(2) from err
        if as_json:
            for page in results:
                sys.stdout.write(dumps(page) + "\n")
            sys.stdout.flush()
        else:
            _summary(results)
        for line in errors:
            typer.echo(f"error: {line}", err=True)
        if errors:
            raise typer.Exit(1)
