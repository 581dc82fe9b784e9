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
BASIS = ["проходящего военную службу по контракту", "призванного на военную службу по мобилизации",
         "проходящего военную службу по призыву", "проходящего военную службу по мобилизации"]
RANKS = ["рядового", "ефрейтора", "младшего сержанта", "сержанта", "старшего сержанта", "прапорщика"]
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


def genitive(court_name: str) -> str:
    """'Тихоокеанский флотский военный суд' → 'Тихоокеанского флотского военного суда'."""
    words = []
    for word in court_name.split():
        if word == "суд":
            word = "суда"
        elif word.endswith("-й"):
            word = word[:-1] + "го"
        elif word.endswith("ний"):
            word = word[:-2] + "его"
        elif word.endswith(("ий", "ый", "ой")):
            word = word[:-2] + "ого"
        words.append(word)
    return " ".join(words)


def judge_genitive(full: str) -> str:
    """'Макетова Ирина Сергеевна' → 'Макетовой И.С.'; 'Симуляторов Максим Олегович' → 'Симуляторова М.О.'"""
    surname, *rest = full.split()
    surname = surname[:-1] + "ой" if surname.endswith("а") else surname + "а"
    return surname + " " + "".join(p[0] + "." for p in rest)


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


_DAYS = {"2.1": (3, 10), "3": (11, 30), "3.1": (11, 30), "1": (3, 10)}
DATE = '<span class="Data2">ДД.ММ.ГГГГ</span>'
UNIT = '<span class="others2">&lt;данные изъяты&gt;</span>'


def _facts(rng: random.Random, case: Case, who: str) -> str:
    """What the defendant did, worded by the main article as the acts word it."""
    article, part = case.articles[0]
    motive = rng.choice(MOTIVES)
    if article == "337":
        lo, hi = _DAYS.get(part or "", (31, 400))
        days = rng.randint(lo, hi)
        if rng.random() < 0.5:
            return (f"{who}, {motive}, {DATE} без уважительных причин не явился в срок на службу в войсковую часть "
                    f"{UNIT} и незаконно находился вне сферы воинских правоотношений продолжительностью {days} суток, "
                    f"проводя время по своему усмотрению, до {DATE}, когда добровольно прибыл в военную комендатуру.")
        return (f"{DATE} {who}, {motive}, самовольно оставил место службы – пункт временной дислокации войсковой "
                f"части {UNIT} и отсутствовал на службе без уважительных причин до {DATE}, то есть {days} суток, "
                f"когда был обнаружен сотрудниками военной полиции.")
    if article == "338":
        return (f"{who}, в целях уклонения от прохождения военной службы, {DATE} самовольно оставил воинскую часть "
                f"{UNIT} и до {DATE} скрывался, проживая у знакомых, пока не был задержан сотрудниками полиции.")
    if article == "332":
        return (f"{DATE} {who}, находясь в районе проведения специальной военной операции, отказался выполнить "
                f"приказ командира о выдвижении на боевую позицию для участия в боевых действиях, заявив, "
                f"что {rng.choice(['участвовать в боевых действиях не желает', 'опасается за свою жизнь'])}.")
    if article == "339":
        return (f"{who}, желая уклониться от исполнения обязанностей военной службы, {DATE} путём симуляции болезни "
                f"и представления подложных документов освободился от исполнения обязанностей военной службы до {DATE}.")
    return (f"{DATE} {who}, находясь в районе проведения специальной военной операции, добровольно сдался в плен "
            f"военнослужащим вооружённых сил противника.")


def first_instance_act(rng: random.Random, case: Case) -> tuple[str, str]:
    verdict = case.result == "Вынесен ПРИГОВОР"
    title = "ПРИГОВОР" if verdict else "ПОСТАНОВЛЕНИЕ"
    who = _who(rng, case)
    refs = ", ".join(article_ref(a, p) for a, p in case.articles)
    decided = case.decided
    assert decided is not None
    heading = rng.choice([title, " ".join(title)])  # some courts space the letters: "П Р И Г О В О Р"
    place = rng.choice([f"{ru_date(decided)} г. &lt;данные изъяты&gt;", f"г. &lt;данные изъяты&gt; {ru_date(decided)}",
                        f"{ru_date(decided)} &lt;данные изъяты&gt;"])
    lines = [
        _p(f"Дело № {escape(case.number)}", "right"),
        _p(heading, "center"),
        _p("ИМЕНЕМ РОССИЙСКОЙ ФЕДЕРАЦИИ", "center") if verdict else "",
        _p(place),
        _p(f"{escape(case.court_name)} в составе председательствующего судьи "
           f"{escape(judge_genitive(case.judge))}, при секретаре судебного заседания <span class=\"FIO2\">ФИО2</span>, "
           f"с участием государственного обвинителя – помощника военного прокурора &lt;данные изъяты&gt; гарнизона "
           f"<span class=\"FIO3\">ФИО3</span>, подсудимого {who} и защитника – адвоката <span class=\"FIO4\">ФИО4</span>,"),
        _p(f"рассмотрев в открытом судебном заседании уголовное дело в отношении военнослужащего войсковой части "
           f"<span class=\"others1\">&lt;данные изъяты&gt;</span> {rng.choice(RANKS)} {who}, "
           f"{DATE} года рождения, {rng.choice(BASIS)} с {DATE}, "
           f"{rng.choice(['несудимого', 'ранее не судимого', 'женатого, имеющего малолетнего ребёнка, несудимого'])}, "
           f"обвиняемого в совершении преступления, предусмотренного {refs},"),
        _p(rng.choice(["УСТАНОВИЛ:", "у с т а н о в и л:"]), "center"),
        _p(_facts(rng, case, who)),
        _p(f"Подсудимый {who} виновным себя в совершении преступления признал "
           f"{rng.choice(['полностью, в содеянном раскаялся', 'частично', 'полностью и от дачи показаний отказался'])}."),
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
        _p(f"Судебная коллегия по уголовным делам {escape(genitive(case.court_name))} в составе председательствующего "
           f"{escape(judge_genitive(case.judge))}, рассмотрела в открытом судебном заседании уголовное дело по "
           f"апелляционной жалобе защитника на приговор {escape(genitive(low.court_name))} от {ru_date(low.decided)}, "
           f"которым {who} осуждён по {refs}."),
        _p("ОПРЕДЕЛИЛА:", "center"),
        _p(f"приговор {escape(genitive(low.court_name))} от {ru_date(low.decided)} в отношении {who} "
           f"{outcome.get(case.result or '', 'оставить без изменения')}."),
    ]
    return "Определение", "\n".join(lines)
