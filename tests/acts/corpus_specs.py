"""The hand-chosen facts of each generated act (the label source). See make_corpus.py."""

from __future__ import annotations

import datetime as dt

from corpus_words import APPEAL_COURTS, CASSATION_COURT, GARRISON_COURTS

D = dt.date
COURT = {name.split()[0]: (name, city) for name, city in GARRISON_COURTS}
DISTRICT = {
    "south": "Новочеркасский Волгоградский Краснодарский Майкопский Севастопольский Симферопольский Владикавказский Ростовский-на-Дону Ставропольский",
    "west2": "Московский Реутовский Курский Воронежский Тверской Нижегородский Брянский",
    "west1": "Санкт-Петербургский Выборгский Мурманский Калининградский",
    "central": "Екатеринбургский Самарский Казанский Новосибирский Пермский Абаканский",
    "east": "Читинский Хабаровский Владивостокский Улан-Удэнский",
}
DISTRICT_OF = {c: d for d, cs in DISTRICT.items() for c in cs.split()}
REGION = {"south": "61", "west2": "50", "west1": "78", "central": "66", "east": "27"}


def S(kind: str, y: int | None = None, m: int | None = None, d: int | None = None, regime: str | None = None,
      py: int | None = None, pm: int | None = None, fine: int | None = None, deprived: bool = False) -> dict:
    return {"kind": kind, "years": y, "months": m, "days": d, "regime": regime, "probation_years": py,
            "probation_months": pm, "fine_rub": fine, "rank_deprived": deprived}


NONE = S("none")


def A(a: str, p: str, pt: str | None = None) -> tuple[str, str, str | None]:
    return (a, p, pt)


def AB(start: dt.date, end: dt.date | None, by: str | None) -> dict:
    return {"start": start, "end": end, "ended_by": by}


SPECS: list[dict] = []


def _add(doc_type: str, short: str, court: str, date: dt.date, num: int, **kw) -> None:
    i = len(SPECS) + 1 if len(SPECS) < 75 else len(SPECS) + 14  # 076-088 are the hand-written acts
    dist = DISTRICT_OF[court]
    name, city = COURT[court]
    spec = {
        "id": i, "short": short, "doc_type": doc_type, "court": name, "city": city, "date": date,
        "case_number": f"1-{num}/{date.year}", "uid": None, "repeat": False, "special": False,
        "motives": [], "sentence": NONE, "absence": None, "basis": "mobilized", "rank": "рядовой",
        "appeal_court_name": APPEAL_COURTS[dist][0], "court_gen_short": name,
    }
    if i % 3 != 0:
        spec["uid"] = f"{REGION[dist]}GV00{10 + i % 17:02d}-01-{date.year}-{num * 7 % 1000:06d}-{i * 13 % 97:02d}"
    spec.update(kw)
    if doc_type in ("appeal_ruling", "cassation_ruling"):
        first_court = spec["court"]
        spec["first"] = {"court": first_court, "date": spec.pop("first_date"), "case_number": f"1-{num}/{spec['first_date_year']}"}
        spec.pop("first_date_year")
        if doc_type == "appeal_ruling":
            spec["court"], spec["city"] = APPEAL_COURTS[dist]
            spec["case_number"] = f"{kw.get('prefix', '22-')}{num * 3 + 11}/{date.year}"
        else:
            spec["court"], spec["city"] = CASSATION_COURT
            spec["case_number"] = f"77-{num * 5 + 101}/{date.year}"
            spec["appeal_court"] = APPEAL_COURTS[dist][0]
        spec["uid"] = spec["uid"] if spec["uid"] else None
    SPECS.append(spec)


def verdict(short: str, court: str, date: dt.date, num: int, **kw) -> None:
    _add("verdict", short, court, date, num, **kw)


def review(doc_type: str, short: str, first_court: str, first_date: dt.date, date: dt.date, num: int, **kw) -> None:
    _add(doc_type, short, first_court, date, num, first_date=first_date, first_date_year=first_date.year, **kw)


# ---------------------------------------------------------------- verdicts, art. 337 part 5
verdict("v337p5_family", "Новочеркасский", D(2024, 4, 12), 64, articles=[A("337", "5")],
        absence=AB(D(2023, 10, 5), D(2024, 1, 20), "voluntary"), motives=["family"],
        sentence=S("imprisonment", 5, 6, regime="general"))
verdict("v337p5_fear_sgt", "Волгоградский", D(2024, 6, 3), 118, rank="младший сержант", articles=[A("337", "5")],
        absence=AB(D(2023, 11, 14), D(2024, 2, 27), "detained"), motives=["fear"],
        sentence=S("imprisonment", 6, regime="general", deprived=True), custody_from=D(2024, 2, 28))
