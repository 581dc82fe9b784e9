"""Numbers written in digits or in Russian words, in any case ("пяти", "двадцать третьего")."""

from __future__ import annotations

import re

from milcourt.extract.morph import lemma

UNITS = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
    "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
    "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50,
    "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100,
    "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500, "шестьсот": 600,
    "семьсот": 700, "восемьсот": 800, "девятьсот": 900, "полтора": 1,
}
ORDINALS = {
    "первый": 1, "второй": 2, "третий": 3, "четвёртый": 4, "четвертый": 4, "пятый": 5, "шестой": 6,
    "седьмой": 7, "восьмой": 8, "девятый": 9, "десятый": 10, "одиннадцатый": 11, "двенадцатый": 12,
    "тринадцатый": 13, "четырнадцатый": 14, "пятнадцатый": 15, "шестнадцатый": 16,
    "семнадцатый": 17, "восемнадцатый": 18, "девятнадцатый": 19, "двадцатый": 20, "тридцатый": 30,
}
SCALES = {"тысяча": 1000, "миллион": 1_000_000}
NUMBER_LEMMAS = set(UNITS) | set(ORDINALS) | set(SCALES)

_WORD = re.compile(r"[а-яё]+", re.I)


def word_value(word: str) -> int | None:
    """Value of one number word (cardinal or ordinal), else None."""
    low = word.lower()
    for cand in (low, lemma(low)):
        if cand in UNITS:
            return UNITS[cand]
        if cand in ORDINALS:
            return ORDINALS[cand]
    return None


def words_to_int(text: str) -> int | None:
    """Sum a run of number words: "пятьдесят тысяч" → 50000, "двадцать третьего" → 23."""
    total, current, seen = 0, 0, False
    for w in _WORD.findall(text):
        low = lemma(w)
        if low in SCALES or w.lower().startswith("тысяч"):
            total += max(current, 1) * SCALES.get(low, 1000)
            current, seen = 0, True
            continue
        value = word_value(w)
        if value is None:
            continue
        current += value
        seen = True
    return total + current if seen else None


def digits_to_int(text: str) -> int | None:
    """"50 000", "50000", "1 500 000" → int."""
    digits = re.sub(r"[\s\u00a0]", "", text)
    return int(digits) if digits.isdigit() else None
