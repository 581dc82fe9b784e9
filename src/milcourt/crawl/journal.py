"""What the crawler remembers between runs: the raw archive, the resume journal, the case ledger.

- :class:`RawArchive` keeps every fetched page byte for byte, by sha256 (``--archive DIR``).
- :class:`RunJournal` (in the job directory, ``--resume``) lists each page fetched and handled
  in the current run, written and fsynced as each one is done. Scrapy's own JOBDIR queues are
  not safe against ``kill -9`` (they are saved on a clean close), so a resumed run re-derives
  the crawl from its start and *replays* every journalled page from the archive instead of
  fetching it again: the same requests follow, no stored page is fetched twice.
- :class:`Ledger` (one per store) keeps, for each case card, the signature of its listing row
  when it was last ingested, so a re-crawl fetches only new or changed cases and can tell which
  cases vanished from the source.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any


class RawArchive:
    """Raw pages by sha256 under ``root/ab/abcdef…`` (content-addressed: a page stored once)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def path_for(self, sha: str) -> Path:
        return self.root / sha[:2] / sha

    def put(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        path = self.path_for(sha)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)
        return sha

    def get(self, sha: str) -> bytes:
        return self.path_for(sha).read_bytes()


class RunJournal:
    """Append-only, fsynced list of the pages done in this run: ``{url, sha256, kind}`` a line.

    ``persist=False`` (a crawl without ``--resume``) keeps it in memory only.
    """

    def __init__(self, jobdir: Path | None) -> None:
        self.path = jobdir / "pages-done.jsonl" if jobdir else None
        self.done: dict[str, str] = {}
        self._fh: Any = None
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        finished = self.path.parent / "finished"
        if finished.exists():  # the last run ended cleanly: --resume starts a new run
            finished.unlink()
            self.path.unlink(missing_ok=True)
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    row = json.loads(line)
                except ValueError:
                    continue  # a line cut by kill -9: that page is simply done again
                self.done[row["url"]] = row["sha256"]
        self._fh = self.path.open("a", encoding="utf-8")

    def sha_for(self, url: str) -> str | None:
        return self.done.get(url)

    def record(self, url: str, sha: str, kind: str) -> None:
        self.done[url] = sha
        if self._fh is not None:
            self._fh.write(json.dumps({"url": url, "sha256": sha, "kind": kind}) + "\n")
            self._fh.flush()
            os.fsync(self._fh.fileno())

    def close(self, finished: bool) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
            if finished and self.path is not None:
                (self.path.parent / "finished").write_text(datetime.now().isoformat())


_LEDGER_SCHEMA = """
CREATE TABLE IF NOT EXISTS cases (
    card_key TEXT PRIMARY KEY, court TEXT NOT NULL, instance TEXT NOT NULL, number TEXT,
    url TEXT NOT NULL, row_sig TEXT NOT NULL, article TEXT, found_from TEXT, found_to TEXT,
    last_run TEXT NOT NULL, removed_at TEXT, settled INTEGER NOT NULL DEFAULT 0, fetched_at TEXT
);
CREATE TABLE IF NOT EXISTS seen (run TEXT NOT NULL, card_key TEXT NOT NULL, PRIMARY KEY (run, card_key));
"""


