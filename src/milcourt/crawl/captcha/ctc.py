"""Alternative readings of a captcha from the OCR model's per-step probabilities (CTC).

The model emits, for each horizontal step of the image, a probability for every character and
for "blank"; the text is the best path with repeats and blanks removed. When the site rejects
that text, the next most probable texts of the same length are the cheapest next guesses: a
prefix beam search over blank + the ten digits gives them in order.
"""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np


def _logsumexp(a: float, b: float) -> float:
    if a == -math.inf:
        return b
    if b == -math.inf:
        return a
    high = max(a, b)
    return high + math.log(math.exp(a - high) + math.exp(b - high))


def best_texts(steps: np.ndarray, alphabet: str, *, beam: int = 16, keep: int = 8) -> list[tuple[str, float]]:
    """Most probable texts, best first, with their log-probabilities.

    ``steps`` is (T, 1 + len(alphabet)): column 0 is blank, the others the characters of
    ``alphabet``, each row summing to 1 (renormalised to these classes).
    """
    logs = np.log(np.clip(steps, 1e-12, 1.0))
    # prefix → (log P ending in blank, log P ending in a character)
    beams: dict[str, tuple[float, float]] = {"": (0.0, -math.inf)}
    for row in logs:
        nxt: dict[str, list[float]] = defaultdict(lambda: [-math.inf, -math.inf])
        for prefix, (p_blank, p_char) in beams.items():
            total = _logsumexp(p_blank, p_char)
            entry = nxt[prefix]
            entry[0] = _logsumexp(entry[0], total + float(row[0]))
            for k, char in enumerate(alphabet, start=1):
                p = float(row[k])
                if prefix and prefix[-1] == char:
                    entry[1] = _logsumexp(entry[1], p_char + p)  # the same character held
                    grown = nxt[prefix + char]
                    grown[1] = _logsumexp(grown[1], p_blank + p)  # a doubled character after a blank
                else:
                    grown = nxt[prefix + char]
                    grown[1] = _logsumexp(grown[1], total + p)
        ranked = sorted(nxt.items(), key=lambda kv: _logsumexp(*kv[1]), reverse=True)[:beam]
        beams = {prefix: (v[0], v[1]) for prefix, v in ranked}
    out = sorted(((prefix, _logsumexp(*v)) for prefix, v in beams.items()), key=lambda t: t[1], reverse=True)
    return out[:keep]