verdict("v337p5_health_leave_susp", "Краснодарский", D(2024, 3, 21), 45, articles=[A("337", "5")],
        absence=AB(D(2023, 8, 1), D(2023, 10, 16), "voluntary"), motives=["health", "leave_denied"],
        sentence=S("suspended", 5, py=3))
verdict("v337p5_contract_pay", "Ростовский-на-Дону", D(2024, 7, 9), 201, basis="contract", rank="ефрейтор",
        articles=[A("337", "5")], absence=AB(D(2023, 12, 2), D(2024, 3, 18), "detained"), motives=["pay"],
        sentence=S("imprisonment", 5, regime="general"))
verdict("v337p5_nomotive_custody", "Майкопский", D(2024, 9, 17), 77, articles=[A("337", "5")],
        absence=AB(D(2024, 1, 9), D(2024, 5, 30), "detained"), motives=[],
        sentence=S("imprisonment", 6, 6, regime="general"), custody_from=D(2024, 5, 31))
verdict("v337p5_wound_susp", "Севастопольский", D(2024, 2, 8), 19, rank="сержант", articles=[A("337", "5")],
        absence=AB(D(2023, 7, 22), D(2023, 10, 3), "voluntary"), motives=["wound"],
        sentence=S("suspended", 5, py=2, pm=6))
verdict("v337p5_recid_strict", "Симферопольский", D(2024, 10, 2), 233, basis="contract", articles=[A("337", "5")],
        absence=AB(D(2024, 2, 11), D(2024, 6, 6), "detained"), motives=["psychological"], repeat=True,
        prior_text="судимого приговором <данные изъяты> районного суда от <данные изъяты> 2019 г. по ч. 2 ст. 162 УК РФ к лишению свободы на срок 3 года, освобождённого по отбытии наказания в 2021 году",
        sentence=S("imprisonment", 5, 6, regime="strict"))
verdict("v337p5_conflict", "Владикавказский", D(2024, 5, 15), 88, articles=[A("337", "5")],
        absence=AB(D(2023, 9, 30), D(2024, 1, 11), "voluntary"), motives=["conflict_with_command"],
        sentence=S("imprisonment", 5, regime="general"))
verdict("v337p5_volunteer_equip_fear", "Ставропольский", D(2024, 11, 26), 310, basis="volunteer",
        articles=[A("337", "5")], absence=AB(D(2024, 3, 4), D(2024, 7, 19), "detained"), motives=["equipment", "fear"],
        sentence=S("imprisonment", 6, regime="general"))
verdict("v337p5_unwilling_ssgt", "Московский", D(2024, 8, 14), 512, rank="старший сержант", articles=[A("337", "5")],
        absence=AB(D(2023, 12, 25), D(2024, 4, 2), "voluntary"), motives=["unwilling_to_fight"],
        sentence=S("imprisonment", 5, 6, regime="general", deprived=True))
verdict("v337p5_nobasis_other", "Курский", D(2024, 4, 25), 57, basis=None, articles=[A("337", "5")],
        absence=AB(D(2023, 10, 10), D(2024, 1, 15), None), motives=["other"],
        sentence=S("imprisonment", 5, regime="general"))
verdict("v337p5_words_family_pay", "Воронежский", D(2024, 12, 5), 402, articles=[A("337", "5")], words_share=1.0,
        absence=AB(D(2024, 5, 23), D(2024, 8, 30), "voluntary"), motives=["family", "pay"],
        sentence=S("imprisonment", 5, 1, regime="general"))
verdict("v337p5_ch401_leave", "Тверской", D(2024, 6, 27), 141, articles=[A("337", "5")], special=True, chapter="40.1",
        absence=AB(D(2023, 11, 1), D(2024, 2, 9), "detained"), motives=["leave_denied"],
        sentence=S("imprisonment", 5, regime="general"))
verdict("v337p5_starshina_family_leave", "Екатеринбургский", D(2024, 7, 30), 266, basis="contract", rank="старшина",
        articles=[A("337", "5")], absence=AB(D(2024, 1, 17), D(2024, 4, 29), "voluntary"), motives=["family", "leave_denied"],
        sentence=S("imprisonment", 5, regime="general", deprived=True))
verdict("v337p5_recid_pay", "Самарский", D(2025, 1, 22), 12, articles=[A("337", "5")], repeat=True,
        prior_text="судимого 14 мая 2020 г. <данные изъяты> районным судом по п. «а» ч. 3 ст. 158 УК РФ к лишению свободы на срок 2 года 6 месяцев, наказание отбыто",
        absence=AB(D(2024, 6, 3), D(2024, 10, 21), "detained"), motives=["pay"],
        sentence=S("imprisonment", 6, regime="strict"))
