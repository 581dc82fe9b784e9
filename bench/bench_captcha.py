"""Captcha solver: share of the simulator's captchas read right at the first try (target >= 90%),
and the time per reading (the model is loaded once, before timing)."""

from __future__ import annotations

import random
import time

from milcourt.crawl.captcha.solver import OcrSolver
from milcourt.simulate.captcha import draw_captcha

TARGET = 0.90
SAMPLES = 500


def run() -> bool:
    solver = OcrSolver()
    rng = random.Random(2026)
    images = []
    for i in range(SAMPLES):
        digits = "".join(rng.choice("0123456789") for _ in range(5))
        images.append((digits, draw_captcha(digits, random.Random(i))))
    solver.solve(images[0][1])  # load the model outside the timing
    first = anywhere = 0
    started = time.perf_counter()
    for digits, image in images:
        answers = solver.solve(image)
        first += bool(answers) and answers[0] == digits
        anywhere += digits in answers
    seconds = time.perf_counter() - started
    share = first / SAMPLES
    print(f"simulator captchas read right at the first try: {first}/{SAMPLES} = {share:.1%} (target >= {TARGET:.0%})")
    print(f"right among the first {OcrSolver().alternatives + 1} readings: {anywhere}/{SAMPLES} = {anywhere / SAMPLES:.1%}")
    print(f"time per captcha: {1000 * seconds / SAMPLES:.1f} ms")
    return share >= TARGET
