"""Act texts (verdicts, appeal rulings) from templates that vary the way real acts do.

Real military-court acts are depersonalised by the court: the defendant appears as "ФИО1" or
as initials, dates of birth and unit numbers as "<данные изъяты>"/"ДД.ММ.ГГГГ". Courts differ in
wording, in the order of the facts and in what they state (service basis, motive, the length of
the absence, the sentence and the colony regime), so each template picks among variants.
Returns (title, HTML paragraphs) ready to sit inside the card's "СУДЕБНЫЕ АКТЫ" tab.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from html import escape
from typing import TYPE_CHECKING, Any

from milcourt.simulate import names
from milcourt.simulate.act_phrases import ACCOUNTS, CLAUSES, FORMULAS, REFUSALS

if TYPE_CHECKING:
    from milcourt.simulate.population import Case

MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
          "октября", "ноября", "декабря"]
BASIS = ["проходящего военную службу по контракту", "призванного на военную службу по мобилизации",
         "проходящего военную службу по призыву", "проходящего военную службу по мобилизации"]
RANKS = ["рядового", "ефрейтора", "младшего сержанта", "сержанта", "старшего сержанта", "прапорщика"]
#: Sentence wordings with their weights and what each is: (kind, regime, suspended).
SENTENCES = [
    ("лишения свободы на срок {term} с отбыванием наказания в исправительной колонии общего режима", 60,
     ("imprisonment", "general", False)),
    ("лишения свободы на срок {term} с отбыванием наказания в исправительной колонии строгого режима", 5,
     ("imprisonment", "strict", False)),
    ("лишения свободы на срок {term} условно с испытательным сроком {p}", 25, ("suspended", None, True)),
    ("содержания в дисциплинарной воинской части на срок {dm}", 6, ("disciplinary_unit", None, False)),
    ("лишения свободы на срок {term} с отбыванием наказания в колонии-поселении", 4,
     ("imprisonment", "settlement", False)),
]
BASIS_KIND = {"контракт": "contract", "мобилизац": "mobilized", "призыв": "conscript"}


def plural(n: int, one: str, few: str, many: str) -> str:
    """'1 год', '3 года', '7 лет', '11 лет', '21 год': Russian number agreement."""
    if n % 10 == 1 and n % 100 != 11:
        word = one
    elif 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        word = few
    else:
        word = many
    return f"{n} {word}"


def years_text(n: int) -> str:
    return plural(n, "год", "года", "лет")


def months_text(n: int) -> str:
    return plural(n, "месяц", "месяца", "месяцев")


def term_text(years: int, months: int) -> str:
    return " ".join(p for p in (years_text(years) if years else "", months_text(months) if months else "") if p)


@dataclass
class ActFacts:
    """What a simulated act states, as the extractor should read it (truth.json ``act_facts``).

    ``None`` means the act does not state the fact; ``motives`` is the set of reasons the act
    gives (empty when it gives only the law's formula).
    """

    doc_type: str
    sentence_kind: str | None = None
    sentence_years: int | None = None
    sentence_months: int | None = None
    regime: str | None = None
    suspended: bool | None = None
    probation_years: int | None = None
    absence_start: str | None = None
    absence_end: str | None = None
    service_basis: str | None = None
    motives: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


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


def article_ref(article: str, part: str | None, point: str | None = None) -> str:
    """'ч. 5 ст. 337 УК РФ', with its points as acts print them: 'п. «а», «в» ч. 2 ст. 335 УК РФ'."""
    ref = f"ч. {part} ст. {article} УК РФ" if part else f"ст. {article} УК РФ"
    if point:
        ref = "п. " + ", ".join(f"«{p}»" for p in point.split(",")) + " " + ref
    return ref


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


def _reason(rng: random.Random, facts: ActFacts) -> str:
    """The reason clause of the statement of the crime: a motive (recorded) or the law's formula."""
    if rng.random() < 0.2:
        return rng.choice(FORMULAS)
    motive = rng.choice(sorted(CLAUSES))
    facts.motives.append(motive)
    return rng.choice(CLAUSES[motive])


def _absence(rng: random.Random, case: Case, part: str | None, facts: ActFacts) -> tuple[date, date, int]:
    """Dates of an absence that ended before the case reached the court, as the act states them."""
    lo, hi = _DAYS.get(part or "", (31, 400))
    days = rng.randint(lo, hi)
    end = case.received - timedelta(days=rng.randint(5, 45))
    begin = end - timedelta(days=days - 1)
    facts.absence_start, facts.absence_end = begin.isoformat(), end.isoformat()
    return begin, end, days


def _crime(rng: random.Random, case: Case, who: str, facts: ActFacts) -> str:
    """What the defendant did, worded by the main article as the acts word it."""
    article, part = case.articles[0]
    if article == "337":
        reason = _reason(rng, facts)
        begin, end, days = _absence(rng, case, part, facts)
        if rng.random() < 0.5:
            return (f"{who}, {reason}, {ru_date(begin)} без уважительных причин не явился в срок на службу в "
                    f"войсковую часть {UNIT} и незаконно находился вне сферы воинских правоотношений до "
                    f"{ru_date(end)}, то есть {days} суток, проводя время по своему усмотрению, когда "
                    f"добровольно прибыл в военную комендатуру.")
        return (f"{ru_date(begin)} {who}, {reason}, самовольно оставил место службы – пункт временной дислокации "
                f"войсковой части {UNIT} и отсутствовал на службе без уважительных причин до {ru_date(end)}, "
                f"когда был обнаружен сотрудниками военной полиции.")
    if article == "338":
        reason = _reason(rng, facts) if rng.random() < 0.6 else ""
        begin, end, _ = _absence(rng, case, part, facts)
        because = f", {reason}" if reason and reason not in FORMULAS else ""
        return (f"{who}, в целях уклонения от прохождения военной службы{because}, {ru_date(begin)} самовольно "
                f"оставил воинскую часть {UNIT} и до {ru_date(end)} скрывался, проживая у знакомых, пока не был "
                f"задержан сотрудниками полиции.")
    if article == "332":
        motive = rng.choice(sorted(REFUSALS))
        facts.motives.append(motive)
        when = case.received - timedelta(days=rng.randint(20, 90))
        facts.absence_start = when.isoformat()
        return (f"{ru_date(when)} {who}, находясь в районе проведения специальной военной операции, отказался "
                f"выполнить приказ командира о выдвижении на боевую позицию для участия в боевых действиях, "
                f"заявив, что {rng.choice(REFUSALS[motive])}.")
    if article == "339":
        return (f"{who}, желая уклониться от исполнения обязанностей военной службы, {DATE} путём симуляции болезни "
                f"и представления подложных документов освободился от исполнения обязанностей военной службы до {DATE}.")
    return (f"{DATE} {who}, находясь в районе проведения специальной военной операции, добровольно сдался в плен "
            f"военнослужащим вооружённых сил противника.")


def _plea(rng: random.Random, case: Case, who: str, facts: ActFacts) -> str:
    """His plea, and for some acts his own account of why he left (a reason recorded as a motive)."""
    plea = rng.choice(["полностью, в содеянном раскаялся", "частично", "полностью"])
    if case.articles[0][0] not in {"337", "338"} or rng.random() < 0.45:
        return f"Подсудимый {who} виновным себя в совершении преступления признал {plea}."
    given = facts.motives[0] if facts.motives and rng.random() < 0.6 else rng.choice(sorted(ACCOUNTS))
    if given not in facts.motives:
        facts.motives.append(given)
    return (f"Подсудимый {who} виновным себя в совершении преступления признал {plea} и показал, что "
            f"{rng.choice(ACCOUNTS[given])}.")


def _sentence(rng: random.Random, facts: ActFacts) -> str:
    wording, (kind, regime, suspended) = rng.choices(
        [(s, what) for s, _, what in SENTENCES], weights=[w for _, w, _ in SENTENCES])[0]
    years, months = rng.randint(1, 7), rng.choice([0, 0, 0, rng.randint(1, 11)])
    facts.sentence_kind, facts.regime, facts.suspended = kind, regime, suspended
    if kind == "disciplinary_unit":
        years, months = 0, rng.randint(3, 24)
        dm = months_text(months)
        years, months = divmod(months, 12)
    else:
        dm = ""
    facts.sentence_years, facts.sentence_months = years, months
    probation = rng.randint(1, 3)
    if suspended:
        facts.probation_years = probation
    return wording.format(term=term_text(years, months), p=years_text(probation), dm=dm)


def first_instance_act(rng: random.Random, case: Case) -> tuple[str, str, ActFacts]:
    """The act's title, its HTML paragraphs, and the facts it states (for truth.json)."""
    verdict = case.result == "Вынесен ПРИГОВОР"
    title = "ПРИГОВОР" if verdict else "ПОСТАНОВЛЕНИЕ"
    facts = ActFacts(doc_type="verdict" if verdict else "termination_ruling")
    who = _who(rng, case)
    refs = ", ".join(article_ref(a, p, case.point(a, p)) for a, p in case.articles)
    decided = case.decided
    assert decided is not None
    heading = rng.choice([title, " ".join(title)])  # some courts space the letters: "П Р И Г О В О Р"
    place = rng.choice([f"{ru_date(decided)} г. &lt;данные изъяты&gt;", f"г. &lt;данные изъяты&gt; {ru_date(decided)}",
                        f"{ru_date(decided)} &lt;данные изъяты&gt;"])
    basis = rng.choice(BASIS)
    facts.service_basis = next(kind for stem, kind in BASIS_KIND.items() if stem in basis)
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
           f"{DATE} года рождения, {basis} с {DATE}, "
           f"{rng.choice(['несудимого', 'ранее не судимого', 'женатого, имеющего малолетнего ребёнка, несудимого'])}, "
           f"обвиняемого в совершении преступления, предусмотренного {refs},"),
        _p(rng.choice(["УСТАНОВИЛ:", "у с т а н о в и л:"]), "center"),
        _p(_crime(rng, case, who, facts)),
        _p(_plea(rng, case, who, facts)),
        _p(f"Содеянное подсудимым суд квалифицирует по {refs}."),
    ]
    if verdict:
        lines += [_p("На основании изложенного, руководствуясь ст. 307–309 УПК РФ, суд"), _p("ПРИГОВОРИЛ:", "center"),
                  _p(f"{who} признать виновным в совершении преступления, предусмотренного {refs}, и назначить ему "
                     f"наказание в виде {_sentence(rng, facts)}.")]
    else:
        lines += [_p("ПОСТАНОВИЛ:", "center"), _p(f"уголовное дело в отношении {who} по {refs} прекратить.")]
    lines.append(_p(f"Председательствующий по делу &nbsp;&nbsp;&nbsp; {escape(names.initials(case.judge))}"))
    return title, "\n".join(line for line in lines if line), facts