verdict("v337p5_hospital_health", "Абаканский", D(2024, 10, 16), 95, articles=[A("337", "5")],
        absence=AB(D(2024, 2, 20), D(2024, 6, 14), "other"), motives=["health"],
        sentence=S("imprisonment", 5, regime="general"))
verdict("v337p5_lieutenant_psy_family", "Санкт-Петербургский", D(2024, 9, 4), 377, rank="лейтенант", articles=[A("337", "5")],
        absence=AB(D(2023, 12, 8), D(2024, 4, 1), "voluntary"), motives=["family", "psychological"],
        sentence=S("imprisonment", 5, 6, regime="general", deprived=True))
# ---------------------------------------------------------------- art. 337 parts 3.1, 2.1, 3, 4, 1
verdict("v337p31_family_susp", "Нижегородский", D(2024, 3, 6), 33, articles=[A("337", "3.1")],
        absence=AB(D(2023, 11, 20), D(2024, 1, 9), "voluntary"), motives=["family"],
        sentence=S("suspended", 5, py=2))
verdict("v337p31_contract_psy", "Санкт-Петербургский", D(2024, 5, 22), 190, basis="contract", rank="младший сержант",
        articles=[A("337", "3.1")], absence=AB(D(2023, 12, 1), D(2024, 2, 14), "detained"), motives=["psychological"],
        sentence=S("imprisonment", 5, regime="general"))
verdict("v337p31_requalified_health", "Выборгский", D(2024, 8, 8), 61, articles=[A("337", "3.1")],
        charged_articles=[A("337", "5")], requalified_from=A("337", "5"),
        absence=AB(D(2024, 2, 2), D(2024, 3, 20), "voluntary"), motives=["health"],
        sentence=S("suspended", 4, py=3))
verdict("v337p21_special_other", "Мурманский", D(2023, 12, 12), 140, articles=[A("337", "2.1")], special=True,
        absence=AB(D(2023, 8, 14), D(2023, 8, 29), "voluntary"), motives=["other"],
        sentence=S("suspended", 2, py=1, pm=6))
verdict("v337p21_special_family_disbat", "Калининградский", D(2024, 2, 19), 22, basis="contract", articles=[A("337", "2.1")],
        special=True, absence=AB(D(2023, 10, 30), D(2023, 11, 18), "voluntary"), motives=["family"],
        sentence=S("disciplinary_unit", 1))
verdict("v337p21_conscript_conflict", "Екатеринбургский", D(2024, 4, 3), 71, basis="conscript",
        articles=[A("337", "2.1")], absence=AB(D(2023, 12, 30), D(2024, 1, 19), "detained"), motives=["conflict_with_command"],
        sentence=S("disciplinary_unit", 1, 6))
verdict("v337p4_conscript_2021", "Самарский", D(2021, 11, 10), 98, basis="conscript",
        articles=[A("337", "4")], absence=AB(D(2020, 12, 1), D(2021, 7, 15), "detained"),
        motives=["conflict_with_command", "family"], sentence=S("imprisonment", 2, regime="settlement"))
verdict("v337p4_sailor_pay_susp", "Владивостокский", D(2021, 6, 2), 44, basis="contract", rank="матрос",
        articles=[A("337", "4")], absence=AB(D(2020, 6, 15), D(2021, 1, 28), "voluntary"), motives=["pay"],
        sentence=S("suspended", 2, py=2))
verdict("v337p3_special_restriction", "Новосибирский", D(2021, 9, 14), 83, basis="contract", rank="ефрейтор",
        articles=[A("337", "3")], special=True, absence=AB(D(2021, 3, 1), D(2021, 5, 12), "voluntary"),
        motives=["other"], sentence=S("restriction_of_service", 1))
verdict("v337p3_conscript_disbat", "Пермский", D(2020, 10, 27), 51, basis="conscript",
        articles=[A("337", "3")], absence=AB(D(2020, 2, 3), D(2020, 4, 30), "voluntary"), motives=["health"],
        sentence=S("disciplinary_unit", 1, 6))
verdict("v337p1_fine", "Абаканский", D(2021, 4, 8), 17, basis="contract", articles=[A("337", "1")], special=True,
        absence=AB(D(2020, 11, 2), D(2020, 11, 9), "voluntary"), motives=["family"], sentence=S("fine", fine=40000))
verdict("v337p31_volunteer_other", "Новосибирский", D(2024, 11, 6), 288, basis="volunteer",
        articles=[A("337", "3.1")], absence=AB(D(2024, 4, 15), D(2024, 6, 3), "voluntary"), motives=["other"],
        sentence=S("suspended", 3, py=2))
