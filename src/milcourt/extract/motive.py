"""The reasons the defendant gave, as the act records them.

Only two kinds of sentences are read: the defendant's own account (a paragraph where the
подсудимый / осужденный / обвиняемый "показал", "пояснил", "объяснил" …, and the following
sentences of it), and reason clauses the court attributes to him in the statement of the crime
("в связи с болезнью матери", "не желая участвовать в боевых действиях"). Sentences where the
court weighs mitigating circumstances, witnesses speak, or a reason is denied ("неуставных
отношений не было") are skipped.

The regexes below only select candidate sentences and name the category words; the candidates are
parsed (``syntax.py``) and each match is then kept or dropped by the sentence's structure: whose
verb of saying it hangs under, whether a negation's scope covers it, what a fear is of. Without
the parser (``MILCOURT_SYNTAX=0``, or a tree the parser could not join) the clause's regex cues
decide alone."""

from __future__ import annotations

import re
from typing import Any

from milcourt.extract import lexicon_syntax as lex
from milcourt.extract import syntax
from milcourt.extract.grammars import motives as grammar
from milcourt.extract.segment import Act, Part, paragraphs, sentences
from milcourt.extract.spans import Hit, find

_HIS_STATEMENT = re.compile(r"(?:показани|объяснени|заявлени)[а-я]*\s+(?:[а-я]+\s+)?(?:подсудим|осужд[её]нн|обвиняем|подозреваем)")
_ROLE = re.compile(r"подсудим|осужд[её]нн|обвиняем|подозреваем")
_OTHER_SPEAKER = re.compile(
    r"^\W*(?:свидетел|потерпевш|специалист|эксперт|представител|допрошенн[а-я]*\s+в\s+качестве\s+свидет)|"
    # a commander or a relative testifying: "Командир роты ФИО5 показал", "Мать подсудимого пояснила"
    r"^\W*(?:командир|начальник|заместител|сослуживц|мать|отец|супруг|жена|брат|сестра|сожительниц)[^.]{0,60}?"
    r"\s(?:показал|пояснил|сообщил|подтвердил)|"
    r"^\W*(?:из|согласно)\s[^.]{0,80}?показани[а-я]*\s+(?:свидетел|потерпевш)"
)
_REASON = re.compile(
    r"в\s+связи\s+с|из-за|по\s+причин|ввиду|вследствие|поскольку|так\s+как|т\.\s?к\.|потому\s+что|чтобы|"
    r"(?<!временно\s)(?:не\s+)?желая|подтолкну|вынудил|вынуждал|вынужден|заставил|заставля|послужил|стал[аио]?\s+причин|привел[аио]?\s+к|не\s+желал|считая|считал|хотелось|не\s+хотел|хотел|причин|с\s+целью|опаса|боял|нужн|нужда|необходимост|поэтому|в\s+силу|ради\b|из-за\s+чего",
)
_COURT_WEIGHS = re.compile(
    r"смягчающ|отягчающ|учитыва|характеризу|во\s+внимание|при\s+назначении|суд\s+(?:признает|считает|находит)|"
    r"довод[а-я]*|критически|несостоятельн|строго\s+не\s+наказ|снисхожд|на\s+(?:его\s+)?иждивении|"
    r"прос(?:ит|ил)\s+(?:суд\s+)?(?:не\s+)?(?:лиш|назнач|примен|смягч)",
)
# a complaint argues; it tells his reason only when it links a hardship to the absence
_ARGUES = re.compile(r"обраща[а-я]*\s+внимание|в\s+(?:[а-я]+\s+)?жалоб[а-я]*\s|ссылает|полагает|настаивает|защитник|адвокат")
_OWN_WORDS = re.compile(r"сказал|показал|пояснил|объяснил|сообщил|рассказал")
_PLEA = re.compile(r"прос(?:ит|ил)\s+(?:суд\s+)?(?:не\s+)?(?:лиш|назнач|примен|смягч)")
_ABSENT = re.compile(r"не\s+(?:вернул|явил|прибыл|возвратил|возвращал|являл)|оставил|покинул|уехал|отказал")
_DENIED = re.compile(
    r"не\s+было|не\s+имел|отсутствовал|не\s+подвергал|не\s+испытывал|в\s+полном\s+объ[её]ме|своевременно|"
    r"не\s+высказывал|не\s+поступал|не\s+обращал|\bнет\b|не\s+возникал|не\s+имеется|не\s+являл|не\s+связан",
)
_FORMULA = re.compile(
    r"временно\s+уклониться[^,.;]*|провести\s+время\s+по\s+своему\s+усмотрению|по\s+своему\s+усмотрению|"
    r"уклониться\s+от\s+(?:исполнения|прохождения)[^,.;]*|вооруж[её]нн[а-я]*\s+конфликт[а-я]*|"
    r"бо[яи][а-я]*\s+(?:им\s+|об\s+этом\s+)?(?:сообщ|рассказ|жаловат|обратит|доложит)[а-я]*",
)
_REST_FORMULA = re.compile(r"(?:желая\s+)?отдохнуть\s+от\s+(?:исполнения\s+)?(?:обязанностей\s+)?(?:военной\s+)?служб[а-я]*")
_FEAR_OF_LAW = re.compile(r"(?:бо[яи]|опаса|страх)[а-я]*\s+(?:уголовн|ответственност|наказани|привлечени|задержани|ареста)")
_FAKED = re.compile(r"симул|притвор|членовредит|фиктивн|подложн")
_NO_FAMILY_NEED = re.compile(r"не\s+нуждал|не\s+болел|здоров[ыа]\b|в\s+помощи\s+не")
# pay words that only name the pay ("денежное довольствие выплачивалось") without a problem
_PAID_ONLY = re.compile(
    r"^(?!.*(?:\bне\s|невыплат|задерж|без\s|долг|кредит|задолж|ипотек|займ|мал|низк|недостаточн|не\s+в\s+полном|"
    r"заработ|деньг|финанс|материальн|пособи|меньш|обещ|урез|недоплат|не\s+доплач|алимент)).*"
    r"(?:довольстви|выплач|выплат|зарплат)"
)
_EXTORTION = re.compile(r"похит|украл|украд|кража|потерял|утерял|вымога|поборы|отбира|отобра|требова[а-я]*\s+(?:[а-я]+\s+){0,2}(?:переда|отда|деньг)")
_SUPPLIED = re.compile(
    r"проблем|претензи|жалоб|в\s+полном\s+объ|(?<!ни\s)(?<!не\s)достаточн|своевременн|всем\s+необходим|в\s+норме"
)
_LACK = re.compile(
    r"отсутстви|нехватк|не\s+(?:было|хватал|выдал|выдавал|обеспеч|предоставл|производил|получа|получил)|без\s|плох|"
    r"ненадлежащ|заканчива|закончил|кончил|не\s+провод|без\s+смен|отказ|не\s+(?:дал|дава|выда)|недостаточн|"
    r"ни\s+достаточн|не\s+хвата|мало\b|нечеловеч|невыносим|антисанитар|ужасн|скотск|вместо\s|лишь|только\s"
)
# "рапорт об увольнении по состоянию здоровья", "отказано в отпуске по семейным обстоятельствам": the reason of
# the request, not of the absence
_REQUEST_REASON = re.compile(
    r"((?:увольнени|отпуск|комисси)[а-я]*[^.;]{0,40}?)"
    r"(по\s+(?:состоянию\s+здоровья|семейным\s+обстоятельствам|ранени[юя]|болезни|уходу\s+за\s+[а-яё]+|беременности))")
