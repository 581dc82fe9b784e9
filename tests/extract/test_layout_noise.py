"""Published acts reach us in many layouts: lines wrapped at a fixed width (PDF, RTF), non-breaking
spaces inside "ч. 5 ст. 337" and "5 (пять) лет", Windows line ends, double spaces, indented
paragraphs. The facts must not depend on the layout: every development act, re-laid out, gives the
same facts as the original."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from milcourt.extract import extract_act

ACTS = Path(__file__).resolve().parent.parent / "acts"


def _wrap(width: int) -> Callable[[str], str]:
    def wrap(text: str) -> str:
        return "\n".join("\n".join(textwrap.wrap(line, width)) if line.strip() else "" for line in text.splitlines())
    return wrap


LAYOUTS: dict[str, Callable[[str], str]] = {
    "wrapped_at_90": _wrap(90),
    "non_breaking_spaces": lambda t: re.sub(r"(?<=\b[чпг]\.) |(?<=\bст\.) |(?<=\d) (?=[\d(а-яё])|(?<=\)) ", "\u00a0", t),
    "windows_line_ends": lambda t: t.replace("\n", "\r\n"),
    "double_spaces": lambda t: re.sub(r"(?<=[,.]) ", "  ", t),
    "indented_paragraphs": lambda t: re.sub(r"^", "\t", t, flags=re.M),
}


def _sample() -> list[Path]:
    paths = sorted(ACTS.glob("corpus/*.txt")) + sorted(ACTS.glob("dev_extractor/*.txt"))
    return paths[::4]  # every fourth act: all kinds of act, a few seconds


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_facts_do_not_depend_on_layout(layout: str) -> None:
    changed = []
    for path in _sample():
        text = path.read_text(encoding="utf-8")
        plain, laid_out = extract_act(text), extract_act(LAYOUTS[layout](text))
        changed += [f"{path.name}: {key} {plain[key]!r} -> {laid_out[key]!r}" for key in plain if plain[key] != laid_out[key]]
    assert not changed, "\n".join(changed)
