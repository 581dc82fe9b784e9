"""How an unauthorised absence begins and ends.

START: "не явился в срок на службу", "самовольно оставил воинскую часть", "отказался ... выполнить
приказ". END: "был задержан сотрудниками военной полиции" (detained), "добровольно прибыл в военную
комендатуру", "заявил о себе в военный следственный отдел" (voluntary), "его незаконное пребывание
вне части было прекращено" (other)."""

from __future__ import annotations

from yargy import or_, rule
from yargy.predicates import dictionary, eq, normalized

NOT = eq("не")
START = or_(
    rule(NOT, dictionary({"явиться", "прибыть", "вернуться", "возвратиться", "являться", "прибывать"})),
    rule(normalized("самовольно").optional(), dictionary({"оставить", "покинуть", "убыть", "оставление"})),
    rule(normalized("неявка")),
    rule(normalized("отказаться")),
    rule(normalized("уклоняться")),
    rule(normalized("отсутствовать")),
)
DETAINED = or_(
    rule(dictionary({"задержать", "задержание", "доставить", "разыскать", "обнаружить", "выявить"})),
)
VOLUNTARY = or_(
    rule(normalized("добровольно")),
    rule(normalized("самостоятельно")),
    rule(dictionary({"явиться", "прибыть", "вернуться", "возвратиться", "обратиться", "прибывать", "явка"})),
    rule(normalized("заявить"), eq("о"), normalized("себя")),
    rule(normalized("сообщить"), eq("о"), normalized("себя")),
)
OTHER_END = or_(
    rule(normalized("прекратить")),
    rule(normalized("госпитализировать")),
)
ABSENCE_START = START
ABSENCE_END = or_(DETAINED, VOLUNTARY, OTHER_END)


def ended_by_value(text: str) -> str:
    low = text.lower()
    if any(s in low for s in ("задерж", "достав", "разыск", "обнаруж", "выявл")):
        return "detained"
    if any(s in low for s in ("добровол", "самостоят", "прибы", "явил", "явк", "вернул", "возврат", "обрат", "заяв", "сообщ")):
        return "voluntary"
    return "other"
