"""Building blocks shared by every kind of act: article citations, sentences, the offence story.

A spec (see make_corpus.py) says what happened; these functions say it the way one of many
court clerks would. Nothing here decides a label: labels come from the spec alone.
"""

from __future__ import annotations

import random

import corpus_phrases as P
from corpus_words import RANK_GEN, date_any, num_words, term

ART_DESCR = {
    ("337", "1"): "самовольное оставление части продолжительностью свыше двух суток, но не более десяти суток",
    ("337", "2.1"): "самовольное оставление части продолжительностью свыше двух суток, но не более одного месяца, совершённое в период мобилизации",
    ("337", "3"): "неявка в срок без уважительных причин на службу продолжительностью свыше одного месяца, но не более шести месяцев",
    ("337", "3.1"): "неявка в срок без уважительных причин на службу продолжительностью свыше одного месяца, совершённая в период мобилизации",
    ("337", "4"): "неявка в срок без уважительных причин на службу продолжительностью свыше шести месяцев",
    ("337", "5"): "неявка в срок без уважительных причин на службу продолжительностью свыше одного месяца, совершённая в период мобилизации",
    ("338", "1"): "дезертирство, то есть самовольное оставление части в целях уклонения от прохождения военной службы",
    ("338", "2"): "дезертирство, совершённое с оружием, вверенным по службе",
    ("338", "3"): "дезертирство, совершённое в период мобилизации",
    ("332", "1"): "неисполнение подчинённым приказа начальника, отданного в установленном порядке, причинившее существенный вред интересам службы",
    ("332", "2.1"): "неисполнение подчинённым приказа начальника, отданного в установленном порядке, совершённое в период мобилизации, выразившееся в отказе от участия в боевых действиях",
    ("339", "1"): "уклонение военнослужащего от исполнения обязанностей военной службы путём симуляции болезни",
    ("339", "3"): "уклонение от исполнения обязанностей военной службы путём симуляции болезни, совершённое в период мобилизации",
    ("352.1", "1"): "добровольная сдача в плен",
}


def cite(art: tuple[str, str, str | None], style: int) -> str:
    a, p, pt = art
    point = f"п. «{pt}» " if pt else ""
    if style == 0:
        return f"{point}ч. {p} ст. {a}"
    if style == 1:
        return f"{'пунктом «' + pt + '» ' if pt else ''}частью {p} статьи {a}"
    if style == 3:
        return f"{'пункту «' + pt + '» ' if pt else ''}части {p} статьи {a}"
    return f"{point}ч.{p} ст.{a}"


def cite_po(rng: random.Random, arts: list) -> str:
    """Citation after the preposition 'по' (dative: 'по части 5 статьи 337 УК РФ')."""
    style = rng.choice([0, 0, 2, 3])
    return cite_all(rng, arts, style=style)


def cite_all(rng: random.Random, arts: list, code: bool = True, style: int | None = None) -> str:
    style = rng.choice([0, 0, 0, 1, 2]) if style is None else style
    parts = [cite(a, style) for a in arts]
    body = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " и " + parts[-1]
    if not code:
        return body
    law = "Уголовного кодекса Российской Федерации" if style in (1, 3) else rng.choice(["УК РФ", "УК РФ", "УК Российской Федерации"])
    return f"{body} {law}"


def crime_word(arts: list) -> str:
    return "преступлений, предусмотренных" if len(arts) > 1 else "преступления, предусмотренного"


REGIME = {
    "settlement": ["в колонии-поселении", "с отбыванием наказания в колонии-поселении"],
    "general": ["в исправительной колонии общего режима", "с отбыванием наказания в исправительной колонии общего режима"],
    "strict": ["в исправительной колонии строгого режима", "с отбыванием наказания в исправительной колонии строгого режима"],
    "special": ["в исправительной колонии особого режима", "с отбыванием наказания в исправительной колонии особого режима"],
}


