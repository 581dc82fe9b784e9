"""Captchas of the sudrf case search: read the challenge, answer it, keep the pair, count it.

``solver`` (the one small interface: image bytes in, candidate answers out; ``auto`` reads with
an offline OCR, ``manual`` asks the operator), ``challenge`` (the captcha fields of a search form,
the pair put on a search URL), ``corpus`` (answers kept with their images), ``keeper`` (the
downloader middleware that fetches the form, solves it and holds each host's pair).
"""

from milcourt.crawl.captcha.solver import MODES, CaptchaImageError, Solver, make_solver

__all__ = ["MODES", "CaptchaImageError", "Solver", "make_solver"]
