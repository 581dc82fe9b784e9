"""Where milcourt keeps things: the data directory, the shared reference data, the secret.

The data directory is operator-private (store, raw archive, pseudonym secret); it is never
inside the repository. ``MILCOURT_HOME`` overrides the default ``~/.local/share/milcourt``.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The operator's data directory, created on first use."""
    home = os.environ.get("MILCOURT_HOME")
    path = Path(home) if home else Path.home() / ".local" / "share" / "milcourt"
    path.mkdir(parents=True, exist_ok=True)
    return path


def shared_dir() -> Path:
    """The read-only reference data (fixtures, registry source, official figures).

    ``MILCOURT_SHARED`` wins; otherwise the ``shared`` folder beside the checkout
    (``../shared`` from the repository root), as laid out for development and CI.
    """
    env = os.environ.get("MILCOURT_SHARED")
    if env:
        return Path(env)
    for base in (Path.cwd(), *Path.cwd().parents, PACKAGE_DIR, *PACKAGE_DIR.parents):
        candidate = base / "shared"
        if (candidate / "fixtures").is_dir() and (candidate / "data").is_dir():
            return candidate
        candidate = base.parent / "shared"
        if (candidate / "fixtures").is_dir() and (candidate / "data").is_dir():
            return candidate
    raise FileNotFoundError(
        "cannot find the shared reference data (../shared beside the checkout); set MILCOURT_SHARED"
    )
