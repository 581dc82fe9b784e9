"""Names written in Latin letters: transliteration both ways, and a spelling-blind comparison key.

A party's name reaches a court page in Latin script when a clerk copies it from a foreign
passport, or an advocate's registry entry is transliterated ("Адвокат Zaytsev I.P."). Several
transliteration standards are in use (Zaytsev, Zaitsev, Saizew), so a Latin word is compared with
a card's Cyrillic name through :func:`skeleton`, which folds both scripts to one alphabet of
sounds; :func:`to_cyrillic` gives a Latin name its Cyrillic spelling, so that the pseudonym key of
"Zaytsev I.P." is the key of "Зайцев И.П.".
"""

from __future__ import annotations

import re
from functools import lru_cache

# Cyrillic letter → sound class. Digits stand for sounds Latin spells with two or more letters.
_CYR_FOLD = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "4", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "h", "ц": "5", "ч": "1", "ш": "2", "щ": "3", "ъ": "", "ы": "i", "ь": "",
    "э": "e", "ю": "iu", "я": "ia",
}
# Latin spellings → the same sound classes, longest first (the order matters).
_LAT_FOLD = (
    ("shch", "3"), ("sch", "3"), ("tch", "1"), ("ch", "1"), ("sh", "2"), ("zh", "4"), ("kh", "h"),
    ("ts", "5"), ("tz", "5"), ("yu", "iu"), ("ju", "iu"), ("ya", "ia"), ("ja", "ia"), ("ye", "e"),
    ("je", "e"), ("yo", "e"), ("jo", "e"), ("ph", "f"), ("w", "v"), ("x", "ks"), ("c", "5"), ("q", "k"),
    ("y", "i"), ("j", "i"), ("'", ""), ("’", ""),
)
_REPEATS = re.compile(r"(.)\1+")

# Latin → Cyrillic, longest spellings first; "y" depends on its neighbours (see to_cyrillic).
_TO_CYR = (
    ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("tz", "ц"), ("ch", "ч"),
    ("sh", "ш"), ("yu", "ю"), ("ju", "ю"), ("ya", "я"), ("ja", "я"), ("yo", "ё"), ("jo", "ё"),
    ("ye", "е"), ("je", "е"), ("iy", "ий"), ("yy", "ый"), ("ph", "ф"),
    ("a", "а"), ("b", "б"), ("v", "в"), ("w", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"),
    ("i", "и"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"),
    ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "ц"), ("x", "кс"), ("q", "к"),
    ("j", "й"), ("'", "ь"), ("’", "ь"),
)
_VOWELS = set("aeiouy")


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """A spelling-blind key: "Зайцев", "Zaytsev", "Zaitsev", "ZAITSEV" all give "zai5ev"."""
    low = word.lower().replace("-", "")
    if re.search(r"[а-яё]", low):
        folded = "".join(_CYR_FOLD.get(ch, ch) for ch in low)
    else:
        folded = low
        for latin, sound in _LAT_FOLD:
            folded = folded.replace(latin, sound)
    folded = folded.replace("ie", "e")  # "Vasiliev" = "Vasilyev" = "Васильев"
    return _REPEATS.sub(r"\1", folded)


@lru_cache(maxsize=65536)
def to_cyrillic(word: str) -> str:
    """A Latin-script name in Cyrillic letters ("Zaytsev" → "Зайцев", "IVANOVA" → "Иванова").

    One deterministic reading of common transliterations; it need not restore the passport's
    spelling, only give the same spelling to the same Latin word (the pseudonym key).
    """
    low = word.lower()
    out: list[str] = []
    at = 0
    while at < len(low):
        ch = low[at]
        if ch == "y" and low[at:at + 2] not in ("yu", "ya", "yo", "ye", "yy"):
            previous = low[at - 1] if at else ""
            out.append("й" if previous in _VOWELS or at + 1 == len(low) else "ы")
            at += 1
            continue
        if ch == "e" and at == 0:
            out.append("э")
            at += 1
            continue
        for latin, cyrillic in _TO_CYR:
            if low.startswith(latin, at):
                out.append(cyrillic)
                at += len(latin)
                break
        else:
            out.append(ch)
            at += 1
    text = "".join(out)
    return "-".join(part.capitalize() for part in text.split("-"))


def has_latin_word(text: str) -> bool:
    """Whether a text holds a word of two or more Latin letters (then the Latin pass runs)."""
    return bool(_LATIN_WORD.search(text))


_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")

__all__ = ["has_latin_word", "skeleton", "to_cyrillic"]
