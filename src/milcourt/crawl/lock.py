"""One crawl at a time per store: a lock file in the store's data directory.

Two crawls of one store would fetch every page twice (the platform's request budget is shared)
and interleave two runs' change sets. The lock file names its holder (pid, start time, command),
so a second ``crawl`` or ``watch`` can say who is running; a lock left by a process that no longer
exists (killed, machine restarted) is taken over. A ``watch`` loop holds the lock across its rounds
and hands it to the child process running each round through ``MILCOURT_LOCK_TOKEN``.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

TOKEN_ENV = "MILCOURT_LOCK_TOKEN"


class LockHeld(RuntimeError):
    """Another live process holds the store's crawl lock."""


@dataclass
class Holder:
    pid: int
    started: str
    command: str
    token: str

    def describe(self) -> str:
        return f"pid {self.pid}, started {self.started} ({self.command})"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


def read_holder(path: Path) -> Holder | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Holder(int(data["pid"]), str(data["started"]), str(data.get("command", "")), str(data["token"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class CrawlLock:
    """``with CrawlLock(path, "watch"):`` — raises :class:`LockHeld` naming the holder."""

    def __init__(self, path: Path, command: str) -> None:
        self.path = path
        self.command = command
        self.token = ""
        self.inherited = False

    def acquire(self) -> CrawlLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        given = os.environ.get(TOKEN_ENV)
        for _attempt in range(3):
            holder = read_holder(self.path)
            if holder is not None:
                if given and holder.token == given and _alive(holder.pid):
                    self.token, self.inherited = given, True  # a round run for the watch holding it
                    return self
                if _alive(holder.pid) and holder.pid != os.getpid():
                    raise LockHeld(f"another crawl of this store is running: {holder.describe()}; "
                                   f"lock file {self.path}")
                self.path.unlink(missing_ok=True)  # stale: its process is gone
            elif self.path.exists():  # unreadable (cut while written): nobody can hold it
                self.path.unlink(missing_ok=True)
            token = secrets.token_hex(8)
            record = {"pid": os.getpid(), "started": datetime.now(UTC).isoformat(timespec="seconds"),
                      "command": self.command, "token": token, "argv": sys.argv[1:]}
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue  # another process took it meanwhile: look again
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(record, fh)
            self.token = token
            return self
        raise LockHeld(f"could not take the crawl lock {self.path}")

    def release(self) -> None:
        if self.inherited or not self.token:
            return
        holder = read_holder(self.path)
        if holder is not None and holder.token == self.token:
            self.path.unlink(missing_ok=True)
        self.token = ""

    def __enter__(self) -> CrawlLock:
        return self.acquire()

    def __exit__(self, *_exc: object) -> None:
        self.release()
