"""How an unauthorised absence begins and ends.

START: "не явился в срок на службу", "самовольно оставил воинскую часть", "отказался ... выполнить
приказ", "к исполнению обязанностей не приступал", "незаконно находился вне части", "начиная с …",
"сдался в плен". END: "был задержан сотрудниками военной полиции", "выявлен … и передан" (detained),
"добровольно прибыл в военную комендатуру", "заявил о себе в военный следственный отдел" (voluntary),
"госпитализирован", "помещён в медицинское учреждение", "его незаконное пребывание вне части было
прекращено" (other)."""

from __future__ import annotations

from yargy import or_, rule
from yargy.predicates import dictionary, eq, normalized, true

NOT = eq("не")
GAP = rule(true()).repeatable(max=3).optional()
START = or_(
    rule(NOT, dictionary({"явиться", "прибыть", "вернуться", "возвратиться", "являться", "прибывать",
                          "приступить", "приступать", "исполнять", "возвращаться"})),
    rule(normalized("самовольно").optional(), dictionary({"оставить", "покинуть", "убыть", "оставление"})),
    rule(normalized("неявка")),
    rule(normalized("отказаться").named("refusal")),
    rule(normalized("уклоняться")),
    rule(normalized("отсутствовать")),
    rule(normalized("находиться"), eq("вне")),
    rule(normalized("начинать"), eq("с")),
    rule(dictionary({"сдаться", "сдача"}), eq("в"), normalized("плен")).named("surrender"),
)
PLACE = dictionary({
    "комендатура", "отдел", "прокуратура", "полиция", "военкомат", "комиссариат", "часть", "командование",
    "командир", "подразделение", "следователь", "прокурор", "орган",
})
DETAINED = or_(
    rule(dictionary({"задержать", "задержание", "доставить", "разыскать", "обнаружить", "выявить", "передать",
                     "пресечь", "пресечение"})),
)
VOLUNTARY = or_(
    rule(normalized("добровольно")),
    rule(normalized("самостоятельно")),
    rule(dictionary({"явиться", "прибыть", "вернуться", "возвратиться", "прибывать", "явка"})),
    rule(normalized("обратиться"), GAP, PLACE),
    rule(dictionary({"заявить", "сообщить"}), eq("о"), normalized("себя")),
)
OTHER_END = or_(
    rule(normalized("прекратить")),
    rule(dictionary({"госпитализировать", "госпитализация"})),
    rule(dictionary({"поместить", "помещение", "поступить", "доставить"}), GAP,
         dictionary({"учреждение", "госпиталь", "больница", "стационар"})),
)
ABSENCE_START = START
ABSENCE_END = or_(OTHER_END, DETAINED, VOLUNTARY)

_DETAINED = ("задерж", "достав", "разыск", "обнаруж", "выявл", "выявил", "переда", "пресеч")
_HOSPITAL = ("госпитал", "учреждени", "больниц", "стационар")
_VOLUNTARY = ("добровол", "самостоят", "прибы", "явил", "явк", "вернул", "возврат", "обрат", "заяв", "сообщ")


def ended_by_value(text: str) -> str:
    """detained > hospitalised (other) > voluntary > other, over the end phrases of one absence."""
    low = text.lower()
    if any(s in low for s in _HOSPITAL) and not any(s in low for s in _DETAINED if s != "достав"):
        return "other"
    if any(s in low for s in _DETAINED):
        return "detained"
    if any(s in low for s in _VOLUNTARY):
        return "voluntary"
    return "other"
