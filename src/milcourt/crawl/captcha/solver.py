"""The one interface every captcha answerer has: PNG bytes in, candidate answers out.

``Solver.solve(image, court=…)`` returns the answers to try, best first (each exactly
``DIGITS`` digits), or raises :class:`CaptchaImageError` when the image is not a captcha the
sites serve (corrupt, missing, another size). Two answerers exist:

- :class:`OcrSolver` (``--captcha auto``): ddddocr, an offline OCR model made for captchas,
  restricted to digits; its best reading first, then a few next most probable readings of the
  same image, so a rejected answer is followed by the likeliest alternative, not a new image.
- :class:`OperatorSolver` (``--captcha manual``): the operator reads the image (saved enlarged,
  nearest-neighbour, so the pixels stay sharp) and types the digits.
"""

from __future__ import annotations

import io
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from PIL import Image, UnidentifiedImageError

from milcourt.crawl.captcha.ctc import best_texts

MODES = ("auto", "manual", "off")
DIGITS = 5
SIZE = (100, 30)  # every sudrf captcha seen: 100×30 pixels
ALTERNATIVES = 3  # readings tried after the first before the host is backed off


class CaptchaImageError(ValueError):
    """The captcha image cannot be answered: missing, corrupt, or not the sites' size."""


class Solver(Protocol):
    """Answers a captcha image: the candidate answers, best first."""

    by_hand: bool

    def solve(self, image: bytes, *, court: str = "") -> list[str]: ...


def check_image(image: bytes) -> Image.Image:
    """The decoded captcha, or :class:`CaptchaImageError` saying what is wrong with it."""
    if not image:
        raise CaptchaImageError("no captcha image (empty)")
    try:
        picture = Image.open(io.BytesIO(image))
        picture.load()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise CaptchaImageError(f"captcha image is not a readable PNG ({len(image)} bytes): {exc}") from exc
    if picture.size != SIZE:
        raise CaptchaImageError(f"captcha image is {picture.size[0]}x{picture.size[1]}, "
                                f"the sites serve {SIZE[0]}x{SIZE[1]}")
    return picture


def is_answer(text: str) -> bool:
    return len(text) == DIGITS and text.isdigit()


class OcrSolver:
    """ddddocr restricted to the digits; the model is loaded on first use, once per process."""

    by_hand = False
    _model: Any = None
    _lock = threading.Lock()

    @classmethod
    def model(cls) -> Any:
        with cls._lock:
            if cls._model is None:
                import ddddocr  # heavy (onnxruntime): only when a captcha is met

                ocr = ddddocr.DdddOcr(show_ad=False)
                ocr.set_ranges("0123456789")  # ddddocr 1.6: a string of the allowed characters
                cls._model = ocr
            return cls._model

    def __init__(self, alternatives: int = ALTERNATIVES) -> None:
        self.alternatives = alternatives

    def solve(self, image: bytes, *, court: str = "") -> list[str]:
        check_image(image)
        ocr = self.model()
        with self._lock:  # one onnx session shared by the crawl's threads
            reading = ocr.classification(image, probability=True)
        first = str(reading.get("text", ""))
        steps = np.asarray(reading["probabilities"], dtype=np.float64).reshape(-1, len(reading["charset"]))
        charset = list(reading["charset"])
        columns = [0] + [charset.index(d) for d in "0123456789"]
        digits = steps[:, columns]
        digits /= np.clip(digits.sum(axis=1, keepdims=True), 1e-12, None)
        out = [first] if is_answer(first) else []
        for text, _ in best_texts(digits, "0123456789", keep=4 * (self.alternatives + 1)):
            if is_answer(text) and text not in out:
                out.append(text)
        return out[: self.alternatives + 1]


def enlarge(image: bytes, path: Path, scale: int = 5) -> Path:
    """Save the captcha ``scale`` times larger, nearest-neighbour (every pixel a sharp block)."""
    picture = check_image(image)
    path.parent.mkdir(parents=True, exist_ok=True)
    picture.resize((picture.size[0] * scale, picture.size[1] * scale), Image.Resampling.NEAREST).save(path)
    return path


class OperatorSolver:
    """The operator answers: the enlarged image's path and the court's name are shown, the
    digits read from ``ask`` (stdin by default). Prompts come one at a time."""

    by_hand = True
    _lock = threading.Lock()

    def __init__(self, folder: Path, ask: Callable[[str], str] | None = None,
                 names: dict[str, str] | None = None, tries: int = 3) -> None:
        self.folder, self.names, self.tries = folder, names or {}, tries
        self.ask = ask or _ask_stdin

    def solve(self, image: bytes, *, court: str = "") -> list[str]:
        check_image(image)
        import hashlib

        path = enlarge(image, self.folder / f"{court or 'captcha'}-{hashlib.sha256(image).hexdigest()[:12]}.png")
        name = self.names.get(court, court)
        with self._lock:
            for _ in range(self.tries):
                answer = self.ask(f"captcha for {court} {name}: open {path} and type the {DIGITS} digits: ").strip()
                if is_answer(answer):
                    return [answer]
                if not answer:
                    break  # end of input or an empty line: the operator passes on this court
        return []


def _ask_stdin(prompt: str) -> str:
    sys.stderr.write(prompt)
    sys.stderr.flush()
    line = sys.stdin.readline()
    return line


def make_solver(mode: str, *, folder: Path | None = None, names: dict[str, str] | None = None,
                ask: Callable[[str], str] | None = None) -> Solver | None:
    """The answerer for ``--captcha MODE`` (None for ``off``)."""
    if mode == "auto":
        return OcrSolver()
    if mode == "manual":
        return OperatorSolver(folder or Path("."), ask=ask, names=names)
    if mode == "off":
        return None
    raise ValueError(f"--captcha must be one of {', '.join(MODES)}, got {mode!r}")
