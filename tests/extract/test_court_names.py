"""Every military court on sudrf.ru (shared court list), written in the nominative or inflected
into the genitive as act headers do ("… Новочеркасского гарнизонного военного суда"), comes back
as its own nominative name."""

from __future__ import annotations

import json
import re
from pathlib import Path

from milcourt.extract.document import normalise_court
from milcourt.extract.morph import MORPH


def _military_courts(shared: Path) -> list[str]:
    path = shared / "data" / "courts" / "sudrf_websites.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    names = {re.sub(r"\s*\(.*\)$", "", c["court_name"]).strip() for region in data.values() for c in region}
    return sorted(n for n in names if "военный суд" in n)


def _inflect(word: str, case: str) -> str:
    """One word (hyphen parts one by one, "-на-Дону" kept) in ``case``, capitals kept."""
    if "-на-" in word:
        head, _, tail = word.partition("-на-")
        return f"{_inflect(head, case)}-на-{tail}"
    if "-" in word:
        return "-".join(_inflect(p, case) if i == len(word.split("-")) - 1 else p
                        for i, p in enumerate(word.split("-")))
    if word[0].isdigit():
        return word
    parses = [p for p in MORPH.raw.parse(word.lower()) if "nomn" in p.tag]
    form = parses[0].inflect({case}) if parses else None
    out = form.word if form else word.lower()
    out = out if "ё" in word.lower() else out.replace("ё", "е")
    return out[0].upper() + out[1:] if word[0].isupper() else out


def test_court_names_to_nominative(shared: Path) -> None:
    names = _military_courts(shared)
    assert len(names) > 100
    wrong = []
    for name in names:
        for case in ("gent", "datv", "ablt"):
            written = " ".join(_inflect(w, case) for w in name.split())
            if normalise_court(written) != name:
                wrong.append(f"{written} -> {normalise_court(written)}")
        if normalise_court(name) != name:
            wrong.append(f"{name} -> {normalise_court(name)}")
    assert not wrong, "\n".join(wrong)


def test_every_court_found_in_an_act_header(shared: Path) -> None:
    """The court is read from a real header form, numbered courts included ("224 гарнизонный
    военный суд в составе …", "Судья 235 гарнизонного военного суда …")."""
    from milcourt.extract import extract_act

    tail = (" рассмотрев уголовное дело в отношении рядового ФИО1, обвиняемого в совершении преступления, "
            "предусмотренного ч. 5 ст. 337 УК РФ,\nустановил:\nФИО1 не явился на службу.\nпостановил:\nназначить.")
    wrong = []
    for name in _military_courts(shared):
        genitive = " ".join(_inflect(w, "gent") for w in name.split())
        for head in (f"ПРИГОВОР\n10 марта 2024 г. г. Город\n{name} в составе председательствующего Иванова И.И.,",
                     f"ПОСТАНОВЛЕНИЕ\n10 марта 2024 г. г. Город\nСудья {genitive} Иванов И.И.,"):
            got = extract_act(head + tail)["court"]
            if got != name:
                wrong.append(f"{head.splitlines()[-1][:60]} -> {got}")
    assert not wrong, "\n".join(wrong)