def appeal_act(rng: random.Random, case: Case) -> tuple[str, str]:
    low = case.lower
    assert low is not None and low.decided is not None and case.decided is not None
    who = _who(rng, case)
    refs = ", ".join(article_ref(a, p, case.point(a, p)) for a, p in case.articles)
    outcome = {"ОСТАВЛЕН БЕЗ ИЗМЕНЕНИЯ": "оставить без изменения, а апелляционную жалобу – без удовлетворения",
               "ИЗМЕНЕН": "изменить, смягчить назначенное наказание",
               "ОТМЕНЕН с направлением на новое рассмотрение": "отменить, уголовное дело направить на новое рассмотрение"}
    complaint = rng.choice(["просит приговор изменить и назначить наказание, не связанное с лишением свободы",
                            "просит смягчить назначенное наказание, ссылаясь на наличие малолетнего ребёнка",
                            "считает приговор несправедливым вследствие чрезмерной суровости"])
    lines = [
        _p("АПЕЛЛЯЦИОННОЕ ОПРЕДЕЛЕНИЕ", "center"),
        _p(f"{ru_date(case.decided)} г. &lt;данные изъяты&gt;"),
        _p(f"Судебная коллегия по уголовным делам {escape(genitive(case.court_name))} в составе председательствующего "
           f"{escape(judge_genitive(case.judge))}, рассмотрела в открытом судебном заседании уголовное дело по "
           f"апелляционной жалобе защитника на приговор {escape(genitive(low.court_name))} от {ru_date(low.decided)}, "
           f"которым {who} осуждён по {refs}."),
        _p("УСТАНОВИЛА:", "center"),
        _p(f"В апелляционной жалобе защитник {complaint}. Изучив материалы уголовного дела и обсудив доводы "
           f"жалобы, судебная коллегия приходит к следующему."),
        _p("Руководствуясь ст. 389.20, 389.28 и 389.33 УПК РФ, судебная коллегия"),
        _p("ОПРЕДЕЛИЛА:", "center"),
        _p(f"приговор {escape(genitive(low.court_name))} от {ru_date(low.decided)} в отношении {who} "
           f"{outcome.get(case.result or '', 'оставить без изменения, а апелляционную жалобу – без удовлетворения')}."),
    ]
    return "Определение", "\n".join(lines)
