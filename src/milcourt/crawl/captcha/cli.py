"""``milcourt captcha solve IMAGE…``: what the solver reads, for operators and tests."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from milcourt.crawl.captcha.challenge import read_challenge
from milcourt.crawl.captcha.solver import CaptchaImageError, OcrSolver

captcha_app = typer.Typer(help="Captchas of the court sites' case search.", no_args_is_help=True)


def _image(path: Path) -> bytes:
    """A PNG file, or the captcha inside a saved search form (``.html``)."""
    data = path.read_bytes()
    if path.suffix.lower() in (".html", ".htm"):
        return read_challenge(data).image
    return data


@captcha_app.command("solve")
def solve(
    images: list[Path] = typer.Argument(..., help="Captcha PNG files, or saved search forms (.html)"),
    as_json: bool = typer.Option(False, "--json", help="One JSON line per image: file, answer, alternatives"),
) -> None:
    """Print what the offline solver (--captcha auto) reads in each captcha: the answer it
    would send first, then the alternatives it would try if the site refused it.

    Example: milcourt captcha solve captcha.png saved_form.html
    """
    solver = OcrSolver()
    bad = 0
    for path in images:
        try:
            answers = solver.solve(_image(path))
        except (OSError, CaptchaImageError) as exc:
            bad += 1
            typer.echo(f"milcourt captcha solve: {path}: {exc}", err=True)
            continue
        if as_json:
            typer.echo(json.dumps({"file": str(path), "answer": answers[0] if answers else None,
                                   "alternatives": answers[1:]}))
        else:
            typer.echo(f"{path}\t{answers[0] if answers else '(no 5-digit reading)'}"
                       + (f"\t(then {', '.join(answers[1:])})" if answers[1:] else ""))
    if bad:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Attach ``captcha`` (with ``captcha solve``) to the main app."""
    app.add_typer(captcha_app, name="captcha")