# ---------------------------------------------------------------- art. 338
verdict("v338p1_contract_2021", "Читинский", D(2021, 8, 19), 60, basis="contract",
        articles=[A("338", "1")], absence=AB(D(2019, 5, 6), D(2021, 3, 2), "detained"), motives=["other"],
        sentence=S("imprisonment", 3, regime="general"))
verdict("v338p3_unwilling", "Хабаровский", D(2024, 10, 24), 150, articles=[A("338", "3")],
        absence=AB(D(2023, 6, 1), D(2024, 5, 14), "detained"), motives=["unwilling_to_fight"],
        sentence=S("imprisonment", 8, regime="strict"))
verdict("v338p3_sgt_nomotive", "Улан-Удэнский", D(2025, 2, 11), 9, basis="contract", rank="сержант",
        articles=[A("338", "3")], absence=AB(D(2023, 9, 12), D(2024, 11, 5), "detained"), motives=[],
        sentence=S("imprisonment", 10, regime="strict", deprived=True))
verdict("v338p2_weapon_fear", "Брянский", D(2021, 12, 7), 120, basis="contract", rank="ефрейтор",
        articles=[A("338", "2")], absence=AB(D(2021, 2, 14), D(2021, 2, 20), "detained"), motives=["fear"],
        sentence=S("imprisonment", 5, regime="general"))
# ---------------------------------------------------------------- art. 332, 339, 352.1
verdict("v332p21_fear", "Новочеркасский", D(2023, 11, 29), 201, articles=[A("332", "2.1")],
        absence=AB(D(2023, 6, 14), None, None), motives=["fear"], sentence=S("imprisonment", 2, 6, regime="settlement"))
verdict("v332p21_unwilling_sgt", "Волгоградский", D(2024, 1, 31), 15, basis="contract", rank="младший сержант",
        articles=[A("332", "2.1")], absence=AB(D(2023, 8, 21), None, None), motives=["unwilling_to_fight"],
        sentence=S("imprisonment", 2, regime="settlement", deprived=True))
verdict("v332p21_special_equipment", "Ростовский-на-Дону", D(2024, 3, 14), 66, articles=[A("332", "2.1")], special=True,
        absence=AB(D(2023, 10, 2), None, None), motives=["equipment"], sentence=S("suspended", 2, py=2))
verdict("v332p21_wound", "Реутовский", D(2024, 7, 18), 233, articles=[A("332", "2.1")],
        absence=AB(D(2024, 1, 26), None, None), motives=["wound"], sentence=S("imprisonment", 2, 6, regime="settlement"))
verdict("v332p1_fine_conflict", "Калининградский", D(2021, 10, 6), 71, basis="contract", articles=[A("332", "1")],
        special=True, absence=AB(D(2021, 5, 17), None, None), motives=["conflict_with_command"], sentence=S("fine", fine=60000))
verdict("v339p3_fear", "Краснодарский", D(2024, 9, 11), 190, articles=[A("339", "3")],
        absence=AB(D(2023, 12, 5), D(2024, 2, 26), None), motives=["fear"], sentence=S("imprisonment", 3, regime="general"))
verdict("v339p1_restriction", "Казанский", D(2021, 5, 25), 39, basis="contract", rank="младший сержант",
        articles=[A("339", "1")], absence=AB(D(2020, 10, 12), D(2020, 12, 4), None), motives=["other"],
        sentence=S("restriction_of_service", 1, 6))
verdict("v352_1_surrender", "Симферопольский", D(2024, 12, 18), 301, articles=[A("352.1", "1")],
        absence=AB(D(2023, 8, 3), None, None), motives=["fear"], sentence=S("imprisonment", 4, regime="general"))
# ---------------------------------------------------------------- aggregation, acquittal
verdict("v_agg6903_337_332", "Новочеркасский", D(2024, 11, 12), 351, articles=[A("332", "2.1"), A("337", "5")],
        main=A("337", "5"), absence=AB(D(2023, 12, 14), D(2024, 6, 20), "detained"), motives=["fear", "unwilling_to_fight"],
        second_story="Кроме того, после доставления в пункт временной дислокации, получив 25 июня 2024 г. от командира роты приказ выдвинуться на боевые позиции, {n} в условиях вооружённого конфликта отказался от участия в боевых действиях.",
        counts=[(A("337", "5"), {"years": 5, "months": 6}), (A("332", "2.1"), {"years": 2, "months": None})], agg="69.3",
        sentence=S("imprisonment", 6, regime="general"))