_MILITARY = re.compile(r"командир|командован|сослужив|старослужащ|старшин|сержант|офицер|начальник|взвод|рот[аыеу]\b|сослуж|военнослужащ")
_SELF = re.compile(r"собственн|у\s+него\s+(?:сам|обостр|заболе|забол|был)|своего\s+(?:здоровья|заболевания)|"
                   r"сам\s+(?:болел|заболел)|у\s+не[её]\s+сам")
_DEATH = re.compile(r"смерт|гибел|умер|скончал|погиб|похорон")
# In the crime statement these are the story, not his reason: "занимался личными делами", "из отпуска по
# болезни", "был госпитализирован", "причинив себе ранение"
_STORY_ONLY = {"other", "health", "wound"}
# cheap second cues: the family grammar needs a need or an event, the leave grammar a refusal
_FAMILY_NEED = re.compile(
    r"авари|дтп|болез|заболе|болел|болен|больн|уход|ухажив|помога|помощ|помоч|дров|заготов|забот|беремен|рожд|родил|роды|родах|родов|похорон|"
    r"смерт|умер|скончал|побыт|увидет|повидат|навест|проведа|развод|нужда|инвалид|госпитализ|поддерж|содерж|одинок|"
    r"престарел|тяжелобол|видет|свадьб|хозяйств|огород|переезд|обустр|присмотр|присматр|инсульт|инфаркт|лечени|"
    r"операци|парализ|онколог|диагност|справля|рожа|родит|встреч|встрет|семейн|жилищн|пожар|сгор|разруш|затоп|"
    r"пострада|обруш|сломал|перелом|снима|не\s+было\s+жиль|отсутстви[а-я]*\s+жиль|негде|одинок|гибел|погиб|"
    r"попечени|опек|иждивен"
)
_REFUSED = re.compile(
    r"отказ|игнорир|не\s+(?:был[аио]?\s+)?(?:предостав|дал|дава|отпуст|отпуска|рассмотр|рассматр|уволи|увольня|подпис|удовлетвор|реализ)|"
    r"без\s+(?:ответ|рассмотр|удовлетвор|реализ|вниман|движени)|ответ[а-я]*\s+(?:[а-я]+\s+){0,3}не\s"
)
# a reason he denies: "не в связи с болезнью родственников и не из-за проблем с командованием"
_NOT_BECAUSE = re.compile(
    r"(?<![а-яё])не\s+(?:в\s+связи\s+с|из-за|по\s+причине|вследствие|ввиду|потому\s+что|так\s+как|из\s+страха|ради)[^,;.]*"
)
_KIN_HYPHEN = re.compile(r"\b(?:брат|сестр|сын|доч|мат|отц|отец|жен|супруг|дед|бабушк)[а-я]*-(?=[а-я])")
_MONEY_NEED = re.compile(r"нужда[а-я]*\s+в\s+(?:[а-я]+\s+)?(?:деньг|средств|денежн|финанс)")
_CLAUSE = re.compile(r"[^,;:]+(?:[,;:]|$)")
# Cheap cues per motive: a clause is parsed only with the rules whose cue words it contains.
CUES = {
    "family": r"жиль[её]|жилья|мат(?:ь|ер)|мам|отц|отец|пап|жен|супруг|сожительн|реб[её]н|племянни|дяд|т[её]т[иеяю]|отчим|мачех|опек|попечени|дет[иеяь]|сын|доч|семь|семейн|родител|родствен|"
              r"родн|бабушк|дедушк|брат|сестр|т[её]щ|свекров|невест|внук|жилищн|жиль|квартир|\bдом|свадьб|похорон|беремен|родах|роды|родов|инсульт|инфаркт|родит|рожа",
    "wound": r"ранен|ранил|\bран[аыуе]\b|раной|контуз|осколоч|баротравм|минно|взрыв|ампутац",
    "health": r"болез|болел|болен|больн|заболе|болей|болям|лечен|лечил|подлеч|долеч|вылеч|здоров|самочувств|госпитал|больниц|бол[иья]\b|недомог|простуд|"
              r"гиперто|кровотеч|аппендик|хронич|травм|грыж|обостр|обследов|язв|давлени|сердц|температур|"
              r"туберкул|пневмони|гепатит|диабет|астм|онколог|\bрак|опухол|инфекци|воспален|бронхит|ковид|коронавирус|перелом|эпилепс|аппендицит|почечн",
    "fear": r"бо[яи]|опаса|опасен|страх|испуг|страшн|погиб|гибел|умира|умерет|передов|фронт|позици|зон[уеы]|сво\b",
    "psychological": r"стресс|пережив|депресс|психолог|психич|устал|истощ|подавлен|угнет|нервн|срыв|посттравм|птср|"
                     r"потрясен|шок|гор[еюя]\b|апати|психик|гибел|погиб|выгоран|морал|измота|вымота|изнур|бессонниц|тревог|тревожн|"
                     r"паник|паничес|тягот(?!ы\b)|душевн|спать|уснуть|сосредоточ|в\s+себя|слома|надлом",
    "pay": r"надбав|единовремен|выплат|выплач|зарплат|долг|кредит|погаш|погас|алимент|задолж|деньг|денеж|заработ|ипотек|займ|за[её]м|финанс|материальн|невыплат|пособи",
    "conflict_with_command": r"отбира|отобра|конфликт|униж|неуставн|издева|избив|избил|избие|оскорб|притесн|угрож|угроз|неприязн|"
                             r"дедовщ|вымога|травл|предвзят|придир|\bбил|ссор|брань|бран[ьи]|насил|насмеш|груб|вражд|пригроз|запуг|расправ|обид[аеуы]|рубл|взятк|"
                             r"\bоказ[а-я]*\s+(?:[а-яё]+\s+){0,3}давлени|\b(?:по)?требова[а-я]*\s+(?:[а-яё]+\s+){0,3}(?:деньг|денеж|оплат|плат)",
    "equipment": r"боеприпас|патрон|бронежилет|экипир|обмундир|продовол|провиз|снабж|оруж|\bед[ыау]\b|питани|\bвод[ыау]\b|"
                 r"медикамент|ротац|без\s+связи|тепл[а-я]*\s+(?:вещ|одежд)|спальн|зимн[а-я]*\s+(?:форм|одежд)|бронезащит|каск|шлем|аптечк|турникет|брон[яиюе]\b|снаряжени|средств[а-я]*\s+связи|артиллер|продукт|техник|сапог|обув|смен|"
                 r"нечеловеч|невыносим|антисанитар|бытов[а-я]*\s+услов|ужасн[а-я]*\s+услов|скотск",
    "unwilling_to_fight": r"не\s+счита|политическ|не\s+поддержива|противник[а-я]*\s+войн|участ|воева|убива|убийств|стреля|войн|\bбо[йяю]|убежден|религи|пацифис|совест|антивоен|штурм|"
                          r"верующ|оруж|\bвер[аыу]\b",
    "leave_denied": r"отпуск|увольн|ротац|рапорт|уволи|перевод",
    "other": r"ремонт|строител|достро|автомоб|машин|бан[июяе]\b|дач[аиуе]\b|гараж|надое|наскуч|девушк|подруг|женщин|отдох|погулят|спиртн|алкогол|выпива|запил|запой|запоя|пьянств|употребля|загул|личн|документ|вопрос|устро|трудоустр|подработ|отмет|праздн|"
             r"друз|провести\s+время\s+с\s|продаж|сделк|наследств|бизнес|увол|уйти\s+из\s+арми|истек|ист[её]к|истечени|"
             r"окончани[а-я]*\s+срок|срок[а-я]*\s+(?:[а-яё]+\s+){0,2}контракт|урожа|посев|уборк|фермерск|покос|скот|"
             r"сесси|экзамен|уч[её]б|университет|институт|колледж|техникум|диплом|зач[её]т|опозда|опаздыва|заблуди|отстал|"
             r"потерял|утерял|похитил|украл|утрат|краж|похищени|\bдом[аеу]?\b|крыш|обучени|курс[аыо]|выбор|кандидат|наводнени|паводок|"
             r"половодь|административн[а-я]*\s+арест|размы",
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
# anybody written as a masked token: "ФИО26", "<ФИО>", "Н.", "Г.А.Н.", "P-3f9a1c"
_ANY_PERSON = re.compile(r"(?:ФИО\d*|<ФИО\d*>|P-[0-9a-f]{6}|(?<![А-ЯЁа-яё])[А-ЯЁ]\.(?:\s?[А-ЯЁ]\.){0,2})")
# his statement read out or summarised: "показаний ФИО1, данных им в качестве обвиняемого", "дал показания,
# согласно которым"; a complaint told for him: "В обоснование указывает", "По мнению осуждённого",
# "Автор жалобы обращает внимание", "в апелляционной жалобе осуждённый (защитник) … указывает"
_ACCOUNT = re.compile(
    r"довод[а-я]*\s+(?:подсудим|осужд|обвиняем|защит|стороны\s+защиты)[а-я]*(?:\s+[а-яё]+){0,3},?\s+о\s+том|"
    r"данн[а-я]*\s+(?:им|ею)\s+(?:в\s+ходе\s+[а-я\s]{0,40})?в\s+качестве\s+(?:обвиняем|подозреваем)|"
    r"дал[а-я]?\s+показани[а-я]*,?\s+согласно\s+которым|^\W*в\s+обоснование|^\W*автор[а-я]*\s+жалоб|"
    r"^\W*по\s+мнению\s+(?:осужд|подсудим|защит|стороны\s+защиты|автора)|"
    r"^\W*в\s+(?:апелляционн|кассационн)[а-я]*\s+жалоб[а-я]*\s+(?:[а-я]+\s+){0,2}(?:осужд|защитник|адвокат)|"
    r"^\W*(?:осужд[её]нн|защитник|адвокат)[^.]{0,80}?\sв\s+(?:апелляционн|кассационн)[а-я]*\s+жалоб|"
    r"объясни[а-я]*\s+сво[её]\s+(?:отсутстви|неявк|поступок|действи)[а-я]*\s+тем|"
    r"^\W*(?:со\s+слов|по\s+словам)\s+(?:подсудим|осужд|обвиняем|фио\d*|<фио\d*>|p-[0-9a-f]{6}|[а-яё]\.)|"
    # "<данные изъяты> пояснил", the defendant's name masked as data
    r"^\W*<данные\s+изъяты>,?\s+(?:[а-яё]+\s+){0,6}(?:показал|пояснил|объяснил|сообщил|заявил)"
)
# his testimony named without a role word: "Согласно показаниям ФИО1, …", "подтверждается его собственными
# показаниями, согласно которым …", "Допрошенный в судебном заседании Смирнов … показал"
_HIS_OWN = re.compile(
    r"(?:показани|объяснени)[а-я]*\s+(?:фио\d*|<фио\d*>|\[фио\]|p-[0-9a-f]{6}|[а-яё]\.(?:\s?[а-яё]\.){0,2}[,\s])|"
    r"(?:\bего|сво[а-я]+|собственн[а-я]+)\s+(?:[а-я]+\s+){0,2}показани[а-я]*(?:\s+в\s+суде)?,?\s+(?:согласно\s+которым|о\s+том|из\s+которых)|"
    r"^\W*(?:будучи\s+)?допрошенн[а-я]*\s+в\s+(?:суде\b|судебном\s+заседании|ходе\s+предварительного|качестве\s+(?:обвиняем|подозреваем))"
    r"[^.]{0,80}?(?:показал|пояснил|объяснил)"
)
_NOT_HIS = re.compile(r"свидетел|потерпевш|специалист|эксперт|представител")
# a paragraph without a subject that goes on with the previous speaker: "Указывает, что …"
_GOES_ON = re.compile(
    r"\W*(?:кроме\s+того,?\s+|также\s+|при\s+этом\s+)?(?:указывает|отмечает|обращает|ссылается|утверждает|поясняет|"
    r"полагает|считает|заявляет|сообщает|настаивает)", re.I)
_PROSECUTOR = re.compile(r"^\W*(?:в\s+(?:апелляционн|кассационн)[а-я]*\s+представлени|государственн[а-я]*\s+обвинител|прокурор)")
_SPEECH = re.compile(r"(?:сказа(?:л|в)|показа(?:л|в)|показыва|поясни(?:л|в)|поясня|объясни(?:л|в)|объясня|сообщи(?:л|в)|заяви(?:л|в)|указа(?:л|в)|утвержда|рассказа(?:л|в)|подтверди(?:л|в))")


def defendant_token(act: Act) -> str | None:
    """How the act writes the defendant ("ФИО1", "P-3f9a1c", "Ю.Г.Р."): the first person after
    "в отношении" in the header."""
    head = act.header.text
    m = re.search(r"в\s+отношении|осужд[её]нн|подсудим", head)
    person = _PERSON.search(head, m.end() if m else 0)
    return person.group().replace(" ", "") if person else None


def _speaks(first: str, token: str | None) -> bool:
    low = first.lower()
    if _PROSECUTOR.search(low):
        return False
    if _ACCOUNT.search(low) or _TELLS.match(first):
        return True
    own = _HIS_OWN.search(low) if ("показани" in low or "допрошен" in low or "объяснени" in low) else None
    if own and not _NOT_HIS.search(low[:own.end()]):
        return True
    for person in _ANY_PERSON.finditer(first[:200]):
        if _SPEECH.search(low, person.end(), person.end() + 60) and not re.search(
                r"свидетел|потерпевш|командир|начальник", low[max(0, person.start() - 60):person.start()]):
            return True
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
    told_before = False
    for i, para in enumerate(paras):
        first = para.text[:400]
        if _OTHER_SPEAKER.search(first.lower()):
            told_before = False
            if _MAY_TELL.search(para.text):  # "Свидетель … показал, что … . Сам же подсудимый пояснил, что …"
                sents = sentences(para)
                told = next((k for k, s in enumerate(sents) if k and _tells(s.text)), None)
                if told is not None:
                    picked += [(s, True) for s in sents[told:]]
            continue
        if _speaks(first, token) or (told_before and _GOES_ON.match(first)):
            picked += [(s, True) for s in sentences(para)]
            told_before = True
            continue
        told_before = False
        crime = i < 3 and _REASON.search(para.text.lower())
        if not crime and not _MAY_TELL.search(para.text):
            continue  # razdel only where somebody may speak on
        sents = sentences(para)
        told = next((k for k, s in enumerate(sents) if k and _tells(s.text)), None)
        if crime:
            picked += [(s, False) for s in sents[:told]]
        if told is not None:  # "… Как пояснял Д. в суде первой инстанции, он хотел отдохнуть"
            picked += [(s, True) for s in sents[told:]]
    return picked


_TELLS_AT = (
    r"\W*(?:как\s+)?(?:показа|поясни|поясня|объясни|объясня|сообщи|заяви|указа)[а-я]*\s*(?:,|что|\s+(?:[А-ЯЁ]\.|ФИО|<ФИО|"
    r"подсудим|осужд|обвиняем))|"
    # the defendant as the subject of a new sentence: "Сам же подсудимый пояснил", "Подсудимый же заявил",
    # "Сам ФИО1 причины неявки объяснил тем"
    r"\W*(?:(?:однако|при\s+этом|между\s+тем|вместе\s+с\s+тем|в\s+то\s+же\s+время),?\s+)?(?:сам[а-я]*\s+)?(?:же\s+)?(?:подсудим|осужд[её]нн|обвиняем|(?<=сам\s)ФИО\d*|(?<=сам\s)[А-ЯЁ]\.|"
    r"(?<=сама\s)ФИО\d*)[а-я]*(?:\d*|\s+же)\s+(?:[а-яё.]+\s+){0,4}"
    r"(?:показа|поясн|объясн|заяви|заявл|утвержд|сообщи|указа|уточни|подчеркну|настаива)|"
    r"\W*(?:со\s+слов|по\s+словам)\s+(?:подсудим|осужд|обвиняем|[А-ЯЁ]\.|ФИО|<ФИО|P-)|"
    # "Согласно его показаниям, …", "По его словам, …"
    r"\W*(?:согласно|по)\s+(?:его|е[её]|сво[а-я]+)\s+(?:[а-я]+\s+){0,2}(?:показани|объяснени|словам)|"
    r"\W*<данные\s+изъяты>,?\s+(?:[а-яё]+\s+){0,6}(?:показа|поясни|объясни)"
)
_TELLS = re.compile(f"^(?:{_TELLS_AT})", re.I)
_MAY_TELL = re.compile(f"[.!?]\\s+(?:{_TELLS_AT})", re.I)


def _tells(sentence: str) -> bool:
    """A sentence inside the court's paragraph in which the defendant speaks: "Пояснил, что …",
    "Как пояснял Д. в суде первой инстанции, …", "Сам осуждённый объяснял свою неявку тем, что …"."""
    return bool(_TELLS.search(sentence)) and not re.search(r"свидетел|потерпевш", sentence[:80].lower())


_HIS_CLAIM = re.compile(r"довод[а-я]*\s+(?:подсудим|осужд|обвиняем|защит|стороны\s+защиты)[а-я]*(?:\s+[а-яё]+){0,3},?\s+о\s+том")


def _candidates(act: Act) -> list[tuple[Part, bool]]:
    """The sentences that may tell a reason (the regex prefilter): only these are parsed."""
    out: list[tuple[Part, bool]] = []
    for s, testimony in _own_account(act):
        low = s.text.lower()
        if not _PREFILTER.search(low):
            continue
        weighs = _COURT_WEIGHS.search(low)
        if weighs and _HIS_CLAIM.search(low):  # "Довод подсудимого о том, что …, суд отвергает": his reason still
            weighs = None
            testimony = True
        if weighs and not (testimony and _PLEA.fullmatch(weighs.group()) and _ABSENT.search(low)):
            continue  # a plea for leniency that also says why he stayed away still tells the reason
        if not testimony and not _REASON.search(low):
            continue
        if testimony and _ARGUES.search(low) and not (_REASON.search(low) or _ABSENT.search(low) or _OWN_WORDS.search(low)):
            continue  # a complaint listing hardships for leniency ("обращает внимание, что мать больна"), no reason given
        out.append((s, testimony))
    return out


# categories whose negation is the reason itself: "ротации не было", "отпуск не дали", "воевать не будет"
_NEGATION_IS_REASON = {"equipment", "leave_denied", "unwilling_to_fight"}
# a supply said to be sufficient: "выплачивалось своевременно и в полном объёме"
_SUFFICIENT = re.compile(r"в\s+полном\s+объ[её]ме|своевременно")


def _told(tree: syntax.Tree | None, name: str, testimony: bool, found: list[Hit]) -> list[Hit]:
    """The matches the sentence's structure keeps: not in a witness's or the court's words, and
    not under a negation that denies them."""
    if tree is None:
        return found
    whole = tree.whole
    kept = []
    for h in found:
        if tree.speaker(h.start, h.end) == "other":
            continue
        if whole and name not in _NEGATION_IS_REASON and tree.denied(h.start, h.end):
            continue
        if name == "fear" and whole:
            feared = tree.feared(h.start, h.end)
            if feared and (feared & lex.FEARED_LIABILITY or not feared & (lex.FEARED_COMBAT | lex.FEARED_COMMANDERS | lex.FEARED_VIOLENCE)):
                continue  # afraid of liability, of breaking down, of not getting back: not of combat
        kept.append(h)
    return kept


def _fear_of_a_person(tree: syntax.Tree, fear_hits: list[Hit], conflict_hits: list[Hit]) -> bool:
    """Every fear of the sentence is of a commander or comrade ("боялся командира"), or for his life
    where the sentence tells the conflict that threatened it ("угрожал …, опасаясь за свою жизнь");
    a fear of violence that is itself the only conflict word ("Опасаясь дальнейшего насилия") stays fear."""
    for h in fear_hits:
        words = tree.fear_object(h.start, h.end)
        if words is None:
            return False
        feared = {tree.tokens[w].lemma for w in words}
        combat = feared & lex.FEARED_COMBAT
        if feared & lex.FEARED_COMMANDERS and not combat - {"жизнь"}:
            continue
        inside = {(tree.tokens[w].start, tree.tokens[w].end) for w in words}
        told_apart = [c for c in conflict_hits if not any(s < c.end and e > c.start for s, e in inside)]
        if told_apart and combat <= {"жизнь"} and feared:
            continue  # "угрожал …, опасаясь за свою жизнь / расправы": the threat told in the sentence
        return False
    return True


def motives(act: Act, hits: list[Hit], evidence: list[dict[str, Any]] | None = None) -> list[str]:
    """The categories of reasons he gave; ``evidence`` gets, per category and sentence, the sentence's
    span and text and whose words it is ("defendant": his account or the complaint for him;
    "court": a reason clause of the court's statement of the crime)."""
    found: set[str] = set()
    family_sentences: list[bool] = []  # per sentence with family: only a relative's death named
    candidates = _candidates(act)
    trees: list[syntax.Tree | None] = [None] * len(candidates)
    if candidates and syntax.enabled():
        trees = syntax.parse([(s.text, s.start) for s, _ in candidates])
    for (s, testimony), tree in zip(candidates, trees, strict=True):
        low = s.text.lower()
        text = _FORMULA.sub(lambda m: " " * len(m.group()), low)
        if not testimony:  # "желая отдохнуть от военной службы" is the court's formula there
            text = _REST_FORMULA.sub(lambda m: " " * len(m.group()), text)
        if tree is None or not tree.whole:  # without a tree, a denied reason is blanked by its wording
            text = _NOT_BECAUSE.sub(lambda m: " " * len(m.group()), text)
        text = _FEAR_OF_LAW.sub(lambda m: " " * len(m.group()), text)
        text = _REQUEST_REASON.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
        in_sentence: set[str] = set()
        grief_only = False
        other_said: list[str] = []
        fear_hits: list[Hit] = []
        conflict_hits: list[Hit] = []
        text = _KIN_HYPHEN.sub(lambda m: m.group()[:-1] + " ", text)  # "брата-инвалида": two words
        kin = _MONEY_NEED.sub(lambda m: " " * len(m.group()), text)  # "семья нуждалась в деньгах" is pay
        if _CUES["family"].search(kin) and _FAMILY_NEED.search(kin) and not _NO_FAMILY_NEED.search(kin):  # relative and need span clauses
            matched = _told(tree, "family", testimony, find(RULES["family"], Part(kin, s.start), _CUES["family"], window=60))
            if matched:
                in_sentence.add("family")
                hits.extend(matched)
                grief_only = all(_DEATH.search(h.text) for h in matched)
        if _CUES["leave_denied"].search(text) and _REFUSED.search(text):  # the refusal is the reason: never a denial
            matched = _told(tree, "leave_denied", testimony, find(RULES["leave_denied"], Part(text, s.start), _CUES["leave_denied"], window=80))
            if matched:
                in_sentence.add("leave_denied")
                hits.extend(matched)
        for clause in _CLAUSE.finditer(text):
            if not _PREFILTER.search(clause.group()):
                continue
            # with the tree a denial is read from the negation's scope, per match (``_told``)
            # the clause's own wording of a denial ("неуставных отношений не было,") holds where the
            # parser's tree is off; the tree adds the denials that reach across clauses (``_told``)
            denied = bool(_DENIED.search(clause.group()))
            part = Part(clause.group(), s.start + clause.start())
            names = []
            for name, cue in _CUES.items():
                if not cue.search(clause.group()):
                    continue
                if name in ("leave_denied", "family") or (name in _STORY_ONLY and not testimony):
                    continue
                if name == "pay" and (_EXTORTION.search(clause.group()) or _PAID_ONLY.search(clause.group())):
                    continue
                if name == "equipment":  # a lack is the reason itself: "ротации не было"
                    if not _LACK.search(clause.group()) or _SUPPLIED.search(clause.group()):
                        continue
                elif denied:
                    continue
                matched = _told(tree, name, testimony, find(RULES[name], part, cue, window=40))
                if name == "health" and re.search(r"\bоказ[а-я]*\s+(?:[а-яё]+\s+){0,3}давлени", clause.group()):
                    matched = [h for h in matched if not h.text.startswith("давлен")]
                if name == "health" and _CUES["family"].search(clause.group()):
                    continue  # "организовать лечение отца": the illness is a relative's
                if name == "conflict_with_command" and not _MILITARY.search(low):
                    matched = [h for h in matched if not re.match(r"угро", h.text)]  # creditors threaten too
                if matched:
                    if name == "fear":
                        fear_hits += matched
                    if name == "conflict_with_command":
                        conflict_hits += matched
                    if name == "other":
                        other_said += [h.text for h in matched]
                    names.append(name)
                    hits.extend(matched)
            in_sentence |= set(names)
        if "other" in in_sentence and len(in_sentence) > 1 and all(re.match(r"(?:реш|оформ)", t) for t in other_said):
            in_sentence.discard("other")  # "решить вопрос с жильём": the matter is the other reason's
        if "leave_denied" in in_sentence and "other" in in_sentence and all(re.search(r"увол|уйти|срок|контракт|истеч|оконч", t) for t in other_said):
            in_sentence.discard("other")  # the discharge he asked for was refused: that is the reason
        if "pay" in in_sentence and "other" in in_sentence and re.search(r"работ|трудоустр", text):
            in_sentence.discard("other")  # he took a job to pay his debts: money is the reason
        if fear_hits and tree is not None and tree.whole and _fear_of_a_person(tree, fear_hits, conflict_hits):
            in_sentence.discard("fear")  # afraid of the commander who threatened him: the conflict is the reason
            in_sentence.add("conflict_with_command")
        if grief_only and "psychological" in in_sentence:
            in_sentence.discard("family")  # grief for a dead relative is the mental state, not family need
        if "family" in in_sentence:
            family_sentences.append(grief_only)
        if "family" in in_sentence and "health" in in_sentence and not _SELF.search(text):
            in_sentence.discard("health")  # "мать, у которой диагностировали заболевание": a relative's illness
        if "wound" in in_sentence or _FAKED.search(low):
            in_sentence.discard("health")  # the illness is the wound's or the faked one (ст. 339)
        found |= in_sentence
        if evidence is not None:
            evidence += [{"category": c, "start": s.start, "end": s.end, "clause": s.text[:400],
                          "speaker": "defendant" if testimony else "court"} for c in sorted(in_sentence)]
    if "family" in found and "psychological" in found and family_sentences and all(family_sentences):
        found.discard("family")  # the relative's death and funeral told apart from the grief that kept him
    return sorted(found)
