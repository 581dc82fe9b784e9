"""The reader's error and its per-file time limit.

A malformed attachment can make a parser spin (catdoc loops forever on a truncated OLE file), so
every file gets a wall-clock budget: external tools run under a subprocess timeout, Python
readers check a Deadline between pages/paragraphs, and on the main thread a SIGALRM timer also
interrupts a parser stuck inside a single call.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from milcourt.timelimit import time_limit as _time_limit


class ActReadError(ValueError):
    """An act file could not be turned into text; the message names the file and the reason."""

    def __init__(self, source: str | Path, reason: str) -> None:
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{self.source}: {reason}")


class Deadline:
    """A wall-clock budget for one file, checked cooperatively by the Python readers."""

    def __init__(self, source: str | Path, seconds: float) -> None:
        self.source = source
        self.seconds = seconds
        self.until = time.monotonic() + seconds

    def remaining(self) -> float:
        return max(0.0, self.until - time.monotonic())

    def check(self) -> None:
        if time.monotonic() > self.until:
            raise ActReadError(self.source, f"took longer than the {self.seconds:g} s limit")


def time_limit(source: str | Path, seconds: float) -> contextlib.AbstractContextManager[None]:
    """Interrupt the block after `seconds` (main thread on POSIX only; elsewhere Deadline checks apply)."""
    return _time_limit(seconds, lambda: ActReadError(source, f"took longer than the {seconds:g} s limit"))
