"""JSON Lines output: the convention for every ``--json`` in milcourt (one object per line)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any, TextIO


def dumps(obj: Any) -> str:
    """One compact JSON line, Cyrillic kept readable."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str)


def write_lines(rows: Iterable[Any], out: TextIO | None = None) -> None:
    stream = out or sys.stdout
    for row in rows:
        stream.write(dumps(row) + "\n")
