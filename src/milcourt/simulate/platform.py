"""The platform's anti-bruteforce guard, as the simulated sites share it.

The real sudrf platform counts requests and failures across all its court sites together; when
either passes a threshold it answers every site with «Информация временно недоступна» (or HTTP
429) for a while. Here: more than ``rate × window`` requests, or more than ``failures`` wrong
captcha codes, within the last ``window`` seconds start a block of ``block_seconds``. Every
request's arrival time is logged (``times``) so a test can check a crawler's platform-wide rate.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass, field


@dataclass
class PlatformGuard:
    rate: float = 50.0
    window: float = 5.0
    failures: int = 20
    block_seconds: float = 2.0
    times: list[float] = field(default_factory=list)  # monotonic arrival of every site request
    blocks: int = 0
    _recent: deque[float] = field(default_factory=deque)
    _failed: deque[float] = field(default_factory=deque)
    _blocked_until: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def arrive(self) -> bool:
        """Log a request; True when the platform answers it with its block."""
        now = time.monotonic()
        with self._lock:
            self.times.append(now)
            if now < self._blocked_until:
                return True
            self._recent.append(now)
            while self._recent and self._recent[0] < now - self.window:
                self._recent.popleft()
            if len(self._recent) > self.rate * self.window:
                self._block(now)
                return True
            return False

    def failed(self) -> None:
        """A wrong captcha code: failures count towards the block too."""
        now = time.monotonic()
        with self._lock:
            self._failed.append(now)
            while self._failed and self._failed[0] < now - self.window:
                self._failed.popleft()
            if len(self._failed) > self.failures:
                self._block(now)

    def _block(self, now: float) -> None:
        self.blocks += 1
        self._blocked_until = now + self.block_seconds
        self._recent.clear()
        self._failed.clear()
