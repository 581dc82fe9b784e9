"""The reasons the defendant gave, as the act records them.

Only two kinds of sentences are read: the defendant's own account (a paragraph where the
подсудимый / осужденный / обвиняемый "показал", "пояснил", "объяснил" …, and the following
sentences of it), and reason clauses the court attributes to him in the statement of the crime
("в связи с болезнью матери", "не желая участвовать в боевых действиях"). Sentences where the
court weighs mitigating circumstances, witnesses speak, or a reason is denied ("неуставных
отношений не было") are skipped."""

from __future__ import annotations

import re

from milcourt.extract.grammars import motives as grammar
from milcourt.extract.segment import Act, Part, paragraphs, sentences
from milcourt.extract.spans import Hit, find

_HIS_STATEMENT = re.compile(r"(?:показани|объяснени|заявлени)[а-я]*\s+(?:[а-я]+\s+)?(?:подсудим|осужд[её]нн|обвиняем|подозреваем)")
_ROLE = re.compile(r"подсудим|осужд[её]нн|обвиняем|подозреваем")
_OTHER_SPEAKER = re.compile(
    r"^\W*(?:свидетел|потерпевш|специалист|эксперт|представител|допрошенн[а-я]*\s+в\s+качестве\s+свидет)|"
    r"^\W*(?:из|согласно)\s[^.]{0,80}?показани[а-я]*\s+(?:свидетел|потерпевш)"
)
_REASON = re.compile(
    r"в\s+связи\s+с|из-за|по\s+причин|ввиду|вследствие|поскольку|так\s+как|т\.\s?к\.|потому\s+что|чтобы|"
    r"(?<!временно\s)(?:не\s+)?желая|не\s+желал|считая|считал|хотелось|не\s+хотел|хотел|причин|с\s+целью|опаса|боял|нужн|нужда|необходимост|поэтому|в\s+силу|ради\b|из-за\s+чего",
)
_COURT_WEIGHS = re.compile(
    r"смягчающ|отягчающ|учитыва|характеризу|во\s+внимание|при\s+назначении|суд\s+(?:признает|считает|находит)|"
    r"довод[а-я]*|критически|несостоятельн|строго\s+не\s+наказ|снисхожд|на\s+(?:его\s+)?иждивении|"
    r"прос(?:ит|ил)\s+(?:суд\s+)?(?:не\s+)?(?:лиш|назнач|примен|смягч)",
)
_DENIED = re.compile(
    r"не\s+было|не\s+имел|отсутствовал|не\s+подвергал|не\s+испытывал|в\s+полном\s+объ[её]ме|своевременно|"
    r"не\s+высказывал|не\s+поступал|не\s+обращал|\bнет\b|не\s+возникал|не\s+имеется|не\s+являл|не\s+связан",
)
_FORMULA = re.compile(
    r"временно\s+уклониться[^,.;]*|провести\s+время\s+по\s+своему\s+усмотрению|по\s+своему\s+усмотрению|"
    r"уклониться\s+от\s+(?:исполнения|прохождения)[^,.;]*",
)
_REST_FORMULA = re.compile(r"(?:желая\s+)?отдохнуть\s+от\s+(?:исполнения\s+)?(?:обязанностей\s+)?(?:военной\s+)?служб[а-я]*")
_FEAR_OF_LAW = re.compile(r"(?:бо[яи]|опаса|страх)[а-я]*\s+(?:уголовн|ответственност|наказани|привлечени|задержани|ареста)")
_FAKED = re.compile(r"симул|притвор|членовредит|фиктивн|подложн")
_NO_FAMILY_NEED = re.compile(r"не\s+нуждал|не\s+болел|здоров[ыа]\b|в\s+помощи\s+не")
# pay words that only name the pay ("денежное довольствие выплачивалось") without a problem
_PAID_ONLY = re.compile(
    r"^(?!.*(?:\bне\s|невыплат|задерж|без\s|долг|кредит|задолж|ипотек|займ|мал|низк|недостаточн|не\s+в\s+полном|"
    r"заработ|деньг|финанс|материальн|пособи)).*(?:довольстви|выплач|выплат|зарплат)"
)
_EXTORTION = re.compile(r"вымога|поборы|требова[а-я]*\s+(?:[а-я]+\s+){0,2}(?:переда|отда|деньг)")
_SUPPLIED = re.compile(r"проблем|претензи|жалоб|в\s+полном\s+объ|достаточн|своевременн|всем\s+необходим|в\s+норме")
_LACK = re.compile(
    r"отсутстви|нехватк|не\s+(?:было|хватал|выдал|выдавал|обеспеч|предоставл|производил|получа|получил)|без\s|плох|"
    r"ненадлежащ|заканчива|закончил|кончил"
)
_CLAUSE = re.compile(r"[^,;:]+(?:[,;:]|$)")
# Cheap cues per motive: a clause is parsed only with the rules whose cue words it contains.
CUES = {
    "family": r"мат(?:ь|ер)|мам|отц|отец|пап|жен|супруг|сожительн|реб[её]н|дет[иеяь]|сын|доч|семь|семейн|родител|родствен|"
              r"родн|бабушк|дедушк|брат|сестр|т[её]щ|свекров|невест|внук|жилищн|жиль|квартир|\bдом|свадьб|похорон|беремен|родах|роды|родов",
    "wound": r"ранен|ранил|контуз|осколоч|баротравм|минно|взрыв|ампутац",
    "health": r"болез|болел|болен|заболе|лечен|лечил|здоров|самочувств|госпитал|больниц|бол[иья]\b|недомог|простуд|"
              r"гиперто|хронич|травм|грыж|врач|медицин|поликлиник|обострен",
    "fear": r"бо[яи]|опаса|опасен|страх|испуг|страшн|погиб|гибел|умира|умерет|передов|фронт|позици|зон[уеы]|сво\b",
    "psychological": r"стресс|пережив|депресс|психолог|психич|устал|истощ|подавлен|угнет|нервн|срыв|посттравм|птср|"
                     r"потрясен|шок|гор[еюя]\b|апати|психик|гибел|выгоран|морал|измота|вымота|изнур|бессонниц|тревог|тревожн",
    "pay": r"выплат|выплач|зарплат|долг|кредит|задолж|деньг|денеж|заработ|ипотек|займ|за[её]м|финанс|материальн|невыплат|пособи",
    "conflict_with_command": r"конфликт|униж|неуставн|издева|избив|избил|избие|оскорб|притесн|угрож|угроз|неприязн|"
                             r"дедовщ|вымога|травл|предвзят|придир|\bбил",
    "equipment": r"боеприпас|патрон|бронежилет|экипир|обмундир|продовол|провиз|снабж|оруж|\bед[ыау]\b|питани|\bвод[ыау]\b|"
                 r"медикамент|ротац|без\s+связи|средств[а-я]*\s+связи|артиллер|продукт|техник",
    "unwilling_to_fight": r"участ|воева|убива|убийств|стреля|войн|\bбо[йяю]|убежден|религи|пацифис|совест|антивоен|штурм",
    "leave_denied": r"отпуск|увольн|ротац|рапорт|уволи",
    "other": r"отдох|погулят|спиртн|алкогол|выпива|личн|документ|вопрос",
}
_CUES = {name: re.compile(pattern) for name, pattern in CUES.items()}
_PREFILTER = re.compile("|".join(f"(?:{p})" for p in CUES.values()))
RULES = {
    "family": grammar.FAMILY, "wound": grammar.WOUND, "health": grammar.HEALTH, "fear": grammar.FEAR,
    "psychological": grammar.PSYCHOLOGICAL, "pay": grammar.PAY, "conflict_with_command": grammar.CONFLICT,
    "equipment": grammar.EQUIPMENT, "unwilling_to_fight": grammar.UNWILLING, "leave_denied": grammar.LEAVE_DENIED,
    "other": grammar.OTHER,
}