verdict("v_agg6905_prior", "Майкопский", D(2024, 12, 3), 255, basis="contract", articles=[A("337", "5")],
        absence=AB(D(2024, 2, 1), D(2024, 5, 8), "voluntary"), motives=["family"],
        prior_text="осуждённого 10 января 2024 г. Майкопским гарнизонным военным судом по ч. 3.1 ст. 337 УК РФ к лишению свободы на срок 5 лет с отбыванием наказания в исправительной колонии общего режима",
        prior_court="Майкопского гарнизонного военного суда от 10 января 2024 г.",
        counts=[(A("337", "5"), {"years": 5, "months": 6})], agg="69.5", sentence=S("imprisonment", 6, 6, regime="general"))
verdict("v_agg70_suspended_prior", "Ростовский-на-Дону", D(2024, 8, 28), 180, articles=[A("337", "5")],
        absence=AB(D(2023, 11, 6), D(2024, 3, 1), "detained"), motives=["other"],
        prior_text="судимого 3 марта 2023 г. <данные изъяты> районным судом по п. «в» ч. 2 ст. 158 УК РФ к 1 году лишения свободы условно с испытательным сроком 1 год",
        prior_court="<данные изъяты> районного суда от 3 марта 2023 г.", agg="70", own={"years": 5, "months": None},
        sentence=S("imprisonment", 5, 6, regime="general"))
verdict("v_acquit_337_hospital", "Екатеринбургский", D(2024, 6, 19), 144, articles=[A("337", "5")],
        absence=AB(D(2023, 10, 17), D(2024, 1, 22), "voluntary"), motives=["wound"], sentence=S("acquitted"),
        acquittal_reason="Как установлено в судебном заседании, в период, указанный в обвинении, {n} находился на стационарном лечении последствий минно-взрывного ранения в медицинских учреждениях, о чём своевременно уведомлял командование, что подтверждается выписными эпикризами и показаниями лечащего врача. При таких обстоятельствах в действиях {n} отсутствует умысел на уклонение от военной службы, а неявка вызвана уважительными причинами.")
verdict("v_acquit_332_order", "Читинский", D(2024, 4, 10), 41, articles=[A("332", "2.1")],
        absence=AB(D(2023, 9, 9), None, None), motives=[], sentence=S("acquitted"),
        acquittal_reason="Исследованные доказательства не подтверждают, что {n} был доведён приказ командира батальона: журнал боевых распоряжений не содержит сведений об ознакомлении с ним подсудимого, а свидетель ФИО6 пояснил, что приказ до личного состава роты доводился в его отсутствие. Сторона обвинения не доказала, что подсудимый отказался исполнить приказ, отданный в установленном порядке.")
verdict("v337p5_words_fear_det", "Хабаровский", D(2024, 5, 29), 102, articles=[A("337", "5")], words_share=1.0,
        absence=AB(D(2023, 11, 23), D(2024, 2, 12), "detained"), motives=["fear"], sentence=S("imprisonment", 5, 6, regime="general"))
verdict("v337p5_susp_health_conscr", "Казанский", D(2024, 2, 27), 28, basis="conscript",
        articles=[A("337", "5")], absence=AB(D(2023, 7, 3), D(2023, 9, 25), "voluntary"), motives=["health"],
        sentence=S("suspended", 5, py=4))


# ---------------------------------------------------------------- appeal and cassation rulings
def _reduce(rng, f, n):
    from corpus_words import term
    return rng.choice([
        f"смягчить назначенное {n} наказание до {term(rng, f['years'], f['months'], case='gen')} лишения свободы с отбыванием наказания в исправительной колонии общего режима.",
        f"снизить срок назначенного {n} наказания в виде лишения свободы до {term(rng, f['years'], f['months'], case='gen')}.",
    ])


def _apply73(rng, f, n):
    from corpus_words import term
    return (f"на основании ст. 73 УК РФ назначенное {n} наказание в виде лишения свободы на срок {term(rng, f['years'], f['months'])} "
            f"считать условным с испытательным сроком {term(rng, f['probation_years'], f['probation_months'])}. "
            f"Из-под стражи {n} освободить.")


def _regime_general(rng, f, n):
    return (f"исключить из описательно-мотивировочной части приговора указание на наличие в действиях {n} рецидива преступлений "
            f"и признание его обстоятельством, отягчающим наказание; изменить вид исправительного учреждения – отбывание "
            f"наказания в виде лишения свободы назначить в исправительной колонии общего режима.")


def _cancel73(rng, f, n):
    from corpus_words import term
    return (f"исключить из приговора указание на применение ст. 73 УК РФ; считать {n} осуждённым к лишению свободы на срок "
            f"{term(rng, f['years'], f['months'])} с отбыванием наказания в исправительной колонии общего режима. "
            f"Взять {n} под стражу.")


