"""``milcourt extract``: the facts of court act files, one JSON object per file."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import typer

from milcourt.jsonl import dumps
from milcourt.timelimit import time_limit as _time_limit

DEFAULT_TIME_LIMIT = 20.0
MAX_BYTES = 20 * 1024 * 1024


class ExtractTimeout(Exception):
    """One act took longer than the per-act time limit."""


def time_limit(seconds: float) -> contextlib.AbstractContextManager[None]:
    """Abort the block after ``seconds`` with ExtractTimeout (see milcourt.timelimit)."""
    return _time_limit(seconds, lambda: ExtractTimeout(f"took longer than {seconds:g} s"))


def _read_txt(path: Path) -> str:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValueError(f"{path}: {size / 1e6:.1f} MB is over the 20 MB limit for an act")
    data = path.read_bytes()
    for encoding in ("utf-8", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError(f"{path}: not UTF-8 or windows-1251 text")


def act_reader() -> Callable[[Path], str]:
    """The readers module (txt/html/rtf/doc/docx/pdf) when present; plain text otherwise."""
    try:
        from milcourt.extract.readers import read_act_file
    except ImportError:
        def read_plain(path: Path) -> str:
            if path.suffix.lower() != ".txt":
                raise ValueError(f"{path}: only .txt acts can be read (file readers not installed)")
            return _read_txt(path)
        return read_plain
    return read_act_file


def extract_files(paths: list[Path], limit: float = DEFAULT_TIME_LIMIT) -> Iterator[tuple[Path, dict | None, str | None]]:
    """(path, facts, error) for each file; one bad file never stops the rest."""
    from milcourt.extract.extractor import extract_act_checked

    read = act_reader()
    for path in paths:
        try:
            text = read(path)
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
    arts = ", ".join(
        (f"п. {a['point']} " if a["point"] else "") + (f"ч. {a['part']} " if a["part"] else "") + f"ст. {a['article']}"
        for a in facts["articles"]
    )
    typer.echo(f"{path}: {facts['doc_type']} {facts['court'] or '?'} {facts['date'] or '?'} № {facts['case_number'] or '?'}")
    typer.echo(f"  articles: {arts or '-'}; sentence: {s['kind']} {s['years'] or 0}y {s['months'] or 0}m"
               f"{' ' + s['regime'] if s['regime'] else ''}; motives: {', '.join(facts['motives']) or '-'}")


def _reextract(db: str, all_acts: bool) -> None:
    from rich.progress import Progress

    from milcourt.store import open_store
    from milcourt.store.facts import reextract

    with open_store(db) as store, Progress(transient=True) as bar:
        task = bar.add_task("re-extracting acts", total=None)
        done = reextract(store.engine, only_outdated=not all_acts,
                         progress=lambda n, total: bar.update(task, completed=n, total=total))
    typer.echo(f"re-extracted {done} acts")


def register(app: typer.Typer) -> None:
    """Attach ``extract`` to the main app."""

    @app.command("extract")
    def extract(
        files: list[Path] = typer.Argument(None, help="Act files (.txt .html .rtf .doc .docx .pdf)."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON Lines: `file`, the issue-6 keys and `unknown` (a reason code per unknown fact)."),
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
            _reextract(db, all_acts)
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
