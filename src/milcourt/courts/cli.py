"""CLI verbs of the courts stage."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Attach this stage's verbs to the main app."""
