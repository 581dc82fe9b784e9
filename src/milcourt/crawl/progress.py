"""The live progress line and the end summary of a crawl (rich, on stderr)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.live import Live
from rich.table import Table
from rich.text import Text

from milcourt.crawl.report import CrawlReport


class Progress:
    """Redraws one status line (courts done/total, pages, cases, errors, rate) twice a second."""

    def __init__(self, report: CrawlReport, console: Console | None = None) -> None:
        self.report = report
        self.console = console or Console(stderr=True)
        self.live: Live | None = None
        self._loop: Any = None

    def _render(self) -> Text:
        return Text("crawl · " + self.report.status_line(), style="bold cyan")

    def start(self) -> None:
        from twisted.internet import task

        self.live = Live(self._render(), console=self.console, refresh_per_second=2, transient=False)
        self.live.start()
        self._loop = task.LoopingCall(self._refresh)
        self._loop.start(0.5, now=False)

    def _refresh(self) -> None:
        if self.live is not None:
            self.live.update(self._render())

    def stop(self) -> None:
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        if self.live is not None:
            self.live.update(self._render())
            self.live.stop()


def summary_table(report: CrawlReport) -> Table:
    """One row a court: found, new, updated, unchanged, failed, blocked, removed, pages, and its
    captchas (met: first try / retried / by hand / given up) when it had any."""
    table = Table(title="milcourt crawl: per court", show_lines=False)
    for col in ("court", "found", "new", "updated", "unchanged", "failed", "blocked", "removed", "pages", "captchas"):
        table.add_column(col, justify="left" if col == "court" else "right")
    totals = dict.fromkeys(("found", "new", "updated", "unchanged", "failed", "blocked", "removed", "pages"), 0)
    for row in report.summary():
        blocked = f"{row['blocked']}" + (f" ({row['blocked_unresolved']} unresolved)" if row["blocked_unresolved"] else "")
        table.add_row(row["court"], *(str(row[k]) for k in ("found", "new", "updated", "unchanged", "failed")),
                      blocked, str(row["removed"]), str(row["pages"]), _captchas(row))
        for k in totals:
            totals[k] += row[k]
    table.add_row("total", *(str(totals[k]) for k in totals), "", style="bold")
    return table


def _captchas(row: dict[str, Any]) -> str:
    if not row["captchas"] and not row["platform_blocks"]:
        return ""
    text = (f"{row['captchas']}: {row['captcha_first_try']}/{row['captcha_retried']}/{row['captcha_by_hand']}"
            f"/{row['captcha_given_up']}")
    if row["pairs_expired"]:
        text += f", {row['pairs_expired']} expired"
    if row["platform_blocks"]:
        text += f", {row['platform_blocks']} blocks ({row['platform_pause_s']:.0f} s)"
    return text
