"""Realistic pseudonymised case-card page dicts (the parser + names contract) for store tests.

The first-instance card mirrors ../shared/fixtures/sudrf/sgs_1inst.html; its appeal and cassation
cards are written as the Komi Supreme Court and the Third Cassation Court print them. The military
cards follow the garrison → district military court → Cassation Military Court path of an art. 337
case. Names are already pseudonyms, as ``depersonalise`` leaves them.
"""

from __future__ import annotations

import copy
import json
from typing import Any

SGS_UID = "11RS0001-01-2025-011255-03"


def card(number: str, *, uid: str | None, received: str, decided: str | None, result: str | None,
         judge: str, lower: dict[str, Any] | None = None, persons: list[dict[str, Any]] | None = None,
         acts: list[dict[str, Any]] | None = None, category: str = "", events: list[dict[str, Any]] | None = None,
         ) -> dict[str, Any]:
    return {
        "kind": "case_card",
        "case": {"number": number, "number_full": number, "uid": uid, "category": category, "received": received,
                 "judge": judge, "decided": decided, "result": result, "lower_court": lower},
        "events": events or [{"name": "Регистрация поступившего в суд дела", "date": received, "time": "09:15",
                              "result": None, "basis": None}],
        "persons": persons or [],
        "acts": acts or [],
    }


def sgs_first() -> dict[str, Any]:
    page = card("2-7212/2025", uid=SGS_UID, received="2025-07-22", decided="2025-08-18",
                result="Иск (заявление, жалоба) УДОВЛЕТВОРЕН", judge="Машкалева Ольга Александровна",
                category="Споры, возникающие из трудовых отношений → о взыскании невыплаченной заработной платы",
                persons=[{"name": "P-5a1e07", "role": "ИСТЕЦ", "articles": [], "decided": None, "result": None},
                         {"name": "ООО \"СЕВЕРСТРОЙ\"", "role": "ОТВЕТЧИК", "articles": [], "decided": None,
                          "result": None}],
                acts=[{"title": "Решение", "text": "Р Е Ш Е Н И Е Именем Российской Федерации. Сыктывкарский "
                       "городской суд Республики Коми ... исковые требования P-5a1e07 о взыскании невыплаченной "
                       "заработной платы удовлетворить."}])
    page["case"]["number_full"] = "2-7212/2025 ~ М-5922/2025"
    return page


def sgs_appeal() -> dict[str, Any]:
    return card("33-6190/2025", uid=SGS_UID, received="2025-09-24", decided="2025-10-23",
                result="решение (осн. требов.) оставлено без изменения, жалоба - без удовлетворения",
                judge="Пунегова Лидия Владимировна",
                lower={"court": "Сыктывкарский городской суд Республики Коми", "number": "2-7212/2025",
                       "judge": "Машкалева Ольга Александровна", "decided": "2025-08-18"},
                persons=[{"name": "P-5a1e07", "role": "ИСТЕЦ", "articles": [], "decided": None, "result": None}])


def sgs_cassation() -> dict[str, Any]:
    return card("8Г-3318/2026", uid=None, received="2026-01-29", decided=None, result=None,
                judge="Смирнова Ольга Васильевна",
                lower={"court": "Верховный Суд Республики Коми", "number": "33-6190/2025",
                       "judge": "Пунегова Лидия Владимировна", "decided": "2025-10-23"},
                acts=[{"title": "Определение о принятии кассационной жалобы",
                       "text": f"Кассационная жалоба по делу № 2-7212/2025 (УИД {SGS_UID}) принята к производству."}])


def garrison_first() -> dict[str, Any]:
    return card("1-57/2024", uid="61GV0004-01-2024-000197-32", received="2024-03-11", decided="2024-05-06",
                result="Вынесен ПРИГОВОР", judge="Иванов Сергей Петрович",
                category="Уголовные дела",
                persons=[{"name": "P-0c91aa", "role": "ОБВИНЯЕМЫЙ",
                          "articles": [{"law": "УК РФ", "article": "337", "part": "5", "point": None}],
                          "decided": "2024-05-06", "result": "Обвинительный приговор"}],
                acts=[{"title": "Приговор", "text": "П Р И Г О В О Р Именем Российской Федерации. Краснодарский "
                       "гарнизонный военный суд ... P-0c91aa признать виновным в самовольном оставлении части "
                       "в период мобилизации, ч. 5 ст. 337 УК РФ, назначить наказание. Учёл его объяснения."}])


def district_appeal() -> dict[str, Any]:
    """No UID on the card: linked by the lower court's name and number only."""
    return card("22-311/2024", uid=None, received="2024-06-14", decided="2024-07-18",
                result="ПРИГОВОР оставлен БЕЗ ИЗМЕНЕНИЯ", judge="Петров Андрей Николаевич",
                lower={"court": "Краснодарский гарнизонный военный суд", "number": "1-57/2024",
                       "judge": "Иванов Сергей Петрович", "decided": "2024-05-06"},
                persons=[{"name": "P-0c91aa", "role": "ОСУЖДЕННЫЙ",
                          "articles": [{"law": "УК РФ", "article": "337", "part": "5", "point": None}],
                          "decided": "2024-07-18", "result": "оставлен без изменения"}])


def military_cassation() -> dict[str, Any]:
    """No lower court block and no UID field: linked only by the UID printed in its act."""
    return card("77-102/2025", uid=None, received="2025-01-20", decided="2025-02-27",
                result="ОСТАВЛЕНО БЕЗ ИЗМЕНЕНИЯ", judge="Сидоров Олег Игоревич",
                acts=[{"title": "Кассационное определение", "text": "Кассационный военный суд ... по уголовному "
                       "делу № 1-57/2024 (УИД 61GV0004-01-2024-000197-32) в отношении P-0c91aa ... приговор "
                       "оставить без изменения."}])


def raw(page: dict[str, Any]) -> bytes:
    """Stand-in raw bytes for a hand-made page: its JSON (distinct pages → distinct snapshots)."""
    return json.dumps(page, ensure_ascii=False, sort_keys=True).encode("utf-8")


def changed(page: dict[str, Any], **case_fields: Any) -> dict[str, Any]:
    new = copy.deepcopy(page)
    new["case"].update(case_fields)
    return new
