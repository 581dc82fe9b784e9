"""The raw-page archive: every ingested page's bytes, kept by content hash (sha256).

Operator-private: it holds pages as published, names included, so it is never served or exported.
Files live at ``<archive>/<first 2 hex>/<sha256>`` and are written once (atomically via rename).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from pathlib import Path

TMP_DIR = ".tmp"
_SWEPT = "swept-shards"  # in TMP_DIR: the shards were searched once for older versions' leftovers
_TMP_NAME = re.compile(r"^[0-9a-f]{64}\.tmp(\d+)$")


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Archive:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._ready = False

    def _prepare(self) -> None:
        """Create the root and its 256 shard folders once, instead of checking one per page, and
        remove what writes cut short left behind (see :func:`sweep_temporary`)."""
        if not self._ready:
            self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
            for n in range(256):
                (self.root / f"{n:02x}").mkdir(mode=0o700, exist_ok=True)
            (self.root / TMP_DIR).mkdir(mode=0o700, exist_ok=True)
            sweep_temporary(self.root)
            self._ready = True

    def path_for(self, sha: str) -> Path:
        return self.root / sha[:2] / sha

    def put(self, data: bytes, sha: str | None = None) -> str:
        """Keep ``data``; return its sha256. Writing the same bytes twice is a no-op."""
        sha = sha or sha256_of(data)
        target = self.path_for(sha)
        if target.exists():
            return sha
        self._prepare()
        # Written in <archive>/.tmp (same file system: the rename stays atomic), so a write cut
        # short (a full disk, a kill) leaves nothing in the shards, and the next run finds it at once.
        tmp = self.root / TMP_DIR / f"{sha}.tmp{os.getpid()}"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            tmp.replace(target)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        return sha

    def get(self, sha: str) -> bytes:
        return self.path_for(sha).read_bytes()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_temporary(root: Path) -> int:
    """Remove temporary files of writes that never finished (their process is gone); their count.

    Looks in ``<archive>/.tmp``, and once per archive in the shard folders, where versions that
    wrote temporary files beside their targets left them. Another live process's file is kept.
    """
    removed = 0
    folders = [root / TMP_DIR]
    marker = root / TMP_DIR / _SWEPT
    if not marker.exists():
        folders += [root / f"{n:02x}" for n in range(256)]
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except FileNotFoundError:
            continue
        for entry in entries:
            match = _TMP_NAME.match(entry.name)
            if match and not _alive(int(match.group(1))):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)
                    removed += 1
    with contextlib.suppress(OSError):
        marker.touch()
    return removed
