"""Act texts (verdicts, appeal rulings) from templates that vary the way real acts do.

Real military-court acts are depersonalised by the court: the defendant appears as "ФИО1" or
as initials, dates of birth and unit numbers as "<данные изъяты>"/"ДД.ММ.ГГГГ". Courts differ in
wording, in the order of the facts and in what they state (service basis, motive, the length of
the absence, the sentence and the colony regime), so each template picks among variants.
Returns (title, HTML paragraphs) ready to sit inside the card's "СУДЕБНЫЕ АКТЫ" tab.
"""

from __future__ import annotations

import random
from html import escape
from typing import TYPE_CHECKING

from milcourt.simulate import names

if TYPE_CHECKING:
    from milcourt.simulate.population import Case

MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
          "октября", "ноября", "декабря"]
BASIS = ["проходящий военную службу по контракту", "призванный на военную службу по мобилизации",
         "проходящий военную службу по призыву", "проходящий военную службу по мобилизации"]
RANKS = ["рядовой", "ефрейтор", "младший сержант", "сержант", "старший сержант", "прапорщик"]
MOTIVES = ["желая отдохнуть от исполнения обязанностей военной службы",
           "желая провести время с семьёй", "не желая участвовать в специальной военной операции",
           "в связи с нежеланием проходить военную службу", "с целью временно уклониться от исполнения обязанностей военной службы"]
SENTENCES = [
    ("лишения свободы на срок {y} лет с отбыванием наказания в исправительной колонии общего режима", 45),
    ("лишения свободы на срок {y} лет {m} месяцев с отбыванием наказания в исправительной колонии общего режима", 15),
    ("лишения свободы на срок {y} лет {m} месяцев с отбыванием наказания в исправительной колонии строгого режима", 5),
    ("лишения свободы на срок {y} лет условно с испытательным сроком {p} года", 25),
    ("содержания в дисциплинарной воинской части на срок {dm} месяцев", 6),
    ("лишения свободы на срок {y} лет с отбыванием наказания в колонии-поселении", 4),
]


def ru_date(d) -> str:
    return f"{d.day:02d} {MONTHS[d.month - 1]} {d.year} года"


def article_ref(article: str, part: str | None) -> str:
    return f"ч. {part} ст. {article} УК РФ" if part else f"ст. {article} УК РФ"


def _p(text: str, align: str = "justify") -> str:
    return f'<p style="TEXT-ALIGN: {align}; TEXT-INDENT: 0.5in">{text}</p>'


def _who(rng: random.Random, case: Case) -> str:
    """How the act names the defendant: 'ФИО1', initials, or the surname with '<данные изъяты>'."""
    style = rng.random()
    if style < 0.45 or not case.defendant:
        return '<span class="FIO1">ФИО1</span>'
    if style < 0.85:
        return f'<span class="FIO1">{names.hash_initials(case.defendant)}</span>'
    return f'<span class="FIO1">{escape(names.initials(case.defendant))}</span>'


