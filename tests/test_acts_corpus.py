"""Harness for the development corpus of court acts (tests/acts/corpus).

Every act <NNN>_<short>.txt must have its hand label <NNN>_<short>.json beside it, with exactly
the issue-6 keys and values from the contract's value lists. A few cheap cross-checks against the
text catch labels copied from the wrong act (the case number, the court and the articles must be
written in the act). The extractor's accuracy over this corpus is measured elsewhere; this file
only guarantees that the corpus is well-formed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "acts" / "corpus"

TOP_KEYS = {
    "doc_type", "court", "date", "case_number", "uid", "articles", "service_basis", "rank", "absence",
    "repeat_offence", "special_procedure", "sentence", "appeal_outcome", "final_sentence", "motives",
    "release_ground",
}
SENTENCE_KEYS = {"kind", "years", "months", "days", "regime", "probation_years", "probation_months", "fine_rub", "rank_deprived"}
ABSENCE_KEYS = {"start", "end", "ended_by"}
DOC_TYPES = {"verdict", "appeal_ruling", "cassation_ruling", "termination_ruling", "return_ruling", "suspension_ruling", "other"}
BASES = {"mobilized", "contract", "conscript", "volunteer", None}
ENDED_BY = {"voluntary", "detained", "other", None}
KINDS = {"imprisonment", "suspended", "disciplinary_unit", "restriction_of_service", "fine", "acquitted", "none"}
REGIMES = {"settlement", "general", "strict", "special", None}
OUTCOMES = {"upheld", "changed", "overturned", None}
MOTIVES = {"family", "health", "wound", "fear", "psychological", "pay", "conflict_with_command", "equipment",
           "unwilling_to_fight", "leave_denied", "other"}
RELEASE = {"art_78_1", "amnesty", "limitation", "active_repentance", "death", None}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")

ACTS = sorted(CORPUS.glob("*.txt"))
sys.path.insert(0, str(CORPUS.parent))
from corpus_words import CARD_GEN, CARD_NOM, MONTH_GEN, ORD_GEN  # noqa: E402

UNIT_RE = {"years": "(?:год|года|лет)", "months": "(?:месяц|месяца|месяцев)", "days": "(?:день|дня|дней)"}


def _term_written(low: str, n: int, unit: str) -> bool:
    words = "|".join({CARD_NOM[n], CARD_GEN[n]} | ({"два"} if n == 2 else set()))
    return re.search(rf"(?:\b{n}\b|\b(?:{words})\b)\s*(?:\([а-яё ]+\)\s*)?{UNIT_RE[unit]}\b", low) is not None


def _date_forms(iso: str) -> list[str]:
    """Ways an act writes a day: '5 октября', '05.10.2023', 'пятого октября'."""
    d = dt.date.fromisoformat(iso)
    return [f"{d.day} {MONTH_GEN[d.month]}", f"«{d.day}» {MONTH_GEN[d.month]}", d.strftime("%d.%m.%Y"),
            f"{ORD_GEN[d.day]} {MONTH_GEN[d.month]}"]


def _label(txt: Path) -> dict:
    return json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))


def _check_sentence(s: dict, where: str) -> None:
    assert set(s) == SENTENCE_KEYS, f"{where}: sentence keys {sorted(set(s) ^ SENTENCE_KEYS)}"
    assert s["kind"] in KINDS, where
    assert s["regime"] in REGIMES, where
    for k in ("years", "months", "days", "probation_years", "probation_months", "fine_rub"):
        assert s[k] is None or (isinstance(s[k], int) and not isinstance(s[k], bool) and s[k] >= 0), f"{where}: {k}"
    assert isinstance(s["rank_deprived"], bool), where
    if s["kind"] == "imprisonment":
        assert s["regime"] is not None and (s["years"] or s["months"] or s["days"]), f"{where}: imprisonment without term/regime"
    if s["kind"] == "suspended":
        assert s["regime"] is None and (s["probation_years"] or s["probation_months"]), f"{where}: suspended without probation"
    if s["kind"] == "fine":
        assert s["fine_rub"], f"{where}: fine without amount"
    if s["kind"] in ("none", "acquitted"):
        assert all(s[k] is None for k in SENTENCE_KEYS - {"kind", "rank_deprived"}), f"{where}: {s['kind']} with a term"


def test_corpus_is_big_enough() -> None:
    assert len(ACTS) >= 64


def test_every_label_has_its_act() -> None:
    orphans = [p.name for p in CORPUS.glob("*.json") if not p.with_suffix(".txt").exists()]
    assert orphans == []


@pytest.mark.parametrize("txt", ACTS, ids=[p.stem for p in ACTS])
def test_act_has_a_valid_label(txt: Path) -> None:
    assert txt.with_suffix(".json").exists(), f"{txt.name} has no label"
    lab = _label(txt)
    w = txt.name
    assert set(lab) == TOP_KEYS, f"{w}: keys differ by {sorted(set(lab) ^ TOP_KEYS)}"
    assert lab["doc_type"] in DOC_TYPES, w
    assert isinstance(lab["court"], str) and "суд" in lab["court"], w
    assert ISO.match(lab["date"]), w
    assert isinstance(lab["case_number"], str) and "Дело" not in lab["case_number"], w
    assert lab["uid"] is None or isinstance(lab["uid"], str), w
    assert lab["service_basis"] in BASES, w
    assert lab["rank"] is None or (lab["rank"] == lab["rank"].lower() and lab["rank"]), w
    assert set(lab["absence"]) == ABSENCE_KEYS, w
    for k in ("start", "end"):
        assert lab["absence"][k] is None or ISO.match(lab["absence"][k]), w
    assert lab["absence"]["ended_by"] in ENDED_BY, w
    assert isinstance(lab["repeat_offence"], bool) and isinstance(lab["special_procedure"], bool), w
    _check_sentence(lab["sentence"], w)
    assert lab["appeal_outcome"] in OUTCOMES, w
    reviewing = lab["doc_type"] in ("appeal_ruling", "cassation_ruling")
    assert (lab["appeal_outcome"] is not None) == reviewing, f"{w}: appeal_outcome only for reviewing courts"
    if lab["final_sentence"] is not None:
        assert lab["appeal_outcome"] == "changed", f"{w}: final_sentence only when the sentence was changed"
        _check_sentence(lab["final_sentence"], w + " final")
    assert lab["motives"] == sorted(set(lab["motives"])) and set(lab["motives"]) <= MOTIVES, w
    assert lab["release_ground"] in RELEASE, w
    if lab["release_ground"] is not None:
        assert lab["doc_type"] == "termination_ruling", w
    arts = lab["articles"]
    assert arts and all(set(a) == {"article", "part", "point"} for a in arts), w
    assert all(isinstance(a["article"], str) and (a["part"] is None or isinstance(a["part"], str)) for a in arts), w
    key = [(float(a["article"]), float(a["part"] or 0), a["point"] or "") for a in arts]
    assert key == sorted(key), f"{w}: articles not sorted"


@pytest.mark.parametrize("txt", ACTS, ids=[p.stem for p in ACTS])
def test_label_matches_its_text(txt: Path) -> None:
    """The label's identifying facts are written in the act (catches labels of the wrong act)."""
    text = txt.read_text(encoding="utf-8")
    lab = _label(txt)
    assert lab["case_number"] in text, f"{txt.name}: case number not in text"
    assert lab["court"].lower() in text.lower(), f"{txt.name}: court not in text"
    if lab["uid"]:
        assert lab["uid"] in text, txt.name
    flat = re.sub(r"\s+", " ", text)
    for a in lab["articles"]:
        assert re.search(rf"(ст\.|статьи|статьей|статьёй)\s?{re.escape(a['article'])}\b", flat), f"{txt.name}: {a}"
    assert 2_000 <= len(text.encode("utf-8")) <= 40_000, f"{txt.name}: unusual size"
    low = flat.lower()
    for key in ("start", "end"):
        iso = lab["absence"][key]
        if iso:
            assert any(form in low for form in _date_forms(iso)), f"{txt.name}: absence.{key} {iso} not written in the act"
    assert any(form in low for form in _date_forms(lab["date"])), f"{txt.name}: date {lab['date']} not in the act"
    for which in ("sentence", "final_sentence"):
        s = lab[which]
        for unit in ("years", "months", "days") if s else ():
            if s[unit]:
                assert _term_written(low, s[unit], unit), f"{txt.name}: {which}.{unit}={s[unit]} not written in the act"
        if s and s["fine_rub"]:
            assert f"{s['fine_rub']:,}".replace(",", " ") in flat, f"{txt.name}: fine not in the act"
