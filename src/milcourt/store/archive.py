"""The raw-page archive: every ingested page's bytes, kept by content hash (sha256).

Operator-private: it holds pages as published, names included, so it is never served or exported.
Files live at ``<archive>/<first 2 hex>/<sha256>`` and are written once (atomically via rename).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Archive:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._ready = False

    def _prepare(self) -> None:
        """Create the root and its 256 shard folders once, instead of checking one per page."""
        if not self._ready:
            self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
            for n in range(256):
                (self.root / f"{n:02x}").mkdir(mode=0o700, exist_ok=True)
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
        tmp = target.with_name(f"{sha}.tmp{os.getpid()}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        tmp.replace(target)
        return sha

    def get(self, sha: str) -> bytes:
        return self.path_for(sha).read_bytes()
