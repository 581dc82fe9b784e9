"""The reasons the defendant gave, as the act records them.

Only two kinds of sentences are read: the defendant's own account (a paragraph where the
подсудимый / осужденный / обвиняемый "показал", "пояснил", "объяснил" …, and the following
sentences of it), and reason clauses the court attributes to him in the statement of the crime
("в связи с болезнью матери", "не желая участвовать в боевых действиях"). Sentences where the
court weighs mitigating circumstances, witnesses speak, or a reason is denied ("неуставных
отношений не было") are skipped."""

from __future__ import annotations

import re

from milcourt.extract.grammars.motives import LEAVE_DENIED, MOTIVE
from milcourt.extract.segment import Act, Part, paragraphs, sentences
from milcourt.extract.spans import Hit, find

_SPEAKER = re.compile(
    r"(?:подсудим|осужд[её]нн|обвиняем|подозреваем)[а-я]*[^.]{0,200}?"
    r"(?:показа|поясн|объясн|сообщ|заяв|указ|утвержда|рассказ|подтверд)",
    re.I,
)
_OTHER_SPEAKER = re.compile(r"^\W*(?:свидетел|потерпевш|специалист|эксперт|представител|допрошенн[а-я]*\s+в\s+качестве\s+свидет)", re.I)
_REASON = re.compile(
    r"в\s+связи\s+с|из-за|по\s+причин|ввиду|вследствие|поскольку|так\s+как|т\.\s?к\.|потому\s+что|чтобы|"
    r"(?<!временно\s)(?:не\s+)?желая|не\s+хотел|хотел|причин|с\s+целью|опаса|боял|нужн|нужда|необходимост|поэтому|в\s+силу|ради\b|из-за\s+чего",
    re.I,
)
_COURT_WEIGHS = re.compile(
    r"смягчающ|отягчающ|учитыва|характеризу|во\s+внимание|при\s+назначении|суд\s+(?:признает|считает|находит)|"
    r"довод[а-я]*|критически|несостоятельн",
    re.I,
)
_DENIED = re.compile(
    r"не\s+было|не\s+имел|отсутствовал|не\s+подвергал|не\s+испытывал|в\s+полном\s+объ[её]ме|своевременно|"
    r"не\s+высказывал|не\s+поступал|не\s+обращал|\bнет\b|не\s+возникал|не\s+имеется|не\s+являл|не\s+связан",
    re.I,
)
_FORMULA = re.compile(
    r"временно\s+уклониться[^,.;]*|провести\s+время\s+по\s+своему\s+усмотрению|по\s+своему\s+усмотрению|"
    r"уклониться\s+от\s+(?:исполнения|прохождения)[^,.;]*",
    re.I,
)
_REST_FORMULA = re.compile(r"(?:желая\s+)?отдохнуть\s+от\s+(?:исполнения\s+)?(?:обязанностей\s+)?(?:военной\s+)?служб[а-я]*", re.I)
_FEAR_OF_LAW = re.compile(r"(?:бо[яи]|опаса|страх)[а-я]*\s+(?:уголовн|ответственност|наказани|привлечени|задержани|ареста)", re.I)
_LEAVE = re.compile(r"отпуск|увольн|ротац|рапорт", re.I)
_CLAUSE = re.compile(r"[^,;:]+(?:[,;:]|$)")
_PREFILTER = re.compile(
    r"мат(?:ь|ер)|отц|отец|жен|супруг|реб[её]н|дет|сын|доч|семь|семейн|родител|родствен|бабушк|дедушк|брат|сестр|тещ|тёщ|"
    r"болез|болел|болен|больн|заболев|лечен|лечил|здоров|самочувств|госпитал|травм|ранен|контуз|осколоч|"
    r"бо[яи]|опаса|страх|испуг|стресс|пережив|депресс|психолог|психич|устал|истощ|подавлен|нервн|гибел|морал|"
    r"выплат|зарплат|долг|кредит|задолж|деньг|денеж|заработ|ипотек|финанс|материальн|"
    r"конфликт|униж|неуставн|издева|избив|избил|избие|оскорб|притесн|угрож|угроз|неприязн|дедовщ|вымога|травл|"
    r"боеприпас|патрон|бронежилет|экипир|обмундир|продовол|провиз|снабж|оруж|еды|еда|питани|воды|ротац|"
    r"участ|воева|убива|стреля|убежден|религи|пацифис|совест|"
    r"отпуск|увольн|рапорт|отдох|отдых|погулят|спиртн|алкогол|выпива|личн|документ|хозяйств|жиль|дом|квартир",
    re.I,
)


def _own_account(act: Act) -> list[tuple[Part, bool]]:
    """Sentences where the defendant gives his account (True), and the crime statement's (False)."""
    picked: list[tuple[Part, bool]] = []
    paras = paragraphs(act.descriptive)
    for i, para in enumerate(paras):
        first = para.text[:400]
        if _OTHER_SPEAKER.search(first):
            continue
        if _SPEAKER.search(first):
            picked += [(s, True) for s in sentences(para)]
        elif i < 3 and _REASON.search(para.text):
            picked += [(s, False) for s in sentences(para)]
    return picked


def motives(act: Act, hits: list[Hit]) -> list[str]:
    found: set[str] = set()
    for s, testimony in _own_account(act):
        if _COURT_WEIGHS.search(s.text) or not _REASON.search(s.text) or not _PREFILTER.search(s.text):
            continue
        text = _FORMULA.sub(lambda m: " " * len(m.group()), s.text)
        if not testimony:  # "желая отдохнуть от военной службы" is the court's formula there
            text = _REST_FORMULA.sub(lambda m: " " * len(m.group()), text)
        text = _FEAR_OF_LAW.sub(lambda m: " " * len(m.group()), text)
        for clause in _CLAUSE.finditer(text):
            if _DENIED.search(clause.group()) or not _PREFILTER.search(clause.group()):
                continue
            part = Part(clause.group(), s.start + clause.start())
            names = []
            for hit in find(MOTIVE, part, _PREFILTER, window=30):
                if hit.name and hit.name != "equipment" or re.search(r"отсутстви|нехватк|не\s+(?:было|хватал|выдал|обеспеч)|без\s", clause.group(), re.I):
                    names.append(hit.name)
                    hits.append(hit)
            if "leave_denied" not in names and _LEAVE.search(clause.group()):
                extra = find(LEAVE_DENIED, part)
                names += ["leave_denied"] * bool(extra)
                hits += extra
            kinds = set(filter(None, names))
            if "wound" in kinds or "family" in kinds:
                kinds.discard("health")
            found |= kinds
    return sorted(found)