def first_instance_act(rng: random.Random, case: Case) -> tuple[str, str]:
    verdict = case.result == "Вынесен ПРИГОВОР"
    title = "ПРИГОВОР" if verdict else "ПОСТАНОВЛЕНИЕ"
    who = _who(rng, case)
    refs = ", ".join(article_ref(a, p) for a, p in case.articles)
    decided = case.decided
    assert decided is not None
    days = rng.choice([rng.randint(11, 30), rng.randint(31, 120), rng.randint(121, 400)])
    lines = [
        _p(f"Дело № {escape(case.number)}", "right"),
        _p(title, "center"),
        _p("ИМЕНЕМ РОССИЙСКОЙ ФЕДЕРАЦИИ", "center") if verdict else "",
        _p(f"{ru_date(decided)} г. &lt;данные изъяты&gt;"),
        _p(f"{escape(case.court_name)} в составе председательствующего судьи "
           f"{escape(names.initials(case.judge))}, при секретаре судебного заседания <span class=\"FIO2\">ФИО2</span>, "
           f"с участием государственного обвинителя – помощника военного прокурора &lt;данные изъяты&gt; гарнизона "
           f"<span class=\"FIO3\">ФИО3</span>, подсудимого {who} и защитника – адвоката <span class=\"FIO4\">ФИО4</span>,"),
        _p(f"рассмотрев в открытом судебном заседании уголовное дело в отношении военнослужащего войсковой части "
           f"<span class=\"others1\">&lt;данные изъяты&gt;</span> {rng.choice(RANKS)} {who}, "
           f"<span class=\"Data2\">ДД.ММ.ГГГГ</span> года рождения, {rng.choice(BASIS)} с "
           f"<span class=\"Data2\">ДД.ММ.ГГГГ</span>, обвиняемого в совершении преступления, предусмотренного {refs},"),
        _p("УСТАНОВИЛ:", "center"),
        _p(f"{who}, {rng.choice(MOTIVES)}, <span class=\"Data2\">ДД.ММ.ГГГГ</span> без уважительных причин не явился "
           f"в срок на службу в войсковую часть <span class=\"others2\">&lt;данные изъяты&gt;</span> и "
           f"незаконно находился вне сферы воинских правоотношений продолжительностью {days} суток, проводя время "
           f"по своему усмотрению, до <span class=\"Data2\">ДД.ММ.ГГГГ</span>, когда добровольно прибыл в военную комендатуру."),
        _p(f"Подсудимый {who} виновным себя в совершении преступления признал полностью, в содеянном раскаялся."),
        _p(f"Содеянное подсудимым суд квалифицирует по {refs}."),
    ]
    if verdict:
        y, m = rng.randint(1, 7), rng.randint(1, 11)
        sentence = str(rng.choices([s for s, _ in SENTENCES], weights=[w for _, w in SENTENCES])[0]).format(
            y=y, m=m, p=rng.randint(1, 3), dm=rng.randint(3, 24))
        lines += [_p("На основании изложенного, руководствуясь ст. 307–309 УПК РФ, суд"), _p("ПРИГОВОРИЛ:", "center"),
                  _p(f"{who} признать виновным в совершении преступления, предусмотренного {refs}, и назначить ему "
                     f"наказание в виде {sentence}.")]
    else:
        lines += [_p("ПОСТАНОВИЛ:", "center"), _p(f"уголовное дело в отношении {who} по {refs} прекратить.")]
    lines.append(_p(f"Председательствующий по делу &nbsp;&nbsp;&nbsp; {escape(names.initials(case.judge))}"))
    return title, "\n".join(line for line in lines if line)


def appeal_act(rng: random.Random, case: Case) -> tuple[str, str]:
    low = case.lower
    assert low is not None and low.decided is not None and case.decided is not None
    who = _who(rng, case)
    refs = ", ".join(article_ref(a, p) for a, p in case.articles)
    outcome = {"ОСТАВЛЕН БЕЗ ИЗМЕНЕНИЯ": "оставить без изменения, а апелляционную жалобу – без удовлетворения",
               "ИЗМЕНЕН": "изменить, смягчить назначенное наказание",
               "ОТМЕНЕН с направлением на новое рассмотрение": "отменить, уголовное дело направить на новое рассмотрение"}
    lines = [
        _p("АПЕЛЛЯЦИОННОЕ ОПРЕДЕЛЕНИЕ", "center"),
        _p(f"{ru_date(case.decided)} г. &lt;данные изъяты&gt;"),
        _p(f"Судебная коллегия по уголовным делам {escape(case.court_name)}а в составе председательствующего "
           f"{escape(names.initials(case.judge))}, рассмотрела в открытом судебном заседании уголовное дело по "
           f"апелляционной жалобе защитника на приговор {escape(low.court_name)}а от {ru_date(low.decided)}, "
           f"которым {who} осуждён по {refs}."),
        _p("ОПРЕДЕЛИЛА:", "center"),
        _p(f"приговор {escape(low.court_name)}а от {ru_date(low.decided)} в отношении {who} "
           f"{outcome.get(case.result or '', 'оставить без изменения')}."),
    ]
    return "Определение", "\n".join(lines)
