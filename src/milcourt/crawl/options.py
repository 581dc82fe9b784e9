"""Command-line values shared by ``milcourt crawl`` and ``milcourt watch``: checked once, with the
flag named in the error, so both verbs refuse the same bad input the same way."""

from __future__ import annotations

from datetime import date

import typer

from milcourt.crawl.captcha.solver import MODES
from milcourt.crawl.platform import DEFAULT_PLATFORM_PAUSE, DEFAULT_PLATFORM_RATE

#: The captcha and platform-politeness options, the same objects in both verbs' signatures.
CAPTCHA = typer.Option("auto", "--captcha", help="auto (offline OCR) | manual (you type the digits) | off (record the gate, back off)")
PLATFORM_RATE = typer.Option(round(DEFAULT_PLATFORM_RATE, 3), "--platform-rate",
                             help="Requests per second over ALL court sites together (at most)")
PLATFORM_PAUSE = typer.Option(DEFAULT_PLATFORM_PAUSE, "--platform-pause",
                              help="Seconds every site is left alone after the platform's block (429 / «Информация временно недоступна»)")


def captcha_mode(value: str) -> str:
    """``--captcha``, checked."""
    if value not in MODES:
        raise typer.BadParameter(f"--captcha must be one of {', '.join(MODES)}, got {value!r}")
    return value


def option_date(value: str | None, flag: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{flag} wants a date as YYYY-MM-DD, got {value!r}") from exc


def backoff_settings(base: float) -> dict[str, float]:
    """Retry waits from ``--backoff``: errors base, 2·base, …; gates 6× longer (they last)."""
    if base < 0:
        raise typer.BadParameter(f"--backoff must be >= 0 seconds, got {base}")
    return {"MILCOURT_BACKOFF_BASE": base, "MILCOURT_BACKOFF_MAX": max(60 * base, base),
            "MILCOURT_GATE_BACKOFF_BASE": 6 * base, "MILCOURT_GATE_BACKOFF_MAX": max(180 * base, base)}