def punishment(rng: random.Random, s: dict, n: str) -> str:
    """The operative words of a sentence ('в виде лишения свободы на срок 5 (пять) лет ...')."""
    k = s["kind"]
    if k in ("imprisonment", "suspended"):
        v = rng.randrange(3)
        if v == 0:
            core = f"в виде лишения свободы на срок {term(rng, s['years'], s['months'], s['days'])}"
        elif v == 1:
            core = f"в виде лишения свободы сроком на {term(rng, s['years'], s['months'], s['days'])}"
        else:
            core = f"в виде {term(rng, s['years'], s['months'], s['days'], case='gen')} лишения свободы"
        if k == "imprisonment":
            reg = REGIME[s["regime"]][1]
            return f"{core} {reg}"
        prob = term(rng, s["probation_years"], s["probation_months"])
        tail = rng.choice([
            f". На основании ст. 73 УК РФ назначенное {n} наказание считать условным с испытательным сроком {prob}",
            f". В соответствии со ст. 73 УК РФ назначенное наказание в виде лишения свободы считать условным, установив испытательный срок {prob}",
            f", которое в силу ст. 73 УК РФ считать условным с испытательным сроком продолжительностью {prob}",
        ])
        duties = rng.choice([
            ". Возложить на условно осуждённого обязанность не менять постоянного места жительства без уведомления специализированного государственного органа",
            "",
        ])
        return core + tail + duties
    if k == "disciplinary_unit":
        return rng.choice([
            f"в виде содержания в дисциплинарной воинской части на срок {term(rng, s['years'], s['months'])}",
            f"в виде содержания в дисциплинарной воинской части сроком {term(rng, s['years'], s['months'])}",
        ])
    if k == "restriction_of_service":
        pct = rng.choice([10, 15, 20])
        return (f"в виде ограничения по военной службе на срок {term(rng, s['years'], s['months'])} с удержанием "
                f"в доход государства {pct} ({num_words(pct, 'gen')}) процентов из денежного довольствия осуждённого")
    if k == "fine":
        return f"в виде штрафа в размере {P.fine_amount(rng, s['fine_rub'])}"
    raise ValueError(k)


def deprivation(rng: random.Random, rank: str | None, n: str) -> str:
    gen = RANK_GEN.get(rank or "", "")
    return rng.choice([
        f"На основании ст. 48 УК РФ лишить {n} воинского звания «{rank}».",
        f"В соответствии со ст. 48 УК РФ лишить осуждённого {n} воинского звания «{rank}».",
        f"Лишить {gen} {n} воинского звания «{rank}» на основании ст. 48 УК РФ.",
    ])


def absence_story(rng: random.Random, spec: dict, n: str, *, charge: bool = False) -> str:
    """The offence as told in the descriptive part: when he left, what he did, how it ended."""
    ab = spec["absence"]
    arts = spec["articles"]
    main = spec.get("main", arts[0])[0]
    basis_clause = {
        "mobilized": "призванный на военную службу по мобилизации",
        "contract": "проходящий военную службу по контракту",
        "conscript": "проходящий военную службу по призыву",
        "volunteer": "пребывающий в добровольческом формировании",
        None: "являясь военнослужащим",
    }[spec["basis"]]
    lead = f"{n} обвиняется в том, что он, {basis_clause}," if charge else f"{n}, {basis_clause},"
    ws = spec.get("words_share", 0.3)
    start = date_any(ab["start"], rng, ws)
    if main == "332":
        order = rng.choice([
            "получив от командира батальона приказ выдвинуться в составе штурмовой группы на боевые позиции",
            "будучи ознакомленным с боевым распоряжением о выполнении боевой задачи",
            "получив лично от командира роты приказ о выдвижении в район выполнения боевых задач",
        ])
        return (f"{lead} {start}, {order}, в период мобилизации и в условиях вооружённого "
                f"конфликта отказался выполнить указанный приказ, заявив об отказе от участия в боевых действиях. "
                f"Приказ был отдан в установленном порядке надлежащим должностным лицом в пределах его полномочий.").replace("  ", " ")
    if main == "339":
        return (f"{lead} в целях уклонения от исполнения обязанностей военной службы, начиная "
                f"с {start}, неоднократно обращался в медицинскую роту с жалобами на несуществующие у него боли, "
                f"симулируя заболевание, и до {date_any(ab['end'], rng, ws)} обязанности военной службы не исполнял.").replace("  ", " ")
    if main == "352.1":
        return (f"{lead} {start}, находясь на позициях в районе <данные изъяты>, не будучи "
                f"вынужденным к тому обстановкой, имея возможность оказать сопротивление, добровольно сдался в плен "
                f"военнослужащим вооружённых формирований Украины, сообщив им сведения о своём подразделении. "
                f"Впоследствии в ходе обмена военнопленными он был возвращён на территорию Российской Федерации.").replace("  ", " ")
    intent = rng.choice([
        "желая временно уклониться от исполнения обязанностей военной службы",
        "не желая проходить военную службу и намереваясь временно от неё отдохнуть",
        "в целях временного уклонения от прохождения военной службы",
        "",
    ])
    if main == "338":
        intent = rng.choice([
            "в целях уклонения от прохождения военной службы в целом",
            "имея цель вовсе уклониться от прохождения военной службы",
        ])
    opening = P.pick(rng, P.ABSENCE_OPENINGS)
    pastime = P.pick(rng, P.ABSENCE_PASTIMES)
    period = "в период мобилизации, " if spec["basis"] in ("mobilized", "contract", "volunteer") and spec["date"].year >= 2022 else ""
    first = f"{lead} {intent + ', ' if intent else ''}{period}{start} {opening}, после чего {pastime}"
    if ab["end"] is None:
        tail = rng.choice([". До настоящего времени к месту службы не прибыл.", ", в часть не возвращался по настоящее время."])
        return (first + tail).replace("  ", " ")
    end = date_any(ab["end"], rng, ws)
    how = ab["ended_by"]
    if how is None:
        second = rng.choice([f" вплоть до {end}.", f". Его незаконное нахождение вне части продолжалось по {end} включительно."])
    else:
        ending = P.pick(rng, P.ENDINGS[how])
        second = rng.choice([
            f" до {end}, когда {ending}.",
            f". {end.capitalize() if end[0].isalpha() else end} {n} {ending.replace('он был', 'был').replace('его местонахождение', 'местонахождение его')}, чем его незаконное нахождение вне части было прекращено.",
            f", тем самым незаконно находился вне части до {end}, когда {ending}.",
        ])
    return (first + second).replace("  ", " ").replace(" ,", ",")


