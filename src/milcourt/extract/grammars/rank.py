"""Military ranks in any case: "рядового", "младшего сержанта", "капитана 3 ранга"."""

from __future__ import annotations

from yargy import or_, rule
from yargy.predicates import dictionary, normalized, type

RANKS = [
    "рядовой", "ефрейтор", "младший сержант", "сержант", "старший сержант", "старшина",
    "прапорщик", "старший прапорщик", "младший лейтенант", "лейтенант", "старший лейтенант",
    "капитан", "майор", "подполковник", "полковник", "матрос", "старший матрос",
    "главный старшина", "главный корабельный старшина", "мичман", "старший мичман",
    "капитан-лейтенант", "генерал-майор",
]
PREFIX = dictionary({"младший", "старший", "главный"})
BASE = dictionary({
    "рядовой", "ефрейтор", "сержант", "старшина", "прапорщик", "лейтенант", "капитан",
    "майор", "подполковник", "полковник", "матрос", "мичман",
})
NAVY_RANK = rule(normalized("капитан"), type("INT"), normalized("ранг"))

RANK = or_(
    NAVY_RANK,
    rule(normalized("капитан"), normalized("-"), normalized("лейтенант")),
    rule(normalized("главный"), normalized("корабельный"), normalized("старшина")),
    rule(PREFIX.optional(), BASE),
)


def rank_value(text: str) -> str | None:
    """Nominative lower-case rank of a matched phrase."""
    from milcourt.extract.morph import lemma

    words = [w for w in text.replace("-", " - ").split() if w]
    if len(words) >= 3 and lemma(words[0]) == "капитан" and words[1].isdigit():
        return f"капитан {words[1]} ранга"
    lemmas = [lemma(w) if w != "-" else "-" for w in words]
    phrase = " ".join(lemmas).replace(" - ", "-")
    # pymorphy reads "рядового" as the adjective "рядовой" and "старшего" as "старший": both fine
    return phrase if phrase in RANKS else None