REDUCE_REASON = ("Вместе с тем суд первой инстанции не в полной мере учёл совокупность смягчающих обстоятельств, в том числе "
                 "добровольное прекращение {n} преступления и его участие в специальной военной операции, в связи с чем "
                 "назначенное наказание подлежит смягчению.")

review("appeal_ruling", "a337p5_upheld_family", "Новочеркасский", D(2024, 4, 12), D(2024, 7, 2), 64,
       articles=[A("337", "5")], absence=AB(D(2023, 10, 5), D(2024, 1, 20), "voluntary"), motives=["family"],
       sentence=S("imprisonment", 5, 6, regime="general"), appeal_outcome="upheld")
review("appeal_ruling", "a332p21_upheld_unwilling", "Реутовский", D(2024, 2, 14), D(2024, 5, 16), 31,
       articles=[A("332", "2.1")], absence=AB(D(2023, 9, 27), None, None), motives=["unwilling_to_fight"],
       sentence=S("imprisonment", 2, 6, regime="settlement"), appeal_outcome="upheld")
review("appeal_ruling", "a338p3_upheld_recid", "Екатеринбургский", D(2024, 8, 22), D(2024, 11, 14), 203, basis="contract",
       rank="сержант", articles=[A("338", "3")], absence=AB(D(2023, 5, 2), D(2024, 4, 10), "detained"), motives=[],
       repeat=True, first_repeat=True, sentence=S("imprisonment", 10, regime="strict", deprived=True), appeal_outcome="upheld")
review("appeal_ruling", "a337p5_changed_reduce_wound", "Волгоградский", D(2024, 3, 1), D(2024, 6, 11), 40,
       articles=[A("337", "5")], absence=AB(D(2023, 9, 4), D(2023, 12, 26), "voluntary"), motives=["wound"],
       sentence=S("imprisonment", 6, regime="general"), appeal_outcome="changed",
       final_sentence=S("imprisonment", 5, 6, regime="general"), change_reason=REDUCE_REASON, change_text=_reduce)
review("appeal_ruling", "a337p5_changed_73_family", "Санкт-Петербургский", D(2024, 5, 7), D(2024, 8, 20), 99,
       articles=[A("337", "5")], absence=AB(D(2023, 12, 12), D(2024, 2, 16), "voluntary"), motives=["family"],
       sentence=S("imprisonment", 5, regime="general"), appeal_outcome="changed",
       final_sentence=S("suspended", 5, py=3),
       change_reason="Судебная коллегия, учитывая, что {n} добровольно прекратил преступление, его супруга является инвалидом, а на его иждивении находятся трое малолетних детей, приходит к выводу о возможности его исправления без реального отбывания наказания.",
       change_text=_apply73)
review("appeal_ruling", "a337p5_changed_regime", "Хабаровский", D(2024, 6, 5), D(2024, 9, 10), 120, basis="contract",
       articles=[A("337", "5")], absence=AB(D(2023, 10, 28), D(2024, 2, 5), "detained"), motives=["pay"],
       first_repeat=True, sentence=S("imprisonment", 5, 6, regime="strict"), appeal_outcome="changed",
       final_sentence=S("imprisonment", 5, 6, regime="general"),
       change_reason="Суд первой инстанции ошибочно признал в действиях {n} рецидив преступлений, поскольку его судимость по приговору от <данные изъяты> 2016 г. за преступление, совершённое в несовершеннолетнем возрасте, в силу п. «б» ч. 4 ст. 18 УК РФ не учитывается при признании рецидива.",
       change_text=_regime_general)
review("appeal_ruling", "a337p5_changed_prosecutor_pay", "Краснодарский", D(2024, 2, 20), D(2024, 5, 28), 52,
       articles=[A("337", "5")], absence=AB(D(2023, 7, 10), D(2023, 11, 30), "detained"), motives=["pay"],
       sentence=S("suspended", 5, py=3), appeal_outcome="changed", final_sentence=S("imprisonment", 5, regime="general"),
       change_reason="Доводы апелляционного представления о чрезмерной мягкости назначенного {n} наказания заслуживают внимания: суд, применив ст. 73 УК РФ, не учёл, что преступление прекращено в результате задержания осуждённого, а не по его воле.",
       change_text=_cancel73)