OTHER_JOINERS = {
    "332": ["от выполнения приказа он отказался, поскольку ", "участвовать в боевых действиях он не стал, так как "],
    "339": ["симулировать заболевание он стал потому, что ", "к врачам он обращался, так как "],
    "352.1": ["сдался в плен он потому, что ", "решение сдаться он принял, так как "],
}


def motive_testimony(rng: random.Random, motives: list[str], n: str, article: str = "337") -> str:
    if not motives:
        return P.pick(rng, P.NO_MOTIVE_TESTIMONY).format(n=n).replace(
            "о датах оставления части и возвращения на службу", "об обстоятельствах содеянного")
    reasons = [P.pick(rng, P.MOTIVE_TESTIMONY[m]) for m in motives]
    body = reasons[0] if len(reasons) == 1 else ", ".join(reasons[:-1]) + ", а кроме того, " + reasons[-1]
    lead = P.pick(rng, P.TESTIMONY_LEADS).format(n=n)
    joiner = P.pick(rng, OTHER_JOINERS.get(article, P.MOTIVE_JOINERS))
    extra = rng.choice([
        " Осознаёт, что это не является уважительной причиной для неявки на службу.",
        " В содеянном раскаивается.",
        " С рапортами о предоставлении ему помощи к командованию не обращался.",
        "",
    ])
    return f"{lead}{joiner}{body}.{extra}"


ORDER_WITNESSES = [
    "Свидетель {w}, командир роты, показал, что лично довёл до {n} боевое распоряжение и был очевидцем его отказа.",
    "Из оглашённых показаний свидетеля {w}, военнослужащего того же подразделения, следует, что он присутствовал при описанных событиях и подтверждает их.",
    "Свидетель {w}, начальник медицинской службы, пояснил, что объективных признаков заболевания у {n} не выявлялось.",
]


def evidence(rng: random.Random, n: str, k: int, article: str = "337") -> str:
    bank = P.WITNESS_PARAS if article in ("337", "338") else ORDER_WITNESSES
    witnesses = rng.sample(bank, k=min(k, len(bank)))
    docs = rng.sample(P.DOCUMENT_PARAS, k=min(k, len(P.DOCUMENT_PARAS)))
    paras = [w.format(w=f"ФИО{i + 6}", n=n) for i, w in enumerate(witnesses)] + [d.format(n=n) for d in docs]
    return "\n".join(paras)


def qualification(rng: random.Random, spec: dict, n: str) -> str:
    out = []
    for art in spec["articles"]:
        descr = ART_DESCR.get((art[0], art[1]), "преступление против военной службы")
        out.append(rng.choice([
            f"Действия {n} суд квалифицирует по {cite(art, 0)} УК РФ как {descr}.",
            f"Содеянное подсудимым суд квалифицирует по {cite(art, rng.choice([0, 2]))} УК РФ, как {descr}.",
            f"Указанные действия подсудимого суд квалифицирует по части {art[1]} статьи {art[0]} Уголовного кодекса Российской Федерации.",
            f"Таким образом, {n} совершил {descr}, то есть преступление, предусмотренное {cite(art, 0)} УК РФ.",
        ]))
    return "\n".join(out)
