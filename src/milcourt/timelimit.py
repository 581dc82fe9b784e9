"""A wall-clock limit on a block of work: one act, one file (SIGALRM, main thread on POSIX).

Where no alarm can be set (another thread, another OS, an alarm already running) the block
runs unlimited and callers rely on their own cooperative checks.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator

ITEM_SECONDS = 20.0  # one page parsed, one file ingested, one act extracted: the same budget


def alarm_usable() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )


@contextlib.contextmanager
def time_limit(seconds: float, error: Callable[[], BaseException]) -> Iterator[None]:
    """Raise ``error()`` inside the block once ``seconds`` have passed."""
    if seconds <= 0 or not alarm_usable():
        yield
        return

    def _expired(signum: int, frame: object) -> None:
        raise error()

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