review("appeal_ruling", "a337p5_overturned", "Пермский", D(2024, 7, 11), D(2024, 10, 8), 160,
       articles=[A("337", "5")], absence=AB(D(2023, 12, 19), D(2024, 3, 25), "detained"), motives=[],
       sentence=S("imprisonment", 5, regime="general"), appeal_outcome="overturned",
       overturn_reason="Приговор подлежит отмене ввиду нарушения права {n} на защиту: защитник по назначению занял позицию, противоречащую позиции подзащитного, который вину не признавал.")
review("appeal_ruling", "a337p31_overturned_susp", "Майкопский", D(2024, 1, 18), D(2024, 4, 23), 8,
       articles=[A("337", "3.1")], absence=AB(D(2023, 9, 15), D(2023, 10, 27), "voluntary"), motives=["leave_denied"],
       sentence=S("suspended", 5, py=2), appeal_outcome="overturned",
       overturn_reason="В нарушение ст. 307 УПК РФ описательно-мотивировочная часть приговора не содержит описания периода незаконного нахождения {n} вне части, что не позволяет проверить правильность квалификации его действий.")
review("appeal_ruling", "a337p21_upheld_disbat_special", "Воронежский", D(2024, 3, 13), D(2024, 6, 4), 27, basis="conscript",
       articles=[A("337", "2.1")], special=True, absence=AB(D(2023, 11, 10), D(2023, 11, 29), "detained"),
       motives=["conflict_with_command"], sentence=S("disciplinary_unit", 1, 6), appeal_outcome="upheld")
review("appeal_ruling", "a337p5_changed_fear_equip", "Севастопольский", D(2024, 9, 2), D(2024, 12, 10), 199,
       articles=[A("337", "5")], absence=AB(D(2024, 1, 30), D(2024, 5, 6), "voluntary"), motives=["equipment", "fear"],
       sentence=S("imprisonment", 5, 6, regime="general"), appeal_outcome="changed",
       final_sentence=S("imprisonment", 5, 3, regime="general"), change_reason=REDUCE_REASON, change_text=_reduce)
review("appeal_ruling", "a337p4_upheld_health", "Читинский", D(2021, 3, 17), D(2021, 6, 8), 14, basis="conscript",
       articles=[A("337", "4")], absence=AB(D(2020, 3, 2), D(2020, 11, 12), "voluntary"), motives=["health"],
       sentence=S("imprisonment", 1, 6, regime="settlement"), appeal_outcome="upheld")
review("cassation_ruling", "k337p5_upheld_fear", "Владикавказский", D(2023, 12, 6), D(2024, 7, 25), 91,
       articles=[A("337", "5")], appeal_date=D(2024, 3, 14), absence=AB(D(2023, 3, 1), D(2023, 6, 19), "detained"),
       motives=["fear"], sentence=S("imprisonment", 6, regime="general"), appeal_outcome="upheld")
review("cassation_ruling", "k337p5_changed_psy", "Московский", D(2024, 1, 25), D(2024, 9, 19), 48,
       articles=[A("337", "5")], appeal_date=D(2024, 4, 18), absence=AB(D(2023, 5, 11), D(2023, 9, 1), "voluntary"),
       motives=["psychological"], sentence=S("imprisonment", 5, 6, regime="general"), appeal_outcome="changed",
       final_sentence=S("imprisonment", 5, regime="general"), change_reason=REDUCE_REASON, change_text=_reduce)
review("cassation_ruling", "k332p21_overturned", "Казанский", D(2024, 2, 6), D(2024, 10, 31), 20,
       articles=[A("332", "2.1")], appeal_date=D(2024, 5, 21), absence=AB(D(2023, 10, 18), None, None), motives=[],
       sentence=S("imprisonment", 2, regime="settlement"), appeal_outcome="overturned",
       overturn_reason="Суд апелляционной инстанции не дал оценки доводам {n} о том, что приказ об участии в боевых действиях ему не доводился, чем допустил существенное нарушение уголовно-процессуального закона.")


# ---------------------------------------------------------------- first-instance rulings
def ruling(doc_type: str, short: str, court: str, date: dt.date, num: int, **kw) -> None:
    _add(doc_type, short, court, date, num, **kw)


ruling("termination_ruling", "t78_1_contract_award", "Новочеркасский", D(2024, 10, 1), 280, articles=[A("337", "5")],
       absence=AB(D(2023, 11, 3), D(2024, 2, 2), "voluntary"), release_ground="art_78_1")
ruling("termination_ruling", "t78_1_contract_family", "Санкт-Петербургский", D(2024, 12, 11), 415, basis="contract",
       articles=[A("337", "3.1")], absence=AB(D(2024, 4, 8), D(2024, 5, 21), "detained"), motives=["family"],
       release_ground="art_78_1")