_PERSON = re.compile(r"ФИО\d+|P-[0-9a-f]{6}|(?:[А-ЯЁ]\.\s?){2,3}")
_SPEECH = re.compile(r"(?:показа(?:л|в)|поясни(?:л|в)|поясня|объясни(?:л|в)|объясня|сообщи(?:л|в)|заяви(?:л|в)|указа(?:л|в)|утвержда|рассказа(?:л|в)|подтверди(?:л|в))")


def defendant_token(act: Act) -> str | None:
    """How the act writes the defendant ("ФИО1", "P-3f9a1c", "Ю.Г.Р."): the first person after
    "в отношении" in the header."""
    head = act.header.text
    m = re.search(r"в\s+отношении|осужд[её]нн|подсудим", head)
    person = _PERSON.search(head, m.end() if m else 0)
    return person.group().replace(" ", "") if person else None


def _speaks(first: str, token: str | None) -> bool:
    low = first.lower()
    role = _ROLE.search(low)
    if role and _SPEECH.search(low, role.end(), role.end() + 220):
        return True
    if _HIS_STATEMENT.search(low) or (token and f"показаний {token.lower()}" in low.replace(" ", " ")):
        return True
    if token and token in first.replace(" ", ""):
        at = first.replace(" ", "").find(token)
        return bool(_SPEECH.search(first.replace(" ", "")[at:at + 250].lower()))
    return False


