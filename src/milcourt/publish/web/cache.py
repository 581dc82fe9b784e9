"""A small answer cache for the dashboard: the store is read-only to it, so answers keep.

Figures over 100,000 cases take a second or more of SQL; many readers ask for the same few
filter sets. Answers are kept per key for ``ttl`` seconds (so an ingest running beside the
server shows within that time), at most ``size`` of them (least recently used go first).
Concurrent requests for a key being computed wait for that one computation instead of each
starting their own ("single flight"), so a burst of readers cannot pile up on one slow query.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Any, TypeVar

T = TypeVar("T")


class AnswerCache:
    def __init__(self, size: int = 512, ttl: float = 300.0) -> None:
        self.size, self.ttl = size, ttl
        self._answers: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._pending: dict[Hashable, Future[Any]] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached answer for ``key``, computing it (once, whoever asks meanwhile) when missing."""
        if self.ttl <= 0:
            return compute()
        with self._lock:
            hit = self._answers.get(key)
            if hit is not None and time.monotonic() - hit[0] < self.ttl:
                self._answers.move_to_end(key)
                return hit[1]  # type: ignore[no-any-return]
            pending = self._pending.get(key)
            owner = pending is None
            if owner:
                pending = self._pending[key] = Future()
        assert pending is not None
        if not owner:
            return pending.result()  # type: ignore[no-any-return]
        try:
            value = compute()
        except BaseException as exc:
            with self._lock:
                del self._pending[key]
            pending.set_exception(exc)
            raise
        with self._lock:
            del self._pending[key]
            self._answers[key] = (time.monotonic(), value)
            self._answers.move_to_end(key)
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)
        pending.set_result(value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._answers.clear()
