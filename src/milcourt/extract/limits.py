"""The wall-clock budget of one act's extraction, shared by ``milcourt extract`` and the store.

A pathological act can make the grammars search for a long time; whoever extracts (the CLI on
files, the store on ingested acts) gives each act the same budget and records the same error.
The timer itself is milcourt.timelimit's.
"""

from __future__ import annotations

import contextlib

from milcourt.timelimit import ITEM_SECONDS
from milcourt.timelimit import time_limit as _time_limit

DEFAULT_TIME_LIMIT = ITEM_SECONDS


class ExtractTimeout(Exception):
    """One act took longer than the per-act time limit."""


def time_limit(seconds: float) -> contextlib.AbstractContextManager[None]:
    """Abort the block after ``seconds`` with ExtractTimeout (where an alarm can be set)."""
    return _time_limit(seconds, lambda: ExtractTimeout(f"took longer than {seconds:g} s"))
