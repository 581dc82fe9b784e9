"""Reading an input file with a size limit measured on the bytes read, never on ``st_size``.

``st_size`` says nothing about a device or a FIFO (``/dev/zero`` reports 0 and never ends) and
can change between the check and the read, so a file is opened without blocking, refused at
once unless it is a regular file, and read in chunks that stop one byte past the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class InputFileError(ValueError):
    """An input file that is refused before parsing: not a regular file, too large, unreadable."""

    def __init__(self, source: str | Path, reason: str, stage: str = "read") -> None:
        self.source = str(source)
        self.reason = reason
        self.stage = stage  # "open", "read", "kind" (not a regular file) or "size"
        super().__init__(f"{self.source}: {reason}")


DEFAULT_MAX_PAGE_MB = 16.0


def max_page_bytes() -> int:
    """The page-size limit: ``MILCOURT_MAX_PAGE_MB`` megabytes (default 16; a card with its acts
    is well under 2 MB, while a 50 MB page takes about a gigabyte of memory to parse)."""
    raw = os.environ.get("MILCOURT_MAX_PAGE_MB", "").strip()
    try:
        megabytes = float(raw) if raw else DEFAULT_MAX_PAGE_MB
    except ValueError:
        megabytes = DEFAULT_MAX_PAGE_MB
    return int(max(megabytes, 0.001) * 1024 * 1024)


_KINDS = ((stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a FIFO"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))
_CHUNK = 1 << 20


def read_bounded(path: str | Path, limit: int, *, limit_name: str = "") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; :class:`InputFileError` otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputFileError(path, f"cannot read: {exc.strerror or exc}", "open") from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
            raise InputFileError(path, f"refused: {kind}, not a regular file", "kind")
        chunks: list[bytes] = []
        total = 0
        while True:
            try:
                chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            except OSError as exc:
                raise InputFileError(path, f"cannot read: {exc.strerror or exc}") from exc
            if not chunk:
                return b"".join(chunks)
            total += len(chunk)
            if total > limit:
                where = f" ({limit_name})" if limit_name else ""
                raise InputFileError(path, f"too large: more than the {limit}-byte limit{where}", "size")
            chunks.append(chunk)
    finally:
        os.close(fd)


__all__ = ["DEFAULT_MAX_PAGE_MB", "InputFileError", "max_page_bytes", "read_bounded"]
