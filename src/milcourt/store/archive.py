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

    def path_for(self, sha: str) -> Path:
        return self.root / sha[:2] / sha

    def put(self, data: bytes, sha: str | None = None) -> str:
        """Keep ``data``; return its sha256. Writing the same bytes twice is a no-op."""
        sha = sha or sha256_of(data)
        target = self.path_for(sha)
        if target.exists():
            return sha
        target.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(self.root, 0o700)
        tmp = target.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(data)
        os.chmod(tmp, 0o600)
        tmp.replace(target)
        return sha

    def get(self, sha: str) -> bytes:
        return self.path_for(sha).read_bytes()
