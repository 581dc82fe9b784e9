"""Batch ingest of files and directories: per-file errors reported and skipped, a summary at the end.

Each page commits on its own, so a bad file (or a crash) leaves whole pages only; the error line
names the file, and the caller turns ``Summary.failures`` into the exit status.
"""

from __future__ import annotations

import functools
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from milcourt.boundedread import max_page_bytes, read_bounded
from milcourt.store.store import Store
from milcourt.timelimit import ITEM_SECONDS, time_limit


class IngestTimeout(Exception):
    """One file took longer than the per-item limit (its transaction is rolled back)."""


PROGRESS_FROM = 50  # files; fewer finish before a bar would be worth drawing


@dataclass
class Summary:
    files: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        s = self.statuses
        return (f"{self.files} files read: {s['new']} cases new, {s['updated']} updated, "
                f"{s['unchanged']} unchanged, {s['skipped']} pages not case cards, {len(self.failures)} failed")


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given, and every file under directories (recursively, sorted, hidden ones skipped)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield child
        else:
            yield path


def ingest_paths(store: Store, paths: Iterable[Path], *, synthetic: bool = False,
                 err: TextIO | None = None, progress: bool = True) -> Summary:
    """Ingest every file; print one line per failure to ``err``; return the summary."""
    err = err or sys.stderr
    files = list(iter_files(paths))
    summary = Summary()
    bar = None
    if progress and len(files) >= PROGRESS_FROM:
        from rich.console import Console
        from rich.progress import Progress

        bar = Progress(console=Console(stderr=True), transient=True)
        bar.start()
        task = bar.add_task("ingest", total=len(files))
    try:
        for path in files:
            summary.files += 1
            try:
                data = read_bounded(path, max_page_bytes(), limit_name="MILCOURT_MAX_PAGE_MB")
                too_slow = functools.partial(IngestTimeout, f"{path}: took longer than {ITEM_SECONDS:g} s")
                with time_limit(ITEM_SECONDS, too_slow):
                    result = store.ingest_page(data, source=str(path), synthetic=synthetic)
                summary.statuses[result.status] += 1
            except Exception as exc:  # noqa: BLE001 - any bad file is reported and the batch goes on
                message = str(exc) if str(path) in str(exc) else f"{path}: {exc}"
                summary.failures.append(message)
                err.write(f"milcourt ingest: error: {message} ({type(exc).__name__})\n")
            if bar is not None:
                bar.advance(task)
    finally:
        if bar is not None:
            bar.stop()
    return summary
