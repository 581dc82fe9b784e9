"""Why the defendant is released from liability or punishment: contract service (ст. 78.1 and
80.2 УК, ст. 28.2 УПК), amnesty, limitation, active repentance (ст. 75 УК, ст. 28 УПК), death."""

from __future__ import annotations

from yargy import or_, rule
from yargy.predicates import caseless, dictionary, eq, in_, normalized, type

from milcourt.extract.grammars.articles import ARTICLE_WORD

INT = type("INT")
DOT = eq(".").optional()

CONTRACT = or_(
    rule(ARTICLE_WORD, DOT, eq("78"), eq("."), eq("1")),
    rule(ARTICLE_WORD, DOT, eq("28"), eq("."), eq("2")),
    rule(ARTICLE_WORD, DOT, eq("80"), eq("."), eq("2")),
    rule(normalized("заключение"), normalized("контракт")),
    rule(normalized("призыв"), eq("на"), normalized("военный"), normalized("служба"), eq("в"),
         normalized("период"), normalized("мобилизация")),
)
AMNESTY = or_(rule(normalized("амнистия")), rule(normalized("акт"), eq("об"), normalized("амнистия")))
LIMITATION = or_(
    rule(normalized("истечение"), normalized("срок"), normalized("давность")),
    rule(ARTICLE_WORD, DOT, eq("78"), in_({"УК", "ук"})),
)
REPENTANCE = or_(
    rule(normalized("деятельный"), normalized("раскаяние")),
    rule(ARTICLE_WORD, DOT, eq("75"), caseless("УК")),
)
DEATH = rule(eq("со"), dictionary({"смерть"}))

RELEASE_GROUND = or_(CONTRACT, AMNESTY, LIMITATION, REPENTANCE, DEATH)


def release_ground_value(text: str) -> str:
    low = text.lower()
    if "амнист" in low:
        return "amnesty"
    if "давност" in low or low.replace(" ", "").endswith("78ук"):
        return "limitation"
    if "раскаян" in low or "75" in low:
        return "active_repentance"
    if "смерт" in low:
        return "death"
    return "art_78_1"