def _own_account(act: Act) -> list[tuple[Part, bool]]:
    """Sentences where the defendant gives his account (True), and the crime statement's (False)."""
    picked: list[tuple[Part, bool]] = []
    paras = paragraphs(act.descriptive)
    token = defendant_token(act)
    for i, para in enumerate(paras):
        first = para.text[:400]
        if _OTHER_SPEAKER.search(first.lower()):
            continue
        if _speaks(first, token):
            picked += [(s, True) for s in sentences(para)]
        elif i < 3 and _REASON.search(para.text.lower()):
            picked += [(s, False) for s in sentences(para)]
    return picked


def motives(act: Act, hits: list[Hit]) -> list[str]:
    found: set[str] = set()
    for s, testimony in _own_account(act):
        low = s.text.lower()
        if _COURT_WEIGHS.search(low) or not _PREFILTER.search(low):
            continue
        if not testimony and not _REASON.search(low):
            continue
        text = _FORMULA.sub(lambda m: " " * len(m.group()), low)
        if not testimony:  # "желая отдохнуть от военной службы" is the court's formula there
            text = _REST_FORMULA.sub(lambda m: " " * len(m.group()), text)
        text = _FEAR_OF_LAW.sub(lambda m: " " * len(m.group()), text)
        in_sentence: set[str] = set()
        if _CUES["family"].search(text) and not _NO_FAMILY_NEED.search(text):  # relative and need span clauses
            matched = find(RULES["family"], Part(text, s.start), _CUES["family"], window=60)
            if matched:
                in_sentence.add("family")
                hits.extend(matched)
        if _CUES["leave_denied"].search(text):  # the refusal is the reason: never a denial
            matched = find(RULES["leave_denied"], Part(text, s.start), _CUES["leave_denied"], window=80)
            if matched:
                in_sentence.add("leave_denied")
                hits.extend(matched)
        for clause in _CLAUSE.finditer(text):
            if not _PREFILTER.search(clause.group()):
                continue
            denied = bool(_DENIED.search(clause.group()))
            part = Part(clause.group(), s.start + clause.start())
            names = []
            for name, cue in _CUES.items():
                if not cue.search(clause.group()):
                    continue
                if name in ("leave_denied", "family"):
                    continue
                if name == "pay" and (_EXTORTION.search(clause.group()) or _PAID_ONLY.search(clause.group())):
                    continue
                if name == "equipment":  # a lack is the reason itself: "ротации не было"
                    if not _LACK.search(clause.group()) or _SUPPLIED.search(clause.group()):
                        continue
                elif denied:
                    continue
                matched = find(RULES[name], part, cue, window=40)
                if matched:
                    names.append(name)
                    hits.extend(matched)
            in_sentence |= set(names)
        if "wound" in in_sentence or "family" in in_sentence or _FAKED.search(low):
            in_sentence.discard("health")  # the illness is the wound's, a relative's, or the faked one (ст. 339)
        found |= in_sentence
    return sorted(found)