ruling("termination_ruling", "t78_1_desertion", "Екатеринбургский", D(2025, 1, 15), 5, articles=[A("338", "3")],
       absence=AB(D(2023, 6, 20), D(2024, 4, 22), "detained"), release_ground="art_78_1")
ruling("termination_ruling", "t_amnesty_2020", "Тверской", D(2020, 7, 21), 34, basis="conscript",
       articles=[A("337", "3")], absence=AB(D(2019, 10, 1), D(2019, 12, 9), "voluntary"), motives=["family"],
       release_ground="amnesty")
ruling("termination_ruling", "t_limitation", "Хабаровский", D(2021, 2, 16), 11, basis="contract", rank="матрос",
       articles=[A("337", "1")], absence=AB(D(2018, 8, 1), D(2018, 8, 8), "voluntary"), release_ground="limitation")
ruling("termination_ruling", "t_active_repentance", "Мурманский", D(2023, 9, 26), 99,
       articles=[A("337", "2.1")], absence=AB(D(2023, 5, 3), D(2023, 5, 15), "voluntary"), motives=["other"],
       release_ground="active_repentance")
ruling("termination_ruling", "t_death", "Курский", D(2024, 11, 20), 230, articles=[A("337", "5")],
       absence=AB(D(2023, 4, 17), D(2023, 8, 8), "voluntary"), release_ground="death")
ruling("suspension_ruling", "s_contract_mob", "Волгоградский", D(2024, 4, 30), 101, articles=[A("337", "5")],
       absence=AB(D(2023, 9, 19), D(2024, 1, 4), "detained"), contract_date=D(2024, 4, 15))
ruling("suspension_ruling", "s_contract_31", "Брянский", D(2024, 6, 13), 127, basis="contract", rank="ефрейтор",
       articles=[A("337", "3.1")], absence=AB(D(2024, 1, 5), D(2024, 2, 26), "voluntary"), motives=["pay"],
       contract_date=D(2024, 5, 30))
ruling("return_ruling", "r237_no_end_date", "Ставропольский", D(2024, 5, 8), 96, articles=[A("337", "5")],
       absence=AB(D(2023, 10, 12), None, None))
ruling("return_ruling", "r237_desertion", "Улан-Удэнский", D(2024, 8, 1), 161, basis="contract", rank="младший сержант",
       articles=[A("338", "3")], absence=AB(D(2023, 7, 7), D(2024, 3, 3), "detained"))
ruling("other", "o_custody_extension", "Ростовский-на-Дону", D(2024, 9, 9), 207, articles=[A("337", "5")],
       absence=AB(D(2024, 1, 29), D(2024, 6, 11), "detained"),
       other_text="Государственный обвинитель ходатайствовал о продлении срока содержания {n} под стражей, поскольку срок содержания под стражей истекает, а оснований для изменения меры пресечения не имеется. Руководствуясь ст. 255, 256 УПК РФ, суд\nпостановил:\nПродлить срок содержания под стражей подсудимого {n} на 3 (три) месяца.")


# ---------------------------------------------------------------- more motive variety (ids 089+)
verdict("v337p5_wound_equipment", "Ставропольский", D(2024, 8, 6), 244, articles=[A("337", "5")],
        absence=AB(D(2023, 12, 21), D(2024, 4, 8), "voluntary"), motives=["equipment", "wound"],
        sentence=S("imprisonment", 5, 2, regime="general"))
verdict("v337p31_psy_detained", "Нижегородский", D(2024, 10, 30), 301, basis="contract", rank="старший матрос",
        articles=[A("337", "3.1")], absence=AB(D(2024, 5, 6), D(2024, 6, 24), "detained"), motives=["psychological"],
        sentence=S("imprisonment", 5, regime="general"))
verdict("v337p5_wound_leave_susp", "Тверской", D(2025, 3, 4), 44, articles=[A("337", "5")], words_share=0.8,
        absence=AB(D(2024, 7, 2), D(2024, 10, 14), "voluntary"), motives=["leave_denied", "wound"],
        sentence=S("suspended", 5, py=3))
verdict("v338p3_volunteer_equipment", "Краснодарский", D(2025, 2, 19), 36, basis="volunteer",
        articles=[A("338", "3")], absence=AB(D(2024, 3, 30), D(2024, 11, 2), "detained"), motives=["equipment", "pay"],
        sentence=S("imprisonment", 7, regime="strict"))
verdict("v337p5_psy_nobasis_words", "Брянский", D(2024, 9, 25), 170, basis=None, rank="ефрейтор", words_share=1.0,
        articles=[A("337", "5")], absence=AB(D(2023, 12, 1), D(2024, 5, 20), "other"), motives=["psychological"],
        sentence=S("imprisonment", 5, 6, regime="general"))