class Ledger:
    """Per-store memory of ingested cases and their listing-row signatures (SQLite)."""

    def __init__(self, path: Path, run_id: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path))
        self.db.executescript(_LEDGER_SCHEMA)
        if "fetched_at" not in {r[1] for r in self.db.execute("PRAGMA table_info(cases)")}:
            with self.db:  # a ledger written before cards' fetch times were kept
                self.db.execute("ALTER TABLE cases ADD COLUMN fetched_at TEXT")
        self.run_id = run_id

    def listed_as_before(self, card_key: str, row_sig: str) -> bool:
        """Known, not reported removed, and its listing row says what it said when last fetched."""
        row = self.db.execute("SELECT row_sig, removed_at FROM cases WHERE card_key=?", (card_key,)).fetchone()
        return bool(row) and row[0] == row_sig and row[1] is None

    def refresh_due(self, courts: list[str], budget: int, min_age_days: float, now: datetime) -> set[str]:
        """Cards in progress (not settled) to fetch again although their row is unchanged: the
        ones fetched longest ago, at least ``min_age_days`` ago, at most ``budget`` of them.

        A case in progress can change on its card only (a hearing, a party's line) while its
        listing row stays the same; refreshing them all every run would cost a request per open
        case per run, so they are refreshed in turns, oldest first."""
        if budget <= 0 or not courts:
            return set()
        cutoff = (now - timedelta(days=min_age_days)).isoformat()
        marks = ",".join("?" * len(courts))
        rows = self.db.execute(
            f"SELECT card_key FROM cases WHERE court IN ({marks}) AND removed_at IS NULL AND settled=0 "
            "AND (fetched_at IS NULL OR fetched_at <= ?) ORDER BY coalesce(fetched_at, '') ASC, card_key LIMIT ?",
            (*courts, cutoff, budget)).fetchall()
        return {r[0] for r in rows}

    def is_unchanged(self, card_key: str, row_sig: str) -> bool:
        """Listed as when last ingested, and the case was settled then (decided, act published).

        A case still in progress can change on its card (a hearing, the act) while its
        listing row stays the same, so it is fetched again until it is settled.
        """
        row = self.db.execute("SELECT row_sig, removed_at, settled FROM cases WHERE card_key=?",
                              (card_key,)).fetchone()
        return bool(row) and row[0] == row_sig and row[1] is None and bool(row[2])

    def known(self, card_key: str) -> bool:
        return self.db.execute("SELECT 1 FROM cases WHERE card_key=?", (card_key,)).fetchone() is not None

    def saw(self, card_key: str) -> None:
        """The card was listed in this run's results (ingested now or unchanged)."""
        with self.db:
            self.db.execute("INSERT OR IGNORE INTO seen VALUES (?, ?)", (self.run_id, card_key))

    def record(self, *, card_key: str, court: str, instance: str, number: str | None, url: str,
               row_sig: str, article: str, found_from: date | None, found_to: date | None,
               settled: bool = False) -> None:
        """The card was ingested: remember its row signature (after the store committed it)."""
        with self.db:
            self.db.execute(
                "INSERT INTO cases (card_key, court, instance, number, url, row_sig, article, found_from, "
                "found_to, last_run, removed_at, settled, fetched_at) VALUES (?,?,?,?,?,?,?,?,?,?,NULL,?,?) "
                "ON CONFLICT(card_key) DO UPDATE SET "
                "number=excluded.number, url=excluded.url, row_sig=excluded.row_sig, "
                "article=excluded.article, found_from=excluded.found_from, found_to=excluded.found_to, "
                "last_run=excluded.last_run, removed_at=NULL, settled=excluded.settled, "
                "fetched_at=excluded.fetched_at",
                (card_key, court, instance, number, url, row_sig, article,
                 found_from.isoformat() if found_from else None, found_to.isoformat() if found_to else None,
                 self.run_id, int(settled), datetime.now(UTC).isoformat()))
            self.db.execute("INSERT OR IGNORE INTO seen VALUES (?, ?)", (self.run_id, card_key))

    def vanished(self, court: str, instance: str, articles: list[str], since: date | None,
                 until: date | None) -> list[dict[str, Any]]:
        """Cases of a fully searched court/register not listed in this run, within its scope."""
        rows = self.db.execute(
            "SELECT card_key, number, article, found_from, found_to FROM cases c WHERE court=? AND instance=? "
            "AND removed_at IS NULL AND NOT EXISTS (SELECT 1 FROM seen s WHERE s.run=? AND s.card_key=c.card_key)",
            (court, instance, self.run_id)).fetchall()
        out = []
        for key, number, article, found_from, found_to in rows:
            if article not in articles:
                continue
            if since and (found_from is None or date.fromisoformat(found_from) < since):
                continue
            if until and (found_to is None or date.fromisoformat(found_to) > until):
                continue
            out.append({"card_key": key, "number": number})
        return out

    def mark_removed(self, card_key: str, when: datetime) -> None:
        with self.db:
            self.db.execute("UPDATE cases SET removed_at=? WHERE card_key=?", (when.isoformat(), card_key))

    def close(self) -> None:
        self.db.close()


def is_settled(card: dict[str, Any] | None) -> bool:
    """A parsed card whose case is decided and whose act text is published."""
    if not card:
        return False
    case = card.get("case") or {}
    return bool(case.get("decided")) and any((act or {}).get("text") for act in card.get("acts") or [])


def row_signature(row: dict[str, Any]) -> str:
    """What a listing row says about a case; a change means the card must be fetched again."""
    keep = {k: v for k, v in row.items() if k not in ("url",)}
    return hashlib.sha256(json.dumps(keep, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()[:16]
